// Screens: each draws from its view model and pushes requests; none changes
// state, touches SQL or the network. The frame (header, content, footer,
// dialogs) is drawn once in screen_frame.cpp around the open screen.
#pragma once

#include "core/requests.hpp"
#include "core/views.hpp"
#include "ui/feature_screens.hpp"

#include <map>

namespace kiosk::screens {

using FeatureScreenMap = std::map<FeatureId, ui::FeatureScreens>;

// Draws the whole UI for one frame: the shell's screens, or the open
// feature's, and every feature's overlay.
void draw_frame(const Views& views, const FeatureScreenMap& features, Requests& requests);

void draw_home_screen(const HomeView& view, Requests& requests);
void draw_admin_screen(const AdminView& view, Requests& requests);

// The frame's parts (chrome.cpp).
void draw_header(const ChromeView& chrome);
float footer_height(const ChromeView& chrome, float width);
void draw_footer(const ChromeView& chrome, Requests& requests);
void draw_dialogs(const ChromeView& chrome, Requests& requests);
// Elderly mode's "still there?" countdown, above the footer instead of a pop-up.
float idle_band_height(const ChromeView& chrome, float width);
void draw_idle_band(const ChromeView& chrome, Requests& requests);

} // namespace kiosk::screens
