// OpenSSL pieces of WeChat Pay APIv3 (see wechat_crypto.hpp).
#include "fees/providers/wechat_crypto.hpp"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>


#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace lobby::server::fees::wechat {

void PkeyDeleter::operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }

namespace {

struct BioDeleter {
    void operator()(BIO* b) const { BIO_free(b); }
};
struct MdCtxDeleter {
    void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
struct CipherCtxDeleter {
    void operator()(EVP_CIPHER_CTX* c) const { EVP_CIPHER_CTX_free(c); }
};

std::unique_ptr<BIO, BioDeleter> memory_bio(std::string_view pem) {
    return std::unique_ptr<BIO, BioDeleter>(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
}

} // namespace

std::string base64_encode(std::string_view bytes) {
    std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                  reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
    if (text.empty() || text.size() % 4 != 0) return std::nullopt;
    std::string out(3 * text.size() / 4 + 1, '\0');
    const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                  reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
    if (n < 0) return std::nullopt;
    // EVP_DecodeBlock counts padding as zero bytes: drop them.
    std::size_t len = static_cast<std::size_t>(n);
    if (text.back() == '=') --len;
    if (text[text.size() - 2] == '=') --len;
    out.resize(len);
    return out;
}

Pkey private_key_from_pem(std::string_view pem) {
    auto bio = memory_bio(pem);
    EVP_PKEY* key = bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr;
    return Pkey(key);
}

Pkey public_key_from_pem(std::string_view pem) {
    auto bio = memory_bio(pem);
    if (!bio) return nullptr;
    if (pem.find("BEGIN CERTIFICATE") != std::string_view::npos) {
        X509* cert = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr);
        if (!cert) return nullptr;
        Pkey key(X509_get_pubkey(cert));
        X509_free(cert);
        return key;
    }
    return Pkey(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr));
}

std::string sign_sha256_rsa(EVP_PKEY* private_key, std::string_view message) {
    std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx(EVP_MD_CTX_new());
    std::size_t len = 0;
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, private_key) != 1 ||
        EVP_DigestSign(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char*>(message.data()), message.size()) != 1)
        throw std::runtime_error("RSA-SHA256 signing failed");
    std::string sig(len, '\0');
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &len,
                       reinterpret_cast<const unsigned char*>(message.data()), message.size()) != 1)
        throw std::runtime_error("RSA-SHA256 signing failed");
    sig.resize(len);
    return base64_encode(sig);
}

bool verify_sha256_rsa(EVP_PKEY* public_key, std::string_view message, std::string_view signature_base64) {
    const auto sig = base64_decode(signature_base64);
    if (!sig || !public_key) return false;
    std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx(EVP_MD_CTX_new());
    return ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, public_key) == 1 &&
           EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(sig->data()), sig->size(),
                            reinterpret_cast<const unsigned char*>(message.data()), message.size()) == 1;
}

std::optional<std::string> aes_256_gcm_open(std::string_view key32, std::string_view nonce,
                                            std::string_view associated_data, std::string_view ciphertext_base64) {
    constexpr std::size_t tag_size = 16;
    const auto sealed = base64_decode(ciphertext_base64);
    if (key32.size() != 32 || nonce.empty() || !sealed || sealed->size() < tag_size) return std::nullopt;
    std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter> ctx(EVP_CIPHER_CTX_new());
    const auto* k = reinterpret_cast<const unsigned char*>(key32.data());
    const auto* iv = reinterpret_cast<const unsigned char*>(nonce.data());
    const std::size_t body = sealed->size() - tag_size;
    std::string plain(body, '\0');
    int len = 0;
    std::string tag = sealed->substr(body);
    const bool ok =
        ctx && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(nonce.size()), nullptr) == 1 &&
        EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, k, iv) == 1 &&
        EVP_DecryptUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char*>(associated_data.data()),
                          static_cast<int>(associated_data.size())) == 1 &&
        EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(plain.data()), &len,
                          reinterpret_cast<const unsigned char*>(sealed->data()), static_cast<int>(body)) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, static_cast<int>(tag_size), tag.data()) == 1 &&
        EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(plain.data()) + len, &len) == 1;
    if (!ok) return std::nullopt;
    return plain;
}

std::string read_file(const std::string& path, const char* what) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(std::string("cannot read the ") + what + " file " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}


} // namespace lobby::server::fees::wechat
