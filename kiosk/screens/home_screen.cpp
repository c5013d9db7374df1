// Home: the services this kiosk offers as large tiles.
#include "screens/screens.hpp"

#include "ui/choice_list.hpp"
#include "ui/context.hpp"
#include "ui/frame_record.hpp"
#include "ui/icons.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <string>
#include <utility>
#include <vector>


namespace kiosk::screens {

namespace {

// An urgent notice (a water outage, a lift stopped) must be seen at once:
// a solid band with a label word, never colour alone. Tapping it opens the
// notice in its service (whichever service gave the banner).
std::string banner_heading(const HomeView& view)
{
    return ui::with_icon("warning", view.banner_label) + "  " + view.banner_title;
}

// The band's height, with its body text or with the heading alone.
float banner_height(const HomeView& view, float width, bool with_body)
{
    if (view.banner_title.empty())
        return 0;
    const float pad = ui::context().metrics.mm(4);
    const float inner = width - 2 * pad;
    float height = ui::text_height(banner_heading(view), ui::TextRole::Title, inner) + 2 * pad;
    if (with_body)
        height += ImGui::GetStyle().ItemSpacing.y + ui::text_height(view.banner_body, ui::TextRole::Body, inner);
    return height;
}

// Where the services would not fit under the whole notice (2x text, elderly
// mode) the band shows its heading alone; the tap opens the whole notice.
void draw_urgent_banner(const HomeView& view, float width, bool with_body, Requests& requests)
{
    const ui::Context& ctx = ui::context();
    const ui::Palette& p = ctx.colors();
    const float pad = ctx.metrics.mm(4);
    const float inner = width - 2 * pad;
    const std::string heading = banner_heading(view);
    const float height = banner_height(view, width, with_body);
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
    if (with_body)
        ui::text(view.banner_body, ui::TextRole::Body, ui::Align::Left, inner, p.banner_text);
    ImGui::EndGroup();
    ImGui::SetCursorScreenPos(ImVec2(top_left.x, top_left.y + height));
    ImGui::Dummy(ImVec2(width, 1));
}

// One cell of the home grid: a service tile, or (compact) an urgent action.
struct HomeCell {
    enum class Action { open, urgent, more };
    std::string id;
    ScreenId screen;
    std::string icon, label;
    ui::ButtonKind kind;
    Action action;
};

// Elderly mode: at most four services at once, three and 更多 (ux.md).
std::size_t& services_page()
{
    static std::size_t page = 0;
    return page;
}

// The icon beside the words, or above them where beside it would break the
// words in two (满意度调 / 查 in a narrow tile at 2x text).
std::string cell_text(const HomeCell& cell, float width)
{
    const std::string beside = ui::with_icon(cell.icon, cell.label);
    const std::string glyph = ui::icon_glyph(cell.icon);
    const float one_line = ui::button_size(glyph.empty() ? cell.label : glyph, width, ui::TextRole::Title).y;
    if (glyph.empty() || ui::button_size(beside, width, ui::TextRole::Title).y <= one_line ||
        ui::button_size(cell.label, width, ui::TextRole::Title).y > one_line)
        return beside;
    return glyph + "\n" + cell.label;
}

} // namespace

void draw_home_screen(const HomeView& view, Requests& requests)
{
    const ui::Context& ctx = ui::context();
    const float width = ImGui::GetContentRegionAvail().x;
    const ImVec2 spacing = ImGui::GetStyle().ItemSpacing;
    const float gap = ctx.metrics.mm(4);
    // The banner is drawn first, on top, but its size follows what is left
    // once the services are laid out: at least its heading.
    const float banner_gap = gap + 2 * spacing.y + 1;
    const float banner_short_h = banner_height(view, width, false);

    // What cannot wait (a feature's urgent action, red) is a full-width bar
    // before the tiles while its words fit one line. When they would wrap
    // (2x text in portrait) it becomes a cell of the grid with its short
    // words, so every service and the 长者模式 switch stay within reach.
    auto wraps = [&](const HomeTile& urgent) {
        return ui::button_size(ui::with_icon(urgent.icon, urgent.label), width, ui::TextRole::Title).y >
               ui::button_size(ui::with_icon(urgent.icon, urgent.short_label), width, ui::TextRole::Title).y;
    };
    bool urgent_in_grid = false;
    for (const HomeTile& urgent : view.urgent)
        if (!ctx.metrics.landscape && !urgent.short_label.empty() && wraps(urgent))
            urgent_in_grid = true;
    const std::size_t at_once = ui::elderly_choices_at_once;
    const bool paged = ctx.mode.elderly && view.tiles.size() > at_once;
    std::size_t first = 0, shown = view.tiles.size(), pages = 1;
    std::size_t& page = services_page();
    if (ctx.new_page)
        page = 0;  // back on home from a service: the first services again
    if (paged) {
        pages = (view.tiles.size() + at_once - 2) / (at_once - 1);
        page %= pages;
        first = page * (at_once - 1);
        shown = std::min(at_once - 1, view.tiles.size() - first);
    } else {
        page = 0;
    }
    const float min_h = ImMax(ctx.target(), ctx.metrics.mm(ctx.mode.elderly ? 20 : 15));
    auto urgent_height = [&](const HomeTile& urgent) {
        return ImMax(min_h, ui::button_size(ui::with_icon(urgent.icon, urgent.label), width, ui::TextRole::Title).y);
    };
    // The 长者模式 switch, within reach: a bar under the tiles in portrait,
    // one more cell of their grid in landscape, where height is short.
    const bool switch_in_grid = ctx.metrics.landscape;
    const std::string elderly_text = ui::with_icon("universal-access", view.elderly_label);
    const float switch_h = ImMax(ui::button_size(elderly_text, width, ui::TextRole::Title).y, ctx.metrics.mm(24));
    const float switch_room = switch_in_grid ? 0 : gap + 2 * spacing.y + switch_h;
    // The grid's room: under the question, and (portrait) within reach.
    const float top = ImGui::GetCursorScreenPos().y + banner_short_h + banner_gap;
    const float bottom = ImGui::GetCursorScreenPos().y + ImGui::GetContentRegionAvail().y;
    // The question over the tiles; left out where the tiles need its room
    // (landscape at 2x under the urgent banner: the 长者模式 switch lay
    // below the fold).
    bool ask_question = true;
    auto question_h = [&] {
        return ask_question ? ui::text_height(view.prompt, ui::TextRole::Title, width) + 2 * spacing.y + gap : 0.0f;
    };

    // Two big tiles a row in portrait, three in landscape: fewer where the
    // labels wrap so much (2x text, English) that the grid would not fit
    // (fewer columns, wider tiles, fewer wrapped lines).
    struct Grid {
        int columns;
        float tile_w, tile_h, height;
    };
    struct Plan {
        bool urgent_in_grid;
        std::vector<HomeCell> cells;
        float urgent_h, room;
        Grid grid;
    };
    auto plan_for = [&](bool urgent_cells) {
        Plan plan{urgent_cells, {}, 0, 0, {}};
        std::vector<HomeCell>& cells = plan.cells;
        for (std::size_t i = first; i < first + shown; ++i) {
            const HomeTile& tile = view.tiles[i];
            cells.push_back(
                {tile.id, tile.screen, tile.icon, tile.label, ui::ButtonKind::Primary, HomeCell::Action::open});
        }
        if (paged)
            cells.push_back({"home.more", {}, "", ui::more_label(page, pages), ui::ButtonKind::Secondary,
                             HomeCell::Action::more});
        if (urgent_cells)
            for (const HomeTile& urgent : view.urgent)
                cells.push_back({urgent.id, urgent.screen, urgent.icon, urgent.short_label, ui::ButtonKind::Danger,
                                 HomeCell::Action::urgent});
        if (!urgent_cells && !view.urgent.empty()) {
            plan.urgent_h = gap + spacing.y;
            for (const HomeTile& urgent : view.urgent)
                plan.urgent_h += urgent_height(urgent) + spacing.y;
        }
        const std::size_t cell_count = cells.size() + (switch_in_grid ? 1 : 0);
        const float room =
            ImMin(bottom - top - question_h(), bottom - ImMax(top, ImCeil(ctx.metrics.reach_top_px) + 1)) -
            plan.urgent_h - switch_room;
        plan.room = room;
        auto grid_for = [&](int columns) {
            const float tile_w = ImFloor((width - spacing.x * (columns - 1)) / columns);
            const int rows = static_cast<int>((cell_count + columns - 1) / columns);
            // Never lower than the longest label needs, nor than a touch target;
            // as tall as there is room for, up to a comfortable tile.
            float label_h = ctx.target();
            for (const HomeCell& cell : cells)
                label_h = ImMax(label_h, ui::button_size(cell_text(cell, tile_w), tile_w, ui::TextRole::Title).y);
            if (switch_in_grid)
                label_h = ImMax(label_h, ui::button_size(elderly_text, tile_w, ui::TextRole::Title).y);
            const float tile_h = ImMax(label_h, ImMin(ctx.metrics.mm(ctx.mode.elderly ? 45 : 35),
                                                      rows > 0 ? (room - (rows - 1) * spacing.y) / rows : room));
            return Grid{columns, tile_w, tile_h, rows > 0 ? rows * tile_h + (rows - 1) * spacing.y : 0};
        };
        plan.grid = grid_for(ctx.metrics.landscape ? 3 : 2);
        for (int columns = plan.grid.columns - 1; columns >= 1 && plan.grid.height > plan.room; --columns) {
            const Grid fewer = grid_for(columns);
            if (fewer.height < plan.grid.height)
                plan.grid = fewer;
        }
        return plan;
    };
    Plan plan = plan_for(urgent_in_grid);
    // Where the urgent bar leaves the grid too little room (landscape in
    // 长者模式: the 长者模式 switch lay under Back/Home), the urgent action
    // becomes a cell of the grid too, with its short words.
    bool short_labels = !view.urgent.empty();
    for (const HomeTile& urgent : view.urgent)
        short_labels = short_labels && !urgent.short_label.empty();
    if (!urgent_in_grid && short_labels && plan.grid.height > plan.room) {
        Plan cells_only = plan_for(true);
        if (cells_only.grid.height - cells_only.room < plan.grid.height - plan.room)
            plan = std::move(cells_only);
    }
    if (ctx.metrics.landscape && plan.grid.height > plan.room) {
        ask_question = false;
        plan = plan_for(plan.urgent_in_grid);
    }
    urgent_in_grid = plan.urgent_in_grid;
    const std::vector<HomeCell>& cells = plan.cells;
    const float urgent_h = plan.urgent_h;
    const Grid grid = plan.grid;
    const int columns = grid.columns;
    const float tile_w = grid.tile_w, tile_h = grid.tile_h, tiles_h = grid.height;
    // The question and its tiles sit at the bottom, within reach; the urgent
    // banner stays on top.
    const float block_h = urgent_h + question_h() + tiles_h + switch_room;
    if (!view.banner_title.empty()) {
        const float above = bottom - block_h - ImGui::GetCursorScreenPos().y;
        draw_urgent_banner(view, width, banner_height(view, width, true) + banner_gap <= above, requests);
    }
    ImGui::Dummy(ImVec2(1, gap));
    ui::align_bottom(block_h);
    const ui::RequiredTargets required;
    if (!urgent_in_grid) {
        for (const HomeTile& urgent : view.urgent)
            if (ui::button(urgent.id.c_str(), ui::with_icon(urgent.icon, urgent.label),
                           ImVec2(width, urgent_height(urgent)), ui::ButtonKind::Danger, ui::TextRole::Title))
                requests.push(RequestUrgent{urgent.screen});
        if (!view.urgent.empty())
            ImGui::Dummy(ImVec2(1, gap));
    }
    if (ask_question) {
        ui::text(view.prompt, ui::TextRole::Title, ui::Align::Center);
        ImGui::Dummy(ImVec2(1, gap));
    }
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i % columns != 0)
            ImGui::SameLine();
        const HomeCell& cell = cells[i];
        if (!ui::button(cell.id.c_str(), cell_text(cell, tile_w), ImVec2(tile_w, tile_h), cell.kind,
                        ui::TextRole::Title))
            continue;
        switch (cell.action) {
        case HomeCell::Action::open: requests.push(RequestOpenScreen{cell.screen}); break;
        case HomeCell::Action::urgent: requests.push(RequestUrgent{cell.screen}); break;
        case HomeCell::Action::more: page = (page + 1) % pages; break;
        }
    }
    ImVec2 switch_size(width, switch_h);
    if (switch_in_grid) {
        if (cells.size() % columns != 0)
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
