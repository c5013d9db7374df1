// Provider confirmations -> paid orders (see settle.hpp).
#include "fees/settle.hpp"

#include "fees/fees.hpp"
#include "fees/payments.hpp"
#include "fees/providers/headers.hpp"

#include <spdlog/spdlog.h>

#include <cctype>

namespace lobby::server::fees {
namespace {

// Notify nonces are kept longer than a timestamp stays acceptable (5 minutes
// either side), so a replay is refused by its nonce or by its age.
constexpr protocol::UtcSeconds nonce_memory_s = 15 * 60;

SettleOutcome refused(const char* code, std::string message) { return {400, code, std::move(message), false}; }

// WeChat Pay reads {"code":"FAIL","message":...} on a 4xx/5xx and retries
// later; the "error" object is this API's usual error body.
void send_fail(httplib::Response& res, int status, const std::string& code, const std::string& message) {
    const nlohmann::json body{{"code", "FAIL"}, {"message", message}, {"error", {{"code", code}, {"message", message}}}};
    res.status = status;
    res.set_content(body.dump(), "application/json; charset=utf-8");
}

// Remembers the nonce of a verified notify; false when it was seen before.
bool first_use_of_nonce(Database& db, const std::string& nonce, protocol::UtcSeconds now) {
    Statement purge(db, "DELETE FROM payment_notify_nonces WHERE received_at < ?");
    purge.bind(1, now - nonce_memory_s);
    purge.run();
    Statement remember(db, "INSERT INTO payment_notify_nonces (nonce, received_at) VALUES (?, ?) ON CONFLICT DO NOTHING");
    remember.bind(1, nonce).bind(2, now);
    remember.run();
    return db.changes() == 1;
}

} // namespace

SettleOutcome apply_provider_payment(Database& db, const ServerConfig& config, const std::string& provider_name,
                                     const ProviderPayment& payment, protocol::UtcSeconds now) {
    Statement st(db, "SELECT provider, amount_fen, transaction_id FROM payment_orders WHERE id = ?");
    st.bind(1, payment.out_trade_no);
    if (!st.step() || st.text(0) != provider_name)
        return refused("unknown_order", "The payment is for no order of this provider.");
    const std::int64_t amount = st.int64(1);
    const std::optional<std::string> recorded = st.opt_text(2);
    if (payment.trade_state != "SUCCESS") return {};  // nothing paid yet: nothing to do
    if (payment.currency != "CNY" || payment.total_fen != amount)
        return refused("amount_mismatch", "The paid amount or currency differs from the order's.");
    if (recorded) {
        if (*recorded == payment.transaction_id) return {};  // applied before: no second effect
        return refused("transaction_mismatch", "The order was already paid by another transaction.");
    }
    Statement used(db, "SELECT 1 FROM payment_orders WHERE transaction_id = ?");
    used.bind(1, payment.transaction_id);
    if (used.step()) return refused("transaction_mismatch", "The transaction already paid another order.");

    const PayOutcome paid = pay_order(db, config, payment.out_trade_no, now, /*provider_confirmed=*/true);
    Statement record(db, "UPDATE payment_orders SET transaction_id = ?, unapplied_reason = ? WHERE id = ?");
    record.bind(1, payment.transaction_id);
    if (paid.status == 200) record.bind_null(2);
    else record.bind(2, paid.code);
    record.bind(3, payment.out_trade_no);
    record.run();
    if (paid.status != 200) {
        // The money was taken but the bills changed meanwhile (paid at the
        // counter): acknowledged, so the provider stops, and kept for staff to refund.
        spdlog::warn("a {} payment could not be applied ({}); the order keeps it for a refund", provider_name, paid.code);
        return {};
    }
    return {200, "", "", true};
}

namespace {

// One notify into one estate's database: its nonces, its orders.
void settle_notify(Pool& pool, const ServerConfig& config, PaymentProvider& provider, const httplib::Request& req,
                   httplib::Response& res) {
    const protocol::UtcSeconds now = config.now();
    const NotifyCheck check = provider.verify_notify({lower_case_headers(req.headers), req.body}, now);
    if (check.status != 200 || !check.payment) {
        spdlog::warn("payment notify refused: {}", check.message);
        return send_fail(res, check.status, check.code, check.message);
    }
    auto lease = pool.acquire();
    WriteTransaction tx(pool, lease.db());
    if (!first_use_of_nonce(lease.db(), check.nonce, now)) {
        spdlog::warn("payment notify refused: its nonce was seen before (a replay)");
        return send_fail(res, 401, "replayed_notify", "Notify refused: this nonce was used before.");
    }
    const SettleOutcome outcome = apply_provider_payment(lease.db(), config, provider.name(), *check.payment, now);
    tx.commit();
    if (outcome.status != 200) {
        spdlog::warn("payment notify refused: {}", outcome.message);
        return send_fail(res, outcome.status, outcome.code, outcome.message);
    }
    res.status = 204;  // WeChat Pay: 200 or 204 with no body means "received"
}

} // namespace

void install_provider_notify(RouteTable& http, Estates& estates, const ServerConfig& config,
                             std::shared_ptr<PaymentProvider> provider) {
    const std::string path = "/v1/payments/wechat/notify";
    http.Post(path, [&estates, &config, provider](const httplib::Request& req, httplib::Response& res) {
        settle_notify(estates.home(), config, *provider, req, res);
    });
    // Another estate's orders name their estate in the notify_url they were created with.
    http.Post(path + "/([a-z][a-z0-9-]{0,23})", [&estates, &config, provider](const httplib::Request& req, httplib::Response& res) {
        Pool* pool = estates.find(req.matches[1]);
        if (!pool) return send_fail(res, 404, protocol::error_code::not_found, "Notify refused: no such estate.");
        settle_notify(*pool, config, *provider, req, res);
    });
}

ApiResponse get_payment_order_or_query(ApiContext& ctx, Pool& pool, PaymentProvider* provider,
                                       const std::string& order_id) {
    Statement st(ctx.db, R"sql(
SELECT provider, created_at, queried_at FROM payment_orders WHERE id = ? AND kiosk_id = ? AND paid_at IS NULL
  AND transaction_id IS NULL AND expires_at > ?)sql");
    st.bind(1, order_id).bind(2, ctx.caller.kiosk_id).bind(3, ctx.now);
    const bool ask = provider && st.step() && st.text(0) == provider->name() && st.text(0) != "demo" &&
                     ctx.now - st.int64(1) >= ctx.config.payment_query_after_seconds &&
                     (!st.opt_int64(2) || ctx.now - *st.opt_int64(2) >= ctx.config.payment_query_after_seconds);
    st.reset();
    bool claimed = false;
    if (ask) {
        // One poll asks; the others within the interval (also concurrent ones) do not.
        WriteTransaction claim(pool, ctx.db);
        Statement mark(ctx.db, "UPDATE payment_orders SET queried_at = ? WHERE id = ? AND (queried_at IS NULL OR queried_at <= ?)");
        mark.bind(1, ctx.now).bind(2, order_id).bind(3, ctx.now - ctx.config.payment_query_after_seconds);
        mark.run();
        claimed = ctx.db.changes() == 1;
        claim.commit();
    }
    if (claimed) {
        const auto answer = provider->query_order(order_id);
        if (!answer.value) {
            spdlog::warn("payment provider {} query failed: {}", provider->name(), answer.error);
        } else if (answer.value->trade_state == "SUCCESS") {
            WriteTransaction tx(pool, ctx.db);
            const SettleOutcome outcome = apply_provider_payment(ctx.db, ctx.config, provider->name(), *answer.value, ctx.now);
            tx.commit();
            if (outcome.status != 200) spdlog::warn("payment provider {} query refused: {}", provider->name(), outcome.message);
        }
    }
    Transaction read(ctx.db, TxMode::Deferred);
    ApiResponse r = get_payment_order(ctx, order_id);
    read.commit();
    return r;
}

} // namespace lobby::server::fees
