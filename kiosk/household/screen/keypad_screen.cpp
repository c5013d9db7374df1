// The digits step: which unit and what to type, the dots of what was typed,
// the message about the last try, and the keypad with OK in its corner.
#include "household/screen/household_screens.hpp"

#include "ui/context.hpp"
#include "ui/frame_record.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>

namespace kiosk::household {
namespace {

// Which unit, and what to type: on top (portrait) or beside the keypad.
// Without `with_prompt` the unit only (a message says what to do now).
void draw_prompt(const KeypadView& view, float width, bool with_prompt = true)
{
    ui::text(view.unit_label, ui::TextRole::Title, ui::Align::Center, width);
    if (with_prompt)
        ui::text(view.prompt, ui::TextRole::Body, ui::Align::Center, width);
}

// Landscape at 2x: the words beside the keypad have less height than the
// unit, the prompt, the dots and a long message need, and what did not fit
// scrolled off unseen. The message about the last try says what to do now,
// so it takes the prompt's place when both do not fit.
bool prompt_fits_beside(const KeypadView& view, float width, float height)
{
    if (view.message.empty())
        return true;
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const float need = ui::text_height(view.unit_label, ui::TextRole::Title, width) +
                       ui::text_height(view.prompt, ui::TextRole::Body, width) +
                       ui::text_height(view.dots, ui::TextRole::Title, width) + message_room(view.message, width) +
                       4 * spacing;
    return need <= height;
}

// The dots of what was typed and the message about it, right above the keys.
void draw_entry(const KeypadView& view, float width)
{
    ui::text(view.dots, ui::TextRole::Title, ui::Align::Center, width);
    const float room = message_room(view.message, width);
    const float top = ImGui::GetCursorPosY();
    if (!view.message.empty()) {
        const ui::Palette& p = ui::context().colors();
        ui::text(view.message, ui::TextRole::Body, ui::Align::Center, width, view.message_is_problem ? p.bad : p.text);
    }
    const float used = ImGui::GetCursorPosY() - top;
    if (used < room)
        ImGui::Dummy(ImVec2(1, ImMax(1.0f, room - used - ImGui::GetStyle().ItemSpacing.y)));
}

std::optional<DigitsRequest> draw_keys(const KeypadView& view, float width, float max_height = 0)
{
    const ui::Context& ctx = ui::context();
    // Wider keys at larger text, so "删除" and "确定" never wrap.
    const float pad_w = ImMin(width, ctx.metrics.mm(120) * text_scale_factor(ctx.mode.text_scale));
    const float left = ImGui::GetCursorPosX() + (width - pad_w) * 0.5f;
    if (view.busy) {
        ui::text(view.busy_text, ui::TextRole::Title, ui::Align::Center, width);
        return std::nullopt;
    }
    if (!view.keypad_enabled)
        return std::nullopt;
    // OK sits in the keypad's corner: at 2x text a button below it would
    // fall off the screen.
    ImGui::SetCursorPosX(left);
    ImGui::BeginGroup();
    const char key =
        ui::numeric_keypad(view.keypad_id.c_str(), view.erase_label, pad_w, view.submit_label, view.can_submit, max_height);
    ImGui::EndGroup();
    if (key == '\n')
        return view.can_submit ? std::optional<DigitsRequest>(RequestSubmit{}) : std::nullopt;
    if (key != 0)
        return RequestKey{key};
    return std::nullopt;
}

} // namespace

float message_room(std::string_view message, float width)
{
    return ImMax(ui::text_height("-\n-", ui::TextRole::Body, width), ui::text_height(message, ui::TextRole::Body, width));
}

std::optional<DigitsRequest> draw_household_keypad(const KeypadView& view)
{
    const float width = ImGui::GetContentRegionAvail().x;
    const ui::RequiredTargets required;
    if (!ui::context().metrics.landscape) {
        // The keypad within reach at the bottom, what was typed right above
        // it, which unit and what to type on top.
        draw_prompt(view, width);
        // Keys get shorter (down to the touch minimum) before a long message
        // (English, 2x) pushes the last row under Back/Home.
        const float spacing = ImGui::GetStyle().ItemSpacing.y;
        const float entry_h =
            ui::text_height(view.dots, ui::TextRole::Title, width) + message_room(view.message, width) + 2 * spacing;
        const float keys_max = ImGui::GetContentRegionAvail().y - entry_h;
        ui::align_bottom(entry_h + ui::numeric_keypad_height(keys_max));
        draw_entry(view, width);
        return draw_keys(view, width, keys_max);
    }
    // Landscape has width to spare and little height: the keypad beside the
    // words, so its every key is on screen without scrolling.
    const float column = ImFloor((width - ImGui::GetStyle().ItemSpacing.x) * 0.5f);
    const float height = ImGui::GetContentRegionAvail().y;
    ImGui::BeginGroup();
    draw_prompt(view, column, prompt_fits_beside(view, column, height));
    draw_entry(view, column);
    ImGui::EndGroup();
    ImGui::SameLine();
    ImGui::BeginGroup();
    auto request = draw_keys(view, column, ImGui::GetContentRegionAvail().y);
    ImGui::EndGroup();
    return request;
}

} // namespace kiosk::household
