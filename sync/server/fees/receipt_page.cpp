// Receipt page (HTML) of a paid payment order, opened from the kiosk's QR code.
#include "fees/receipt_page.hpp"

#include "feed.hpp"
#include "html_escape.hpp"
#include "fees/payments.hpp"
#include "fees/phone_page.hpp"
#include "public_page.hpp"

#include "protocol/changes.hpp"
#include "protocol/public_links.hpp"
#include "protocol/time.hpp"

#include <cstdio>
#include <stdexcept>

namespace lobby::server::fees {
namespace {

constexpr const char* sealed_prefix = "enc1:";

// The home estate's as before estates; another estate's names it, so a
// link opens its one order in its one estate (ids are random, but the
// office's key is the same for all its estates).
std::string purpose(const Database& db, const std::string& order_id) {
    return db.estate() == home_estate ? "receipt:" + order_id : "receipt:" + db.estate() + ":" + order_id;
}

// The sealed value's base64 made safe in a URL path query (RFC 4648 §5), and back.
std::string to_url_token(std::string sealed) {
    sealed.erase(0, std::string(sealed_prefix).size());
    std::string out;
    for (char c : sealed) {
        if (c == '=') continue;
        out += c == '+' ? '-' : c == '/' ? '_' : c;
    }
    return out;
}

std::string from_url_token(const std::string& token) {
    std::string b64;
    for (char c : token) b64 += c == '-' ? '+' : c == '_' ? '/' : c;
    while (b64.size() % 4) b64 += '=';
    return sealed_prefix + b64;
}

// 3栋2单元1502, as on the kiosk; the id if the unit is gone.
std::string unit_text(Database& db, const std::string& unit_id) {
    const auto unit = load_record(db, protocol::collection::units, unit_id);
    if (!unit || !unit->contains("building") || !unit->contains("entrance") || !unit->contains("room")) return unit_id;
    return std::to_string((*unit)["building"].get<std::int64_t>()) + "栋" +
           std::to_string((*unit)["entrance"].get<std::int64_t>()) + "单元" + (*unit)["room"].get<std::string>();
}

std::string owner_masked(Database& db, const std::string& unit_id) {
    const auto unit = load_record(db, protocol::collection::units, unit_id);
    if (unit && unit->contains("owner_masked") && (*unit)["owner_masked"].is_string())
        return (*unit)["owner_masked"].get<std::string>();
    return "";
}

std::string receipt_body(Database& db, const protocol::PaymentOrder& o) {
    std::string items;
    for (const std::string& bill_id : o.bill_ids) {
        const auto bill = load_record(db, protocol::collection::bills, bill_id);
        if (!bill || !bill->contains("fee_kind") || !bill->contains("period")) continue;
        const std::string kind = (*bill)["fee_kind"].get<std::string>();
        items += "<li>" + escape_html(zh_text(db, protocol::collection::fee_kinds, kind, "name", kind)) + " " +
                 escape_html((*bill)["period"].get<std::string>()) + "</li>";
    }
    const std::string paid = protocol::format_date_shanghai(*o.paid_at) + " " + protocol::format_hh_mm_shanghai(*o.paid_at);
    const std::string owner = owner_masked(db, o.unit_id);
    return "<h1>" + escape_html(zh_text(db, protocol::collection::estate, "estate", "name", "物业服务中心")) +
           " 电子收据</h1><p class=\"amount\">" + protocol::format_yuan(o.amount_fen) + "</p><table>"
           "<tr><td>收据编号 Receipt</td><td>" + escape_html(o.id) + "</td></tr>"
           "<tr><td>房号 Unit</td><td>" + escape_html(unit_text(db, o.unit_id)) + "</td></tr>"
           "<tr><td>缴费时间 Paid</td><td>" + paid + "（北京时间 Beijing time）</td></tr>" +
           (owner.empty() ? "" : "<tr><td>缴费户 Household</td><td>" + escape_html(owner) + "</td></tr>") +
           "</table><p>缴费项目 Items</p><ul>" + items + "</ul>";
}

} // namespace

std::string receipt_url(const Database& db, const ServerConfig& config, const std::string& order_id) {
    return public_base_url(config) + protocol::receipt_page_path(db.estate(), order_id) + "?t=" +
           to_url_token(db.cipher().seal(purpose(db, order_id)));
}

bool receipt_token_matches(const Database& db, const std::string& order_id, const std::string& token) {
    if (token.empty() || token.size() > 512) return false;
    try {
        return db.cipher().open(from_url_token(token)) == purpose(db, order_id);
    } catch (const std::exception&) {
        return false;  // not sealed by this office, or damaged
    }
}

void install_receipt_page(RouteTable& http, Estates& estates, const ServerConfig& config) {
    const auto missing = [](httplib::Response& res) {
        send_phone_page(res, 404, phone_page("收据不存在", "<h1>收据不存在</h1><p>This receipt does not exist.</p>"));
    };
    install_public_page(http, estates, "GET", "receipts", "([A-Za-z0-9-]{1,64})",
                        [&config, missing](Pool& pool, const std::string& order_id, const httplib::Request& req,
                                           httplib::Response& res) {
        auto lease = pool.acquire();
        // A wrong link and an unpaid order look the same: nothing is confirmed.
        const auto order = receipt_token_matches(lease.db(), order_id, req.get_param_value("t"))
                               ? find_order(lease.db(), config, order_id, config.now())
                               : std::nullopt;
        if (!order || !order->paid_at) return missing(res);
        send_phone_page(res, 200, phone_page("收据 " + order->id, receipt_body(lease.db(), *order)));
    }, missing);
}

} // namespace lobby::server::fees
