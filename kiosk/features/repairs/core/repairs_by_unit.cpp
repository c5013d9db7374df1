// 查询进度 by unit: the shared unit picker and household verification, then
// the household's own tickets from the office, each opening the same ticket
// screen as the follow-up code. The list needs the office (the offline check
// proves the household but has no tickets), and it stays in this person's
// session only.
#include "features/repairs/core/repairs_feature.hpp"

#include <algorithm>

namespace kiosk::repairs {

void RepairsFeature::forget_unit(State& s)
{
    s.unit_tickets.clear();
    s.track_by_unit = false;
    if (s.ticket_from_unit)
        s.ticket.reset();
    s.ticket_from_unit = false;
    s.picker = household::UnitPicker{};
    s.verification = household::start_over(s.verification);  // the token goes too
}

// The office no longer takes the household's token: pick the unit again.
void RepairsFeature::verify_again(State& s)
{
    forget_unit(s);
    s.track_by_unit = true;
    s.step = RepairsStep::Unit;
    s.notice = RepairsNotice::VerifyAgain;
}

// No office to ask: the follow-up code is the way that is left (its own
// lookup says so too when it cannot reach the office).
void RepairsFeature::needs_network(State& s)
{
    forget_unit(s);
    s.code.clear();
    s.step = RepairsStep::CodeEntry;
    s.notice = RepairsNotice::UnitNeedsNetwork;
}

void RepairsFeature::handle(State& s, const RequestTrackByUnit&, FeatureContext&)
{
    if (s.step != RepairsStep::CodeEntry || s.awaiting_call)
        return;
    forget_unit(s);
    s.track_by_unit = true;
    s.step = RepairsStep::Unit;
}

// The verification's answer while tracking by unit (the Verifier has
// already counted it): the list online; offline, the code path instead.
void RepairsFeature::unit_verified(State& s, bool verified, const household::VerifyAnswer& a, FeatureContext& ctx)
{
    const bool unanswerable = a.outcome == household::Outcome::NotCached ||
                              a.outcome == household::Outcome::NoOfflineCheck ||
                              a.outcome == household::Outcome::ServerError;
    if (a.offline && (verified || unanswerable)) {
        needs_network(s);
        return;
    }
    if (!verified)
        return;  // the keypad says why (wrong digits, a wait, a lock)
    s.step = RepairsStep::UnitTickets;
    s.unit_tickets.clear();
    list_unit_tickets(s, ctx);
}

void RepairsFeature::list_unit_tickets(State& s, FeatureContext& ctx)
{
    s.awaiting_call =
        ctx.call(RepairsCall{CallUnitTickets{s.verification.verified_unit_id, s.verification.token}});
}

void RepairsFeature::answered(State& s, const UnitTicketsDone& a, FeatureContext&)
{
    if (s.step != RepairsStep::UnitTickets)
        return;
    switch (a.outcome) {
    case CallOutcome::Ok: {
        if (a.unit_id != s.verification.verified_unit_id) {
            s.notice = RepairsNotice::ServerError;
            return;
        }
        // Never another unit's, whatever came back.
        std::vector<TicketInfo> own;
        for (const TicketInfo& t : a.tickets)
            if (t.unit_id == s.verification.verified_unit_id)
                own.push_back(t);
        std::stable_sort(own.begin(), own.end(),
                         [](const TicketInfo& x, const TicketInfo& y) { return x.created_utc > y.created_utc; });
        s.unit_tickets = std::move(own);
        return;
    }
    case CallOutcome::Offline: needs_network(s); return;
    case CallOutcome::VerifyAgain: verify_again(s); return;
    case CallOutcome::NotFound:
    case CallOutcome::TooMany:
    case CallOutcome::ServerError:
        s.notice = RepairsNotice::ServerError;  // the list (if any) stays; 刷新 tries again
        return;
    }
}

void RepairsFeature::handle(State& s, const RequestOpenUnitTicket& r, FeatureContext&)
{
    if (s.step != RepairsStep::UnitTickets || s.awaiting_call)
        return;
    const auto it = std::find_if(s.unit_tickets.begin(), s.unit_tickets.end(),
                                 [&](const TicketInfo& t) { return t.id == r.ticket_id; });
    if (it == s.unit_tickets.end())
        return;
    s.ticket = *it;
    s.ticket_from_unit = true;
    s.code.clear();  // 验收 and the rating go with the household's token
    s.acceptance_sent = s.rating_sent = false;
    s.rating_given = 0;
    s.step = RepairsStep::Ticket;
}

void RepairsFeature::refresh_unit_ticket(State& s, FeatureContext& ctx)
{
    s.awaiting_call = ctx.call(RepairsCall{CallTicketForUnit{s.ticket->id, s.verification.token}});
}

// Back within tracking by unit; false when the step is not one of it.
bool RepairsFeature::back_from_unit(State& s)
{
    if (s.step == RepairsStep::Ticket && s.ticket_from_unit) {
        s.ticket.reset();
        s.ticket_from_unit = false;
        s.step = RepairsStep::UnitTickets;
        return true;
    }
    const bool leaving_picker = s.step == RepairsStep::Unit && s.track_by_unit && s.picker.step == household::PickStep::Building;
    if (s.step == RepairsStep::UnitTickets || leaving_picker) {
        forget_unit(s);
        s.step = RepairsStep::CodeEntry;
        return true;
    }
    return false;
}

} // namespace kiosk::repairs
