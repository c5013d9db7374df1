// Randomness for ids and codes (OpenSSL RAND_bytes).
#include "protocol/random.hpp"

#include "protocol/follow_code.hpp"

#include <openssl/rand.h>

#include <stdexcept>
#include <vector>

namespace lobby::protocol {

void random_bytes(unsigned char* out, std::size_t n) {
    if (RAND_bytes(out, static_cast<int>(n)) != 1) throw std::runtime_error("RAND_bytes failed");
}

std::string random_hex(std::size_t bytes) {
    static constexpr char hex[] = "0123456789abcdef";
    std::vector<unsigned char> buf(bytes);
    random_bytes(buf.data(), bytes);
    std::string out;
    out.reserve(2 * bytes);
    for (const unsigned char b : buf) {
        out += hex[b >> 4];
        out += hex[b & 15];
    }
    return out;
}

std::string random_digits(std::size_t count) {
    std::string out;
    while (out.size() < count) {
        unsigned char b = 0;
        random_bytes(&b, 1);
        if (b < 250) out += static_cast<char>('0' + b % 10);  // reject 250..255 to stay uniform
    }
    return out;
}

std::string make_follow_code() {
    static_assert(follow_code_alphabet.size() == 32, "5 bits per symbol keep the choice uniform");
    unsigned char buf[follow_code_length];
    random_bytes(buf, sizeof buf);
    std::string out;
    for (const unsigned char b : buf) out += follow_code_alphabet[b & 31];
    return out;
}

std::string make_status_token() {
    unsigned char buf[status_token_length];
    random_bytes(buf, sizeof buf);
    std::string out;
    for (const unsigned char b : buf) out += follow_code_alphabet[b & 31];
    return out;
}

} // namespace lobby::protocol
