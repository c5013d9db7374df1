// Fees: units whose fee lookup is locked or collecting wrong digits, and
// lifting a lock (a household locked out by a neighbour calls the office).
#include "console/console.hpp"

#include "fees/fees.hpp"

#include "protocol/decode.hpp"

namespace lobby::server::console {
namespace {

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
