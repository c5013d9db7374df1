// A household's own tickets for the person at the kiosk (查询进度 by unit):
// readable only with this kiosk's fresh verification of that very unit.
#include "repairs/repairs.hpp"

#include "repairs/tickets.hpp"
#include "verification.hpp"

namespace lobby::server::repairs {
namespace {

// Why this caller may not read the unit's tickets; nullopt: it may.
std::optional<ApiResponse> refuse_unit_read(ApiContext& ctx, const protocol::UnitTicketsRequest& req) {
    if (ctx.caller.is_staff())
        return api_error(403, protocol::error_code::forbidden,
                         "Staff read tickets with GET /v1/repairs/{id} and the console's queue; this list is for "
                         "a household verified at a kiosk.");
    if (!req.verification_token)
        return api_error(403, protocol::error_code::verification_required,
                         "A unit's tickets are read with the verification_token of POST /v1/households/verify for "
                         "that unit; the kiosk's own token is not enough.");
    switch (verification_standing(ctx, *req.verification_token, req.unit_id, VerificationUse::online)) {
    case VerificationStanding::valid: return std::nullopt;
    case VerificationStanding::other_unit:
        return api_error(403, protocol::error_code::forbidden,
                         "This verification_token is for another unit; it never reads unit " + req.unit_id + "'s tickets.");
    case VerificationStanding::unknown:
    case VerificationStanding::expired: break;
    }
    // The person is at the kiosk: the verification must be minutes old.
    return api_error(401, protocol::error_code::verification_expired,
                     "The household verification has expired (it reads tickets for " +
                         std::to_string(ctx.config.verification_ttl_seconds / 60) +
                         " minutes) or was not issued to this kiosk; verify the household again with POST "
                         "/v1/households/verify.");
}

} // namespace

ApiResponse list_unit_tickets(ApiContext& ctx, const protocol::UnitTicketsRequest& req) {
    if (auto refusal = refuse_unit_read(ctx, req)) return *refusal;
    protocol::UnitTicketList list;
    list.unit_id = req.unit_id;
    Statement st(ctx.db, "SELECT id FROM tickets WHERE unit_id = ? ORDER BY created_at DESC, n DESC LIMIT ?");
    st.bind(1, req.unit_id).bind(2, static_cast<std::int64_t>(protocol::unit_tickets_max));
    while (st.step()) {
        auto ticket = find_ticket(ctx.db, st.text(0));
        if (!ticket) continue;
        ticket->client_ref.reset();  // another kiosk's handle on its own submission
        list.tickets.push_back(std::move(*ticket));
    }
    return api_ok(200, list);
}

} // namespace lobby::server::repairs
