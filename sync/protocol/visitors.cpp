// JSON mapping of the visitors messages.
#include "protocol/visitors.hpp"

#include "protocol/rules.hpp"

namespace lobby::protocol {
namespace {

// Walk-in codes have 6 digits (valid hours), pre-registered ones 8 (valid
// up to 7 days): guessing must not pay within a code's life.
void read_pass_code(ObjectReader& r, DecodeContext& ctx, std::string& out) {
    std::string value;
    r.text("code", value, TextRule{1, 32, false});
    if (ctx.failed()) return;
    bool ok = value.size() == walk_in_code_digits || value.size() == pre_registered_code_digits;
    for (const char c : value) ok = ok && c >= '0' && c <= '9';
    if (!ok) ctx.fail(ctx.path("code"), "must be 6 or 8 digits.");
    else out = value;
}

} // namespace


void decode_into(const nlohmann::json& j, VisitorRequest& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("name", out.name, person_name_rule);
    r.mobile("phone", out.phone);
    r.text("unit_id", out.unit_id, id_rule);
    r.one_of("purpose", out.purpose, {"family", "friend", "delivery", "courier", "helper", "renovation", "other"});
    r.integer("people", out.people, 1, 20);
    r.text("car_plate", out.car_plate, plate_rule);
}

void to_json(nlohmann::json& j, const VisitorRequest& v) {
    j = nlohmann::json{{"name", v.name}, {"phone", v.phone}, {"unit_id", v.unit_id}, {"purpose", v.purpose},
                       {"people", v.people}};
    put_optional(j, "car_plate", v.car_plate);
}

void decode_into(const nlohmann::json& j, VisitorPass& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("id", out.id, id_rule);
    read_pass_code(r, ctx, out.code);
    r.one_of("kind", out.kind, {"walk_in", "pre_registered"});
    r.text("unit_id", out.unit_id, id_rule);
    r.text("visitor_masked", out.visitor_masked, TextRule{1, 40, false});
    std::optional<std::string> phone;
    r.text("phone_masked", phone, TextRule{0, 20, false});
    out.phone_masked = phone.value_or("");
    r.text("purpose", out.purpose, id_rule);
    r.integer("people", out.people, 1, 20);
    r.boolean("has_car", out.has_car, false);
    r.time("valid_from", out.valid_from);
    r.time("valid_until", out.valid_until);
    r.time("redeemed_at", out.redeemed_at);
}

void to_json(nlohmann::json& j, const VisitorPass& v) {
    j = nlohmann::json{{"id", v.id},           {"code", v.code},
                       {"kind", v.kind},       {"unit_id", v.unit_id},
                       {"visitor_masked", v.visitor_masked}, {"phone_masked", v.phone_masked},
                       {"purpose", v.purpose}, {"people", v.people},
                       {"has_car", v.has_car}};
    put_time(j, "valid_from", v.valid_from);
    put_time(j, "valid_until", v.valid_until);
    put_time(j, "redeemed_at", v.redeemed_at);
}

void decode_into(const nlohmann::json& j, VisitorCodeRequest& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("unit_id", out.unit_id, id_rule);
    r.text("visitor_name", out.visitor_name, person_name_rule);
    r.mobile("visitor_phone", out.visitor_phone);
    r.one_of("purpose", out.purpose, {"family", "friend", "delivery", "courier", "helper", "renovation", "other"});
    r.integer("people", out.people, 1, 20);
    r.time("valid_from", out.valid_from);
    r.time("valid_until", out.valid_until);
    if (r.ok() && out.valid_until <= out.valid_from)
        ctx.fail(ctx.path("valid_until"), "must be later than valid_from.");
}

void to_json(nlohmann::json& j, const VisitorCodeRequest& v) {
    j = nlohmann::json{{"unit_id", v.unit_id}, {"visitor_name", v.visitor_name}, {"purpose", v.purpose},
                       {"people", v.people}};
    put_optional(j, "visitor_phone", v.visitor_phone);
    put_time(j, "valid_from", v.valid_from);
    put_time(j, "valid_until", v.valid_until);
}

void decode_into(const nlohmann::json& j, RedeemRequest& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    read_pass_code(r, ctx, out.code);
}

void to_json(nlohmann::json& j, const RedeemRequest& v) { j = nlohmann::json{{"code", v.code}}; }

void decode_into(const nlohmann::json& j, MoveOutRequest& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("unit_id", out.unit_id, id_rule);
    r.text("requester_name", out.requester_name, person_name_rule);
    r.mobile("requester_phone", out.requester_phone);
    r.one_of("relation", out.relation, {"owner", "tenant", "agent"});
    r.text("items", out.items, TextRule{1, 500, true});
    r.date("planned_date", out.planned_date);
    r.text("car_plate", out.car_plate, plate_rule);
}

void to_json(nlohmann::json& j, const MoveOutRequest& v) {
    j = nlohmann::json{{"unit_id", v.unit_id},       {"requester_name", v.requester_name},
                       {"requester_phone", v.requester_phone}, {"relation", v.relation},
                       {"items", v.items},           {"planned_date", v.planned_date}};
    put_optional(j, "car_plate", v.car_plate);
}

void decode_into(const nlohmann::json& j, MoveOut& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("id", out.id, id_rule);
    r.text("unit_id", out.unit_id, id_rule);
    r.one_of("status", out.status, {"awaiting_owner_confirmation", "approved", "rejected"});
    r.text("requester_masked", out.requester_masked, TextRule{1, 40, false});
    r.one_of("relation", out.relation, {"owner", "tenant", "agent"});
    r.date("planned_date", out.planned_date);
    r.time("created_at", out.created_at);
    r.time("decided_at", out.decided_at);
    r.text("decision_note", out.decision_note, TextRule{1, 500, true});
}

void to_json(nlohmann::json& j, const MoveOut& v) {
    j = nlohmann::json{{"id", v.id},         {"unit_id", v.unit_id},   {"status", v.status},
                       {"requester_masked", v.requester_masked}, {"relation", v.relation},
                       {"planned_date", v.planned_date}};
    put_time(j, "created_at", v.created_at);
    put_time(j, "decided_at", v.decided_at);
    put_optional(j, "decision_note", v.decision_note);
}

void decode_into(const nlohmann::json& j, MoveOutDecision& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.one_of("status", out.status, {"approved", "rejected"});
    r.text("note", out.note, TextRule{1, 500, true});
}

void to_json(nlohmann::json& j, const MoveOutDecision& v) { j = nlohmann::json{{"status", v.status}, {"note", v.note}}; }

} // namespace lobby::protocol
