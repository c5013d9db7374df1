// Walks cmark's AST into the styled block model.
#include "features/notices/core/markdown.hpp"

#include <cmark.h>

#include <memory>
#include <regex>
#include <utility>

namespace kiosk::notices {
namespace {

struct NodeDeleter {
    void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct IterDeleter {
    void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};

struct ListLevel {
    bool ordered = false;
    int next_number = 1;
};

bool ends_with_ascii(const std::string& s)
{
    return !s.empty() && static_cast<unsigned char>(s.back()) < 0x80 && s.back() != ' ' && s.back() != '\n';
}

class Walker {
public:
    MdDocument take() { return std::move(m_doc); }

    void enter(cmark_node* node)
    {
        switch (cmark_node_get_type(node)) {
        case CMARK_NODE_HEADING:
            start(MdKind::Heading, cmark_node_get_heading_level(node));
            break;
        case CMARK_NODE_PARAGRAPH:
            if (!m_pending_marker.empty()) {  // an item's first paragraph carries its marker
                start(MdKind::ListItem, static_cast<int>(m_lists.size()));
                m_open.marker = std::exchange(m_pending_marker, {});
            } else {
                start(MdKind::Paragraph, static_cast<int>(m_lists.size()));
            }
            break;
        case CMARK_NODE_LIST: {
            ListLevel level;
            level.ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
            level.next_number = cmark_node_get_list_start(node);
            m_lists.push_back(level);
            break;
        }
        case CMARK_NODE_ITEM:
            if (!m_lists.empty()) {
                ListLevel& level = m_lists.back();
                m_pending_marker = level.ordered ? std::to_string(level.next_number++) + "." : "•";
            }
            break;
        case CMARK_NODE_CODE_BLOCK:
            start(MdKind::Code, static_cast<int>(m_lists.size()));
            add_text(cmark_node_get_literal(node));
            finish();
            break;
        case CMARK_NODE_THEMATIC_BREAK:
            start(MdKind::Rule, 0);
            finish();
            break;
        case CMARK_NODE_STRONG:
            ++m_strong;
            break;
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
            add_text(cmark_node_get_literal(node));
            break;
        case CMARK_NODE_SOFTBREAK:
            // A line end in the source: a space between Latin words, nothing between Chinese ones.
            if (m_open_active && !m_open.spans.empty() && ends_with_ascii(m_open.spans.back().text))
                add_text(" ");
            break;
        case CMARK_NODE_LINEBREAK:
            add_text("\n");
            break;
        default:
            break;  // raw HTML is left out: markup never reaches the screen
        }
    }

    void exit(cmark_node* node)
    {
        switch (cmark_node_get_type(node)) {
        case CMARK_NODE_HEADING:
        case CMARK_NODE_PARAGRAPH:
            finish();
            break;
        case CMARK_NODE_LIST:
            if (!m_lists.empty())
                m_lists.pop_back();
            break;
        case CMARK_NODE_ITEM:
            if (!m_pending_marker.empty()) {  // an empty item still shows its marker
                start(MdKind::ListItem, static_cast<int>(m_lists.size()));
                m_open.marker = std::exchange(m_pending_marker, {});
                finish();
            }
            break;
        case CMARK_NODE_STRONG:
            --m_strong;
            break;
        default:
            break;
        }
    }

private:
    void start(MdKind kind, int level)
    {
        finish();
        m_open = MdBlock{kind, level, {}, {}};
        m_open_active = true;
    }
    void add_text(const char* literal)
    {
        if (!literal || !*literal)
            return;
        if (!m_open_active)
            start(MdKind::Paragraph, static_cast<int>(m_lists.size()));
        const bool strong = m_strong > 0;
        if (!m_open.spans.empty() && m_open.spans.back().strong == strong)
            m_open.spans.back().text += literal;
        else
            m_open.spans.push_back({literal, strong, false});
    }
    void finish()
    {
        if (!m_open_active)
            return;
        m_open_active = false;
        std::vector<MdSpan> spans;
        for (const MdSpan& span : m_open.spans)
            for (MdSpan& piece : mark_phones(span))
                spans.push_back(std::move(piece));
        m_open.spans = std::move(spans);
        if (m_open.kind == MdKind::Rule || m_open.kind == MdKind::ListItem || !m_open.spans.empty())
            m_doc.blocks.push_back(std::move(m_open));
        m_open = MdBlock{};
    }

    MdDocument m_doc;
    MdBlock m_open;
    bool m_open_active = false;
    std::vector<ListLevel> m_lists;
    std::string m_pending_marker;
    int m_strong = 0;
};

} // namespace

std::string MdBlock::text() const
{
    std::string out;
    for (const MdSpan& span : spans)
        out += span.text;
    return out;
}

std::vector<MdSpan> mark_phones(const MdSpan& span)
{
    // Landlines with area code, mobiles, 400/800 hotlines; not inside longer digit runs.
    static const std::regex phone(R"((^|[^0-9])((0\d{2,3}-\d{7,8})|(1[3-9]\d{9})|([48]00-?\d{3}-?\d{4}))(?![0-9]))");
    std::vector<MdSpan> out;
    std::string rest = span.text;
    std::smatch match;
    while (std::regex_search(rest, match, phone)) {
        const std::size_t start = static_cast<std::size_t>(match.position(2));
        const std::size_t length = static_cast<std::size_t>(match.length(2));
        if (start > 0)
            out.push_back({rest.substr(0, start), span.strong, false});
        out.push_back({rest.substr(start, length), span.strong, true});
        rest = rest.substr(start + length);
    }
    if (!rest.empty() || out.empty())
        out.push_back({rest, span.strong, false});
    return out;
}

MdDocument parse_markdown(std::string_view text)
{
    // VALIDATE_UTF8 replaces broken bytes; SAFE drops raw HTML and dangerous links.
    std::unique_ptr<cmark_node, NodeDeleter> root(
        cmark_parse_document(text.data(), text.size(), CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_SAFE));
    if (!root) {  // out of memory: the words as they are, still readable
        MdDocument plain;
        plain.blocks.push_back({MdKind::Paragraph, 0, {}, {{std::string(text), false, false}}});
        return plain;
    }
    Walker walker;
    std::unique_ptr<cmark_iter, IterDeleter> iter(cmark_iter_new(root.get()));
    for (cmark_event_type event; (event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE;) {
        cmark_node* node = cmark_iter_get_node(iter.get());
        if (event == CMARK_EVENT_ENTER)
            walker.enter(node);
        else if (event == CMARK_EVENT_EXIT)
            walker.exit(node);
    }
    return walker.take();
}

} // namespace kiosk::notices
