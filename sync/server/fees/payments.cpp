// Payment orders: created at the kiosk for chosen bills and at the payment
// provider (providers/), paid on the phone (confirmed by the provider's
// notify or query, settle.cpp; on a demo server by the pay page), expiring
// after a while.
#include "fees/payments.hpp"
#include "fees/receipt_page.hpp"

#include "estate.hpp"
#include "fees/bills.hpp"
#include "fees/fees.hpp"
#include "fees/providers/payment_provider.hpp"

#include "verification.hpp"

#include "protocol/public_links.hpp"
#include "protocol/random.hpp"

#include <spdlog/spdlog.h>

#include <set>

namespace lobby::server::fees {

std::optional<protocol::PaymentOrder> find_order(Database& db, const ServerConfig& config, const std::string& order_id,
                                                 protocol::UtcSeconds now) {
    Statement st(db, R"sql(
SELECT id, unit_id, amount_fen, created_at, expires_at, paid_at, code_url FROM payment_orders WHERE id = ?)sql");
    st.bind(1, order_id);
    if (!st.step()) return std::nullopt;
    protocol::PaymentOrder o;
    o.id = st.text(0);
    o.unit_id = st.text(1);
    o.amount_fen = st.int64(2);
    o.created_at = st.int64(3);
    o.expires_at = st.int64(4);
    o.paid_at = st.opt_int64(5);
    o.status = o.paid_at ? "paid" : now >= o.expires_at ? "expired" : "pending";
    // The provider's code_url; orders made before providers had the pay page link.
    o.qr_payload = st.opt_text(6).value_or(public_base_url(config) + protocol::pay_page_path(db.estate(), o.id));
    Statement bills(db, "SELECT bill_id FROM payment_order_bills WHERE order_id = ? ORDER BY bill_id");
    bills.bind(1, order_id);
    while (bills.step()) o.bill_ids.push_back(bills.text(0));
    if (o.paid_at) o.receipt_url = receipt_url(db, config, o.id);
    return o;
}

std::string public_base_url(const ServerConfig& config) {
    if (!config.public_url.empty()) return config.public_url;
    return (config.tls() ? "https://" : "http://") + config.host + ":" + std::to_string(config.port);
}

namespace {

ApiResponse no_store(ApiResponse r) {
    r.store = false;  // a retry with the same key asks the provider afresh
    return r;
}

} // namespace

std::optional<std::string> order_provider(Database& db, const std::string& order_id) {
    Statement st(db, "SELECT provider FROM payment_orders WHERE id = ?");
    st.bind(1, order_id);
    if (!st.step()) return std::nullopt;
    return st.text(0);
}

namespace {

// A request that may become an order: what it costs and owes per bill, or why not.
struct CheckedRequest {
    std::optional<ApiResponse> refusal;
    std::int64_t amount = 0;
    std::vector<std::pair<std::string, std::int64_t>> lines;  // bill id, due fen
};

CheckedRequest check_order_request(ApiContext& ctx, const protocol::PaymentOrderRequest& req) {
    CheckedRequest c;
    if (!unit_verified(ctx, req.verification_token, req.unit_id, VerificationUse::online)) {
        c.refusal = api_error(403, protocol::error_code::verification_required,
                              "A payment order needs the verification_token of this kiosk's fee lookup for unit " +
                                  req.unit_id + " from the last " +
                                  std::to_string(ctx.config.verification_ttl_seconds / 60) +
                                  " minutes; verify the phone digits again.");
        return c;
    }
    if (!find_unit(ctx.db, req.unit_id)) {
        c.refusal = api_error(404, protocol::error_code::unknown_unit, "Unit " + req.unit_id + " does not exist.");
        return c;
    }
    std::set<std::string> seen;
    for (const auto& id : req.bill_ids) {
        if (!seen.insert(id).second) {
            c.refusal = api_error(422, protocol::error_code::invalid_field, "Field 'bill_ids' lists bill " + id + " twice.");
            return c;
        }
        const auto bill = find_bill(ctx.db, id, ctx.now);
        if (!bill || bill->unit_id != req.unit_id) {
            c.refusal = api_error(422, protocol::error_code::invalid_field,
                                  "Field 'bill_ids' names " + id + ", which is not a bill of unit " + req.unit_id + ".");
            return c;
        }
        if (bill->status == "paid") {
            c.refusal = api_error(409, protocol::error_code::bills_already_paid, "Bill " + id + " is already paid.");
            return c;
        }
        c.lines.emplace_back(id, bill->amount_fen - bill->paid_fen);
        c.amount += bill->amount_fen - bill->paid_fen;
    }
    return c;
}

} // namespace

ProviderOrder open_provider_order(ApiContext& ctx, PaymentProvider* provider, const protocol::PaymentOrderRequest& req) {
    ProviderOrder opened;
    Transaction read(ctx.db, TxMode::Deferred);
    const CheckedRequest checked = check_order_request(ctx, req);
    read.commit();
    if (checked.refusal || !provider) return opened;  // the write transaction answers
    opened.provider = provider->name();
    opened.id = "PO-" + protocol::random_hex(8);
    opened.amount_fen = checked.amount;
    opened.expires_at = ctx.now + ctx.config.order_ttl_seconds;
    const auto code_url = provider->create_native_order({opened.id, "物业费 " + req.unit_id, opened.amount_fen, opened.expires_at, ctx.db.estate()});
    if (code_url.value) opened.code_url = *code_url.value;
    else spdlog::warn("payment provider {} did not create an order: {}", provider->name(), code_url.error);
    return opened;
}

ApiResponse create_payment_order(ApiContext& ctx, const ProviderOrder& opened, const protocol::PaymentOrderRequest& req) {
    const CheckedRequest checked = check_order_request(ctx, req);
    if (checked.refusal) return *checked.refusal;
    if (opened.provider.empty())
        return no_store(api_error(503, protocol::error_code::payments_unavailable,
                                  "This server has no payment provider: start it with the WeChat Pay flags (or --demo)."));
    if (!opened.code_url)
        return no_store(api_error(503, protocol::error_code::payments_unavailable,
                                  "The payment provider did not create the order; try again."));
    // The provider's order is for the amount seen before its call; a bill
    // paid meanwhile makes it wrong (it is left to expire unpaid there).
    if (checked.amount != opened.amount_fen)
        return api_error(409, protocol::error_code::bills_already_paid,
                         "A bill of this order was paid while the order was being created; create it again.");
    Statement ins(ctx.db, R"sql(
INSERT INTO payment_orders (id, unit_id, amount_fen, created_at, expires_at, kiosk_id, provider, code_url)
VALUES (?, ?, ?, ?, ?, ?, ?, ?))sql");
    ins.bind(1, opened.id).bind(2, req.unit_id).bind(3, opened.amount_fen).bind(4, ctx.now).bind(5, opened.expires_at);
    ins.bind(6, ctx.caller.kiosk_id).bind(7, opened.provider).bind(8, *opened.code_url);
    ins.run();
    Statement line(ctx.db, "INSERT INTO payment_order_bills (order_id, bill_id, due_fen) VALUES (?, ?, ?)");
    for (const auto& [bill_id, due] : checked.lines) {
        line.bind(1, opened.id).bind(2, bill_id).bind(3, due);
        line.run();
    }
    return api_ok(201, *find_order(ctx.db, ctx.config, opened.id, ctx.now));
}

ApiResponse get_payment_order(ApiContext& ctx, const std::string& order_id) {
    // Only the kiosk that created the order sees it; to others it does not
    // exist (404, not 403, so an id is not confirmed).
    Statement owner(ctx.db, "SELECT 1 FROM payment_orders WHERE id = ? AND kiosk_id = ?");
    owner.bind(1, order_id).bind(2, ctx.caller.kiosk_id);
    const auto order = owner.step() ? find_order(ctx.db, ctx.config, order_id, ctx.now) : std::nullopt;
    if (!order) return api_error(404, protocol::error_code::unknown_order, "Payment order " + order_id + " does not exist.");
    return api_ok(200, *order);
}

PayOutcome pay_order(Database& db, const ServerConfig& config, const std::string& order_id, protocol::UtcSeconds now,
                     bool provider_confirmed) {
    const auto order = find_order(db, config, order_id, now);
    if (!order) return {404, protocol::error_code::unknown_order, "订单不存在。This payment order does not exist.", std::nullopt};
    if (order->status == "paid")
        return {409, protocol::error_code::order_already_paid, "此订单已支付。This order was already paid.", order};
    // A provider that confirms a payment has taken the money (it refuses
    // payment after the order's time_expire), so a late notify still counts.
    if (order->status == "expired" && !provider_confirmed)
        return {410, protocol::error_code::order_expired, "此订单已过期，请在大堂终端重新下单。This order has expired; please create a new one at the kiosk.",
                order};
    // Every bill must still owe what the order was made for; otherwise it was
    // paid elsewhere meanwhile (counter, another order) and we refuse.
    Statement lines(db, R"sql(
SELECT b.id, b.amount_fen, b.paid_fen, l.due_fen FROM payment_order_bills l JOIN bills b ON b.id = l.bill_id
WHERE l.order_id = ?)sql");
    lines.bind(1, order_id);
    std::vector<std::pair<std::string, std::int64_t>> to_pay;
    while (lines.step()) {
        if (lines.int64(1) - lines.int64(2) != lines.int64(3))
            return {409, protocol::error_code::bills_already_paid,
                    "账单 " + lines.text(0) + " 在下单后已变更（可能已在别处缴纳），请重新下单。Bill " + lines.text(0) +
                        " changed since this order was made; please create a new order.", order};
        to_pay.emplace_back(lines.text(0), lines.int64(3));
    }
    Statement pay(db, "UPDATE bills SET paid_fen = paid_fen + ? WHERE id = ?");
    for (const auto& [bill_id, due] : to_pay) {
        pay.bind(1, due).bind(2, bill_id);
        pay.run();
        publish_bill(db, *find_bill(db, bill_id, now));
    }
    Statement done(db, "UPDATE payment_orders SET paid_at = ? WHERE id = ?");
    done.bind(1, now).bind(2, order_id);
    done.run();
    return {200, "", "Paid.", find_order(db, config, order_id, now)};
}

} // namespace lobby::server::fees
