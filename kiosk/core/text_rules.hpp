// The rules every entered text obeys, whichever pad typed it: trimmed, NFC,
// no control characters, within the field's length; mobile numbers and car
// plates checked for their shape. Feature cores check again what a screen
// sends them with these same functions.
#pragma once

#include "core/text_entry.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace kiosk {

// Trimmed (ASCII and ideographic spaces), NFC, control characters and
// malformed UTF-8 dropped, cut to `limits.max_chars` characters.
std::string normalise_text(std::string_view text, const TextLimits& limits);

// Characters (code points) of valid UTF-8 text.
std::size_t count_chars(std::string_view text);

// Drops the last character (not the last byte).
std::string drop_last_char(std::string_view text);

// A mainland mobile number: 11 digits, starting 13-19.
bool valid_phone(std::string_view digits);

// 138****5678: the middle four digits hidden, as on every screen.
std::string mask_phone(std::string_view digits);

// A car plate: a province abbreviation (京, 沪, 粤...), the city letter, then
// five letters/digits (7 characters), or a new-energy plate of 8 characters
// (D or F then five, or five digits then D or F). Letters I and O never occur.
bool valid_plate(std::string_view plate);

// The 31 province abbreviations, in the order the plate pad shows them.
const char* const* plate_provinces(std::size_t& count);

// Whether `text` is acceptable for `kind` once finished (digits only for
// Digits and Phone; a valid phone; a valid plate; within the limits).
enum class TextProblem { None, TooShort, BadPhone, BadPlate };
TextProblem check_text(TextKind kind, std::string_view text, const TextLimits& limits);

} // namespace kiosk
