// A QR code drawn as ImGui rectangles, with its quiet zone, for the payment
// order's pay-page URL.
#pragma once

#include <string>
#include <string_view>

namespace kiosk::ui {

// Draws a square at most `size_px` wide at the cursor (dark modules on white,
// a 4-module quiet zone, whole pixels per module). The last text's matrix is
// kept, so a frame that shows the same code does not encode it again.
// When `text` is too long for any QR code it draws a white square of the
// same size holding `unavailable_text` instead, and returns false.
bool qr_code(const char* id, const std::string& text, float size_px, std::string_view unavailable_text);

// Whether `text` fits in a QR code (what qr_code() would draw), for a screen
// that lays out the words beside the code before drawing it.
bool qr_encodable(const std::string& text);

} // namespace kiosk::ui
