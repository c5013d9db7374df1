// Every text colour against the background it is drawn on keeps a contrast of
// at least 7:1 (WCAG 2 AAA for body text) in the light theme and in elderly
// mode's high-contrast theme, computed from the theme itself.
#include "ui/theme.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <string>

namespace {

double channel(unsigned value)
{
    const double c = value / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

// WCAG 2 relative luminance of an opaque ImU32 colour.
double luminance(ImU32 color)
{
    const unsigned r = (color >> IM_COL32_R_SHIFT) & 0xFF, g = (color >> IM_COL32_G_SHIFT) & 0xFF,
                   b = (color >> IM_COL32_B_SHIFT) & 0xFF;
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

double contrast(ImU32 a, ImU32 b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

struct Pair {
    const char* what;
    ImU32 ink, ground;
};

} // namespace

TEST_CASE("theme: every text colour has at least 7:1 contrast on its background, in every mode")
{
    for (const bool elderly : {false, true}) {
        kiosk::DisplayMode mode;
        mode.elderly = elderly;
        const kiosk::ui::Palette& p = kiosk::ui::palette(mode);
        const Pair pairs[] = {
            {"body text", p.text, p.background},
            {"muted text", p.muted_text, p.background},
            {"primary button", p.primary_text, p.primary},
            // Pressed: the light theme keeps its ink, elderly mode turns it to the background colour.
            {"pressed primary button", elderly ? p.background : p.primary_text, p.primary_pressed},
            {"secondary button", p.secondary_text, p.secondary},
            {"pressed secondary button", p.secondary_text, p.secondary_pressed},
            {"disabled button", p.muted_text, p.background},
            {"selected choice", p.selected_text, p.selected},
            {"network good", p.good, p.background},
            {"network bad", p.bad, p.background},
            {"dialog text", p.text, p.dialog_background},
            {"urgent banner", p.banner_text, p.banner},
            {"dialog action", p.dialog_primary_text, p.dialog_primary},
        };
        for (const Pair& pair : pairs) {
            CAPTURE(elderly);
            CAPTURE(std::string(pair.what));
            CHECK(contrast(pair.ink, pair.ground) >= 7.0);
        }
    }
}

TEST_CASE("theme: a dialog stands apart from the screen behind it (elderly mode was black on black)")
{
    for (const bool elderly : {false, true}) {
        kiosk::DisplayMode mode;
        mode.elderly = elderly;
        const kiosk::ui::Palette& p = kiosk::ui::palette(mode);
        CAPTURE(elderly);
        // Behind a dialog the screen is dimmed: blend the dim over the background.
        const double a = ((p.dialog_dim >> IM_COL32_A_SHIFT) & 0xFF) / 255.0;
        const auto blend = [&](int shift) {
            const double under = (p.background >> shift) & 0xFF, over = (p.dialog_dim >> shift) & 0xFF;
            return static_cast<unsigned>(std::lround(under * (1 - a) + over * a)) << shift;
        };
        const ImU32 dimmed = blend(IM_COL32_R_SHIFT) | blend(IM_COL32_G_SHIFT) | blend(IM_COL32_B_SHIFT) |
                             (0xFFu << IM_COL32_A_SHIFT);
        CHECK(contrast(p.dialog_background, dimmed) >= 1.3);
        // Its action is not coloured like Back/Home, which lie just under it
        // (elderly mode: a yellow 知道了 above yellow Back/Home).
        CHECK(p.dialog_primary != p.primary);
        CHECK(contrast(p.dialog_primary, p.dialog_background) >= 1.3);
    }
}

TEST_CASE("theme: the contrast formula matches WCAG's reference values")
{
    CHECK(contrast(IM_COL32(0, 0, 0, 255), IM_COL32(255, 255, 255, 255)) == doctest::Approx(21.0));
    CHECK(contrast(IM_COL32(119, 119, 119, 255), IM_COL32(255, 255, 255, 255)) == doctest::Approx(4.48).epsilon(0.01));
    CHECK(contrast(IM_COL32(10, 10, 10, 255), IM_COL32(10, 10, 10, 255)) == doctest::Approx(1.0));
}
