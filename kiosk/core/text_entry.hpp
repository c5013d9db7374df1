// What kind of text a field takes and how much of it: the words a screen
// passes to ui::text_field, and the rules every entered text obeys
// (text_rules.hpp). No ImGui here, so feature cores can share them.
#pragma once

#include <cstddef>

namespace kiosk {

// The pad a field opens: digits, a mobile number, Chinese (pinyin, jyutping,
// stroke or handwriting), English (QWERTY) or a car plate.
enum class TextKind { Digits, Phone, ChineseText, EnglishText, Plate };

struct TextLimits {
    std::size_t max_chars = 40;  // characters (code points) after normalising
    std::size_t min_chars = 0;   // 完成 waits for at least this many
};

} // namespace kiosk
