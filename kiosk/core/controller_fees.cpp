// Controller: the Fees flow. Unit choice, digits, verification answers, the
// bill, choosing what to pay, the payment order and its polling. Network
// work is only asked for (live calls); answers come back as events.
#include "core/controller.hpp"

#include <cstdio>
#include <random>

namespace kiosk {
namespace {

constexpr std::size_t last4_digits = 4;

// A UUID v4 for the Idempotency-Key: made once per chosen set of bills, so
// a retry after a 5xx or a lost answer can never create a second order.
std::string make_idempotency_key()
{
    static std::mt19937_64 random(std::random_device{}());
    const std::uint64_t hi = random(), lo = random();
    char text[40];
    std::snprintf(text, sizeof text, "%08x-%04x-4%03x-%04x-%012llx", static_cast<unsigned>(hi >> 32),
                  static_cast<unsigned>((hi >> 16) & 0xFFFF), static_cast<unsigned>(hi & 0x0FFF),
                  static_cast<unsigned>(0x8000 | ((lo >> 48) & 0x3FFF)),
                  static_cast<unsigned long long>(lo & 0xFFFFFFFFFFFFULL));
    return text;
}

std::set<std::string> unpaid_ids(const FeeLookup& lookup)
{
    std::set<std::string> ids;
    for (const FeeBill& bill : lookup.bills)
        if (bill.due_fen() > 0)
            ids.insert(bill.id);
    return ids;
}

} // namespace

std::uint64_t Controller::call(LiveCall live_call)
{
    const std::uint64_t id = m_next_call_id++;
    std::visit([id](auto& c) { c.id = id; }, live_call);
    m_live_calls.push_back(std::move(live_call));
    return id;
}

void Controller::apply_event(const LiveEvent& event, std::int64_t now_ms)
{
    std::visit([&](const auto& e) { on_event(e, now_ms); }, event);
}

bool Controller::fees_step_back()
{
    FeesSession& fees = m_state.session.fees;
    if (fees.awaiting_call != 0 && fees.step != FeesStep::Paying)
        fees.awaiting_call = 0;  // its answer no longer matters
    switch (fees.step) {
    case FeesStep::Building: return false;
    case FeesStep::Entrance: fees.step = FeesStep::Building; break;
    case FeesStep::Room: fees.step = FeesStep::Entrance; break;
    case FeesStep::Digits:
        fees.step = FeesStep::Room;
        fees.digits.clear();
        fees.notice = FeesNotice::None;
        break;
    case FeesStep::Bill:
        // Back from a verified bill starts over for this unit: the bill is
        // personal and must not stay one tap away.
    {
        FeesSession fresh;
        fresh.step = FeesStep::Room;
        fresh.building = fees.building;
        fresh.entrance = fees.entrance;
        fees = std::move(fresh);
    }
        break;
    case FeesStep::Choose: fees.step = FeesStep::Bill; fees.notice = FeesNotice::None; break;
    case FeesStep::Paying:
    case FeesStep::Expired:
        // The order stays valid on the server; paying it later is harmless
        // because bills are checked again when it is paid.
        fees.order.reset();
        fees.next_poll_ms = 0;
        fees.awaiting_call = 0;
        fees.step = FeesStep::Choose;
        fees.notice = FeesNotice::None;
        break;
    case FeesStep::Paid: return false;
    }
    return true;
}

void Controller::handle(const RequestFeesBuilding& r, std::int64_t)
{
    FeesSession& fees = m_state.session.fees;
    fees = FeesSession{};
    fees.building = r.building;
    fees.step = FeesStep::Entrance;
    changed();
}

void Controller::handle(const RequestFeesEntrance& r, std::int64_t)
{
    FeesSession& fees = m_state.session.fees;
    fees.entrance = r.entrance;
    fees.step = FeesStep::Room;
    changed();
}

void Controller::handle(const RequestFeesRoom& r, std::int64_t)
{
    FeesSession& fees = m_state.session.fees;
    fees.unit_id = r.unit_id;
    fees.digits.clear();
    fees.notice = FeesNotice::None;
    fees.step = FeesStep::Digits;
    changed();
}

void Controller::handle(const RequestFeesKey& r, std::int64_t)
{
    FeesSession& fees = m_state.session.fees;
    if (fees.step != FeesStep::Digits || fees.awaiting_call != 0)
        return;
    if (r.key == '<') {
        if (!fees.digits.empty())
            fees.digits.pop_back();
    } else if (r.key >= '0' && r.key <= '9' && fees.digits.size() < last4_digits) {
        fees.digits += r.key;
    }
    changed();
}

void Controller::handle(const RequestFeesSubmit&, std::int64_t now_ms)
{
    FeesSession& fees = m_state.session.fees;
    if (fees.step != FeesStep::Digits || fees.awaiting_call != 0 || fees.digits.size() != last4_digits)
        return;
    if (m_fee_guard.locked(fees.unit_id, now_ms)) {
        fees.digits.clear();
        fees.notice = FeesNotice::Locked;
        fees.locked_until_ms = m_fee_guard.locked_until_ms(fees.unit_id);
        changed();
        return;
    }
    fees.verified_last4 = std::exchange(fees.digits, {});
    fees.awaiting_call = call(CallFeeLookup{0, fees.unit_id, fees.verified_last4});
    fees.notice = FeesNotice::None;
    changed();
}

void Controller::lookup_again(FeesSession& fees)
{
    fees.refreshing = true;
    fees.awaiting_call = call(CallFeeLookup{0, fees.unit_id, fees.verified_last4});
}

void Controller::on_event(const EventFeesLookupDone& e, std::int64_t now_ms)
{
    FeesSession& fees = m_state.session.fees;
    if (e.call_id == 0 || e.call_id != fees.awaiting_call)
        return;  // an answer for a person who left, or a step they left
    fees.awaiting_call = 0;
    if (fees.refreshing) {
        // The bill re-read after paying or an expired order: keep what we
        // showed if it fails, the payment itself is already known.
        fees.refreshing = false;
        if (e.outcome == CallOutcome::Ok && e.lookup) {
            fees.lookup = e.lookup;
            fees.chosen = unpaid_ids(*fees.lookup);
        }
        changed();
        return;
    }
    switch (e.outcome) {
    case CallOutcome::Ok:
        m_fee_guard.success(fees.unit_id);
        fees.lookup = e.lookup;
        fees.chosen = fees.lookup ? unpaid_ids(*fees.lookup) : std::set<std::string>{};
        fees.notice = FeesNotice::None;
        fees.step = FeesStep::Bill;
        break;
    case CallOutcome::WrongDigits: {
        fees.verified_last4.clear();
        const int kiosk_left = m_fee_guard.failure(fees.unit_id, now_ms);
        if (kiosk_left == 0) {
            fees.notice = FeesNotice::Locked;
            fees.locked_until_ms = m_fee_guard.locked_until_ms(fees.unit_id);
        } else {
            fees.notice = FeesNotice::WrongDigits;
            fees.attempts_left = e.attempts_left >= 0 ? std::min(kiosk_left, e.attempts_left) : kiosk_left;
        }
        break;
    }
    case CallOutcome::Locked:
        fees.verified_last4.clear();
        fees.notice = FeesNotice::Locked;
        fees.locked_until_utc = e.locked_until_utc;
        break;
    case CallOutcome::UnknownUnit: fees.verified_last4.clear(); fees.notice = FeesNotice::UnknownUnit; break;
    case CallOutcome::NotCached: fees.verified_last4.clear(); fees.notice = FeesNotice::NotCached; break;
    default: fees.verified_last4.clear(); fees.notice = FeesNotice::ServerError; break;
    }
    changed();
}

void Controller::handle(const RequestFeesExplain& r, std::int64_t)
{
    m_state.session.fees.explain_kind = r.fee_kind;
    changed();
}

void Controller::handle(const RequestFeesChoose&, std::int64_t)
{
    FeesSession& fees = m_state.session.fees;
    if (fees.step != FeesStep::Bill || !fees.lookup)
        return;
    if (fees.lookup->from_cache) {
        // Payment is never simulated offline; say why instead.
        fees.notice = FeesNotice::PayNeedsNetwork;
    } else if (!unpaid_ids(*fees.lookup).empty()) {
        fees.step = FeesStep::Choose;
        fees.notice = FeesNotice::None;
    }
    changed();
}

void Controller::handle(const RequestFeesToggleBill& r, std::int64_t)
{
    FeesSession& fees = m_state.session.fees;
    if (fees.step != FeesStep::Choose || fees.awaiting_call != 0 || !fees.lookup)
        return;
    if (!unpaid_ids(*fees.lookup).count(r.bill_id))
        return;
    if (!fees.chosen.erase(r.bill_id))
        fees.chosen.insert(r.bill_id);
    changed();
}

void Controller::handle(const RequestFeesChooseAll& r, std::int64_t)
{
    FeesSession& fees = m_state.session.fees;
    if (fees.step != FeesStep::Choose || fees.awaiting_call != 0 || !fees.lookup)
        return;
    fees.chosen = r.all ? unpaid_ids(*fees.lookup) : std::set<std::string>{};
    changed();
}

void Controller::handle(const RequestFeesPay&, std::int64_t)
{
    FeesSession& fees = m_state.session.fees;
    if (fees.step != FeesStep::Choose || fees.awaiting_call != 0 || fees.chosen.empty() || !fees.lookup ||
        fees.lookup->from_cache)
        return;
    // Same bills as the last attempt: same key, so the server answers with
    // the order it may already have made instead of making another.
    if (fees.order_key.empty() || fees.order_bills != fees.chosen) {
        fees.order_key = make_idempotency_key();
        fees.order_bills = fees.chosen;
    }
    fees.awaiting_call = call(CallCreateOrder{0, fees.unit_id, {fees.chosen.begin(), fees.chosen.end()}, fees.order_key});
    fees.notice = FeesNotice::None;
    changed();
}

void Controller::on_event(const EventOrderDone& e, std::int64_t now_ms)
{
    FeesSession& fees = m_state.session.fees;
    if (e.call_id == 0 || e.call_id != fees.awaiting_call)
        return;
    fees.awaiting_call = 0;
    const bool polling = fees.step == FeesStep::Paying;
    if (e.outcome == CallOutcome::Ok && e.order) {
        fees.order = e.order;
        fees.notice = FeesNotice::None;
        if (e.order->status == "paid") {
            fees.step = FeesStep::Paid;
            fees.next_poll_ms = 0;
            call(CallPullNow{});
            lookup_again(fees);
        } else if (e.order->status == "expired") {
            fees.step = FeesStep::Expired;
            fees.next_poll_ms = 0;
        } else {
            fees.step = FeesStep::Paying;
            fees.next_poll_ms = now_ms + m_config.fees_poll_interval_ms;
        }
    } else if (e.outcome == CallOutcome::Expired && polling) {
        fees.step = FeesStep::Expired;
        fees.next_poll_ms = 0;
    } else if (polling) {
        // Lost network or a server hiccup while waiting: keep the QR code up
        // and keep asking; the phone may well be paying right now.
        fees.notice = FeesNotice::PollFailing;
        fees.next_poll_ms = now_ms + m_config.fees_poll_interval_ms;
    } else if (e.outcome == CallOutcome::Conflict) {
        fees.notice = FeesNotice::BillsChanged;
        fees.order_key.clear();
        fees.step = FeesStep::Bill;
        lookup_again(fees);
    } else {
        fees.notice = FeesNotice::OrderFailed;  // "try again" reuses the key
    }
    changed();
}

void Controller::fees_tick(std::int64_t now_ms)
{
    FeesSession& fees = m_state.session.fees;
    if (fees.step != FeesStep::Paying || !fees.order || fees.awaiting_call != 0 || fees.next_poll_ms == 0 ||
        now_ms < fees.next_poll_ms)
        return;
    fees.awaiting_call = call(CallPollOrder{0, fees.order->id});
    // Not a visible change: no version bump, no redraw.
}

void Controller::handle(const RequestFeesRestart&, std::int64_t)
{
    FeesSession& fees = m_state.session.fees;
    if (fees.step != FeesStep::Expired && fees.step != FeesStep::Paid)
        return;
    fees.order.reset();
    fees.order_key.clear();
    fees.order_bills.clear();
    fees.next_poll_ms = 0;
    fees.notice = FeesNotice::None;
    fees.step = FeesStep::Bill;
    lookup_again(fees);
    changed();
}

} // namespace kiosk
