// ui::text_field, headless (ImGui without a window): the field opens the
// shared pad for its kind, shows what is typed, and hands the normalised text
// back exactly once, the frame after 完成; a phone shows masked afterwards.
#include "core/locale.hpp"
#include "core/touch_gesture.hpp"
#include "ui/context.hpp"
#include "ui/fonts.hpp"
#include "ui/frame_record.hpp"
#include "ui/text_field.hpp"
#include "ui/text_pad.hpp"

#include <doctest/doctest.h>
#include <imgui.h>

#include <optional>
#include <string>

using namespace kiosk;
using namespace kiosk::ui;

namespace {

// One screen with one field, drawn like the app draws a frame.
struct Harness {
    FontLibrary library;
    TouchGesture gesture;
    Catalog catalog = *Catalog::load(std::string(LOBBY_SOURCE_DIR) + "/locale");
    input::InputService service{input::InputPaths::defaults(), [] {}};
    TextPad pad{service};
    std::string value;
    TextKind kind = TextKind::Phone;
    std::vector<std::string> returned;
    bool asking = false;  // the kiosk asks 还在使用吗？ this frame

    Harness()
    {
        ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;
        std::string error;
        REQUIRE_MESSAGE(library.open("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", error), error);
        library.want(catalog.all_text());
        Context& ctx = context();
        ctx.fonts = library.build(*ImGui::GetIO().Fonts, 36.0f, Language::ZhCN);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
        ctx.font_library = &library;
        ctx.gesture = &gesture;
        ctx.catalog = &catalog;
        ctx.language = Language::ZhCN;
        ctx.text_pad = &pad;
        ctx.metrics = ScreenMetrics::for_window(1080, 1920, 268, 476, 800);
        ImGui::GetIO().DisplaySize = ImVec2(1080, 1920);
        ImGui::GetIO().DeltaTime = 1.0f / 60;
    }
    ~Harness()
    {
        Context& ctx = context();
        ctx.text_pad = nullptr;
        ctx.font_library = nullptr;
        ctx.catalog = nullptr;
        ctx.gesture = nullptr;
        ImGui::DestroyContext();
    }

    void frame()
    {
        const TouchGesture::UiPointer pointer = gesture.ui_pointer();
        ImGui::GetIO().MousePos = pointer.present ? ImVec2(pointer.pos.x, pointer.pos.y) : ImVec2(-1e9f, -1e9f);
        ImGui::GetIO().MouseDown[0] = pointer.down;
        ImGui::NewFrame();
        frame_record().clear();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(1080, 1920));
        ImGui::Begin("screen", nullptr, ImGuiWindowFlags_NoDecoration);
        if (std::optional<std::string> text = text_field("visitors.phone", kind, value, TextLimits{20})) {
            returned.push_back(*text);
            value = *text;  // the screen's own request would store it
        }
        ImGui::End();
        draw_text_pad(asking);
        ImGui::Render();
        gesture.end_frame();
        record = frame_record();
    }
    void tap(const std::string& id)
    {
        const DrawnTarget* target = record.find_target(id);
        REQUIRE_MESSAGE(target, "no target " << id);
        const Point p{(target->rect.x + target->rect.z) / 2, (target->rect.y + target->rect.w) / 2};
        gesture.press(p, 0);
        frame();
        gesture.release(p, 0.05);
        frame();
        frame();
    }
    bool shows(const std::string& text) const { return record.find_text(text) != nullptr; }

    FrameRecord record;
};

} // namespace

TEST_CASE("text_field: a tap opens the pad for its kind; 完成 returns the text once; a phone shows masked")
{
    Harness h;
    h.frame();
    h.frame();
    CHECK(h.shows("点击这里输入"));  // the placeholder
    CHECK_FALSE(h.pad.is_open());
    h.tap("visitors.phone");
    REQUIRE(h.pad.is_open());
    CHECK(h.pad.owner() == "visitors.phone");
    CHECK(h.pad.mode() == PadMode::Digits);
    for (const char* key : {"1", "3", "9", "0", "0", "1", "3", "8", "0", "0", "0"})
        h.tap(std::string("pad.key.") + key);
    CHECK(h.shows("13900138000"));
    CHECK(h.returned.empty());  // nothing before 完成
    h.tap("pad.done");
    REQUIRE(h.returned.size() == 1);
    CHECK(h.returned[0] == "13900138000");
    CHECK_FALSE(h.pad.is_open());
    h.frame();
    CHECK(h.returned.size() == 1);  // once
    CHECK(h.shows("139****8000"));
    CHECK_FALSE(h.shows("13900138000"));
}

TEST_CASE("text_field: a refused phone keeps the pad open with the reason; 收起 returns nothing")
{
    Harness h;
    h.frame();
    h.tap("visitors.phone");
    h.tap("pad.key.2");
    h.tap("pad.done");
    CHECK(h.pad.is_open());
    CHECK(h.shows("11 位"));
    CHECK(h.returned.empty());
    h.tap("pad.close");
    CHECK_FALSE(h.pad.is_open());
    h.frame();
    CHECK(h.returned.empty());
    CHECK(h.shows("点击这里输入"));
}

TEST_CASE("text_field: English text is trimmed when handed over")
{
    Harness h;
    h.kind = TextKind::EnglishText;
    h.frame();
    h.tap("visitors.phone");
    CHECK(h.pad.mode() == PadMode::English);
    h.tap("pad.space");
    h.tap("pad.key.a");
    h.tap("pad.space");
    h.tap("pad.done");
    REQUIRE(h.returned.size() == 1);
    CHECK(h.returned[0] == "a");
}

TEST_CASE("text_field: while 还在使用吗？ is asked the pad steps aside and comes back as it was")
{
    Harness h;
    h.kind = TextKind::Digits;
    h.frame();
    h.tap("visitors.phone");
    h.tap("pad.key.9");
    h.tap("pad.key.6");
    REQUIRE(h.record.find_target("pad.done"));
    CHECK(context().overlay_rect.w > 0);

    h.asking = true;
    h.frame();
    CHECK_FALSE(h.record.find_target("pad.done"));  // nothing of the pad drawn or tappable
    CHECK_FALSE(h.record.find_target("pad.key.9"));
    CHECK(context().overlay_rect.w == 0);  // a drag there scrolls the screen, not the pad
    CHECK(h.pad.is_open());
    h.tap("visitors.phone");  // the field, uncovered: tapped, it does not start over
    CHECK(h.pad.is_open());
    CHECK(h.pad.text() == "96");

    h.asking = false;  // 继续使用
    h.frame();
    REQUIRE(h.record.find_target("pad.done"));
    CHECK(h.pad.text() == "96");
    h.tap("pad.done");
    REQUIRE(h.returned.size() == 1);
    CHECK(h.returned[0] == "96");
}

