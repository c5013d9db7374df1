// The font atlas worker with the real Noto Sans CJK font: a build runs on its
// own thread (the caller returns at once), wakes once when done, and hands
// over an atlas with the new characters; the app takes it only for the size
// and face shown and when it holds everything the current one does.
#include "core/language.hpp"
#include "ui/atlas_append.hpp"
#include "ui/atlas_worker.hpp"
#include "ui/fonts.hpp"

#include <doctest/doctest.h>
#include <imgui.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <iterator>
#include <vector>

#include <utf8.h>
#include <chrono>
#include <string>
#include <thread>

using namespace kiosk::ui;
using kiosk::Language;

namespace {

constexpr const char* font_path = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

// The wake comes right after the build is handed over: wait for it (bounded).
bool wakes_reach(const std::atomic<int>& wakes, int count)
{
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (wakes < count && std::chrono::steady_clock::now() < until)
        std::this_thread::yield();
    return wakes == count;
}

bool has_glyph(const ImFont* font, char32_t c)
{
    return font && font->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr;
}

} // namespace

TEST_CASE("the atlas worker builds new characters off the calling thread and wakes once")
{
    FontLibrary library;
    std::string error;
    REQUIRE_MESSAGE(library.open(font_path, error), error);
    library.want("小区");
    ImFontAtlas current;
    library.build(current, 48.0f, Language::ZhCN);  // what the screen draws with now
    CHECK_FALSE(library.needs_build(48.0f, Language::ZhCN));

    std::atomic<int> wakes{0};
    std::atomic<std::thread::id> woken_on{};
    AtlasWorker worker(library.sources(), [&] {
        woken_on = std::this_thread::get_id();
        ++wakes;
    });
    CHECK_FALSE(worker.busy());
    CHECK_FALSE(worker.wait_ready(std::chrono::milliseconds(10)));  // nothing started

    CHECK(library.want("扃"));  // a rare character chosen on the pad
    CHECK(library.needs_build(48.0f, Language::ZhCN));
    CHECK_FALSE(library.needs_new_size(48.0f, Language::ZhCN));
    REQUIRE(worker.start(library.spec(48.0f, Language::ZhCN)));
    CHECK(worker.busy());
    // One build at a time: what is wanted meanwhile goes into the next one.
    library.want("鼋");
    CHECK_FALSE(worker.start(library.spec(48.0f, Language::ZhCN)));

    REQUIRE(worker.wait_ready(std::chrono::seconds(60)));
    std::optional<AtlasWorker::Built> built = worker.take();
    REQUIRE(built.has_value());
    CHECK_FALSE(worker.take().has_value());  // once
    CHECK_FALSE(worker.busy());
    CHECK(wakes_reach(wakes, 1));
    CHECK((woken_on.load() != std::this_thread::get_id()));
    CHECK(built->build_ms > 0);

    REQUIRE(built->atlas);
    CHECK(built->atlas->IsBuilt());
    CHECK(built->fonts.body->ContainerAtlas == built->atlas.get());
    CHECK(has_glyph(built->fonts.body, U'扃'));
    CHECK(has_glyph(built->fonts.title, U'扃'));
    CHECK(has_glyph(built->fonts.body, U'区'));
    CHECK_FALSE(has_glyph(built->fonts.body, U'鼋'));  // wanted after the build started
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    built->atlas->GetTexDataAsAlpha8(&pixels, &width, &height);
    CHECK(pixels != nullptr);
    CHECK(width == 4096);

    // Taken in: the library now counts it as built; the next build adds 鼋.
    REQUIRE(library.can_replace_built(built->spec));
    library.mark_built(built->spec);
    CHECK(library.needs_build(48.0f, Language::ZhCN));
    REQUIRE(worker.start(library.spec(48.0f, Language::ZhCN)));
    REQUIRE(worker.wait_ready(std::chrono::seconds(60)));
    CHECK(has_glyph(worker.take()->fonts.body, U'鼋'));
    CHECK(wakes_reach(wakes, 2));
}

TEST_CASE("a built atlas replaces the shown one only for its size and face, with all its characters")
{
    FontLibrary library;
    std::string error;
    REQUIRE_MESSAGE(library.open(font_path, error), error);
    library.want("水电");
    const AtlasSpec small = library.spec(36.0f, Language::ZhCN);
    library.want("燃气");
    const AtlasSpec more = library.spec(36.0f, Language::ZhCN);
    ImFontAtlas atlas;
    library.build(atlas, 36.0f, Language::ZhCN);  // everything wanted, in the frame

    CHECK(library.can_replace_built(more));
    CHECK_FALSE(library.can_replace_built(small));  // would lose 燃气
    CHECK_FALSE(library.can_replace_built(library.spec(54.0f, Language::ZhCN)));  // the text size changed since
    CHECK_FALSE(library.can_replace_built(library.spec(36.0f, Language::ZhHK)));  // another face
    CHECK(library.needs_new_size(54.0f, Language::ZhCN));
    CHECK(library.needs_new_size(36.0f, Language::ZhHK));
}

TEST_CASE("the atlas worker stops cleanly with a build asked for or under way")
{
    FontLibrary library;
    std::string error;
    REQUIRE_MESSAGE(library.open(font_path, error), error);
    library.want("因二次供水水泵更换栋单元将于停水请提前储水关闭家中龙头如有疑问致电紧急通知");
    std::atomic<int> wakes{0};
    {
        AtlasWorker worker(library.sources(), [&] { ++wakes; });
        REQUIRE(worker.start(library.spec(73.0f, Language::ZhCN)));
    }  // joins here; the mapping outlives it
    CHECK(wakes <= 1);
}

namespace {

// The glyph's pixels in its atlas (Alpha8), row by row.
std::vector<unsigned char> glyph_pixels(ImFontAtlas& atlas, const ImFontGlyph& glyph)
{
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas.GetTexDataAsAlpha8(&pixels, &width, &height);
    const int x0 = static_cast<int>(std::lround(glyph.U0 * width)), x1 = static_cast<int>(std::lround(glyph.U1 * width));
    const int y0 = static_cast<int>(std::lround(glyph.V0 * height)), y1 = static_cast<int>(std::lround(glyph.V1 * height));
    std::vector<unsigned char> out;
    for (int y = y0; y < y1; ++y)
        out.insert(out.end(), pixels + y * width + x0, pixels + y * width + x1);
    return out;
}

} // namespace

TEST_CASE("an addition's glyphs appended below an atlas draw exactly as a whole atlas's")
{
    FontLibrary library;
    std::string error;
    REQUIRE_MESSAGE(library.open(font_path, error), error);
    library.want("张小区");
    ImFontAtlas shown;
    const FontSet fonts = library.build(shown, 73.0f, Language::ZhCN);
    const int top = used_rows(shown);
    CHECK(top > 0);
    CHECK(top < shown.TexHeight);  // add_free_rows left room below
    const int body_glyphs = fonts.body->Glyphs.Size;

    library.want("扃鼋");
    const AtlasSpec missing = library.missing();
    CHECK(missing.glyphs.test(U'扃'));
    CHECK_FALSE(missing.glyphs.test(U'张'));
    ImFontAtlas addition;
    const FontSet added = build_font_atlas(library.sources(), missing, addition, AtlasPart::Addition);
    CHECK(added.amount == nullptr);
    const int rows = used_rows(addition);

    const int columns = used_columns(addition);
    CHECK(columns < addition.TexWidth / 4);  // a few glyphs: a short block, not whole rows
    // Too low or too far right in the texture: refused, nothing changed.
    CHECK_FALSE(append_glyphs(shown, fonts, 0, shown.TexHeight - rows + 1, addition, added));
    CHECK_FALSE(append_glyphs(shown, fonts, shown.TexWidth - columns + 1, top, addition, added));
    CHECK(fonts.body->Glyphs.Size == body_glyphs);
    CHECK(fonts.body->FindGlyphNoFallback(U'扃') == nullptr);

    // Placed on a shelf, to the right of a block already there.
    AtlasShelves shelves;
    shelves.reset(top, shown.TexWidth);
    const ImVec2 first = shelves.place(100, rows);
    CHECK(first.x == 0);
    CHECK(first.y == top);
    shelves.take(first, 100, rows);
    const ImVec2 at = shelves.place(columns, rows);
    CHECK(at.x == 100);
    CHECK(at.y == top);
    CHECK(shelves.place(columns, rows + 1).y == top + rows);  // taller: a new shelf below
    const int left = static_cast<int>(at.x);
    REQUIRE(append_glyphs(shown, fonts, left, top, addition, added));
    library.mark_added(missing.glyphs);
    CHECK_FALSE(library.needs_build(73.0f, Language::ZhCN));
    // What the GL texture gets: the addition's rows at `top`.
    unsigned char* shown_pixels = nullptr;
    unsigned char* added_pixels = nullptr;
    int w = 0, h = 0, aw = 0, ah = 0;
    shown.GetTexDataAsAlpha8(&shown_pixels, &w, &h);
    addition.GetTexDataAsAlpha8(&added_pixels, &aw, &ah);
    REQUIRE(aw == w);
    for (int y = 0; y < rows; ++y)
        std::copy(added_pixels + static_cast<std::size_t>(y) * aw, added_pixels + static_cast<std::size_t>(y) * aw + columns,
                  shown_pixels + static_cast<std::size_t>(top + y) * w + left);

    // The same characters in one whole atlas: same metrics, same pixels.
    ImFontAtlas whole;
    const FontSet reference = library.build(whole, 73.0f, Language::ZhCN);
    for (const ImFont* font : {fonts.body, fonts.title}) {
        const ImFont* other = font == fonts.body ? reference.body : reference.title;
        for (char32_t c : {U'扃', U'鼋', U'张'}) {
            CAPTURE(static_cast<unsigned>(c));
            const ImFontGlyph* glyph = font->FindGlyphNoFallback(static_cast<ImWchar>(c));
            const ImFontGlyph* expected = other->FindGlyphNoFallback(static_cast<ImWchar>(c));
            REQUIRE(glyph);
            REQUIRE(expected);
            CHECK(glyph->AdvanceX == expected->AdvanceX);
            CHECK(glyph->X0 == expected->X0);
            CHECK(glyph->Y0 == expected->Y0);
            CHECK(glyph->X1 == expected->X1);
            CHECK(glyph->Y1 == expected->Y1);
            CHECK(glyph_pixels(shown, *glyph) == glyph_pixels(whole, *expected));
        }
    }
    CHECK(used_rows(shown) <= top + rows);
}

TEST_CASE("after a visit the characters it brought are wanted no more: a smaller atlas may replace the grown one")
{
    FontLibrary library;
    std::string error;
    REQUIRE_MESSAGE(library.open(font_path, error), error);
    library.want_always("首页缴费报修");  // the locale texts
    ImFontAtlas atlas;
    library.build(atlas, 36.0f, Language::ZhCN);
    CHECK_FALSE(library.holds_unwanted());

    // A visit types a name by pinyin: a few hundred candidates' characters.
    std::string candidates;
    for (char32_t c = U'\u4E00'; c < U'\u4E00' + 300; ++c)
        utf8::append(c, std::back_inserter(candidates));
    library.want(candidates);
    const AtlasSpec grown = library.spec(36.0f, Language::ZhCN);
    library.mark_built(grown);
    CHECK_FALSE(library.holds_unwanted());

    library.forget_shown();  // the next person
    CHECK(library.holds_unwanted());
    CHECK_FALSE(library.needs_build(36.0f, Language::ZhCN));
    CHECK_FALSE(library.want("首页"));  // never forgotten: not new
    const AtlasSpec smaller = library.spec(36.0f, Language::ZhCN);
    CHECK(smaller.glyphs.count() < grown.glyphs.count() - 250);
    CHECK(smaller.glyphs.test(U'缴'));
    CHECK(smaller.glyphs.test('A'));
    CHECK(library.can_replace_built(smaller));
    library.mark_built(smaller);
    CHECK_FALSE(library.holds_unwanted());
    // A character the next frame shows again is wanted again, and new.
    CHECK(library.want("\u4E00"));
}
