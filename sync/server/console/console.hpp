// The staff console's routes under /console: every page goes through
// Console::get / Console::post, which sign the staff member in from the
// session cookie, check their role, check the form's CSRF token (POST), and
// run the page in a read snapshot (GET) or one write transaction (POST) that
// also holds its audit entry.
#pragma once

#include "console/page.hpp"
#include "console/staff.hpp"
#include "console/views.hpp"
#include "pool.hpp"
#include "route_table.hpp"

#include <httplib.h>

#include <functional>
#include <memory>
#include <string>

namespace lobby::server::console {

using PageFn = std::function<void(PageContext&)>;

// Where a page acts: the estate the staff member works in (a company
// manager's: the one picked), or, for the company's own pages (the estates,
// company managers), the session's estate, where the directory and the
// accounts are.
enum class ActsIn { picked_estate, session_estate };

class Console : public std::enable_shared_from_this<Console> {
public:
    Console(RouteTable& http, Estates& estates, const ServerConfig& config, Views views)
        : m_http(http), m_estates(estates), m_pool(estates.home()), m_config(config), m_views(std::move(views)) {}

    // `nav`: the navigation entry the page belongs to.
    void get(const std::string& pattern, Roles roles, const std::string& nav, PageFn fn,
             ActsIn acts = ActsIn::picked_estate);
    void post(const std::string& pattern, Roles roles, PageFn fn, ActsIn acts = ActsIn::picked_estate);
    // A POST whose page opens its own transactions (only the session, CSRF
    // and role checks run in one first): for work that takes the page
    // estate's write lock itself.
    void post_own_transactions(const std::string& pattern, Roles roles, PageFn fn,
                               ActsIn acts = ActsIn::picked_estate);
    // The sign-in and sign-out pages, the language switch, the static files.
    void install_session_routes();

    const Views& views() const { return m_views; }

private:
    void handle(const httplib::Request& req, httplib::Response& res, Roles roles, const std::string& nav,
                const PageFn& fn, bool write, bool own_transactions, ActsIn acts);

    RouteTable& m_http;
    Estates& m_estates;
    Pool& m_pool;
    const ServerConfig& m_config;
    Views m_views;
};

// Every page (pages/*.cpp).
void install_repair_pages(Console& console);
void install_notice_pages(Console& console);
void install_visitor_pages(Console& console);
void install_fee_pages(Console& console);
void install_survey_pages(Console& console);
void install_kiosk_pages(Console& console);
void install_kiosk_settings_pages(Console& console);  // from install_kiosk_pages
void install_staff_pages(Console& console);
void install_audit_pages(Console& console);
void install_estate_pages(Console& console);  // company managers only

} // namespace lobby::server::console
