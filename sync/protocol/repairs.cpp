// JSON mapping of the repairs messages.
#include "protocol/repairs.hpp"

#include "protocol/follow_code.hpp"
#include "protocol/rules.hpp"

namespace lobby::protocol {

namespace {
constexpr TextRule icon_rule{0, 40, false};
}

void decode_into(const nlohmann::json& j, RepairPreset& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("code", out.code, id_rule);
    r.object("name", out.name);
    std::optional<std::string> icon;
    r.text("icon", icon, icon_rule);
    out.icon = icon.value_or("");
}

void to_json(nlohmann::json& j, const RepairPreset& v) {
    j = nlohmann::json{{"code", v.code}, {"name", v.name}, {"icon", v.icon}};
}

void decode_into(const nlohmann::json& j, RepairPrice& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.object("item", out.item);
    r.integer("price_fen", out.price_fen, 0, 100'000'000);
    r.object("per", out.per);
}

void to_json(nlohmann::json& j, const RepairPrice& v) {
    j = nlohmann::json{{"item", v.item}, {"price_fen", v.price_fen}, {"per", v.per}};
}

void decode_into(const nlohmann::json& j, RepairCategory& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("code", out.code, id_rule);
    r.object("name", out.name);
    r.boolean("in_scope", out.in_scope);
    r.boolean("emergency", out.emergency);
    r.object("refer_to", out.refer_to);
    r.text("refer_phone", out.refer_phone, TextRule{3, 20, false});
    r.boolean("chargeable", out.chargeable, false);
    if (j.is_object() && j.contains("places")) r.one_of("places", out.places, {"own_unit", "public", "both"});
    std::optional<std::string> icon;
    r.text("icon", icon, icon_rule);
    out.icon = icon.value_or("");
    std::optional<std::int64_t> order;
    r.integer("order", order, 0, 10'000);
    out.order = order.value_or(0);
    if (j.is_object() && j.contains("presets")) r.array("presets", out.presets, 50);
    if (j.is_object() && j.contains("prices")) r.array("prices", out.prices, 50);
}

void to_json(nlohmann::json& j, const RepairCategory& v) {
    j = nlohmann::json{{"code", v.code}, {"name", v.name}, {"in_scope", v.in_scope}, {"emergency", v.emergency}};
    // Defaults are left out, so records written before these fields read back the same.
    if (v.chargeable) j["chargeable"] = true;
    if (v.places != "both") j["places"] = v.places;
    if (!v.icon.empty()) j["icon"] = v.icon;
    if (v.order != 0) j["order"] = v.order;
    if (!v.presets.empty()) j["presets"] = v.presets;
    if (!v.prices.empty()) j["prices"] = v.prices;
    put_optional(j, "refer_to", v.refer_to);
    put_optional(j, "refer_phone", v.refer_phone);
}

void decode_into(const nlohmann::json& j, RepairLocation& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("code", out.code, id_rule);
    r.object("name", out.name);
    std::optional<std::int64_t> order;
    r.integer("order", order, 0, 10'000);
    out.order = order.value_or(0);
}

void to_json(nlohmann::json& j, const RepairLocation& v) {
    j = nlohmann::json{{"code", v.code}, {"name", v.name}, {"order", v.order}};
}

void decode_into(const nlohmann::json& j, RepairSlot& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.time("start", out.start);
    r.time("end", out.end);
    r.integer("day", out.day, 0, 2);
    r.one_of("part", out.part, {"morning", "afternoon", "evening"});
    r.integer("capacity", out.capacity, 0, 1000);
    r.integer("free", out.free, 0, 1000);
}

void to_json(nlohmann::json& j, const RepairSlot& v) {
    j = nlohmann::json{{"day", v.day}, {"part", v.part}, {"capacity", v.capacity}, {"free", v.free}};
    put_time(j, "start", v.start);
    put_time(j, "end", v.end);
}

void decode_into(const nlohmann::json& j, RepairSlotList& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.array("slots", out.slots, 9);
}

void to_json(nlohmann::json& j, const RepairSlotList& v) { j = nlohmann::json{{"slots", v.slots}}; }

void decode_into(const nlohmann::json& j, Acceptance& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.boolean("accepted", out.accepted);
    r.text("comment", out.comment, TextRule{0, acceptance_comment_max, false});
    r.time("at", out.at);
}

void to_json(nlohmann::json& j, const Acceptance& v) {
    j = nlohmann::json{{"accepted", v.accepted}};
    put_optional(j, "comment", v.comment);
    put_time(j, "at", v.at);
}

void decode_into(const nlohmann::json& j, TimeSlot& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.time("start", out.start);
    r.time("end", out.end);
    if (r.ok() && out.end <= out.start) ctx.fail(ctx.path("end"), "must be later than start.");
}

void to_json(nlohmann::json& j, const TimeSlot& v) {
    j = nlohmann::json::object();
    put_time(j, "start", v.start);
    put_time(j, "end", v.end);
}

namespace {

void read_follow_code(ObjectReader& r, DecodeContext& ctx, std::optional<std::string>& out) {
    r.text("follow_code", out, TextRule{follow_code_length, follow_code_length, false});
    if (r.ok() && out && !is_follow_code(*out))
        ctx.fail(ctx.path("follow_code"), "must be " + std::to_string(follow_code_length) + " characters of " +
                                              std::string(follow_code_alphabet) + ".");
}

void read_credentials(ObjectReader& r, DecodeContext& ctx, TicketCredentials& out) {
    read_follow_code(r, ctx, out.follow_code);
    r.text("verification_token", out.verification_token, token_rule);
}

void put_credentials(nlohmann::json& j, const TicketCredentials& v) {
    put_optional(j, "follow_code", v.follow_code);
    put_optional(j, "verification_token", v.verification_token);
}

} // namespace

void decode_into(const nlohmann::json& j, Rating& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.integer("score", out.score, 1, 5);
    r.boolean("solved", out.solved);
    r.text("comment", out.comment, TextRule{0, 500, true});
}

void to_json(nlohmann::json& j, const Rating& v) {
    j = nlohmann::json{{"score", v.score}, {"solved", v.solved}};
    put_optional(j, "comment", v.comment);
}

void decode_into(const nlohmann::json& j, TimelineEntry& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.time("at", out.at);
    r.text("status", out.status, id_rule);
    std::optional<std::string> note;
    r.text("note", note, TextRule{0, 1000, true});
    out.note = note.value_or("");
}

void to_json(nlohmann::json& j, const TimelineEntry& v) {
    j = nlohmann::json{{"status", v.status}, {"note", v.note}};
    put_time(j, "at", v.at);
}

void decode_into(const nlohmann::json& j, Ticket& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("id", out.id, id_rule);
    r.text("unit_id", out.unit_id, id_rule);
    r.text("category", out.category, id_rule);
    r.text("preset", out.preset, id_rule);
    r.text("description", out.description, TextRule{1, 500, true});
    r.one_of("location", out.location, {"public", "own_unit"});
    r.text("location_detail", out.location_detail, TextRule{0, 100, false});
    r.boolean("emergency", out.emergency, false);
    r.one_of("status", out.status,
             {"submitted", "accepted", "dispatched", "scheduled", "in_progress", "awaiting_acceptance", "completed",
              "closed", "cancelled"});
    r.object("preferred_slot", out.preferred_slot);
    r.time("created_at", out.created_at);
    r.time("updated_at", out.updated_at);
    r.array("timeline", out.timeline, 200);
    r.object("rating", out.rating);
    r.text("client_ref", out.client_ref, id_rule);
    r.text("worker_masked", out.worker_masked, TextRule{1, 40, false});
    r.integer("charge_fen", out.charge_fen, 0, 100'000'000);
    r.object("acceptance", out.acceptance);
}

void to_json(nlohmann::json& j, const Ticket& v) {
    j = nlohmann::json{{"id", v.id},         {"category", v.category},
                       {"description", v.description}, {"location", v.location}, {"emergency", v.emergency},
                       {"status", v.status}, {"timeline", v.timeline}};
    put_optional(j, "unit_id", v.unit_id);
    put_optional(j, "preset", v.preset);
    put_optional(j, "client_ref", v.client_ref);
    put_optional(j, "worker_masked", v.worker_masked);
    put_optional(j, "charge_fen", v.charge_fen);
    put_optional(j, "acceptance", v.acceptance);
    put_optional(j, "location_detail", v.location_detail);
    put_optional(j, "preferred_slot", v.preferred_slot);
    put_optional(j, "rating", v.rating);
    put_time(j, "created_at", v.created_at);
    put_time(j, "updated_at", v.updated_at);
}

void decode_into(const nlohmann::json& j, RepairRequest& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("unit_id", out.unit_id, id_rule);
    r.text("category", out.category, id_rule);
    r.text("preset", out.preset, id_rule);
    r.text("description", out.description, TextRule{1, 500, true});
    r.one_of("location", out.location, {"public", "own_unit"});
    r.text("location_detail", out.location_detail, TextRule{0, 100, false});
    r.mobile("contact_phone", out.contact_phone);
    r.object("preferred_slot", out.preferred_slot);
    r.boolean("paid_acknowledged", out.paid_acknowledged, false);
    r.text("client_ref", out.client_ref, id_rule);
    read_follow_code(r, ctx, out.follow_code);
    r.text("status_token", out.status_token, TextRule{status_token_length, status_token_length, false});
    if (r.ok() && out.status_token && !is_status_token(*out.status_token))
        ctx.fail(ctx.path("status_token"), "must be " + std::to_string(status_token_length) + " characters of " +
                                               std::string(follow_code_alphabet) + ".");
    if (r.ok() && out.location == "own_unit" && !out.unit_id)
        ctx.fail(ctx.path("unit_id"), "is required for a report in the own unit (location own_unit).");
}

void to_json(nlohmann::json& j, const RepairRequest& v) {
    j = nlohmann::json{{"category", v.category}, {"description", v.description}, {"location", v.location}};
    if (v.paid_acknowledged) j["paid_acknowledged"] = true;
    put_optional(j, "unit_id", v.unit_id);
    put_optional(j, "preset", v.preset);
    put_optional(j, "client_ref", v.client_ref);
    put_optional(j, "status_token", v.status_token);
    put_optional(j, "location_detail", v.location_detail);
    put_optional(j, "contact_phone", v.contact_phone);
    put_optional(j, "preferred_slot", v.preferred_slot);
    put_optional(j, "follow_code", v.follow_code);
}

void decode_into(const nlohmann::json& j, TicketLookupRequest& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    read_credentials(r, ctx, out);
}

void to_json(nlohmann::json& j, const TicketLookupRequest& v) {
    j = nlohmann::json::object();
    put_credentials(j, v);
}

void decode_into(const nlohmann::json& j, RatingRequest& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.integer("score", out.score, 1, 5);
    r.boolean("solved", out.solved);
    r.text("comment", out.comment, TextRule{0, 500, true});
    read_credentials(r, ctx, out);
}

void to_json(nlohmann::json& j, const RatingRequest& v) {
    j = nlohmann::json{{"score", v.score}, {"solved", v.solved}};
    put_optional(j, "comment", v.comment);
    put_credentials(j, v);
}

void decode_into(const nlohmann::json& j, TicketCodeLookupRequest& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    std::optional<std::string> code;
    read_follow_code(r, ctx, code);
    if (r.ok() && !code) ctx.fail(ctx.path("follow_code"), "is required.");
    out.follow_code = code.value_or("");
}

void to_json(nlohmann::json& j, const TicketCodeLookupRequest& v) { j = nlohmann::json{{"follow_code", v.follow_code}}; }

void decode_into(const nlohmann::json& j, UnitTicketsRequest& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("unit_id", out.unit_id, id_rule);
    r.text("verification_token", out.verification_token, token_rule);
}

void to_json(nlohmann::json& j, const UnitTicketsRequest& v) {
    j = nlohmann::json{{"unit_id", v.unit_id}};
    put_optional(j, "verification_token", v.verification_token);
}

void decode_into(const nlohmann::json& j, UnitTicketList& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("unit_id", out.unit_id, id_rule);
    r.array("tickets", out.tickets, unit_tickets_max);
}

void to_json(nlohmann::json& j, const UnitTicketList& v) {
    j = nlohmann::json{{"unit_id", v.unit_id}, {"tickets", v.tickets}};
}

void decode_into(const nlohmann::json& j, AcceptanceRequest& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.boolean("accepted", out.accepted);
    r.text("comment", out.comment, TextRule{1, acceptance_comment_max, false});
    if (r.ok() && !out.accepted && !out.comment)
        ctx.fail(ctx.path("comment"), "is required when the work is not accepted (the reason).");
    read_credentials(r, ctx, out);
}

void to_json(nlohmann::json& j, const AcceptanceRequest& v) {
    j = nlohmann::json{{"accepted", v.accepted}};
    put_optional(j, "comment", v.comment);
    put_credentials(j, v);
}

void decode_into(const nlohmann::json& j, TicketStatusRequest& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.one_of("status", out.status,
             {"accepted", "dispatched", "scheduled", "in_progress", "awaiting_acceptance", "completed", "cancelled"});
    r.text("note", out.note, TextRule{1, 500, true});
    r.text("worker", out.worker, person_name_rule);
    r.integer("charge_fen", out.charge_fen, 0, 100'000'000);
}

void to_json(nlohmann::json& j, const TicketStatusRequest& v) {
    j = nlohmann::json{{"status", v.status}, {"note", v.note}};
    put_optional(j, "worker", v.worker);
    put_optional(j, "charge_fen", v.charge_fen);
}

} // namespace lobby::protocol
