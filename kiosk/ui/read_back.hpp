// The read-back before a submission or payment in 长者模式 (ux.md "Elderly
// owners"): what is about to be sent, in large text on top, and two big
// buttons pinned at the bottom within reach: confirm, or go back and change.
// With 读屏 on it is read aloud as it opens. Fees, visitors and repairs draw
// theirs through here, so every read-back looks and answers the same.
#pragma once

#include "core/read_back_view.hpp"

#include <string>
#include <vector>

namespace kiosk::ui {

enum class ReadBackAnswer { None, Confirm, Change };

// `confirm_id`, `change_id`: the two buttons' widget ids.
ReadBackAnswer read_back(const ReadBackView& view, const char* confirm_id, const char* change_id);

// What the read-back says aloud on arrival (the question, the total, the facts).
std::vector<std::string> read_back_pieces(const ReadBackView& view);

} // namespace kiosk::ui
