// Fee lookup with phone-last-4 verification and a per-unit lockout after
// repeated failures (guessing 4 digits must not be practical at a kiosk).
#include "fees/fees.hpp"

#include "estate.hpp"
#include "fees/bills.hpp"
#include "verification.hpp"

namespace lobby::server::fees {
namespace {

bool phone_matches(Database& db, const std::string& unit_id, const std::string& last4) {
    Statement st(db, "SELECT 1 FROM residents WHERE unit_id = ? AND substr(phone, -4) = ? LIMIT 1");
    st.bind(1, unit_id).bind(2, last4);
    return st.step();
}

void save_guard(Database& db, const std::string& unit_id, std::int64_t failures,
                std::optional<protocol::UtcSeconds> locked_until) {
    Statement st(db, R"sql(
INSERT INTO fee_lookup_guard (unit_id, failures, locked_until) VALUES (?, ?, ?)
ON CONFLICT (unit_id) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until)sql");
    st.bind(1, unit_id).bind(2, failures).bind(3, locked_until);
    st.run();
}

ApiResponse locked(const std::string& unit_id, protocol::UtcSeconds until) {
    ApiResponse r = api_error(423, protocol::error_code::unit_locked,
                              "Unit " + unit_id + " is locked after too many wrong phone numbers; try again after " +
                                  protocol::format_utc(until) + " or ask the property office.");
    r.body["error"]["locked_until"] = protocol::format_utc(until);
    return r;
}

struct Guard {
    std::int64_t failures = 0;
    std::optional<protocol::UtcSeconds> locked_until;
};

Guard read_guard(Database& db, const std::string& unit_id) {
    Statement st(db, "SELECT failures, locked_until FROM fee_lookup_guard WHERE unit_id = ?");
    st.bind(1, unit_id);
    Guard g;
    if (st.step()) {
        g.failures = st.int64(0);
        g.locked_until = st.opt_int64(1);
    }
    return g;
}

ApiResponse unknown_unit(const std::string& unit_id) {
    return api_error(404, protocol::error_code::unknown_unit, "Unit " + unit_id + " does not exist.");
}

ApiResponse bills_of(ApiContext& ctx, const protocol::Unit& unit) {
    protocol::FeeLookupResult result;
    result.verification_token = issue_unit_verification(ctx, unit.id);
    result.unit = unit;
    result.bills = unit_bills(ctx.db, unit.id, ctx.now);
    for (const auto& b : result.bills) {
        const std::int64_t due = b.amount_fen - b.paid_fen;
        result.total_due_fen += due;
        if (b.late) result.late_due_fen += due;
        if (due > 0) ++result.unpaid_count;
    }
    return api_ok(200, result);
}

} // namespace

std::optional<ApiResponse> lookup_fees_read_only(ApiContext& ctx, const protocol::FeeLookupRequest& req) {
    const auto unit = find_unit(ctx.db, req.unit_id);
    if (!unit) return unknown_unit(req.unit_id);
    const Guard guard = read_guard(ctx.db, req.unit_id);
    if (guard.locked_until && *guard.locked_until > ctx.now) return locked(req.unit_id, *guard.locked_until);
    // A failure must be counted, a success after failures must reset the
    // count, and a success issues a verification token: all need the write path.
    return std::nullopt;
}

ApiResponse lookup_fees(ApiContext& ctx, const protocol::FeeLookupRequest& req) {
    const auto unit = find_unit(ctx.db, req.unit_id);
    if (!unit) return unknown_unit(req.unit_id);
    const Guard guard = read_guard(ctx.db, req.unit_id);
    std::int64_t failures = guard.failures;
    const auto locked_until = guard.locked_until;
    if (locked_until && *locked_until > ctx.now) return locked(req.unit_id, *locked_until);

    if (!phone_matches(ctx.db, req.unit_id, req.phone_last4)) {
        ++failures;
        if (failures >= ctx.config.lockout_failures) {
            const protocol::UtcSeconds until = ctx.now + ctx.config.lockout_seconds;
            save_guard(ctx.db, req.unit_id, 0, until);
            return locked(req.unit_id, until);
        }
        save_guard(ctx.db, req.unit_id, failures, std::nullopt);
        ApiResponse r = api_error(403, protocol::error_code::phone_mismatch,
                                  "The last four digits do not match a phone number on file for unit " + req.unit_id +
                                      ".");
        r.body["error"]["attempts_left"] = ctx.config.lockout_failures - failures;
        return r;
    }
    if (failures != 0 || locked_until) save_guard(ctx.db, req.unit_id, 0, std::nullopt);
    return bills_of(ctx, *unit);
}

} // namespace lobby::server::fees
