// GL helpers. Only GL 1.x entry points plus 3.3 enums: exported by libGL
// itself, so no loader is needed beside ImGui's.
#include "app/gl_helpers.hpp"

#define GL_GLEXT_PROTOTYPES
#include <GL/gl.h>
#include <GL/glext.h>

#include "app/png_file.hpp"

#include <filesystem>
#include <vector>

namespace kiosk::app {

unsigned create_font_texture(int width, int height)
{
    GLuint texture = 0;
    glGenTextures(1, &texture);
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, nullptr);
    // ImGui's shader multiplies vertex colour by the texture's RGBA: present
    // the coverage as white with alpha.
    const GLint swizzle[4] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
    glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
    return texture;
}

unsigned upload_font_texture(ImFontAtlas& atlas, unsigned previous)
{
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas.GetTexDataAsAlpha8(&pixels, &width, &height);
    if (previous)
        glDeleteTextures(1, &previous);
    const unsigned texture = create_font_texture(width, height);
    write_font_texture_block(texture, pixels, width, 0, 0, width, height);
    atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(texture)));
    atlas.ClearTexData();
    return texture;
}

void write_font_texture_block(unsigned texture, const unsigned char* pixels, int stride, int left, int top,
                              int columns, int rows)
{
    glBindTexture(GL_TEXTURE_2D, texture);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, stride);
    glTexSubImage2D(GL_TEXTURE_2D, 0, left, top, columns, rows, GL_RED, GL_UNSIGNED_BYTE, pixels);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);  // ImGui's uploads expect the default
}

unsigned upload_rgba_texture(const unsigned char* rgba, int width, int height)
{
    GLuint texture = 0;
    glGenTextures(1, &texture);
    if (!texture)
        return 0;
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    return texture;
}

void delete_texture(unsigned texture)
{
    if (texture)
        glDeleteTextures(1, &texture);
}

bool save_screenshot(int width, int height, const std::string& path, std::string& error)
{
    std::vector<unsigned char> pixels(static_cast<size_t>(width) * height * 3);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    std::filesystem::path parent = std::filesystem::path(path).parent_path();
    std::error_code ec;
    if (!parent.empty())
        std::filesystem::create_directories(parent, ec);
    return write_png_bottom_up(path, width, height, pixels.data(), error);
}

} // namespace kiosk::app

namespace kiosk::app {

void begin_gl_frame(int width, int height, unsigned rgba)
{
    glViewport(0, 0, width, height);
    glClearColor((rgba & 0xFF) / 255.0f, ((rgba >> 8) & 0xFF) / 255.0f, ((rgba >> 16) & 0xFF) / 255.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
}

void finish_gl()
{
    glFinish();
}

} // namespace kiosk::app
