// The fees flow: unit choice, digits, verification answers, the bill,
// choosing what to pay, the payment order and its polling. Network work is
// only asked for (online calls through the context); answers come back to
// on_answer with the id of the call they answer.
#include "features/fees/core/fees_feature.hpp"

#include "core/feature_adapter.hpp"
#include "protocol/uuid.hpp"

#include <algorithm>

namespace kiosk::fees {
namespace {

std::set<std::string> unpaid_ids(const FeeLookup& lookup)
{
    std::set<std::string> ids;
    for (const FeeBill& bill : lookup.bills)
        if (bill.due_fen() > 0)
            ids.insert(bill.id);
    return ids;
}

FeeRules fee_rules(const KioskConfig& config)
{
    return FeeRules{config.fees_free_tries, config.fees_delay_s, config.fees_lockout_failures,
                    config.fees_lockout_window_s, config.fees_lockout_s};
}

// Starting over within the same person's session (another building, Back
// from a bill) keeps what belongs to the person, not to the step: their
// session id and their wrong tries, so starting over never skips a wait.
FeesSession start_over(FeesSession& old)
{
    FeesSession fresh;
    fresh.session_id = std::move(old.session_id);
    fresh.tries = std::move(old.tries);
    return fresh;
}

constexpr std::int64_t countdown_tick_ms = 500;  // a seconds countdown stays on time

} // namespace

FeesFeature::FeesFeature(const KioskConfig& config, std::shared_ptr<LockoutBook> book)
    : m_guard(fee_rules(config), book ? std::move(book) : std::make_shared<MemoryLockoutBook>())
{
}

FeatureCore fees_core(const KioskConfig& config, std::shared_ptr<LockoutBook> book)
{
    return make_feature_core(std::make_shared<FeesFeature>(config, std::move(book)), feature_id,
                             HomeTileSpec{"home.tile.fees", "home.tile.fees", "credit-card"}, "fees.title");
}

void FeesFeature::on_request(State& fees, const Request& request, FeatureContext& ctx)
{
    std::visit([&](const auto& r) { handle(fees, r, ctx); }, request);
}

void FeesFeature::on_answer(State& fees, std::uint64_t call_id, const Answer& answer, FeatureContext& ctx)
{
    if (call_id == 0 || call_id != fees.awaiting_call)
        return;  // an answer for a person who left, or a step they left
    fees.awaiting_call = 0;
    std::visit([&](const auto& e) { answered(fees, e, ctx); }, answer);
}

int FeesFeature::min_idle_timeout_s(const State& fees) const
{
    // While a QR code is up the person is paying on their phone.
    return fees.step == FeesStep::Paying ? paying_idle_timeout_s : 0;
}

bool FeesFeature::on_back(State& fees, FeatureContext&)
{
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
    case FeesStep::Bill: {
        // Back from a verified bill starts over for this unit: the bill is
        // personal and must not stay one tap away.
        FeesSession fresh = start_over(fees);
        fresh.step = FeesStep::Room;
        fresh.building = fees.building;
        fresh.entrance = fees.entrance;
        fees = std::move(fresh);
        break;
    }
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

void FeesFeature::handle(State& fees, const RequestBuilding& r, FeatureContext&)
{
    fees = start_over(fees);
    fees.building = r.building;
    fees.step = FeesStep::Entrance;
}

void FeesFeature::handle(State& fees, const RequestEntrance& r, FeatureContext&)
{
    fees.entrance = r.entrance;
    fees.step = FeesStep::Room;
}

void FeesFeature::handle(State& fees, const RequestRoom& r, FeatureContext& ctx)
{
    fees.unit_id = r.unit_id;
    fees.digits.clear();
    fees.notice = FeesNotice::None;
    fees.countdown_tick_ms = 0;
    fees.step = FeesStep::Digits;
    // Back at a unit this person is waiting for: the countdown, not a keypad.
    if (const auto it = fees.tries.find(r.unit_id); it != fees.tries.end() && it->second.retry_at_utc > ctx.now_utc_s)
        show_wait(fees, it->second.retry_at_utc, ctx);
}

void FeesFeature::handle(State& fees, const RequestKey& r, FeatureContext&)
{
    if (fees.step != FeesStep::Digits || fees.awaiting_call != 0)
        return;
    fees.digits.press(r.key);
    // A new try has begun: the last one's "wrong number" no longer applies.
    // (A wait or a lock keeps counting down.)
    if (fees.notice == FeesNotice::WrongDigits || fees.notice == FeesNotice::ServerError)
        fees.notice = FeesNotice::None;
}

void FeesFeature::handle(State& fees, const RequestSubmit&, FeatureContext& ctx)
{
    if (fees.step != FeesStep::Digits || fees.awaiting_call != 0 || !fees.digits.full())
        return;
    // A unit locked on this kiosk is still asked about: online the server
    // decides (staff may have lifted its lock); offline answers are refused
    // in answered() while the kiosk's own lock runs.
    if (const std::int64_t retry_at = fees.tries[fees.unit_id].retry_at_utc; retry_at > ctx.now_utc_s) {
        fees.digits.clear();
        show_wait(fees, retry_at, ctx);
        return;
    }
    if (fees.session_id.empty())
        fees.session_id = lobby::protocol::make_uuid_v4();
    fees.verified_last4 = fees.digits.take();
    fees.verification_token.clear();  // a new verification: the old proof no longer counts
    fees.awaiting_call = ctx.call(FeesCall{CallFeeLookup{fees.unit_id, fees.verified_last4, fees.session_id}});
    fees.notice = FeesNotice::None;
    fees.countdown_tick_ms = 0;
}

void FeesFeature::lookup_again(State& fees, FeatureContext& ctx)
{
    fees.refreshing = true;
    fees.awaiting_call = ctx.call(FeesCall{CallFeeLookup{fees.unit_id, fees.verified_last4, fees.session_id}});
}

void FeesFeature::show_wait(State& fees, std::int64_t retry_at_utc, FeatureContext& ctx)
{
    fees.notice = FeesNotice::Wait;
    fees.retry_at_utc = retry_at_utc;
    fees.countdown_tick_ms = ctx.now_ms + countdown_tick_ms;
}

void FeesFeature::show_locked(State& fees, std::int64_t until_utc, FeatureContext& ctx)
{
    fees.notice = FeesNotice::Locked;
    fees.locked_until_utc = until_utc;
    fees.countdown_tick_ms = ctx.now_ms + countdown_tick_ms;
}

void FeesFeature::answered(State& fees, const LookupDone& e, FeatureContext& ctx)
{
    if (fees.refreshing) {
        // The bill re-read after paying or an expired order: keep what we
        // showed if it fails, the payment itself is already known.
        fees.refreshing = false;
        if (e.outcome == CallOutcome::Ok && e.lookup) {
            fees.lookup = e.lookup;
            fees.verification_token = e.lookup ? e.lookup->verification_token : std::string();
            fees.chosen = unpaid_ids(*fees.lookup);
        }
        return;
    }
    SessionTries& tries = fees.tries[fees.unit_id];
    if (const std::int64_t until = e.offline ? m_guard.locked_until(fees.unit_id, ctx.now_utc_s) : 0) {
        // Offline while the unit is locked here: the cache's verdict is not
        // used, right or wrong, and not counted.
        fees.verified_last4.clear();
        show_locked(fees, until, ctx);
        return;
    }
    switch (e.outcome) {
    case CallOutcome::Ok:
        m_guard.success(tries, fees.unit_id);
        fees.lookup = e.lookup;
        fees.verification_token = e.lookup ? e.lookup->verification_token : std::string();
        fees.chosen = fees.lookup ? unpaid_ids(*fees.lookup) : std::set<std::string>{};
        fees.notice = FeesNotice::None;
        fees.step = FeesStep::Bill;
        break;
    case CallOutcome::WrongDigits: {
        // The kiosk counts every wrong try itself (offline there is no
        // server count); the stricter of its verdict and the server's holds.
        fees.verified_last4.clear();
        const AfterWrongTry after = m_guard.failure(tries, fees.unit_id, ctx.now_utc_s);
        const std::int64_t retry_at = std::max(after.retry_at_utc, e.locked_until_utc);
        if (after.locked_until_utc > 0) {
            show_locked(fees, after.locked_until_utc, ctx);
        } else if (retry_at > ctx.now_utc_s) {
            tries.retry_at_utc = retry_at;
            show_wait(fees, retry_at, ctx);
        } else {
            fees.notice = FeesNotice::WrongDigits;
            fees.attempts_left = e.attempts_left >= 0 ? std::min(after.free_left, e.attempts_left) : after.free_left;
        }
        break;
    }
    case CallOutcome::Wait:
        fees.verified_last4.clear();
        tries.retry_at_utc = std::max(tries.retry_at_utc, e.locked_until_utc);
        show_wait(fees, tries.retry_at_utc, ctx);
        break;
    case CallOutcome::Locked:
        fees.verified_last4.clear();
        m_guard.server_locked(fees.unit_id, e.locked_until_utc);
        show_locked(fees, e.locked_until_utc, ctx);
        break;
    case CallOutcome::UnknownUnit: fees.verified_last4.clear(); fees.notice = FeesNotice::UnknownUnit; break;
    case CallOutcome::NotCached: fees.verified_last4.clear(); fees.notice = FeesNotice::NotCached; break;
    case CallOutcome::NoOfflineCheck: fees.verified_last4.clear(); fees.notice = FeesNotice::NoOfflineCheck; break;
    default: fees.verified_last4.clear(); fees.notice = FeesNotice::ServerError; break;
    }
}

void FeesFeature::handle(State& fees, const RequestExplain& r, FeatureContext&)
{
    fees.explain_kind = r.fee_kind;
}

void FeesFeature::handle(State& fees, const RequestTogglePaidHistory&, FeatureContext&)
{
    fees.show_paid_history = !fees.show_paid_history;
}

void FeesFeature::handle(State& fees, const RequestChoose&, FeatureContext&)
{
    if (fees.step != FeesStep::Bill || !fees.lookup)
        return;
    if (fees.lookup->from_cache) {
        // Payment is never simulated offline; say why instead.
        fees.notice = FeesNotice::PayNeedsNetwork;
    } else if (!unpaid_ids(*fees.lookup).empty()) {
        fees.step = FeesStep::Choose;
        fees.notice = FeesNotice::None;
    }
}

void FeesFeature::handle(State& fees, const RequestToggleBill& r, FeatureContext&)
{
    if (fees.step != FeesStep::Choose || fees.awaiting_call != 0 || !fees.lookup)
        return;
    if (!unpaid_ids(*fees.lookup).count(r.bill_id))
        return;
    if (!fees.chosen.erase(r.bill_id))
        fees.chosen.insert(r.bill_id);
}

void FeesFeature::handle(State& fees, const RequestChooseAll& r, FeatureContext&)
{
    if (fees.step != FeesStep::Choose || fees.awaiting_call != 0 || !fees.lookup)
        return;
    fees.chosen = r.all ? unpaid_ids(*fees.lookup) : std::set<std::string>{};
}

void FeesFeature::handle(State& fees, const RequestPay&, FeatureContext& ctx)
{
    if (fees.step != FeesStep::Choose || fees.awaiting_call != 0 || fees.chosen.empty() || !fees.lookup ||
        fees.lookup->from_cache)
        return;
    // Same bills as the last attempt: same key, so the server answers with
    // the order it may already have made instead of making another.
    if (fees.order_key.empty() || fees.order_bills != fees.chosen) {
        fees.order_key = lobby::protocol::make_uuid_v4();
        fees.order_bills = fees.chosen;
    }
    fees.awaiting_call =
        ctx.call(FeesCall{CallCreateOrder{fees.unit_id, {fees.chosen.begin(), fees.chosen.end()}, fees.order_key,
                                          fees.verification_token}});
    fees.notice = FeesNotice::None;
}

void FeesFeature::answered(State& fees, const OrderDone& e, FeatureContext& ctx)
{
    const bool polling = fees.step == FeesStep::Paying;
    if (e.outcome == CallOutcome::Ok && e.order) {
        fees.order = e.order;
        fees.notice = FeesNotice::None;
        if (e.order->status == "paid") {
            fees.step = FeesStep::Paid;
            fees.next_poll_ms = 0;
            ctx.pull_now();  // the bills changed: refresh the cache
            lookup_again(fees, ctx);
        } else if (e.order->status == "expired") {
            fees.step = FeesStep::Expired;
            fees.next_poll_ms = 0;
        } else {
            fees.step = FeesStep::Paying;
            fees.next_poll_ms = ctx.now_ms + ctx.config.fees_poll_interval_ms;
        }
    } else if (e.outcome == CallOutcome::Expired && polling) {
        fees.step = FeesStep::Expired;
        fees.next_poll_ms = 0;
    } else if (polling) {
        // Lost network or a server hiccup while waiting: keep the QR code up
        // and keep asking; the phone may well be paying right now.
        fees.notice = FeesNotice::PollFailing;
        fees.next_poll_ms = ctx.now_ms + ctx.config.fees_poll_interval_ms;
    } else if (e.outcome == CallOutcome::Conflict) {
        fees.notice = FeesNotice::BillsChanged;
        fees.order_key.clear();
        fees.step = FeesStep::Bill;
        lookup_again(fees, ctx);
    } else {
        fees.notice = FeesNotice::OrderFailed;  // "try again" reuses the key
    }
}

bool FeesFeature::on_tick(State& fees, FeatureContext& ctx)
{
    if (fees.countdown_tick_ms != 0 && ctx.now_ms >= fees.countdown_tick_ms) {
        // A wait or lock counting down: redraw until it ends, then once more
        // to give the keypad back.
        const std::int64_t until = fees.notice == FeesNotice::Wait     ? fees.retry_at_utc
                                   : fees.notice == FeesNotice::Locked ? fees.locked_until_utc
                                                                       : 0;
        fees.countdown_tick_ms = until > ctx.now_utc_s ? ctx.now_ms + countdown_tick_ms : 0;
        return true;
    }
    if (fees.step != FeesStep::Paying || !fees.order || fees.awaiting_call != 0 || fees.next_poll_ms == 0 ||
        ctx.now_ms < fees.next_poll_ms)
        return false;
    fees.awaiting_call = ctx.call(FeesCall{CallPollOrder{fees.order->id}});
    return false;  // not a visible change: no redraw
}

std::int64_t FeesFeature::next_tick_ms(const State& fees) const
{
    const std::int64_t poll = fees.next_poll_ms > 0 && fees.awaiting_call == 0 ? fees.next_poll_ms : INT64_MAX;
    return fees.countdown_tick_ms > 0 ? std::min(poll, fees.countdown_tick_ms) : poll;
}

void FeesFeature::handle(State& fees, const RequestRestart&, FeatureContext& ctx)
{
    if (fees.step != FeesStep::Expired && fees.step != FeesStep::Paid)
        return;
    fees.order.reset();
    fees.order_key.clear();
    fees.order_bills.clear();
    fees.next_poll_ms = 0;
    fees.notice = FeesNotice::None;
    fees.step = FeesStep::Bill;
    lookup_again(fees, ctx);
}

} // namespace kiosk::fees
