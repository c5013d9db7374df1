// JSON mapping of the feed records (estate, fee kinds, categories, notices,
// surveys, units, bills, tickets).
#include "protocol/records.hpp"

namespace lobby::protocol {
namespace {
const TextRule id_rule{1, 64, false};
const TextRule name_rule{1, 200, false};
const TextRule long_text_rule{1, 4000, true};

constexpr std::size_t max_residents = 20;
std::string resident_last4_key(std::size_t n) { return "resident_" + std::to_string(n) + "_phone_last4"; }
} // namespace

// [SECTION] Shared pieces

void decode_into(const nlohmann::json& j, LocalizedText& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("zh-CN", out.zh_cn, long_text_rule);
    std::optional<std::string> hk, en;
    r.text("zh-HK", hk, long_text_rule);
    r.text("en", en, long_text_rule);
    out.zh_hk = hk.value_or("");
    out.en = en.value_or("");
}

void to_json(nlohmann::json& j, const LocalizedText& v) {
    j = nlohmann::json{{"zh-CN", v.zh_cn}};
    if (!v.zh_hk.empty()) j["zh-HK"] = v.zh_hk;
    if (!v.en.empty()) j["en"] = v.en;
}

void decode_into(const nlohmann::json& j, EmergencyContact& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.object("name", out.name);
    r.text("phone", out.phone, TextRule{3, 20, false});
}

void to_json(nlohmann::json& j, const EmergencyContact& v) { j = nlohmann::json{{"name", v.name}, {"phone", v.phone}}; }

// [SECTION] Estate reference data

void decode_into(const nlohmann::json& j, Estate& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.object("name", out.name);
    r.object("address", out.address);
    r.text("hotline", out.hotline, TextRule{3, 20, false});
    r.object("office_hours", out.office_hours);
    r.array("emergency_contacts", out.emergency_contacts, 20);
}

void to_json(nlohmann::json& j, const Estate& v) {
    j = nlohmann::json{{"name", v.name},
                       {"address", v.address},
                       {"hotline", v.hotline},
                       {"office_hours", v.office_hours},
                       {"emergency_contacts", v.emergency_contacts}};
}

void decode_into(const nlohmann::json& j, FeeKind& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("code", out.code, id_rule);
    r.object("name", out.name);
    r.object("covers", out.covers);
    r.object("not_covered", out.not_covered);
}

void to_json(nlohmann::json& j, const FeeKind& v) {
    j = nlohmann::json{{"code", v.code}, {"name", v.name}, {"covers", v.covers}, {"not_covered", v.not_covered}};
}

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

// [SECTION] Notices and surveys

void decode_into(const nlohmann::json& j, Notice& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("id", out.id, id_rule);
    r.one_of("kind", out.kind, {"outage", "safety", "event", "fee", "service"});
    r.boolean("urgent", out.urgent);
    r.object("title", out.title);
    r.object("body", out.body);
    r.time("published_at", out.published_at);
    r.time("expires_at", out.expires_at);
}

void to_json(nlohmann::json& j, const Notice& v) {
    j = nlohmann::json{{"id", v.id}, {"kind", v.kind}, {"urgent", v.urgent}, {"title", v.title}, {"body", v.body}};
    put_time(j, "published_at", v.published_at);
    put_time(j, "expires_at", v.expires_at);
}

void decode_into(const nlohmann::json& j, SurveyChoice& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("id", out.id, id_rule);
    r.object("text", out.text);
}

void to_json(nlohmann::json& j, const SurveyChoice& v) { j = nlohmann::json{{"id", v.id}, {"text", v.text}}; }

void decode_into(const nlohmann::json& j, SurveyQuestion& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("id", out.id, id_rule);
    r.one_of("kind", out.kind, {"single", "multiple", "text"});
    r.object("text", out.text);
    r.array("choices", out.choices, 50);
}

void to_json(nlohmann::json& j, const SurveyQuestion& v) {
    j = nlohmann::json{{"id", v.id}, {"kind", v.kind}, {"text", v.text}, {"choices", v.choices}};
}

void decode_into(const nlohmann::json& j, Survey& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("id", out.id, id_rule);
    r.object("title", out.title);
    r.time("opens_at", out.opens_at);
    r.time("closes_at", out.closes_at);
    r.boolean("anonymous_allowed", out.anonymous_allowed);
    r.array("questions", out.questions, 100, 1);
}

void to_json(nlohmann::json& j, const Survey& v) {
    j = nlohmann::json{{"id", v.id}, {"title", v.title}, {"anonymous_allowed", v.anonymous_allowed},
                       {"questions", v.questions}};
    put_time(j, "opens_at", v.opens_at);
    put_time(j, "closes_at", v.closes_at);
}

// [SECTION] Units and bills

void decode_into(const nlohmann::json& j, Unit& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("id", out.id, id_rule);
    r.integer("building", out.building, 1, 999);
    r.integer("entrance", out.entrance, 1, 99);
    r.integer("floor", out.floor, -5, 200);
    r.text("room", out.room, TextRule{1, 8, false});
    r.number("area_m2", out.area_m2, 1, 100000);
    r.text("owner_masked", out.owner_masked, TextRule{0, 40, false});
    for (std::size_t n = 1; r.ok() && n <= max_residents && j.contains(resident_last4_key(n)); ++n) {
        std::string digits;
        r.digits(resident_last4_key(n).c_str(), digits, 4);
        if (r.ok()) out.resident_phone_last4.push_back(digits);
    }
}

void to_json(nlohmann::json& j, const Unit& v) {
    j = nlohmann::json{{"id", v.id},     {"building", v.building}, {"entrance", v.entrance},
                       {"floor", v.floor}, {"room", v.room},        {"area_m2", v.area_m2},
                       {"owner_masked", v.owner_masked}};
    for (std::size_t i = 0; i < v.resident_phone_last4.size() && i < max_residents; ++i)
        j[resident_last4_key(i + 1)] = v.resident_phone_last4[i];
}

void decode_into(const nlohmann::json& j, Bill& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("id", out.id, id_rule);
    r.text("unit_id", out.unit_id, id_rule);
    r.text("fee_kind", out.fee_kind, id_rule);
    r.period("period", out.period);
    r.integer("amount_fen", out.amount_fen, 0, 100'000'000'00);
    r.integer("paid_fen", out.paid_fen, 0, 100'000'000'00);
    r.one_of("status", out.status, {"unpaid", "partial", "paid"});
    r.date("due_date", out.due_date);
    r.boolean("late", out.late);
    if (r.ok() && out.paid_fen > out.amount_fen) ctx.fail(ctx.path("paid_fen"), "must not exceed amount_fen.");
}

void to_json(nlohmann::json& j, const Bill& v) {
    j = nlohmann::json{{"id", v.id},         {"unit_id", v.unit_id},   {"fee_kind", v.fee_kind},
                       {"period", v.period}, {"amount_fen", v.amount_fen}, {"paid_fen", v.paid_fen},
                       {"status", v.status}, {"due_date", v.due_date}, {"late", v.late}};
}

// [SECTION] Tickets

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

} // namespace lobby::protocol
