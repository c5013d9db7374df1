// Loading and checking the server's certificate and key (OpenSSL).
#include "tls_context.hpp"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>

namespace lobby::server {
namespace {

// The newest OpenSSL error, for the start-up message.
std::string openssl_reason() {
    const unsigned long code = ERR_peek_last_error();
    ERR_clear_error();
    if (code == 0) return "no detail";
    char text[256];
    ERR_error_string_n(code, text, sizeof text);
    return text;
}

// A passphrase-protected key must not stop a service at an invisible prompt.
int no_passphrase(char*, int, int, void*) { return 0; }

std::FILE* open_readable(const std::string& path, const char* what) {
    std::FILE* file = std::fopen(path.c_str(), "r");
    if (!file) throw std::runtime_error(std::string(what) + " " + path + ": " + std::strerror(errno));
    return file;
}

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};
struct KeyFree {
    void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};

} // namespace

std::shared_ptr<const TlsContext> TlsContext::load(const std::string& cert_file, const std::string& key_file) {
    ERR_clear_error();
    SSL_CTX* raw = SSL_CTX_new(TLS_server_method());
    if (!raw) throw std::runtime_error("cannot make a TLS context: " + openssl_reason());
    std::shared_ptr<const TlsContext> context(new TlsContext(raw));

    std::fclose(open_readable(cert_file, "--tls-cert"));
    if (SSL_CTX_use_certificate_chain_file(raw, cert_file.c_str()) != 1)
        throw std::runtime_error("--tls-cert " + cert_file + " is not a PEM certificate: " + openssl_reason());

    std::unique_ptr<EVP_PKEY, KeyFree> key;
    {
        std::unique_ptr<std::FILE, FileCloser> file(open_readable(key_file, "--tls-key"));
        key.reset(PEM_read_PrivateKey(file.get(), nullptr, no_passphrase, nullptr));
    }
    if (!key)
        throw std::runtime_error("--tls-key " + key_file +
                                 " is not a PEM private key without a passphrase: " + openssl_reason());
    if (SSL_CTX_use_PrivateKey(raw, key.get()) != 1 || SSL_CTX_check_private_key(raw) != 1)
        throw std::runtime_error("--tls-key " + key_file + " does not belong to the certificate in --tls-cert " +
                                 cert_file + ": " + openssl_reason());

    // TLS 1.2 and 1.3 only; no renegotiation (a client could make the
    // server redo the expensive part at will). Writes may be partial and
    // retried from another buffer address (DeadlineStream's non-blocking loop).
    SSL_CTX_set_min_proto_version(raw, TLS1_2_VERSION);
    SSL_CTX_set_options(raw, SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE);
    SSL_CTX_set_mode(raw, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    return context;
}

TlsContext::~TlsContext() { SSL_CTX_free(m_ctx); }

} // namespace lobby::server
