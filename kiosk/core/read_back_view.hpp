// What a read-back says (长者模式, before a payment or anything sent to the
// office): the question, one fact a line, a payment's total in figures and
// as said, and the two answers' words. A feature's view model carries one;
// ui::read_back draws it the same for every feature.
#pragma once

#include <string>
#include <tuple>
#include <vector>

namespace kiosk {

struct ReadBackView {
    std::string prompt;                           // 请核对…
    std::vector<std::string> lines;               // 房号：3栋2单元1502室
    std::string total_label, total, total_words;  // a payment's total (empty: none)
    std::string message;                          // the last try's problem (empty: none)
    bool busy = false;                            // sending: busy_text instead of the answers
    std::string busy_text;
    std::string confirm_label, change_label;      // 确认支付 / 确认提交, 返回修改
};
inline bool operator==(const ReadBackView& a, const ReadBackView& b)
{
    return std::tie(a.prompt, a.lines, a.total_label, a.total, a.total_words, a.message, a.busy, a.busy_text,
                    a.confirm_label, a.change_label) ==
           std::tie(b.prompt, b.lines, b.total_label, b.total, b.total_words, b.message, b.busy, b.busy_text,
                    b.confirm_label, b.change_label);
}
inline bool operator!=(const ReadBackView& a, const ReadBackView& b) { return !(a == b); }

} // namespace kiosk
