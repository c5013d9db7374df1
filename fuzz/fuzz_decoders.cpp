// One libFuzzer binary for every contract type (the list is
// sync/protocol/types.def): the type is chosen at start by LOBBY_FUZZ_TYPE,
// so the codec is compiled and linked once instead of once per type.
//   LOBBY_FUZZ_TYPE=Notice build/fuzz/fuzz_decoders -runs=5000 corpus/Notice sync/examples
#include "fuzz_decode.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

using Decode = int (*)(const std::uint8_t*, std::size_t);

struct Entry {
    const char* type;
    Decode decode;
};

const Entry entries[] = {
#define LOBBY_PROTOCOL_TYPE(T, example_prefix) {#T, &lobby::fuzz::fuzz_decode<lobby::protocol::T>},
#include "protocol/types.def"
#undef LOBBY_PROTOCOL_TYPE
};

Decode chosen = nullptr;

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    const char* type = std::getenv("LOBBY_FUZZ_TYPE");
    for (const Entry& e : entries)
        if (type && std::strcmp(type, e.type) == 0)
            chosen = e.decode;
    if (!chosen) {
        std::fprintf(stderr, "LOBBY_FUZZ_TYPE must name a type of sync/protocol/types.def (got %s)\n",
                     type ? type : "nothing");
        std::exit(2);
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return chosen(data, size);
}
