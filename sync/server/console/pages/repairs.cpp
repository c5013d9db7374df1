// Repairs: the queue (overdue first), a ticket with its timeline, the
// resident's 验收 and rating, and the workflow moves (through the repairs
// service, which decides what may follow what).
#include "console/console.hpp"

#include "feed.hpp"
#include "console/accounts.hpp"
#include "repairs/repairs.hpp"
#include "repairs/staff_assignment.hpp"
#include "repairs/staff_queue.hpp"
#include "repairs/tickets.hpp"

#include "protocol/changes.hpp"
#include "protocol/decode.hpp"
#include "protocol/text.hpp"

#include <cctype>
#include <cstdio>
#include <map>

namespace lobby::server::console {
namespace {

constexpr int page_size = 50;
const char* const state_groups[] = {"open", "submitted", "accepted", "scheduled", "in_progress",
                                    "awaiting_acceptance", "completed", "closed", "cancelled"};

// The moves the page offers from each status; the service refuses any other.
// Finished work waits for the resident's 验收 at the kiosk (awaiting_acceptance);
// completed is that 验收, which staff record only when taken by phone.
const std::map<std::string, std::vector<const char*>> offered_moves = {
    {"submitted", {"accepted", "cancelled"}},
    {"accepted", {"scheduled", "in_progress", "cancelled"}},
    {"scheduled", {"in_progress", "cancelled"}},
    {"in_progress", {"awaiting_acceptance"}},
    {"awaiting_acceptance", {"completed", "in_progress"}},
};

std::string category_name(PageContext& ctx, std::map<std::string, std::string>& cache, const std::string& code) {
    const auto hit = cache.find(code);
    if (hit != cache.end()) return hit->second;
    std::string name = code;
    if (const auto record = load_record(ctx.db, protocol::collection::repair_categories, code))
        if (const auto c = protocol::decode<protocol::RepairCategory>(*record)) name = localized(c.value().name, ctx.lang);
    cache[code] = name;
    return name;
}

// username -> display name, for showing who has a ticket.
std::map<std::string, std::string> staff_names(Database& db) {
    std::map<std::string, std::string> names;
    for (const auto& a : list_accounts(db)) names[a.staff.username] = a.staff.display_name;
    return names;
}

// "120", "120.5", "120.50" yuan -> fen; at most 100,000 yuan.
std::optional<std::int64_t> parse_yuan(const std::string& text) {
    std::int64_t whole = 0, cents = 0;
    std::size_t i = 0, digits = 0;
    for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) && digits < 7; ++i, ++digits)
        whole = whole * 10 + (text[i] - '0');
    if (digits == 0) return std::nullopt;
    if (i < text.size() && text[i] == '.') {
        ++i;
        for (int d = 0; d < 2; ++d) {
            cents *= 10;
            if (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) cents += text[i++] - '0';
        }
    }
    if (i != text.size() || whole > 100000) return std::nullopt;
    return whole * 100 + cents;
}

bool mine_only(const PageContext& ctx) { return ctx.req.get_param_value("mine") == "1"; }

std::string group_of(const PageContext& ctx) {
    const std::string state = ctx.req.get_param_value("state");
    for (const char* g : state_groups)
        if (state == g) return g;
    return "open";
}

Data queue_rows(PageContext& ctx, const std::string& group, int page, std::size_t* count = nullptr) {
    std::map<std::string, std::string> categories;
    const auto names = staff_names(ctx.db);
    Data rows{Data::type::list};
    const std::optional<std::string> worker = mine_only(ctx) ? std::optional<std::string>(ctx.staff().username) : std::nullopt;
    for (const auto& r : repairs::ticket_queue(ctx.db, group, ctx.now, page_size, page * page_size, worker)) {
        Data d;
        d.set("id", r.id);
        d.set("unit", r.unit_id);
        d.set("category", category_name(ctx, categories, r.category));
        d.set("description", shorten(r.description, 40));
        d.set("status", ctx.t("status_" + r.status));
        d.set("status_code", r.status);
        d.set("age", format_age(ctx.now - r.created_at, ctx));
        d.set("created", format_time(r.created_at));
        if (r.slot_start) d.set("slot", format_time(*r.slot_start));
        if (r.worker) d.set("worker", names.count(*r.worker) ? names.at(*r.worker) : *r.worker);
        d.set("emergency", r.emergency);
        d.set("overdue", r.overdue);
        rows.push_back(d);
        if (count) ++*count;
    }
    return rows;
}

void queue_page(PageContext& ctx) {
    const std::string group = group_of(ctx);
    int page = 0;
    try {
        page = std::max(0, std::min(1000, std::stoi(ctx.req.get_param_value("page"))));
    } catch (const std::exception&) {
    }
    Data d;
    const auto counts = repairs::ticket_counts(ctx.db);
    Data tabs{Data::type::list};
    for (const char* g : state_groups) {
        std::int64_t n = 0;
        if (std::string(g) == "open") {
            for (const char* s : {"submitted", "accepted", "scheduled", "in_progress"})
                n += counts.count(s) ? counts.at(s) : 0;
        } else if (counts.count(g)) {
            n = counts.at(g);
        }
        Data tab;
        tab.set("state", g);
        tab.set("label", ctx.t(std::string("group_") + g));
        tab.set("count", std::to_string(n));
        tab.set("active", group == g);
        tab.set("mine", mine_only(ctx));
        tabs.push_back(tab);
    }
    d.set("tabs", tabs);
    d.set("state", group);
    d.set("mine", mine_only(ctx));
    d.set("mine_param", mine_only(ctx) ? "&mine=1" : "");
    d.set("overdue_count", std::to_string(repairs::overdue_count(ctx.db, ctx.now)));
    std::size_t shown = 0;
    Data rows = queue_rows(ctx, group, page, &shown);
    const bool full = shown == static_cast<std::size_t>(page_size);
    Data row_data;
    row_data.set("rows", rows);
    d.set("rows_html", ctx.views.render("repair_rows", row_data, ctx.lang));  // rendered (escaped) by its own template
    if (page > 0) d.set("prev_page", std::to_string(page - 1));
    if (full) d.set("next_page", std::to_string(page + 1));
    d.set("page", std::to_string(page));
    ctx.page("repairs", d, "title_repairs");
}

// Only the table's rows, for the page's script to refresh the list in place.
void queue_rows_fragment(PageContext& ctx) {
    Data d;
    d.set("rows", queue_rows(ctx, group_of(ctx), 0));
    ctx.res.set_content(ctx.views.render("repair_rows", d, ctx.lang), "text/html; charset=utf-8");
}

void ticket_page(PageContext& ctx, const std::string& error = "", int status = 200) {
    ApiContext api = ctx.api();
    const ApiResponse r = repairs::get_repair(api, ctx.path_id());
    if (r.status != 200) return ctx.message_page("err_no_ticket", 404);
    const auto decoded = protocol::decode<protocol::Ticket>(r.body);
    if (!decoded) return ctx.message_page("err_no_ticket", 404);
    const protocol::Ticket& t = decoded.value();
    std::map<std::string, std::string> categories;
    Data d;
    d.set("id", t.id);
    d.set("unit", t.unit_id.value_or(""));  // none for a public-area report
    d.set("category", category_name(ctx, categories, t.category));
    d.set("description", t.description);
    d.set("location", ctx.t("location_" + t.location));
    if (t.location_detail) d.set("location_detail", *t.location_detail);
    // The resident asked to be called back: staff see the number to call.
    if (const auto phone = repairs::callback_phone(ctx.db, t.id)) d.set("callback_phone", *phone);
    d.set("emergency", t.emergency);
    d.set("status", ctx.t("status_" + t.status));
    d.set("status_code", t.status);
    d.set("created", format_time(t.created_at));
    d.set("updated", format_time(t.updated_at));
    if (t.preferred_slot)
        d.set("slot", format_time(t.preferred_slot->start) + " – " + protocol::format_hh_mm_shanghai(t.preferred_slot->end));
    Data timeline{Data::type::list};
    for (const auto& e : t.timeline) {
        Data row;
        row.set("at", format_time(e.at));
        row.set("status", ctx.t("status_" + e.status));
        row.set("note", e.note);
        timeline.push_back(row);
    }
    d.set("timeline", timeline);
    if (t.rating) {
        Data rating;
        rating.set("score", std::to_string(t.rating->score));
        rating.set("solved", t.rating->solved ? ctx.t("rating_solved") : ctx.t("rating_not_solved"));
        if (t.rating->comment) rating.set("comment", *t.rating->comment);
        d.set("rating", rating);
    } else if (t.status == "awaiting_acceptance") {
        d.set("awaiting_acceptance", true);
    }
    Data moves{Data::type::list};
    const auto offered = offered_moves.find(t.status);
    if (offered != offered_moves.end())
        for (const char* to : offered->second) {
            Data m;
            m.set("to", to);
            m.set("label", ctx.t(std::string("move_") + to));
            m.set("danger", std::string(to) == "cancelled");
            moves.push_back(m);
        }
    d.set("moves", moves);
    const auto names = staff_names(ctx.db);
    const auto assignment = repairs::find_assignment(ctx.db, t.id);
    if (assignment && assignment->worker)
        d.set("worker", names.count(*assignment->worker) ? names.at(*assignment->worker) : *assignment->worker);
    if (assignment && assignment->charge_fen) {
        d.set("charge", format_yuan(*assignment->charge_fen));
        d.set("charge_note", assignment->charge_note.value_or(""));
    }
    // The front desk and managers assign anyone; a maintenance worker takes a ticket himself.
    const bool assigns = ctx.staff().role != Role::maintenance;
    d.set("assigns", assigns);
    d.set("takes", !assigns && !(assignment && assignment->worker == ctx.staff().username));
    Data workers{Data::type::list};
    for (const auto& a : list_accounts(ctx.db)) {
        if (a.disabled || a.staff.role != Role::maintenance) continue;
        Data w;
        w.set("value", a.staff.username);
        w.set("label", a.staff.display_name);
        w.set("selected", assignment && assignment->worker == a.staff.username);
        workers.push_back(w);
    }
    d.set("workers", workers);
    d.set("has_moves", offered != offered_moves.end());
    d.set("csrf", ctx.session->csrf);
    d.set("note", ctx.field("note"));
    if (!error.empty()) d.set("error", error);
    ctx.nav = "repairs";
    ctx.page("ticket", d, "title_ticket", status);
}

void move_ticket(PageContext& ctx) {
    const std::string id = ctx.path_id();
    // The contract's own decoder checks the fields (status known, note 1..500 characters).
    const auto request = protocol::decode<protocol::TicketStatusRequest>(
        nlohmann::json{{"status", ctx.field("status")}, {"note", ctx.field("note")}});
    if (!request) return ticket_page(ctx, ctx.t("err_note_required"), 422);
    protocol::TicketStatusRequest move = request.value();
    // The resident is told who comes (masked at the kiosk, 刘*国) and the
    // charge agreed: what is recorded here goes with each move, as the API's
    // `worker` and `charge_fen` do.
    if (const auto assigned = repairs::find_assignment(ctx.db, id)) {
        if (assigned->worker)
            if (const auto account = find_account(ctx.db, *assigned->worker)) move.worker = account->display_name;
        if (assigned->charge_fen) move.charge_fen = *assigned->charge_fen;
    }
    ApiContext api = ctx.api();
    const ApiResponse r = repairs::advance_repair(api, id, move);
    if (r.status == 404) return ctx.message_page("err_no_ticket", 404);
    if (r.status != 200) return ticket_page(ctx, ctx.t("err_move_refused"), r.status);
    ctx.audit("repair.status", id, "-> " + request.value().status + ": " + request.value().note);
    ctx.redirect("/console/repairs/" + id, "moved");
}

void assign(PageContext& ctx) {
    const std::string id = ctx.path_id();
    ApiContext api = ctx.api();
    if (repairs::get_repair(api, id).status != 200) return ctx.message_page("err_no_ticket", 404);
    // Maintenance may only take a ticket for themselves.
    const std::string worker = ctx.staff().role == Role::maintenance ? ctx.staff().username : ctx.field("worker");
    const auto account = find_account(ctx.db, worker);
    if (!account || account->role != Role::maintenance) return ticket_page(ctx, ctx.t("err_worker"), 422);
    repairs::assign_worker(ctx.db, id, worker, ctx.staff().username, ctx.now);
    ctx.audit("repair.assign", id, worker);
    ctx.redirect("/console/repairs/" + id, "assigned");
}

void charge(PageContext& ctx) {
    const std::string id = ctx.path_id();
    ApiContext api = ctx.api();
    if (repairs::get_repair(api, id).status != 200) return ctx.message_page("err_no_ticket", 404);
    const auto fen = parse_yuan(ctx.field("charge"));
    const std::string note = ctx.field("charge_note");
    const auto note_chars = protocol::utf8_length(note);
    if (!fen || !note_chars || *note_chars < 1 || *note_chars > 200) return ticket_page(ctx, ctx.t("err_charge"), 422);
    repairs::record_charge(ctx.db, id, *fen, note, ctx.staff().username, ctx.now);
    ctx.audit("repair.charge", id, format_yuan(*fen) + " " + note);
    ctx.redirect("/console/repairs/" + id, "charged");
}

} // namespace

void install_repair_pages(Console& console) {
    console.get("/console/repairs", everyone, "repairs", queue_page);
    console.get("/console/repairs/rows", everyone, "repairs", queue_rows_fragment);
    console.get(R"(/console/repairs/(R-[0-9A-Za-z-]{1,40}))", everyone, "repairs", [](PageContext& ctx) { ticket_page(ctx); });
    console.post(R"(/console/repairs/(R-[0-9A-Za-z-]{1,40})/status)", everyone, move_ticket);
    console.post(R"(/console/repairs/(R-[0-9A-Za-z-]{1,40})/assign)", everyone, assign);
    console.post(R"(/console/repairs/(R-[0-9A-Za-z-]{1,40})/charge)", everyone, charge);
}

} // namespace lobby::server::console
