// Where a line of mixed Chinese and Latin text may break: between any two
// ideographs, at spaces, never inside a Latin word or a number, never before
// closing punctuation (，。）」) or after opening punctuation (（「【).
#pragma once

namespace kiosk::ui {

bool is_cjk(unsigned c);
bool is_closing_punctuation(unsigned c);  // may not start a line
bool is_opening_punctuation(unsigned c);  // may not end a line

// True when a line may break between `before` and `after`.
bool may_break_between(unsigned before, unsigned after);

} // namespace kiosk::ui
