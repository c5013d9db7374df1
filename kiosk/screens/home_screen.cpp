// Home: the services this kiosk offers as large tiles.
#include "screens/screens.hpp"

#include "ui/context.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

namespace kiosk::screens {

void draw_home_screen(const HomeView& view, Requests& requests)
{
    const ui::Context& ctx = ui::context();
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::Dummy(ImVec2(1, ctx.metrics.mm(4)));
    ui::text(view.prompt, ui::TextRole::Title, ui::Align::Center);
    ImGui::Dummy(ImVec2(1, ctx.metrics.mm(4)));

    // Wide tiles at large text: fewer choices per row, each easier to hit.
    const float tile_min_w = ctx.metrics.mm(ctx.mode.elderly ? 110 : 70) * text_scale_factor(ctx.mode.text_scale) / (ctx.mode.elderly ? 2.0f : 1.0f);
    const int columns = std::clamp(static_cast<int>(width / tile_min_w), 1, 3);
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float tile_w = ImFloor((width - spacing * (columns - 1)) / columns);
    const float tile_h = ImMax(ctx.metrics.mm(ctx.mode.elderly ? 45 : 35), ctx.target());
    for (std::size_t i = 0; i < view.tiles.size(); ++i) {
        if (i % columns != 0)
            ImGui::SameLine();
        const HomeTile& tile = view.tiles[i];
        if (ui::button(tile.id.c_str(), tile.label, ImVec2(tile_w, tile_h), ui::ButtonKind::Primary, ui::TextRole::Title))
            requests.push(RequestOpenScreen{tile.screen});
    }
}

} // namespace kiosk::screens
