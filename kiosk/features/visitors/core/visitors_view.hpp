// The Visitors screen's view model: one step at a time, all text ready to draw.
#pragma once

#include "core/read_back_view.hpp"
#include "features/visitors/core/visitors_session.hpp"
#include "household/core/unit_info.hpp"
#include "household/core/unit_picker.hpp"

#include <string>
#include <tuple>
#include <vector>

namespace kiosk::visitors {

// A big button: an errand, a purpose, a number of people, a day, who moves.
struct VisitorsChoice {
    std::string id;     // widget id: visitors.errand.code, visitors.purpose.courier, ...
    std::string label;
    std::string value;  // what the request carries
};
inline bool operator==(const VisitorsChoice& a, const VisitorsChoice& b)
{
    return std::tie(a.id, a.label, a.value) == std::tie(b.id, b.label, b.value);
}

// One thing carried out, with − count +.
struct ItemRow {
    std::string item, label, count, minus_id, plus_id;
    bool any = false;
};
inline bool operator==(const ItemRow& a, const ItemRow& b)
{
    return std::tie(a.item, a.label, a.count, a.minus_id, a.plus_id, a.any) ==
           std::tie(b.item, b.label, b.count, b.minus_id, b.plus_id, b.any);
}

struct VisitorsView {
    VisitorsStep step = VisitorsStep::Menu;
    Errand errand = Errand::None;
    std::string prompt;   // the one question or statement of this step
    std::string message;  // feedback; empty if none
    bool message_is_problem = false;
    bool busy = false;
    std::string busy_text;

    std::vector<VisitorsChoice> choices;  // Menu, Purpose, People, MoveWhen, MoveWho
    household::UnitPickerView picker;     // Unit

    // Keypad steps (Code, Phone, ReleaseCode)
    std::string typed, erase_label, submit_label;
    bool can_submit = false;

    // Text steps (Surname, Plate): what the pad opens on (a plate to correct;
    // never a surname), and what was typed before, shown masked (姓氏 李*)
    std::string field_value, kept, next_label;
    bool can_next = false;  // 下一步 with what was typed before

    // Privacy
    std::vector<std::string> privacy_lines;  // what, why, how long
    std::string summary;                      // what will be sent, masked
    std::string accept_label, decline_label;

    // ReadBack (长者模式): one fact a line, masked as on the privacy notice
    ReadBackView read_back;

    // Pass / Waiting / FrontDesk / Declined / MoveSent / ReleaseStatus
    std::string headline;   // 欢迎，李* — 前往 3栋2单元
    std::string code_label, code, qr_payload;
    std::vector<std::string> lines;  // unit, valid until, what happens next
    std::string done_label, retry_label;
    bool can_retry = false;

    // MoveItems
    std::vector<ItemRow> items;
    std::string items_done_label, office_items;  // office_items: what the office reads (zh-CN)
    bool can_finish_items = false;
};
inline bool operator==(const VisitorsView& a, const VisitorsView& b)
{
    return std::tie(a.step, a.errand, a.prompt, a.message, a.message_is_problem, a.busy, a.busy_text, a.choices, a.picker,
                    a.typed, a.erase_label, a.submit_label, a.can_submit, a.field_value, a.kept, a.next_label, a.can_next,
                    a.privacy_lines, a.summary,
                    a.accept_label, a.decline_label, a.read_back, a.headline, a.code_label, a.code, a.qr_payload, a.lines,
                    a.done_label, a.retry_label, a.can_retry, a.items, a.items_done_label, a.office_items,
                    a.can_finish_items) ==
           std::tie(b.step, b.errand, b.prompt, b.message, b.message_is_problem, b.busy, b.busy_text, b.choices, b.picker,
                    b.typed, b.erase_label, b.submit_label, b.can_submit, b.field_value, b.kept, b.next_label, b.can_next,
                    b.privacy_lines, b.summary,
                    b.accept_label, b.decline_label, b.read_back, b.headline, b.code_label, b.code, b.qr_payload, b.lines,
                    b.done_label, b.retry_label, b.can_retry, b.items, b.items_done_label, b.office_items,
                    b.can_finish_items);
}

// What the visitors views read from the cache: the units for the picker.
struct VisitorsCache {
    std::vector<household::UnitInfo> units;  // sorted by building, entrance, floor, room
};

} // namespace kiosk::visitors
