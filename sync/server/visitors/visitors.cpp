// Visitor passes (walk-in and pre-registered), redeeming codes, move-out requests.
#include "visitors/visitors.hpp"

#include "visitors/pass_rows.hpp"

#include "estate.hpp"
#include "guess_guard.hpp"

#include "protocol/masking.hpp"
#include "protocol/random.hpp"

namespace lobby::server::visitors {
namespace {

constexpr std::int64_t max_code_lifetime_s = 7LL * 86400;

struct NewPass {
    const char* kind;
    std::string unit_id;
    std::string name;
    std::optional<std::string> phone;
    std::string purpose;
    std::int64_t people;
    std::optional<std::string> car_plate;
    protocol::UtcSeconds valid_from;
    protocol::UtcSeconds valid_until;
};

std::optional<protocol::VisitorPass> find_pass(Database& db, const char* where, const std::string& value) {
    Statement st(db, (std::string("SELECT ") + pass_columns + " FROM visitor_codes WHERE " + where + " = ?").c_str());
    st.bind(1, value);
    if (!st.step()) return std::nullopt;
    return read_pass(db, st);
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
                           created_by)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))sql");
    st.bind(1, id).bind(2, code).bind(3, n.kind).bind(4, n.unit_id).bind(5, ctx.db.cipher().seal(n.name)).bind(6, ctx.db.cipher().seal_optional(n.phone));
    st.bind(7, n.purpose).bind(8, n.people).bind(9, n.car_plate).bind(10, n.valid_from).bind(11, n.valid_until);
    st.bind(12, ctx.caller.kiosk_id);
    st.run();
    return *find_pass(ctx.db, "id", id);
}

// [SECTION] Guessing codes: misses per kiosk and for all kiosks
constexpr const char* all_kiosks = "*";
const GuessGuard redeem_guard("visitor_redeem_guard");

ApiResponse too_many(protocol::UtcSeconds until, const std::string& who) {
    ApiResponse r = api_error(429, protocol::error_code::too_many_attempts,
                              who + " entered too many unknown visitor codes; redeeming is paused until " +
                                  protocol::format_utc(until) + ". Ask the property office to check the code.");
    r.body["error"]["locked_until"] = protocol::format_utc(until);
    r.store = false;
    return r;
}

ApiResponse refused(ApiResponse r) {
    r.store = false;  // a retry asks again; a guess costs no idempotency row
    return r;
}

ApiResponse unknown_unit(const std::string& unit_id) {
    return api_error(404, protocol::error_code::unknown_unit, "Unit " + unit_id + " does not exist.");
}

} // namespace

ApiResponse register_visitor(ApiContext& ctx, const protocol::VisitorRequest& req) {
    if (!find_unit(ctx.db, req.unit_id)) return unknown_unit(req.unit_id);
    NewPass n{"walk_in", req.unit_id, req.name, req.phone, req.purpose, req.people, req.car_plate,
              ctx.now, ctx.now + ctx.config.visitor_pass_seconds};
    return api_ok(201, insert_pass(ctx, n));
}

ApiResponse create_visitor_code(ApiContext& ctx, const protocol::VisitorCodeRequest& req) {
    if (ctx.caller.role != "staff")
        return api_error(403, protocol::error_code::forbidden, "Only office staff can pre-register visitors.");
    if (!find_unit(ctx.db, req.unit_id)) return unknown_unit(req.unit_id);
    if (req.valid_until <= ctx.now || req.valid_until - req.valid_from > max_code_lifetime_s)
        return api_error(422, protocol::error_code::invalid_field,
                         "Field 'valid_until' must be in the future and at most 7 days after valid_from.");
    NewPass n{"pre_registered", req.unit_id, req.visitor_name, req.visitor_phone, req.purpose, req.people,
              std::nullopt, req.valid_from, req.valid_until};
    return api_ok(201, insert_pass(ctx, n));
}

ApiResponse redeem_visitor_code(ApiContext& ctx, const protocol::RedeemRequest& req) {
    if (ctx.caller.role != "kiosk" && ctx.caller.role != "staff")
        return refused(api_error(403, protocol::error_code::forbidden, "Only a kiosk or office staff can redeem codes."));
    // Locked scopes are refused before the code is looked at, so a locked
    // guesser learns nothing more.
    if (const auto until = redeem_guard.locked_until(ctx.db, ctx.caller.kiosk_id, ctx.now))
        return too_many(*until, "This kiosk");
    if (const auto until = redeem_guard.locked_until(ctx.db, all_kiosks, ctx.now))
        return too_many(*until, "The kiosks together");
    auto pass = find_pass(ctx.db, "code", req.code);
    if (!pass) {
        redeem_guard.count_miss(ctx.db, ctx.caller.kiosk_id, ctx.config.redeem_misses_per_kiosk,
                                ctx.config.redeem_lockout_seconds, ctx.now);
        redeem_guard.count_miss(ctx.db, all_kiosks, ctx.config.redeem_misses_global, guess_window_s, ctx.now);
        return refused(api_error(404, protocol::error_code::unknown_code, "No visitor pass has the code " + req.code + "."));
    }
    if (pass->redeemed_at)
        return refused(api_error(409, protocol::error_code::code_already_used,
                                 "This visitor code was already used at " + protocol::format_utc(*pass->redeemed_at) + "."));
    if (ctx.now > pass->valid_until)
        return refused(api_error(410, protocol::error_code::code_expired,
                                 "This visitor code expired at " + protocol::format_utc(pass->valid_until) + "."));
    if (ctx.now < pass->valid_from)
        return refused(api_error(422, protocol::error_code::code_not_yet_valid,
                                 "This visitor code is valid from " + protocol::format_utc(pass->valid_from) + "."));
    Statement st(ctx.db, "UPDATE visitor_codes SET redeemed_at = ? WHERE id = ?");
    st.bind(1, ctx.now).bind(2, pass->id);
    st.run();
    pass->redeemed_at = ctx.now;
    return api_ok(200, *pass);
}

ApiResponse create_move_out(ApiContext& ctx, const protocol::MoveOutRequest& req) {
    if (!find_unit(ctx.db, req.unit_id)) return unknown_unit(req.unit_id);
    const std::string today = protocol::format_date_shanghai(ctx.now);  // the estate's date
    const std::string last = protocol::format_date_shanghai(ctx.now + 30LL * 86400);
    if (req.planned_date < today || req.planned_date > last)
        return api_error(422, protocol::error_code::invalid_field,
                         "Field 'planned_date' must be between " + today + " and " + last + ".");
    const std::string id = "M-" + protocol::random_hex(6);
    // The release waits for the owner: tenants have faked consent letters.
    Statement st(ctx.db, R"sql(
INSERT INTO move_outs (id, unit_id, requester_name, requester_phone, relation, items, planned_date, car_plate,
                       status, created_at, kiosk_id)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'awaiting_owner_confirmation', ?, ?))sql");
    st.bind(1, id).bind(2, req.unit_id).bind(3, ctx.db.cipher().seal(req.requester_name)).bind(4, ctx.db.cipher().seal(req.requester_phone)).bind(5, req.relation);
    st.bind(6, req.items).bind(7, req.planned_date).bind(8, req.car_plate).bind(9, ctx.now).bind(10, ctx.caller.kiosk_id);
    st.run();
    ApiResponse created = get_move_out(ctx, id);
    created.status = 201;
    return created;
}

ApiResponse get_move_out(ApiContext& ctx, const std::string& move_out_id) {
    Statement st(ctx.db, "SELECT id, unit_id, status, requester_name, relation, planned_date, created_at, decided_at, "
                         "decision_note FROM move_outs WHERE id = ?");
    st.bind(1, move_out_id);
    if (!st.step())
        return api_error(404, protocol::error_code::unknown_move_out, "Move-out request " + move_out_id + " does not exist.");
    protocol::MoveOut m;
    m.id = st.text(0);
    m.unit_id = st.text(1);
    m.status = st.text(2);
    m.requester_masked = protocol::mask_name(ctx.db.cipher().open(st.text(3)));
    m.relation = st.text(4);
    m.planned_date = st.text(5);
    m.created_at = st.int64(6);
    m.decided_at = st.opt_int64(7);
    m.decision_note = st.opt_text(8);
    return api_ok(200, m);
}

ApiResponse decide_move_out(ApiContext& ctx, const std::string& move_out_id, const protocol::MoveOutDecision& req) {
    if (ctx.caller.role != "staff")
        return api_error(403, protocol::error_code::forbidden, "Only office staff can decide on a move-out release.");
    const ApiResponse current = get_move_out(ctx, move_out_id);
    if (current.status != 200) return current;
    if (current.body["status"] != "awaiting_owner_confirmation")
        return api_error(409, protocol::error_code::invalid_transition,
                         "Move-out request " + move_out_id + " was already " + current.body["status"].get<std::string>() + ".");
    Statement st(ctx.db, "UPDATE move_outs SET status = ?, decided_at = ?, decision_note = ? WHERE id = ?");
    st.bind(1, req.status).bind(2, ctx.now).bind(3, req.note).bind(4, move_out_id);
    st.run();
    return get_move_out(ctx, move_out_id);
}

} // namespace lobby::server::visitors
