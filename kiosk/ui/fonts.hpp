// Fonts: Noto Sans CJK from Debian, mapped into memory once and shared by
// every size. The atlas holds only characters the kiosk actually shows; a
// text with a character not yet in it asks for a new atlas, which the app
// builds on a worker (ui/atlas_worker.hpp) while frames go on.
#pragma once

#include "core/language.hpp"

#include <imgui.h>

#include <bitset>
#include <cstddef>
#include <string>
#include <string_view>

namespace kiosk::ui {

struct FontSet {
    ImFont* body = nullptr;
    ImFont* title = nullptr;  // headings: body × title_factor
    ImFont* amount = nullptr; // money due, a room typed: body × amount_factor, digits A-Z ¥ , . - only (a few glyphs)
};

// Texture width of every atlas: fewer, wider rows pack CJK glyphs tighter,
// and an addition's rows fit under a whole atlas's.
constexpr int atlas_width = 4096;

// The characters an atlas holds: the Basic Multilingual Plane covers our text.
using GlyphSet = std::bitset<0x10000>;

// What one atlas is built for: a plain value, so a worker can build it.
struct AtlasSpec {
    GlyphSet glyphs;
    float body_px = 0;
    int face = -1;  // font_face_for(language)
};

// The mapped font files (read-only for the process's life, so any thread
// may rasterise from them).
struct FontSources {
    const void* text = nullptr;
    std::size_t text_size = 0;
    const void* icons = nullptr;  // null: no icon font
    std::size_t icons_size = 0;
};

// Whole: every font (body, title, amount) with ImGui's extras (white pixel,
// baked lines). Addition: body and title only, the fewest extras: glyphs to
// append to a whole atlas of the same size and face (ui/atlas_append.hpp).
enum class AtlasPart { Whole, Addition };

// Builds `atlas` (cleared first, CPU side: Alpha8 pixels) for `spec`. Touches
// nothing but `atlas` and the read-only sources: safe on a worker thread with
// an atlas of its own.
FontSet build_font_atlas(const FontSources& sources, const AtlasSpec& spec, ImFontAtlas& atlas,
                         AtlasPart part = AtlasPart::Whole);

class FontLibrary {
public:
    static constexpr float title_factor = 1.4f;
    static constexpr float amount_factor = 2.6f;

    FontLibrary() = default;
    ~FontLibrary();
    FontLibrary(const FontLibrary&) = delete;
    FontLibrary& operator=(const FontLibrary&) = delete;

    // Maps the font collection; false with a message if it cannot.
    bool open(const std::string& path, std::string& error);
    // Maps the icon font (optional: without it icons are not drawn, the
    // words beside them still are).
    bool open_icons(const std::string& path, std::string& error);

    // Adds every character of `text` to the wanted set; returns true when one
    // was new (the atlas must be rebuilt to show it).
    bool want(std::string_view text);
    // Wants `text` and keeps wanting it after forget_shown() (the locale
    // texts: every screen's words).
    void want_always(std::string_view text);
    // A person's visit ended: what they saw and typed (a name, a candidate
    // list) is wanted no more; the next frame wants what it shows again.
    void forget_shown() { m_wanted = m_always; }
    // The atlas drawn with holds many characters no longer wanted: a smaller
    // one would give their memory back (and the visit's characters with it).
    bool holds_unwanted() const;

    // True when the atlas lacks wanted characters or the size/face changed.
    bool needs_build(float body_px, Language language) const;
    // True when no atlas was built yet for this size and face: the next
    // frame cannot be drawn with the one there is (a text size or language
    // switch), so it is built at once rather than in the background.
    bool needs_new_size(float body_px, Language language) const;

    // What an atlas for this size and face with every wanted character is.
    AtlasSpec spec(float body_px, Language language) const;
    // Whether an atlas built from `spec` may replace the one drawn with: the
    // same size and face, and every character that one has and is wanted.
    bool can_replace_built(const AtlasSpec& spec) const;
    // An atlas built from `spec` is now the one drawn with.
    void mark_built(const AtlasSpec& spec);
    // The characters wanted and not in the atlas shown, at its size and face.
    AtlasSpec missing() const;
    // `glyphs` were appended to the atlas shown.
    void mark_added(const GlyphSet& glyphs) { m_built |= glyphs; }
    FontSources sources() const { return {m_data, m_size, m_icon_data, m_icon_size}; }

    // Rebuilds `atlas` (CPU side) for this body size and face, on this thread.
    FontSet build(ImFontAtlas& atlas, float body_px, Language language);

    // Every character of `text` is in the atlas drawn with.
    bool built_covers(std::string_view text) const;

    std::size_t glyph_count() const { return m_wanted.count(); }
    std::size_t built_glyph_count() const { return m_built.count(); }

private:
    void* m_data = nullptr;
    std::size_t m_size = 0;
    GlyphSet m_wanted;
    GlyphSet m_always;  // ASCII and want_always()
    GlyphSet m_built;
    float m_built_px = 0;
    int m_built_face = -1;
    void* m_icon_data = nullptr;
    std::size_t m_icon_size = 0;
};

// Noto Sans CJK collection face: Simplified Chinese for zh-CN and English,
// the Hong Kong face for zh-HK.
int font_face_for(Language language);

} // namespace kiosk::ui
