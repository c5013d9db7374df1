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

// Starting over within the same person's session (another building, Back
// from a bill) keeps what belongs to the person, not to the step: their
// verification's session id and wrong tries, so starting over never skips a wait.
FeesSession start_over(FeesSession& old)
{
    FeesSession fresh;
    fresh.verification = household::start_over(old.verification);
    return fresh;
}

// A lookup's answer as the shared verification reads it.
household::VerifyAnswer verify_answer(const LookupDone& e)
{
    using household::Outcome;
    household::VerifyAnswer answer;
    switch (e.outcome) {
    case CallOutcome::Ok: answer.outcome = Outcome::Ok; break;
    case CallOutcome::WrongDigits: answer.outcome = Outcome::WrongDigits; break;
    case CallOutcome::Wait: answer.outcome = Outcome::Wait; break;
    case CallOutcome::Locked: answer.outcome = Outcome::Locked; break;
    case CallOutcome::UnknownUnit: answer.outcome = Outcome::UnknownUnit; break;
    case CallOutcome::NotCached: answer.outcome = Outcome::NotCached; break;
    case CallOutcome::NoOfflineCheck: answer.outcome = Outcome::NoOfflineCheck; break;
    default: answer.outcome = Outcome::ServerError; break;
    }
    if (answer.outcome == Outcome::Ok && !e.lookup)
        answer.outcome = Outcome::ServerError;
    answer.attempts_left = e.attempts_left;
    answer.locked_until_utc = e.locked_until_utc;
    answer.offline = e.offline;
    if (e.lookup)
        answer.token = e.lookup->verification_token;
    return answer;
}

} // namespace

FeesFeature::FeesFeature(const KioskConfig& config, std::shared_ptr<LockoutBook> book)
    : m_verifier(household::Verifier::rules_from(config), std::move(book))
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
    case FeesStep::Unit: return household::pick_back(fees.picker);
    case FeesStep::Digits:
        fees.step = FeesStep::Unit;  // the picker is still at the rooms
        m_verifier.leave(fees.verification);
        break;
    case FeesStep::Bill: {
        // Back from a verified bill starts over for this unit: the bill is
        // personal and must not stay one tap away.
        FeesSession fresh = start_over(fees);
        fresh.picker = fees.picker;
        fees = std::move(fresh);
        break;
    }
    case FeesStep::Choose: fees.step = FeesStep::Bill; fees.notice = FeesNotice::None; break;
    case FeesStep::Confirm:
        fees.step = FeesStep::Choose;
        fees.notice = FeesNotice::None;
        break;
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
    household::pick(fees.picker, r);
}

void FeesFeature::handle(State& fees, const RequestEntrance& r, FeatureContext&)
{
    household::pick(fees.picker, r);
}

void FeesFeature::handle(State& fees, const RequestRoomKey& r, FeatureContext&)
{
    if (fees.step == FeesStep::Unit)
        household::pick(fees.picker, r);
}

void FeesFeature::handle(State& fees, const RequestRoom& r, FeatureContext& ctx)
{
    if (fees.step != FeesStep::Unit)
        return;
    if (!household::pick(fees.picker, r))
        return;
    m_verifier.begin(fees.verification, r.unit_id, ctx);
    fees.step = FeesStep::Digits;
}

void FeesFeature::handle(State& fees, const RequestKey& r, FeatureContext&)
{
    if (fees.step != FeesStep::Digits || fees.awaiting_call != 0)
        return;
    m_verifier.key(fees.verification, r.key);
}

void FeesFeature::handle(State& fees, const RequestSubmit&, FeatureContext& ctx)
{
    if (fees.step != FeesStep::Digits || fees.awaiting_call != 0)
        return;
    const auto attempt = m_verifier.submit(fees.verification, ctx);
    if (!attempt)
        return;
    fees.verified_last4 = attempt->last4;
    fees.awaiting_call = ctx.call(FeesCall{CallFeeLookup{attempt->unit_id, attempt->last4, attempt->session_id}});
}

void FeesFeature::lookup_again(State& fees, FeatureContext& ctx)
{
    fees.refreshing = true;
    fees.awaiting_call = ctx.call(
        FeesCall{CallFeeLookup{fees.verification.unit_id, fees.verified_last4, fees.verification.session_id}});
}

void FeesFeature::answered(State& fees, const LookupDone& e, FeatureContext& ctx)
{
    if (fees.refreshing) {
        // The bill re-read after paying or an expired order: keep what we
        // showed if it fails, the payment itself is already known.
        fees.refreshing = false;
        if (e.outcome == CallOutcome::Ok && e.lookup) {
            fees.lookup = e.lookup;
            fees.verification.token = e.lookup->verification_token;
            fees.chosen = unpaid_ids(*fees.lookup);
        }
        return;
    }
    if (!m_verifier.answered(fees.verification, verify_answer(e), ctx)) {
        fees.verified_last4.clear();
        return;
    }
    fees.lookup = e.lookup;
    fees.chosen = unpaid_ids(*fees.lookup);
    fees.notice = FeesNotice::None;
    fees.step = FeesStep::Bill;
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

void FeesFeature::handle(State& fees, const RequestChooseKind& r, FeatureContext&)
{
    if (fees.step != FeesStep::Choose || fees.awaiting_call != 0 || !fees.lookup)
        return;
    // One tap per kind: a kind wholly chosen is unchosen, otherwise all of it is chosen.
    std::vector<std::string> of_kind;
    bool all_chosen = true;
    for (const FeeBill& bill : fees.lookup->bills)
        if (bill.fee_kind == r.fee_kind && bill.due_fen() > 0) {
            of_kind.push_back(bill.id);
            all_chosen = all_chosen && fees.chosen.count(bill.id) > 0;
        }
    for (const std::string& id : of_kind)
        if (all_chosen)
            fees.chosen.erase(id);
        else
            fees.chosen.insert(id);
}

void FeesFeature::handle(State& fees, const RequestPay&, FeatureContext& ctx)
{
    const bool choosing = fees.step == FeesStep::Choose, confirming = fees.step == FeesStep::Confirm;
    if ((!choosing && !confirming) || fees.awaiting_call != 0 || fees.chosen.empty() || !fees.lookup ||
        fees.lookup->from_cache)
        return;
    if (choosing && ctx.elderly) {
        // 长者模式: say what is about to be paid first; 确认支付 there makes the order.
        fees.step = FeesStep::Confirm;
        fees.notice = FeesNotice::None;
        return;
    }
    // Same bills as the last attempt: same key, so the server answers with
    // the order it may already have made instead of making another.
    if (fees.order_key.empty() || fees.order_bills != fees.chosen) {
        fees.order_key = lobby::protocol::make_uuid_v4();
        fees.order_bills = fees.chosen;
    }
    fees.awaiting_call =
        ctx.call(FeesCall{CallCreateOrder{fees.verification.unit_id, {fees.chosen.begin(), fees.chosen.end()}, fees.order_key,
                                          fees.verification.token}});
    fees.notice = FeesNotice::None;
}

void FeesFeature::handle(State& fees, const RequestChangeChoice&, FeatureContext&)
{
    if (fees.step != FeesStep::Confirm || fees.awaiting_call != 0)
        return;
    fees.step = FeesStep::Choose;
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
    if (m_verifier.on_tick(fees.verification, ctx))
        return true;  // a wait or lock counting down
    if (fees.step != FeesStep::Paying || !fees.order || fees.awaiting_call != 0 || fees.next_poll_ms == 0 ||
        ctx.now_ms < fees.next_poll_ms)
        return false;
    fees.awaiting_call = ctx.call(FeesCall{CallPollOrder{fees.order->id}});
    return false;  // not a visible change: no redraw
}

std::int64_t FeesFeature::next_tick_ms(const State& fees) const
{
    const std::int64_t poll = fees.next_poll_ms > 0 && fees.awaiting_call == 0 ? fees.next_poll_ms : INT64_MAX;
    return std::min(poll, m_verifier.next_tick_ms(fees.verification));
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
