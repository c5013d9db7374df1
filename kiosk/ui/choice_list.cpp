// Choice lists: flowing rows, paged at four buttons in elderly mode.
#include "ui/choice_list.hpp"

#include "core/locale.hpp"
#include "ui/context.hpp"
#include "ui/frame_record.hpp"

#include <imgui.h>
#include <imgui_internal.h>

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

} // namespace

std::string more_label(std::size_t page, std::size_t count)
{
    const std::string& pattern = context().more_label;
    return format_text(pattern.empty() ? std::string("… {page}/{pages}") : pattern,
                       {{"page", std::to_string(page + 1)}, {"pages", std::to_string(count)}});
}

int choice_list(const char* id, const std::vector<Choice>& choices, const ChoiceListLayout& layout)
{
    const Context& ctx = context();
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = ImMax(ctx.target(), layout.min_height);

    // Elderly mode: three choices and 更多 when there are more than four.
    std::size_t first = 0, shown = choices.size(), page_count = 1;
    PageMemo& memo = pages()[id];
    const std::string ids = signature(choices);
    if (memo.choices != ids)
        memo = PageMemo{ids, 0};
    const std::size_t slots = std::max<std::size_t>(2, std::min(layout.elderly_slots, elderly_choices_at_once));
    const bool paged = ctx.mode.elderly && choices.size() > slots;
    if (paged) {
        const std::size_t per_page = slots - 1;
        page_count = (choices.size() + per_page - 1) / per_page;
        memo.page %= page_count;
        first = memo.page * per_page;
        shown = std::min(per_page, choices.size() - first);
    }

    std::vector<std::string> labels;
    std::vector<ImVec2> sizes;
    for (std::size_t i = first; i < first + shown; ++i)
        labels.push_back(choices[i].label);
    if (paged)
        labels.push_back(more_label(memo.page, page_count));
    for (const std::string& label : labels) {
        const float w = ImMin(width, ImMax(layout.min_width, button_size(label, 0, layout.role).x));
        // As tall as the label wrapped at that width (a long bill line wraps).
        sizes.emplace_back(w, ImMax(height, button_size(label, w, layout.role).y));
    }

    if (layout.at_bottom)
        align_bottom(FlowRow::height(sizes, width));
    std::optional<RequiredTargets> required;
    if (layout.at_bottom)
        required.emplace();
    int tapped = -1;
    FlowRow row(width);
    for (std::size_t k = 0; k < labels.size(); ++k) {
        row.place(sizes[k].x);
        if (paged && k == shown) {
            const std::string more_id = std::string(id) + ".more";
            if (button(more_id.c_str(), labels[k], sizes[k], ButtonKind::Primary, layout.role))
                memo.page = (memo.page + 1) % page_count;
            continue;
        }
        const Choice& choice = choices[first + k];
        if (button(choice.id.c_str(), choice.label, sizes[k], choice.kind, layout.role))
            tapped = static_cast<int>(first + k);
    }
    return tapped;
}

} // namespace kiosk::ui
