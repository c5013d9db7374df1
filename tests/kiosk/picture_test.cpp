// Pictures decode with stb_image into RGBA scaled to the width they are shown
// at; a corrupt or truncated picture is refused, never a crash.
#include "ui/image_cache.hpp"

#include <doctest/doctest.h>

#include <stb_image_write.h>

#include <string>
#include <vector>

namespace {

std::string png(int width, int height)
{
    std::vector<unsigned char> rgb(static_cast<std::size_t>(width * height * 3), 0x80);
    std::string out;
    stbi_write_png_to_func([](void* ctx, void* data, int size) { static_cast<std::string*>(ctx)->append(static_cast<char*>(data), size); },
                           &out, width, height, 3, rgb.data(), width * 3);
    return out;
}

} // namespace

TEST_CASE("a picture decodes to RGBA, scaled down to the width it is shown at")
{
    std::vector<unsigned char> rgba;
    int w = 0, h = 0;
    REQUIRE(kiosk::ui::decode_picture(png(400, 200), 1000, rgba, w, h));
    CHECK(w == 400);
    CHECK(h == 200);
    CHECK(rgba.size() == 400u * 200u * 4u);
    REQUIRE(kiosk::ui::decode_picture(png(2000, 1000), 1000, rgba, w, h));
    CHECK(w == 1000);
    CHECK(h == 500);
    CHECK(rgba.size() == 1000u * 500u * 4u);
}

TEST_CASE("corrupt, truncated or empty pictures are refused")
{
    std::vector<unsigned char> rgba;
    int w = 0, h = 0;
    const std::string good = png(64, 64);
    CHECK_FALSE(kiosk::ui::decode_picture(std::string("\x89PNG\r\n\x1a\n this is not a picture", 30), 1000, rgba, w, h));
    CHECK_FALSE(kiosk::ui::decode_picture(good.substr(0, good.size() / 2), 1000, rgba, w, h));
    CHECK_FALSE(kiosk::ui::decode_picture(std::string("\xff\xd8\xff\xe0garbage", 11), 1000, rgba, w, h));
    CHECK_FALSE(kiosk::ui::decode_picture("", 1000, rgba, w, h));
    // A header that claims a huge picture is refused before any pixel is allocated.
    std::string huge = good;
    huge[16] = 0x7f;  // width's high byte in IHDR
    CHECK_FALSE(kiosk::ui::decode_picture(huge, 1000, rgba, w, h));
}

TEST_CASE("without a texture uploader a picture is reported failed, not drawn")
{
    const kiosk::ui::Picture picture = kiosk::ui::picture("IMG-x", png(8, 8), 100);
    CHECK(picture.failed);
    CHECK(picture.texture == nullptr);
}
