// Text rules: utf8proc (Debian libutf8proc) for NFC and character classes.
#include "core/text_rules.hpp"

#include "protocol/plate.hpp"

#include <utf8proc.h>

#include <cstdlib>
#include <vector>

namespace kiosk {
namespace {

// Code points of `text`, malformed bytes skipped.
std::vector<utf8proc_int32_t> decode(std::string_view text)
{
    std::vector<utf8proc_int32_t> out;
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text.size());
    while (left > 0) {
        utf8proc_int32_t c = 0;
        const utf8proc_ssize_t n = utf8proc_iterate(p, left, &c);
        if (n <= 0) {  // malformed: drop one byte and go on
            ++p;
            --left;
            continue;
        }
        out.push_back(c);
        p += n;
        left -= n;
    }
    return out;
}

std::string encode(const std::vector<utf8proc_int32_t>& chars)
{
    std::string out;
    for (utf8proc_int32_t c : chars) {
        utf8proc_uint8_t buffer[4];
        const utf8proc_ssize_t n = utf8proc_encode_char(c, buffer);
        out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(n));
    }
    return out;
}

bool is_space(utf8proc_int32_t c)
{
    return utf8proc_category(c) == UTF8PROC_CATEGORY_ZS || c == '\t' || c == '\n' || c == '\r';
}

bool is_control(utf8proc_int32_t c)
{
    const utf8proc_category_t category = utf8proc_category(c);
    // Cc (C0/C1 controls), Cf (bidi overrides, zero-width joiners...) and
    // unassigned or private-use code points are never typed on a pad.
    return category == UTF8PROC_CATEGORY_CC || category == UTF8PROC_CATEGORY_CF ||
           category == UTF8PROC_CATEGORY_CO || category == UTF8PROC_CATEGORY_CN ||
           category == UTF8PROC_CATEGORY_CS;
}

} // namespace

std::string normalise_text(std::string_view text, const TextLimits& limits)
{
    std::vector<utf8proc_int32_t> chars;
    for (utf8proc_int32_t c : decode(text))
        if (!is_control(c) || is_space(c))
            chars.push_back(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
    std::size_t begin = 0, end = chars.size();
    while (begin < end && is_space(chars[begin]))
        ++begin;
    while (end > begin && is_space(chars[end - 1]))
        --end;
    const std::string clean = encode({chars.begin() + static_cast<std::ptrdiff_t>(begin),
                                      chars.begin() + static_cast<std::ptrdiff_t>(end)});
    // NFC: the same text whichever way it was composed (a pad's "é" and a
    // pasted e + U+0301 compare equal at the office).
    utf8proc_uint8_t* composed = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(clean.c_str()));
    std::vector<utf8proc_int32_t> nfc = composed ? decode(reinterpret_cast<const char*>(composed)) : chars;
    std::free(composed);
    if (nfc.size() > limits.max_chars)
        nfc.resize(limits.max_chars);
    return encode(nfc);
}

std::size_t count_chars(std::string_view text)
{
    return decode(text).size();
}

std::string drop_last_char(std::string_view text)
{
    std::vector<utf8proc_int32_t> chars = decode(text);
    if (!chars.empty())
        chars.pop_back();
    return encode(chars);
}

bool valid_phone(std::string_view digits)
{
    if (digits.size() != 11 || digits[0] != '1' || digits[1] < '3' || digits[1] > '9')
        return false;
    for (char c : digits)
        if (c < '0' || c > '9')
            return false;
    return true;
}

std::string mask_phone(std::string_view digits)
{
    if (digits.size() != 11)
        return std::string(digits.size(), '*');
    return std::string(digits.substr(0, 3)) + "****" + std::string(digits.substr(7));
}

// The plate rule is the office server's too: one definition in the protocol.
const char* const* plate_provinces(std::size_t& count) { return lobby::protocol::car_plate_provinces(count); }

bool valid_plate(std::string_view plate) { return lobby::protocol::valid_car_plate(plate); }

TextProblem check_text(TextKind kind, std::string_view text, const TextLimits& limits)
{
    if (kind == TextKind::Phone)
        return valid_phone(text) ? TextProblem::None : TextProblem::BadPhone;
    if (kind == TextKind::Plate)
        return valid_plate(text) ? TextProblem::None : TextProblem::BadPlate;
    if (count_chars(text) < limits.min_chars)
        return TextProblem::TooShort;
    return TextProblem::None;
}

} // namespace kiosk
