// Personal fields at rest: each value sealed with XChaCha20-Poly1305 (a
// random nonce per value) under a key kept outside the database, so a copy
// of the office DB (backup, stolen disk) shows no names or phones.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace lobby::server {

class FieldCipher {
public:
    static constexpr std::size_t key_bytes = 32;
    using Key = std::array<unsigned char, key_bytes>;

    explicit FieldCipher(const Key& key);
    ~FieldCipher();

    // The key file holds the key as 64 hex digits. A missing file is created
    // (mode 0600, fresh random key); one that group or others may read, or
    // that holds no key, is refused with an error naming the file.
    static FieldCipher from_key_file(const std::string& path);

    // "enc1:" + base64(nonce || ciphertext with tag).
    std::string seal(std::string_view clear) const;
    std::optional<std::string> seal_optional(const std::optional<std::string>& clear) const;
    // The clear text of a sealed value. The retention purge marker "*" (and
    // the empty text) are stored as they are and come back as they are;
    // anything else not sealed by this key throws (wrong key, damaged value).
    std::string open(std::string_view stored) const;
    std::optional<std::string> open_optional(const std::optional<std::string>& stored) const;

    // A keyed hash (BLAKE2b under a subkey of the data key made for
    // `purpose`), in hex, for short secrets found by value (enrolment
    // codes): a copy of the DB without the key file cannot test guesses.
    std::string keyed_hash(std::string_view purpose, std::string_view data) const;

    static bool is_sealed(std::string_view stored);
    // Values kept in clear on purpose (see open()).
    static bool is_plain_marker(std::string_view stored) { return stored.empty() || stored == "*"; }

private:
    Key m_key;
};

} // namespace lobby::server
