// Builds the Fees screen's view model from the person's FeesSession and the
// cached units and fee kinds. Amounts come from the server as shown; the
// kiosk never recomputes a total the office has stated.
#include "features/fees/core/fees_feature.hpp"

#include "core/money.hpp"
#include "core/spoken_text.hpp"
#include "core/text_lookup.hpp"
#include "protocol/time.hpp"

#include <cmath>
#include <cstdio>
#include <algorithm>
#include <map>
#include <set>

namespace kiosk::fees {
namespace {

using FeesText = TextLookup;

std::string period_text(const FeesText& t, const std::string& period)
{
    // "2026-10" -> 2026年10月 / 10/2026; anything else is shown as it came
    // (never std::stoi: a malformed period from the cache must not throw).
    const auto digit = [&period](std::size_t i) { return period[i] >= '0' && period[i] <= '9'; };
    if (period.size() != 7 || period[4] != '-' || !digit(5) || !digit(6))
        return period;
    const int month = (period[5] - '0') * 10 + (period[6] - '0');
    return t("fees.period", {{"y", period.substr(0, 4)}, {"m", std::to_string(month)}});
}

const FeeKindInfo* find_kind(const FeesCache& cache, const std::string& code)
{
    for (const FeeKindInfo& kind : cache.fee_kinds)
        if (kind.code == code)
            return &kind;
    return nullptr;
}

std::string kind_name(const FeesText& t, const FeesCache& cache, const std::string& code)
{
    const FeeKindInfo* kind = find_kind(cache, code);
    return kind ? kind->name.in(t.language) : code;
}

// Management fee: area × rate, the rate derived from the office's amount.
std::string management_detail(const UnitInfo& unit, const FeeBill& bill)
{
    if (unit.area_m2 <= 0)
        return {};
    const auto rate_fen = static_cast<std::int64_t>(std::llround(static_cast<double>(bill.amount_fen) / unit.area_m2));
    char area[32];
    std::snprintf(area, sizeof area, "%.2f㎡", unit.area_m2);
    return std::string(area) + " × " + format_fen(rate_fen) + "/㎡";
}

std::string status_text(const FeesText& t, const FeeBill& bill)
{
    std::string text = bill.status == "paid"      ? t("fees.status_paid")
                       : bill.status == "partial" ? t("fees.status_partial", {{"paid", format_fen(bill.paid_fen)}})
                                                  : t("fees.status_unpaid");
    if (bill.late && bill.due_fen() > 0)
        text += " · " + t("fees.late");  // a word, not only a colour
    return text;
}

void build_bill(const FeesCache& cache, const FeatureViewInputs& in, const FeesText& t, const FeesSession& fees, FeesView& view)
{
    const FeeLookup& lookup = *fees.lookup;
    view.unit_label = household::unit_label(cache.units, lookup.unit.id, in);
    view.owner_line = t("fees.owner", {{"name", lookup.unit.owner_masked}});
    view.total_label = t("fees.total_due");
    view.total_amount = format_fen(lookup.total_due_fen);  // the server's total, not our sum
    if (lookup.late_due_fen > 0)
        view.late_line = t("fees.late_part", {{"amount", format_fen(lookup.late_due_fen)}});
    if (lookup.total_due_fen <= 0)
        view.settled_line = t("fees.all_paid");
    if (lookup.from_cache)
        view.as_of_line = in.sync.last_sync_utc > 0 ? t("fees.as_of", {{"time", lobby::protocol::format_hh_mm_shanghai(in.sync.last_sync_utc)}})
                                                    : t("fees.as_of_unknown");

    // What is owed first: per kind, overdue then other unpaid bills (newest
    // first within each); paid bills are folded behind one button, and the
    // management fee's rate is said once per kind, not under every month.
    std::map<std::string, std::size_t> group_of;
    std::map<std::string, std::int64_t> subtotal;
    std::map<std::string, std::vector<FeeLineView>> late, unpaid, paid;
    int paid_count = 0;
    for (const FeeBill& bill : lookup.bills) {
        auto [it, added] = group_of.emplace(bill.fee_kind, view.groups.size());
        if (added) {
            FeeGroupView group;
            group.kind = bill.fee_kind;
            group.name = kind_name(t, cache, bill.fee_kind);
            if (bill.fee_kind == "management")
                group.rate = management_detail(lookup.unit, bill);  // bills are newest first: today's rate
            if (find_kind(cache, bill.fee_kind)) {
                group.explain_id = "fees.explain." + bill.fee_kind;
                group.explain_label = t("fees.explain");
            }
            view.groups.push_back(std::move(group));
        }
        FeeLineView line;
        line.period = period_text(t, bill.period);
        line.amount = format_fen(bill.amount_fen);
        line.status = status_text(t, bill);
        line.late = bill.late && bill.due_fen() > 0;
        line.open = bill.due_fen() > 0;
        subtotal[bill.fee_kind] += bill.due_fen();
        if (!line.open)
            ++paid_count;
        (line.late ? late : line.open ? unpaid : paid)[bill.fee_kind].push_back(std::move(line));
    }
    for (FeeGroupView& group : view.groups) {
        group.subtotal = t("fees.group_due", {{"amount", format_fen(subtotal[group.kind])}});
        for (auto* part : {&late, &unpaid})
            for (FeeLineView& line : (*part)[group.kind])
                group.lines.push_back(std::move(line));
        if (fees.show_paid_history)
            for (FeeLineView& line : paid[group.kind])
                group.lines.push_back(std::move(line));
    }
    std::stable_sort(view.groups.begin(), view.groups.end(), [&](const FeeGroupView& a, const FeeGroupView& b) {
        return (subtotal[a.kind] > 0) > (subtotal[b.kind] > 0);
    });
    if (paid_count > 0) {
        view.history_id = "fees.history";
        view.history_label = fees.show_paid_history ? t("fees.history_hide")
                                                    : t("fees.history_show", {{"count", std::to_string(paid_count)}});
    }

    view.pay_visible = lookup.total_due_fen > 0;
    view.pay_label = t("fees.pay");
    // Offline the button is drawn disabled with its reason beside it, so the
    // reason is not repeated as a message when it is tapped.
    view.pay_enabled = !lookup.from_cache;
    if (!view.pay_enabled)
        view.pay_disabled_reason = t("fees.pay_needs_network");
    if (fees.notice == FeesNotice::PayNeedsNetwork && view.pay_enabled) {
        view.message = t("fees.pay_needs_network");
        view.message_is_problem = true;
    } else if (fees.notice == FeesNotice::BillsChanged) {
        view.message = t("fees.bills_changed");
        view.message_is_problem = true;
    }
    view.prompt = lookup.from_cache ? t("fees.bill_offline") : t("fees.bill_prompt");
}

void build_choose(const FeesCache& cache, const FeesText& t, const FeesSession& fees, FeesView& view)
{
    const FeeLookup& lookup = *fees.lookup;
    view.prompt = t("fees.ask_choose");
    // One group per kind, its overdue bills first; kinds with something
    // overdue come first. Bills arrive newest first and stay so within a part.
    std::vector<std::string> kinds;
    std::map<std::string, std::vector<const FeeBill*>> late, unpaid;
    for (const FeeBill& bill : lookup.bills) {
        if (bill.due_fen() <= 0)
            continue;
        if (!late.count(bill.fee_kind) && !unpaid.count(bill.fee_kind))
            kinds.push_back(bill.fee_kind);
        (bill.late ? late : unpaid)[bill.fee_kind].push_back(&bill);
    }
    std::stable_sort(kinds.begin(), kinds.end(),
                     [&](const std::string& a, const std::string& b) { return late.count(a) > late.count(b); });
    std::int64_t chosen_fen = 0;
    for (const std::string& kind : kinds) {
        ChooseGroupView group;
        group.kind = kind;
        group.id = "fees.choose_kind." + kind;
        std::int64_t kind_fen = 0;
        int count = 0, chosen = 0;
        for (auto* part : {&late, &unpaid})
            for (const FeeBill* bill : (*part)[kind]) {
                const bool selected = fees.chosen.count(bill->id) > 0;
                ++count;
                if (selected) {
                    ++chosen;
                    kind_fen += bill->due_fen();
                }
                std::string label = period_text(t, bill->period);
                if (bill->late)
                    label += " · " + t("fees.late");
                group.rows.push_back({bill->id, "fees.bill." + bill->id, std::move(label), format_fen(bill->due_fen()), selected});
            }
        chosen_fen += kind_fen;
        group.all_chosen = chosen == count;
        group.some_chosen = chosen > 0;
        // A tick and a count in words, never colour alone.
        group.label = std::string(group.all_chosen ? "✓ " : "") + kind_name(t, cache, kind) + "  " +
                      t("fees.kind_chosen", {{"n", std::to_string(chosen)}, {"count", std::to_string(count)},
                                             {"amount", format_fen(kind_fen)}});
        view.choose_groups.push_back(std::move(group));
    }
    view.all_label = t("fees.choose_all");
    view.none_label = t("fees.choose_none");
    // An estimate for the button only; the order shows the server's amount.
    view.chosen_total = t("fees.chosen_total", {{"n", std::to_string(fees.chosen.size())}, {"amount", format_fen(chosen_fen)}});
    view.can_create = !fees.chosen.empty() && fees.awaiting_call == 0;
    view.create_label = fees.notice == FeesNotice::OrderFailed ? t("fees.retry") : t("fees.create_order");
    view.busy_text = t("fees.creating");
    if (fees.notice == FeesNotice::OrderFailed) {
        view.message = t("fees.order_failed");
        view.message_is_problem = true;
    }
}

// The chosen bills of each kind, in the bill's order: their months as one
// list ("2026年10月、2026年9月") and what is due on them.
struct KindItems {
    std::string kind, periods;
    std::vector<std::string> raw_periods;  // "2026-10", as the bills have them
    std::int64_t due_fen = 0;
};

std::vector<KindItems> items_by_kind(const FeesText& t, const FeeLookup& lookup, const std::set<std::string>& ids)
{
    std::vector<KindItems> out;
    for (const FeeBill& bill : lookup.bills) {
        if (!ids.count(bill.id))
            continue;
        auto it = std::find_if(out.begin(), out.end(), [&](const KindItems& k) { return k.kind == bill.fee_kind; });
        if (it == out.end())
            it = out.insert(out.end(), KindItems{bill.fee_kind, {}, {}, 0});
        else
            it->periods += t("fees.list_separator");
        it->periods += period_text(t, bill.period);
        it->raw_periods.push_back(bill.period);
        it->due_fen += bill.due_fen();
    }
    return out;
}

// 长者模式's read-back before the QR code: which unit, what, how much, and
// the total as people say it (一千二百三十四元五角), in the voice of the
// screen's language.
void build_confirm(const FeesCache& cache, const FeatureViewInputs& in, const FeesText& t, const FeesSession& fees,
                   FeesView& view)
{
    const FeeLookup& lookup = *fees.lookup;
    ReadBackView& rb = view.read_back;
    rb.prompt = t("fees.confirm_prompt");
    rb.lines.push_back(t("fees.receipt_unit", {{"unit", household::unit_label(cache.units, lookup.unit.id, in)}}));
    std::int64_t total_fen = 0;
    for (KindItems& items : items_by_kind(t, lookup, fees.chosen)) {
        // Many months as a span and a count, so the line stays short at 2x.
        std::string periods = items.periods;
        if (items.raw_periods.size() > 2) {
            std::sort(items.raw_periods.begin(), items.raw_periods.end());
            periods = t("fees.confirm_span", {{"from", period_text(t, items.raw_periods.front())},
                                              {"to", period_text(t, items.raw_periods.back())},
                                              {"n", std::to_string(items.raw_periods.size())}});
        }
        rb.lines.push_back(t("fees.confirm_item", {{"kind", kind_name(t, cache, items.kind)},
                                                    {"periods", periods},
                                                    {"amount", format_fen(items.due_fen)}}));
        total_fen += items.due_fen;
    }
    rb.total_label = t("fees.confirm_total");
    rb.total = format_fen(total_fen);
    rb.total_words = spoken_form(rb.total, speech_voice_for(in.language, in.config));
    rb.confirm_label = fees.notice == FeesNotice::OrderFailed ? t("fees.retry") : t("fees.confirm_pay");
    rb.change_label = t("fees.change_choice");
    rb.busy = fees.awaiting_call != 0;
    rb.busy_text = t("fees.creating");
    if (fees.notice == FeesNotice::OrderFailed)
        rb.message = t("fees.order_failed");
}

// The receipt: what was paid, for which unit, when, by whom (masked), and
// the office's receipt page of this order to keep on the phone.
void build_receipt(const FeesCache& cache, const FeatureViewInputs& in, const FeesText& t, const FeesSession& fees,
                   FeesView& view)
{
    const PaymentOrderInfo& order = *fees.order;
    view.receipt_line = t("fees.receipt", {{"id", order.id}});
    const std::string unit_id = fees.lookup ? fees.lookup->unit.id : fees.verification.unit_id;
    view.receipt_details.push_back(t("fees.receipt_unit", {{"unit", household::unit_label(cache.units, unit_id, in)}}));
    if (order.paid_utc > 0)
        view.receipt_details.push_back(
            t("fees.receipt_time", {{"date", lobby::protocol::format_date_shanghai(order.paid_utc)},
                                    {"time", lobby::protocol::format_hh_mm_shanghai(order.paid_utc)}}));
    if (fees.lookup && !fees.lookup->unit.owner_masked.empty())
        view.receipt_details.push_back(t("fees.receipt_payer", {{"name", fees.lookup->unit.owner_masked}}));
    // The items of the order, one line per kind (the amount paid is the
    // order's, shown above): "物业管理费：2026年10月、2026年11月".
    if (fees.lookup)
        for (const KindItems& items : items_by_kind(t, *fees.lookup, {order.bill_ids.begin(), order.bill_ids.end()}))
            view.receipt_items.push_back(t("fees.receipt_item", {{"kind", kind_name(t, cache, items.kind)}, {"periods", items.periods}}));
    if (!order.receipt_url.empty()) {
        view.receipt_qr = order.receipt_url;
        view.receipt_qr_label = t("fees.receipt_qr");
    }
}

void build_order(const FeesCache& cache, const FeatureViewInputs& in, const FeesText& t, const FeesSession& fees, FeesView& view)
{
    const PaymentOrderInfo& order = *fees.order;
    view.amount_label = t("fees.order_amount");
    view.amount = format_fen(order.amount_fen);
    view.restart_label = t("fees.restart");
    switch (fees.step) {
    case FeesStep::Paying:
        view.prompt = t("fees.scan");
        view.qr_payload = order.qr_payload;
        // A web address can also be opened by hand; a payment app's own code
        // (WeChat Pay's weixin://...) only by scanning.
        if (order.qr_payload.rfind("http://", 0) == 0 || order.qr_payload.rfind("https://", 0) == 0) {
            view.open_address = order.qr_payload;
            view.url_label = t("fees.or_open");
        }
        if (order.expires_utc > 0)
            view.expires_line = t("fees.expires", {{"time", lobby::protocol::format_hh_mm_shanghai(order.expires_utc)}});
        view.busy_text = t("fees.waiting_payment");
        if (fees.notice == FeesNotice::PollFailing) {
            view.message = t("fees.poll_failing");
            view.message_is_problem = true;
        }
        break;
    case FeesStep::Paid:
        view.prompt = t("fees.paid");
        view.amount_label = t("fees.paid_amount");
        build_receipt(cache, in, t, fees, view);
        if (fees.lookup && !fees.refreshing)
            view.settled_line = fees.lookup->total_due_fen > 0
                                    ? t("fees.still_due", {{"amount", format_fen(fees.lookup->total_due_fen)}})
                                    : t("fees.all_paid");
        view.restart_label = t("fees.see_bill");
        break;
    default:
        view.prompt = t("fees.expired");
        break;
    }
}

} // namespace

FeesView FeesFeature::build_view(const FeesSession& fees, const FeesCache& cache, const FeatureViewInputs& in) const
{
    const FeesText t{in.catalog, in.language};
    FeesView view;
    view.step = fees.step;
    view.busy = fees.awaiting_call != 0 && fees.step != FeesStep::Paying && !fees.refreshing;
    switch (fees.step) {
    case FeesStep::Unit: view.picker = household::build_picker_view(fees.picker, cache.units, in, "fees"); break;
    case FeesStep::Digits:
        view.keypad = household::build_keypad_view(fees.verification, view.busy,
                                                   household::unit_label(cache.units, fees.verification.unit_id, in), in, "fees");
        break;
    case FeesStep::Bill:
        if (fees.lookup)
            build_bill(cache, in, t, fees, view);
        else
            view.busy_text = t("household.checking");
        view.busy = view.busy || !fees.lookup;
        break;
    case FeesStep::Choose: build_choose(cache, t, fees, view); break;
    case FeesStep::Confirm:
        if (fees.lookup)
            build_confirm(cache, in, t, fees, view);
        break;
    case FeesStep::Paying:
    case FeesStep::Paid:
    case FeesStep::Expired:
        if (fees.order)
            build_order(cache, in, t, fees, view);
        break;
    }
    if (!fees.explain_kind.empty()) {
        if (const FeeKindInfo* kind = find_kind(cache, fees.explain_kind)) {
            view.explain.open = true;
            view.explain.title = kind->name.in(t.language);
            view.explain.covers_label = t("fees.covers");
            view.explain.covers = kind->covers.in(t.language);
            view.explain.not_covered_label = t("fees.not_covered");
            view.explain.not_covered = kind->not_covered.in(t.language);
            view.explain.close_label = t("fees.close");
        }
    }
    return view;
}

} // namespace kiosk::fees
