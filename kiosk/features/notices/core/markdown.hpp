// Notice bodies are CommonMark written by office staff. They are parsed with
// cmark (Debian libcmark) into this small styled model, which the screen lays
// out with the kiosk's own text layout: the markup itself is never shown.
// What the model has no style for (raw HTML) is left out; anything else,
// however malformed, still reaches the reader as text.
#pragma once

#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace kiosk::notices {

struct MdSpan {
    std::string text;
    bool strong = false;  // **bold**
    bool phone = false;   // a telephone number found in the text
};
inline bool operator==(const MdSpan& a, const MdSpan& b)
{
    return std::tie(a.text, a.strong, a.phone) == std::tie(b.text, b.strong, b.phone);
}

enum class MdKind { Heading, Paragraph, ListItem, Code, Rule };

struct MdBlock {
    MdKind kind = MdKind::Paragraph;
    int level = 0;       // heading level 1..6; for list items and paragraphs inside lists, the nesting depth
    std::string marker;  // a list item's "•" or "2."
    std::vector<MdSpan> spans;

    std::string text() const;  // the spans' words joined
};
inline bool operator==(const MdBlock& a, const MdBlock& b)
{
    return std::tie(a.kind, a.level, a.marker, a.spans) == std::tie(b.kind, b.level, b.marker, b.spans);
}

struct MdDocument {
    std::vector<MdBlock> blocks;
};
inline bool operator==(const MdDocument& a, const MdDocument& b) { return a.blocks == b.blocks; }

MdDocument parse_markdown(std::string_view text);

// Splits a span's text where telephone numbers are (0755-86001234,
// 13800138000, 400-123-4567), marking those pieces phone.
std::vector<MdSpan> mark_phones(const MdSpan& span);

} // namespace kiosk::notices
