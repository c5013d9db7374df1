// Visitors: today's passes, pre-registering a visitor code for a resident,
// and move-out releases with the owner's confirmation recorded (how the
// owner confirmed, which staff member, when), through the visitors service.
#include "console/console.hpp"

#include "visitors/staff_lists.hpp"
#include "visitors/visitors.hpp"

#include "protocol/decode.hpp"

namespace lobby::server::console {
namespace {

const char* const purposes[] = {"family", "friend", "delivery", "courier", "helper", "renovation", "other"};
// How the office reached the owner before releasing a move-out.
// How staff reached the owner, and the office API's word for it. A letter
// brought by the tenant is not among them: tenants have faked consent.
const char* const confirm_ways[] = {"phone", "in_person", "wechat"};
const char* via_of(const std::string& way) {
    return way == "phone" ? "phone_call" : way == "wechat" ? "video_call" : "in_person";
}

Data options(PageContext& ctx, const char* prefix, const char* const* values, std::size_t n, const std::string& chosen) {
    Data list{Data::type::list};
    for (std::size_t i = 0; i < n; ++i) {
        Data o;
        o.set("value", values[i]);
        o.set("label", ctx.t(std::string(prefix) + values[i]));
        o.set("selected", chosen == values[i]);
        list.push_back(o);
    }
    return list;
}

void visitors_page(PageContext& ctx, const std::string& error = "", int status = 200, const std::string& new_code = "") {
    Data d;
    d.set("csrf", ctx.session->csrf);
    const protocol::UtcSeconds day = protocol::start_of_day_shanghai(ctx.now);
    d.set("today", protocol::format_date_shanghai(ctx.now));
    Data passes{Data::type::list};
    for (const auto& p : visitors::passes_between(ctx.db, day, day + 86400, ctx.now, 500)) {
        Data row;
        row.set("visitor", p.visitor_masked);
        row.set("phone", p.phone_masked);
        row.set("unit", p.unit_id);
        row.set("kind", ctx.t("pass_" + p.kind));
        row.set("purpose", ctx.t("purpose_" + p.purpose));
        row.set("people", std::to_string(p.people));
        row.set("valid", format_time(p.valid_from) + " – " + format_time(p.valid_until));
        row.set("redeemed", p.redeemed_at ? format_time(*p.redeemed_at) : std::string());
        passes.push_back(row);
    }
    d.set("passes", passes);
    Data waiting{Data::type::list};
    ApiContext api = ctx.api();
    for (const auto& m : visitors::move_outs_in(ctx.db, "awaiting_owner_confirmation", 200)) {
        const auto r = visitors::get_move_out(api, m.id);
        const auto mo = protocol::decode<protocol::MoveOut>(r.body);
        if (!mo) continue;
        Data row;
        row.set("id", mo.value().id);
        row.set("unit", mo.value().unit_id);
        row.set("requester", mo.value().requester_masked);
        row.set("relation", ctx.t("relation_" + mo.value().relation));
        row.set("planned", mo.value().planned_date);
        row.set("items", m.items);
        row.set("created", format_time(mo.value().created_at));
        row.set("ways", options(ctx, "confirm_", confirm_ways, std::size(confirm_ways), ""));
        row.set("csrf", ctx.session->csrf);
        waiting.push_back(row);
    }
    d.set("move_outs", waiting);
    Data decided{Data::type::list};
    for (const char* s : {"approved", "rejected"})
        for (const auto& m : visitors::move_outs_in(ctx.db, s, 20)) {
            const auto mo = protocol::decode<protocol::MoveOut>(visitors::get_move_out(api, m.id).body);
            if (!mo) continue;
            Data row;
            row.set("id", mo.value().id);
            row.set("unit", mo.value().unit_id);
            row.set("status", ctx.t("moveout_" + mo.value().status));
            row.set("note", mo.value().decision_note.value_or(""));
            row.set("decided", mo.value().decided_at ? format_time(*mo.value().decided_at) : std::string());
            decided.push_back(row);
        }
    d.set("decided", decided);
    d.set("purposes", options(ctx, "purpose_", purposes, std::size(purposes), ctx.field("purpose")));
    d.set("unit", ctx.field("unit"));
    d.set("visitor_name", ctx.field("visitor_name"));
    d.set("visitor_phone", ctx.field("visitor_phone"));
    d.set("visit_date", ctx.field("visit_date").empty() ? protocol::format_date_shanghai(ctx.now) : ctx.field("visit_date"));
    if (!new_code.empty()) d.set("new_code", new_code);
    if (!error.empty()) d.set("error", error);
    ctx.nav = "visitors";
    ctx.page("visitors", d, "title_visitors", status);
}

void pre_register(PageContext& ctx) {
    const auto day = protocol::parse_date_shanghai(ctx.field("visit_date"));
    if (!day || *day + 86400 <= ctx.now || *day > ctx.now + 7 * 86400)
        return visitors_page(ctx, ctx.t("err_visit_date"), 422);
    nlohmann::json body = {{"unit_id", ctx.field("unit")},
                           {"visitor_name", ctx.field("visitor_name")},
                           {"purpose", ctx.field("purpose")},
                           {"people", 1},
                           {"valid_from", protocol::format_utc(std::max(*day, ctx.now))},
                           {"valid_until", protocol::format_utc(*day + 86400)}};
    if (!ctx.field("visitor_phone").empty()) body["visitor_phone"] = ctx.field("visitor_phone");
    const auto request = protocol::decode<protocol::VisitorCodeRequest>(body);
    if (!request) return visitors_page(ctx, ctx.t("err_visitor_fields") + " (" + request.error().message + ")", 422);
    ApiContext api = ctx.api();
    const ApiResponse r = visitors::create_visitor_code(api, request.value());
    if (r.status != 201) {
        const std::string message = r.body.value("message", std::string());
        return visitors_page(ctx, ctx.t("err_visitor_refused") + " (" + message + ")", r.status);
    }
    const auto pass = protocol::decode<protocol::VisitorPass>(r.body);
    ctx.audit("visitor.code", request.value().unit_id, "pre-registered " + pass.value().id);
    // The code is shown once, on this answer, for the staff to pass on to the resident.
    visitors_page(ctx, "", 201, pass.value().code);
}

void decide(PageContext& ctx) {
    const std::string id = ctx.path_id();
    const std::string way = ctx.field("way");
    bool known_way = false;
    for (const char* w : confirm_ways) known_way = known_way || way == w;
    const std::string note = ctx.field("note");
    if (!known_way) return visitors_page(ctx, ctx.t("err_confirm_way"), 422);
    // Who confirmed how goes into the note the kiosk and the gate see.
    const std::string recorded = ctx.views.text(Lang::zh_cn, "confirm_" + way) + (note.empty() ? "" : "：" + note) +
                                 "（" + ctx.staff().display_name + "）";
    const auto request = protocol::decode<protocol::MoveOutDecision>(
        nlohmann::json{{"status", ctx.field("decision")}, {"note", recorded}, {"via", via_of(way)}});
    if (!request) return visitors_page(ctx, ctx.t("err_decision"), 422);
    ApiContext api = ctx.api();
    const ApiResponse r = visitors::decide_move_out(api, id, request.value());
    if (r.status == 404) return ctx.message_page("err_no_move_out", 404);
    if (r.status != 200) return visitors_page(ctx, ctx.t("err_decision_refused"), r.status);
    ctx.audit("moveout." + request.value().status, id, recorded);
    ctx.redirect("/console/visitors", "decided");
}

} // namespace

void install_visitor_pages(Console& console) {
    console.get("/console/visitors", office, "visitors", [](PageContext& ctx) { visitors_page(ctx); });
    console.post("/console/visitor-codes", office, pre_register);
    console.post(R"(/console/move-outs/([0-9A-Za-z-]{1,64})/decision)", office, decide);
}

} // namespace lobby::server::console
