// Screens: each draws from its view model and pushes requests; none changes
// state, touches SQL or the network. The frame (header, content, footer,
// dialogs) is drawn once in screen_frame.cpp around the open screen.
#pragma once

#include "core/requests.hpp"
#include "core/views.hpp"

namespace kiosk::screens {

// Draws the whole UI for one frame.
void draw_frame(const Views& views, ScreenId screen, Requests& requests);

void draw_home_screen(const HomeView& view, Requests& requests);
void draw_admin_screen(const AdminView& view, Requests& requests);
void draw_fees_screen(const FeesView& view, Requests& requests);   // fees_screen.cpp
void draw_fees_dialogs(const FeesView& view, Requests& requests);  // every frame, closes when not open

// The frame's parts (chrome.cpp).
void draw_header(const ChromeView& chrome);
float footer_height(const ChromeView& chrome, float width);
void draw_footer(const ChromeView& chrome, Requests& requests);
void draw_dialogs(const ChromeView& chrome, Requests& requests);

} // namespace kiosk::screens
