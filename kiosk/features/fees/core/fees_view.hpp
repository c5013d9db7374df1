// The Fees screen's view model: one step at a time, all text ready to draw.
#pragma once

#include "features/fees/core/fees_session.hpp"

#include <string>
#include <vector>

namespace kiosk::fees {

// A big button for a building, an entrance or a room.
struct FeesChoice {
    std::string id;     // widget id: fees.building.3, fees.entrance.2, fees.room.3-2-1502
    std::string label;  // 3栋 / 2单元 / 1502
    int number = 0;     // building or entrance
    std::string unit_id;
    bool operator==(const FeesChoice& o) const
    {
        return id == o.id && label == o.label && number == o.number && unit_id == o.unit_id;
    }
};

struct FeeLineView {
    std::string period, amount, detail, status;  // detail: "89.50㎡ × ¥2.80/㎡"
    bool late = false;
    bool open = false;  // still owes something
    bool operator==(const FeeLineView& o) const
    {
        return period == o.period && amount == o.amount && detail == o.detail && status == o.status &&
               late == o.late && open == o.open;
    }
};

struct FeeGroupView {
    std::string kind, name, subtotal;
    std::string explain_id, explain_label;  // "这项费用包含什么？"
    std::vector<FeeLineView> lines;
    bool operator==(const FeeGroupView& o) const
    {
        return kind == o.kind && name == o.name && subtotal == o.subtotal && explain_id == o.explain_id &&
               explain_label == o.explain_label && lines == o.lines;
    }
};

struct ChooseRowView {
    std::string bill_id, id, label, amount;
    bool selected = false;
    bool operator==(const ChooseRowView& o) const
    {
        return bill_id == o.bill_id && id == o.id && label == o.label && amount == o.amount && selected == o.selected;
    }
};

struct ExplainDialogView {
    bool open = false;
    std::string title, covers_label, covers, not_covered_label, not_covered, close_label;
    bool operator==(const ExplainDialogView& o) const
    {
        return open == o.open && title == o.title && covers_label == o.covers_label && covers == o.covers &&
               not_covered_label == o.not_covered_label && not_covered == o.not_covered && close_label == o.close_label;
    }
};

struct FeesView {
    FeesStep step = FeesStep::Building;
    std::string prompt;  // the one question or statement of this step
    std::string message;  // feedback (wrong digits, locked, offline ...); empty if none
    bool message_is_problem = false;
    bool busy = false;  // waiting for the server
    std::string busy_text;

    // Building / Entrance / Room
    std::vector<FeesChoice> choices;

    // Digits
    std::string unit_label, dots, erase_label, submit_label;
    bool keypad_enabled = true;
    bool can_submit = false;

    // Bill
    std::string owner_line, total_label, total_amount, late_line, as_of_line, settled_line;
    std::vector<FeeGroupView> groups;
    std::string pay_label;
    bool pay_visible = false;
    bool pay_enabled = true;       // false while the bill is from the cache (offline)
    std::string pay_disabled_reason;   // shown next to the disabled button

    // Choose
    std::vector<ChooseRowView> rows;
    std::string all_label, none_label, chosen_total, create_label, retry_label;
    bool can_create = false;

    // Paying / Paid / Expired
    std::string qr_payload, amount_label, amount, scan_prompt, url_label, expires_line;
    std::string receipt_line, restart_label;

    ExplainDialogView explain;

    bool operator==(const FeesView& o) const;  // fees_views.cpp
};

} // namespace kiosk::fees
