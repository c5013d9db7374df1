// FontLibrary: mmap + glyph set + atlas build.
#include "ui/fonts.hpp"

#include "ui/atlas_append.hpp"
#include "ui/icons.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include <utf8.h>

namespace kiosk::ui {
int font_face_for(Language language)
{
    return language == Language::ZhHK ? 4 : 2;
}

FontLibrary::~FontLibrary()
{
    if (m_data)
        munmap(m_data, m_size);
    if (m_icon_data)
        munmap(m_icon_data, m_icon_size);
}

namespace {

// Maps a font file read-only; the kernel pages in only the glyph tables we
// touch, and every size shares the same bytes.
bool map_font(const std::string& path, const char* package, void*& data, std::size_t& size, std::string& error)
{
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        error = path + ": cannot open the font (" + std::strerror(errno) + "); install " + package;
        return false;
    }
    struct stat st {};
    if (fstat(fd, &st) != 0) {
        error = path + ": cannot read the font's size (" + std::strerror(errno) + ")";
        ::close(fd);
        return false;
    }
    if (!S_ISREG(st.st_mode) || st.st_size <= 0) {
        error = path + ": not a font file (empty, or not a regular file); install " + package;
        ::close(fd);
        return false;
    }
    void* mapped = mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_SHARED, fd, 0);
    const int mmap_errno = errno;
    ::close(fd);
    if (mapped == MAP_FAILED) {
        error = path + ": cannot map the font (" + std::strerror(mmap_errno) + ")";
        return false;
    }
    // Glyph outlines are read at random places: no read-ahead around them.
    madvise(mapped, static_cast<std::size_t>(st.st_size), MADV_RANDOM);
    data = mapped;
    size = static_cast<std::size_t>(st.st_size);
    return true;
}

// Ranges are pairs of [first, last] closed intervals ending with 0. A
// std::vector, not ImVector: a worker's build allocates nothing through
// ImGui beyond the atlas itself.
std::vector<ImWchar> ranges_of(const GlyphSet& wanted, bool icons)
{
    std::vector<ImWchar> ranges;
    for (unsigned c = 1; c < 0x10000; ++c) {
        if (!wanted.test(c) || is_icon_codepoint(c) != icons)
            continue;
        unsigned last = c;
        while (last + 1 < 0x10000 && wanted.test(last + 1) && is_icon_codepoint(last + 1) == icons)
            ++last;
        ranges.push_back(static_cast<ImWchar>(c));
        ranges.push_back(static_cast<ImWchar>(last));
        c = last;
    }
    ranges.push_back(0);
    return ranges;
}

} // namespace

bool FontLibrary::open(const std::string& path, std::string& error)
{
    if (!map_font(path, "fonts-noto-cjk", m_data, m_size, error))
        return false;
    for (unsigned c = 0x20; c < 0x7F; ++c)  // ASCII always
        m_always.set(c);
    m_wanted |= m_always;
    return true;
}

bool FontLibrary::open_icons(const std::string& path, std::string& error)
{
    return map_font(path, "fonts-font-awesome", m_icon_data, m_icon_size, error);
}

bool FontLibrary::want(std::string_view text)
{
    bool added = false;
    // utfcpp, the one UTF-8 codec of both programs; a malformed sequence
    // stops the scan (the text is drawn with what the atlas has).
    auto it = text.begin();
    while (it != text.end()) {
        std::uint32_t c = 0;
        try {
            c = utf8::next(it, text.end());
        } catch (const utf8::exception&) {
            break;
        }
        if (c < 0x10000 && c >= 0x20 && !m_wanted.test(c)) {
            m_wanted.set(c);
            added = true;
        }
    }
    return added;
}

void FontLibrary::want_always(std::string_view text)
{
    const GlyphSet before = m_wanted;
    m_wanted.reset();
    want(text);
    m_always |= m_wanted;
    m_wanted = before | m_always;
}

bool FontLibrary::holds_unwanted() const
{
    // A handful is not worth a build; a visit's pinyin brings hundreds.
    constexpr std::size_t worth_a_build = 64;
    return (m_built & ~m_wanted).count() >= worth_a_build;
}

bool FontLibrary::built_covers(std::string_view text) const
{
    for (auto it = text.begin(); it != text.end();) {
        std::uint32_t c = 0;
        try {
            c = utf8::next(it, text.end());
        } catch (const utf8::exception&) {
            return false;
        }
        if (c < 0x10000 && c >= 0x20 && !m_built.test(c))
            return false;
    }
    return true;
}

bool FontLibrary::needs_build(float body_px, Language language) const
{
    return m_built_px != body_px || m_built_face != font_face_for(language) || (m_wanted & ~m_built).any();
}

bool FontLibrary::needs_new_size(float body_px, Language language) const
{
    return m_built_px != body_px || m_built_face != font_face_for(language);
}

AtlasSpec FontLibrary::spec(float body_px, Language language) const
{
    return {m_wanted, body_px, font_face_for(language)};
}

bool FontLibrary::can_replace_built(const AtlasSpec& spec) const
{
    return spec.body_px == m_built_px && spec.face == m_built_face && (m_built & m_wanted & ~spec.glyphs).none();
}

void FontLibrary::mark_built(const AtlasSpec& spec)
{
    m_built = spec.glyphs;
    m_built_px = spec.body_px;
    m_built_face = spec.face;
}

FontSet FontLibrary::build(ImFontAtlas& atlas, float body_px, Language language)
{
    const AtlasSpec wanted = spec(body_px, language);
    FontSet set = build_font_atlas(sources(), wanted, atlas);
    mark_built(wanted);
    return set;
}

AtlasSpec FontLibrary::missing() const
{
    GlyphSet glyphs = m_wanted & ~m_built;
    glyphs.set('?');  // every font needs a glyph (ImGui's fallback), even an icon-only addition's
    return {glyphs, m_built_px, m_built_face};
}

FontSet build_font_atlas(const FontSources& sources, const AtlasSpec& spec, ImFontAtlas& atlas, AtlasPart part)
{
    // Both live until Build() returns; the built glyphs need neither.
    const std::vector<ImWchar> text_ranges = ranges_of(spec.glyphs, false);
    const std::vector<ImWchar> icon_ranges = ranges_of(spec.glyphs, true);
    const bool icons = sources.icons && icon_ranges.size() > 1;
    void* const text_data = const_cast<void*>(sources.text);  // ImGui's API is not const; it only reads
    void* const icon_data = const_cast<void*>(sources.icons);
    const int text_size = static_cast<int>(sources.text_size), icon_size = static_cast<int>(sources.icons_size);
    const float body_px = spec.body_px;

    atlas.Clear();
    atlas.TexDesiredWidth = atlas_width;  // fewer, wider rows pack CJK glyphs tighter
    // An addition's rows go below a whole atlas's: its own extras would only
    // take room there.
    if (part == AtlasPart::Addition)
        atlas.Flags |= ImFontAtlasFlags_NoBakedLines | ImFontAtlasFlags_NoMouseCursors;
    ImFontConfig config;
    // ImGui 1.86 copies font data it does not own (19.5 MB per size for this
    // collection). Claim ownership so it keeps our pointer, and take the
    // claim back below before the atlas could free the mapping.
    config.FontDataOwnedByAtlas = true;
    config.FontNo = spec.face;
    // Large glyphs gain nothing from horizontal oversampling; it would triple
    // the atlas. Snap to pixels instead.
    config.OversampleH = 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;

    // Icons merge into the text font just added: same size, one advance.
    ImFontConfig icon_config = config;
    icon_config.FontNo = 0;
    icon_config.MergeMode = true;
    const auto add_text_font = [&](float px) {
        ImFont* font = atlas.AddFontFromMemoryTTF(text_data, text_size, px, &config, text_ranges.data());
        if (icons) {
            icon_config.GlyphMinAdvanceX = px;
            atlas.AddFontFromMemoryTTF(icon_data, icon_size, px * 0.9f, &icon_config, icon_ranges.data());
        }
        return font;
    };

    FontSet set;
    set.body = add_text_font(body_px);
    set.title = add_text_font(std::round(body_px * FontLibrary::title_factor));
    // The amount due is the biggest thing on the fee screen; a digits-only
    // face keeps that size from costing atlas memory for every CJK glyph.
    // Capitals too: a room number typed that large may have a letter (B1203).
    static const ImWchar amount_ranges[] = {0x2C, 0x2E, 0x30, 0x39, 0x41, 0x5A, 0xA5, 0xA5, 0};
    if (part == AtlasPart::Whole)
        set.amount = atlas.AddFontFromMemoryTTF(text_data, text_size,
                                                std::round(body_px * FontLibrary::amount_factor), &config,
                                                amount_ranges);
    if (part == AtlasPart::Whole)
        atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;  // add_free_rows sets the margin instead
    atlas.Build();
    // Room for the characters the next screens bring (a visit's pinyin
    // candidates): a quarter more, at least a few rows of glyphs.
    if (part == AtlasPart::Whole)
        add_free_rows(atlas, std::max(atlas.TexHeight / 4, static_cast<int>(body_px * 8)));
    for (ImFontConfig& input : atlas.ConfigData)
        input.FontDataOwnedByAtlas = false;
    atlas.ClearInputData();  // the built glyphs need none of it
    // The outlines are not needed until the next build: drop the pages this
    // build touched from our resident set (they stay in the page cache; a
    // build running meanwhile on another thread faults them back in).
    madvise(text_data, sources.text_size, MADV_DONTNEED);
    if (icon_data)
        madvise(icon_data, sources.icons_size, MADV_DONTNEED);
    return set;
}

} // namespace kiosk::ui
