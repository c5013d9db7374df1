// UTF-8 validation and code point counting (utf8cpp, Debian libutfcpp-dev).
#include "protocol/text.hpp"

#include <utf8.h>

namespace lobby::protocol {

std::optional<std::size_t> utf8_length(std::string_view s) {
    // utf8cpp's validation refuses overlong forms, UTF-16 surrogates, values
    // past U+10FFFF and truncated sequences.
    if (utf8::find_invalid(s.begin(), s.end()) != s.end()) return std::nullopt;
    return static_cast<std::size_t>(utf8::unchecked::distance(s.begin(), s.end()));
}

std::optional<std::vector<std::string_view>> utf8_split(std::string_view s) {
    if (utf8::find_invalid(s.begin(), s.end()) != s.end()) return std::nullopt;
    std::vector<std::string_view> out;
    for (auto it = s.begin(); it != s.end();) {
        const auto start = it;
        utf8::unchecked::next(it);
        out.emplace_back(&*start, static_cast<std::size_t>(it - start));
    }
    return out;
}

bool has_control_chars(std::string_view s, bool allow_newlines) {
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '\t') continue;
        if (allow_newlines && (c == '\n' || c == '\r')) continue;
        if (c < 0x20 || c == 0x7F) return true;
    }
    return false;
}

} // namespace lobby::protocol
