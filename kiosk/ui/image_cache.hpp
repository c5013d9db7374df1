// Pictures (PNG, JPEG) drawn in screens: decoded with stb_image (Debian
// libstb), scaled down to the width they are shown at, uploaded once as a GL
// texture through the app's uploader (ui links no GL), and kept while used.
// Bytes that do not decode give `failed`, never a crash.
#pragma once

#include <imgui.h>

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace kiosk::ui {

struct Picture {
    ImTextureID texture = nullptr;
    int width = 0, height = 0;  // of the texture, in px
    bool failed = false;        // not a picture this kiosk can show
};

// What the app gives the cache: make a texture from RGBA pixels, free one.
struct TextureUploader {
    std::function<ImTextureID(const unsigned char* rgba, int width, int height)> upload;
    std::function<void(ImTextureID)> release;
};
void set_texture_uploader(TextureUploader uploader);

// Decodes RGBA and scales it to at most max_width px wide (aspect kept). false when the bytes are no picture.
bool decode_picture(const std::string& bytes, int max_width, std::vector<unsigned char>& rgba, int& width, int& height);

// The texture of picture `id` (its bytes) at most max_width px wide.
Picture picture(const std::string& id, const std::string& bytes, int max_width);

// Frees textures not asked for during the last `frames` frames (called by the app after each frame).
void forget_unused_pictures(int frames = 120);
// Textures held now, and their pixels (the bench reports them).
std::size_t pictures_held();
std::size_t picture_pixels_held();
// Frees every texture (before the GL context goes).
void release_pictures();

} // namespace kiosk::ui
