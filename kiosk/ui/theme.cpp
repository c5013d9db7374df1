// Theme: every text colour pair here keeps at least 7:1 contrast (WCAG AAA).
#include "ui/theme.hpp"

namespace kiosk::ui {

const Palette& palette(const DisplayMode& mode)
{
    static const Palette light{
        IM_COL32(247, 245, 238, 255), IM_COL32(11, 61, 99, 255),    // background, header
        IM_COL32(20, 20, 20, 255), IM_COL32(60, 60, 60, 255),      // text, muted (10:1)
        IM_COL32(11, 79, 138, 255), IM_COL32(5, 40, 72, 255), IM_COL32(255, 255, 255, 255),
        IM_COL32(255, 255, 255, 255), IM_COL32(205, 214, 224, 255), IM_COL32(20, 20, 20, 255),
        IM_COL32(70, 70, 70, 255),
        IM_COL32(20, 30, 45, 255), IM_COL32(255, 255, 255, 255),
        IM_COL32(6, 94, 39, 255), IM_COL32(150, 30, 0, 255),
        IM_COL32(0, 0, 0, 150), IM_COL32(255, 255, 255, 255),
        IM_COL32(150, 30, 0, 255), IM_COL32(255, 255, 255, 255),
        IM_COL32(0, 90, 90, 255), IM_COL32(255, 255, 255, 255),      // dialog action: teal, not Back/Home's blue
    };
    static const Palette high_contrast{
        IM_COL32(0, 0, 0, 255), IM_COL32(0, 0, 0, 255),
        IM_COL32(255, 255, 255, 255), IM_COL32(255, 255, 255, 255),
        IM_COL32(255, 212, 0, 255), IM_COL32(255, 255, 255, 255), IM_COL32(0, 0, 0, 255),
        IM_COL32(0, 0, 0, 255), IM_COL32(70, 70, 70, 255), IM_COL32(255, 255, 255, 255),
        IM_COL32(255, 255, 255, 255),
        IM_COL32(255, 255, 255, 255), IM_COL32(0, 0, 0, 255),
        IM_COL32(120, 255, 120, 255), IM_COL32(255, 140, 100, 255),
        IM_COL32(0, 0, 0, 215), IM_COL32(40, 40, 40, 255),  // dim, dialog: lifted off the black screen
        IM_COL32(255, 212, 0, 255), IM_COL32(0, 0, 0, 255),
        IM_COL32(90, 220, 255, 255), IM_COL32(0, 0, 0, 255),        // dialog action: light blue, not Back/Home's yellow
    };
    return mode.elderly ? high_contrast : light;
}

void apply_style(const ScreenMetrics& metrics, const DisplayMode& mode)
{
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    const Palette& p = palette(mode);
    style.WindowPadding = ImVec2(metrics.mm(5), metrics.mm(4));
    style.ItemSpacing = ImVec2(metrics.gap_px() + 2, metrics.gap_px() + 2);
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 0;
    style.PopupBorderSize = mode.elderly ? 3.0f : 0.0f;
    style.FrameRounding = metrics.mm(2);
    style.WindowRounding = 0;
    style.PopupRounding = metrics.mm(3);
    style.ScrollbarSize = 0;  // touch scrolling only: no tiny scrollbars to hit
    style.TouchExtraPadding = ImVec2(0, 0);
    style.Colors[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(p.background);
    style.Colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    style.Colors[ImGuiCol_PopupBg] = ImGui::ColorConvertU32ToFloat4(p.dialog_background);
    style.Colors[ImGuiCol_ModalWindowDimBg] = ImGui::ColorConvertU32ToFloat4(p.dialog_dim);
    style.Colors[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(p.text);
    style.Colors[ImGuiCol_Border] = ImGui::ColorConvertU32ToFloat4(p.text);
}

} // namespace kiosk::ui
