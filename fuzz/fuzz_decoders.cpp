// One entry point per contract type (the list comes from targets.cmake via
// the generated fuzz_types.inc), compiled once so each target stays tiny.
#include "fuzz_decode.hpp"

#define LOBBY_FUZZ_TYPE(T)                                                         \
    int lobby_fuzz_decode_##T(const std::uint8_t* data, std::size_t size) {        \
        return lobby::fuzz::fuzz_decode<lobby::protocol::T>(data, size);           \
    }
#include "fuzz_types.inc"
