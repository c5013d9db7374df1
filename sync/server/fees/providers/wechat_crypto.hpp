// The cryptography of WeChat Pay APIv3 (OpenSSL): RSA-SHA256 (PKCS#1 v1.5)
// signatures for our requests and over the provider's answers and notifies,
// AES-256-GCM for a notify's encrypted resource, base64, and loading keys
// from PEM files. Secrets never appear in an error message.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

typedef struct evp_pkey_st EVP_PKEY;

namespace lobby::server::fees::wechat {

struct PkeyDeleter {
    void operator()(EVP_PKEY* key) const;
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyDeleter>;

std::string base64_encode(std::string_view bytes);
std::optional<std::string> base64_decode(std::string_view text);  // nullopt: not base64

// A PEM RSA private key (the merchant's apiclient_key.pem).
Pkey private_key_from_pem(std::string_view pem);
// A PEM public key or a PEM certificate (the platform's key or certificate).
Pkey public_key_from_pem(std::string_view pem);

// base64(RSA-SHA256 signature of message).
std::string sign_sha256_rsa(EVP_PKEY* private_key, std::string_view message);
bool verify_sha256_rsa(EVP_PKEY* public_key, std::string_view message, std::string_view signature_base64);

// Opens AEAD_AES_256_GCM: ciphertext is base64 of the encrypted bytes followed
// by the 16-byte tag; nullopt when the key, nonce, associated data or any
// byte does not match.
std::optional<std::string> aes_256_gcm_open(std::string_view key32, std::string_view nonce,
                                            std::string_view associated_data, std::string_view ciphertext_base64);

// Reads a secret file, refusing one that group or others may read (like the
// kiosk's key file); throws std::runtime_error naming the file, never its content.
std::string read_file(const std::string& path, const char* what);

} // namespace lobby::server::fees::wechat
