// A QR code drawn as ImGui rectangles, with its quiet zone, for the payment
// order's pay-page URL.
#pragma once

#include <string>

namespace kiosk::ui {

// Draws a square `size_px` wide at the cursor (dark modules on white, a
// 4-module quiet zone) and records it as a text for scripted tests.
void qr_code(const char* id, const std::string& text, float size_px);

} // namespace kiosk::ui
