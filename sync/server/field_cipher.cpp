// FieldCipher: libsodium's XChaCha20-Poly1305 IETF AEAD (24-byte random
// nonces, so random nonces never repeat in practice).
#include "field_cipher.hpp"

#include "private_file.hpp"

#include <sodium.h>

#include <cstring>
#include <stdexcept>
#include <vector>

namespace lobby::server {
namespace {

constexpr std::string_view prefix = "enc1:";
constexpr std::size_t nonce_bytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t tag_bytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr int b64 = sodium_base64_VARIANT_ORIGINAL;

void init_sodium() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium cannot initialise");
}

[[noreturn]] void key_file_error(const std::string& path, const std::string& what) {
    throw std::runtime_error("data key file " + path + ": " + what);
}

FieldCipher::Key parse_key(const std::string& path, std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
    FieldCipher::Key key{};
    std::size_t used = 0;
    const char* end = nullptr;
    if (text.size() != 2 * key.size() ||
        sodium_hex2bin(key.data(), key.size(), text.data(), text.size(), nullptr, &used, &end) != 0 ||
        used != key.size())
        key_file_error(path, "does not hold a key (64 hex digits)");
    return key;
}

// O_EXCL: two servers starting at once never write two different keys.
void create_key_file(const std::string& path) {
    FieldCipher::Key key{};
    randombytes_buf(key.data(), key.size());
    char hex[2 * FieldCipher::key_bytes + 1];
    sodium_bin2hex(hex, sizeof hex, key.data(), key.size());
    sodium_memzero(key.data(), key.size());
    std::string line = std::string(hex) + "\n";
    sodium_memzero(hex, sizeof hex);
    try {
        create_private_file(path, "data key", line);
    } catch (...) {
        sodium_memzero(line.data(), line.size());
        throw;
    }
    sodium_memzero(line.data(), line.size());
}

} // namespace

FieldCipher::FieldCipher(const Key& key) : m_key(key) { init_sodium(); }

FieldCipher::~FieldCipher() { sodium_memzero(m_key.data(), m_key.size()); }

FieldCipher FieldCipher::from_key_file(const std::string& path) {
    init_sodium();
    create_key_file(path);
    const Key key = parse_key(path, read_private_file(path, "data key", 1024));
    return FieldCipher(key);
}

bool FieldCipher::is_sealed(std::string_view stored) { return stored.substr(0, prefix.size()) == prefix; }

std::string FieldCipher::seal(std::string_view clear) const {
    std::vector<unsigned char> box(nonce_bytes + clear.size() + tag_bytes);
    randombytes_buf(box.data(), nonce_bytes);
    unsigned long long sealed_len = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(box.data() + nonce_bytes, &sealed_len,
                                               reinterpret_cast<const unsigned char*>(clear.data()), clear.size(),
                                               nullptr, 0, nullptr, box.data(), m_key.data());
    std::string out(sodium_base64_encoded_len(box.size(), b64), '\0');
    sodium_bin2base64(out.data(), out.size(), box.data(), box.size(), b64);
    out.resize(std::strlen(out.c_str()));
    return std::string(prefix) + out;
}

std::optional<std::string> FieldCipher::seal_optional(const std::optional<std::string>& clear) const {
    if (!clear) return std::nullopt;
    return seal(*clear);
}

std::string FieldCipher::open(std::string_view stored) const {
    if (is_plain_marker(stored)) return std::string(stored);
    if (!is_sealed(stored)) throw std::runtime_error("a personal field is stored in clear (not sealed)");
    const std::string_view text = stored.substr(prefix.size());
    std::vector<unsigned char> box(text.size());
    std::size_t box_len = 0;
    if (sodium_base642bin(box.data(), box.size(), text.data(), text.size(), nullptr, &box_len, nullptr, b64) != 0 ||
        box_len < nonce_bytes + tag_bytes)
        throw std::runtime_error("a sealed personal field is damaged");
    std::string clear(box_len - nonce_bytes - tag_bytes, '\0');
    unsigned long long clear_len = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(clear.data()), &clear_len,
                                                   nullptr, box.data() + nonce_bytes, box_len - nonce_bytes, nullptr,
                                                   0, box.data(), m_key.data()) != 0)
        throw std::runtime_error("a sealed personal field does not open with this data key (wrong --data-key-file?)");
    clear.resize(clear_len);
    return clear;
}

std::optional<std::string> FieldCipher::open_optional(const std::optional<std::string>& stored) const {
    if (!stored) return std::nullopt;
    return open(*stored);
}

std::string FieldCipher::keyed_hash(std::string_view purpose, std::string_view data) const {
    unsigned char subkey[crypto_generichash_KEYBYTES];
    crypto_generichash(subkey, sizeof subkey, reinterpret_cast<const unsigned char*>(purpose.data()), purpose.size(),
                       m_key.data(), m_key.size());
    unsigned char digest[32];
    crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(data.data()), data.size(), subkey,
                       sizeof subkey);
    sodium_memzero(subkey, sizeof subkey);
    char hex[2 * sizeof digest + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

} // namespace lobby::server
