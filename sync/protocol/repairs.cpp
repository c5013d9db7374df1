// JSON mapping of the repairs messages.
#include "protocol/repairs.hpp"

#include "protocol/follow_code.hpp"
#include "protocol/rules.hpp"

namespace lobby::protocol {

void decode_into(const nlohmann::json& j, RepairCategory& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("code", out.code, id_rule);
    r.object("name", out.name);
    r.boolean("in_scope", out.in_scope);
    r.boolean("emergency", out.emergency);
    r.object("refer_to", out.refer_to);
    r.text("refer_phone", out.refer_phone, TextRule{3, 20, false});
}

void to_json(nlohmann::json& j, const RepairCategory& v) {
    j = nlohmann::json{{"code", v.code}, {"name", v.name}, {"in_scope", v.in_scope}, {"emergency", v.emergency}};
    put_optional(j, "refer_to", v.refer_to);
    put_optional(j, "refer_phone", v.refer_phone);
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
    r.text("description", out.description, TextRule{1, 500, true});
    r.one_of("location", out.location, {"public", "own_unit"});
    r.text("location_detail", out.location_detail, TextRule{0, 100, false});
    r.boolean("emergency", out.emergency, false);
    r.one_of("status", out.status,
             {"submitted", "accepted", "scheduled", "in_progress", "completed", "closed", "cancelled"});
    r.object("preferred_slot", out.preferred_slot);
    r.time("created_at", out.created_at);
    r.time("updated_at", out.updated_at);
    r.array("timeline", out.timeline, 200);
    r.object("rating", out.rating);
}

void to_json(nlohmann::json& j, const Ticket& v) {
    j = nlohmann::json{{"id", v.id},         {"unit_id", v.unit_id},       {"category", v.category},
                       {"description", v.description}, {"location", v.location}, {"emergency", v.emergency},
                       {"status", v.status}, {"timeline", v.timeline}};
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
    r.text("description", out.description, TextRule{1, 500, true});
    r.one_of("location", out.location, {"public", "own_unit"});
    r.text("location_detail", out.location_detail, TextRule{0, 100, false});
    r.mobile("contact_phone", out.contact_phone);
    r.object("preferred_slot", out.preferred_slot);
    read_follow_code(r, ctx, out.follow_code);
}

void to_json(nlohmann::json& j, const RepairRequest& v) {
    j = nlohmann::json{{"unit_id", v.unit_id}, {"category", v.category}, {"description", v.description},
                       {"location", v.location}};
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

void decode_into(const nlohmann::json& j, TicketStatusRequest& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.one_of("status", out.status, {"accepted", "scheduled", "in_progress", "completed", "cancelled"});
    r.text("note", out.note, TextRule{1, 500, true});
}

void to_json(nlohmann::json& j, const TicketStatusRequest& v) {
    j = nlohmann::json{{"status", v.status}, {"note", v.note}};
}

} // namespace lobby::protocol
