// Fees: units whose fee lookup is locked or collecting wrong digits, and
// lifting a lock (a household locked out by a neighbour calls the office).
#include "console/console.hpp"

#include "estate.hpp"
#include "feed.hpp"
#include "fees/fees.hpp"
#include "fees/staff_lists.hpp"

#include "protocol/changes.hpp"

#include "protocol/decode.hpp"

#include <cstdio>

namespace lobby::server::console {
namespace {

std::string fee_kind_name(PageContext& ctx, const std::string& code) {
    if (const auto record = load_record(ctx.db, protocol::collection::fee_kinds, code))
        if (const auto kind = protocol::decode<protocol::FeeKind>(*record)) return localized(kind.value().name, ctx.lang);
    return code;
}

// A unit's bills and orders, when the page is asked for one (?unit=3-2-1502).
void add_unit(PageContext& ctx, Data& d) {
    const std::string unit_id = ctx.req.get_param_value("unit").substr(0, 64);
    d.set("unit_query", unit_id);
    if (unit_id.empty()) return;
    const auto unit = find_unit(ctx.db, unit_id);
    if (!unit) {
        d.set("unit_error", ctx.t("err_no_unit"));
        return;
    }
    Data u;
    u.set("id", unit->id);
    u.set("owner", unit->owner_masked);
    Data bills{Data::type::list};
    std::int64_t due = 0;
    for (const auto& b : fees::unit_bills(ctx.db, unit_id, 60)) {
        Data row;
        row.set("kind", fee_kind_name(ctx, b.fee_kind));
        row.set("period", b.period);
        row.set("amount", format_yuan(b.amount_fen));
        row.set("paid", format_yuan(b.paid_fen));
        row.set("unpaid", b.paid_fen < b.amount_fen);
        row.set("due_date", b.due_date);
        due += b.amount_fen - b.paid_fen;
        bills.push_back(row);
    }
    u.set("bills", bills);
    u.set("total_due", format_yuan(due));
    Data orders{Data::type::list};
    for (const auto& o : fees::unit_orders(ctx.db, unit_id, 20)) {
        Data row;
        row.set("id", o.id_prefix);
        row.set("amount", format_yuan(o.amount_fen));
        row.set("created", format_time(o.created_at));
        row.set("state", ctx.t(o.paid_at ? "order_paid" : o.expires_at <= ctx.now ? "order_expired" : "order_pending"));
        row.set("paid", o.paid_at ? format_time(*o.paid_at) : std::string());
        orders.push_back(row);
    }
    u.set("orders", orders);
    d.set("unit", u);
}

void lockouts_page(PageContext& ctx) {
    ApiContext api = ctx.api();
    const auto list = protocol::decode<protocol::FeeLockoutList>(fees::list_lockouts(api).body);
    Data rows{Data::type::list};
    if (list)
        for (const auto& l : list.value().lockouts) {
            Data row;
            row.set("unit", l.unit_id);
            row.set("locked", l.locked_until.has_value());
            row.set("locked_until", l.locked_until ? format_time(*l.locked_until) : std::string());
            row.set("wrong_tries", std::to_string(l.wrong_tries));
            row.set("waiting", std::to_string(l.waiting_sessions));
            row.set("csrf", ctx.session->csrf);
            rows.push_back(row);
        }
    Data d;
    d.set("lockouts", rows);
    add_unit(ctx, d);
    ctx.page("fees", d, "title_fees");
}

void lift(PageContext& ctx) {
    const std::string unit = ctx.path_id();
    ApiContext api = ctx.api();
    const ApiResponse r = fees::lift_lockout(api, unit);
    if (r.status != 200) return ctx.message_page("err_no_unit", 404);
    ctx.audit("fees.lift_lockout", unit, "wrong tries " + std::to_string(r.body.value("wrong_tries", 0)));
    ctx.redirect("/console/fees", "lifted");
}

} // namespace

void install_fee_pages(Console& console) {
    console.get("/console/fees", office, "fees", lockouts_page);
    console.post(R"(/console/fees/lockouts/([0-9A-Za-z-]{1,64})/lift)", office, lift);
}

} // namespace lobby::server::console
