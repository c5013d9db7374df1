// The company manager's estates (issue 19): the list, the one the console
// acts in (every other console page then reads and acts in that estate
// alone, Console::handle), a new estate, created empty with the full
// schema, as --add-estate does, and company managers limited to some
// estates. A limited company manager sees and enters only those estates,
// and neither creates estates nor names company managers.
#include "console/console.hpp"

#include "console/accounts.hpp"

#include "protocol/common.hpp"

#include <algorithm>

namespace lobby::server::console {
namespace {

std::string estate_label(const PageContext& ctx, const EstateEntry& e) {
    return e.id == home_estate ? ctx.t("estate_home") : e.name;
}

// The home managers an unlimited company manager may limit (not itself, and
// not the other unlimited ones, who come from the command line).
std::vector<AccountRow> limitable_managers(PageContext& ctx) {
    std::vector<AccountRow> out;
    for (auto& a : list_accounts(*ctx.session_db))
        if (a.staff.role == Role::manager && !a.disabled && a.staff.username != ctx.session->staff.username &&
            !unlimited_company(a.staff))
            out.push_back(std::move(a));
    return out;
}

void estates_page(PageContext& ctx, const std::string& error = "", int status = 200) {
    if (!ctx.staff().company) return ctx.message_page("err_forbidden", 403);
    const std::vector<EstateEntry>& all = ctx.directory;
    Data rows{Data::type::list};
    for (const EstateEntry& e : all) {
        if (!may_act_in(ctx.staff(), e.id)) continue;
        Data row;
        row.set("id", e.id);
        row.set("name", estate_label(ctx, e));
        row.set("current", e.id == ctx.acting_estate);
        row.set("csrf", ctx.session->csrf);
        rows.push_back(row);
    }
    Data d;
    d.set("estates", rows);
    d.set("csrf", ctx.session->csrf);
    if (!error.empty()) d.set("error", ctx.t(error));
    if (unlimited_company(ctx.staff())) {
        d.set("may_create", true);
        d.set("new_id", ctx.field("id"));
        d.set("new_name", ctx.field("name"));
        Data managers{Data::type::list};
        for (const AccountRow& a : limitable_managers(ctx)) {
            Data m;
            m.set("username", a.staff.username);
            m.set("name", a.staff.display_name);
            std::string scope;
            if (a.staff.company_estates)
                for (const std::string& id : *a.staff.company_estates) scope += (scope.empty() ? "" : ", ") + id;
            if (!scope.empty()) m.set("scope", scope);
            m.set("csrf", ctx.session->csrf);
            managers.push_back(m);
        }
        d.set("managers", managers);
        Data choices{Data::type::list};
        for (const EstateEntry& e : all) {
            Data c;
            c.set("id", e.id);
            c.set("name", estate_label(ctx, e));
            choices.push_back(c);
        }
        d.set("estate_choices", choices);
    }
    ctx.page("estates", d, "title_estates", status);
}

// Estates::add takes connections of the home estate (and, on PostgreSQL,
// the new estate's come from the same pool): it runs once the page has
// given its own back (PageContext::after_release), never beside it.
void create_estate(PageContext& ctx) {
    if (!unlimited_company(ctx.staff())) return ctx.message_page("err_forbidden", 403);
    const std::string id = ctx.field("id");
    const std::string name = ctx.field("name");
    if (!valid_estate_id(id)) return estates_page(ctx, "err_estate_id", 422);
    const auto name_chars = protocol::utf8_length(name);  // nullopt: not UTF-8
    if (!name_chars || *name_chars < 1 || *name_chars > 40) return estates_page(ctx, "err_estate_name", 422);
    if (ctx.in_directory(id)) return estates_page(ctx, "err_estate_exists", 409);
    ctx.after_release([&ctx, id, name] {
        // Made meanwhile by another request: the page's answer, without its list.
        if (!ctx.estates->add(id, name, ctx.now)) return ctx.message_page("err_estate_exists", 409);
        // A company action: audited at home, where the directory and the company manager's account are.
        Pool& home = ctx.estates->home();
        auto lease = home.acquire();
        WriteTransaction tx(home, lease.db());
        record_audit(lease.db(), AuditEntry{0, ctx.now, ctx.staff().username, "estate.create", id, name, ctx.address});
        tx.commit();
        ctx.redirect("/console/estates", "estate_created");
    });
}

void switch_estate(PageContext& ctx) {
    if (!ctx.staff().company) return ctx.message_page("err_forbidden", 403);
    const std::string to = ctx.field("estate").substr(0, 32);
    if (!ctx.in_directory(to)) return ctx.message_page("err_unknown_estate", 404);
    if (!may_act_in(ctx.staff(), to)) {
        ctx.audit("forbidden", ctx.req.path, to);
        return ctx.message_page("err_estate_not_yours", 403);
    }
    // Audited in the estate left (naming the one entered); every later
    // action is audited in the estate it acts in.
    ctx.audit("estate.switch", to, ctx.db.estate() + " -> " + to);
    ctx.change_session([to](Database& db, const Session& session) {  // may run after this returns
        set_session_estate(db, session, to == home_estate ? std::string() : to);
    });
    ctx.redirect("/console/repairs", "estate_switched");
}

// Outside a transaction: the accounts are home's (the session's estate, where the page acts).
void limit_manager(PageContext& ctx) {
    if (!unlimited_company(ctx.staff())) return ctx.message_page("err_forbidden", 403);
    const std::string username = ctx.field("username");
    const auto managers = limitable_managers(ctx);
    if (std::none_of(managers.begin(), managers.end(), [&](const AccountRow& a) { return a.staff.username == username; }))
        return estates_page(ctx, "err_company_manager", 422);
    std::vector<std::string> estates;
    const std::string ticked = "estate";  // one form field per estate ticked
    for (std::size_t i = 0; i < ctx.req.get_param_value_count(ticked); ++i) {
        const std::string id = ctx.req.get_param_value(ticked, i);
        if (!ctx.in_directory(id)) return estates_page(ctx, "err_unknown_estate", 422);
        if (std::find(estates.begin(), estates.end(), id) == estates.end()) estates.push_back(id);
    }
    if (estates.empty()) return estates_page(ctx, "err_company_estates", 422);
    std::string detail;
    for (const std::string& id : estates) detail += (detail.empty() ? "" : ",") + id;
    WriteTransaction tx(*ctx.session_pool, *ctx.session_db);
    set_company_estates(*ctx.session_db, username, estates);
    record_audit(*ctx.session_db, AuditEntry{0, ctx.now, ctx.staff().username, "company.limit", username, detail, ctx.address});
    tx.commit();
    ctx.redirect("/console/estates", "company_limited");
}

void unlimit_manager(PageContext& ctx) {
    if (!unlimited_company(ctx.staff())) return ctx.message_page("err_forbidden", 403);
    const std::string username = ctx.path_id();
    const auto managers = limitable_managers(ctx);
    const auto it = std::find_if(managers.begin(), managers.end(), [&](const AccountRow& a) { return a.staff.username == username; });
    if (it == managers.end() || !it->staff.company) return ctx.message_page("err_no_account", 404);
    WriteTransaction tx(*ctx.session_pool, *ctx.session_db);
    set_company_estates(*ctx.session_db, username, std::nullopt);  // a manager of the home estate again
    record_audit(*ctx.session_db, AuditEntry{0, ctx.now, ctx.staff().username, "company.revoke", username, "", ctx.address});
    tx.commit();
    ctx.redirect("/console/estates", "company_revoked");
}

} // namespace

void install_estate_pages(Console& console) {
    // The directory and the company managers are home's: these pages act
    // there (the session's estate), whichever estate the console acts in.
    const ActsIn home = ActsIn::session_estate;
    console.get("/console/estates", managers, "estates", [](PageContext& ctx) { estates_page(ctx); }, home);
    console.post("/console/estates", managers, create_estate, home);
    console.post_own_transactions("/console/estates/managers", managers, limit_manager, home);
    console.post_own_transactions(R"(/console/estates/managers/([a-z0-9._-]{3,32})/revoke)", managers, unlimit_manager,
                                  home);
    console.post("/console/estates/switch", managers, switch_estate);
}

} // namespace lobby::server::console
