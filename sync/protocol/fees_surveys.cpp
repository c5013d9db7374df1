// JSON mapping of fee, payment, survey, health, heartbeat and kiosk-status messages.
#include "protocol/requests.hpp"

namespace lobby::protocol {
namespace {
const TextRule id_rule{1, 64, false};
} // namespace

// [SECTION] Surveys

void decode_into(const nlohmann::json& j, SurveyAnswer& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("question_id", out.question_id, id_rule);
    r.text_array("choice_ids", out.choice_ids, 50, id_rule);
    r.text("text", out.text, TextRule{0, 500, true});
}

void to_json(nlohmann::json& j, const SurveyAnswer& v) {
    j = nlohmann::json{{"question_id", v.question_id}, {"choice_ids", v.choice_ids}};
    put_optional(j, "text", v.text);
}

void decode_into(const nlohmann::json& j, SurveyResponseRequest& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("survey_id", out.survey_id, id_rule);
    r.text("unit_id", out.unit_id, id_rule);
    r.boolean("anonymous", out.anonymous, false);
    r.array("answers", out.answers, 100, 1);
}

void to_json(nlohmann::json& j, const SurveyResponseRequest& v) {
    j = nlohmann::json{
        {"survey_id", v.survey_id}, {"unit_id", v.unit_id}, {"anonymous", v.anonymous}, {"answers", v.answers}};
}

void decode_into(const nlohmann::json& j, SurveyReceipt& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("id", out.id, id_rule);
    r.text("survey_id", out.survey_id, id_rule);
    r.time("received_at", out.received_at);
}

void to_json(nlohmann::json& j, const SurveyReceipt& v) {
    j = nlohmann::json{{"id", v.id}, {"survey_id", v.survey_id}};
    put_time(j, "received_at", v.received_at);
}

// [SECTION] Fees and payment

void decode_into(const nlohmann::json& j, FeeLookupRequest& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("unit_id", out.unit_id, id_rule);
    r.digits("phone_last4", out.phone_last4, 4);
}

void to_json(nlohmann::json& j, const FeeLookupRequest& v) {
    j = nlohmann::json{{"unit_id", v.unit_id}, {"phone_last4", v.phone_last4}};
}

void decode_into(const nlohmann::json& j, FeeLookupResult& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.object("unit", out.unit);
    r.array("bills", out.bills, 2000);
    r.integer("total_due_fen", out.total_due_fen, 0, INT64_MAX);
    r.integer("late_due_fen", out.late_due_fen, 0, INT64_MAX);
    r.integer("unpaid_count", out.unpaid_count, 0, INT64_MAX);
}

void to_json(nlohmann::json& j, const FeeLookupResult& v) {
    j = nlohmann::json{{"unit", v.unit},
                       {"bills", v.bills},
                       {"total_due_fen", v.total_due_fen},
                       {"late_due_fen", v.late_due_fen},
                       {"unpaid_count", v.unpaid_count}};
}

void decode_into(const nlohmann::json& j, PaymentOrderRequest& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("unit_id", out.unit_id, id_rule);
    r.text_array("bill_ids", out.bill_ids, 60, id_rule);
    if (r.ok() && out.bill_ids.empty()) ctx.fail(ctx.path("bill_ids"), "must name at least one bill.");
}

void to_json(nlohmann::json& j, const PaymentOrderRequest& v) {
    j = nlohmann::json{{"unit_id", v.unit_id}, {"bill_ids", v.bill_ids}};
}

void decode_into(const nlohmann::json& j, PaymentOrder& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("id", out.id, id_rule);
    r.text("unit_id", out.unit_id, id_rule);
    r.text_array("bill_ids", out.bill_ids, 60, id_rule);
    r.integer("amount_fen", out.amount_fen, 0, INT64_MAX);
    r.one_of("status", out.status, {"pending", "paid", "expired"});
    r.text("qr_payload", out.qr_payload, TextRule{1, 500, false});
    r.time("created_at", out.created_at);
    r.time("expires_at", out.expires_at);
    r.time("paid_at", out.paid_at);
}

void to_json(nlohmann::json& j, const PaymentOrder& v) {
    j = nlohmann::json{{"id", v.id},         {"unit_id", v.unit_id}, {"bill_ids", v.bill_ids},
                       {"amount_fen", v.amount_fen}, {"status", v.status}, {"qr_payload", v.qr_payload}};
    put_time(j, "created_at", v.created_at);
    put_time(j, "expires_at", v.expires_at);
    put_time(j, "paid_at", v.paid_at);
}

// [SECTION] Health and heartbeat

void decode_into(const nlohmann::json& j, Health& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("status", out.status, id_rule);
    r.text("version", out.version, id_rule);
}

void to_json(nlohmann::json& j, const Health& v) { j = nlohmann::json{{"status", v.status}, {"version", v.version}}; }

void decode_into(const nlohmann::json& j, Heartbeat& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("kiosk_version", out.kiosk_version, id_rule);
    r.integer("outbox_size", out.outbox_size, 0, 1'000'000);
    r.time("last_sync", out.last_sync);
}

void to_json(nlohmann::json& j, const Heartbeat& v) {
    j = nlohmann::json{{"kiosk_version", v.kiosk_version}, {"outbox_size", v.outbox_size}};
    put_time(j, "last_sync", v.last_sync);
}

void decode_into(const nlohmann::json& j, HeartbeatAck& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("kiosk_id", out.kiosk_id, id_rule);
    r.time("server_time", out.server_time);
}

void to_json(nlohmann::json& j, const HeartbeatAck& v) {
    j = nlohmann::json{{"kiosk_id", v.kiosk_id}};
    put_time(j, "server_time", v.server_time);
}

void decode_into(const nlohmann::json& j, KioskStatus& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("id", out.id, id_rule);
    r.boolean("revoked", out.revoked);
    r.boolean("online", out.online);
    r.time("last_seen", out.last_seen);
    r.text("version", out.version, id_rule);
    r.integer("outbox_size", out.outbox_size, 0, 1'000'000);
    r.time("last_sync", out.last_sync);
}

void to_json(nlohmann::json& j, const KioskStatus& v) {
    j = nlohmann::json{{"id", v.id}, {"revoked", v.revoked}, {"online", v.online}};
    put_time(j, "last_seen", v.last_seen);
    put_optional(j, "version", v.version);
    put_optional(j, "outbox_size", v.outbox_size);
    put_time(j, "last_sync", v.last_sync);
}

void decode_into(const nlohmann::json& j, KioskList& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.array("kiosks", out.kiosks, 1000);
}

void to_json(nlohmann::json& j, const KioskList& v) { j = nlohmann::json{{"kiosks", v.kiosks}}; }

} // namespace lobby::protocol
