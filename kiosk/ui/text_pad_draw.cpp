// Drawing the text pad: an overlay at the bottom of the screen, within reach
// on a portrait panel. Top to bottom: the field being edited (its text, the
// composition, a cursor) so it is never hidden by the pad, a message line,
// the input modes, the candidate bar (drag to scroll), the keys, and
// 收起 / 清除 / 删除 / 完成.
#include "ui/text_pad.hpp"

#include "core/locale.hpp"
#include "core/text_rules.hpp"
#include "ui/context.hpp"
#include "ui/frame_record.hpp"
#include "ui/text_layout.hpp"
#include "ui/widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace kiosk::ui {
namespace {

const char* mode_key(PadMode mode)
{
    switch (mode) {
    case PadMode::Pinyin: return "input.mode.pinyin";
    case PadMode::Jyutping: return "input.mode.jyutping";
    case PadMode::Stroke: return "input.mode.stroke";
    case PadMode::Handwriting: return "input.mode.handwriting";
    case PadMode::English: return "input.mode.english";
    default: return "input.mode.pinyin";
    }
}

const char* mode_id(PadMode mode)
{
    switch (mode) {
    case PadMode::Pinyin: return "pad.mode.pinyin";
    case PadMode::Jyutping: return "pad.mode.jyutping";
    case PadMode::Stroke: return "pad.mode.stroke";
    case PadMode::Handwriting: return "pad.mode.handwriting";
    case PadMode::English: return "pad.mode.english";
    default: return "pad.mode.other";
    }
}

float spacing_x() { return ImGui::GetStyle().ItemSpacing.x; }

// Keys tall enough for a finger and for the key cap at this text size.
float key_height()
{
    return std::max(context().target(), std::round(context().fonts.body->FontSize * 1.45f));
}

// A row of equal keys filling `width`.
float key_width(float width, int columns)
{
    return std::floor((width - spacing_x() * static_cast<float>(columns - 1)) / static_cast<float>(columns));
}

void record_text(const std::string& text, const ImRect& rect)
{
    FrameRecord& record = frame_record();
    record.texts.push_back({text, ImVec4(rect.Min.x, rect.Min.y, rect.Max.x, rect.Max.y), current_clip_rect(),
                            record.layer, record.scroll_depth > 0});
}

// The field being edited: its text, the composition (underlined, muted)
// and a cursor after them; the placeholder when empty.
void draw_edit_line(const TextPad& pad, float width)
{
    Context& ctx = context();
    const Palette& p = ctx.colors();
    ImFont* font = ctx.fonts.title;
    const float pad_x = ctx.metrics.mm(3), pad_y = ctx.metrics.mm(2);
    const std::string shown = pad.text();
    const std::string preedit = pad.preedit();
    const std::string all = shown + preedit;
    if (ctx.font_library && ctx.font_library->want(all))
        ctx.needs_font_rebuild = true;
    const TextLayout layout = layout_text(font, all.empty() ? std::string(" ") : all, width - 2 * pad_x);
    const float line_h = layout.size.y / static_cast<float>(std::max<std::size_t>(1, layout.lines.size()));
    const float h = std::max(layout.size.y, line_h) + 2 * pad_y;
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImVec2 pos = window->DC.CursorPos;
    const ImRect box(pos, ImVec2(pos.x + width, pos.y + h));
    ImGui::ItemSize(box.GetSize());
    ImGui::ItemAdd(box, 0);
    ImDrawList* list = window->DrawList;
    list->AddRectFilled(box.Min, box.Max, p.background, ImGui::GetStyle().FrameRounding);
    list->AddRect(box.Min, box.Max, p.primary, ImGui::GetStyle().FrameRounding, 0, ctx.mode.elderly ? 4.0f : 3.0f);
    const ImVec2 text_pos(box.Min.x + pad_x, box.Min.y + pad_y);
    if (!all.empty()) {
        draw_text(list, font, layout, text_pos, p.text, false, width - 2 * pad_x);
        record_text(all, ImRect(text_pos, ImVec2(text_pos.x + layout.size.x, text_pos.y + layout.size.y)));
    }
    // The composition is underlined: it is not text yet.
    const TextLayout::Line& last = layout.lines.back();
    const float last_y = text_pos.y + line_h * static_cast<float>(layout.lines.size() - 1);
    float end_x = text_pos.x + (all.empty() ? 0 : last.width);
    if (!preedit.empty()) {
        const float preedit_w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, preedit.c_str()).x;
        const float y = last_y + font->FontSize + 2;
        list->AddLine(ImVec2(std::max(text_pos.x, end_x - preedit_w), y), ImVec2(end_x, y), p.muted_text, 2.0f);
    }
    // A steady cursor (a blink would wake the loop twice a second).
    const float cursor_w = std::max(3.0f, ctx.metrics.mm(0.8f));
    list->AddRectFilled(ImVec2(end_x + 2, last_y), ImVec2(end_x + 2 + cursor_w, last_y + font->FontSize * 1.1f),
                        p.primary);
}

void draw_message(const TextPad& pad, float width)
{
    Context& ctx = context();
    const Palette& p = ctx.colors();
    std::string message;
    bool problem = true;
    if (pad.engine_failed()) {
        message = ctx.tr("input.engine_failed");
    } else if (!pad.message_key().empty()) {
        message = format_text(ctx.tr(pad.message_key()), {{"n", std::to_string(pad.message_number())}});
    } else if (pad.loading_shown()) {
        message = ctx.tr("input.loading");
        problem = false;
    } else if (pad.mode() == PadMode::Plate && pad.text().empty()) {
        message = ctx.tr("input.plate_hint");
        problem = false;
    } else if (pad.mode() == PadMode::Stroke && pad.preedit().empty()) {
        message = ctx.tr("input.stroke_hint");
        problem = false;
    } else if (pad.mode() == PadMode::Handwriting && pad.strokes().empty() && !pad.m_drawing_active) {
        message = ctx.tr("input.write_here");
        problem = false;
    }
    // The line keeps its room empty or not: keys never move under a finger.
    const float room = text_height("-", TextRole::Body, width);
    const float top = ImGui::GetCursorPosY();
    if (!message.empty())
        text(message, TextRole::Body, Align::Left, width, problem ? p.bad : p.muted_text);
    const float used = ImGui::GetCursorPosY() - top;
    if (used < room)
        ImGui::Dummy(ImVec2(1, std::max(1.0f, room - used - ImGui::GetStyle().ItemSpacing.y)));
}

void draw_modes(TextPad& pad, float width)
{
    if (pad.modes().size() < 2)
        return;
    std::vector<ImVec2> sizes;
    const int n = static_cast<int>(pad.modes().size());
    const float w = key_width(width, n);
    for (PadMode mode : pad.modes())
        sizes.push_back(button_size(context().tr(mode_key(mode)), std::max(w, 0.0f)));
    FlowRow row(width);
    for (std::size_t i = 0; i < pad.modes().size(); ++i) {
        const PadMode mode = pad.modes()[i];
        row.place(sizes[i].x);
        if (button(mode_id(mode), context().tr(mode_key(mode)), sizes[i],
                   mode == pad.mode() ? ButtonKind::Selected : ButtonKind::Secondary))
            pad.set_mode(mode);
    }
}

// Candidates in rows that scroll by dragging; two rows tall, so the keys
// below never move whatever the engine offers.
void draw_candidates(TextPad& pad, float width)
{
    const float row_h = key_height();
    const float h = 2 * row_h + ImGui::GetStyle().ItemSpacing.y;
    // A new list starts scrolled to the top, where the likeliest are.
    if (pad.list_seq() != pad.m_drawn_list || pad.candidates().empty())
        ImGui::SetNextWindowScroll(ImVec2(0, 0));
    pad.m_drawn_list = pad.list_seq();
    begin_scroll_area("pad.candidates", ImVec2(width, h), ScrollKind::List);
    const float inner = ImGui::GetContentRegionAvail().x;
    FlowRow row(inner);
    const float min_w = context().target() * 1.2f;
    for (std::size_t i = 0; i < pad.candidates().size(); ++i) {
        const std::string& label = pad.candidates()[i];
        ImVec2 size = button_size(label, 0, TextRole::Title);
        size.x = std::min(inner, std::max(size.x, min_w));
        size.y = row_h;
        row.place(size.x);
        const std::string id = "pad.cand." + std::to_string(i);
        if (button(id.c_str(), label, size, i == 0 ? ButtonKind::Primary : ButtonKind::Secondary, TextRole::Title))
            pad.choose(i);
    }
    if (pad.candidates().empty())
        ImGui::Dummy(ImVec2(1, 1));
    end_scroll_area();
}

// One row of key caps; `keys` are what the keys type, ids "pad.key.<key>".
void draw_key_row(TextPad& pad, const std::vector<std::string>& keys, float width, int columns, bool upper = false)
{
    const float w = key_width(width, columns);
    const float used = w * static_cast<float>(keys.size()) + spacing_x() * static_cast<float>(keys.size() - 1);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::floor((width - used) * 0.5f));
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (i > 0)
            ImGui::SameLine();
        std::string label = keys[i];
        if (upper && label.size() == 1 && label[0] >= 'a' && label[0] <= 'z')
            label[0] = static_cast<char>(label[0] - 'a' + 'A');
        const std::string id = "pad.key." + keys[i];
        if (button(id.c_str(), label, ImVec2(w, key_height())))
            pad.press_key(keys[i]);
    }
}

std::vector<std::string> letters(const char* row)
{
    std::vector<std::string> keys;
    for (const char* c = row; *c; ++c)
        keys.emplace_back(1, *c);
    return keys;
}

void draw_letters(TextPad& pad, float width, bool chinese)
{
    const bool upper = pad.mode() == PadMode::English && pad.shift();
    if (pad.mode() == PadMode::English)
        draw_key_row(pad, letters("1234567890"), width, 10);
    draw_key_row(pad, letters("qwertyuiop"), width, 10, upper);
    draw_key_row(pad, letters("asdfghjkl"), width, 10, upper);
    std::vector<std::string> row3 = letters("zxcvbnm");
    if (chinese) {
        row3.push_back("，");
        row3.push_back("。");
        draw_key_row(pad, row3, width, 10);
        return;
    }
    // English: shift, z..m, then - space . on the last row.
    const float w = key_width(width, 10);
    if (button("pad.shift", context().tr("input.shift"), ImVec2(w * 2 + spacing_x(), key_height()),
               pad.shift() ? ButtonKind::Selected : ButtonKind::Secondary))
        pad.toggle_shift();
    for (const std::string& key : row3) {
        ImGui::SameLine();
        const std::string id = "pad.key." + key;
        const std::string label = upper ? std::string(1, static_cast<char>(key[0] - 'a' + 'A')) : key;
        if (button(id.c_str(), label, ImVec2(w, key_height())))
            pad.press_key(key);
    }
    if (button("pad.key.-", "-", ImVec2(w, key_height())))
        pad.press_key("-");
    ImGui::SameLine();
    if (button("pad.key.@", "@", ImVec2(w, key_height())))
        pad.press_key("@");
    ImGui::SameLine();
    if (button("pad.space", context().tr("input.space"), ImVec2(w * 6 + spacing_x() * 5, key_height())))
        pad.press_key(" ");
    ImGui::SameLine();
    if (button("pad.key..", ".", ImVec2(w, key_height())))
        pad.press_key(".");
}

void draw_strokes(TextPad& pad, float width)
{
    // 横 竖 撇 点 折: five big keys, Rime's stroke codes h s p n z.
    static const char* const caps[] = {"一", "丨", "丿", "丶", "乛"};
    static const char codes[] = {'h', 's', 'p', 'n', 'z'};
    const float w = key_width(width, 5);
    const float h = std::max(key_height(), context().metrics.mm(context().mode.elderly ? 26.0f : 20.0f));
    for (int i = 0; i < 5; ++i) {
        if (i > 0)
            ImGui::SameLine();
        const std::string id = std::string("pad.stroke.") + codes[i];
        if (button(id.c_str(), caps[i], ImVec2(w, h), ButtonKind::Secondary, TextRole::Title))
            pad.press_stroke(codes[i]);
    }
    draw_key_row(pad, {"，", "。", "？", "！"}, width, 5);
}

void draw_digits(TextPad& pad, float width)
{
    const std::vector<std::vector<std::string>> rows = {{"1", "2", "3"}, {"4", "5", "6"}, {"7", "8", "9"}, {"0"}};
    const float pad_w = std::min(width, context().metrics.mm(150) * text_scale_factor(context().mode.text_scale));
    const float left = ImGui::GetCursorPosX() + std::floor((width - pad_w) * 0.5f);
    for (const auto& row : rows) {
        ImGui::SetCursorPosX(left);
        ImGui::BeginGroup();
        draw_key_row(pad, row, pad_w, 3);
        ImGui::EndGroup();
    }
}

void draw_plate(TextPad& pad, float width)
{
    if (pad.text().empty()) {  // the province first
        std::size_t count = 0;
        const char* const* provinces = plate_provinces(count);
        for (std::size_t start = 0; start < count; start += 8) {
            std::vector<std::string> row;
            for (std::size_t i = start; i < std::min(count, start + 8); ++i)
                row.emplace_back(provinces[i]);
            draw_key_row(pad, row, width, 8);
        }
        return;
    }
    // Then capitals and digits; plates never use I or O.
    draw_key_row(pad, letters("1234567890"), width, 10);
    draw_key_row(pad, letters("QWERTYUP"), width, 10);
    draw_key_row(pad, letters("ASDFGHJKL"), width, 10);
    draw_key_row(pad, letters("ZXCVBNM"), width, 10);
}

// The writing box: a finger draws, each finished stroke is sent to the
// recogniser; 撤销一笔 and 重写 beside it.
void draw_handwriting(TextPad& pad, float width)
{
    Context& ctx = context();
    const Palette& p = ctx.colors();
    const float side_w = std::max(ctx.target() * 2.2f, button_size(ctx.tr("input.undo_stroke")).x);
    const float box = std::floor(std::min(width - side_w - spacing_x(), ctx.metrics.mm(ctx.metrics.landscape ? 70 : 110)));
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const float left = window->DC.CursorPos.x + std::floor((width - box - side_w - spacing_x()) * 0.5f);
    ImGui::SetCursorScreenPos(ImVec2(left, window->DC.CursorPos.y));
    const ImVec2 pos = window->DC.CursorPos;
    const ImRect rect(pos, ImVec2(pos.x + box, pos.y + box));
    ImGui::ItemSize(rect.GetSize());
    ImGui::ItemAdd(rect, window->GetID("pad.box"));
    pad.m_box_rect = ImVec4(rect.Min.x, rect.Min.y, rect.Max.x, rect.Max.y);
    ImDrawList* list = window->DrawList;
    list->AddRectFilled(rect.Min, rect.Max, p.background);
    list->AddRect(rect.Min, rect.Max, p.secondary_border, 0, 0, 3.0f);
    // 米字格 guides: where a character's parts go.
    const ImU32 guide = p.secondary_pressed;  // faint in both themes
    const ImVec2 c = rect.GetCenter();
    list->AddLine(ImVec2(rect.Min.x, c.y), ImVec2(rect.Max.x, c.y), guide, 2.0f);
    list->AddLine(ImVec2(c.x, rect.Min.y), ImVec2(c.x, rect.Max.y), guide, 2.0f);

    // The finger, straight from the gesture: a drag here draws, it does not scroll.
    TouchGesture& gesture = *ctx.gesture;
    const auto to_box = [&](Point q) {
        const float s = static_cast<float>(TextPad::box_units) / box;
        return input::StrokePoint{static_cast<int>(std::clamp((q.x - rect.Min.x) * s, 0.0f, 1000.0f)),
                                  static_cast<int>(std::clamp((q.y - rect.Min.y) * s, 0.0f, 1000.0f))};
    };
    const Point press = gesture.press_pos();
    const bool pressed_here = rect.Contains(ImVec2(press.x, press.y));
    if (gesture.pressed() && pressed_here) {
        gesture.claim(window->GetID("pad.box"));
        const input::StrokePoint q = to_box(gesture.position());
        if (!pad.m_drawing_active) {
            pad.m_drawing_active = true;
            pad.m_drawing.clear();
        }
        if (pad.m_drawing.empty() || pad.m_drawing.back().x != q.x || pad.m_drawing.back().y != q.y)
            pad.m_drawing.push_back(q);
    } else if (pad.m_drawing_active) {
        pad.m_drawing_active = false;
        input::Stroke done = std::move(pad.m_drawing);
        pad.m_drawing.clear();
        if (pressed_here)
            done.push_back(to_box(gesture.position()));
        pad.stroke_done(done);
    }
    const float ink = std::max(4.0f, ctx.metrics.mm(1.6f));
    const auto draw_stroke = [&](const input::Stroke& stroke) {
        std::vector<ImVec2> points;
        for (const input::StrokePoint& q : stroke)
            points.emplace_back(rect.Min.x + q.x * box / TextPad::box_units, rect.Min.y + q.y * box / TextPad::box_units);
        if (points.size() == 1)
            list->AddCircleFilled(points[0], ink, p.text);
        else
            list->AddPolyline(points.data(), static_cast<int>(points.size()), p.text, ImDrawFlags_None, ink);
    };
    for (const input::Stroke& stroke : pad.strokes())
        draw_stroke(stroke);
    if (pad.m_drawing_active)
        draw_stroke(pad.m_drawing);

    ImGui::SetCursorScreenPos(ImVec2(rect.Max.x + spacing_x(), rect.Min.y));
    ImGui::BeginGroup();
    if (button("pad.undo_stroke", ctx.tr("input.undo_stroke"), ImVec2(side_w, 0)))
        pad.undo_stroke();
    if (button("pad.rewrite", ctx.tr("input.rewrite"), ImVec2(side_w, 0)))
        pad.clear_strokes();
    if (button("pad.key.，", "，", ImVec2(side_w, 0)))
        pad.press_key("，");
    ImGui::EndGroup();
    // Below the taller of the box and its buttons (at 2x text the buttons are).
    const float bottom = std::max(rect.Max.y, ImGui::GetItemRectMax().y);
    ImGui::SetCursorScreenPos(ImVec2(window->DC.CursorStartPos.x, bottom));
    ImGui::Dummy(ImVec2(1, 0));
}

void draw_actions(TextPad& pad, float width)
{
    Context& ctx = context();
    const float w = key_width(width, 4);
    const float h = key_height();
    if (button("pad.close", ctx.tr("input.close"), ImVec2(w, h)))
        pad.close();
    ImGui::SameLine();
    if (button("pad.clear", ctx.tr("input.clear"), ImVec2(w, h)))
        pad.clear();
    ImGui::SameLine();
    if (button("pad.erase", ctx.tr("input.erase"), ImVec2(w, h)))
        pad.erase();
    ImGui::SameLine();
    if (button("pad.done", ctx.tr("input.done"), ImVec2(w, h), ButtonKind::Primary, TextRole::Title))
        pad.finish();
}

} // namespace

void TextPad::draw(bool give_way)
{
    Context& ctx = context();
    if (!m_open || give_way) {
        ctx.overlay_rect = ImVec4(0, 0, 0, 0);
        // A stroke cut short by the question is dropped, not sent half-drawn.
        m_drawing_active = false;
        m_drawing.clear();
        m_box_rect = ImVec4(0, 0, 0, 0);
        return;
    }
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    // Full width on a portrait panel; in landscape no wider than a hand spans.
    const float width = std::min(display.x, ctx.metrics.landscape ? ctx.metrics.mm(330) : display.x);
    ImGui::SetNextWindowPos(ImVec2((display.x - width) * 0.5f, display.y), ImGuiCond_Always, ImVec2(0, 1));
    // The width is fixed and the height fits the keys. (A size of 0 for the
    // height would restart ImGui's auto-fit every frame: the loop would
    // never be idle while the pad is open.)
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, FLT_MAX));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoFocusOnAppearing;
    // The dialogs' background and border: every text colour reads on it.
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(ctx.colors().dialog_background));
    ImGui::PushStyleColor(ImGuiCol_Border, ImGui::ColorConvertU32ToFloat4(ctx.colors().primary));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, ctx.mode.elderly ? 4.0f : 2.0f);
    ImGui::Begin("text_pad", nullptr, flags);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
    // Over the screen, but never over a dialog (the admin PIN; for 还在使用吗？
    // the pad is not drawn at all, see give_way).
    if (!ImGui::GetTopMostPopupModal())
        ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
    FrameRecord& record = frame_record();
    const int layer_before = record.layer;
    record.layer = 1;  // over the screen: taps and checks find the pad first
    const float inner = ImGui::GetContentRegionAvail().x;
    draw_edit_line(*this, inner);
    draw_message(*this, inner);
    {
        const RequiredTargets required;  // the pad is what the person must reach
        draw_modes(*this, inner);
        const bool chinese = m_mode == PadMode::Pinyin || m_mode == PadMode::Jyutping || m_mode == PadMode::Stroke ||
                             m_mode == PadMode::Handwriting;
        if (chinese)
            draw_candidates(*this, inner);
        switch (m_mode) {
        case PadMode::Pinyin:
        case PadMode::Jyutping: draw_letters(*this, inner, true); break;
        case PadMode::English: draw_letters(*this, inner, false); break;
        case PadMode::Stroke: draw_strokes(*this, inner); break;
        case PadMode::Handwriting: draw_handwriting(*this, inner); break;
        case PadMode::Digits: draw_digits(*this, inner); break;
        case PadMode::Plate: draw_plate(*this, inner); break;
        }
        draw_actions(*this, inner);
    }
    record.layer = layer_before;
    const ImRect rect = ImGui::GetCurrentWindow()->Rect();
    ctx.overlay_rect = ImVec4(rect.Min.x, rect.Min.y, rect.Max.x, rect.Max.y);
    ImGui::End();
}

void draw_text_pad(bool give_way)
{
    if (TextPad* pad = context().text_pad)
        pad->draw(give_way);
    else
        context().overlay_rect = ImVec4(0, 0, 0, 0);
}

} // namespace kiosk::ui
