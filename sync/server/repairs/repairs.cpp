// Repair tickets: create, read, rate, and the staff moving them along.
#include "repairs/repairs.hpp"

#include "estate.hpp"
#include "feed.hpp"
#include "repairs/access.hpp"
#include "repairs/tickets.hpp"

#include "protocol/changes.hpp"

#include "protocol/decode.hpp"

#include <map>
#include <set>

namespace lobby::server::repairs {
namespace {

constexpr std::int64_t max_slot_ahead_s = 60LL * 86400;

std::optional<protocol::RepairCategory> find_category(Database& db, const std::string& code) {
    auto data = load_record(db, protocol::collection::repair_categories, code);
    if (!data) return std::nullopt;
    auto decoded = protocol::decode<protocol::RepairCategory>(*data);
    if (!decoded) return std::nullopt;
    return decoded.value();
}

void add_event(Database& db, const std::string& ticket_id, protocol::UtcSeconds at, const char* status,
               const std::string& note) {
    Statement st(db, "INSERT INTO ticket_events (ticket_id, at, status, note) VALUES (?, ?, ?, ?)");
    st.bind(1, ticket_id).bind(2, at).bind(3, status).bind(4, note);
    st.run();
}

std::string ticket_id_for(protocol::UtcSeconds now, std::int64_t n) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "R-%s-%06lld", protocol::format_utc(now).substr(0, 4).c_str(),
                  static_cast<long long>(n));
    return buf;
}

// The office's workflow: which status may follow which. completed -> closed
// happens only through the resident's rating.
bool may_follow(const std::string& from, const std::string& to) {
    static const std::map<std::string, std::set<std::string>> next = {
        {"submitted", {"accepted", "cancelled"}},
        {"accepted", {"scheduled", "in_progress", "cancelled"}},
        {"scheduled", {"in_progress", "cancelled"}},
        {"in_progress", {"completed"}},
    };
    const auto it = next.find(from);
    return it != next.end() && it->second.count(to) > 0;
}

} // namespace

ApiResponse create_repair(ApiContext& ctx, const protocol::RepairRequest& req) {
    if (!find_unit(ctx.db, req.unit_id))
        return api_error(404, protocol::error_code::unknown_unit, "Unit " + req.unit_id + " does not exist.");
    const auto category = find_category(ctx.db, req.category);
    if (!category)
        return api_error(422, protocol::error_code::invalid_field,
                         "Field 'category' must be a known repair category code; '" + req.category + "' is not.");
    if (!category->in_scope) {
        std::string who = category->refer_to ? category->refer_to->zh_cn : "the provider";
        if (category->refer_phone) who += " (" + *category->refer_phone + ")";
        return api_error(422, protocol::error_code::out_of_scope,
                         "The property office does not handle " + category->name.zh_cn + "; please contact " + who + ".");
    }
    if (req.preferred_slot &&
        (req.preferred_slot->end <= ctx.now || req.preferred_slot->start > ctx.now + max_slot_ahead_s))
        return api_error(422, protocol::error_code::invalid_field,
                         "Field 'preferred_slot' must end in the future and start within 60 days.");

    Statement next(ctx.db, "SELECT COALESCE(MAX(n), 0) + 1 FROM tickets");
    next.step();
    const std::int64_t n = next.int64(0);
    const std::string id = ticket_id_for(ctx.now, n);
    Statement ins(ctx.db, R"sql(
INSERT INTO tickets (n, id, kiosk_id, unit_id, category, description, location, location_detail, contact_phone,
                     emergency, status, slot_start, slot_end, created_at, updated_at, follow_code_hash)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'submitted', ?, ?, ?, ?, ?))sql");
    ins.bind(1, n).bind(2, id).bind(3, ctx.caller.kiosk_id).bind(4, req.unit_id).bind(5, req.category);
    ins.bind(6, req.description).bind(7, req.location).bind(8, req.location_detail).bind(9, ctx.db.cipher().seal_optional(req.contact_phone));
    ins.bind(10, category->emergency ? 1 : 0);
    if (req.preferred_slot) ins.bind(11, req.preferred_slot->start).bind(12, req.preferred_slot->end);
    ins.bind(13, ctx.now).bind(14, ctx.now);
    if (req.follow_code) ins.bind(15, follow_code_hash(*req.follow_code));
    ins.run();
    add_event(ctx.db, id, ctx.now, "submitted", category->emergency ? "紧急报修，已通知值班人员" : "已收到报修");
    const auto ticket = find_ticket(ctx.db, id);
    publish_ticket(ctx.db, *ticket);
    return api_ok(201, *ticket);
}

ApiResponse get_repair(ApiContext& ctx, const std::string& ticket_id) {
    if (ctx.caller.role != "staff")
        return api_error(403, protocol::error_code::forbidden,
                         "Kiosks read a ticket with POST /v1/repairs/{id}/lookup and its follow-up code or the "
                         "unit's verification.");
    const auto ticket = find_ticket(ctx.db, ticket_id);
    if (!ticket) return api_error(404, protocol::error_code::unknown_ticket, "Repair ticket " + ticket_id + " does not exist.");
    return api_ok(200, *ticket);
}

ApiResponse lookup_repair(ApiContext& ctx, const std::string& ticket_id, const protocol::TicketLookupRequest& req) {
    // The person is at the kiosk: a verification must be minutes old.
    if (auto refusal = refuse_ticket_access(ctx, ticket_id, req, VerificationUse::online)) return *refusal;
    const auto ticket = find_ticket(ctx.db, ticket_id);
    if (!ticket) return api_error(404, protocol::error_code::unknown_ticket, "Repair ticket " + ticket_id + " does not exist.");
    return api_ok(200, *ticket);
}

ApiResponse rate_repair(ApiContext& ctx, const std::string& ticket_id, const protocol::RatingRequest& req) {
    // Ratings come through the kiosk's outbox, possibly long after the verification.
    if (auto refusal = refuse_ticket_access(ctx, ticket_id, req, VerificationUse::submitted)) return *refusal;
    auto ticket = find_ticket(ctx.db, ticket_id);
    if (!ticket) return api_error(404, protocol::error_code::unknown_ticket, "Repair ticket " + ticket_id + " does not exist.");
    if (ticket->rating)
        return api_error(409, protocol::error_code::already_rated, "Repair ticket " + ticket_id + " has already been rated.");
    if (ticket->status != "completed")
        return api_error(409, protocol::error_code::ticket_not_completed,
                         "Repair ticket " + ticket_id + " can be rated once the work is completed; it is " +
                             ticket->status + ".");
    // The return visit closes the loop; "not solved" reopens the ticket for the office.
    const char* next_status = req.solved ? "closed" : "accepted";
    Statement up(ctx.db, R"sql(
UPDATE tickets SET rating_score = ?, rating_solved = ?, rating_comment = ?, status = ?, updated_at = ?
WHERE id = ?)sql");
    up.bind(1, req.score).bind(2, req.solved ? 1 : 0).bind(3, req.comment).bind(4, next_status).bind(5, ctx.now);
    up.bind(6, ticket_id);
    up.run();
    add_event(ctx.db, ticket_id, ctx.now, next_status,
              "住户评价 " + std::to_string(req.score) + "/5" + (req.solved ? "，已解决" : "，未解决，已重新受理"));
    ticket = find_ticket(ctx.db, ticket_id);
    publish_ticket(ctx.db, *ticket);
    return api_ok(200, *ticket);
}

ApiResponse advance_repair(ApiContext& ctx, const std::string& ticket_id, const protocol::TicketStatusRequest& req) {
    if (ctx.caller.role != "staff")
        return api_error(403, protocol::error_code::forbidden, "Only office staff can change a ticket's status.");
    auto ticket = find_ticket(ctx.db, ticket_id);
    if (!ticket) return api_error(404, protocol::error_code::unknown_ticket, "Repair ticket " + ticket_id + " does not exist.");
    if (!may_follow(ticket->status, req.status))
        return api_error(409, protocol::error_code::invalid_transition,
                         "Repair ticket " + ticket_id + " cannot go from " + ticket->status + " to " + req.status + ".");
    Statement up(ctx.db, "UPDATE tickets SET status = ?, updated_at = ? WHERE id = ?");
    up.bind(1, req.status).bind(2, ctx.now).bind(3, ticket_id);
    up.run();
    add_event(ctx.db, ticket_id, ctx.now, req.status.c_str(), req.note);
    ticket = find_ticket(ctx.db, ticket_id);
    publish_ticket(ctx.db, *ticket);
    return api_ok(200, *ticket);
}

} // namespace lobby::server::repairs
