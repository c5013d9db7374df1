// Home: the services this kiosk offers as large tiles.
#include "screens/screens.hpp"

#include "ui/context.hpp"
#include "ui/frame_record.hpp"
#include "ui/icons.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>


namespace kiosk::screens {

namespace {

// An urgent notice (a water outage, a lift stopped) must be seen at once:
// a solid band with a label word, never colour alone. Tapping it opens the
// notice in its service (whichever service gave the banner).
void draw_urgent_banner(const HomeView& view, float width, Requests& requests)
{
    const ui::Context& ctx = ui::context();
    const ui::Palette& p = ctx.colors();
    const float pad = ctx.metrics.mm(4);
    const float inner = width - 2 * pad;
    const std::string heading = ui::with_icon("warning", view.banner_label) + "  " + view.banner_title;
    const float height = ui::text_height(heading, ui::TextRole::Title, inner) +
                         ImGui::GetStyle().ItemSpacing.y + ui::text_height(view.banner_body, ui::TextRole::Body, inner) +
                         2 * pad;
    const ImVec2 top_left = ImGui::GetCursorScreenPos();
    // The whole band is the target; the words are drawn over it.
    if (ui::button("home.banner", "", ImVec2(width, height)))
        requests.push(RequestOpenItem{view.banner_feature, view.banner_item});
    ImGui::SetCursorScreenPos(top_left);
    ImGui::GetWindowDrawList()->AddRectFilled(top_left, ImVec2(top_left.x + width, top_left.y + height), p.banner,
                                              ImGui::GetStyle().FrameRounding);
    ImGui::SetCursorScreenPos(ImVec2(top_left.x + pad, top_left.y + pad));
    ImGui::BeginGroup();
    ui::text(heading, ui::TextRole::Title, ui::Align::Left, inner, p.banner_text);
    ui::text(view.banner_body, ui::TextRole::Body, ui::Align::Left, inner, p.banner_text);
    ImGui::EndGroup();
    ImGui::SetCursorScreenPos(ImVec2(top_left.x, top_left.y + height));
    ImGui::Dummy(ImVec2(width, 1));
}

} // namespace

void draw_home_screen(const HomeView& view, Requests& requests)
{
    const ui::Context& ctx = ui::context();
    const float width = ImGui::GetContentRegionAvail().x;
    if (!view.banner_title.empty())
        draw_urgent_banner(view, width, requests);
    ImGui::Dummy(ImVec2(1, ctx.metrics.mm(4)));

    // Two big tiles a row in portrait, three in landscape (two at 2x text).
    int columns = ctx.metrics.landscape ? 3 : 2;
    // Five services and the emergency button must fit the reach band: in
    // portrait two columns stay at 2x (a label wraps to two lines at most).
    if (ctx.mode.text_scale == TextScale::X2 && ctx.metrics.landscape)
        columns -= 1;
    const ImVec2 spacing = ImGui::GetStyle().ItemSpacing;
    const float tile_w = ImFloor((width - spacing.x * (columns - 1)) / columns);
    // The question and its tiles sit at the bottom, within reach; the urgent
    // banner stays on top.
    // The 长者模式 switch, within reach: a bar under the tiles in portrait,
    // one more cell of their grid in landscape, where height is short.
    const bool switch_in_grid = ctx.metrics.landscape;
    const std::size_t cells = view.tiles.size() + (switch_in_grid ? 1 : 0);
    const int rows = static_cast<int>((cells + columns - 1) / columns);
    const float gap = ctx.metrics.mm(4);
    // What cannot wait (a feature's urgent actions, red) is as tall as its
    // words need (they wrap at 2x text) and comes before the tiles.
    auto urgent_height = [&](const HomeTile& urgent) {
        return ImMax(ImMax(ctx.target(), ctx.metrics.mm(ctx.mode.elderly ? 20 : 15)),
                     ui::button_size(ui::with_icon(urgent.icon, urgent.label), width, ui::TextRole::Title).y);
    };
    float urgent_h = view.urgent.empty() ? 0 : gap + spacing.y;
    for (const HomeTile& urgent : view.urgent)
        urgent_h += urgent_height(urgent) + spacing.y;
    // Tiles as tall as there is room for under the banner (landscape at 2x),
    // never below the touch target.
    const float room = ImGui::GetContentRegionAvail().y - ui::text_height(view.prompt, ui::TextRole::Title, width) -
                       2 * spacing.y - gap - urgent_h;
    // ... and never lower than the longest label needs (it wraps at 2x text).
    float label_h = 0;
    for (const HomeTile& tile : view.tiles)
        label_h = ImMax(label_h, ui::button_size(ui::with_icon(tile.icon, tile.label), tile_w, ui::TextRole::Title).y);
    const float tile_h = ImMax(ImMax(ctx.target(), label_h),
                               ImMin(ctx.metrics.mm(ctx.mode.elderly ? 45 : 35),
                                     rows > 0 ? (room - (rows - 1) * spacing.y) / rows : room));
    const float tiles_h = rows > 0 ? rows * tile_h + (rows - 1) * spacing.y : 0;
    const std::string elderly_text = ui::with_icon("universal-access", view.elderly_label);
    const float switch_h = ImMax(ui::button_size(elderly_text, width, ui::TextRole::Title).y, ctx.metrics.mm(24));
    ui::align_bottom(urgent_h + ui::text_height(view.prompt, ui::TextRole::Title, width) + spacing.y + gap + spacing.y +
                     tiles_h + (switch_in_grid ? 0 : gap + 2 * spacing.y + switch_h));
    const ui::RequiredTargets required;
    for (const HomeTile& urgent : view.urgent)
        if (ui::button(urgent.id.c_str(), ui::with_icon(urgent.icon, urgent.label), ImVec2(width, urgent_height(urgent)),
                       ui::ButtonKind::Danger, ui::TextRole::Title))
            requests.push(RequestUrgent{urgent.screen});
    if (!view.urgent.empty())
        ImGui::Dummy(ImVec2(1, gap));
    ui::text(view.prompt, ui::TextRole::Title, ui::Align::Center);
    ImGui::Dummy(ImVec2(1, gap));
    for (std::size_t i = 0; i < view.tiles.size(); ++i) {
        if (i % columns != 0)
            ImGui::SameLine();
        const HomeTile& tile = view.tiles[i];
        if (ui::button(tile.id.c_str(), ui::with_icon(tile.icon, tile.label), ImVec2(tile_w, tile_h),
                       ui::ButtonKind::Primary, ui::TextRole::Title))
            requests.push(RequestOpenScreen{tile.screen});
    }
    ImVec2 switch_size(width, switch_h);
    if (switch_in_grid) {
        if (view.tiles.size() % columns != 0)
            ImGui::SameLine();
        switch_size = ImVec2(tile_w, tile_h);
    } else {
        ImGui::Dummy(ImVec2(1, gap));
    }
    if (ui::button("home.elderly", elderly_text, switch_size,
                   view.elderly_on ? ui::ButtonKind::Selected : ui::ButtonKind::Secondary, ui::TextRole::Title))
        requests.push(RequestToggleElderly{});
}

} // namespace kiosk::screens
