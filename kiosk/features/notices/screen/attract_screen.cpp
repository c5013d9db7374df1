// The attract screen: one current notice at a time, full screen, in large
// type, with how to leave. It is drawn once per slide; a touch anywhere ends
// it (the app takes that touch, so nothing beneath is pressed). Its sizes
// follow the kiosk's default mode: in 长者模式 (2x) the title, the words and
// the hint are the elderly sizes, and a long notice is cut after its last
// whole line (…), never through one.
#include "features/notices/screen/notices_parts.hpp"

#include "ui/context.hpp"
#include "ui/icons.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>

namespace kiosk::notices {

void draw_attract(const AttractView& view)
{
    const ui::Context& ctx = ui::context();
    const ui::Palette& p = ctx.colors();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float margin = ctx.metrics.mm(8);
    const float width = avail.x - 2 * margin;
    ImDrawList* list = ImGui::GetWindowDrawList();

    // The band on top says what kind of notice it is; urgent ones in the banner's colours.
    const std::string heading = view.badge.empty() ? ui::with_icon("bullhorn", view.category)
                                                   : ui::with_icon("warning", view.badge + "  " + view.category);
    const float band_h = ui::text_height(heading, ui::TextRole::Title, width) + 2 * margin;
    list->AddRectFilled(origin, ImVec2(origin.x + avail.x, origin.y + band_h), view.badge.empty() ? p.header : p.banner);
    ImGui::SetCursorScreenPos(ImVec2(origin.x + margin, origin.y + margin));
    ui::text(heading, ui::TextRole::Title, ui::Align::Left, width, view.badge.empty() ? p.text : p.banner_text);

    // The hint to leave, at the bottom, always whole and in large type; the
    // slide's number under it.
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const float footer_h = ui::text_height(view.hint, ui::TextRole::Title, width) + spacing +
                           ui::text_height(view.counter, ui::TextRole::Body, width) + 2 * margin;
    const float body_top = origin.y + band_h + margin;
    const float body_h = avail.y - band_h - margin - footer_h;

    ImGui::SetCursorScreenPos(ImVec2(origin.x + margin, body_top));
    ImGui::BeginChild("attract.body", ImVec2(width, ImMax(1.0f, body_h)), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoInputs);
    ui::text(view.title, ui::TextRole::Title, ui::Align::Left, width);
    ui::text(view.validity, ui::TextRole::Muted, ui::Align::Left, width);
    ImGui::Dummy(ImVec2(1, ctx.metrics.mm(3)));
    // A long one is cut after its last whole line: the full text is in 公告通知.
    draw_markdown(view.body, width, 0, true, ImGui::GetContentRegionAvail().y);
    ImGui::EndChild();

    ImGui::SetCursorScreenPos(ImVec2(origin.x + margin, origin.y + avail.y - footer_h + margin));
    ui::text(view.hint, ui::TextRole::Title, ui::Align::Center, width);
    ui::text(view.counter, ui::TextRole::Body, ui::Align::Center, width, p.muted_text);
}

} // namespace kiosk::notices
