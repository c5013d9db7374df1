// After submitting (numbers, follow-up codes, the status page's QR code)
// and following a ticket: the code keypad, the timeline, 验收 and rating.
#include "features/repairs/screen/repairs_parts.hpp"

#include "ui/context.hpp"
#include "ui/frame_record.hpp"
#include "ui/icons.hpp"
#include "ui/qr_code.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <string>

namespace kiosk::repairs {
namespace {

void draw_filed_words(const FiledView& f, float width)
{
    const ui::Context& ctx = ui::context();
    ui::text(f.what, ui::TextRole::Title, ui::Align::Center, width);
    ui::text(f.number_line, ui::TextRole::Body, ui::Align::Center, width);
    ui::text(f.code_line, ui::TextRole::Title, ui::Align::Center, width);
    ui::text(f.code_spoken, ui::TextRole::Muted, ui::Align::Center, width, ctx.colors().muted_text);
}

// The status page's code: 60 mm leaves ~35 mm of modules after rounding to
// whole pixels a module, what a phone reads at arm's length (45 mm did not).
float filed_code_side(float width)
{
    return ImMin(width, ui::context().metrics.mm(60));
}

void draw_filed_code(const RepairsView& view, std::size_t i, float width)
{
    if (view.filed[i].qr_payload.empty())
        return;
    const ui::Context& ctx = ui::context();
    const float side = filed_code_side(width);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - side) * 0.5f);
    ui::qr_code(("repairs.qr." + std::to_string(i)).c_str(), view.filed[i].qr_payload, side, view.scan_label);
    ui::text(view.scan_label, ui::TextRole::Muted, ui::Align::Center, width, ctx.colors().muted_text);
}

// No code (the office refuses this kiosk): 查看进度 goes down into the
// code's room, within reach, as far as the screen has room for it whole.
void keep_code_room(const RepairsView& view, float width)
{
    const float button_h = wide_button_height(ui::with_icon("search", view.follow_label));
    const float spare = ImGui::GetContentRegionAvail().y - button_h - 2 * ImGui::GetStyle().ItemSpacing.y;
    const float room = ImMin(filed_code_side(width), spare);
    if (room > 0)
        ImGui::Dummy(ImVec2(1, room));
}

void draw_follow_button(const RepairsView& view, Requests& requests, std::size_t i, float width)
{
    const ui::RequiredTargets required;
    const std::string label = ui::with_icon("search", view.follow_label);
    if (ui::button(("repairs.follow." + std::to_string(i)).c_str(), label, ImVec2(width, wide_button_height(label)),
                   ui::ButtonKind::Secondary, ui::TextRole::Title))
        ask(requests, RequestTrackFiled{i});
}

} // namespace

// One ticket in landscape: what was filed and its follow-up code above
// 查看进度 on the left (scrolling if they must), the status page's code as
// large as the height allows on the right, with the delivery state under it.
void draw_one_filed_side_by_side(const RepairsView& view, Requests& requests, float width)
{
    const ui::Context& ctx = ui::context();
    const ImVec2 spacing = ImGui::GetStyle().ItemSpacing;
    const float column = ImFloor((width - spacing.x) * 0.5f);
    const float height = ImMax(ctx.metrics.mm(60), ImGui::GetContentRegionAvail().y);
    const std::string follow = ui::with_icon("search", view.follow_label);
    const float button_h = wide_button_height(follow);
    ImGui::BeginChild("repairs.done.left", ImVec2(column, height), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ui::begin_scroll_area("repairs.done.words", ImVec2(column, ImMax(ctx.target(), height - button_h - spacing.y)),
                          ui::ScrollKind::Page);
    const FiledView& f = view.filed[0];
    ui::text(f.what, ui::TextRole::Title, ui::Align::Center, column);
    ui::text(f.code_line, ui::TextRole::Title, ui::Align::Center, column);
    ui::text(f.code_spoken, ui::TextRole::Muted, ui::Align::Center, column, ctx.colors().muted_text);
    ui::text(f.number_line, ui::TextRole::Body, ui::Align::Center, column);
    ui::end_scroll_area();
    ui::align_bottom(button_h);
    draw_follow_button(view, requests, 0, column);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("repairs.done.code", ImVec2(column, height), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    const float words_h = ui::text_height(view.scan_label, ui::TextRole::Muted, column) +
                          ui::text_height(view.saved_note, ui::TextRole::Body, column) + 2 * spacing.y;
    const float side = ImMax(ctx.metrics.mm(60), ImMin(column, height - words_h));
    if (!f.qr_payload.empty()) {
        ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImMax(0.0f, (column - side) * 0.5f));
        ui::qr_code("repairs.qr.0", f.qr_payload, side, view.scan_label);
        ui::text(view.scan_label, ui::TextRole::Muted, ui::Align::Center, column, ctx.colors().muted_text);
    }
    ui::text(view.saved_note, ui::TextRole::Body, ui::Align::Center, column);
    ImGui::EndChild();
}

// Portrait: each ticket's words, its code, 查看进度 under them. Landscape
// has little height (at 2x 查看进度 lay below the fold): one ticket's words
// and button beside its code; several, a list of such rows.
void draw_done(const RepairsView& view, Requests& requests)
{
    const ui::Context& ctx = ui::context();
    const ImVec2 spacing = ImGui::GetStyle().ItemSpacing;
    const float width = ImGui::GetContentRegionAvail().x;
    if (ctx.metrics.landscape && view.filed.size() == 1) {
        draw_one_filed_side_by_side(view, requests, width);
        return;
    }
    ui::text(view.saved_note, ui::TextRole::Body, ui::Align::Center, width);
    if (!ctx.metrics.landscape) {
        for (std::size_t i = 0; i < view.filed.size(); ++i) {
            ImGui::Dummy(ImVec2(1, ctx.metrics.mm(3)));
            draw_filed_words(view.filed[i], width);
            draw_filed_code(view, i, width);
            if (view.filed[i].qr_payload.empty() && i + 1 == view.filed.size())
                keep_code_room(view, width);
            draw_follow_button(view, requests, i, width);
        }
        return;
    }
    ui::begin_scroll_area("repairs.done.list", ImVec2(width, ImMax(ctx.target(), ImGui::GetContentRegionAvail().y)),
                          ui::ScrollKind::List);
    for (std::size_t i = 0; i < view.filed.size(); ++i) {
        ImGui::Dummy(ImVec2(1, ctx.metrics.mm(3)));
        const float column = ImFloor((width - spacing.x) * 0.5f);
        const ImVec2 top = ImGui::GetCursorScreenPos();
        ImGui::BeginGroup();
        draw_filed_words(view.filed[i], column);
        draw_follow_button(view, requests, i, column);
        ImGui::EndGroup();
        const float left_bottom = ImGui::GetItemRectMax().y;
        ImGui::SetCursorScreenPos(ImVec2(top.x + column + spacing.x, top.y));
        ImGui::BeginGroup();
        draw_filed_code(view, i, column);
        ImGui::EndGroup();
        const float right_bottom = ImGui::GetItemRectMax().y;
        ImGui::SetCursorScreenPos(ImVec2(top.x, ImMax(left_bottom, right_bottom) + spacing.y));
        ImGui::Dummy(ImVec2(1, 0));
    }
    ui::end_scroll_area();
}

namespace {

// The code's keys, `columns` a row, each at least a touch target and at
// most `key_h` tall.
void draw_code_keys(Requests& requests, float width, int columns, float key_h)
{
    const std::string alphabet = RepairsFeature::code_alphabet;
    const float key_w = ImFloor((width - ImGui::GetStyle().ItemSpacing.x * (columns - 1)) / columns);
    for (std::size_t i = 0; i < alphabet.size(); ++i) {
        if (i % columns != 0)
            ImGui::SameLine();
        const std::string key(1, alphabet[i]);
        if (ui::button(("repairs.code." + key).c_str(), key, ImVec2(key_w, key_h), ui::ButtonKind::Secondary,
                       ui::TextRole::Title))
            ask(requests, RequestCodeKey{alphabet[i]});
    }
}

// Landscape has little height: at 2x the 32 keys under the other buttons
// ran 750 px below Back/Home. The question, what was typed, 按房号查询,
// erase and find on the left; the keys on the right, as many a row as stay
// a touch target wide, as tall as the column allows.
void draw_code_entry_side_by_side(const RepairsView& view, Requests& requests, float width)
{
    const ui::Context& ctx = ui::context();
    const ImVec2 spacing = ImGui::GetStyle().ItemSpacing;
    const float column = ImFloor((width - spacing.x) * 0.5f);
    const float height = ImGui::GetContentRegionAvail().y;
    const std::string find = ui::with_icon("search", view.find_label);
    const std::string by_unit = ui::with_icon("home", view.by_unit_label);
    const std::size_t symbols = std::string(RepairsFeature::code_alphabet).size();
    int columns = 8;
    while (columns > 4 && ImFloor((column - spacing.x * (columns - 1)) / columns) < ctx.target())
        --columns;
    const int rows = static_cast<int>((symbols + columns - 1) / columns);
    const float key_w = ImFloor((column - spacing.x * (columns - 1)) / columns);
    // Never lower than its letter (2x text), nor than a touch target.
    const float letter_h = ui::button_size("W", key_w, ui::TextRole::Title).y;
    const float key_h =
        ImMax(ImMax(ctx.target(), letter_h), ImMin(key_w * 0.8f, (height - rows * spacing.y) / rows));

    // The question (the caller leaves it out here) and what was typed on top
    // of the left column, so the keys have the whole height; what happened
    // (a code not found) stands where the question was: at 2x the column
    // holds one of them. Erase and find side by side: short words.
    ui::begin_scroll_area("repairs.code_side", ImVec2(column, height), ui::ScrollKind::Page);
    const float half = ImFloor((column - spacing.x) * 0.5f);
    const float pair_h = ImMax(ImMax(ctx.target(), ui::button_size(view.erase_label, half, ui::TextRole::Title).y),
                               ui::button_size(find, half, ui::TextRole::Title).y);
    words_above_actions("repairs.code_words", wide_button_height(by_unit) + spacing.y + pair_h, [&] {
        if (view.message.empty())
            ui::text(view.prompt, ui::TextRole::Title, ui::Align::Center, column);
        else
            draw_message(view);
        ui::text(view.typed, ui::TextRole::Title, ui::Align::Center, column);
    });
    {
        const ui::RequiredTargets required;
        if (ui::button("repairs.track_by_unit", by_unit, ImVec2(column, wide_button_height(by_unit)),
                       ui::ButtonKind::Secondary, ui::TextRole::Title))
            ask(requests, RequestTrackByUnit{});
        if (ui::button("repairs.code.erase", view.erase_label, ImVec2(half, pair_h), ui::ButtonKind::Secondary,
                       ui::TextRole::Title))
            ask(requests, RequestCodeKey{'<'});
        ImGui::SameLine();
        if (ui::button("repairs.code.find", find, ImVec2(half, pair_h),
                       view.can_find ? ui::ButtonKind::Primary : ui::ButtonKind::Disabled, ui::TextRole::Title))
            ask(requests, RequestFindCode{});
    }
    ui::end_scroll_area();
    ImGui::SameLine();
    ImGui::BeginGroup();
    // The keys at the bottom, within reach (the dummy's own spacing counted).
    const float above_keys = height - rows * key_h - rows * spacing.y - spacing.y;
    if (above_keys > 0)
        ImGui::Dummy(ImVec2(1, above_keys));
    const ui::RequiredTargets required;
    draw_code_keys(requests, column, columns, key_h);
    ImGui::EndGroup();
}

} // namespace

void draw_code_entry(const RepairsView& view, Requests& requests)
{
    const ui::Context& ctx = ui::context();
    const float width = ImGui::GetContentRegionAvail().x;
    if (ctx.metrics.landscape) {
        draw_code_entry_side_by_side(view, requests, width);
        return;
    }
    ui::text(view.typed, ui::TextRole::Title, ui::Align::Center, width);
    // The code's 32 symbols, 8 a row, then erase and find.
    const std::string alphabet = RepairsFeature::code_alphabet;
    const int columns = 8;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float key_w = ImFloor((width - gap * (columns - 1)) / columns);
    const float key_h = ImMax(ctx.target(), key_w * 0.8f);
    const int rows = static_cast<int>((alphabet.size() + columns - 1) / columns);
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const std::string find = ui::with_icon("search", view.find_label);
    // The other way in, for a person without the code: the unit and the phone's digits.
    const std::string by_unit = ui::with_icon("home", view.by_unit_label);
    ui::align_bottom(wide_button_height(by_unit) + rows * (key_h + spacing) + wide_button_height(view.erase_label) +
                     wide_button_height(find) + 3 * spacing);
    const ui::RequiredTargets required;
    if (wide_button("repairs.track_by_unit", by_unit, ui::ButtonKind::Secondary))
        ask(requests, RequestTrackByUnit{});
    draw_code_keys(requests, width, columns, key_h);
    if (wide_button("repairs.code.erase", view.erase_label, ui::ButtonKind::Secondary))
        ask(requests, RequestCodeKey{'<'});
    if (wide_button("repairs.code.find", find, view.can_find ? ui::ButtonKind::Primary : ui::ButtonKind::Disabled))
        ask(requests, RequestFindCode{});
}

namespace {

// Rejecting has 验收通过 beside it; rating stands alone (刷新 is no choice of the question).
constexpr std::size_t reject_slots = ui::elderly_choices_at_once - 1;

bool asks_something(const RepairsView& view)
{
    return !view.accept_label.empty() || !view.ratings.empty();
}

// The ticket's words: number, status, worker, charge, what was just done,
// the timeline; 刷新 with the status when `with_refresh`.
void draw_after_line(const RepairsView& view, float width)
{
    if (!view.after_line.empty())
        ui::text(view.after_line, ui::TextRole::Title, ui::Align::Center, width, ui::context().colors().good);
}

// `with_after_line` false: the caller shows what the person just did itself.
void draw_ticket_words(const RepairsView& view, Requests& requests, float width, bool with_refresh,
                       bool with_after_line = true)
{
    ui::text(view.ticket_title, ui::TextRole::Title, ui::Align::Left, width);
    ui::text(view.status_line, ui::TextRole::Title, ui::Align::Left, width);
    if (!view.worker_line.empty())
        ui::text(view.worker_line, ui::TextRole::Body, ui::Align::Left, width);
    if (!view.charge_line.empty())
        ui::text(view.charge_line, ui::TextRole::Body, ui::Align::Left, width);
    // What the person just did, right under the status, where it is seen.
    if (with_after_line)
        draw_after_line(view, width);
    // Reading the office's news again sits with the status, where it is
    // seen whatever the timeline's length, unless it is with the actions.
    if (with_refresh &&
        wide_button("repairs.refresh", ui::with_icon("refresh", view.refresh_label), ui::ButtonKind::Secondary))
        ask(requests, RequestRefresh{});
    // Newest first, one line each: when, then what.
    for (const LineView& line : view.timeline)
        ui::text(line.left + "  " + line.right, ui::TextRole::Body, ui::Align::Left, width);
}

float ticket_actions_height(const RepairsView& view, float width, bool with_refresh)
{
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    float h = with_refresh ? wide_button_height(ui::with_icon("refresh", view.refresh_label)) + spacing : 0;
    if (!view.accept_label.empty())
        h += wide_button_height(ui::with_icon("check", view.accept_label)) + spacing +
             ui::text_height(view.reject_label, ui::TextRole::Body, width) + spacing +
             choices_height("repairs.reject_reasons", view.reject_reasons, width, reject_slots);
    if (!view.ratings.empty())
        h += choices_height("repairs.ratings", view.ratings, width);
    return h;
}

// 验收 (accept, or reject with a reason) or the rating, then 刷新 when
// `with_refresh`. In landscape's side column the reasons or ratings take
// the rest of the column, scrolling there when too tall (2x).
void draw_ticket_actions(const RepairsView& view, Requests& requests, float width, bool side_column, bool with_refresh)
{
    const ui::RequiredTargets required;
    if (!view.accept_label.empty()) {
        if (wide_button("repairs.accept", ui::with_icon("check", view.accept_label), ui::ButtonKind::Primary))
            ask(requests, RequestAccept{true, {}});
        ui::text(view.reject_label, ui::TextRole::Body, ui::Align::Left, width);
        const int i = draw_choices("repairs.reject_reasons", view.reject_reasons, ui::ButtonKind::Secondary,
                                   side_column, reject_slots);
        if (i >= 0)
            ask(requests, RequestAccept{false, view.reject_reasons[static_cast<std::size_t>(i)].value});
    }
    if (!view.ratings.empty()) {
        const int i = draw_choices("repairs.ratings", view.ratings, ui::ButtonKind::Secondary, side_column);
        if (i >= 0)
            ask(requests, RequestRate{i + 1});
    }
    if (with_refresh &&
        wide_button("repairs.refresh", ui::with_icon("refresh", view.refresh_label), ui::ButtonKind::Secondary))
        ask(requests, RequestRefresh{});
}

} // namespace

void draw_ticket(const RepairsView& view, Requests& requests)
{
    const ui::Context& ctx = ui::context();
    const float width = ImGui::GetContentRegionAvail().x;
    if (!asks_something(view)) {
        if (!ctx.metrics.landscape) {
            draw_ticket_words(view, requests, width, true);
            return;
        }
        // Landscape has little height: 刷新 whole at the bottom, the words
        // and timeline scroll above it (in 长者模式 it lay below the fold).
        // What the person just did stays in view above it.
        const std::string refresh_label = ui::with_icon("refresh", view.refresh_label);
        const float spacing_y = ImGui::GetStyle().ItemSpacing.y;
        float pinned = wide_button_height(refresh_label) + spacing_y;
        if (!view.after_line.empty())
            pinned += ui::text_height(view.after_line, ui::TextRole::Title, width) + spacing_y;
        ui::begin_scroll_area("repairs.ticket.words",
                              ImVec2(width, ImMax(ctx.metrics.mm(30), ImGui::GetContentRegionAvail().y - pinned)),
                              ui::ScrollKind::Page);
        draw_ticket_words(view, requests, width, false, false);
        ui::end_scroll_area();
        draw_after_line(view, width);
        const ui::RequiredTargets required;
        if (wide_button("repairs.refresh", refresh_label, ui::ButtonKind::Secondary))
            ask(requests, RequestRefresh{});
        return;
    }
    // 长者模式: at most four choices. Nothing changes on the office's side
    // until the person answers, so 刷新 steps aside while they are asked.
    const bool refresh = !ctx.mode.elderly;
    // Asked to 验收 or rate: the actions stay whole at the bottom, within
    // reach, and the words scroll above them when they need more room (2x
    // text); landscape puts them side by side, 刷新 under the words, where
    // the actions' column has no room for it at 2x.
    const float spacing_y = ImGui::GetStyle().ItemSpacing.y;
    const float avail = ImGui::GetContentRegionAvail().y;
    const float min_words = ctx.metrics.mm(30);
    if (ctx.metrics.landscape) {
        const float column = ImFloor((width - ImGui::GetStyle().ItemSpacing.x) * 0.5f);
        const float height = ImMax(min_words, avail - spacing_y);
        // 刷新 whole under the words, which scroll above it (at 2x it lay
        // below the fold at the end of the status lines).
        const std::string refresh_label = ui::with_icon("refresh", view.refresh_label);
        const float refresh_h = refresh ? wide_button_height(refresh_label) + spacing_y : 0.0f;
        ImGui::BeginChild("repairs.ticket.left", ImVec2(column, height), false,
                          ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
        ui::begin_scroll_area("repairs.ticket.words", ImVec2(column, ImMax(min_words, height - refresh_h)),
                              ui::ScrollKind::Page);
        draw_ticket_words(view, requests, column, false);
        ui::end_scroll_area();
        if (refresh && wide_button("repairs.refresh", refresh_label, ui::ButtonKind::Secondary))
            ask(requests, RequestRefresh{});
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("repairs.ticket.actions", ImVec2(column, height), false,
                          ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
        ui::align_bottom(ticket_actions_height(view, column, false));
        draw_ticket_actions(view, requests, column, true, false);
        ImGui::EndChild();
        return;
    }
    words_above_actions("repairs.ticket.words", ticket_actions_height(view, width, refresh),
                        [&] { draw_ticket_words(view, requests, width, false); });
    draw_ticket_actions(view, requests, width, false, refresh);
}

} // namespace kiosk::repairs
