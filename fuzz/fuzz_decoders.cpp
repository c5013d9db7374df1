// One entry point per contract type (the list is sync/protocol/types.def),
// compiled once so each target stays tiny.
#include "fuzz_decode.hpp"

#define LOBBY_PROTOCOL_TYPE(T, example_prefix)                                     \
    int lobby_fuzz_decode_##T(const std::uint8_t* data, std::size_t size) {        \
        return lobby::fuzz::fuzz_decode<lobby::protocol::T>(data, size);           \
    }
#include "protocol/types.def"
#undef LOBBY_PROTOCOL_TYPE
