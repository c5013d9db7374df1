// JSON mapping of the visitors messages.
#include "protocol/visitors.hpp"

#include "protocol/plate.hpp"
#include "protocol/rules.hpp"
#include "protocol/verifier.hpp"

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

// A walk-in's car plate as the gate reads it; the kiosk's plate pad types
// only these, so anything else is a client bug, refused with its reason.
void read_walk_in_plate(ObjectReader& r, DecodeContext& ctx, std::optional<std::string>& out) {
    r.text("car_plate", out, plate_rule);
    if (ctx.failed() || !out || valid_car_plate(*out)) return;
    out.reset();
    ctx.fail(ctx.path("car_plate"),
             "must be a car plate: a province abbreviation, a letter, then 5 letters or digits (6 for a new-energy plate).");
}

} // namespace


void decode_into(const nlohmann::json& j, VisitorRequest& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("name", out.name, surname_rule);
    r.mobile("phone", out.phone);
    r.text("unit_id", out.unit_id, id_rule);
    r.one_of("purpose", out.purpose, {"family", "friend", "delivery", "courier", "helper", "renovation", "other"});
    r.integer("people", out.people, 1, 20);
    read_walk_in_plate(r, ctx, out.car_plate);
}

void to_json(nlohmann::json& j, const VisitorRequest& v) {
    j = nlohmann::json{{"phone", v.phone}, {"unit_id", v.unit_id}, {"purpose", v.purpose}, {"people", v.people}};
    put_optional(j, "name", v.name);
    put_optional(j, "car_plate", v.car_plate);
}

void decode_into(const nlohmann::json& j, VisitorPass& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("id", out.id, id_rule);
    read_pass_code(r, ctx, out.code);
    r.one_of("kind", out.kind, {"walk_in", "pre_registered"});
    r.text("unit_id", out.unit_id, id_rule);
    r.text("visitor_masked", out.visitor_masked, TextRule{0, 40, false});
    std::optional<std::string> phone;
    r.text("phone_masked", phone, TextRule{0, 20, false});
    out.phone_masked = phone.value_or("");
    r.text("purpose", out.purpose, id_rule);
    r.integer("people", out.people, 1, 20);
    r.boolean("has_car", out.has_car, false);
    r.time("valid_from", out.valid_from);
    r.time("valid_until", out.valid_until);
    r.time("redeemed_at", out.redeemed_at);
    r.one_of("status", out.status, {pass_valid, pass_awaiting_host, pass_declined, pass_see_front_desk});
    r.integer("uses_allowed", out.uses_allowed, 1, 20);
    r.integer("uses", out.uses, 0, 1000);
}

void to_json(nlohmann::json& j, const VisitorPass& v) {
    j = nlohmann::json{{"id", v.id},           {"code", v.code},
                       {"kind", v.kind},       {"unit_id", v.unit_id},
                       {"visitor_masked", v.visitor_masked}, {"phone_masked", v.phone_masked},
                       {"purpose", v.purpose}, {"people", v.people},
                       {"has_car", v.has_car}, {"status", v.status},
                       {"uses_allowed", v.uses_allowed}, {"uses", v.uses}};
    put_time(j, "valid_from", v.valid_from);
    put_time(j, "valid_until", v.valid_until);
    put_time(j, "redeemed_at", v.redeemed_at);
}

void decode_into(const nlohmann::json& j, VisitorCodeRecord& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("id", out.id, id_rule);
    r.text("unit_id", out.unit_id, id_rule);
    r.text("visitor_masked", out.visitor_masked, TextRule{0, 40, false});
    r.text("purpose", out.purpose, id_rule);
    r.integer("people", out.people, 1, 20);
    r.time("valid_from", out.valid_from);
    r.time("valid_until", out.valid_until);
    r.integer("uses_left", out.uses_left, 0, 20);
    r.text("code_verifier", out.code_verifier, TextRule{64, 64, false});
    if (ctx.failed()) return;
    if (out.code_verifier && !is_verifier_text(*out.code_verifier))
        ctx.fail(ctx.path("code_verifier"), "must be 64 lowercase hex digits.");
    r.time("expires_at", out.expires_at);
}

void to_json(nlohmann::json& j, const VisitorCodeRecord& v) {
    j = nlohmann::json{{"id", v.id}, {"unit_id", v.unit_id}, {"visitor_masked", v.visitor_masked},
                       {"purpose", v.purpose}, {"people", v.people}, {"uses_left", v.uses_left}};
    put_time(j, "valid_from", v.valid_from);
    put_time(j, "valid_until", v.valid_until);
    put_optional(j, "code_verifier", v.code_verifier);
    put_time(j, "expires_at", v.expires_at);
}

void decode_into(const nlohmann::json& j, HostDecision& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.one_of("decision", out.decision, {"approved", "declined"});
}

void to_json(nlohmann::json& j, const HostDecision& v) { j = nlohmann::json{{"decision", v.decision}}; }

void decode_into(const nlohmann::json& j, WatchlistEntry& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.mobile("phone", out.phone);
    r.text("car_plate", out.car_plate, plate_rule);
    r.text("note", out.note, TextRule{1, 200, true});
    if (r.ok() && !out.phone && !out.car_plate) ctx.fail(ctx.path("phone"), "or car_plate is required.");
}

void to_json(nlohmann::json& j, const WatchlistEntry& v) {
    j = nlohmann::json{{"note", v.note}};
    put_optional(j, "phone", v.phone);
    put_optional(j, "car_plate", v.car_plate);
}

void decode_into(const nlohmann::json& j, VisitorAlert& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.integer("id", out.id, 1, INT64_MAX);
    r.one_of("kind", out.kind, {"double_use", "watchlist"});
    r.text("pass_id", out.pass_id, id_rule);
    r.text("unit_id", out.unit_id, id_rule);
    r.text("kiosk_id", out.kiosk_id, id_rule);
    r.time("created_at", out.created_at);
}

void to_json(nlohmann::json& j, const VisitorAlert& v) {
    j = nlohmann::json{{"id", v.id}, {"kind", v.kind}, {"pass_id", v.pass_id}, {"unit_id", v.unit_id},
                       {"kiosk_id", v.kiosk_id}};
    put_time(j, "created_at", v.created_at);
}

void decode_into(const nlohmann::json& j, VisitorAlertList& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.array("alerts", out.alerts, 1000);
}

void to_json(nlohmann::json& j, const VisitorAlertList& v) { j = nlohmann::json{{"alerts", v.alerts}}; }

void decode_into(const nlohmann::json& j, VisitorCodeRequest& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("unit_id", out.unit_id, id_rule);
    r.text("visitor_name", out.visitor_name, person_name_rule);
    r.mobile("visitor_phone", out.visitor_phone);
    r.one_of("purpose", out.purpose, {"family", "friend", "delivery", "courier", "helper", "renovation", "other"});
    r.integer("people", out.people, 1, 20);
    r.time("valid_from", out.valid_from);
    r.time("valid_until", out.valid_until);
    std::optional<std::int64_t> uses;
    r.integer("uses", uses, 1, 20);
    out.uses = uses.value_or(1);
    if (r.ok() && out.valid_until <= out.valid_from)
        ctx.fail(ctx.path("valid_until"), "must be later than valid_from.");
}

void to_json(nlohmann::json& j, const VisitorCodeRequest& v) {
    j = nlohmann::json{{"unit_id", v.unit_id}, {"visitor_name", v.visitor_name}, {"purpose", v.purpose},
                       {"people", v.people}};
    put_optional(j, "visitor_phone", v.visitor_phone);
    put_time(j, "valid_from", v.valid_from);
    put_time(j, "valid_until", v.valid_until);
    j["uses"] = v.uses;
}

void decode_into(const nlohmann::json& j, RedeemRequest& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    read_pass_code(r, ctx, out.code);
    r.time("used_offline_at", out.used_offline_at);
}

void to_json(nlohmann::json& j, const RedeemRequest& v) {
    j = nlohmann::json{{"code", v.code}};
    put_time(j, "used_offline_at", v.used_offline_at);
}

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
    j = nlohmann::json{{"unit_id", v.unit_id}, {"requester_phone", v.requester_phone}, {"relation", v.relation},
                       {"items", v.items}, {"planned_date", v.planned_date}};
    put_optional(j, "requester_name", v.requester_name);
    put_optional(j, "car_plate", v.car_plate);
}

void decode_into(const nlohmann::json& j, MoveOut& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("id", out.id, id_rule);
    r.text("unit_id", out.unit_id, id_rule);
    r.one_of("status", out.status, {"awaiting_owner_confirmation", "approved", "rejected"});
    r.text("requester_masked", out.requester_masked, TextRule{0, 40, false});
    r.one_of("relation", out.relation, {"owner", "tenant", "agent"});
    r.date("planned_date", out.planned_date);
    r.time("created_at", out.created_at);
    r.time("decided_at", out.decided_at);
    r.text("decision_note", out.decision_note, TextRule{1, 500, true});
    r.text("release_code", out.release_code, TextRule{release_code_digits, release_code_digits, false});
    r.text("decided_by", out.decided_by, id_rule);
    r.text("decided_via", out.decided_via, id_rule);
}

void to_json(nlohmann::json& j, const MoveOut& v) {
    j = nlohmann::json{{"id", v.id},         {"unit_id", v.unit_id},   {"status", v.status},
                       {"requester_masked", v.requester_masked}, {"relation", v.relation},
                       {"planned_date", v.planned_date}};
    put_time(j, "created_at", v.created_at);
    put_time(j, "decided_at", v.decided_at);
    put_optional(j, "decision_note", v.decision_note);
    put_optional(j, "release_code", v.release_code);
    put_optional(j, "decided_by", v.decided_by);
    put_optional(j, "decided_via", v.decided_via);
}

void decode_into(const nlohmann::json& j, MoveOutStatusRequest& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.digits("release_code", out.release_code, release_code_digits);
}

void to_json(nlohmann::json& j, const MoveOutStatusRequest& v) { j = nlohmann::json{{"release_code", v.release_code}}; }

void decode_into(const nlohmann::json& j, MoveOutDecision& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.one_of("status", out.status, {"approved", "rejected"});
    r.text("note", out.note, TextRule{1, 500, true});
    if (j.is_object() && j.contains("via")) {
        std::string via;
        r.one_of("via", via, {"phone_call", "in_person", "video_call"});
        if (r.ok()) out.via = via;
    }
}

void to_json(nlohmann::json& j, const MoveOutDecision& v) {
    j = nlohmann::json{{"status", v.status}, {"note", v.note}};
    put_optional(j, "via", v.via);
}

} // namespace lobby::protocol
