#include "app/png_file.hpp"

#include <png.h>

#include <cerrno>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <memory>

namespace kiosk::app {
namespace {

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};

// libpng reports errors by longjmp; nothing with a destructor lives between
// setjmp and the calls that may jump.
bool write_rows(std::FILE* file, int width, int height, const unsigned char* rgb)
{
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    if (!png)
        return false;
    png_infop info = png_create_info_struct(png);
    if (!info || setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return false;
    }
    png_init_io(png, file);
    png_set_compression_level(png, 3);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
    png_set_IHDR(png, info, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height), 8,
                 PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    const std::size_t stride = static_cast<std::size_t>(width) * 3;
    for (int row = height - 1; row >= 0; --row)  // GL's rows run bottom-up; PNG's top-down
        png_write_row(png, rgb + stride * static_cast<std::size_t>(row));
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    return true;
}

} // namespace

bool write_png_bottom_up(const std::string& path, int width, int height, const unsigned char* rgb,
                         std::string& error)
{
    std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "wb"));
    if (!file) {
        error = path + ": cannot write the screenshot (" + std::strerror(errno) + ")";
        return false;
    }
    const bool written = write_rows(file.get(), width, height, rgb);
    const bool flushed = std::fflush(file.get()) == 0;
    if (!written || !flushed) {
        error = path + ": cannot write the screenshot (" + (flushed ? "PNG encoder failed" : std::strerror(errno)) + ")";
        return false;
    }
    return true;
}

} // namespace kiosk::app
