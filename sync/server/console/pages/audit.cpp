// The audit log (managers only): newest first, fifty to a page, optionally
// one staff member's.
#include "console/console.hpp"

#include "console/accounts.hpp"

namespace lobby::server::console {
namespace {

constexpr int audit_page_size = 50;

void audit_page(PageContext& ctx) {
    std::int64_t before = 0;
    try {
        before = std::max<std::int64_t>(0, std::stoll(ctx.req.get_param_value("before")));
    } catch (const std::exception&) {
    }
    std::optional<std::string> who;
    if (!ctx.req.get_param_value("who").empty()) who = ctx.req.get_param_value("who").substr(0, 64);
    const auto entries = read_audit(ctx.db, before, audit_page_size, who);
    Data rows{Data::type::list};
    for (const auto& e : entries) {
        Data row;
        row.set("at", format_time(e.at));
        row.set("who", e.username);
        row.set("action", e.action);
        row.set("failed", e.action.rfind("login.", 0) == 0 || e.action == "csrf.refused" || e.action == "forbidden");
        row.set("target", e.target);
        row.set("detail", e.detail);
        row.set("address", e.address);
        rows.push_back(row);
    }
    Data d;
    d.set("entries", rows);
    d.set("who", who.value_or(""));
    if (static_cast<int>(entries.size()) == audit_page_size) d.set("older", std::to_string(entries.back().id));
    ctx.page("audit", d, "title_audit");
}

} // namespace

void install_audit_pages(Console& console) { console.get("/console/audit", managers, "audit", audit_page); }

} // namespace lobby::server::console
