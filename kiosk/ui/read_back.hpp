// The read-back before a submission or payment in 长者模式 (ux.md "Elderly
// owners"): what is about to be sent, in large text on top, and two big
// buttons pinned at the bottom within reach: confirm, or go back and change.
// With 读屏 on it is read aloud as it opens. Fees, visitors and repairs draw
// theirs through here, so every read-back looks and answers the same.
#pragma once

#include <string>
#include <vector>

namespace kiosk::ui {

struct ReadBackView {
    std::string prompt;               // 请核对…
    std::vector<std::string> lines;   // one fact a line: 房号：3栋2单元1502
    std::string total_label, total, total_words;  // a payment's total (empty: none)
    std::string message;              // the last attempt's problem (empty: none)
    std::string busy_text;            // shown instead of the buttons while sending
    bool busy = false;
    std::string confirm_id, confirm_label, change_id, change_label;
};

enum class ReadBackAnswer { None, Confirm, Change };

ReadBackAnswer read_back(const ReadBackView& view);

// What the read-back says aloud on arrival (the prompt, the facts, the total).
std::vector<std::string> read_back_pieces(const ReadBackView& view);

} // namespace kiosk::ui
