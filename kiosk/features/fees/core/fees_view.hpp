// The Fees screen's view model: one step at a time, all text ready to draw.
#pragma once

#include "core/read_back_view.hpp"
#include "features/fees/core/fees_session.hpp"

#include <string>
#include <tuple>
#include <vector>

namespace kiosk::fees {

struct FeeLineView {
    std::string period, amount, status;
    bool late = false;
    bool open = false;  // still owes something
};
inline bool operator==(const FeeLineView& a, const FeeLineView& b)
{
    return std::tie(a.period, a.amount, a.status, a.late, a.open) ==
           std::tie(b.period, b.amount, b.status, b.late, b.open);
}
inline bool operator!=(const FeeLineView& a, const FeeLineView& b) { return !(a == b); }

struct FeeGroupView {
    std::string kind, name, subtotal;
    std::string rate;  // once per kind: "128.30㎡ × ¥2.80/㎡" (management fee)
    std::string explain_id, explain_label;  // "这项费用包含什么？"
    std::vector<FeeLineView> lines;  // what is still owed, overdue first; paid ones only when unfolded
};
inline bool operator==(const FeeGroupView& a, const FeeGroupView& b)
{
    return std::tie(a.kind, a.name, a.subtotal, a.rate, a.explain_id, a.explain_label, a.lines) ==
           std::tie(b.kind, b.name, b.subtotal, b.rate, b.explain_id, b.explain_label, b.lines);
}
inline bool operator!=(const FeeGroupView& a, const FeeGroupView& b) { return !(a == b); }

struct ChooseRowView {
    std::string bill_id, id, label, amount;
    bool selected = false;
};
inline bool operator==(const ChooseRowView& a, const ChooseRowView& b)
{
    return std::tie(a.bill_id, a.id, a.label, a.amount, a.selected) ==
           std::tie(b.bill_id, b.id, b.label, b.amount, b.selected);
}
inline bool operator!=(const ChooseRowView& a, const ChooseRowView& b) { return !(a == b); }

// One kind of fee while choosing: a single tap on its button chooses (or
// unchooses) every bill of the kind; its bills follow, overdue first.
struct ChooseGroupView {
    std::string kind, id, label;  // label: "✓ 物业管理费  已选 3/3 项  ¥1,077.72"
    bool all_chosen = false, some_chosen = false;
    std::vector<ChooseRowView> rows;
};
inline bool operator==(const ChooseGroupView& a, const ChooseGroupView& b)
{
    return std::tie(a.kind, a.id, a.label, a.all_chosen, a.some_chosen, a.rows) ==
           std::tie(b.kind, b.id, b.label, b.all_chosen, b.some_chosen, b.rows);
}
inline bool operator!=(const ChooseGroupView& a, const ChooseGroupView& b) { return !(a == b); }

struct ExplainDialogView {
    bool open = false;
    std::string title, covers_label, covers, not_covered_label, not_covered, close_label;
};
inline bool operator==(const ExplainDialogView& a, const ExplainDialogView& b)
{
    return std::tie(a.open, a.title, a.covers_label, a.covers, a.not_covered_label, a.not_covered, a.close_label) ==
           std::tie(b.open, b.title, b.covers_label, b.covers, b.not_covered_label, b.not_covered, b.close_label);
}
inline bool operator!=(const ExplainDialogView& a, const ExplainDialogView& b) { return !(a == b); }

struct FeesView {
    FeesStep step = FeesStep::Unit;
    std::string prompt;  // the one question or statement of this step
    std::string message;  // feedback (wrong digits, locked, offline ...); empty if none
    bool message_is_problem = false;
    bool busy = false;  // waiting for the server
    std::string busy_text;

    household::UnitPickerView picker;  // Unit: building, entrance, room (shared)
    household::KeypadView keypad;      // Digits: the verification keypad (shared)

    // Bill
    std::string unit_label, owner_line, total_label, total_amount, late_line, as_of_line, settled_line;
    std::vector<FeeGroupView> groups;  // kinds that owe first
    std::string history_id, history_label;  // "查看已缴记录（N 项）" / "收起已缴记录"; empty: nothing paid
    std::string pay_label;
    bool pay_visible = false;
    bool pay_enabled = true;       // false while the bill is from the cache (offline)
    std::string pay_disabled_reason;   // shown next to the disabled button

    // Choose
    std::vector<ChooseGroupView> choose_groups;  // kinds with something overdue first
    std::string all_label, none_label, chosen_total, create_label, retry_label;
    bool can_create = false;

    // Confirm (长者模式): what is about to be paid, read back before the QR
    // code: the unit, one line per kind with its months and amount, the
    // total in figures and as said.
    ReadBackView read_back;

    // Paying / Paid / Expired
    std::string qr_payload, amount_label, amount, scan_prompt, url_label, expires_line;
    std::string open_address;  // the payment page to open by hand; empty for an app-only code
    std::string receipt_line, restart_label;
    // The receipt (Paid): unit, Shanghai time, payer's masked name, the
    // items paid, and a QR code of the office's receipt page of this order.
    std::vector<std::string> receipt_details, receipt_items;
    std::string receipt_qr, receipt_qr_label;

    ExplainDialogView explain;
};
// Every field, so a change in what the fees screen shows is never missed.
inline bool operator==(const FeesView& a, const FeesView& b)
{
    return std::tie(a.step, a.prompt, a.message, a.message_is_problem, a.busy, a.busy_text, a.picker, a.keypad, a.unit_label, a.owner_line, a.total_label, a.total_amount, a.late_line, a.as_of_line, a.settled_line, a.groups, a.history_id, a.history_label, a.pay_label, a.pay_visible, a.choose_groups, a.all_label, a.none_label, a.chosen_total, a.create_label, a.retry_label, a.can_create, a.read_back, a.qr_payload, a.amount_label, a.amount, a.scan_prompt, a.url_label, a.open_address, a.expires_line, a.receipt_line, a.restart_label, a.receipt_details, a.receipt_items, a.receipt_qr, a.receipt_qr_label, a.explain) ==
           std::tie(b.step, b.prompt, b.message, b.message_is_problem, b.busy, b.busy_text, b.picker, b.keypad, b.unit_label, b.owner_line, b.total_label, b.total_amount, b.late_line, b.as_of_line, b.settled_line, b.groups, b.history_id, b.history_label, b.pay_label, b.pay_visible, b.choose_groups, b.all_label, b.none_label, b.chosen_total, b.create_label, b.retry_label, b.can_create, b.read_back, b.qr_payload, b.amount_label, b.amount, b.scan_prompt, b.url_label, b.open_address, b.expires_line, b.receipt_line, b.restart_label, b.receipt_details, b.receipt_items, b.receipt_qr, b.receipt_qr_label, b.explain);
}
inline bool operator!=(const FeesView& a, const FeesView& b) { return !(a == b); }

} // namespace kiosk::fees
