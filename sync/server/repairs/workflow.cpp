// A ticket's way after it was filed: the staff move it along, the resident
// accepts the work (验收) or sends it back with the reason, and rates it
// once (the 回访, which closes it).
#include "repairs/repairs.hpp"

#include "repairs/access.hpp"
#include "repairs/tickets.hpp"

#include <map>
#include <set>

namespace lobby::server::repairs {
namespace {

// Which status may follow which at the staff's hand. awaiting_acceptance ->
// completed is the resident's 验收 (staff may also record it, e.g. taken by
// phone); completed -> closed happens only through the rating.
bool may_follow(const std::string& from, const std::string& to) {
    static const std::map<std::string, std::set<std::string>> next = {
        {"submitted", {"accepted", "cancelled"}},
        {"accepted", {"dispatched", "scheduled", "in_progress", "cancelled"}},
        {"dispatched", {"scheduled", "in_progress", "cancelled"}},
        {"scheduled", {"in_progress", "cancelled"}},
        {"in_progress", {"awaiting_acceptance", "completed"}},
        {"awaiting_acceptance", {"completed", "in_progress"}},
    };
    const auto it = next.find(from);
    return it != next.end() && it->second.count(to) > 0;
}

ApiResponse no_such_ticket(const std::string& id) {
    return api_error(404, protocol::error_code::unknown_ticket, "Repair ticket " + id + " does not exist.");
}

ApiResponse republished(ApiContext& ctx, const std::string& ticket_id) {
    const auto ticket = find_ticket(ctx.db, ticket_id);
    publish_ticket(ctx.db, *ticket);
    return api_ok(200, *ticket);
}

} // namespace

ApiResponse advance_repair(ApiContext& ctx, const std::string& ticket_id, const protocol::TicketStatusRequest& req) {
    if (auto refused = require_staff(ctx, "Only office staff can change a ticket's status.")) return *refused;
    auto ticket = find_ticket(ctx.db, ticket_id);
    if (!ticket) return no_such_ticket(ticket_id);
    if (!may_follow(ticket->status, req.status))
        return api_error(409, protocol::error_code::invalid_transition,
                         "Repair ticket " + ticket_id + " cannot go from " + ticket->status + " to " + req.status + ".");
    Statement up(ctx.db, R"sql(
UPDATE tickets SET status = ?, updated_at = ?, worker = COALESCE(?, worker), charge_fen = COALESCE(?, charge_fen)
WHERE id = ?)sql");
    up.bind(1, req.status).bind(2, ctx.now).bind(3, req.worker).bind(4, req.charge_fen).bind(5, ticket_id);
    up.run();
    add_event(ctx.db, ticket_id, ctx.now, req.status, req.note);
    return republished(ctx, ticket_id);
}

ApiResponse accept_repair(ApiContext& ctx, const std::string& ticket_id, const protocol::AcceptanceRequest& req) {
    // 验收 comes through the kiosk's outbox, like a rating.
    if (auto refusal = refuse_ticket_access(ctx, ticket_id, req, VerificationUse::submitted)) return *refusal;
    const auto ticket = find_ticket(ctx.db, ticket_id);
    if (!ticket) return no_such_ticket(ticket_id);
    if (ticket->status != "awaiting_acceptance")
        return api_error(409, protocol::error_code::not_awaiting_acceptance,
                         "Repair ticket " + ticket_id + " is not waiting for acceptance; it is " + ticket->status + ".");
    // Rejected: the work is reopened with the resident's reason.
    const char* next_status = req.accepted ? "completed" : "in_progress";
    Statement up(ctx.db, R"sql(
UPDATE tickets SET status = ?, updated_at = ?, acceptance_accepted = ?, acceptance_comment = ?, acceptance_at = ?
WHERE id = ?)sql");
    up.bind(1, next_status).bind(2, ctx.now).bind(3, req.accepted ? 1 : 0).bind(4, req.comment).bind(5, ctx.now);
    up.bind(6, ticket_id);
    up.run();
    const std::string note = req.accepted ? "住户验收通过" + (req.comment ? "：" + *req.comment : std::string())
                                          : "住户验收未通过，已重新处理：" + req.comment.value_or("");
    add_event(ctx.db, ticket_id, ctx.now, next_status, note);
    return republished(ctx, ticket_id);
}

ApiResponse rate_repair(ApiContext& ctx, const std::string& ticket_id, const protocol::RatingRequest& req) {
    // Ratings come through the kiosk's outbox, possibly long after the verification.
    if (auto refusal = refuse_ticket_access(ctx, ticket_id, req, VerificationUse::submitted)) return *refusal;
    auto ticket = find_ticket(ctx.db, ticket_id);
    if (!ticket) return no_such_ticket(ticket_id);
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
    return republished(ctx, ticket_id);
}

} // namespace lobby::server::repairs
