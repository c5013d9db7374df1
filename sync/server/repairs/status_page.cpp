// The phone's status page of one ticket (the QR code on the kiosk's ticket
// screen): GET /repairs/status/{token}, or /repairs/status/{estate}/{token}
// for a ticket of another estate than the home one (the kiosk names its
// own, public_page.hpp). The token is the capability: the
// kiosk made it with the ticket and the server keeps only its SHA-256, so
// the link shows exactly that ticket, read-only, with the unit and the
// worker masked. No bearer token, nothing to write.
#include "repairs/repairs.hpp"

#include "repairs/tickets.hpp"
#include "html_escape.hpp"
#include "public_page.hpp"
#include "sha256.hpp"

#include "protocol/follow_code.hpp"

#include <cstdio>
#include <map>

namespace lobby::server::repairs {
namespace {

std::string status_words(const std::string& status) {
    static const std::map<std::string, std::string> words = {
        {"submitted", "已提交 Submitted"},        {"accepted", "已受理 Accepted"},
        {"dispatched", "已派单 Dispatched"},      {"scheduled", "已预约 Visit booked"},
        {"in_progress", "处理中 In progress"},    {"awaiting_acceptance", "待验收 Please check the work"},
        {"completed", "已完成 Completed"},        {"closed", "已回访 Closed after feedback"},
        {"cancelled", "已取消 Cancelled"},
    };
    const auto it = words.find(status);
    return it == words.end() ? status : it->second;
}

std::string yuan(std::int64_t fen) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "¥%lld.%02lld", static_cast<long long>(fen / 100), static_cast<long long>(fen % 100));
    return buf;
}

std::string when(protocol::UtcSeconds t) {
    return protocol::format_date_shanghai(t) + " " + protocol::format_hh_mm_shanghai(t);
}

std::string page(const std::string& title, const std::string& body) {
    return "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
           "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
           "<meta name=\"robots\" content=\"noindex\"><title>" + escape_html(title) +
           "</title><style>body{font-family:sans-serif;max-width:30em;margin:1.5em auto;padding:0 1em}"
           ".status{font-size:1.6em;font-weight:bold}li{margin:.4em 0}</style></head><body>" +
           body + "</body></html>";
}

// Where, without the room number: a phone link can be forwarded.
std::string place(const protocol::Ticket& t) {
    if (t.location == "public") return "公共区域 Public area" + (t.location_detail ? " · " + escape_html(*t.location_detail) : "");
    return "住户室内 In the home";
}

std::string ticket_page(Database& db, const protocol::Ticket& t) {
    const auto category = find_category(db, t.category);
    std::string body = "<h1>报修进度 Repair status</h1><p>单号 Ticket " + escape_html(t.id) + "<br>" +
                       escape_html(category ? category->name.zh_cn : t.category) + " · " + escape_html(t.description) +
                       "<br>" + place(t) + "</p><p class=\"status\">" + escape_html(status_words(t.status)) + "</p>";
    if (t.worker_masked) body += "<p>维修人员 Worker: " + escape_html(*t.worker_masked) + "</p>";
    if (t.charge_fen) body += "<p>约定费用 Agreed charge: " + yuan(*t.charge_fen) + "</p>";
    body += "<ol>";
    for (const auto& e : t.timeline)
        body += "<li>" + when(e.at) + " " + escape_html(status_words(e.status)) +
                (e.note.empty() ? "" : "<br><small>" + escape_html(e.note) + "</small>") + "</li>";
    body += "</ol><p><small>时间为北京时间。验收和评价请在大堂终端用跟进码操作。Times are Beijing time; accept and "
            "rate at the lobby kiosk with the follow-up code.</small></p>";
    return page("报修 " + t.id, body);
}

void send_html(httplib::Response& res, int status, const std::string& html) {
    res.status = status;
    res.set_header("Cache-Control", "no-store");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_content(html, "text/html; charset=utf-8");
}

} // namespace

void install_status_page(RouteTable& http, Estates& estates, const ServerConfig&) {
    const auto missing = [](httplib::Response& res) {
        send_html(res, 404, page("报修单不存在", "<h1>报修单不存在</h1><p>This repair ticket link is not valid.</p>"));
    };
    install_public_page(http, estates, "GET", "repairs/status", "([A-Za-z0-9]{1,64})",
                        [missing](Pool& pool, const std::string& token, const httplib::Request&, httplib::Response& res) {
        if (!protocol::is_status_token(token)) return missing(res);
        auto lease = pool.acquire();
        const auto id = ticket_id_by_hash(lease.db(), "status_token_hash", sha256_hex(token));
        const auto ticket = id ? find_ticket(lease.db(), *id) : std::nullopt;
        if (!ticket) return missing(res);
        send_html(res, 200, ticket_page(lease.db(), *ticket));
    }, missing);
}

} // namespace lobby::server::repairs
