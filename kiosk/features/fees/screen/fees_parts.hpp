// The Fees screen's parts, shared between its two files.
#pragma once

#include "core/requests.hpp"
#include "features/fees/core/fees_feature.hpp"

namespace kiosk::fees {

// Every fees screen request goes to the fees feature.
inline void ask(Requests& requests, FeesRequest request)
{
    requests.push(FeatureRequest{feature_id, std::move(request)});
}

void draw_fees_screen(const FeesView& view, Requests& requests);   // fees_screen.cpp
void draw_fees_dialogs(const FeesView& view, Requests& requests);  // every frame, closes when not open
void draw_fees_message(const FeesView& view);  // feedback line, red when a problem
void draw_fees_bill(const FeesView& view, Requests& requests);
void draw_fees_choose(const FeesView& view, Requests& requests);
void draw_fees_confirm(const FeesView& view, Requests& requests);  // 长者模式's read-back
void draw_fees_order(const FeesView& view, Requests& requests);

} // namespace kiosk::fees
