// What a console page handler gets: the request and response, the signed-in
// staff member, the database (a read snapshot for GET, the write transaction
// for POST), the staff's language, and helpers to read form fields, render a
// template inside the layout, redirect, and write the audit log.
#pragma once

#include "api.hpp"
#include "config.hpp"
#include "console/audit.hpp"
#include "console/sessions.hpp"
#include "console/views.hpp"
#include "db.hpp"
#include "estates.hpp"

#include "protocol/common.hpp"
#include "protocol/fees.hpp"

#include <httplib.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace lobby::server::console {

inline constexpr const char* session_cookie = "lobby_console";
inline constexpr const char* login_cookie = "lobby_console_login";  // the sign-in form's CSRF token
inline constexpr const char* lang_cookie = "lobby_console_lang";

class PageContext {
public:
    PageContext(Database& db, const ServerConfig& config, const Views& views, const httplib::Request& req,
                httplib::Response& res, protocol::UtcSeconds now);

    Database& db;
    const ServerConfig& config;
    const Views& views;
    const httplib::Request& req;
    httplib::Response& res;
    protocol::UtcSeconds now;
    Lang lang = Lang::zh_cn;
    std::string address;             // the client's IP address
    std::optional<Session> session;  // set on every page but the sign-in page
    Pool* pool = nullptr;            // db's pool: the estate the page acts in
    Estates* estates = nullptr;      // the company directory (enrolment codes are registered there)
    // Where the session lives, when it is db (else nullptr: a company manager
    // acting in another estate, whose page holds that estate's connection
    // only, never a second one of the same pool, pool.hpp).
    Database* session_db = nullptr;
    Pool* session_pool = nullptr;    // the session's pool
    std::string acting_estate;       // the estate the console acts in (db's, but for the company pages)
    // A company manager's: the estates, read at home as the request began.
    std::vector<EstateEntry> directory;
    bool in_directory(const std::string& id) const;

    const Staff& staff() const { return session->staff; }
    // The services' context, acting as office staff ("staff:<username>").
    ApiContext api() const;
    // A form field (url-encoded or multipart); empty when absent.
    std::string field(const std::string& name) const;
    bool has_field(const std::string& name) const;
    std::string path_id(int n = 1) const { return req.matches[n].str(); }
    std::string cookie(const std::string& name) const;
    const std::string& t(const std::string& key) const { return views.text(lang, key); }

    // Renders `name` inside the layout (title from the locale key `title_key`).
    void page(const std::string& name, Data& data, const std::string& title_key, int status = 200);
    // A page with one message (locale key), e.g. "not allowed".
    void message_page(const std::string& text_key, int status);
    // 303 See Other (after a form): `done` is a locale key shown as a notice there.
    void redirect(const std::string& to, const std::string& done = "");
    void set_cookie(const std::string& name, const std::string& value, std::int64_t max_age_s = -1);
    void audit(const std::string& action, const std::string& target, const std::string& detail);
    // Changes the session (its estate, its end) inside a transaction of the
    // session's database: db's own when they are one, else (a company
    // manager acting in another estate) in a transaction of its own, under the
    // session estate's write lock, once the page has given its connection
    // back (run_after_release). So `change` may run after the page returns:
    // it captures by value.
    void change_session(const std::function<void(Database&, const Session&)>& change);
    // Work that takes connections itself (e.g. Estates::add): run by the
    // console after the page's transaction and connections are given back;
    // it must not use db. It may still answer (render, redirect).
    void after_release(std::function<void()> work);
    // Called by the console with no connection held: the session changes,
    // then the work, in the order asked.
    void run_after_release();
    // The active entry of the navigation bar.
    std::string nav;

private:
    bool secure_cookies() const;

    std::vector<std::function<void(Database&, const Session&)>> m_session_changes;
    std::vector<std::function<void()>> m_after_release;
};

// A cookie of the request; empty when absent.
std::string request_cookie(const httplib::Request& req, const std::string& name);

// Times as staff read them: Asia/Shanghai.
std::string format_time(protocol::UtcSeconds t);       // "2026-12-03 14:05"
using protocol::format_yuan;  // integer fen as "¥120.50"
std::string format_age(protocol::UtcSeconds seconds, const PageContext& ctx);  // "3 天" / "5 h"
// A target after sign-in or a language switch: only paths inside the console.
bool is_console_path(const std::string& path);
// The staff's language of a contract text (English falls back to Chinese).
const std::string& localized(const protocol::LocalizedText& text, Lang lang);
// At most `max` characters (UTF-8 aware), with "…" when cut.
std::string shorten(const std::string& text, std::size_t max);
// Percent-encodes everything but unreserved characters (a query value).
std::string url_encode(const std::string& value);

} // namespace lobby::server::console
