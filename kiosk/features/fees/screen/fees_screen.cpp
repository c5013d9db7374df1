// Fees, first steps: the shared unit picker (building, entrance, room) and
// household keypad (the last four phone digits, shown as dots). The bill and
// payment steps are in fees_bill_screen.cpp.
#include "features/fees/screen/fees_parts.hpp"
#include "features/fees/screen/fees_screens.hpp"

#include "household/screen/household_screens.hpp"
#include "ui/context.hpp"
#include "ui/frame_record.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <optional>
#include <variant>

namespace kiosk::fees {
namespace {

// The shared screens answer with a household request; it goes to fees.
template <class Variant>
void ask_household(Requests& requests, const std::optional<Variant>& request)
{
    if (request)
        std::visit([&](const auto& r) { ask(requests, r); }, *request);
}

} // namespace

void draw_fees_message(const FeesView& view)
{
    if (view.message.empty())
        return;
    const ui::Palette& p = ui::context().colors();
    ui::text(view.message, ui::TextRole::Body, ui::Align::Center, 0, view.message_is_problem ? p.bad : p.text);
}

void draw_fees_screen(const FeesView& view, Requests& requests)
{
    const ui::Context& ctx = ui::context();
    ImGui::Dummy(ImVec2(1, ctx.metrics.mm(2)));
    switch (view.step) {
    case FeesStep::Unit: ask_household(requests, household::draw_unit_picker(view.picker)); break;
    case FeesStep::Digits: ask_household(requests, household::draw_household_keypad(view.keypad)); break;
    case FeesStep::Bill: draw_fees_bill(view, requests); break;
    case FeesStep::Choose: draw_fees_choose(view, requests); break;
    case FeesStep::Confirm: draw_fees_confirm(view, requests); break;
    case FeesStep::Paying:
    case FeesStep::Paid:
    case FeesStep::Expired: draw_fees_order(view, requests); break;
    }
}

void draw_fees_dialogs(const FeesView& view, Requests& requests)
{
    const ExplainDialogView& explain = view.explain;
    if (ui::begin_dialog("fees.explain", explain.open)) {
        const float width = ImGui::GetContentRegionAvail().x;
        const float spacing = ImGui::GetStyle().ItemSpacing.y;
        const auto words_height = [&] {
            float h = 0;
            for (const std::string* s : {&explain.title, &explain.covers_label, &explain.not_covered_label})
                h += ui::text_height(*s, ui::TextRole::Title, width) + spacing;
            for (const std::string* s : {&explain.covers, &explain.not_covered})
                h += ui::text_height(*s, ui::TextRole::Body, width) + spacing;
            return h;
        };
        // A dialog has at most ui::dialog_max_height(): when the words need
        // more (2x text on a landscape panel) they scroll, and 知道了 stays
        // whole under them.
        const float button_h = ui::button_size(explain.close_label, width, ui::TextRole::Title).y;
        const float room = ui::dialog_max_height() - 2 * ImGui::GetStyle().WindowPadding.y - button_h - 2 * spacing;
        const bool scrolls = words_height() > room;
        if (scrolls)
            ui::begin_scroll_area("explain words", ImVec2(width, room), ui::ScrollKind::Page);
        ui::text(explain.title, ui::TextRole::Title, ui::Align::Center);
        ui::text(explain.covers_label, ui::TextRole::Title);
        ui::text(explain.covers, ui::TextRole::Body);
        ui::text(explain.not_covered_label, ui::TextRole::Title);
        ui::text(explain.not_covered, ui::TextRole::Body);
        if (scrolls)
            ui::end_scroll_area();
        const ui::RequiredTargets required;
        if (ui::button("fees.explain.close", explain.close_label, ImVec2(width, button_h), ui::ButtonKind::Primary,
                       ui::TextRole::Title))
            ask(requests, RequestExplain{});
        ui::end_dialog();
    }
}

ui::FeatureScreens fees_screens()
{
    return ui::make_feature_screens<FeesView>(draw_fees_screen, draw_fees_dialogs,
                                              [](const FeesView& view) { return static_cast<int>(view.step); });
}

} // namespace kiosk::fees
