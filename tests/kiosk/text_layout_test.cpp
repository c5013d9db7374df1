// Line breaking with the real Noto Sans CJK font (an ImGui atlas builds
// without a window): Chinese breaks between ideographs, numbers and Latin
// words stay whole, punctuation follows kinsoku, nothing exceeds the width.
#include "core/locale.hpp"
#include "ui/fonts.hpp"
#include "ui/icons.hpp"
#include "ui/line_breaker.hpp"
#include "ui/text_layout.hpp"

#include <doctest/doctest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cstdio>

#include <string>

using namespace kiosk::ui;

namespace {

struct FontFixture {
    FontLibrary library;
    FontSet fonts;
    FontFixture()
    {
        ImGui::CreateContext();
        std::string error;
        REQUIRE_MESSAGE(library.open("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", error), error);
        library.want("因二次供水水泵更换，栋单元将于停水。请提前储水关闭家中龙头如有疑问致电紧急通知【】");
        fonts = library.build(*ImGui::GetIO().Fonts, 36.0f, kiosk::Language::ZhCN);
    }
    ~FontFixture() { ImGui::DestroyContext(); }
};

std::string line_text(const TextLayout::Line& line)
{
    return std::string(line.begin, line.end);
}

} // namespace

TEST_CASE("break rules: ideographs break anywhere, Latin and numbers do not, kinsoku holds")
{
    CHECK(may_break_between(0x6C34, 0x6CF5));        // 水|泵
    CHECK(may_break_between('5', 0x505C));           // 5|停
    CHECK_FALSE(may_break_between('2', '0'));        // inside a number
    CHECK_FALSE(may_break_between(0x6C34, 0xFF0C));  // never before ，
    CHECK_FALSE(may_break_between(0x3010, 0x7D27));  // never after 【
    CHECK(may_break_between(' ', 'a'));
}

TEST_CASE("a mixed Chinese text wraps within the width, keeping dates and times whole")
{
    FontFixture f;
    const std::string text = "因二次供水水泵更换，3栋1-2单元将于2026-11-25 09:00-17:00停水。请提前储水，关闭家中水龙头。";
    const float width = 36.0f * 9.5f;
    TextLayout layout = layout_text(f.fonts.body, text, width);
    REQUIRE(layout.lines.size() >= 3);
    std::string joined;
    for (const auto& line : layout.lines) {
        CHECK(line.width <= width + 0.5f);
        std::string s = line_text(line);
        CHECK(s.rfind("，", 0) != 0);  // no line starts with a comma
        CHECK(s.rfind("。", 0) != 0);
        joined += s;
    }
    // Nothing lost but the one space at a break.
    std::string without_space = text;
    without_space.erase(without_space.find(' '), 1);
    std::string joined_without_space = joined;
    if (auto sp = joined_without_space.find(' '); sp != std::string::npos)
        joined_without_space.erase(sp, 1);
    CHECK(joined_without_space == without_space);
    bool date_whole = false;
    for (const auto& line : layout.lines)
        date_whole |= line_text(line).find("2026-11-25") != std::string::npos;
    CHECK(date_whole);
}

TEST_CASE("a word longer than the line is cut rather than overflowing")
{
    FontFixture f;
    TextLayout layout = layout_text(f.fonts.body, "http://127.0.0.1:8470/v1/pay/ORDER-0000000000001", 200.0f);
    CHECK(layout.lines.size() > 1);
    for (const auto& line : layout.lines)
        CHECK(line.width <= 200.5f);
}

TEST_CASE("explicit newlines start new lines; empty text has one empty line")
{
    FontFixture f;
    CHECK(layout_text(f.fonts.body, "a\nb", 1000).lines.size() == 2);
    CHECK(layout_text(f.fonts.body, "", 1000).lines.size() == 1);
    CHECK(layout_text(f.fonts.body, "", 1000).size.y == doctest::Approx(36.0f));
}

TEST_CASE("a rare character in new data asks for a rebuild, and then has a glyph")
{
    FontFixture f;
    const ImWchar rare = 0x9F98;  // 龘, in no locale file
    CHECK(f.fonts.body->FindGlyphNoFallback(rare) == nullptr);
    CHECK_FALSE(f.library.needs_build(36.0f, kiosk::Language::ZhCN));
    CHECK(f.library.want("今晚龘龘舞狮表演"));
    CHECK(f.library.needs_build(36.0f, kiosk::Language::ZhCN));
    FontSet rebuilt = f.library.build(*ImGui::GetIO().Fonts, 36.0f, kiosk::Language::ZhCN);
    CHECK(rebuilt.body->FindGlyphNoFallback(rare) != nullptr);
    CHECK_FALSE(f.library.want("龘"));  // already there: no second rebuild
}

TEST_CASE("icons: the icon font's glyphs merge into the text fonts, beside the words")
{
    FontFixture f;
    std::string error;
    REQUIRE_MESSAGE(f.library.open_icons("/usr/share/fonts/truetype/font-awesome/fontawesome-webfont.ttf", error), error);
    const std::string label = kiosk::ui::with_icon("credit-card", "物业缴费");
    CHECK(label.find("物业缴费") != std::string::npos);  // never an icon alone
    CHECK(f.library.want(label));
    FontSet built = f.library.build(*ImGui::GetIO().Fonts, 36.0f, kiosk::Language::ZhCN);
    for (ImFont* font : {built.body, built.title}) {
        const ImFontGlyph* icon = font->FindGlyphNoFallback(0xF09D);
        REQUIRE(icon != nullptr);
        CHECK(icon->X1 > icon->X0);  // a real outline, not an empty box
        CHECK(font->FindGlyphNoFallback(0x7F34) != nullptr);  // 缴 still from Noto
    }
    CHECK(kiosk::ui::with_icon("no-such-icon", "首页") == "首页");
    CHECK(kiosk::ui::with_icon("", "首页") == "首页");
}

TEST_CASE("switching to zh-HK rebuilds with the Hong Kong face; the size change too")
{
    FontFixture f;
    CHECK(f.library.needs_build(36.0f, kiosk::Language::ZhHK));
    CHECK(f.library.needs_build(54.0f, kiosk::Language::ZhCN));
    CHECK_FALSE(f.library.needs_build(36.0f, kiosk::Language::En));  // English uses the SC face
}

TEST_CASE("every character of every locale has a real glyph in its face (no '?' on screen)")
{
    ImGui::CreateContext();
    auto catalog = kiosk::Catalog::load(std::string(LOBBY_SOURCE_DIR) + "/locale");
    REQUIRE(catalog.ok());
    for (kiosk::Language language : kiosk::all_languages) {
        FontLibrary library;
        std::string error;
        REQUIRE(library.open("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", error));
        library.want(catalog.value().all_text());
        FontSet fonts = library.build(*ImGui::GetIO().Fonts, 20.0f, language);
        const std::string text = catalog.value().all_text();
        const char* p = text.c_str();
        const char* end = p + text.size();
        while (p < end) {
            unsigned int c = 0;
            p += ImTextCharFromUtf8(&c, p, end);
            if (c < 0x20)
                continue;
            char code[16];
            std::snprintf(code, sizeof code, "U+%04X", c);
            INFO(code, " in ", kiosk::language_code(language));
            CHECK(fonts.body->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
        }
    }
    ImGui::DestroyContext();
}

TEST_CASE("lines are spaced at 1.3 or more (MIIT's rule for elderly-friendly screens)")
{
    CHECK(line_spacing >= 1.3f);
    FontFixture f;
    const TextLayout one = layout_text(f.fonts.body, "物业缴费", 0);
    const TextLayout two = layout_text(f.fonts.body, "物业缴费\n物业缴费", 0);
    CHECK(two.size.y - one.size.y >= 1.3f * f.fonts.body->FontSize - 0.5f);
}

TEST_CASE("'Still due: ¥0.00' never leaves its amount alone on a line, in any language")
{
    auto catalog = kiosk::Catalog::load(std::string(LOBBY_SOURCE_DIR) + "/locale");
    REQUIRE(catalog.ok());
    for (kiosk::Language language : {kiosk::Language::ZhCN, kiosk::Language::ZhHK, kiosk::Language::En}) {
        const std::string text = kiosk::format_text(catalog.value().text(language, "fees.still_due"), {{"amount", "¥0.00"}});
        FontFixture f;
        f.library.want(text);
        f.fonts = f.library.build(*ImGui::GetIO().Fonts, 36.0f, language);
        // Narrower than the whole line: it must wrap somewhere, as at 2x.
        const float width = layout_text(f.fonts.title, text, 10000).size.x * 0.8f;
        TextLayout layout = layout_text(f.fonts.title, text, width);
        REQUIRE(layout.lines.size() >= 2);
        std::string last = line_text(layout.lines.back());
        while (!last.empty() && (last.front() == ' ' || last.rfind("\xC2\xA0", 0) == 0))
            last.erase(0, last.front() == ' ' ? 1 : 2);
        CHECK_MESSAGE(last != "¥0.00", text);
    }
}
