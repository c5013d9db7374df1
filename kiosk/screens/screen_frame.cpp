// The frame every screen sits in: one full-screen window, the header on top,
// the screen's own content in a touch-scrolled area, the footer at the bottom
// (Back and Home always in the same place), dialogs over everything.
#include "screens/screens.hpp"

#include "ui/context.hpp"
#include "ui/text_pad.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <string>

namespace kiosk::screens {

void draw_frame(const Views& views, const FeatureScreenMap& features, Requests& requests)
{
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                   ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::Begin("kiosk", nullptr, flags);

    // An idle kiosk's attract slide covers everything; a touch ends it.
    if (const auto attract = features.find(views.attract); attract != features.end() && attract->second.draw_attract) {
        attract->second.draw_attract(views.attract_view);
        for (const auto& [id, screens] : features)
            screens.draw_overlay(nullptr, requests);  // dialogs told to close, as on home
        ImGui::End();
        return;
    }

    draw_header(views.chrome);

    const float width = ImGui::GetContentRegionAvail().x;
    ui::context().more_label = views.chrome.more_label;
    const float band = idle_band_height(views.chrome, width);
    const float footer = footer_height(views.chrome, width) + (band > 0 ? band + ImGui::GetStyle().ItemSpacing.y : 0);
    const float content_h = ImGui::GetContentRegionAvail().y - footer - ImGui::GetStyle().ItemSpacing.y;
    const float content_top = ImGui::GetCursorScreenPos().y;
    ui::context().dialog_band_top = content_top;
    ui::context().dialog_band_bottom = content_top + content_h;
    // A new screen, or a new step of a feature's flow, starts at the top:
    // the keypad must not open with the room list's scroll offset.
    const auto open_feature = features.find(views.feature);
    const std::string page = std::string(views.screen) + "#" +
                             std::to_string(open_feature != features.end() && open_feature->second.page
                                                ? open_feature->second.page(views.feature_view)
                                                : 0);
    static std::string drawn_page;  // what the content area showed last frame
    if (page != drawn_page) {
        ImGui::SetNextWindowScroll(ImVec2(0, 0));
        ui::context().new_page = true;
    }
    drawn_page = page;
    // While 还在使用吗 is asked (in 长者模式 a band above Back/Home, not a
    // pop-up), a touch anywhere is the answer (Controller::on_touch) and the
    // squeezed screen grows back under the finger: its controls wait, so that
    // touch never also lands on whatever moved there. Nothing on it is to be
    // touched now, so nothing on it is required either.
    const bool waits = band > 0;
    if (waits)
        ImGui::BeginDisabled();
    ui::begin_scroll_area("content", ImVec2(width, content_h), ui::ScrollKind::Page);
    if (open_feature != features.end())
        open_feature->second.draw(views.feature_view, requests);
    else if (views.screen == screen::admin)
        draw_admin_screen(views.admin, requests);
    else
        draw_home_screen(views.home, requests);
    ui::end_scroll_area();
    if (waits)
        ImGui::EndDisabled();

    draw_idle_band(views.chrome, requests);
    draw_footer(views.chrome, requests);
    draw_dialogs(views.chrome, requests);
    for (const auto& [id, screens] : features)
        screens.draw_overlay(id == views.feature ? &views.feature_view : nullptr, requests);
    ImGui::End();
    // The text pad over the screen, at its bottom (a window of its own); it
    // steps aside while 还在使用吗？ is asked (in elderly mode that is a band
    // above the footer, which the pad would cover), keeping what was typed.
    ui::draw_text_pad(views.chrome.idle.open);
}

} // namespace kiosk::screens
