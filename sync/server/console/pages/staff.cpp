// Staff accounts (managers only): the list, adding an account with its
// role and first password, disabling and enabling one (a company manager's
// only by an unlimited company manager).
#include "console/console.hpp"

#include "console/accounts.hpp"
#include "console/passwords.hpp"

namespace lobby::server::console {
namespace {

void staff_page(PageContext& ctx, const std::string& error = "", int status = 200) {
    Data rows{Data::type::list};
    for (const auto& a : list_accounts(ctx.db)) {
        Data row;
        row.set("username", a.staff.username);
        row.set("name", a.staff.display_name);
        row.set("role", ctx.t(std::string("role_") + role_name(a.staff.role)));
        row.set("disabled", a.disabled);
        row.set("self", a.staff.username == ctx.staff().username);
        // A company manager's row keeps its buttons for unlimited company managers only.
        row.set("company_only", !may_change_account(ctx.staff(), a.staff));
        row.set("created", format_time(a.created_at));
        row.set("csrf", ctx.session->csrf);
        rows.push_back(row);
    }
    Data roles{Data::type::list};
    for (Role r : {Role::front_desk, Role::maintenance, Role::manager}) {
        Data o;
        o.set("value", role_name(r));
        o.set("label", ctx.t(std::string("role_") + role_name(r)));
        o.set("selected", ctx.field("role") == role_name(r));
        roles.push_back(o);
    }
    Data d;
    d.set("accounts", rows);
    d.set("roles", roles);
    d.set("csrf", ctx.session->csrf);
    d.set("username", ctx.field("username"));
    d.set("name", ctx.field("name"));
    if (!error.empty()) d.set("error", error);
    ctx.nav = "staff";
    ctx.page("staff", d, "title_staff", status);
}

void add_account(PageContext& ctx) {
    const auto role = parse_role(ctx.field("role"));
    if (!role) return staff_page(ctx, ctx.t("err_role"), 422);
    const std::string username = ctx.field("username");
    switch (create_account(ctx.db, username, ctx.field("name"), *role, ctx.field("password"), ctx.now)) {
    case CreateOutcome::created: break;
    case CreateOutcome::exists: return staff_page(ctx, ctx.t("err_username_taken"), 409);
    case CreateOutcome::bad_username: return staff_page(ctx, ctx.t("err_username"), 422);
    case CreateOutcome::bad_name: return staff_page(ctx, ctx.t("err_display_name"), 422);
    case CreateOutcome::weak_password: return staff_page(ctx, ctx.t("err_password_short"), 422);
    }
    ctx.audit("staff.create", username, role_name(*role));
    ctx.redirect("/console/staff", "account_added");
}

void switch_account(PageContext& ctx, bool disable) {
    const std::string username = ctx.path_id();
    // A manager cannot lock themself out (and the office out of its console).
    if (username == ctx.staff().username) return staff_page(ctx, ctx.t("err_disable_self"), 422);
    const auto account = find_any_account(ctx.db, username);
    if (!account) return ctx.message_page("err_no_account", 404);
    if (!may_change_account(ctx.staff(), *account)) {
        ctx.audit("forbidden", ctx.req.path, "company_account");
        return ctx.message_page("err_company_account", 403);
    }
    if (!set_disabled(ctx.db, username, disable)) return ctx.message_page("err_no_account", 404);
    ctx.audit(disable ? "staff.disable" : "staff.enable", username, "");
    ctx.redirect("/console/staff", disable ? "account_disabled" : "account_enabled");
}

} // namespace

void install_staff_pages(Console& console) {
    console.get("/console/staff", managers, "staff", [](PageContext& ctx) { staff_page(ctx); });
    console.post("/console/staff", managers, add_account);
    console.post(R"(/console/staff/([a-z0-9._-]{3,32})/disable)", managers, [](PageContext& ctx) { switch_account(ctx, true); });
    console.post(R"(/console/staff/([a-z0-9._-]{3,32})/enable)", managers, [](PageContext& ctx) { switch_account(ctx, false); });
}

} // namespace lobby::server::console
