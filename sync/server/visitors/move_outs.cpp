// Move-out releases (搬出放行): requested at a kiosk, valid only once the
// office has confirmed with the owner; the office records who confirmed,
// how and when (tenants have faked consent letters).
#include "visitors/visitors.hpp"

#include "estate.hpp"

#include "protocol/masking.hpp"
#include "protocol/random.hpp"

namespace lobby::server::visitors {
namespace {

constexpr const char* columns = "id, unit_id, status, requester_name, relation, planned_date, created_at, decided_at, "
                                "decision_note, release_code, decided_by, decided_via";

protocol::MoveOut read_move_out(Database& db, Statement& st) {
    protocol::MoveOut m;
    m.id = st.text(0);
    m.unit_id = st.text(1);
    m.status = st.text(2);
    const std::string name = db.cipher().open(st.text(3));
    m.requester_masked = name.empty() ? std::string() : protocol::mask_name(name);
    m.relation = st.text(4);
    m.planned_date = st.text(5);
    m.created_at = st.int64(6);
    m.decided_at = st.opt_int64(7);
    m.decision_note = st.opt_text(8);
    m.release_code = st.opt_text(9);
    m.decided_by = st.opt_text(10);
    m.decided_via = st.opt_text(11);
    return m;
}

std::string new_release_code(Database& db) {
    for (;;) {
        const std::string code = protocol::random_digits(protocol::release_code_digits);
        Statement taken(db, "SELECT 1 FROM move_outs WHERE release_code = ?");
        taken.bind(1, code);
        if (!taken.step()) return code;
    }
}

} // namespace

ApiResponse create_move_out(ApiContext& ctx, const protocol::MoveOutRequest& req) {
    if (!find_unit(ctx.db, req.unit_id))
        return api_error(404, protocol::error_code::unknown_unit, "Unit " + req.unit_id + " does not exist.");
    const std::string today = protocol::format_date_shanghai(ctx.now);  // the estate's date
    const std::string last = protocol::format_date_shanghai(ctx.now + 30LL * 86400);
    if (req.planned_date < today || req.planned_date > last)
        return api_error(422, protocol::error_code::invalid_field,
                         "Field 'planned_date' must be between " + today + " and " + last + ".");
    const std::string id = "M-" + protocol::random_hex(6);
    // The release waits for the owner: tenants have faked consent letters.
    Statement st(ctx.db, R"sql(
INSERT INTO move_outs (id, unit_id, requester_name, requester_phone, relation, items, planned_date, car_plate,
                       status, created_at, kiosk_id, release_code)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'awaiting_owner_confirmation', ?, ?, ?))sql");
    st.bind(1, id).bind(2, req.unit_id).bind(3, ctx.db.cipher().seal(req.requester_name.value_or("")));
    st.bind(4, ctx.db.cipher().seal(req.requester_phone)).bind(5, req.relation);
    st.bind(6, req.items).bind(7, req.planned_date).bind(8, req.car_plate).bind(9, ctx.now).bind(10, ctx.caller.kiosk_id);
    st.bind(11, new_release_code(ctx.db));
    st.run();
    ApiResponse created = get_move_out(ctx, id);
    created.status = 201;
    return created;
}

ApiResponse get_move_out(ApiContext& ctx, const std::string& move_out_id) {
    Statement st(ctx.db, (std::string("SELECT ") + columns + " FROM move_outs WHERE id = ?").c_str());
    st.bind(1, move_out_id);
    if (!st.step())
        return api_error(404, protocol::error_code::unknown_move_out, "Move-out request " + move_out_id + " does not exist.");
    return api_ok(200, read_move_out(ctx.db, st));
}

ApiResponse move_out_status(ApiContext& ctx, const protocol::MoveOutStatusRequest& req) {
    if (auto locked = refuse_if_locked(ctx)) return *locked;
    Statement st(ctx.db, (std::string("SELECT ") + columns + " FROM move_outs WHERE release_code = ?").c_str());
    st.bind(1, req.release_code);
    if (!st.step()) {
        count_miss(ctx);
        return api_error(404, protocol::error_code::unknown_move_out, "No move-out release has this code.");
    }
    return api_ok(200, read_move_out(ctx.db, st));
}

ApiResponse decide_move_out(ApiContext& ctx, const std::string& move_out_id, const protocol::MoveOutDecision& req) {
    if (auto refused = require_staff(ctx, "Only office staff can decide on a move-out release.")) return *refused;
    if (req.status == "approved" && !req.via)
        return api_error(422, protocol::error_code::invalid_field,
                         "Field 'via' is required to approve: how the owner confirmed (phone_call, in_person, "
                         "video_call).");
    const ApiResponse current = get_move_out(ctx, move_out_id);
    if (current.status != 200) return current;
    if (current.body["status"] != "awaiting_owner_confirmation")
        return api_error(409, protocol::error_code::invalid_transition,
                         "Move-out request " + move_out_id + " was already " + current.body["status"].get<std::string>() + ".");
    Statement st(ctx.db, "UPDATE move_outs SET status = ?, decided_at = ?, decision_note = ?, decided_by = ?, "
                         "decided_via = ? WHERE id = ?");
    st.bind(1, req.status).bind(2, ctx.now).bind(3, req.note).bind(4, ctx.caller.kiosk_id).bind(5, req.via);
    st.bind(6, move_out_id);
    st.run();
    return get_move_out(ctx, move_out_id);
}

} // namespace lobby::server::visitors
