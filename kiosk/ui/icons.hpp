// Icons beside the words on tiles and key actions (never instead of them),
// from Font Awesome 4.7 (Debian fonts-font-awesome), merged into the text
// fonts so an icon is a character like any other.
#pragma once

#include <string>
#include <string_view>

namespace kiosk::ui {

// The icon font's glyph for a name ("credit-card", "home" ...) as UTF-8, or
// "" for an unknown name.
std::string icon_glyph(std::string_view name);

// "<icon>  <label>", or the label alone when the name is unknown or empty.
std::string with_icon(std::string_view name, std::string_view label);

// Icon glyphs live in the Private Use Area; the text fonts have none there.
constexpr bool is_icon_codepoint(unsigned c) { return c >= 0xF000 && c <= 0xF8FF; }

} // namespace kiosk::ui
