// Ticket access by follow-up code or unit verification, with guesses of
// codes (and of ticket ids) limited per kiosk.
#include "repairs/access.hpp"

#include "guess_guard.hpp"
#include "repairs/tickets.hpp"
#include "sha256.hpp"

namespace lobby::server::repairs {
namespace {

const GuessGuard code_guard("ticket_code_guard");

ApiResponse refused(ApiResponse r) {
    r.store = false;  // a guess costs no idempotency row; a retry asks afresh
    return r;
}

ApiResponse too_many(protocol::UtcSeconds until) {
    ApiResponse r = api_error(429, protocol::error_code::too_many_attempts,
                              "This kiosk sent too many wrong follow-up codes or unknown ticket ids; reading and "
                              "rating tickets is paused until " + protocol::format_utc(until) + ".");
    r.body["error"]["locked_until"] = protocol::format_utc(until);
    return refused(r);
}

// Does the code or the token fit this ticket? Both are checked against the
// row itself, so an unknown id and a wrong code take the same path.
bool credentials_fit(ApiContext& ctx, const std::string& ticket_id, const protocol::TicketCredentials& c,
                     VerificationUse use) {
    Statement st(ctx.db, "SELECT unit_id, follow_code_hash FROM tickets WHERE id = ?");
    st.bind(1, ticket_id);
    if (!st.step()) return false;
    if (c.follow_code && !st.is_null(1) && follow_code_hash(*c.follow_code) == st.text(1)) return true;
    return c.verification_token && unit_verified(ctx, c.verification_token, st.text(0), use);
}

} // namespace

std::string follow_code_hash(const std::string& code) { return sha256_hex(code); }

std::optional<ApiResponse> refuse_ticket_access(ApiContext& ctx, const std::string& ticket_id,
                                                const protocol::TicketCredentials& credentials, VerificationUse use) {
    if (ctx.caller.is_staff()) return std::nullopt;
    if (!credentials.follow_code && !credentials.verification_token)
        return refused(api_error(403, protocol::error_code::verification_required,
                                 "A kiosk reads or rates a repair ticket with its follow_code (printed on the ticket "
                                 "screen) or the verification_token of a fee lookup of the ticket's unit."));
    if (const auto until = code_guard.locked_until(ctx.db, ctx.caller.kiosk_id, ctx.now)) return too_many(*until);
    if (credentials_fit(ctx, ticket_id, credentials, use)) return std::nullopt;
    code_guard.count_miss(ctx.db, ctx.caller.kiosk_id, ctx.config.follow_code_misses_per_kiosk,
                          ctx.config.follow_code_lockout_seconds, ctx.now);
    return refused(api_error(404, protocol::error_code::unknown_ticket,
                             "No repair ticket " + ticket_id + " matches this follow-up code or verification."));
}

std::optional<ApiResponse> refuse_taken_secrets(ApiContext& ctx, const protocol::RepairRequest& req) {
    if (!req.follow_code && !req.status_token) return std::nullopt;
    const std::string scope = "new:" + ctx.caller.kiosk_id;
    if (!ctx.caller.is_staff())
        if (const auto until = code_guard.locked_until(ctx.db, scope, ctx.now)) {
            ApiResponse r = too_many(*until);
            r.body["error"]["message"] = "This kiosk sent too many follow-up codes or status tokens that other tickets "
                                         "already have; new tickets with them are paused until " +
                                         protocol::format_utc(*until) + ".";
            return r;
        }
    const bool code_taken =
        req.follow_code && ticket_id_by_hash(ctx.db, "follow_code_hash", follow_code_hash(*req.follow_code));
    const bool token_taken = req.status_token && ticket_id_by_hash(ctx.db, "status_token_hash", sha256_hex(*req.status_token));
    if (!code_taken && !token_taken) return std::nullopt;
    if (!ctx.caller.is_staff())
        code_guard.count_miss(ctx.db, scope, ctx.config.follow_code_misses_per_kiosk, ctx.config.follow_code_lockout_seconds,
                              ctx.now);
    return refused(api_error(409, protocol::error_code::ticket_secret_taken,
                             "Another ticket already has this follow_code or status_token; make new ones "
                             "(protocol make_follow_code, make_status_token) and send the ticket again."));
}

std::variant<std::string, ApiResponse> ticket_by_follow_code(ApiContext& ctx, const std::string& code) {
    if (!ctx.caller.is_staff())
        if (const auto until = code_guard.locked_until(ctx.db, ctx.caller.kiosk_id, ctx.now)) return too_many(*until);
    if (auto id = ticket_id_by_hash(ctx.db, "follow_code_hash", follow_code_hash(code))) return *id;
    if (!ctx.caller.is_staff())
        code_guard.count_miss(ctx.db, ctx.caller.kiosk_id, ctx.config.follow_code_misses_per_kiosk,
                              ctx.config.follow_code_lockout_seconds, ctx.now);
    return refused(api_error(404, protocol::error_code::unknown_ticket, "No repair ticket has this follow-up code."));
}

} // namespace lobby::server::repairs
