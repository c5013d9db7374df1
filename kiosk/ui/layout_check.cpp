// Layout rules on the rectangles the widgets recorded.
#include "ui/layout_check.hpp"

#include <algorithm>
#include <cstdio>

namespace kiosk::ui {
namespace {

constexpr float tolerance = 0.5f;

struct Box {
    float x0, y0, x1, y1;
    bool empty() const { return x1 - x0 <= tolerance || y1 - y0 <= tolerance; }
};

Box visible_part(const ImVec4& r, const ImVec4& clip)
{
    return {std::max(r.x, clip.x), std::max(r.y, clip.y), std::min(r.z, clip.z), std::min(r.w, clip.w)};
}

bool overlaps(const Box& a, const Box& b)
{
    return a.x0 < b.x1 - tolerance && b.x0 < a.x1 - tolerance && a.y0 < b.y1 - tolerance && b.y0 < a.y1 - tolerance;
}

bool inside(const ImVec4& inner, const ImVec4& outer)
{
    return inner.x >= outer.x - tolerance && inner.y >= outer.y - tolerance && inner.z <= outer.z + tolerance &&
           inner.w <= outer.w + tolerance;
}

float gap_between(const Box& a, const Box& b)
{
    float dx = std::max({0.0f, b.x0 - a.x1, a.x0 - b.x1});
    float dy = std::max({0.0f, b.y0 - a.y1, a.y0 - b.y1});
    return std::max(dx, dy);
}

// Calls fn(a, visible a, b, visible b) for each pair on the same layer that
// both show at least partly.
template <typename Item, typename Fn>
void for_each_visible_pair(const std::vector<Item>& items, Fn fn)
{
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Box box_a = visible_part(items[i].rect, items[i].clip);
        if (box_a.empty())
            continue;
        for (std::size_t j = i + 1; j < items.size(); ++j) {
            if (items[j].layer != items[i].layer)
                continue;
            const Box box_b = visible_part(items[j].rect, items[j].clip);
            if (!box_b.empty())
                fn(items[i], box_a, items[j], box_b);
        }
    }
}

// The windows drawn above `window` that cover part of `box`.
std::vector<std::string> windows_over(const FrameRecord& frame, const std::string& window, const Box& box)
{
    std::vector<std::string> over;
    bool above = false;
    for (const DrawnWindow& w : frame.windows) {
        if (above && overlaps(box, Box{w.rect.x, w.rect.y, w.rect.z, w.rect.w}))
            over.push_back(w.name);
        above = above || w.name == window;
    }
    return over;
}

std::string describe(const char* what, const std::string& name, const ImVec4& r)
{
    char buffer[160];
    std::snprintf(buffer, sizeof buffer, " at (%.0f,%.0f)-(%.0f,%.0f)", r.x, r.y, r.z, r.w);
    return std::string(what) + " '" + name + "'" + buffer;
}

// "41 mm" on a panel of known size, else "164 px".
std::string size_words(float px, const LayoutRules& rules)
{
    char buffer[32];
    if (rules.px_per_mm > 0)
        std::snprintf(buffer, sizeof buffer, "%.0f mm", px / rules.px_per_mm);
    else
        std::snprintf(buffer, sizeof buffer, "%.0f px", px);
    return buffer;
}

} // namespace

std::vector<std::string> check_layout(const FrameRecord& frame, const LayoutRules& rules)
{
    std::vector<std::string> problems;
    const ImVec4 display(0, 0, rules.display_w, rules.display_h);

    int top_layer = 0;  // under an open dialog the screen is inert: only the dialog's layer is checked for cover
    for (const DrawnTarget& t : frame.targets)
        top_layer = std::max(top_layer, t.layer);

    for (const DrawnTarget& t : frame.targets) {
        Box seen = visible_part(t.rect, t.clip);
        const bool whole = !seen.empty() && seen.x0 <= t.rect.x + tolerance && seen.y0 <= t.rect.y + tolerance &&
                           seen.x1 >= t.rect.z - tolerance && seen.y1 >= t.rect.w - tolerance;
        // A control the person must touch here (keypad, Pay, the close button
        // of a dialog) is whole on screen without scrolling; only a long
        // list's row brought to the finger is exempt, not a button on a page
        // that scrolls.
        if (t.required && (!t.list_row || t.keep_whole) && !whole && t.layer == top_layer)
            problems.push_back(describe("required target not fully visible without scrolling", t.id, t.rect));
        // A code is scanned, not touched: no reach rule, but big enough for a
        // phone and whole on screen, as a person cannot scroll while scanning.
        if (t.code_px > 0 && t.layer == top_layer && rules.min_code_px > 0) {
            if (!whole && !t.list_row)
                problems.push_back(describe("QR code not fully visible without scrolling", t.id, t.rect));
            if (t.code_px + tolerance < rules.min_code_px)
                problems.push_back(describe(("QR code too small (" + size_words(t.code_px, rules) + ", less than " +
                                             size_words(rules.min_code_px, rules) + "):").c_str(),
                                            t.id, t.rect));
        }
        if (seen.empty())
            continue;  // scrolled out of view
        // In an area that cannot scroll, a target cut at the area's edge is
        // half under what lies past it (the nav bar): clipped.
        if (t.in_scroll_area && !t.scrollable && !whole && !t.required)
            problems.push_back(describe("target clipped", t.id, t.rect));
        if (t.layer == top_layer)
            for (const std::string& over : windows_over(frame, t.window, seen))
                problems.push_back(describe(("target covered by window '" + over + "':").c_str(), t.id, t.rect));
        float w = t.rect.z - t.rect.x, h = t.rect.w - t.rect.y;
        if (w + tolerance < rules.min_target_px || h + tolerance < rules.min_target_px)
            problems.push_back(describe("target too small", t.id, t.rect));
        if (t.rect.x < -tolerance || t.rect.z > rules.display_w + tolerance)
            problems.push_back(describe("target outside the window", t.id, t.rect));
        if (!t.in_scroll_area && (t.rect.y < -tolerance || t.rect.w > rules.display_h + tolerance))
            problems.push_back(describe("target outside the window", t.id, t.rect));
        if (!t.in_scroll_area && (t.rect.y < t.clip.y - tolerance || t.rect.w > t.clip.w + tolerance))
            problems.push_back(describe("target clipped", t.id, t.rect));
        // Within reach; a long list is exempt (the person scrolls it to the finger).
        const bool reach_checked = rules.reach_bottom_px > rules.reach_top_px;
        if (reach_checked && t.required && !t.list_row &&
            (t.rect.y < rules.reach_top_px - tolerance || t.rect.w > rules.reach_bottom_px + tolerance))
            problems.push_back(describe("required target out of reach", t.id, t.rect));
    }
    for_each_visible_pair(frame.targets, [&](const DrawnTarget& a, const Box& box_a, const DrawnTarget& b,
                                             const Box& box_b) {
        if (overlaps(box_a, box_b))
            problems.push_back(describe("targets overlap", a.id + "' and '" + b.id, a.rect));
        else if (gap_between(box_a, box_b) + tolerance < rules.min_gap_px)
            problems.push_back(describe("targets too close", a.id + "' and '" + b.id, a.rect));
    });

    for (const DrawnText& t : frame.texts) {
        if (t.rect.x < t.clip.x - tolerance || t.rect.z > t.clip.z + tolerance)
            problems.push_back(describe("text clipped sideways", t.text, t.rect));
        if (t.rect.x < display.x - tolerance || t.rect.z > display.z + tolerance)
            problems.push_back(describe("text outside the window", t.text, t.rect));
        if (!t.in_scroll_area && (t.rect.y < t.clip.y - tolerance || t.rect.w > t.clip.w + tolerance))
            problems.push_back(describe("text clipped", t.text, t.rect));
    }
    for_each_visible_pair(frame.texts, [&](const DrawnText& a, const Box& box_a, const DrawnText& b, const Box& box_b) {
        if (overlaps(box_a, box_b))
            problems.push_back(describe("texts overlap", a.text + "' and '" + b.text, a.rect));
    });
    // Words half under a button (a scroll area running under the answers
    // pinned below it) can be neither read nor told apart from the button's
    // own label; a label, or words drawn on purpose over a button, lie
    // wholly inside it.
    for (const DrawnText& t : frame.texts) {
        const Box seen_text = visible_part(t.rect, t.clip);
        if (seen_text.empty())
            continue;
        for (const DrawnTarget& g : frame.targets) {
            if (g.layer != t.layer || inside(t.rect, g.rect) || t.text == g.label)
                continue;  // its own words (their line box may stand out of a small key)
            const Box seen_target = visible_part(g.rect, g.clip);
            if (!seen_target.empty() && overlaps(seen_text, seen_target))
                problems.push_back(describe("text under a target", t.text + "' and '" + g.id, t.rect));
        }
    }
    return problems;
}

} // namespace kiosk::ui
