// The repairs screen's view model: one step at a time, all text ready to draw.
#pragma once

#include "core/read_back_view.hpp"
#include "features/repairs/core/repairs_requests.hpp"
#include "features/repairs/core/repairs_session.hpp"

#include <string>
#include <tuple>
#include <vector>

namespace kiosk::repairs {

// A big button: its widget id, words, icon and the request value it stands for.
struct ChoiceView {
    std::string id, label, icon, value;
    std::string office_words;     // locations and presets: the office's words (zh-CN) for the ticket
    Scope scope = Scope::Office;  // categories
    std::int64_t slot_start = 0, slot_end = 0;  // slots
    bool operator==(const ChoiceView& o) const
    {
        return std::tie(id, label, icon, value, office_words, scope, slot_start, slot_end) ==
               std::tie(o.id, o.label, o.icon, o.value, o.office_words, o.scope, o.slot_start, o.slot_end);
    }
};

struct LineView {
    std::string left, right;
    bool operator==(const LineView& o) const { return left == o.left && right == o.right; }
};

struct FiledView {
    std::string number_line;  // 报修单号：R-2026-000014 / 提交后生成单号
    std::string code_line;    // 跟进码：7KQ4M ZHXA2
    std::string code_spoken;  // read aloud: 7 K Q 4 M …
    std::string what;
    std::string qr_payload;   // the status page link; empty: no code (the office refuses the kiosk)
    bool operator==(const FiledView& o) const
    {
        return std::tie(number_line, code_line, code_spoken, what, qr_payload) ==
               std::tie(o.number_line, o.code_line, o.code_spoken, o.what, o.qr_payload);
    }
};

struct RepairsView {
    RepairsStep step = RepairsStep::Start;
    std::string prompt;
    std::string message;
    bool message_is_problem = false;
    bool busy = false;
    std::string busy_text;

    // Start and the choice steps.
    std::vector<ChoiceView> choices;
    std::string emergency_label;  // the red button (Start)
    std::string track_label;

    // Emergency
    std::string hotline_label, hotline;
    std::vector<LineView> contacts;
    std::string do_now;
    std::string saved_line;

    // OutOfScope / PaidNotice
    std::string refer_who, refer_phone;
    std::vector<LineView> prices;
    std::string acknowledge_label;

    // ReadBack
    std::vector<LineView> readback;
    std::string another_label, submit_label;
    std::string note_label, note;  // 补充说明 (optional): the ask, and what the person typed
    bool asks_phone = false;        // 需要物业回电？ public area only
    std::string phone_label, phone; // the ask; the digits (the field shows them masked)

    // Done
    std::vector<FiledView> filed;
    std::string saved_note;  // saved; offline: sent when the network is back
    std::string follow_label, scan_label;

    // CodeEntry
    std::string typed, find_label, erase_label;
    bool can_find = false;
    std::string by_unit_label;  // 按房号查询

    // UnitTickets: `choices` are the household's tickets (value: the ticket
    // number); `refresh_label` reads the list again.
    std::string empty_line;  // the household has none

    // Ticket
    std::string ticket_title, status_line, worker_line, charge_line;
    std::vector<LineView> timeline;
    std::string accept_label, reject_label, rate_label, refresh_label;
    std::vector<ChoiceView> reject_reasons;
    std::vector<ChoiceView> ratings;  // 1..5 with words
    std::string after_line;           // 已提交验收 / 谢谢您的评价

    // ConfirmVerdict (长者模式): the ticket and the 验收 or rating about to be sent
    ReadBackView read_back;

    std::string start_over_label;

    // Unit / Digits (the shared household pieces)
    household::UnitPickerView picker;
    household::KeypadView keypad;
};

inline bool operator==(const RepairsView& a, const RepairsView& b)
{
    return std::tie(a.step, a.prompt, a.message, a.message_is_problem, a.busy, a.busy_text, a.choices,
                    a.emergency_label, a.track_label, a.hotline_label, a.hotline, a.contacts, a.do_now, a.saved_line,
                    a.refer_who, a.refer_phone, a.prices, a.acknowledge_label, a.readback, a.another_label, a.note_label, a.note, a.asks_phone, a.phone_label, a.phone,
                    a.submit_label, a.filed, a.saved_note, a.follow_label, a.scan_label, a.typed, a.find_label,
                    a.erase_label, a.can_find, a.by_unit_label, a.empty_line, a.ticket_title, a.status_line, a.worker_line, a.charge_line,
                    a.timeline, a.accept_label, a.reject_label, a.rate_label, a.refresh_label, a.reject_reasons,
                    a.ratings, a.after_line, a.read_back, a.start_over_label, a.picker, a.keypad) ==
           std::tie(b.step, b.prompt, b.message, b.message_is_problem, b.busy, b.busy_text, b.choices,
                    b.emergency_label, b.track_label, b.hotline_label, b.hotline, b.contacts, b.do_now, b.saved_line,
                    b.refer_who, b.refer_phone, b.prices, b.acknowledge_label, b.readback, b.another_label, b.note_label, b.note, b.asks_phone, b.phone_label, b.phone,
                    b.submit_label, b.filed, b.saved_note, b.follow_label, b.scan_label, b.typed, b.find_label,
                    b.erase_label, b.can_find, b.by_unit_label, b.empty_line, b.ticket_title, b.status_line, b.worker_line, b.charge_line,
                    b.timeline, b.accept_label, b.reject_label, b.rate_label, b.refresh_label, b.reject_reasons,
                    b.ratings, b.after_line, b.read_back, b.start_over_label, b.picker, b.keypad);
}

} // namespace kiosk::repairs
