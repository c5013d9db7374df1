// Markdown preview with cmark.
#include "console/markdown.hpp"

#include <cmark.h>

#include <cstdlib>

namespace lobby::server::console {

std::string markdown_to_html(const std::string& markdown) {
    // CMARK_OPT_SAFE is the default since cmark 0.29 and named here for older ones.
    char* html = cmark_markdown_to_html(markdown.data(), markdown.size(), CMARK_OPT_SAFE | CMARK_OPT_SMART);
    std::string out = html ? html : "";
    std::free(html);
    return out;
}

} // namespace lobby::server::console
