// The property every decoder fuzz target checks: decoding arbitrary bytes
// never crashes or throws, and whatever decodes re-encodes to JSON that
// decodes again to the same JSON.
#pragma once

#include "protocol/protocol.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace lobby::fuzz {

template <class T>
int fuzz_decode(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto first = protocol::decode_text<T>(text);
    if (!first) {
        if (first.error().message.empty()) __builtin_trap();  // every refusal must explain itself
        return 0;
    }
    const std::string encoded = protocol::dump_json(nlohmann::json(first.value()));
    auto second = protocol::decode_text<T>(encoded);
    if (!second) __builtin_trap();
    if (protocol::dump_json(nlohmann::json(second.value())) != encoded) __builtin_trap();
    return 0;
}

} // namespace lobby::fuzz
