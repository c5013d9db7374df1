// The office server's own HTTPS, for small sites without nginx in front: one
// OpenSSL server context made from a PEM certificate (chain) and its private
// key, checked once at start, so a missing, unreadable or mismatched file is
// named before the server listens instead of failing every handshake later.
#pragma once

#include <memory>
#include <string>

typedef struct ssl_ctx_st SSL_CTX;

namespace lobby::server {

class TlsContext {
public:
    // Throws std::runtime_error naming the file at fault: missing or
    // unreadable, not PEM, or a key that does not belong to the certificate.
    static std::shared_ptr<const TlsContext> load(const std::string& cert_file, const std::string& key_file);
    ~TlsContext();
    TlsContext(const TlsContext&) = delete;
    TlsContext& operator=(const TlsContext&) = delete;

    SSL_CTX* native() const { return m_ctx; }

private:
    explicit TlsContext(SSL_CTX* ctx) : m_ctx(ctx) {}
    SSL_CTX* m_ctx;
};

} // namespace lobby::server
