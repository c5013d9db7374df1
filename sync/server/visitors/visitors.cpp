// Visitor passes: walk-ins (asking the resident where the estate wants it,
// the watchlist), pre-registered codes, and redeeming them online or after
// an offline use.
#include "visitors/visitors.hpp"

#include "visitors/pass_rows.hpp"

#include "estate.hpp"

#include "protocol/random.hpp"

#include <algorithm>

namespace lobby::server::visitors {
namespace {

constexpr std::int64_t max_code_lifetime_s = 7LL * 86400;

struct NewPass {
    const char* kind;
    std::string unit_id;
    std::string name;  // "" when not asked (a courier)
    std::optional<std::string> phone;
    std::string purpose;
    std::int64_t people;
    std::optional<std::string> car_plate;
    protocol::UtcSeconds valid_from;
    protocol::UtcSeconds valid_until;
    std::int64_t uses_allowed = 1;
    const char* status = protocol::pass_valid;
    std::optional<protocol::UtcSeconds> host_wait_until;
};

std::optional<protocol::VisitorPass> find_pass(ApiContext& ctx, const char* where, const std::string& value) {
    Statement st(ctx.db, (std::string("SELECT ") + pass_columns + " FROM visitor_codes WHERE " + where + " = ?").c_str());
    st.bind(1, value);
    if (!st.step()) return std::nullopt;
    return read_pass(ctx.db, st, ctx.now);
}

protocol::VisitorPass insert_pass(ApiContext& ctx, const NewPass& n) {
    // Codes are unique for ever, so a code never names two visitors.
    std::string code;
    for (;;) {
        code = protocol::random_digits(std::string(n.kind) == "walk_in" ? protocol::walk_in_code_digits
                                                                        : protocol::pre_registered_code_digits);
        Statement taken(ctx.db, "SELECT 1 FROM visitor_codes WHERE code = ?");
        taken.bind(1, code);
        if (!taken.step()) break;
    }
    const std::string id = "V-" + protocol::random_hex(6);
    Statement st(ctx.db, R"sql(
INSERT INTO visitor_codes (id, code, kind, unit_id, name, phone, purpose, people, car_plate, valid_from, valid_until,
                           created_by, uses_allowed, status, host_wait_until)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))sql");
    st.bind(1, id).bind(2, code).bind(3, n.kind).bind(4, n.unit_id).bind(5, ctx.db.cipher().seal(n.name));
    st.bind(6, ctx.db.cipher().seal_optional(n.phone));
    st.bind(7, n.purpose).bind(8, n.people).bind(9, n.car_plate).bind(10, n.valid_from).bind(11, n.valid_until);
    st.bind(12, ctx.caller.kiosk_id).bind(13, n.uses_allowed).bind(14, n.status).bind(15, n.host_wait_until);
    st.run();
    return *find_pass(ctx, "id", id);
}

ApiResponse unknown_unit(const std::string& unit_id) {
    return api_error(404, protocol::error_code::unknown_unit, "Unit " + unit_id + " does not exist.");
}

ApiResponse unknown_pass(const std::string& pass_id) {
    return api_error(404, protocol::error_code::unknown_code, "No visitor pass " + pass_id + ".");
}

// One use of a code, online or reported after an offline use.
void count_use(ApiContext& ctx, protocol::VisitorPass& pass, protocol::UtcSeconds used_at, bool offline, bool counted) {
    Statement use(ctx.db, "INSERT INTO visitor_redemptions (pass_id, kiosk_id, used_at, received_at, offline, counted) "
                          "VALUES (?, ?, ?, ?, ?, ?)");
    use.bind(1, pass.id).bind(2, ctx.caller.kiosk_id).bind(3, used_at).bind(4, ctx.now).bind(5, offline ? 1 : 0);
    use.bind(6, counted ? 1 : 0);
    use.run();
    if (!counted) return;
    Statement st(ctx.db, "UPDATE visitor_codes SET uses = uses + 1, redeemed_at = coalesce(redeemed_at, ?) WHERE id = ?");
    st.bind(1, used_at).bind(2, pass.id);
    st.run();
    pass.uses += 1;
    if (!pass.redeemed_at) pass.redeemed_at = used_at;
    if (pass.kind == "pre_registered") publish_code(ctx.db, pass.id);  // kiosks learn the uses left
}

} // namespace

ApiResponse register_visitor(ApiContext& ctx, const protocol::VisitorRequest& req) {
    if (!find_unit(ctx.db, req.unit_id)) return unknown_unit(req.unit_id);
    NewPass n{"walk_in", req.unit_id, req.name.value_or(""), req.phone, req.purpose, req.people, req.car_plate,
              ctx.now, ctx.now + ctx.config.visitor_pass_seconds, 1, protocol::pass_valid, std::nullopt};
    // The watchlist is never named to the visitor: they are sent to the
    // front desk, as when a resident does not answer, and staff are alerted.
    const bool watched = on_watchlist(ctx.db, req.phone, req.car_plate);
    if (watched) {
        n.status = protocol::pass_see_front_desk;
    } else if (ctx.config.visitor_host_wait_seconds > 0) {
        n.status = protocol::pass_awaiting_host;
        n.host_wait_until = ctx.now + ctx.config.visitor_host_wait_seconds;
    }
    const protocol::VisitorPass pass = insert_pass(ctx, n);
    if (watched) alert_staff(ctx, "watchlist", pass.id, pass.unit_id);
    return api_ok(201, pass);
}

ApiResponse get_visitor(ApiContext& ctx, const std::string& pass_id) {
    auto pass = find_pass(ctx, "id", pass_id);
    // A kiosk sees only the passes it registered.
    if (!pass || pass->kind != "walk_in") return unknown_pass(pass_id);
    if (!ctx.caller.is_staff()) {
        Statement owner(ctx.db, "SELECT created_by FROM visitor_codes WHERE id = ?");
        owner.bind(1, pass_id);
        if (!owner.step() || owner.text(0) != ctx.caller.kiosk_id) return unknown_pass(pass_id);
    }
    return api_ok(200, *pass);
}

ApiResponse decide_for_host(ApiContext& ctx, const std::string& pass_id, const protocol::HostDecision& req) {
    if (auto refused = require_staff(ctx, "Only the office records a resident's answer.")) return *refused;
    auto pass = find_pass(ctx, "id", pass_id);
    if (!pass) return unknown_pass(pass_id);
    if (pass->status != protocol::pass_awaiting_host)
        return api_error(409, protocol::error_code::invalid_transition,
                         "Visitor pass " + pass_id + " is not waiting for the resident (it is " + pass->status + ").");
    Statement st(ctx.db, "UPDATE visitor_codes SET status = ?, host_decided_at = ?, host_decided_by = ? WHERE id = ?");
    st.bind(1, req.decision == "approved" ? protocol::pass_valid : protocol::pass_declined);
    st.bind(2, ctx.now).bind(3, ctx.caller.kiosk_id).bind(4, pass_id);
    st.run();
    return api_ok(200, *find_pass(ctx, "id", pass_id));
}

ApiResponse create_visitor_code(ApiContext& ctx, const protocol::VisitorCodeRequest& req) {
    if (auto refused = require_staff(ctx, "Only office staff can pre-register visitors.")) return *refused;
    if (!find_unit(ctx.db, req.unit_id)) return unknown_unit(req.unit_id);
    if (req.valid_until <= ctx.now || req.valid_until - req.valid_from > max_code_lifetime_s)
        return api_error(422, protocol::error_code::invalid_field,
                         "Field 'valid_until' must be in the future and at most 7 days after valid_from.");
    NewPass n{"pre_registered", req.unit_id, req.visitor_name, req.visitor_phone, req.purpose, req.people,
              std::nullopt, req.valid_from, req.valid_until, req.uses, protocol::pass_valid, std::nullopt};
    const protocol::VisitorPass pass = insert_pass(ctx, n);
    publish_code(ctx.db, pass.id);
    return api_ok(201, pass);
}

ApiResponse redeem_visitor_code(ApiContext& ctx, const protocol::RedeemRequest& req) {
    if (ctx.caller.role != "kiosk" && !ctx.caller.is_staff())
        return refused(api_error(403, protocol::error_code::forbidden, "Only a kiosk or office staff can redeem codes."));
    if (auto locked = refuse_if_locked(ctx)) return *locked;
    auto pass = find_pass(ctx, "code", req.code);
    if (!pass) {
        count_miss(ctx);
        return refused(api_error(404, protocol::error_code::unknown_code, "No visitor pass has the code " + req.code + "."));
    }
    // A walk-in who came back with their number: what the resident said so far.
    if (pass->status != protocol::pass_valid) return refused(api_ok(200, *pass));
    if (req.used_offline_at) {
        // A kiosk already let the visitor in against its cache; the report is
        // a fact to record. The first report wins; a use beyond the allowed
        // (the same code at two kiosks offline) is kept and shown to staff.
        const protocol::UtcSeconds used_at = std::min(*req.used_offline_at, ctx.now);
        const bool counted = pass->uses < pass->uses_allowed;
        count_use(ctx, *pass, used_at, true, counted);
        if (!counted) alert_staff(ctx, "double_use", pass->id, pass->unit_id);
        return api_ok(200, *pass);
    }
    if (pass->uses >= pass->uses_allowed)
        return refused(api_error(409, protocol::error_code::code_already_used,
                                 "This visitor code was already used at " +
                                     protocol::format_utc(pass->redeemed_at.value_or(pass->valid_from)) + "."));
    if (ctx.now > pass->valid_until)
        return refused(api_error(410, protocol::error_code::code_expired,
                                 "This visitor code expired at " + protocol::format_utc(pass->valid_until) + "."));
    if (ctx.now < pass->valid_from)
        return refused(api_error(422, protocol::error_code::code_not_yet_valid,
                                 "This visitor code is valid from " + protocol::format_utc(pass->valid_from) + "."));
    count_use(ctx, *pass, ctx.now, false, true);
    return api_ok(200, *pass);
}

} // namespace lobby::server::visitors
