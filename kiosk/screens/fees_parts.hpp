// The Fees screen's parts, shared between its two files.
#pragma once

#include "screens/screens.hpp"

namespace kiosk::screens {

void draw_fees_message(const FeesView& view);  // feedback line, red when a problem
void draw_fees_bill(const FeesView& view, Requests& requests);
void draw_fees_choose(const FeesView& view, Requests& requests);
void draw_fees_order(const FeesView& view, Requests& requests);

} // namespace kiosk::screens
