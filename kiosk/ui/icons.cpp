// Icon names -> Font Awesome 4.7 code points (fontawesome-webfont.ttf).
#include "ui/icons.hpp"

#include <utf8.h>

#include <iterator>

namespace kiosk::ui {
namespace {

struct Icon {
    std::string_view name;
    char32_t codepoint;
};

// Only icons the kiosk uses; the atlas bakes only the glyphs drawn.
constexpr Icon k_icons[] = {
    {"credit-card", 0xF09D},   // fees
    {"wrench", 0xF0AD},        // repairs
    {"id-card", 0xF2C2},       // visitors
    {"bullhorn", 0xF0A1},      // notices
    {"smile", 0xF118},         // surveys
    {"arrow-left", 0xF060},    // Back
    {"home", 0xF015},          // Home
    {"warning", 0xF071},       // urgent notice, emergency
    {"phone", 0xF095},         // hotline
    {"check", 0xF00C},
    {"qrcode", 0xF029},
    {"volume-up", 0xF028},         // read aloud (朗读)
    {"hand-pointer", 0xF25A},      // 读屏: touch to hear
    {"universal-access", 0xF29A},  // 长者模式
    // Repairs: categories and presets (names from the office's catalog), actions.
    {"tint", 0xF043},
    {"lightbulb-o", 0xF0EB},
    {"key", 0xF084},
    {"building", 0xF1AD},
    {"trash", 0xF1F8},
    {"fire", 0xF06D},
    {"exclamation-triangle", 0xF071},
    {"wifi", 0xF1EB},
    {"television", 0xF26C},
    {"filter", 0xF0B0},
    {"plug", 0xF1E6},
    {"lock", 0xF023},
    {"ban", 0xF05E},
    {"map-marker", 0xF041},
    {"search", 0xF002},
    {"plus", 0xF067},
    {"refresh", 0xF021},
    {"star", 0xF005},
    {"clock-o", 0xF017},
};

} // namespace

std::string icon_glyph(std::string_view name)
{
    for (const Icon& icon : k_icons) {
        if (icon.name == name) {
            std::string out;
            utf8::append(icon.codepoint, std::back_inserter(out));
            return out;
        }
    }
    return {};
}

std::string with_icon(std::string_view name, std::string_view label)
{
    const std::string glyph = icon_glyph(name);
    if (glyph.empty())
        return std::string(label);
    return glyph + "  " + std::string(label);
}

} // namespace kiosk::ui
