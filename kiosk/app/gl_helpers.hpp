// The few raw GL calls the kiosk makes besides ImGui's renderer: a one-byte
// font texture and reading the frame back for screenshots.
#pragma once

#include <imgui.h>

#include <string>

namespace kiosk::app {

// Uploads the atlas as a single-channel texture (a quarter of ImGui's RGBA
// upload) and frees the CPU copy. Deletes `previous` if non-zero.
unsigned upload_font_texture(ImFontAtlas& atlas, unsigned previous);
// An empty one-byte font texture of the atlas's size, to be filled in bands
// by write_font_texture_block (a whole new atlas goes up between frames).
unsigned create_font_texture(int width, int height);
// Writes the top-left `columns` x `rows` block of one-byte pixels (rows
// `stride` bytes apart) at (left, top) of a font texture made by
// upload_font_texture: an atlas addition's glyphs.
void write_font_texture_block(unsigned texture, const unsigned char* pixels, int stride, int left, int top,
                              int columns, int rows);
void delete_texture(unsigned texture);
// An RGBA picture as a texture (notice pictures); 0 on failure.
unsigned upload_rgba_texture(const unsigned char* rgba, int width, int height);

// Reads the back buffer and writes it as PNG; false with `error` on failure.
bool save_screenshot(int width, int height, const std::string& path, std::string& error);

} // namespace kiosk::app

namespace kiosk::app {

// Sets the viewport to the window and clears it to `rgba` (0xAABBGGRR, ImU32).
void begin_gl_frame(int width, int height, unsigned rgba);
void finish_gl();  // waits for the GPU (frame timing in the bench only)

} // namespace kiosk::app
