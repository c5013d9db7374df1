// Argon2id with OWASP's minimum (19 MiB, 2 passes, 1 lane): about 30 ms on
// the office PC, slow enough for anyone holding a copy of the database.
#include "console/passwords.hpp"

#include "protocol/random.hpp"

#include <argon2.h>

#include <stdexcept>
#include <vector>

namespace lobby::server::console {
namespace {

constexpr std::uint32_t t_cost = 2;
constexpr std::uint32_t m_cost_kib = 19 * 1024;
constexpr std::uint32_t lanes = 1;
constexpr std::size_t salt_bytes = 16;
constexpr std::size_t hash_bytes = 32;

} // namespace

std::string hash_password(const std::string& password) {
    unsigned char salt[salt_bytes];
    protocol::random_bytes(salt, sizeof salt);
    const std::size_t len = argon2_encodedlen(t_cost, m_cost_kib, lanes, salt_bytes, hash_bytes, Argon2_id);
    std::vector<char> encoded(len);
    const int rc = argon2id_hash_encoded(t_cost, m_cost_kib, lanes, password.data(), password.size(), salt, sizeof salt,
                                         hash_bytes, encoded.data(), encoded.size());
    if (rc != ARGON2_OK) throw std::runtime_error(std::string("argon2id failed: ") + argon2_error_message(rc));
    return encoded.data();
}

bool verify_password(const std::string& encoded, const std::string& password) {
    if (encoded.rfind("$argon2id$", 0) != 0) return false;
    return argon2id_verify(encoded.c_str(), password.data(), password.size()) == ARGON2_OK;
}

std::optional<std::string> password_problem(const std::string& password) {
    if (password.size() < min_password_bytes) return std::string("err_password_short");
    if (password.size() > max_password_bytes) return std::string("err_password_long");
    return std::nullopt;
}

} // namespace lobby::server::console
