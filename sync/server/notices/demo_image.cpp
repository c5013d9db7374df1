// The demo's picture: a floor plan of building 5's lobby with the lift under
// works marked, drawn in flat colours (a PNG of a few KB).
#include "notices/notices.hpp"

#include <stb_image_write.h>

#include <cstdint>
#include <vector>

namespace lobby::server::notices {
namespace {

struct Canvas {
    int width, height;
    std::vector<std::uint8_t> rgb;

    Canvas(int w, int h) : width(w), height(h), rgb(static_cast<std::size_t>(w * h * 3), 0xf4) {}

    void fill(int x0, int y0, int x1, int y1, std::uint32_t colour) {
        for (int y = std::max(0, y0); y < std::min(height, y1); ++y)
            for (int x = std::max(0, x0); x < std::min(width, x1); ++x) {
                std::uint8_t* p = &rgb[static_cast<std::size_t>((y * width + x) * 3)];
                p[0] = static_cast<std::uint8_t>(colour >> 16);
                p[1] = static_cast<std::uint8_t>(colour >> 8);
                p[2] = static_cast<std::uint8_t>(colour);
            }
    }
    void frame(int x0, int y0, int x1, int y1, int t, std::uint32_t colour) {
        fill(x0, y0, x1, y0 + t, colour);
        fill(x0, y1 - t, x1, y1, colour);
        fill(x0, y0, x0 + t, y1, colour);
        fill(x1 - t, y0, x1, y1, colour);
    }
    void cross(int x0, int y0, int size, int t, std::uint32_t colour) {
        for (int i = 0; i < size; ++i) {
            fill(x0 + i, y0 + i, x0 + i + t, y0 + i + t, colour);
            fill(x0 + size - i - t, y0 + i, x0 + size - i, y0 + i + t, colour);
        }
    }
};

void append(void* context, void* data, int size) {
    auto* out = static_cast<std::string*>(context);
    out->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
}

} // namespace

std::string demo_lift_plan_png() {
    constexpr std::uint32_t wall = 0x37474f, lift_ok = 0x2e7d32, lift_works = 0xc62828, route = 0x1565c0;
    Canvas c(640, 360);
    c.frame(20, 20, 620, 340, 8, wall);          // the lobby
    c.fill(280, 332, 360, 340, 0xf4f4f4);        // its door
    c.frame(60, 60, 200, 200, 6, lift_works);    // lift 1, under works
    c.cross(80, 80, 100, 10, lift_works);
    c.frame(440, 60, 580, 200, 6, lift_ok);      // lift 2, in use
    c.fill(490, 110, 530, 150, lift_ok);
    c.fill(310, 240, 330, 332, route);           // the way from the door to lift 2
    c.fill(310, 230, 510, 250, route);
    c.fill(490, 200, 510, 250, route);
    std::string png;
    stbi_write_png_to_func(append, &png, c.width, c.height, 3, c.rgb.data(), c.width * 3);
    return png;
}

} // namespace lobby::server::notices
