// Touch widgets built on ImGui's item and button behaviour.
#include "ui/widgets.hpp"

#include "ui/context.hpp"
#include "ui/frame_record.hpp"
#include "ui/text_layout.hpp"

#include <imgui_internal.h>

#include <string>

namespace kiosk::ui {
namespace {

ImFont* font_for(TextRole role)
{
    if (role == TextRole::Amount && context().fonts.amount)
        return context().fonts.amount;
    return role == TextRole::Title ? context().fonts.title : context().fonts.body;
}

// Every text passes here, so a character new to the atlas (a notice with a
// rare character) triggers a rebuild instead of drawing '?'.
void note_text(std::string_view text)
{
    Context& ctx = context();
    if (ctx.font_library && ctx.font_library->want(text))
        ctx.needs_font_rebuild = true;
}

ImVec4 to_vec4(const ImRect& r)
{
    return ImVec4(r.Min.x, r.Min.y, r.Max.x, r.Max.y);
}

float padding_x()
{
    return context().metrics.mm(4);
}

float padding_y()
{
    return context().metrics.mm(2.5f);
}

} // namespace

ImVec2 button_size(std::string_view label, float width, TextRole role)
{
    ImFont* font = font_for(role);
    float wrap = width > 0 ? width - 2 * padding_x() : 0;
    TextLayout layout = layout_text(font, label, wrap);
    float w = width > 0 ? width : layout.size.x + 2 * padding_x();
    float h = layout.size.y + 2 * padding_y();
    float target = context().target();
    return ImVec2(ImMax(w, target), ImMax(h, target));
}

bool label_fits(std::string_view label, float width, TextRole role)
{
    const float wrap = width - 2 * padding_x();
    return wrap > 0 && layout_text(font_for(role), label, wrap).size.x <= wrap + 0.5f;
}

bool button(const char* id, std::string_view label, ImVec2 size, ButtonKind kind, TextRole role)
{
    note_text(label);
    frame_record().note_readable(label);  // read even when scrolled out of sight
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImGuiID gid = window->GetID(id);
    if (size.x <= 0 || size.y <= 0)
        size = button_size(label, size.x, role);
    const ImRect bb(window->DC.CursorPos, ImVec2(window->DC.CursorPos.x + size.x, window->DC.CursorPos.y + size.y));
    ImGui::ItemSize(size);
    // A control that waits (ImGui::BeginDisabled: the screen under 还在使用吗)
    // cannot be touched now, so it is not required now.
    FrameRecord& record = frame_record();
    const bool required = record.required_depth > 0 && !(GImGui->CurrentItemFlags & ImGuiItemFlags_Disabled);
    if (!ImGui::ItemAdd(bb, gid)) {
        // Out of view: a required one is still noted, so the layout check
        // can say it cannot be seen without scrolling.
        if (required)
            record.targets.push_back({id, std::string(label), to_vec4(bb), current_clip_rect(), record.layer,
                                      record.scroll_depth > 0, true, record.scroll_depth > 0 && record.scroll_overflows,
                                      window->RootWindow->Name, false, record.in_overflowing_list()});
        return false;
    }

    bool hovered = false, held = false;
    // Default flags: pressed on release, only if still inside the same button.
    bool pressed = ImGui::ButtonBehavior(bb, gid, &hovered, &held);
    const bool show_pressed = held && hovered;
    Context& ctx = context();
    // 读屏: the first touch on a control reads it aloud; touching it again acts.
    if (pressed && ctx.screen_reader && ctx.acts_at_once == 0) {
        if (ctx.reader_armed != id) {
            ctx.reader_armed = id;
            ctx.say = std::vector<std::string>{std::string(label)};
            pressed = false;
        } else {
            ctx.reader_armed.clear();
        }
    } else if (pressed) {
        ctx.reader_armed.clear();
    }
    const bool armed = ctx.screen_reader && ctx.reader_armed == id;

    const Palette& p = context().colors();
    ImU32 fill = p.secondary, ink = p.secondary_text;
    if (kind == ButtonKind::Primary && frame_record().layer > 0) {
        // A dialog's action is not the same colour as Back/Home under it:
        // in 长者模式 a yellow 知道了 right above yellow Back/Home read as one row.
        fill = show_pressed ? p.primary_pressed : p.dialog_primary;
        ink = show_pressed && context().mode.elderly ? p.background : p.dialog_primary_text;
    } else if (kind == ButtonKind::Primary) {
        fill = show_pressed ? p.primary_pressed : p.primary;
        ink = show_pressed && context().mode.elderly ? p.background : p.primary_text;
    } else if (kind == ButtonKind::Selected) {
        fill = p.selected;
        ink = p.selected_text;
    } else if (kind == ButtonKind::Danger) {
        fill = show_pressed ? p.primary_pressed : p.bad;
        ink = p.primary_text;
    } else if (kind == ButtonKind::Disabled) {
        fill = p.background;   // no fill, muted words: plainly not the way on
        ink = p.muted_text;
    } else if (show_pressed) {
        fill = p.secondary_pressed;
    }
    ImDrawList* list = window->DrawList;
    float rounding = ImGui::GetStyle().FrameRounding;
    list->AddRectFilled(bb.Min, bb.Max, fill, rounding);
    if (kind == ButtonKind::Secondary)
        list->AddRect(bb.Min, bb.Max, p.secondary_border, rounding, 0, context().mode.elderly ? 3.0f : 2.0f);
    else if (kind == ButtonKind::Disabled)   // thin and muted: an outline, not a control
        list->AddRect(bb.Min, bb.Max, p.muted_text, rounding, 0, 1.0f);
    if (show_pressed || armed)  // instant feedback that survives colour blindness; 读屏's chosen control
        list->AddRect(bb.Min, bb.Max, p.text, rounding, 0, armed ? 6.0f : 4.0f);

    ImFont* font = font_for(role);
    TextLayout layout = layout_text(font, label, size.x - 2 * padding_x());
    ImVec2 text_pos(bb.Min.x + padding_x(), bb.Min.y + (size.y - layout.size.y) * 0.5f);
    draw_text(list, font, layout, text_pos, ink, true, size.x - 2 * padding_x());

    ImVec4 clip = current_clip_rect();
    record.targets.push_back({id, std::string(label), to_vec4(bb), clip, record.layer, record.scroll_depth > 0,
                              required, record.scroll_depth > 0 && record.scroll_overflows,
                              ImGui::GetCurrentWindow()->RootWindow->Name, false, record.in_overflowing_list()});
    ImRect text_rect(text_pos, ImVec2(text_pos.x + size.x - 2 * padding_x(), text_pos.y + layout.size.y));
    // A button without words (the home banner: its words are drawn over it)
    // has no text of its own to overlap anything.
    if (!label.empty())
        record.texts.push_back({std::string(label), to_vec4(text_rect), clip, record.layer, record.scroll_depth > 0});
    return pressed;
}

float text_height(std::string_view text, TextRole role, float width)
{
    return layout_text(font_for(role), text, width).size.y;
}

ImVec2 text_size(std::string_view text, TextRole role)
{
    return layout_text(font_for(role), text, 0).size;
}

void text(std::string_view value, TextRole role, Align align, float width, ImU32 color)
{
    note_text(value);
    frame_record().note_readable(value);  // read even when scrolled out of sight
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (width <= 0)
        width = ImGui::GetContentRegionAvail().x;
    ImFont* font = font_for(role);
    TextLayout layout = layout_text(font, value, width);
    const ImVec2 pos = window->DC.CursorPos;
    const ImVec2 size(width, layout.size.y);
    ImGui::ItemSize(size);
    const ImRect bb(pos, ImVec2(pos.x + size.x, pos.y + size.y));
    if (!ImGui::ItemAdd(bb, 0))
        return;
    const Palette& p = context().colors();
    if (color == 0)
        color = role == TextRole::Muted ? p.muted_text : p.text;
    draw_text(window->DrawList, font, layout, pos, color, align == Align::Center, width);

    FrameRecord& record = frame_record();
    float x0 = align == Align::Center ? pos.x + (width - layout.size.x) * 0.5f : pos.x;
    ImRect drawn(ImVec2(x0, pos.y), ImVec2(x0 + layout.size.x, pos.y + layout.size.y));
    record.texts.push_back({std::string(value), to_vec4(drawn), current_clip_rect(), record.layer,
                            record.scroll_depth > 0});

}

// Each enclosing scroll area: whether it overflows and is a list, innermost last.
struct OuterArea {
    bool overflows;
    bool is_list;
};
static std::vector<OuterArea>& outer_areas()
{
    static std::vector<OuterArea> stack;
    return stack;
}

// The first target drawn in each open scroll area, innermost last.
static std::vector<std::size_t>& first_targets()
{
    static std::vector<std::size_t> stack;
    return stack;
}

void begin_scroll_area(const char* id, ImVec2 size, ScrollKind kind)
{
    ImGui::BeginChild(id, size, false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    Context& ctx = context();
    TouchGesture& gesture = *ctx.gesture;
    const ImGuiID area = window->ID;
    const ImVec2 press(gesture.press_pos().x, gesture.press_pos().y);
    const ImVec4& overlay = ctx.overlay_rect;  // a drag on the text pad is the pad's
    const ImRect rect = window->Rect();
    const bool on_overlay = press.x >= overlay.x && press.x < overlay.z && press.y >= overlay.y && press.y < overlay.w;
    const bool area_in_overlay = rect.Min.x >= overlay.x && rect.Max.x <= overlay.z && rect.Min.y >= overlay.y &&
                                 rect.Max.y <= overlay.w;
    // Only an area that can scroll takes the drag: a page that fits must not
    // keep it from a words area inside it that overflows (2x text).
    if (gesture.dragging() && gesture.owner() == 0 && (!on_overlay || area_in_overlay) && rect.Contains(press) &&
        ImGui::GetScrollMaxY() > 0)
        gesture.claim(area);
    if (gesture.owner() == area) {
        float dy = gesture.take_scroll_y(ctx.now_s);
        if (dy != 0) {
            float target = ImClamp(ImGui::GetScrollY() + dy, 0.0f, ImGui::GetScrollMaxY());
            ImGui::SetScrollY(target);
        }
        if (gesture.animating())
            ctx.needs_another_frame = true;
    }
    frame_record().scroll_depth++;
    first_targets().push_back(frame_record().targets.size());
    FrameRecord& record = frame_record();
    outer_areas().push_back({record.scroll_overflows, record.scroll_is_list});
    record.scroll_overflows = ImGui::GetScrollMaxY() > 0;
    record.scroll_is_list = kind == ScrollKind::List;
}

void align_bottom(float block_height)
{
    const float spare = ImGui::GetContentRegionAvail().y - block_height - ImGui::GetStyle().ItemSpacing.y;
    if (spare > 0)
        ImGui::Dummy(ImVec2(1, spare));
}

// A thumb at the area's right edge while its content overflows: without a
// scroll bar nobody guesses that the last lines are only out of sight. It
// shows where the view is; the drag on the content moves it.
static void draw_scroll_cue(ImGuiWindow* window)
{
    const float max_y = ImGui::GetScrollMaxY();
    if (max_y <= 0)
        return;
    const ImRect r = window->InnerRect;
    const float h = r.GetHeight();
    const Context& ctx = context();
    const float w = ctx.metrics.mm(ctx.mode.elderly ? 2.5f : 1.5f);
    const float thumb = ImClamp(h * h / (h + max_y), ctx.metrics.mm(8), h);
    const float y = r.Min.y + (h - thumb) * (ImGui::GetScrollY() / max_y);
    window->DrawList->AddRectFilled(ImVec2(r.Max.x - w, y), ImVec2(r.Max.x, y + thumb), ctx.colors().muted_text,
                                    w * 0.5f);
}

void end_scroll_area()
{
    // ImGui knows an area's overflow from the frame before; a list that
    // first grew in this frame (a screen just opened) overflows now: its own
    // targets are brought to the finger by scrolling, not clipped.
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    draw_scroll_cue(window);
    const bool overflows_now =
        window->DC.CursorMaxPos.y - window->DC.CursorStartPos.y > window->InnerRect.GetHeight() + 1.0f;
    std::vector<DrawnTarget>& targets = frame_record().targets;
    const ImVec4 clip = current_clip_rect();
    const bool is_list = frame_record().scroll_is_list;
    if (overflows_now)
        for (std::size_t i = first_targets().back(); i < targets.size(); ++i)
            if (targets[i].clip.x == clip.x && targets[i].clip.y == clip.y && targets[i].clip.z == clip.z &&
                targets[i].clip.w == clip.w) {
                targets[i].scrollable = true;
                targets[i].list_row = targets[i].list_row || is_list;
            }
    first_targets().pop_back();
    frame_record().scroll_depth--;
    // Back in the enclosing area: its own overflow counts again, not the inner list's.
    std::vector<OuterArea>& outer = outer_areas();
    frame_record().scroll_overflows = !outer.empty() && outer.back().overflows;
    frame_record().scroll_is_list = !outer.empty() && outer.back().is_list;
    if (!outer.empty())
        outer.pop_back();
    ImGui::EndChild();
}

FlowRow::FlowRow(float width) : m_width(width) {}

bool FlowRow::advance(float item_width)
{
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const bool same_row = !m_first && m_used + spacing + item_width <= m_width;
    m_used = same_row ? m_used + spacing + item_width : item_width;
    m_first = false;
    return same_row;
}

void FlowRow::place(float item_width)
{
    if (advance(item_width))
        ImGui::SameLine();
}

float FlowRow::height(const std::vector<ImVec2>& sizes, float width)
{
    FlowRow row(width);
    float total = 0, row_h = 0;
    for (const ImVec2& size : sizes) {
        if (!row.advance(size.x) && row_h > 0) {
            total += row_h + ImGui::GetStyle().ItemSpacing.y;
            row_h = 0;
        }
        row_h = ImMax(row_h, size.y);
    }
    return total + row_h;
}

// The band dialogs sit in: below the header, a gap above Back/Home.
static ImVec2 dialog_band()
{
    const Context& ctx = context();
    const float display_h = ImGui::GetIO().DisplaySize.y;
    const float margin = ctx.metrics.mm(3);
    if (ctx.dialog_band_bottom <= ctx.dialog_band_top)
        return ImVec2(display_h * 0.1f, display_h * 0.9f);
    return ImVec2(ImMax(margin, ctx.dialog_band_top), ctx.dialog_band_bottom - ctx.metrics.mm(8));
}

float dialog_max_height()
{
    // A dialog taller than the band may cover the header, never the gap
    // above Back/Home.
    return dialog_band().y - context().metrics.mm(3);
}

bool begin_dialog(const char* id, bool open)
{
    if (!open) {
        if (ImGui::IsPopupOpen(id) && ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_NoDecoration)) {
            ImGui::CloseCurrentPopup();
            ImGui::EndPopup();
        }
        return false;
    }
    if (!ImGui::IsPopupOpen(id))
        ImGui::OpenPopup(id);
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const Context& ctx = context();
    // Wider on a landscape panel: fewer lines, so less height to cover.
    const float width = ImMin(display.x * 0.9f, ctx.metrics.mm(ctx.metrics.landscape ? 280 : 200));
    // Centred in the band when it fits (its height from the last frame: the
    // first frame measures it hidden), else its foot at the band's foot.
    const ImVec2 band = dialog_band();
    const ImGuiWindow* last = ImGui::FindWindowByName(id);
    const float h = last ? last->SizeFull.y : 0.0f;
    float centre_y = (band.x + band.y) * 0.5f;
    if (centre_y + h * 0.5f > band.y)
        centre_y = band.y - h * 0.5f;
    centre_y = ImMax(centre_y, ctx.metrics.mm(3) + h * 0.5f);
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, centre_y), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, dialog_max_height()));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize;
    // A visible edge (ImGui gives modals the window border size, 0 here), thick
    // in elderly mode, where the dialog is dark on a dark screen.
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, ctx.mode.elderly ? 4.0f : 2.0f);
    const bool shown = ImGui::BeginPopupModal(id, nullptr, flags);
    ImGui::PopStyleVar();
    if (!shown)
        return false;
    // Placed by last frame's height: if it changed (reopened at another text
    // size), place it again next frame, or it may reach down over Back/Home.
    if (ImFabs(ImGui::GetWindowSize().y - h) >= 1.0f)
        context().needs_another_frame = true;
    frame_record().layer = 1;
    return true;
}

void end_dialog()
{
    frame_record().layer = 0;
    ImGui::EndPopup();
}

static float keypad_key_height(float max_height)
{
    float key_h = ImMax(context().target(), context().fonts.title->FontSize * 1.8f);
    // Shorter keys (never below the touch target) where the height is short.
    if (max_height > 0)
        key_h = ImMax(context().target(), ImMin(key_h, (max_height - 3 * ImGui::GetStyle().ItemSpacing.y) / 4));
    return key_h;
}

float numeric_keypad_height(float max_height)
{
    return 4 * keypad_key_height(max_height) + 3 * ImGui::GetStyle().ItemSpacing.y;
}

char numeric_keypad(const char* id, std::string_view erase_label, float width, std::string_view ok_label, bool ok_ready,
                    float max_height)
{
    static const char keys[12] = {'1', '2', '3', '4', '5', '6', '7', '8', '9', '<', '0', 0};
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float key_w = ImFloor((width - 2 * spacing) / 3);
    const float key_h = keypad_key_height(max_height);
    char tapped = 0;
    const std::size_t first_key = frame_record().targets.size();
    ImGui::PushID(id);
    for (int i = 0; i < 12; ++i) {
        if (i % 3 != 0)
            ImGui::SameLine();
        if (keys[i] == 0) {
            const std::string ok_id = std::string(id) + ".ok";
            if (ok_label.empty())
                ImGui::Dummy(ImVec2(key_w, key_h));
            else if (button(ok_id.c_str(), ok_label, ImVec2(key_w, key_h),
                            ok_ready ? ButtonKind::Primary : ButtonKind::Secondary, TextRole::Title))
                tapped = '\n';
            continue;
        }
        std::string key_id = std::string(id) + "." + (keys[i] == '<' ? std::string("erase") : std::string(1, keys[i]));
        std::string label = keys[i] == '<' ? std::string(erase_label) : std::string(1, keys[i]);
        if (button(key_id.c_str(), label, ImVec2(key_w, key_h), ButtonKind::Secondary,
                   keys[i] == '<' ? TextRole::Body : TextRole::Title))
            tapped = keys[i];
    }
    // The keys are one block: all of them whole on screen, even on a page
    // that scrolls (after a wrong entry in 长者模式 OK once lay under Back/Home).
    std::vector<DrawnTarget>& targets = frame_record().targets;
    for (std::size_t i = first_key; i < targets.size(); ++i)
        targets[i].keep_whole = true;
    ImGui::PopID();
    return tapped;
}

} // namespace kiosk::ui
