// UTF-8 validation and code point counting.
#include "protocol/text.hpp"

namespace lobby::protocol {

std::optional<std::size_t> utf8_length(std::string_view s) {
    std::size_t count = 0;
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t extra = 0;
        char32_t cp = 0;
        if (c < 0x80) {
            cp = c;
        } else if ((c & 0xE0) == 0xC0) {
            extra = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return std::nullopt;
        }
        if (i + extra >= s.size() && extra > 0) return std::nullopt;  // truncated sequence
        for (std::size_t k = 1; k <= extra; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return std::nullopt;
            cp = (cp << 6) | (cc & 0x3F);
        }
        // Reject overlong forms, UTF-16 surrogates and values past Unicode.
        static constexpr char32_t min_for_len[] = {0, 0x80, 0x800, 0x10000};
        if (cp < min_for_len[extra] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
            return std::nullopt;
        i += extra + 1;
        ++count;
    }
    return count;
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
