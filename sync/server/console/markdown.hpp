// Notices are written in Markdown; the console previews them as HTML.
#pragma once

#include <string>

namespace lobby::server::console {

// CommonMark to HTML (cmark, safe mode: raw HTML and javascript: links are
// dropped, text is escaped), so a preview cannot carry a script.
std::string markdown_to_html(const std::string& markdown);

} // namespace lobby::server::console
