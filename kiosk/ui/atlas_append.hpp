// Appending glyphs to the atlas shown. A whole atlas's texture is a power of
// two tall, so usually a good part of it is empty: characters new to the
// screen are rasterised alone (an "addition", a few ms for a candidate list
// instead of 60-190 ms for every glyph again at 2x text) and placed in those
// empty rows; only when they no longer fit is a whole atlas built again.
#pragma once

#include "ui/fonts.hpp"

#include <imgui.h>

namespace kiosk::ui {

// Texture rows from the top, and columns from the left, that `atlas`'s
// glyphs and extras cover (with the glyph padding).
int used_rows(const ImFontAtlas& atlas);
int used_columns(const ImFontAtlas& atlas);

// Makes `atlas` (built, CPU pixels present) `rows` rows taller, empty, for
// additions to come: its glyphs' texture coordinates follow the new height.
// ImGui would round the height up to a power of two (up to twice the
// memory, and sometimes hardly a row to spare); this keeps a known margin.
void add_free_rows(ImFontAtlas& atlas, int rows);

// Appends the body and title glyphs of `addition` (build_font_atlas with
// AtlasPart::Addition, same size and face) to `fonts`, whose atlas is
// `atlas`, as if the addition's used block (used_columns x used_rows) were
// copied to the atlas's texture at (left, top) (the caller copies it).
// False, changing nothing, when it does not fit.
bool append_glyphs(const ImFontAtlas& atlas, const FontSet& fonts, int left, int top, const ImFontAtlas& addition,
                   const FontSet& added);

// Where additions go in the free rows of an atlas: side by side on a shelf
// as tall as its first one (a candidate list's few glyphs take a short
// block, not whole rows), a new shelf below when the next does not fit.
class AtlasShelves {
public:
    // The atlas was built whole: its glyphs end at row `used_rows`.
    void reset(int used_rows, int width);
    // Where a block of `columns` x `rows` goes (not yet taken).
    ImVec2 place(int columns, int rows) const;
    // The block was put at `at`.
    void take(ImVec2 at, int columns, int rows);
    int used_rows() const { return m_bottom; }

private:
    int m_width = 0;
    int m_bottom = 0;      // the first row below everything placed
    int m_shelf_top = 0;   // the open shelf
    int m_shelf_rows = 0;  // 0: no shelf open
    int m_shelf_x = 0;     // its first free column
};

} // namespace kiosk::ui
