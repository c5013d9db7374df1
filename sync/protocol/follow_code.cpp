// Checking follow-up codes (the decoders need it; making one is in random.cpp).
#include "protocol/follow_code.hpp"

#include <cctype>

namespace lobby::protocol {

bool is_follow_code(std::string_view code) {
    if (code.size() != follow_code_length) return false;
    for (const char c : code)
        if (follow_code_alphabet.find(c) == std::string_view::npos) return false;
    return true;
}

bool is_status_token(std::string_view token) {
    if (token.size() != status_token_length) return false;
    for (const char c : token)
        if (follow_code_alphabet.find(c) == std::string_view::npos) return false;
    return true;
}

std::string normalize_follow_code(std::string_view typed) {
    std::string out;
    for (const char c : typed) {
        if (c == ' ' || c == '-') continue;
        out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return out;
}

} // namespace lobby::protocol
