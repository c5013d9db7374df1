// Script checks beyond the layout rules: whole words, icons, text height, speech.
#include "app/script_checks.hpp"

#include "ui/icons.hpp"
#include "ui/speech_check.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

namespace kiosk::app {
namespace {

constexpr float tolerance = 0.5f;

std::string text_whole(const ui::FrameRecord& frame, const std::string& needle)
{
    const ui::DrawnText* t = frame.find_text(needle);
    if (!t)
        return "no visible text contains \"" + needle + "\"";
    const ImVec4& r = t->rect;
    const ImVec4& c = t->clip;
    if (r.x < c.x - tolerance || r.y < c.y - tolerance || r.z > c.z + tolerance || r.w > c.w + tolerance)
        return "\"" + t->text + "\" is cut by the edge of its area (" + std::to_string(static_cast<int>(r.y)) + ".." +
               std::to_string(static_cast<int>(r.w)) + " px, visible " + std::to_string(static_cast<int>(c.y)) + ".." +
               std::to_string(static_cast<int>(c.w)) + " px): part of it is scrolled off or hidden";
    return {};
}

std::string icon_drawn(const KioskApp& app, const ui::FrameRecord& frame, const std::string& id, const std::string& name)
{
    const ui::DrawnTarget* target = frame.find_target(id);
    if (!target)
        return "no target '" + id + "' on screen";
    const std::string glyph = ui::icon_glyph(name);
    if (glyph.empty())
        return "no icon named '" + name + "'";
    if (target->label.compare(0, glyph.size(), glyph) != 0)
        return "'" + id + "' has no " + name + " icon before its words: \"" + target->label + "\"";
    unsigned int codepoint = 0;
    ImTextCharFromUtf8(&codepoint, glyph.c_str(), glyph.c_str() + glyph.size());
    // Controls draw their words in the body or the title font: the glyph must
    // be in both, or the control shows a fallback box instead of its icon.
    const ui::FontSet& fonts = app.fonts();
    for (const ImFont* font : {fonts.body, fonts.title})
        if (!font || !font->FindGlyphNoFallback(static_cast<ImWchar>(codepoint)))
            return "the font atlas has no glyph for the " + name + " icon of '" + id + "'";
    return {};
}

std::string text_height(const KioskApp& app, const ui::FrameRecord& frame, std::istringstream& args)
{
    float mm = 0;
    if (!(args >> mm))
        return "expect_text_height needs a height in mm and a text";
    const std::string needle = rest_of_line(args);
    // The text itself if it is drawn alone, or with "<digits>" the first
    // text of digits only (a countdown's seconds, whatever they are now);
    // else the first containing it.
    const auto digits_only = [](const std::string& text) {
        return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    const ui::DrawnText* t = nullptr;
    for (const ui::DrawnText& drawn : frame.texts) {
        const bool visible = drawn.rect.y < drawn.clip.w && drawn.rect.w > drawn.clip.y;
        const bool match = needle == "<digits>" ? digits_only(drawn.text) : drawn.text == needle;
        if (visible && match && !t)
            t = &drawn;
    }
    if (!t)
        t = frame.find_text(needle);
    if (!t)
        return "no visible text contains \"" + needle + "\"";
    const float px = t->rect.w - t->rect.y, want = app.metrics().mm(mm);
    if (px + tolerance < want)
        return "\"" + t->text + "\" is " + std::to_string(px / app.metrics().px_per_mm) + " mm high, less than " +
               std::to_string(mm) + " mm";
    return {};
}

// Every character of `text` is in the font of `role` (body, title, amount):
// a missing one is drawn as the font's fallback, e.g. "¥99" for "A99".
std::string font_has(const KioskApp& app, std::istringstream& args)
{
    std::string role;
    args >> role;
    const std::string text = rest_of_line(args);
    const ui::FontSet& fonts = app.fonts();
    const ImFont* font = role == "body" ? fonts.body : role == "title" ? fonts.title : role == "amount" ? fonts.amount : nullptr;
    if (!font)
        return "expect_font_has needs body, title or amount and a text";
    for (const char* s = text.c_str(); *s;) {
        unsigned int c = 0;
        const char* at = s;
        s += ImMax(1, ImTextCharFromUtf8(&c, s, text.c_str() + text.size()));
        if (!font->FindGlyphNoFallback(static_cast<ImWchar>(c)))
            return "the " + role + " font has no glyph for '" + std::string(at, s) + "' of \"" + text + "\"";
    }
    return {};
}

// "a | b": a lies wholly above b on screen (each a target id, else a visible
// text containing it): a survey's start button under its own title, before
// the next survey's.
std::string above(const ui::FrameRecord& frame, const std::string& line)
{
    const std::size_t bar = line.find(" | ");
    if (bar == std::string::npos)
        return "expect_above needs two targets or texts separated by \" | \"";
    const auto rect_of = [&frame](const std::string& name, ImVec4& rect) {
        if (const ui::DrawnTarget* t = frame.find_target(name)) {
            rect = t->rect;
            return true;
        }
        if (const ui::DrawnText* t = frame.find_text(name)) {
            rect = t->rect;
            return true;
        }
        return false;
    };
    const std::string a = line.substr(0, bar), b = line.substr(bar + 3);
    ImVec4 ra, rb;
    if (!rect_of(a, ra) || !rect_of(b, rb))
        return "no target or visible text \"" + (rect_of(a, ra) ? b : a) + "\" on screen";
    if (ra.w > rb.y + tolerance)
        return "\"" + a + "\" (" + std::to_string(static_cast<int>(ra.y)) + ".." + std::to_string(static_cast<int>(ra.w)) +
               " px) is not above \"" + b + "\" (from " + std::to_string(static_cast<int>(rb.y)) + " px)";
    return {};
}

} // namespace

std::string rest_of_line(std::istringstream& in)
{
    std::string rest;
    std::getline(in >> std::ws, rest);
    while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\r'))
        rest.pop_back();
    return rest;
}

std::string check_screen_speaks(const KioskApp& app, const ui::FrameRecord& frame)
{
    if (!app.config().speech_enabled)
        return {};  // a kiosk without read-aloud offers no speaker
    if (!app.views().attract.empty())
        return {};  // the attract slides while nobody is there: a touch only wakes the kiosk
    const ChromeView& chrome = app.views().chrome;
    const PersonSession& session = app.state().session;
    return ui::check_reading(frame, chrome.screen_title.empty() ? chrome.estate_name : chrome.screen_title,
                             speech_voice_for(session.language, app.config(), session.chinese_voice));
}

std::optional<std::string> run_screen_check(const KioskApp& app, const ui::FrameRecord& frame,
                                            const std::string& command, std::istringstream& args)
{
    if (command == "expect_text_whole")
        return text_whole(frame, rest_of_line(args));
    if (command == "expect_icon") {
        std::string id, name;
        if (!(args >> id >> name))
            return std::string("expect_icon needs a widget id and an icon name");
        return icon_drawn(app, frame, id, name);
    }
    if (command == "expect_text_height")
        return text_height(app, frame, args);
    if (command == "expect_font_has")
        return font_has(app, args);
    if (command == "expect_above")
        return above(frame, rest_of_line(args));
    if (command == "expect_speaks")
        return check_screen_speaks(app, frame);
    return std::nullopt;
}

} // namespace kiosk::app
