// Staff view of the fee lookup limits: which units are locked or collecting
// wrong tries, and lifting a unit's lock (a household locked out by a
// neighbour calls the office).
#include "fees/fees.hpp"

#include "estate.hpp"

namespace lobby::server::fees {
namespace {

protocol::FeeLockout lockout_of(ApiContext& ctx, const std::string& unit_id) {
    protocol::FeeLockout out;
    out.unit_id = unit_id;
    Statement lock(ctx.db, "SELECT locked_until FROM fee_lookup_guard WHERE unit_id = ? AND locked_until > ?");
    lock.bind(1, unit_id).bind(2, ctx.now);
    if (lock.step()) out.locked_until = lock.int64(0);
    Statement tries(ctx.db, "SELECT COUNT(*) FROM fee_wrong_tries WHERE unit_id = ? AND at > ?");
    tries.bind(1, unit_id).bind(2, ctx.now - ctx.config.lockout_window_seconds);
    tries.step();
    out.wrong_tries = tries.int64(0);
    Statement waiting(ctx.db, "SELECT COUNT(*) FROM fee_session_tries WHERE unit_id = ? AND retry_at > ?");
    waiting.bind(1, unit_id).bind(2, ctx.now);
    waiting.step();
    out.waiting_sessions = waiting.int64(0);
    return out;
}

} // namespace

ApiResponse list_lockouts(ApiContext& ctx) {
    if (auto refused = require_staff(ctx, "Only office staff can see fee lookup lockouts.")) return *refused;
    Statement units(ctx.db, R"sql(
SELECT unit_id FROM fee_lookup_guard WHERE locked_until > ?1
UNION SELECT unit_id FROM fee_wrong_tries WHERE at > ?2
UNION SELECT unit_id FROM fee_session_tries WHERE retry_at > ?1
ORDER BY unit_id)sql");
    units.bind(1, ctx.now).bind(2, ctx.now - ctx.config.lockout_window_seconds);
    std::vector<std::string> ids;
    while (units.step()) ids.push_back(units.text(0));
    protocol::FeeLockoutList list;
    for (const std::string& id : ids) list.lockouts.push_back(lockout_of(ctx, id));
    return api_ok(200, list);
}

ApiResponse lift_lockout(ApiContext& ctx, const std::string& unit_id) {
    if (auto refused = require_staff(ctx, "Only office staff can lift a fee lookup lockout.")) return *refused;
    if (!find_unit(ctx.db, unit_id))
        return api_error(404, protocol::error_code::unknown_unit, "Unit " + unit_id + " does not exist.");
    const protocol::FeeLockout lifted = lockout_of(ctx, unit_id);
    for (const char* sql : {"DELETE FROM fee_lookup_guard WHERE unit_id = ?", "DELETE FROM fee_wrong_tries WHERE unit_id = ?",
                            "DELETE FROM fee_session_tries WHERE unit_id = ?"}) {
        Statement st(ctx.db, sql);
        st.bind(1, unit_id);
        st.run();
    }
    return api_ok(200, lifted);
}

} // namespace lobby::server::fees
