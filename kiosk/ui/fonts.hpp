// Fonts: Noto Sans CJK from Debian, mapped into memory once and shared by
// every size. The atlas holds only characters the kiosk actually shows; a
// text with a character not yet in it asks for a rebuild before next frame.
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
    ImFont* amount = nullptr; // money due: body × amount_factor, digits ¥ , . - only (a few glyphs)
};

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

    // True when the atlas lacks wanted characters or the size/face changed.
    bool needs_build(float body_px, Language language) const;

    // Rebuilds ImGui's atlas (CPU side) for this body size and face.
    FontSet build(ImFontAtlas& atlas, float body_px, Language language);

    std::size_t glyph_count() const { return m_wanted.count(); }

private:
    void* m_data = nullptr;
    std::size_t m_size = 0;
    std::bitset<0x10000> m_wanted;  // the Basic Multilingual Plane covers our text
    std::bitset<0x10000> m_built;
    float m_built_px = 0;
    int m_built_face = -1;
    void* m_icon_data = nullptr;
    std::size_t m_icon_size = 0;
    ImVector<ImWchar> m_ranges;  // must outlive the atlas build
    ImVector<ImWchar> m_icon_ranges;
};

// Noto Sans CJK collection face: Simplified Chinese for zh-CN and English,
// the Hong Kong face for zh-HK.
int font_face_for(Language language);

} // namespace kiosk::ui
