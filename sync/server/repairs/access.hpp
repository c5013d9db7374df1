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

// A new ticket's kiosk-chosen secrets (follow_code, status_token) must be
// no other ticket's: the database refuses a duplicate anyway (unique
// indexes), this says so clearly, without confirming a guess for free.
// nullopt: both are new. Otherwise the refusal, never stored:
//   429 too_many_attempts  this kiosk sent taken secrets too often lately (checked before any lookup);
//   409 ticket_secret_taken  one of them is another ticket's, counted as a miss.
// Misses are counted apart from wrong follow-up codes (scope "new:<kiosk>"):
// a kiosk's own random secrets are never taken, so only a probing client is
// ever paused, and residents' mistyped codes never hold back a new ticket.
std::optional<ApiResponse> refuse_taken_secrets(ApiContext& ctx, const protocol::RepairRequest& req);

// The follow-up code as stored: its SHA-256, never the code.
std::string follow_code_hash(const std::string& code);

} // namespace lobby::server::repairs
