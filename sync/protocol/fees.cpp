// JSON mapping of the fees messages.
#include "protocol/fees.hpp"

#include "protocol/rules.hpp"

#include <cstdio>

namespace lobby::protocol {

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

void decode_into(const nlohmann::json& j, FeeLookupRequest& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("unit_id", out.unit_id, id_rule);
    r.digits("phone_last4", out.phone_last4, 4);
    r.text("session_id", out.session_id, TextRule{8, 64, false});
}

void to_json(nlohmann::json& j, const FeeLookupRequest& v) {
    j = nlohmann::json{{"unit_id", v.unit_id}, {"phone_last4", v.phone_last4}};
    if (v.session_id) j["session_id"] = *v.session_id;
}

void decode_into(const nlohmann::json& j, FeeLookupResult& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.object("unit", out.unit);
    r.array("bills", out.bills, 2000);
    r.integer("total_due_fen", out.total_due_fen, 0, INT64_MAX);
    r.integer("late_due_fen", out.late_due_fen, 0, INT64_MAX);
    r.integer("unpaid_count", out.unpaid_count, 0, INT64_MAX);
    r.text("verification_token", out.verification_token, token_rule);
}

void to_json(nlohmann::json& j, const FeeLookupResult& v) {
    j = nlohmann::json{{"unit", v.unit},
                       {"bills", v.bills},
                       {"total_due_fen", v.total_due_fen},
                       {"late_due_fen", v.late_due_fen},
                       {"unpaid_count", v.unpaid_count}};
    if (v.verification_token) j["verification_token"] = *v.verification_token;
}

void decode_into(const nlohmann::json& j, PaymentOrderRequest& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("unit_id", out.unit_id, id_rule);
    r.text_array("bill_ids", out.bill_ids, 60, id_rule);
    if (r.ok() && out.bill_ids.empty()) ctx.fail(ctx.path("bill_ids"), "must name at least one bill.");
    r.text("verification_token", out.verification_token, token_rule);
}

void to_json(nlohmann::json& j, const PaymentOrderRequest& v) {
    j = nlohmann::json{{"unit_id", v.unit_id}, {"bill_ids", v.bill_ids}};
    if (v.verification_token) j["verification_token"] = *v.verification_token;
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
    r.text("receipt_url", out.receipt_url, TextRule{1, 500, false});
}

void to_json(nlohmann::json& j, const PaymentOrder& v) {
    j = nlohmann::json{{"id", v.id},         {"unit_id", v.unit_id}, {"bill_ids", v.bill_ids},
                       {"amount_fen", v.amount_fen}, {"status", v.status}, {"qr_payload", v.qr_payload}};
    put_time(j, "created_at", v.created_at);
    put_time(j, "expires_at", v.expires_at);
    put_time(j, "paid_at", v.paid_at);
    if (v.receipt_url) j["receipt_url"] = *v.receipt_url;
}

void decode_into(const nlohmann::json& j, FeeLockout& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("unit_id", out.unit_id, id_rule);
    r.time("locked_until", out.locked_until);
    r.integer("wrong_tries", out.wrong_tries, 0, INT64_MAX);
    r.integer("waiting_sessions", out.waiting_sessions, 0, INT64_MAX);
}

void to_json(nlohmann::json& j, const FeeLockout& v) {
    j = nlohmann::json{{"unit_id", v.unit_id}, {"wrong_tries", v.wrong_tries}, {"waiting_sessions", v.waiting_sessions}};
    put_time(j, "locked_until", v.locked_until);
}

void decode_into(const nlohmann::json& j, FeeLockoutList& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.array("lockouts", out.lockouts, 100000);
}

void to_json(nlohmann::json& j, const FeeLockoutList& v) { j = nlohmann::json{{"lockouts", v.lockouts}}; }

std::string format_yuan(std::int64_t fen) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "¥%lld.%02lld", static_cast<long long>(fen / 100), static_cast<long long>(fen % 100));
    return buf;
}

} // namespace lobby::protocol
