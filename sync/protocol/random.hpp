// Random bytes, hex ids and digit codes from OpenSSL's CSPRNG (RAND_bytes).
#pragma once

#include <cstddef>
#include <string>

namespace lobby::protocol {

// Fills `out` with `n` random bytes; throws std::runtime_error only if the
// machine has no entropy source at all (a broken system, not an input error).
void random_bytes(unsigned char* out, std::size_t n);
std::string random_hex(std::size_t bytes);     // 2*bytes lowercase hex characters
std::string random_digits(std::size_t count);  // uniform decimal digits, e.g. visitor pass codes

} // namespace lobby::protocol
