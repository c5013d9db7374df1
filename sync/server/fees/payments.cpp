// Payment orders: created at the kiosk for chosen bills, paid on the phone
// through the pay page (pay_page.cpp), expiring after a while.
#include "fees/payments.hpp"

#include "estate.hpp"
#include "fees/bills.hpp"
#include "fees/fees.hpp"

#include "verification.hpp"

#include "protocol/random.hpp"

#include <set>

namespace lobby::server::fees {

std::optional<protocol::PaymentOrder> find_order(Database& db, const ServerConfig& config, const std::string& order_id,
                                                 protocol::UtcSeconds now) {
    Statement st(db, "SELECT id, unit_id, amount_fen, created_at, expires_at, paid_at FROM payment_orders WHERE id = ?");
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
    o.qr_payload = public_base_url(config) + "/pay/" + o.id;
    Statement bills(db, "SELECT bill_id FROM payment_order_bills WHERE order_id = ? ORDER BY bill_id");
    bills.bind(1, order_id);
    while (bills.step()) o.bill_ids.push_back(bills.text(0));
    return o;
}

std::string public_base_url(const ServerConfig& config) {
    if (!config.public_url.empty()) return config.public_url;
    return "http://" + config.host + ":" + std::to_string(config.port);
}

ApiResponse create_payment_order(ApiContext& ctx, const protocol::PaymentOrderRequest& req) {
    // This kiosk's fresh lookup of this unit, checked first (also for an unknown unit).
    if (!unit_verified(ctx, req.verification_token, req.unit_id, VerificationUse::online))
        return api_error(403, protocol::error_code::verification_required,
                         "A payment order needs the verification_token of this kiosk's fee lookup for unit " +
                             req.unit_id + " from the last " + std::to_string(ctx.config.verification_ttl_seconds / 60) +
                             " minutes; verify the phone digits again.");
    if (!find_unit(ctx.db, req.unit_id))
        return api_error(404, protocol::error_code::unknown_unit, "Unit " + req.unit_id + " does not exist.");
    std::set<std::string> seen;
    std::int64_t amount = 0;
    std::vector<std::pair<std::string, std::int64_t>> lines;
    for (const auto& id : req.bill_ids) {
        if (!seen.insert(id).second)
            return api_error(422, protocol::error_code::invalid_field, "Field 'bill_ids' lists bill " + id + " twice.");
        const auto bill = find_bill(ctx.db, id, ctx.now);
        if (!bill || bill->unit_id != req.unit_id)
            return api_error(422, protocol::error_code::invalid_field,
                             "Field 'bill_ids' names " + id + ", which is not a bill of unit " + req.unit_id + ".");
        if (bill->status == "paid")
            return api_error(409, protocol::error_code::bills_already_paid, "Bill " + id + " is already paid.");
        lines.emplace_back(id, bill->amount_fen - bill->paid_fen);
        amount += bill->amount_fen - bill->paid_fen;
    }
    const std::string id = "PO-" + protocol::random_hex(8);
    Statement ins(ctx.db, R"sql(
INSERT INTO payment_orders (id, unit_id, amount_fen, created_at, expires_at, kiosk_id) VALUES (?, ?, ?, ?, ?, ?))sql");
    ins.bind(1, id).bind(2, req.unit_id).bind(3, amount).bind(4, ctx.now).bind(5, ctx.now + ctx.config.order_ttl_seconds);
    ins.bind(6, ctx.caller.kiosk_id);
    ins.run();
    Statement line(ctx.db, "INSERT INTO payment_order_bills (order_id, bill_id, due_fen) VALUES (?, ?, ?)");
    for (const auto& [bill_id, due] : lines) {
        line.bind(1, id).bind(2, bill_id).bind(3, due);
        line.run();
    }
    return api_ok(201, *find_order(ctx.db, ctx.config, id, ctx.now));
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

PayOutcome pay_order(Database& db, const ServerConfig& config, const std::string& order_id, protocol::UtcSeconds now) {
    const auto order = find_order(db, config, order_id, now);
    if (!order) return {404, protocol::error_code::unknown_order, "订单不存在。This payment order does not exist.", std::nullopt};
    if (order->status == "paid")
        return {409, protocol::error_code::order_already_paid, "此订单已支付。This order was already paid.", order};
    if (order->status == "expired")
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
