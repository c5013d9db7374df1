// FontLibrary: mmap + glyph set + atlas build.
#include "ui/fonts.hpp"

#include "ui/icons.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmath>
#include <cstring>

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

// Ranges are pairs of [first, last] closed intervals ending with 0.
void ranges_of(const std::bitset<0x10000>& wanted, bool icons, ImVector<ImWchar>& ranges)
{
    ranges.clear();
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
}

} // namespace

bool FontLibrary::open(const std::string& path, std::string& error)
{
    if (!map_font(path, "fonts-noto-cjk", m_data, m_size, error))
        return false;
    for (unsigned c = 0x20; c < 0x7F; ++c)  // ASCII always
        m_wanted.set(c);
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

bool FontLibrary::needs_build(float body_px, Language language) const
{
    return m_built_px != body_px || m_built_face != font_face_for(language) || (m_wanted & ~m_built).any();
}

FontSet FontLibrary::build(ImFontAtlas& atlas, float body_px, Language language)
{
    ranges_of(m_wanted, false, m_ranges);
    ranges_of(m_wanted, true, m_icon_ranges);
    const bool icons = m_icon_data && m_icon_ranges.Size > 1;

    atlas.Clear();
    atlas.TexDesiredWidth = 4096;  // fewer, wider rows pack CJK glyphs tighter
    ImFontConfig config;
    // ImGui 1.86 copies font data it does not own (19.5 MB per size for this
    // collection). Claim ownership so it keeps our pointer, and take the
    // claim back below before the atlas could free the mapping.
    config.FontDataOwnedByAtlas = true;
    config.FontNo = font_face_for(language);
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
        ImFont* font = atlas.AddFontFromMemoryTTF(m_data, static_cast<int>(m_size), px, &config, m_ranges.Data);
        if (icons) {
            icon_config.GlyphMinAdvanceX = px;
            atlas.AddFontFromMemoryTTF(m_icon_data, static_cast<int>(m_icon_size), px * 0.9f, &icon_config,
                                       m_icon_ranges.Data);
        }
        return font;
    };

    FontSet set;
    set.body = add_text_font(body_px);
    set.title = add_text_font(std::round(body_px * title_factor));
    // The amount due is the biggest thing on the fee screen; a digits-only
    // face keeps that size from costing atlas memory for every CJK glyph.
    static const ImWchar amount_ranges[] = {0x2C, 0x2E, 0x30, 0x39, 0xA5, 0xA5, 0};
    set.amount = atlas.AddFontFromMemoryTTF(m_data, static_cast<int>(m_size), std::round(body_px * amount_factor),
                                            &config, amount_ranges);
    atlas.Build();
    for (ImFontConfig& input : atlas.ConfigData)
        input.FontDataOwnedByAtlas = false;
    atlas.ClearInputData();  // the built glyphs need none of it
    // The outlines are not needed until the next build: drop the pages this
    // build touched from our resident set (they stay in the page cache).
    madvise(m_data, m_size, MADV_DONTNEED);
    if (m_icon_data)
        madvise(m_icon_data, m_icon_size, MADV_DONTNEED);

    m_built = m_wanted;
    m_built_px = body_px;
    m_built_face = font_face_for(language);
    return set;
}

} // namespace kiosk::ui
