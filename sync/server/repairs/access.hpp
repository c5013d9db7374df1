// Who may read or rate a repair ticket: office staff, or a kiosk showing the
// ticket's follow-up code or a fresh verification of the ticket's unit.
// Ids are sequential, so they prove nothing.
#pragma once

#include "api.hpp"
#include "verification.hpp"

#include "protocol/repairs.hpp"

#include <optional>
#include <string>
#include <variant>

namespace lobby::server::repairs {

// nullopt: the caller may go on (staff still learn below whether the ticket
// exists). Otherwise the refusal to send, never stored for idempotency:
//   403 verification_required  neither a code nor a token was sent (says nothing about the id);
//   429 too_many_attempts      this kiosk missed too often lately (answered before the id is looked at);
//   404 unknown_ticket         no such ticket, or the code/token does not fit it: one answer for
//                              both, and each counts as a miss.
std::optional<ApiResponse> refuse_ticket_access(ApiContext& ctx, const std::string& ticket_id,
                                                const protocol::TicketCredentials& credentials, VerificationUse use);

// The ticket id a follow-up code belongs to, or the refusal (429 while this
// kiosk is paused for wrong codes; 404 unknown_ticket, counted as a miss).
std::variant<std::string, ApiResponse> ticket_by_follow_code(ApiContext& ctx, const std::string& code);

// The follow-up code as stored: its SHA-256, never the code.
std::string follow_code_hash(const std::string& code);

} // namespace lobby::server::repairs
