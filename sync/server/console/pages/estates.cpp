// The company manager's estates (issue 19): the list, the one the console
// acts in (every other console page then reads and acts in that estate
// alone, Console::handle), and a new estate, created empty with the full
// schema, as --add-estate does.
#include "console/console.hpp"

#include "protocol/common.hpp"

namespace lobby::server::console {
namespace {

void estates_page(PageContext& ctx, const std::string& error = "", int status = 200) {
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
    d.set("csrf", ctx.session->csrf);
    d.set("new_id", ctx.field("id"));
    d.set("new_name", ctx.field("name"));
    if (!error.empty()) d.set("error", ctx.t(error));
    ctx.page("estates", d, "title_estates", status);
}

// Runs outside a transaction (Console::post_own_transactions): Estates::add
// takes the home estate's write lock, which the page's own transaction
// would hold when the manager acts at home.
void create_estate(PageContext& ctx) {
    if (!ctx.staff().company) return ctx.message_page("err_forbidden", 403);
    const std::string id = ctx.field("id");
    const std::string name = ctx.field("name");
    if (!valid_estate_id(id)) return estates_page(ctx, "err_estate_id", 422);
    const auto name_chars = protocol::utf8_length(name);  // nullopt: not UTF-8
    if (!name_chars || *name_chars < 1 || *name_chars > 40) return estates_page(ctx, "err_estate_name", 422);
    if (!ctx.estates->add(id, name, ctx.now)) return estates_page(ctx, "err_estate_exists", 409);
    // A company action: audited at home, where the directory and the company manager's account are.
    WriteTransaction tx(*ctx.session_pool, *ctx.session_db);
    record_audit(*ctx.session_db, AuditEntry{0, ctx.now, ctx.staff().username, "estate.create", id, name, ctx.address});
    tx.commit();
    ctx.redirect("/console/estates", "estate_created");
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
    console.get("/console/estates", managers, "estates", [](PageContext& ctx) { estates_page(ctx); });
    console.post_own_transactions("/console/estates", managers, create_estate);
    console.post("/console/estates/switch", managers, switch_estate);
}

} // namespace lobby::server::console
