// The company manager's estate switch (issue 19): the list of estates and
// the one the console acts in; every other console page then reads and acts
// in that estate alone (Console::handle).
#include "console/console.hpp"

namespace lobby::server::console {
namespace {

void estates_page(PageContext& ctx) {
    if (!ctx.staff().company) return ctx.message_page("err_forbidden", 403);
    Data rows{Data::type::list};
    for (const EstateEntry& e : ctx.estates->list()) {
        Data row;
        row.set("id", e.id);
        row.set("name", e.id == home_estate ? ctx.t("estate_home") : e.name);
        row.set("current", e.id == ctx.db.estate());
        row.set("csrf", ctx.session->csrf);
        rows.push_back(row);
    }
    Data d;
    d.set("estates", rows);
    ctx.page("estates", d, "title_estates");
}

void switch_estate(PageContext& ctx) {
    if (!ctx.staff().company) return ctx.message_page("err_forbidden", 403);
    const std::string to = ctx.field("estate").substr(0, 32);
    if (!ctx.estates->find(to)) return ctx.message_page("err_unknown_estate", 404);
    // Audited in the estate left (naming the one entered); every later
    // action is audited in the estate it acts in.
    ctx.audit("estate.switch", to, ctx.db.estate() + " -> " + to);
    ctx.change_session([&](Database& db, const Session& session) {
        set_session_estate(db, session, to == home_estate ? std::string() : to);
    });
    ctx.redirect("/console/repairs", "estate_switched");
}

} // namespace

void install_estate_pages(Console& console) {
    console.get("/console/estates", managers, "estates", estates_page);
    console.post("/console/estates/switch", managers, switch_estate);
}

} // namespace lobby::server::console
