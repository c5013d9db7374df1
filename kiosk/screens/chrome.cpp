// Header (estate, clock, network), footer (nav and settings) and dialogs.
#include "screens/screens.hpp"

#include "ui/context.hpp"
#include "ui/frame_record.hpp"
#include "ui/icons.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <optional>
#include <string>

namespace kiosk::screens {
namespace {

ImU32 network_color(NetworkState state)
{
    const ui::Palette& p = ui::context().colors();
    if (state == NetworkState::Online)
        return p.good;
    return state == NetworkState::Offline || state == NetworkState::Busy ? p.bad : p.muted_text;
}

// The settings every screen offers.
struct FooterItem {
    std::string id;
    std::string label;
    ui::ButtonKind kind;
    Request request;
    bool speaks = false;  // the speaker: reads the screen instead of a request
    // Said once the request is applied (the voice's name, in that voice).
    std::string announce;
};

std::vector<FooterItem> footer_items(const ChromeView& chrome)
{
    std::vector<FooterItem> items;
    for (const auto& choice : chrome.languages)
        items.push_back({"lang." + std::string(language_code(choice.language)), choice.label,
                         choice.selected ? ui::ButtonKind::Selected : ui::ButtonKind::Secondary,
                         RequestSetLanguage{choice.language}, false, {}});
    // Words only: at 2x an icon would push 字号 onto two lines in its slot.
    items.push_back({"settings.text_size", chrome.text_size_label, ui::ButtonKind::Secondary, RequestCycleTextScale{}, false, {}});
    // 长者模式 is the big switch on home; here, on every screen and within
    // reach, the speaker that reads the screen and 读屏.
    if (chrome.speech_enabled) {
        items.push_back({"speech.say", ui::with_icon("volume-up", chrome.speak_label), ui::ButtonKind::Primary,
                         RequestToggleScreenReader{}, true, {}});
        items.push_back({"speech.reader", ui::with_icon("hand-pointer", chrome.reader_label),
                         chrome.screen_reader ? ui::ButtonKind::Selected : ui::ButtonKind::Secondary,
                         RequestToggleScreenReader{}, false, {}});
        // 普通话 ⇄ 粤语: the voice reading now; a tap says the other's name in it.
        // Only for Chinese screens: in English the others take its room (an
        // empty slot would wrap their words onto two lines at 2x).
        if (chrome.voice_shown) {
            FooterItem voice{"speech.voice", chrome.voice_label, ui::ButtonKind::Secondary, RequestToggleVoice{}, false,
                             chrome.voice_next_label};
            items.push_back(std::move(voice));
        }
    }
    return items;
}

} // namespace

// The header takes as few lines as fit: landscape has little height, and at
// 2x text a portrait header of four lines pushed the keypad under Back/Home.
// The screen's title (or, on home, the estate), then the time, the date and
// the network state beside it; a piece that does not fit starts the next line.
static void draw_compact_header(const ChromeView& chrome, float width)
{
    const ui::Context& ctx = ui::context();
    const std::string& title = chrome.screen_title.empty() ? chrome.estate_name : chrome.screen_title;
    const float left = ImGui::GetCursorPosX(), gap = ctx.metrics.mm(8);
    const ImVec2 title_size = ui::text_size(title, ui::TextRole::Title);
    ui::text(title, ui::TextRole::Title, ui::Align::Left, ImMin(width, title_size.x));  // read first
    const ui::NotRead clock_and_network;
    float used = title_size.x, line_top = ImGui::GetItemRectMin().y, line_h = title_size.y;
    const struct {
        std::string text;
        ImU32 color;
    } pieces[] = {{chrome.time_text, 0},
                  {chrome.date_text, 0},
                  {chrome.network_mark + " " + chrome.network_text, network_color(chrome.network)}};
    for (const auto& piece : pieces) {
        const ImVec2 size = ui::text_size(piece.text, ui::TextRole::Body);
        if (used + gap + size.x <= width) {
            // Beside the title, centred on its line.
            ImGui::SameLine(left + used + gap);
            ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, line_top + (line_h - size.y) * 0.5f));
            ui::text(piece.text, ui::TextRole::Body, ui::Align::Left, size.x, piece.color);
            used += gap + size.x;
        } else {
            ImGui::SetCursorScreenPos(ImVec2(ImGui::GetWindowPos().x + left, ImMax(ImGui::GetCursorScreenPos().y,
                                                                                   line_top + line_h)));
            ui::text(piece.text, ui::TextRole::Body, ui::Align::Left, width, piece.color);
            used = ImMin(width, size.x);
            line_top = ImGui::GetItemRectMin().y;
            line_h = ImGui::GetItemRectSize().y;
        }
    }
    // Below the tallest thing on the last line.
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetWindowPos().x + left, ImMax(ImGui::GetCursorScreenPos().y,
                                                                           line_top + line_h)));
}

void draw_header(const ChromeView& chrome)
{
    const ui::Palette& p = ui::context().colors();
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImVec2 top_left = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;

    draw_compact_header(chrome, width);

    const ImVec2 bottom_right(top_left.x + width, ImGui::GetCursorScreenPos().y);
    list->AddLine(ImVec2(top_left.x, bottom_right.y - 2), ImVec2(bottom_right.x, bottom_right.y - 2), p.muted_text, 2.0f);
    ImGui::Dummy(ImVec2(1, 1));
}

// Back and Home: one row of two equal halves, in the same place on every
// screen and in every language.
static std::string back_text(const ChromeView& chrome) { return ui::with_icon("arrow-left", chrome.back_label); }
static std::string home_text(const ChromeView& chrome) { return ui::with_icon("home", chrome.home_label); }

static ImVec2 nav_button_size(const ChromeView& chrome, float width)
{
    const float half = ImFloor((width - ImGui::GetStyle().ItemSpacing.x) * 0.5f);
    const ImVec2 back = ui::button_size(back_text(chrome), half, ui::TextRole::Title);
    const ImVec2 home = ui::button_size(home_text(chrome), half, ui::TextRole::Title);
    return ImVec2(half, ImMax(back.y, home.y));
}

// The settings row: fixed slots at every scale, each as wide as its label
// needs at the largest text (2x) in this language, the row's spare width
// shared out in proportion; the languages share one width. So a label that
// changes when tapped (字号 1× → 1.5×, 普通话 → 粤语) never moves its
// neighbours under the finger, and no label wraps in a narrow slot while a
// wide one sits half empty. On a portrait panel, too narrow for all of them
// at 2x, the speech buttons take a row of their own above the others at
// every scale; landscape keeps one row when everything fits it at 2x (in
// English it does not: two rows then, also at every scale).
struct SettingsSlots {
    std::vector<float> widths;
    std::vector<int> rows;  // the row of each item
    std::vector<float> row_heights;
    float height = 0;       // of all rows
};

// How wide an item's slot must be for its label (and, for the voice, the
// other voice's name it shows after a tap) on one line at 2x text.
static float need_at_largest(const FooterItem& item)
{
    const float grow = text_scale_factor(TextScale::X2) / text_scale_factor(ui::context().mode.text_scale);
    float need = ui::button_size(item.label).x;
    if (!item.announce.empty())
        need = ImMax(need, ui::button_size(item.announce).x);
    // 字号 1× and 2× keep room for 1.5×, the longest of the three.
    if (item.id == "settings.text_size" && item.label.find("1.5") == std::string::npos)
        need += ui::text_size(".5", ui::TextRole::Body).x;
    return need * grow;
}

static bool is_language(const FooterItem& item) { return item.id.rfind("lang.", 0) == 0; }

// Each item's share of its row: what it needs at 2x, the languages alike.
static std::vector<float> shares_of(const std::vector<FooterItem>& items)
{
    std::vector<float> shares;
    float language = 0;
    for (const FooterItem& item : items) {
        shares.push_back(need_at_largest(item));
        if (is_language(item))
            language = ImMax(language, shares.back());
    }
    for (std::size_t i = 0; i < items.size(); ++i)
        if (is_language(items[i]))
            shares[i] = language;
    return shares;
}

// Lays the items out in the given rows.
static SettingsSlots lay_out_slots(const std::vector<FooterItem>& items, const std::vector<float>& item_shares,
                                   const std::vector<int>& rows, float width)
{
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const int row_count = rows.empty() ? 0 : *std::max_element(rows.begin(), rows.end()) + 1;
    SettingsSlots slots;
    slots.rows = rows;
    slots.row_heights.assign(static_cast<std::size_t>(row_count), 0.0f);
    std::vector<float> shares(static_cast<std::size_t>(row_count), 0.0f), counts(shares.size(), 0.0f);
    for (std::size_t i = 0; i < items.size(); ++i) {
        shares[static_cast<std::size_t>(rows[i])] += item_shares[i];
        counts[static_cast<std::size_t>(rows[i])] += 1;
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::size_t row = static_cast<std::size_t>(rows[i]);
        const float unit = (width - spacing * (counts[row] - 1)) / shares[row];
        const float slot = ImFloor(unit * item_shares[i]);
        slots.widths.push_back(slot);
        slots.row_heights[row] = ImMax(slots.row_heights[row], ui::button_size(items[i].label, slot).y);
    }
    for (float h : slots.row_heights)
        slots.height += h;
    slots.height += ImGui::GetStyle().ItemSpacing.y * static_cast<float>(row_count - 1);
    return slots;
}

static SettingsSlots settings_slots(const ChromeView& chrome, float width)
{
    const std::vector<FooterItem> items = footer_items(chrome);
    const std::vector<float> shares = shares_of(items);
    float row_need = ImGui::GetStyle().ItemSpacing.x * static_cast<float>(items.size() - 1);
    for (const float share : shares)
        row_need += share;
    const bool own_row = chrome.speech_enabled && (!ui::context().metrics.landscape || row_need > width);
    std::vector<int> rows;
    for (const FooterItem& item : items)
        rows.push_back(own_row && item.id.rfind("speech.", 0) != 0 ? 1 : 0);
    return lay_out_slots(items, shares, rows, width);
}

float footer_height(const ChromeView& chrome, float width)
{
    float total = 0;
    if (chrome.show_nav)
        total += nav_button_size(chrome, width).y + ImGui::GetStyle().ItemSpacing.y;
    return total + settings_slots(chrome, width).height;
}

void draw_footer(const ChromeView& chrome, Requests& requests)
{
    const ui::NotRead same_on_every_screen;
    const float width = ImGui::GetContentRegionAvail().x;
    if (chrome.show_nav) {
        const ImVec2 size = nav_button_size(chrome, width);
        if (ui::button("nav.back", back_text(chrome), size, ui::ButtonKind::Primary, ui::TextRole::Title))
            requests.push(RequestBack{});
        ImGui::SameLine();
        if (ui::button("nav.home", home_text(chrome), size, ui::ButtonKind::Primary, ui::TextRole::Title))
            requests.push(RequestHome{});
    }
    const SettingsSlots slots = settings_slots(chrome, width);
    const std::vector<FooterItem> items = footer_items(chrome);
    ui::Context& ctx = ui::context();
    // Row by row, top first.
    std::vector<std::size_t> order(items.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&slots](std::size_t a, std::size_t b) { return slots.rows[a] < slots.rows[b]; });
    for (std::size_t k = 0; k < order.size(); ++k) {
        const std::size_t i = order[k];
        if (k > 0 && slots.rows[i] == slots.rows[order[k - 1]])
            ImGui::SameLine();
        const float row_height = slots.row_heights[static_cast<std::size_t>(slots.rows[i])];
        // The speech buttons act on the first touch, 读屏 or not.
        const bool speech_button = items[i].id.rfind("speech.", 0) == 0;
        ctx.acts_at_once += speech_button;
        std::optional<ui::RequiredTargets> within_reach;
        if (speech_button)
            within_reach.emplace();
        const bool tapped =
            ui::button(items[i].id.c_str(), items[i].label, ImVec2(slots.widths[i], row_height), items[i].kind);
        within_reach.reset();
        ctx.acts_at_once -= speech_button;
        if (!tapped)
            continue;
        if (items[i].speaks)  // what the last frame showed, title first
            ctx.say = ctx.previous_frame ? ctx.previous_frame->reading() : std::vector<std::string>{};
        else
            requests.push(items[i].request);
        if (!items[i].announce.empty())
            ctx.say = std::vector<std::string>{items[i].announce};
    }
}

// Elderly mode has no pop-ups that appear by themselves: "still there?" is
// a band above the footer, within reach, with the seconds left in the
// largest digits.
static bool idle_band_shown(const ChromeView& chrome) { return chrome.idle.open && chrome.display.elderly; }

float idle_band_height(const ChromeView& chrome, float width)
{
    if (!idle_band_shown(chrome))
        return 0;
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    return ui::text_height(chrome.idle.title, ui::TextRole::Title, width) +
           ui::text_height(chrome.idle.seconds, ui::TextRole::Amount, width) +
           ui::text_height(chrome.idle.body, ui::TextRole::Body, width) +
           ui::button_size(chrome.idle.keep_label, width, ui::TextRole::Title).y + 4 * spacing;
}

void draw_idle_band(const ChromeView& chrome, Requests& requests)
{
    if (!idle_band_shown(chrome))
        return;
    const float width = ImGui::GetContentRegionAvail().x;
    const ui::Palette& p = ui::context().colors();
    const ImVec2 top_left = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRect(top_left, ImVec2(top_left.x + width, top_left.y + idle_band_height(chrome, width)),
                                        p.text, ImGui::GetStyle().FrameRounding, 0, 4.0f);
    ui::text(chrome.idle.title, ui::TextRole::Title, ui::Align::Center);
    ui::text(chrome.idle.seconds, ui::TextRole::Amount, ui::Align::Center);
    ui::text(chrome.idle.body, ui::TextRole::Body, ui::Align::Center);
    if (ui::button("idle.keep", chrome.idle.keep_label, ImVec2(width, 0), ui::ButtonKind::Primary, ui::TextRole::Title))
        requests.push(RequestStillHere{});
}

void draw_dialogs(const ChromeView& chrome, Requests& requests)
{
    if (ui::begin_dialog("idle", chrome.idle.open && !chrome.display.elderly)) {
        const float width = ImGui::GetContentRegionAvail().x;
        ui::text(chrome.idle.title, ui::TextRole::Title, ui::Align::Center);
        ui::text(chrome.idle.body, ui::TextRole::Body, ui::Align::Center);
        if (ui::button("idle.keep", chrome.idle.keep_label, ImVec2(width, 0), ui::ButtonKind::Primary, ui::TextRole::Title))
            requests.push(RequestStillHere{});
        ui::end_dialog();
    }

    if (ui::begin_dialog("admin.pin", chrome.pin.open)) {
        const float width = ImGui::GetContentRegionAvail().x;
        ui::text(chrome.pin.title, ui::TextRole::Title, ui::Align::Center);
        ui::text(chrome.pin.dots.empty() ? std::string(" ") : chrome.pin.dots, ui::TextRole::Title, ui::Align::Center);
        ui::text(chrome.pin.message, ui::TextRole::Body, ui::Align::Center);
        const float half = (width - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
        if (!chrome.pin.locked) {
            // The keys share the dialog's height with the words and 取消/确定
            // (in 长者模式 landscape 7 8 9 were cut and 0 and 确定 hidden).
            const ImGuiStyle& style = ImGui::GetStyle();
            const float used = ImGui::GetCursorPosY() - style.WindowPadding.y + style.ItemSpacing.y +
                               ui::button_size(chrome.pin.ok_label, half).y + 2 * style.WindowPadding.y;
            if (char key = ui::numeric_keypad("admin.pin.key", chrome.pin.erase_label, width, {}, true,
                                              ui::dialog_max_height() - used))
                requests.push(RequestPinKey{key});
        }
        if (ui::button("admin.pin.cancel", chrome.pin.cancel_label, ImVec2(half, 0)))
            requests.push(RequestPinCancel{});
        if (!chrome.pin.locked) {
            ImGui::SameLine();
            if (ui::button("admin.pin.ok", chrome.pin.ok_label, ImVec2(half, 0), ui::ButtonKind::Primary))
                requests.push(RequestPinSubmit{});
        }
        ui::end_dialog();
    }
}

} // namespace kiosk::screens
