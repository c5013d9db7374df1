// UTF-8 validation, code point counting and splitting for the contract's text fields.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace lobby::protocol {

// Number of code points if `s` is well-formed UTF-8 (no overlongs, no
// surrogates, <= U+10FFFF), otherwise nullopt.
std::optional<std::size_t> utf8_length(std::string_view s);

// The code points of well-formed UTF-8 `s`, each as a view into `s`;
// nullopt if `s` is not well-formed.
std::optional<std::vector<std::string_view>> utf8_split(std::string_view s);

// True when `s` has a C0 control character other than tab and, if
// `allow_newlines`, line feed / carriage return.
bool has_control_chars(std::string_view s, bool allow_newlines);

} // namespace lobby::protocol
