// Guessing codes: unknown visitor codes and release codes count as misses
// per kiosk and for all kiosks together (sync/SECURITY.md "Visitor codes").
#include "visitors/visitors.hpp"

#include "guess_guard.hpp"

namespace lobby::server::visitors {
namespace {

constexpr const char* all_kiosks = "*";
const GuessGuard redeem_guard("visitor_redeem_guard");

ApiResponse too_many(protocol::UtcSeconds until, const std::string& who) {
    ApiResponse r = api_error(429, protocol::error_code::too_many_attempts,
                              who + " entered too many unknown codes; looking codes up is paused until " +
                                  protocol::format_utc(until) + ". Ask the property office to check the code.");
    r.body["error"]["locked_until"] = protocol::format_utc(until);
    r.store = false;
    return r;
}

} // namespace

ApiResponse refused(ApiResponse r) {
    r.store = false;  // a retry asks again; a guess costs no idempotency row
    return r;
}

std::optional<ApiResponse> refuse_if_locked(ApiContext& ctx) {
    // Locked scopes are refused before the code is looked at, so a locked
    // guesser learns nothing more.
    if (const auto until = redeem_guard.locked_until(ctx.db, ctx.caller.kiosk_id, ctx.now))
        return too_many(*until, "This kiosk");
    if (const auto until = redeem_guard.locked_until(ctx.db, all_kiosks, ctx.now))
        return too_many(*until, "The kiosks together");
    return std::nullopt;
}

void count_miss(ApiContext& ctx) {
    redeem_guard.count_miss(ctx.db, ctx.caller.kiosk_id, ctx.config.redeem_misses_per_kiosk,
                            ctx.config.redeem_lockout_seconds, ctx.now);
    redeem_guard.count_miss(ctx.db, all_kiosks, ctx.config.redeem_misses_global, guess_window_s, ctx.now);
}

} // namespace lobby::server::visitors
