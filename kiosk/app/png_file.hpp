// Writes screenshots as PNG with libpng. Fast settings on purpose: the UI
// tests write hundreds of full-panel screenshots, and flat UI pixels compress
// well with the Up filter at a low zlib level (~50 ms for 1080x1920, where
// stb_image_write took ~500 ms).
#pragma once

#include <string>

namespace kiosk::app {

// `rgb` holds `height` rows of `width` RGB pixels, bottom row first (as GL
// reads them). False with `error` (naming the file) when it cannot be written.
bool write_png_bottom_up(const std::string& path, int width, int height, const unsigned char* rgb,
                         std::string& error);

} // namespace kiosk::app
