// The Visitors screen's parts, shared between its files.
#pragma once

#include "core/requests.hpp"
#include "features/visitors/core/visitors_feature.hpp"

#include <string_view>

namespace kiosk::visitors {

// Every visitors screen request goes to the visitors feature.
inline void ask(Requests& requests, VisitorsRequest request)
{
    requests.push(FeatureRequest{feature_id, std::move(request)});
}

// Tall enough for the touch target and for the words at any text size.
float button_height(std::string_view label = "A");                   // visitors_pass_screen.cpp
void draw_message(const VisitorsView& view);                          // visitors_screen.cpp
void draw_pass_like(const VisitorsView& view, Requests& requests);    // visitors_pass_screen.cpp: pass, waiting, results
void draw_items(const VisitorsView& view, Requests& requests);        // visitors_pass_screen.cpp
void draw_privacy(const VisitorsView& view, Requests& requests);      // visitors_pass_screen.cpp
void draw_read_back(const VisitorsView& view, Requests& requests);    // visitors_pass_screen.cpp (长者模式)

} // namespace kiosk::visitors
