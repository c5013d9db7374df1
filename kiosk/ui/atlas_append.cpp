// Appends an addition's glyphs to the fonts of a whole atlas.
#include "ui/atlas_append.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace kiosk::ui {

namespace {

// The glyphs' and extras' extent from the top-left corner, in texels.
ImVec2 used_extent(const ImFontAtlas& atlas)
{
    ImVec2 extent(0, 0);
    const ImVec2 size(static_cast<float>(atlas.TexWidth), static_cast<float>(atlas.TexHeight));
    for (const ImFont* font : atlas.Fonts)
        for (const ImFontGlyph& glyph : font->Glyphs)
            if (glyph.Visible)
                extent = ImVec2(std::max(extent.x, glyph.U1 * size.x), std::max(extent.y, glyph.V1 * size.y));
    for (const ImFontAtlasCustomRect& rect : atlas.CustomRects)
        if (rect.IsPacked())
            extent = ImVec2(std::max(extent.x, static_cast<float>(rect.X + rect.Width)),
                            std::max(extent.y, static_cast<float>(rect.Y + rect.Height)));
    return extent;
}

} // namespace

int used_rows(const ImFontAtlas& atlas)
{
    return static_cast<int>(std::ceil(used_extent(atlas).y)) + atlas.TexGlyphPadding;
}

int used_columns(const ImFontAtlas& atlas)
{
    return std::min(atlas.TexWidth, static_cast<int>(std::ceil(used_extent(atlas).x)) + atlas.TexGlyphPadding);
}

void add_free_rows(ImFontAtlas& atlas, int rows)
{
    if (rows <= 0 || !atlas.TexPixelsAlpha8)
        return;
    const int old_height = atlas.TexHeight, new_height = old_height + rows;
    const std::size_t old_bytes = static_cast<std::size_t>(atlas.TexWidth) * old_height;
    auto* pixels = static_cast<unsigned char*>(IM_ALLOC(static_cast<std::size_t>(atlas.TexWidth) * new_height));
    std::memcpy(pixels, atlas.TexPixelsAlpha8, old_bytes);
    std::memset(pixels + old_bytes, 0, static_cast<std::size_t>(atlas.TexWidth) * rows);
    IM_FREE(atlas.TexPixelsAlpha8);
    atlas.TexPixelsAlpha8 = pixels;
    // Every v was a row over the old height.
    const float scale = static_cast<float>(old_height) / static_cast<float>(new_height);
    for (ImFont* font : atlas.Fonts)
        for (ImFontGlyph& glyph : font->Glyphs) {
            glyph.V0 *= scale;
            glyph.V1 *= scale;
        }
    atlas.TexUvWhitePixel.y *= scale;
    for (ImVec4& uv : atlas.TexUvLines) {
        uv.y *= scale;
        uv.w *= scale;
    }
    atlas.TexHeight = new_height;
    atlas.TexUvScale = ImVec2(1.0f / static_cast<float>(atlas.TexWidth), 1.0f / static_cast<float>(new_height));
}

namespace {

void append_font(ImFont& font, ImVec2 at, const ImFontAtlas& addition, const ImFont& added, ImVec2 tex_size)
{
    // BuildLookupTable adds a tab glyph at the end: drop it, it comes back.
    if (!font.Glyphs.empty() && font.Glyphs.back().Codepoint == '\t')
        font.Glyphs.pop_back();
    const ImVec2 from(static_cast<float>(addition.TexWidth), static_cast<float>(addition.TexHeight));
    const auto u = [&](float u_added) { return (u_added * from.x + at.x) / tex_size.x; };
    const auto v = [&](float v_added) { return (v_added * from.y + at.y) / tex_size.y; };
    for (const ImFontGlyph& glyph : added.Glyphs) {
        if (glyph.Codepoint == '\t' || font.FindGlyphNoFallback(static_cast<ImWchar>(glyph.Codepoint)))
            continue;  // the tab, and the '?' every addition carries
        // No config: the addition's glyphs already had it applied (snap,
        // minimum advance of the merged icons).
        font.AddGlyph(nullptr, static_cast<ImWchar>(glyph.Codepoint), glyph.X0, glyph.Y0, glyph.X1, glyph.Y1,
                      u(glyph.U0), v(glyph.V0), u(glyph.U1), v(glyph.V1), glyph.AdvanceX);
    }
    font.BuildLookupTable();
}

} // namespace

bool append_glyphs(const ImFontAtlas& atlas, const FontSet& fonts, int left, int top, const ImFontAtlas& addition,
                   const FontSet& added)
{
    if (!fonts.body || !fonts.title || !added.body || !added.title || left < 0 || top < 0 ||
        left + used_columns(addition) > atlas.TexWidth || top + used_rows(addition) > atlas.TexHeight)
        return false;
    const ImVec2 at(static_cast<float>(left), static_cast<float>(top));
    const ImVec2 tex_size(static_cast<float>(atlas.TexWidth), static_cast<float>(atlas.TexHeight));
    append_font(*fonts.body, at, addition, *added.body, tex_size);
    append_font(*fonts.title, at, addition, *added.title, tex_size);
    return true;
}

void AtlasShelves::reset(int used_rows, int width)
{
    *this = AtlasShelves{};
    m_width = width;
    m_bottom = used_rows;
}

ImVec2 AtlasShelves::place(int columns, int rows) const
{
    if (m_shelf_rows > 0 && rows <= m_shelf_rows && m_shelf_x + columns <= m_width)
        return ImVec2(static_cast<float>(m_shelf_x), static_cast<float>(m_shelf_top));
    return ImVec2(0, static_cast<float>(m_bottom));
}

void AtlasShelves::take(ImVec2 at, int columns, int rows)
{
    const int x = static_cast<int>(at.x), y = static_cast<int>(at.y);
    if (y == m_bottom && x == 0) {  // a new shelf
        m_shelf_top = y;
        m_shelf_rows = rows;
        m_shelf_x = columns;
        m_bottom = y + rows;
    } else {
        m_shelf_x = x + columns;
    }
}

} // namespace kiosk::ui
