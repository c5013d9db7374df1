// Line-break rules after the common subset of UAX #14 and Chinese kinsoku.
#include "ui/line_breaker.hpp"

namespace kiosk::ui {

bool is_cjk(unsigned c)
{
    return (c >= 0x2E80 && c <= 0x9FFF) ||   // radicals, punctuation, kana, ideographs
           (c >= 0xF900 && c <= 0xFAFF) ||   // compatibility ideographs
           (c >= 0xFF00 && c <= 0xFFEF);     // full-width forms
}

bool is_closing_punctuation(unsigned c)
{
    switch (c) {
    case 0x3001: case 0x3002: case 0xFF0C: case 0xFF0E: case 0xFF1A: case 0xFF1B: case 0xFF1F: case 0xFF01:
    case 0xFF09: case 0x300D: case 0x300F: case 0x3011: case 0x300B: case 0x3009: case 0x201D: case 0x2019:
    case 0x2026: case 0xFF05: case ',': case '.': case ':': case ';': case '?': case '!': case ')': case ']':
    case '%': case 0x00D7:
        return true;
    default:
        return false;
    }
}

bool is_opening_punctuation(unsigned c)
{
    switch (c) {
    case 0xFF08: case 0x300C: case 0x300E: case 0x3010: case 0x300A: case 0x3008: case 0x201C: case 0x2018:
    case '(': case '[': case 0x00A5: case 0xFFE5:
        return true;
    default:
        return false;
    }
}

bool may_break_between(unsigned before, unsigned after)
{
    if (is_closing_punctuation(after) || is_opening_punctuation(before))
        return false;
    // A no-break space glues a label to its value ("还需缴纳：\u00a0¥0.00").
    if (before == 0x00A0 || after == 0x00A0)
        return false;
    if (before == ' ' || after == ' ')
        return true;
    return is_cjk(before) || is_cjk(after);
}

} // namespace kiosk::ui
