// Console::get/post (session, role, CSRF, transaction) and the session pages.
#include "console/console.hpp"

#include "console/accounts.hpp"

#include "protocol/random.hpp"

namespace lobby::server::console {
namespace {

void security_headers(httplib::Response& res) {
    // Nothing inline runs: the one script and style sheet come from /console/static.
    res.set_header("Content-Security-Policy",
                   "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                   "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "same-origin");
    res.set_header("Cache-Control", "no-store");
}

void to_login(PageContext& ctx, bool expired) {
    std::string to = "/console/login";
    if (ctx.req.method == "GET" && is_console_path(ctx.req.path)) to += "?next=" + url_encode(ctx.req.path);
    if (expired) to += std::string(to.find('?') == std::string::npos ? "?" : "&") + "expired=1";
    ctx.redirect(to);
}

void login_form(PageContext& ctx, const std::string& error_key, const std::string& username, int status) {
    // Double-submit token: the form and a SameSite=Strict cookie must agree.
    const std::string token = protocol::random_hex(16);
    ctx.set_cookie(login_cookie, token);
    Data d;
    d.set("login_csrf", token);
    d.set("username", username);
    const std::string next = ctx.field("next");
    d.set("next", is_console_path(next) ? next : std::string("/console/repairs"));
    if (!error_key.empty()) d.set("error", ctx.t(error_key));
    if (ctx.req.has_param("expired")) d.set("error", ctx.t("err_session_expired"));
    ctx.page("login", d, "title_login", status);
}

// The page itself, once the session is known: the CSRF and role checks and
// the page in one write transaction (POST), or a read snapshot (GET).
// `touch_here`: the session is db's and its last-seen time is due.
void run_page(PageContext& ctx, Pool& page_pool, Roles roles, const PageFn& fn, bool write, bool own_transactions,
              bool touch_here) {
    Database& db = ctx.db;
    if (write) {
        {
            WriteTransaction tx(page_pool, db);
            if (!same_secret(ctx.field("csrf"), ctx.session->csrf)) {
                ctx.audit("csrf.refused", ctx.req.path, "");
                tx.commit();
                return ctx.message_page("err_csrf", 403);
            }
            if (!allowed(roles, ctx.staff().role)) {
                ctx.audit("forbidden", ctx.req.path, "");
                tx.commit();
                return ctx.message_page("err_forbidden", 403);
            }
            if (ctx.session_db == &db) touch_session(db, *ctx.session, ctx.now);
            if (!own_transactions) {
                fn(ctx);
                tx.commit();
                return;
            }
            tx.commit();
        }  // the write lock too: the page takes it again itself
        return fn(ctx);  // own_transactions: the checks passed and are committed
    }
    if (!allowed(roles, ctx.staff().role)) {
        WriteTransaction tx(page_pool, db);
        ctx.audit("forbidden", ctx.req.path, "");
        tx.commit();
        return ctx.message_page("err_forbidden", 403);
    }
    if (touch_here) {
        WriteTransaction tx(page_pool, db);
        touch_session(db, *ctx.session, ctx.now);
        tx.commit();
    }
    Transaction read(db, TxMode::Deferred);
    fn(ctx);
    read.commit();
}

} // namespace

// The session cookie of a non-home estate's staff is "<estate>.<token>":
// the session, the account and its pages are all in that estate's database.
// A company manager (home) acts in the estate its session names: the
// session is read (and touched) with a home connection, which is given back
// before the estate's is taken, so a request holds one connection at a time
// (on PostgreSQL both come from one pool: holding the first while waiting
// for the second waits for itself once the pool is small).
void Console::handle(const httplib::Request& req, httplib::Response& res, Roles roles, const std::string& nav,
                     const PageFn& fn, bool write, bool own_transactions, ActsIn acts) {
    security_headers(res);
    const std::string cookie = request_cookie(req, session_cookie);
    const std::string session_estate = estate_of_token(cookie);
    Pool* session_pool = m_estates.find(session_estate);
    if (!session_pool) {
        auto lease = m_estates.home().acquire();
        PageContext nobody(lease.db(), m_config, m_views, req, res, m_config.now());
        return to_login(nobody, true);
    }
    std::optional<Pool::Lease> session_lease;
    session_lease.emplace(session_pool->acquire());
    Database* session_db = &session_lease->db();
    const protocol::UtcSeconds now = m_config.now();
    std::optional<Session> session;
    std::vector<EstateEntry> directory;
    {
        Transaction read(*session_db, TxMode::Deferred);
        session = find_session(*session_db, session_estate == home_estate ? cookie : cookie.substr(session_estate.size() + 1),
                               now);
        // The layout and the estates pages show it: read now, with this connection.
        if (session && session->staff.company && session_estate == home_estate) directory = Estates::list(*session_db);
        read.commit();
    }
    if (!session) {
        PageContext nobody(*session_db, m_config, m_views, req, res, now);
        return to_login(nobody, !cookie.empty());
    }
    // The estate the console acts in: a company manager's pick, else the session's.
    const bool picked = session->staff.company && !session->estate.empty() &&
                        may_act_in(session->staff, session->estate) && lists_estate(directory, session->estate);
    const std::string acting_estate = picked ? session->estate : session_estate;

    // A company manager limited to some estates, in none of them (just
    // signed in at home, or the list changed): only the estates page, to pick one.
    if (session->staff.company &&
        !may_act_in(session->staff, session->estate.empty() ? std::string(home_estate) : session->estate) &&
        req.path != "/console/estates" && req.path != "/console/estates/switch" && req.path != "/console/logout") {
        PageContext outside(*session_db, m_config, m_views, req, res, now);
        outside.session = session;
        outside.estates = &m_estates;  // the layout's link to the estates page
        outside.directory = std::move(directory);
        outside.acting_estate = acting_estate;
        if (!write) return outside.redirect("/console/estates", "estate_pick");
        return outside.message_page("err_estate_not_yours", 403);
    }

    // The estate the page acts in, and its own connection when it is not the session's.
    const bool touch = write || now - session->last_seen >= session_touch_s;
    Pool* page_pool = session_pool;
    std::optional<Pool::Lease> page_lease;
    if (picked && acts == ActsIn::picked_estate) {
        if (touch) {
            WriteTransaction tx(*session_pool, *session_db);
            touch_session(*session_db, *session, now);
            tx.commit();
        }
        session_lease.reset();  // one connection at a time
        session_db = nullptr;
        page_pool = m_estates.find(session->estate);  // listed: known
        if (!page_pool) throw DbError("estate " + session->estate + " is listed but cannot be opened", 1);
        page_lease.emplace(page_pool->acquire());
    }
    // Acting in another estate, every action says so (the company pages' at home too).
    if (picked) session->staff.username = "company:" + session->staff.username;
    Database& db = page_lease ? page_lease->db() : *session_db;

    PageContext ctx(db, m_config, m_views, req, res, now);
    ctx.pool = page_pool;
    ctx.estates = &m_estates;
    ctx.session_db = session_db;
    ctx.session_pool = session_pool;
    ctx.acting_estate = acting_estate;
    ctx.directory = std::move(directory);
    ctx.nav = nav;
    ctx.session = session;
    run_page(ctx, *page_pool, roles, fn, write, own_transactions, touch && session_db == &db);
    page_lease.reset();
    session_lease.reset();
    ctx.run_after_release();
}

void Console::get(const std::string& pattern, Roles roles, const std::string& nav, PageFn fn, ActsIn acts) {
    m_http.Get(pattern, [self = shared_from_this(), roles, nav, fn, acts](const httplib::Request& req, httplib::Response& res) {
        self->handle(req, res, roles, nav, fn, false, false, acts);
    });
}

void Console::post(const std::string& pattern, Roles roles, PageFn fn, ActsIn acts) {
    m_http.Post(pattern, [self = shared_from_this(), roles, fn, acts](const httplib::Request& req, httplib::Response& res) {
        self->handle(req, res, roles, "", fn, true, false, acts);
    });
}

void Console::post_own_transactions(const std::string& pattern, Roles roles, PageFn fn, ActsIn acts) {
    m_http.Post(pattern, [self = shared_from_this(), roles, fn, acts](const httplib::Request& req, httplib::Response& res) {
        self->handle(req, res, roles, "", fn, true, true, acts);
    });
}

void Console::install_session_routes() {
    auto self = shared_from_this();
    m_http.Get("/console", [](const httplib::Request&, httplib::Response& res) {
        res.status = 303;
        res.set_header("Location", "/console/repairs");
    });
    m_http.Get("/console/login", [self](const httplib::Request& req, httplib::Response& res) {
        security_headers(res);
        auto lease = self->m_pool.acquire();
        PageContext ctx(lease.db(), self->m_config, self->m_views, req, res, self->m_config.now());
        login_form(ctx, "", "", 200);
    });
    m_http.Post("/console/login", [self](const httplib::Request& req, httplib::Response& res) {
        security_headers(res);
        // Staff of another estate than home sign in as name@estate, in that
        // estate's database; an unknown estate is a wrong sign-in at home.
        const std::string typed = req.get_param_value("username").substr(0, 64);
        const auto at = typed.find('@');
        const std::string estate = at == std::string::npos ? std::string(home_estate) : typed.substr(at + 1);
        Pool* estate_pool = self->m_estates.find(estate);
        Pool& pool = estate_pool ? *estate_pool : self->m_pool;
        auto lease = pool.acquire();
        Database& db = lease.db();
        PageContext ctx(db, self->m_config, self->m_views, req, res, self->m_config.now());
        const std::string username = estate_pool && at != std::string::npos ? typed.substr(0, at) : typed;
        if (!same_secret(ctx.field("csrf"), ctx.cookie(login_cookie))) return login_form(ctx, "err_csrf", typed, 403);
        std::optional<protocol::UtcSeconds> locked;
        std::optional<Staff> staff;
        {
            Transaction read(db, TxMode::Deferred);
            locked = login_locked_until(db, username, ctx.address, ctx.now);
            if (!locked) staff = verify_login(db, username, ctx.field("password"));
            read.commit();
        }
        WriteTransaction tx(pool, db);
        if (!staff) {
            if (!locked) count_login_miss(db, username, ctx.address, ctx.now);
            record_audit(db, AuditEntry{0, ctx.now, username, locked ? "login.locked" : "login.failed", "", "",
                                        ctx.address});
            tx.commit();
            if (!locked) return login_form(ctx, "err_login_wrong", typed, 401);
            login_form(ctx, "err_login_locked", typed, 429);
            res.set_header("Retry-After", std::to_string(*locked - ctx.now));
            return;
        }
        const std::string token = open_session(db, *staff, ctx.now);
        record_audit(db, AuditEntry{0, ctx.now, staff->username, "login", "", "", ctx.address});
        tx.commit();
        ctx.set_cookie(session_cookie, estate_kiosk_token(db, token));
        const std::string next = ctx.field("next");
        ctx.redirect(is_console_path(next) ? next : "/console/repairs");
    });
    post("/console/logout", everyone, [](PageContext& ctx) {
        ctx.change_session(close_session);
        ctx.audit("logout", "", "");
        ctx.set_cookie(session_cookie, "", 0);
        ctx.redirect("/console/login");
    });
    // The language is a preference, not an action: a GET that only sets a cookie.
    m_http.Get("/console/lang", [self](const httplib::Request& req, httplib::Response& res) {
        auto lease = self->m_pool.acquire();
        PageContext ctx(lease.db(), self->m_config, self->m_views, req, res, self->m_config.now());
        ctx.set_cookie(lang_cookie, req.get_param_value("to") == "en" ? "en" : "zh-CN", 365LL * 86400);
        const std::string back = req.get_param_value("back");
        ctx.redirect(is_console_path(back) ? back : "/console/repairs");
    });
    for (const char* name : {"console.css", "console.js"}) {
        const std::string type = std::string(name).find(".css") != std::string::npos ? "text/css; charset=utf-8"
                                                                                     : "text/javascript; charset=utf-8";
        m_http.Get(std::string("/console/static/") + name, [self, name, type](const httplib::Request&, httplib::Response& res) {
            res.set_header("X-Content-Type-Options", "nosniff");
            res.set_header("Cache-Control", "max-age=300");
            res.set_content(*self->m_views.asset(name), type.c_str());
        });
    }
}

} // namespace lobby::server::console
