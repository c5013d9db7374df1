// A scroll area says what it holds: the rows of a LIST taller than its area
// may lie below the fold (the person scrolls them to the finger); a required
// button on a PAGE that scrolls (Pay, Submit) may not. Real ImGui frames
// through the widgets, then the layout check on what they recorded.
#include "ui/context.hpp"
#include "ui/fonts.hpp"
#include "ui/frame_record.hpp"
#include "ui/layout_check.hpp"
#include "ui/widgets.hpp"

#include <doctest/doctest.h>
#include <imgui.h>

#include <string>
#include <vector>

using namespace kiosk::ui;

namespace {

bool mentions(const std::vector<std::string>& problems, const std::string& what)
{
    for (const auto& p : problems)
        if (p.find(what) != std::string::npos)
            return true;
    return false;
}

// Any target by id, also one recorded out of view (find_target skips those).
const DrawnTarget* recorded(const FrameRecord& frame, const std::string& id)
{
    for (const DrawnTarget& t : frame.targets)
        if (t.id == id)
            return &t;
    return nullptr;
}

struct Frames {
    FontLibrary library;
    kiosk::TouchGesture gesture;

    Frames()
    {
        ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;  // no imgui.ini shared with another run
        std::string error;
        REQUIRE_MESSAGE(library.open("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", error), error);
        library.want("缴费账单第行");
        Context& ctx = context();
        ctx.fonts = library.build(*ImGui::GetIO().Fonts, 36.0f, kiosk::Language::ZhCN);
        ctx.font_library = &library;
        ctx.gesture = &gesture;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
        ImGui::GetIO().DisplaySize = ImVec2(1080, 1920);
        ImGui::GetIO().DeltaTime = 1.0f / 60;
    }
    ~Frames()
    {
        context().font_library = nullptr;
        context().gesture = nullptr;
        ImGui::DestroyContext();
    }

    // A 600 px area holding 20 rows of 120 px, then a required button: the
    // area's content is taller than it, so the button lies below the fold.
    // Drawn twice: ImGui learns an area's overflow from the frame before.
    FrameRecord draw(ScrollKind kind)
    {
        for (int frame = 0; frame < 2; ++frame) {
            ImGui::NewFrame();
            frame_record().clear();
            ImGui::SetNextWindowPos(ImVec2(0, 0));
            ImGui::SetNextWindowSize(ImVec2(1080, 1920));
            ImGui::Begin(kind == ScrollKind::Page ? "page" : "list", nullptr, ImGuiWindowFlags_NoDecoration);
            begin_scroll_area("area", ImVec2(1000, 600), kind);
            {
                const RequiredTargets required;
                for (int i = 0; i < 20; ++i)
                    button(("row." + std::to_string(i)).c_str(), "第" + std::to_string(i) + "行", ImVec2(900, 120));
                button("pay", "缴费", ImVec2(900, 120), ButtonKind::Primary);
            }
            end_scroll_area();
            ImGui::End();
            ImGui::Render();
        }
        return frame_record();
    }
};

const LayoutRules rules{1080, 1920, 60, 2};  // ImGui's default item spacing between the rows

} // namespace

TEST_CASE("a required button below the fold of a PAGE that scrolls is reported; in a LIST it is a row scrolled to the finger")
{
    Frames frames;
    const FrameRecord page = frames.draw(ScrollKind::Page);
    const DrawnTarget* pay = recorded(page, "pay");
    REQUIRE(pay != nullptr);  // noted although out of view: it is required
    CHECK(pay->scrollable);
    CHECK_FALSE(pay->list_row);
    const auto page_problems = check_layout(page, rules);
    CHECK(mentions(page_problems, "required target not fully visible without scrolling 'pay'"));
    CHECK(mentions(page_problems, "required target not fully visible without scrolling 'row.19'"));
    CHECK(page_problems.size() == 17);  // rows 4..19 and pay; rows 0..3 are whole on screen

    const FrameRecord list = frames.draw(ScrollKind::List);
    REQUIRE(recorded(list, "pay") != nullptr);
    REQUIRE(recorded(list, "row.19") != nullptr);
    CHECK(recorded(list, "pay")->list_row);
    CHECK(recorded(list, "row.19")->list_row);
    CHECK(recorded(list, "row.0")->list_row);
    CHECK_FALSE(mentions(check_layout(list, rules), "not fully visible"));
}
