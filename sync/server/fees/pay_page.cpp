// Demo pay page (HTML) for payment orders.
#include "fees/pay_page.hpp"

#include "feed.hpp"
#include "fees/payments.hpp"
#include "fees/phone_page.hpp"
#include "html_escape.hpp"
#include "public_page.hpp"

#include "protocol/changes.hpp"
#include "protocol/public_links.hpp"


namespace lobby::server::fees {
namespace {

// Everything interpolated below is our own data (ids match [A-Za-z0-9-],
// amounts are numbers), so no user text reaches the HTML.
std::string order_page(Database& db, const protocol::PaymentOrder& o, const std::string& note) {
    std::string body = "<h1>" + escape_html(zh_text(db, protocol::collection::estate, "estate", "name", "物业服务中心")) +
                       " 物业缴费</h1><p>订单 " + o.id + "<br>房号 " + o.unit_id +
                       "<br>账单 " + std::to_string(o.bill_ids.size()) + " 笔</p><p class=\"amount\">" +
                       protocol::format_yuan(o.amount_fen) + "</p>";
    if (!note.empty()) body += "<p><strong>" + note + "</strong></p>";
    if (o.status == "pending")
        body += "<form method=\"post\" action=\"" + protocol::pay_page_path(db.estate(), o.id) + "\"><button type=\"submit\">确认支付 Pay</button></form>"
                "<p>有效期至 " + protocol::format_hh_mm_shanghai(o.expires_at) + " (北京时间)</p>";
    return phone_page("缴费 " + o.id, body, "button{font-size:1.4em;padding:.6em 2em}");
}

void send_no_order(httplib::Response& res, const std::string& message) {
    send_phone_page(res, 404, phone_page("订单不存在", "<h1>订单不存在</h1><p>" + message + "</p>"));
}

} // namespace

void install_pay_page(RouteTable& http, Estates& estates, const ServerConfig& config) {
    const std::string order_id = "([A-Za-z0-9-]{1,64})";
    const auto missing = [](httplib::Response& res) { send_no_order(res, "This payment order does not exist."); };
    install_public_page(http, estates, "GET", "pay", order_id,
                        [&config, missing](Pool& pool, const std::string& id, const httplib::Request&, httplib::Response& res) {
        auto lease = pool.acquire();
        const auto order = find_order(lease.db(), config, id, config.now());
        if (!order) return missing(res);
        const std::string note = order->status == "paid"      ? "此订单已支付 This order is already paid."
                                 : order->status == "expired" ? "此订单已过期，请在大堂终端重新下单。This order has expired."
                                                              : "";
        send_phone_page(res, 200, order_page(lease.db(), *order, note));
    }, missing);
    install_public_page(http, estates, "POST", "pay", order_id,
                        [&config, missing](Pool& pool, const std::string& id, const httplib::Request&, httplib::Response& res) {
        auto lease = pool.acquire();
        // Only the demo provider's orders: a real provider's are paid by its notify.
        if (order_provider(lease.db(), id).value_or("") != "demo")
            return missing(res);
        WriteTransaction tx(pool, lease.db());
        const PayOutcome outcome = pay_order(lease.db(), config, id, config.now());
        tx.commit();
        if (!outcome.order) return send_no_order(res, outcome.message);
        const std::string note = outcome.status == 200 ? "支付成功。Payment received." : outcome.message;
        send_phone_page(res, outcome.status, order_page(lease.db(), *outcome.order, note));
    }, missing);
}

} // namespace lobby::server::fees
