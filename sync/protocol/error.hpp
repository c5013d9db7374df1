// The error body every non-2xx response carries, and its code names.
#pragma once

#include "protocol/codec.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace lobby::protocol {

// {"error":{"code":"unit_locked","message":"...","locked_until":"..."}}
struct ErrorBody {
    std::string code;                         // snake_case, stable, for programs
    std::string message;                      // a sentence for people
    std::optional<UtcSeconds> locked_until;   // unit_locked, too_many_attempts
    std::optional<std::int64_t> attempts_left;  // phone_mismatch only
};
LOBBY_PROTOCOL_CODEC(ErrorBody);

// Codes the server sends; the HTTP status is listed in sync/openapi.yaml.
namespace error_code {
inline constexpr const char* bad_json = "bad_json";                    // 400
inline constexpr const char* bad_request = "bad_request";              // 400 (unreadable HTTP request)
inline constexpr const char* invalid_query = "invalid_query";          // 400
inline constexpr const char* invalid_setting = "invalid_setting";      // 400 (a kiosk setting staff sent is not allowed; nothing stored)
inline constexpr const char* missing_idempotency_key = "missing_idempotency_key";  // 400
inline constexpr const char* unauthorized = "unauthorized";            // 401
inline constexpr const char* verification_expired = "verification_expired";  // 401 (a household verification too old, or not this kiosk's: verify again)
inline constexpr const char* forbidden = "forbidden";                  // 403
inline constexpr const char* phone_mismatch = "phone_mismatch";        // 403
inline constexpr const char* verification_required = "verification_required";  // 403 (payment order without this kiosk's fresh lookup of the unit)
inline constexpr const char* not_found = "not_found";                  // 404
inline constexpr const char* request_timeout = "request_timeout";      // 408 (the request did not arrive in full in time)
inline constexpr const char* length_required = "length_required";      // 411 (a body without Content-Length)
inline constexpr const char* unknown_unit = "unknown_unit";            // 404
inline constexpr const char* unknown_ticket = "unknown_ticket";        // 404
inline constexpr const char* unknown_code = "unknown_code";            // 404
inline constexpr const char* unknown_order = "unknown_order";          // 404
inline constexpr const char* unknown_survey = "unknown_survey";        // 404
inline constexpr const char* unknown_move_out = "unknown_move_out";    // 404
inline constexpr const char* unknown_notice = "unknown_notice";        // 404
inline constexpr const char* unknown_image = "unknown_image";          // 404
inline constexpr const char* idempotency_conflict = "idempotency_conflict";  // 409
inline constexpr const char* already_answered = "already_answered";    // 409
inline constexpr const char* already_rated = "already_rated";          // 409
inline constexpr const char* ticket_not_completed = "ticket_not_completed";  // 409
inline constexpr const char* invalid_transition = "invalid_transition";  // 409
inline constexpr const char* slot_taken = "slot_taken";                // 409 (a repair visit slot filled meanwhile)
inline constexpr const char* ticket_secret_taken = "ticket_secret_taken";  // 409 (a new ticket's follow_code or status_token is another ticket's)
inline constexpr const char* not_awaiting_acceptance = "not_awaiting_acceptance";  // 409
inline constexpr const char* paid_service_not_acknowledged = "paid_service_not_acknowledged";  // 422
inline constexpr const char* code_already_used = "code_already_used";  // 409
inline constexpr const char* no_rotation_pending = "no_rotation_pending";  // 409 (POST /v1/kiosks/token when staff asked for no rotation)
inline constexpr const char* order_already_paid = "order_already_paid";  // 409
inline constexpr const char* bills_already_paid = "bills_already_paid";  // 409
inline constexpr const char* code_expired = "code_expired";            // 410
inline constexpr const char* order_expired = "order_expired";          // 410
inline constexpr const char* payload_too_large = "payload_too_large";  // 413
inline constexpr const char* invalid_field = "invalid_field";          // 422
inline constexpr const char* out_of_scope = "out_of_scope";            // 422
inline constexpr const char* survey_closed = "survey_closed";          // 422
inline constexpr const char* code_not_yet_valid = "code_not_yet_valid";  // 422
inline constexpr const char* unit_locked = "unit_locked";              // 423
inline constexpr const char* too_many_attempts = "too_many_attempts";  // 429 (visitor code guesses; locked_until says when)
inline constexpr const char* internal_error = "internal_error";        // 500 (a bug, never bad input)
inline constexpr const char* payments_unavailable = "payments_unavailable";  // 503 (no payment provider, or it did not create the order)
inline constexpr const char* database_unavailable = "database_unavailable";  // 503 (the database is down, restarting or busy: retry later, same Idempotency-Key)
inline constexpr const char* too_many_connections = "too_many_connections";  // 503 (this client address has too many open)
} // namespace error_code

} // namespace lobby::protocol
