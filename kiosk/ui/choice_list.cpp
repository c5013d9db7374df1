// Choice lists: flowing rows, paged at four buttons in elderly mode.
#include "ui/choice_list.hpp"

#include "core/locale.hpp"
#include "ui/context.hpp"
#include "ui/frame_record.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <map>
#include <optional>

namespace kiosk::ui {
namespace {

// Which page each list shows; a list whose choices change starts again at
// its first page (a new entrance's rooms, a new person's bills).
struct PageMemo {
    std::string choices;  // the ids it was for
    std::size_t page = 0;
};

std::map<std::string, PageMemo>& pages()
{
    static std::map<std::string, PageMemo> memo;
    return memo;
}

std::string signature(const std::vector<Choice>& choices)
{
    std::string ids;
    for (const Choice& choice : choices)
        ids += choice.id + '\n';
    return ids;
}

// Buttons as wide as their words (at least min_width) flowing in rows; or,
// with `columns`, that many even columns with the words wrapped, each
// button as tall as the tallest of its row.
std::vector<ImVec2> arrange(const std::vector<std::string>& labels, const ChoiceListLayout& layout, float width,
                            float height, int columns)
{
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float cell = columns > 0 ? ImFloor((width - gap * (columns - 1)) / columns) : 0;
    std::vector<ImVec2> sizes;
    for (const std::string& label : labels) {
        const float w = columns > 0 ? cell : ImMin(width, ImMax(layout.min_width, button_size(label, 0, layout.role).x));
        // As tall as the label wrapped at that width (a long bill line wraps).
        sizes.emplace_back(w, ImMax(height, button_size(label, w, layout.role).y));
    }
    const std::size_t per_row = static_cast<std::size_t>(columns);
    for (std::size_t row = 0; columns > 0 && row < sizes.size(); row += per_row) {
        const std::size_t end = std::min(sizes.size(), row + per_row);
        float row_h = 0;
        for (std::size_t i = row; i < end; ++i)
            row_h = ImMax(row_h, sizes[i].y);
        for (std::size_t i = row; i < end; ++i)
            sizes[i].y = row_h;
    }
    return sizes;
}

} // namespace

std::size_t& paged_list_page(const std::string& id, const std::string& signature)
{
    PageMemo& memo = pages()[id];
    if (memo.choices != signature) {
        memo.choices = signature;
        memo.page = 0;
    }
    return memo.page;
}

std::string more_label(std::size_t page, std::size_t count)
{
    const std::string& pattern = context().more_label;
    return format_text(pattern.empty() ? std::string("… {page}/{pages}") : pattern,
                       {{"page", std::to_string(page + 1)}, {"pages", std::to_string(count)}});
}

namespace {

// The page of the list in view and its buttons' words (更多 last when paged).
struct PageInView {
    std::size_t first = 0, shown = 0, page_count = 1;
    bool paged = false;
    std::vector<std::string> labels;
};

PageInView page_in_view(const char* id, const std::vector<Choice>& choices, const ChoiceListLayout& layout)
{
    // Elderly mode: three choices and 更多 when there are more than four.
    PageInView view;
    view.shown = choices.size();
    PageMemo& memo = pages()[id];
    const std::string ids = signature(choices);
    if (memo.choices != ids)
        memo = PageMemo{ids, 0};
    const std::size_t slots = std::max<std::size_t>(2, std::min(layout.elderly_slots, elderly_choices_at_once));
    view.paged = context().mode.elderly && choices.size() > slots;
    if (view.paged) {
        const std::size_t per_page = slots - 1;
        view.page_count = (choices.size() + per_page - 1) / per_page;
        memo.page %= view.page_count;
        view.first = memo.page * per_page;
        view.shown = std::min(per_page, choices.size() - view.first);
    }
    for (std::size_t i = view.first; i < view.first + view.shown; ++i)
        view.labels.push_back(choices[i].label);
    if (view.paged)
        view.labels.push_back(more_label(memo.page, view.page_count));
    return view;
}

float button_height(const ChoiceListLayout& layout)
{
    return ImMax(context().target(), layout.min_height);
}

} // namespace

float choice_list_height(const char* id, const std::vector<Choice>& choices, const ChoiceListLayout& layout, float width)
{
    const PageInView view = page_in_view(id, choices, layout);
    return FlowRow::height(arrange(view.labels, layout, width, button_height(layout), 0), width);
}

int choice_list(const char* id, const std::vector<Choice>& choices, const ChoiceListLayout& layout)
{
    const Context& ctx = context();
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = button_height(layout);
    const PageInView view = page_in_view(id, choices, layout);
    const std::vector<std::string>& labels = view.labels;
    const std::size_t first = view.first, shown = view.shown;
    const bool paged = view.paged;
    std::vector<ImVec2> sizes = arrange(labels, layout, width, height, 0);

    // At the bottom, within reach: on a portrait panel no higher than the
    // reach band's top. Rows too tall for that room become even columns
    // (long words wrap, so more buttons share a row) when that is lower;
    // still too tall, the list scrolls within the room, to the finger.
    bool scrolls = false;
    float room = 0;
    if (layout.at_bottom) {
        const float spacing = ImGui::GetStyle().ItemSpacing.y;
        const float here = ImGui::GetCursorScreenPos().y;
        const float bottom = here + ImGui::GetContentRegionAvail().y;
        room = bottom - ImMax(here, ImCeil(ctx.metrics.reach_top_px) + 1) - spacing;
        float tallest = FlowRow::height(sizes, width);
        const float gap = ImGui::GetStyle().ItemSpacing.x;
        for (int columns = 1; tallest > room; ++columns) {
            const float cell = ImFloor((width - gap * (columns - 1)) / columns);
            if (cell < ImMax(layout.min_width, ctx.target()))
                break;
            bool fit = true;
            for (const std::string& label : labels)
                fit = fit && label_fits(label, cell, layout.role);
            if (!fit)
                continue;
            std::vector<ImVec2> even = arrange(labels, layout, width, height, columns);
            const float even_h = FlowRow::height(even, width);
            if (even_h < tallest) {
                sizes = std::move(even);
                tallest = even_h;
            }
        }
        float biggest = 0;
        for (const ImVec2& size : sizes)
            biggest = ImMax(biggest, size.y);
        // A room lower than one button cannot hold a list: the page scrolls instead.
        scrolls = tallest > room && room >= biggest;
        align_bottom(scrolls ? room : tallest);
    }
    std::optional<RequiredTargets> required;
    if (layout.at_bottom)
        required.emplace();
    if (scrolls)
        begin_scroll_area((std::string(id) + ".scroll").c_str(), ImVec2(width, room), ScrollKind::List);
    int tapped = -1;
    FlowRow row(width);
    for (std::size_t k = 0; k < labels.size(); ++k) {
        row.place(sizes[k].x);
        if (paged && k == shown) {
            const std::string more_id = std::string(id) + ".more";
            if (button(more_id.c_str(), labels[k], sizes[k], ButtonKind::Primary, layout.role)) {
                PageMemo& memo = pages()[id];
                memo.page = (memo.page + 1) % view.page_count;
            }
            continue;
        }
        const Choice& choice = choices[first + k];
        if (button(choice.id.c_str(), choice.label, sizes[k], choice.kind, layout.role))
            tapped = static_cast<int>(first + k);
    }
    if (scrolls)
        end_scroll_area();
    return tapped;
}

} // namespace kiosk::ui
