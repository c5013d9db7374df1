// PageContext: forms, cookies, the layout and the audit log.
#include "console/page.hpp"

#include "protocol/time.hpp"

#include <cctype>
#include <cstdio>

namespace lobby::server::console {
namespace {

struct NavItem {
    const char* id;
    const char* href;
    Roles roles;
};

// The navigation bar; each staff member sees what their role may open.
const NavItem nav_items[] = {
    {"repairs", "/console/repairs", everyone},     {"notices", "/console/notices", office},
    {"visitors", "/console/visitors", office},     {"fees", "/console/fees", office},
    {"surveys", "/console/surveys", office},       {"kiosks", "/console/kiosks", managers},
    {"staff", "/console/staff", managers},         {"audit", "/console/audit", managers},
};

} // namespace

PageContext::PageContext(Database& database, const ServerConfig& server_config, const Views& all_views,
                         const httplib::Request& request, httplib::Response& response, protocol::UtcSeconds at)
    : db(database), config(server_config), views(all_views), req(request), res(response), now(at),
      address(request.remote_addr) {
    lang = cookie(lang_cookie) == "en" ? Lang::en : Lang::zh_cn;
}

ApiContext PageContext::api() const {
    return ApiContext{db, config, Caller{"staff:" + staff().username, "staff", {}}, now, pool};  // no bearer token
}

std::string PageContext::field(const std::string& name) const {
    if (req.has_file(name)) return req.get_file_value(name).content;
    return req.get_param_value(name);
}

bool PageContext::has_field(const std::string& name) const { return req.has_file(name) || req.has_param(name); }

std::string PageContext::cookie(const std::string& name) const { return request_cookie(req, name); }

std::string request_cookie(const httplib::Request& req, const std::string& name) {
    const std::string header = req.get_header_value("Cookie");
    std::size_t at = 0;
    while (at < header.size()) {
        const std::size_t end = std::min(header.find(';', at), header.size());
        std::size_t start = at;
        while (start < end && header[start] == ' ') ++start;
        const std::size_t eq = header.find('=', start);
        if (eq < end && header.compare(start, eq - start, name) == 0 && eq - start == name.size())
            return header.substr(eq + 1, end - eq - 1);
        at = end + 1;
    }
    return {};
}

bool PageContext::secure_cookies() const { return config.public_url.rfind("https://", 0) == 0; }

void PageContext::set_cookie(const std::string& name, const std::string& value, std::int64_t max_age_s) {
    std::string c = name + "=" + value + "; Path=/console; HttpOnly; SameSite=Strict";
    if (max_age_s >= 0) c += "; Max-Age=" + std::to_string(max_age_s);
    if (secure_cookies()) c += "; Secure";
    res.set_header("Set-Cookie", c);
}

void PageContext::page(const std::string& name, Data& data, const std::string& title_key, int status) {
    Data layout;
    layout.set("title", t(title_key));
    layout.set("body", views.render(name, data, lang));
    if (session) {
        layout.set("signed_in", true);
        layout.set("staff_name", staff().display_name);
        layout.set("staff_role", t(std::string("role_") + role_name(staff().role)));
        layout.set("csrf", session->csrf);
        Data items{Data::type::list};
        for (const NavItem& item : nav_items) {
            if (!allowed(item.roles, staff().role)) continue;
            Data d;
            d.set("href", item.href);
            d.set("label", t(std::string("nav_") + item.id));
            d.set("active", nav == item.id);
            items.push_back(d);
        }
        layout.set("nav", items);
        // A company manager always sees which estate the console acts in, and can switch.
        if (staff().company) {
            for (const EstateEntry& e : directory)
                if (e.id == acting_estate && may_act_in(staff(), e.id))
                    layout.set("estate_name", e.id == home_estate ? t("estate_home") : e.name);
            layout.set("estate_switch", t("nav_estates"));
        }
    }
    const std::string done = req.get_param_value("done");
    if (!done.empty() && views.has_text(lang, "done_" + done)) layout.set("done", t("done_" + done));
    layout.set("here", req.path);
    layout.set("other_lang", lang == Lang::en ? "zh-CN" : "en");
    layout.set("other_lang_label", t("other_lang"));
    res.status = status;
    res.set_content(views.render("layout", layout, lang), "text/html; charset=utf-8");
}

void PageContext::message_page(const std::string& text_key, int status) {
    Data d;
    d.set("message", t(text_key));
    page("message", d, "title_message", status);
}

void PageContext::redirect(const std::string& to, const std::string& done) {
    res.status = 303;
    std::string where = to;
    if (!done.empty()) where += (to.find('?') == std::string::npos ? "?done=" : "&done=") + done;
    res.set_header("Location", where);
}

void PageContext::audit(const std::string& action, const std::string& target, const std::string& detail) {
    record_audit(db, AuditEntry{0, now, session ? staff().username : std::string(), action, target, detail, address});
}

void PageContext::change_session(const std::function<void(Database&, const Session&)>& change) {
    if (session_db == &db) return change(db, *session);  // inside the page's write transaction
    m_session_changes.push_back(change);
}

void PageContext::after_release(std::function<void()> work) { m_after_release.push_back(std::move(work)); }

void PageContext::run_after_release() {
    if (!m_session_changes.empty()) {
        auto lease = session_pool->acquire();
        WriteTransaction tx(*session_pool, lease.db());
        for (const auto& change : m_session_changes) change(lease.db(), *session);
        tx.commit();
    }
    for (const auto& work : m_after_release) work();
}

bool PageContext::in_directory(const std::string& id) const { return lists_estate(directory, id); }

std::string format_time(protocol::UtcSeconds t) {
    return protocol::format_date_shanghai(t) + " " + protocol::format_hh_mm_shanghai(t);
}

std::string format_age(protocol::UtcSeconds seconds, const PageContext& ctx) {
    if (seconds < 0) seconds = 0;
    if (seconds >= 2 * 86400) return std::to_string(seconds / 86400) + ctx.t("unit_days");
    if (seconds >= 3600) return std::to_string(seconds / 3600) + ctx.t("unit_hours");
    return std::to_string(seconds / 60) + ctx.t("unit_minutes");
}

bool is_console_path(const std::string& path) {
    if (path.rfind("/console", 0) != 0) return false;
    if (path.size() > 8 && path[8] != '/' && path[8] != '?') return false;
    for (const char c : path)
        if (c == '\\' || static_cast<unsigned char>(c) < 0x21 || static_cast<unsigned char>(c) >= 0x7F) return false;
    return path.find("//") == std::string::npos;
}

const std::string& localized(const protocol::LocalizedText& text, Lang lang) {
    return lang == Lang::en && !text.en.empty() ? text.en : text.zh_cn;
}

std::string shorten(const std::string& text, std::size_t max) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (chars++ == max) return text.substr(0, i) + "…";
    }
    return text;
}

std::string url_encode(const std::string& value) {
    std::string out;
    for (const char ch : value) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '/') {
            out += ch;
        } else {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            out += buf;
        }
    }
    return out;
}

} // namespace lobby::server::console
