// Picture textures: decode, scale, upload once per (id, width), let go when unused.
#include "ui/image_cache.hpp"

#include <stb_image.h>
#include <stb_image_resize.h>

#include <map>
#include <memory>
#include <utility>
#include <vector>

namespace kiosk::ui {
namespace {

struct Held {
    Picture picture;
    int last_frame = 0;
};

struct Cache {
    TextureUploader uploader;
    std::map<std::pair<std::string, int>, Held> held;
    int frame = 0;
};

Cache& cache()
{
    static Cache c;
    return c;
}

// Larger than any panel: a picture claiming more is refused before decoding.
constexpr int k_max_side = 8192;

} // namespace

void set_texture_uploader(TextureUploader uploader)
{
    cache().uploader = std::move(uploader);
}

bool decode_picture(const std::string& bytes, int max_width, std::vector<unsigned char>& rgba, int& width, int& height)
{
    if (bytes.empty() || bytes.size() > static_cast<std::size_t>(INT32_MAX))
        return false;
    const auto* data = reinterpret_cast<const stbi_uc*>(bytes.data());
    const int size = static_cast<int>(bytes.size());
    int w = 0, h = 0, channels = 0;
    if (!stbi_info_from_memory(data, size, &w, &h, &channels) || w <= 0 || h <= 0 || w > k_max_side || h > k_max_side)
        return false;
    std::unique_ptr<stbi_uc, void (*)(void*)> pixels(stbi_load_from_memory(data, size, &w, &h, &channels, 4),
                                                     stbi_image_free);
    if (!pixels)
        return false;  // truncated or corrupt: stb says so instead of crashing
    width = w;
    height = h;
    if (max_width > 0 && w > max_width) {
        width = max_width;
        height = std::max(1, static_cast<int>(static_cast<long long>(h) * max_width / w));
        rgba.resize(static_cast<std::size_t>(width) * height * 4);
        if (!stbir_resize_uint8(pixels.get(), w, h, 0, rgba.data(), width, height, 0, 4))
            return false;
    } else {
        rgba.assign(pixels.get(), pixels.get() + static_cast<std::size_t>(w) * h * 4);
    }
    return true;
}

Picture picture(const std::string& id, const std::string& bytes, int max_width)
{
    Cache& c = cache();
    const auto key = std::make_pair(id, max_width);
    auto found = c.held.find(key);
    if (found == c.held.end()) {
        Held held;
        std::vector<unsigned char> rgba;
        int width = 0, height = 0;
        if (!c.uploader.upload || !decode_picture(bytes, max_width, rgba, width, height)) {
            held.picture.failed = true;
        } else {
            held.picture.texture = c.uploader.upload(rgba.data(), width, height);
            held.picture.width = width;
            held.picture.height = height;
            held.picture.failed = held.picture.texture == nullptr;
        }
        found = c.held.emplace(key, held).first;
    }
    found->second.last_frame = c.frame;
    return found->second.picture;
}

void forget_unused_pictures(int frames)
{
    Cache& c = cache();
    ++c.frame;
    for (auto it = c.held.begin(); it != c.held.end();) {
        if (c.frame - it->second.last_frame > frames) {
            if (it->second.picture.texture && c.uploader.release)
                c.uploader.release(it->second.picture.texture);
            it = c.held.erase(it);
        } else {
            ++it;
        }
    }
}

std::size_t pictures_held()
{
    return cache().held.size();
}

std::size_t picture_pixels_held()
{
    std::size_t pixels = 0;
    for (const auto& [key, held] : cache().held)
        pixels += static_cast<std::size_t>(held.picture.width) * held.picture.height;
    return pixels;
}

void release_pictures()
{
    Cache& c = cache();
    for (auto& [key, held] : c.held)
        if (held.picture.texture && c.uploader.release)
            c.uploader.release(held.picture.texture);
    c.held.clear();
}

} // namespace kiosk::ui
