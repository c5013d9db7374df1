// WeChat Pay APIv3 Native, simulated (see wechat_pay_simulator.hpp).
#include "support/wechat_pay_simulator.hpp"

#include "support/office_server_process.hpp"

#include <nlohmann/json.hpp>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>

#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace lobby::test {
namespace {

using Pkey = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;

Pkey rsa_2048() {
    Pkey key(EVP_RSA_gen(2048), &EVP_PKEY_free);
    if (!key) throw std::runtime_error("simulator: RSA key generation failed");
    return key;
}

std::string pem(EVP_PKEY* key, bool private_part) {
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
    const int ok = private_part ? PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr)
                                : PEM_write_bio_PUBKEY(bio.get(), key);
    if (ok != 1) throw std::runtime_error("simulator: PEM encoding failed");
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(len));
}

void write_file(const std::string& path, const std::string& text, bool secret) {
    std::ofstream(path, std::ios::binary) << text;
    ::chmod(path.c_str(), secret ? 0600 : 0644);
}

std::string random_chars(std::size_t n, const std::string& alphabet) {
    std::string out(n, '\0');
    std::vector<unsigned char> bytes(n);
    RAND_bytes(bytes.data(), static_cast<int>(n));
    for (std::size_t i = 0; i < n; ++i) out[i] = alphabet[bytes[i] % alphabet.size()];
    return out;
}
const std::string alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

std::string b64(const std::string& bytes) {
    std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
    const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                  reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

std::string unb64(const std::string& text) {
    std::string out(3 * text.size() / 4 + 1, '\0');
    const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                  reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
    if (n < 0) return "";
    std::size_t len = static_cast<std::size_t>(n);
    if (!text.empty() && text.back() == '=') --len;
    if (text.size() > 1 && text[text.size() - 2] == '=') --len;
    out.resize(len);
    return out;
}

std::string rsa_sign(EVP_PKEY* key, const std::string& message) {
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    std::size_t len = 0;
    EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key);
    EVP_DigestSign(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char*>(message.data()), message.size());
    std::string sig(len, '\0');
    EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &len,
                   reinterpret_cast<const unsigned char*>(message.data()), message.size());
    sig.resize(len);
    return b64(sig);
}

bool rsa_verify(EVP_PKEY* key, const std::string& message, const std::string& signature) {
    const std::string sig = unb64(signature);
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    return !sig.empty() && EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key) == 1 &&
           EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(sig.data()), sig.size(),
                            reinterpret_cast<const unsigned char*>(message.data()), message.size()) == 1;
}

// AEAD_AES_256_GCM as WeChat Pay seals a notify's resource: base64(ciphertext || 16-byte tag).
std::string aes_gcm_seal(const std::string& key, const std::string& nonce, const std::string& aad, const std::string& plain) {
    std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
    std::string out(plain.size() + 16, '\0');
    int len = 0;
    EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr);
    EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(nonce.size()), nullptr);
    EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, reinterpret_cast<const unsigned char*>(key.data()),
                       reinterpret_cast<const unsigned char*>(nonce.data()));
    EVP_EncryptUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char*>(aad.data()), static_cast<int>(aad.size()));
    EVP_EncryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &len,
                      reinterpret_cast<const unsigned char*>(plain.data()), static_cast<int>(plain.size()));
    EVP_EncryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(out.data()) + len, &len);
    EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, 16, out.data() + plain.size());
    return b64(out);
}

// key="value" pairs of an Authorization header after its scheme.
std::map<std::string, std::string> auth_params(const std::string& text) {
    std::map<std::string, std::string> out;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t eq = text.find("=\"", i);
        if (eq == std::string::npos) break;
        const std::size_t end = text.find('"', eq + 2);
        if (end == std::string::npos) break;
        std::size_t start = i;
        while (start < eq && (text[start] == ',' || text[start] == ' ')) ++start;
        out[text.substr(start, eq - start)] = text.substr(eq + 2, end - eq - 2);
        i = end + 1;
    }
    return out;
}

std::int64_t real_now() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string error_json(const char* code, const std::string& message) {
    return nlohmann::json{{"code", code}, {"message", message}}.dump();
}

// A 2048-bit RSA key takes ~0.1-0.5 s of CPU to make, and a suite starts a
// simulator per case: the process makes each of the three once and every
// simulator shares them (each still writes its own key files). No test
// compares two simulators' keys.
Pkey shared_rsa_2048(int which) {
    static Pkey made[3] = {rsa_2048(), rsa_2048(), rsa_2048()};
    EVP_PKEY_up_ref(made[which].get());
    return Pkey(made[which].get(), &EVP_PKEY_free);
}

} // namespace

struct WechatPaySimulator::Keys {
    Pkey merchant = shared_rsa_2048(0);  // the server signs with the private half; we verify with it
    Pkey platform = shared_rsa_2048(1);  // we sign; the server verifies with the public half
    Pkey stranger = shared_rsa_2048(2);  // a forger's key
};

WechatPaySimulator::WechatPaySimulator() : m_keys(std::make_unique<Keys>()), m_dir(make_temp_dir("wechat-sim")), m_now(real_now) {
    m_apiv3_key = random_chars(32, alnum);
    merchant_key_file = m_dir + "/apiclient_key.pem";
    platform_key_file = m_dir + "/wechatpay_public_key.pem";
    apiv3_key_file = m_dir + "/apiv3.key";
    write_file(merchant_key_file, pem(m_keys->merchant.get(), true), true);
    write_file(platform_key_file, pem(m_keys->platform.get(), false), false);
    write_file(apiv3_key_file, m_apiv3_key, true);

    m_http.Post("/v3/pay/transactions/native", [this](const httplib::Request& req, httplib::Response& res) {
        if (!authorized(req, res)) return;
        const auto j = nlohmann::json::parse(req.body, nullptr, false);
        const auto field = [&j](const char* k) {
            return j.is_object() && j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string();
        };
        const bool amount_ok = j.is_object() && j.contains("amount") && j["amount"].is_object() &&
                               j["amount"].contains("total") && j["amount"]["total"].is_number_integer() &&
                               j["amount"]["total"].get<std::int64_t>() > 0;
        const std::string out_trade_no = field("out_trade_no");
        if (field("appid") != appid || field("mchid") != mchid || !amount_ok || out_trade_no.size() < 6 ||
            out_trade_no.size() > 32 || field("description").empty() || field("notify_url").rfind("http", 0) != 0 ||
            field("time_expire").size() != 25)
            return sign_answer(res, 400, error_json("PARAM_ERROR", "bad create request"));
        ++m_creates;
        std::unique_lock lock(m_mutex);
        ++m_waiting;
        m_door.wait(lock, [this] { return !m_hold; });
        --m_waiting;
        auto& o = m_orders[out_trade_no];
        if (o.code_url.empty()) {
            o = {out_trade_no, "weixin://wxpay/bizpayurl?pr=" + random_chars(7, alnum), field("notify_url"),
                 field("description"), field("time_expire"), "NOTPAY", "", j["amount"]["total"].get<std::int64_t>()};
        }
        sign_answer(res, 200, nlohmann::json{{"code_url", o.code_url}}.dump());
    });
    m_http.Get(R"(/v3/pay/transactions/out-trade-no/([A-Za-z0-9_*-]{1,32}))", [this](const httplib::Request& req, httplib::Response& res) {
        if (!authorized(req, res)) return;
        if (req.get_param_value("mchid") != mchid) return sign_answer(res, 400, error_json("PARAM_ERROR", "mchid"));
        ++m_queries;
        std::lock_guard lock(m_mutex);
        const auto it = m_orders.find(req.matches[1]);
        if (it == m_orders.end()) return sign_answer(res, 404, error_json("ORDER_NOT_EXIST", "no such order"));
        const SimulatedOrder& o = it->second;
        nlohmann::json t{{"appid", appid}, {"mchid", mchid}, {"out_trade_no", o.out_trade_no}, {"trade_type", "NATIVE"},
                         {"trade_state", o.trade_state}, {"amount", {{"total", o.total_fen}, {"currency", "CNY"}}}};
        if (o.trade_state == "SUCCESS") {
            t["transaction_id"] = o.transaction_id;
            t["amount"]["payer_total"] = o.total_fen;
        }
        sign_answer(res, 200, t.dump());
    });
    m_port = m_http.bind_to_any_port("127.0.0.1");
    if (m_port <= 0) throw std::runtime_error("simulator: cannot bind a port");
    // Connections queue on the bound socket until the thread accepts them.
    m_thread = std::thread([this] { m_http.listen_after_bind(); });
}

WechatPaySimulator::~WechatPaySimulator() {
    // stop() before the thread is listening would be lost: wait for it first.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!m_http.is_running() && std::chrono::steady_clock::now() < deadline) std::this_thread::yield();
    release_creates();
    m_http.stop();
    if (m_thread.joinable()) m_thread.join();
    std::error_code ignored;
    std::filesystem::remove_all(m_dir, ignored);
}

void WechatPaySimulator::hold_creates() {
    std::lock_guard lock(m_mutex);
    m_hold = true;
}

void WechatPaySimulator::release_creates() {
    {
        std::lock_guard lock(m_mutex);
        m_hold = false;
    }
    m_door.notify_all();
}

int WechatPaySimulator::creates_waiting() const {
    std::lock_guard lock(m_mutex);
    return m_waiting;
}

std::vector<std::string> WechatPaySimulator::server_flags() const {
    return {"--wechat-mchid", mchid, "--wechat-appid", appid, "--wechat-merchant-serial", merchant_serial,
            "--wechat-merchant-key", merchant_key_file, "--wechat-platform-key", platform_key_file,
            "--wechat-platform-serial", platform_serial, "--wechat-apiv3-key", apiv3_key_file,
            "--wechat-base-url", base_url()};
}

bool WechatPaySimulator::authorized(const httplib::Request& req, httplib::Response& res) {
    const std::string auth = req.get_header_value("Authorization");
    const std::string scheme = "WECHATPAY2-SHA256-RSA2048 ";
    auto p = auth_params(auth.rfind(scheme, 0) == 0 ? auth.substr(scheme.size()) : "");
    std::int64_t ts = 0;
    try {
        ts = std::stoll(p["timestamp"]);
    } catch (const std::exception&) {
        ts = 0;
    }
    const std::string message = req.method + "\n" + req.target + "\n" + p["timestamp"] + "\n" + p["nonce_str"] + "\n" + req.body + "\n";
    if (p["mchid"] != mchid || p["serial_no"] != merchant_serial || p["nonce_str"].empty() ||
        ts < m_now() - 300 || ts > m_now() + 300 || !rsa_verify(m_keys->merchant.get(), message, p["signature"])) {
        ++m_refused;
        sign_answer(res, 401, error_json("SIGN_ERROR", "signature verification failed"));
        return false;
    }
    return true;
}

void WechatPaySimulator::sign_answer(httplib::Response& res, int status, const std::string& body) {
    const std::string ts = std::to_string(m_now());
    const std::string nonce = random_chars(32, alnum);
    res.status = status;
    res.set_header("Request-ID", random_chars(24, alnum));
    res.set_header("Wechatpay-Timestamp", ts);
    res.set_header("Wechatpay-Nonce", nonce);
    res.set_header("Wechatpay-Serial", platform_serial);
    res.set_header("Wechatpay-Signature", rsa_sign(m_keys->platform.get(), ts + "\n" + nonce + "\n" + body + "\n"));
    res.set_content(body, "application/json");
}

std::optional<SimulatedOrder> WechatPaySimulator::order(const std::string& out_trade_no) const {
    std::lock_guard lock(m_mutex);
    const auto it = m_orders.find(out_trade_no);
    if (it == m_orders.end()) return std::nullopt;
    return it->second;
}

SimulatedNotify WechatPaySimulator::pay(const std::string& out_trade_no, const NotifyTweaks& tweaks) {
    SimulatedOrder o;
    {
        std::lock_guard lock(m_mutex);
        auto it = m_orders.find(out_trade_no);
        if (it == m_orders.end()) throw std::runtime_error("simulator: pay of an order it never created");
        if (it->second.trade_state != "SUCCESS") {
            it->second.trade_state = "SUCCESS";
            it->second.transaction_id = "4200" + random_chars(24, "0123456789");
        }
        o = it->second;
    }
    return build_notify(o, tweaks);
}

SimulatedNotify WechatPaySimulator::renotify(const std::string& out_trade_no) {
    const auto o = order(out_trade_no);
    if (!o || o->trade_state != "SUCCESS") throw std::runtime_error("simulator: renotify of an unpaid order");
    return build_notify(*o, {});
}

SimulatedNotify WechatPaySimulator::build_notify(const SimulatedOrder& o, const NotifyTweaks& tweaks) {
    const std::int64_t total = tweaks.total_fen.value_or(o.total_fen);
    const nlohmann::json transaction{
        {"appid", appid}, {"mchid", tweaks.mchid.value_or(mchid)}, {"out_trade_no", o.out_trade_no},
        {"transaction_id", o.transaction_id}, {"trade_type", "NATIVE"}, {"trade_state", "SUCCESS"},
        {"trade_state_desc", "支付成功"}, {"bank_type", "OTHERS"}, {"attach", ""},
        {"success_time", "2026-12-04T22:10:00+08:00"}, {"payer", {{"openid", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"}}},
        {"amount", {{"total", total}, {"payer_total", total}, {"currency", "CNY"}, {"payer_currency", "CNY"}}}};
    const std::string resource_nonce = random_chars(12, alnum);
    std::string ciphertext = aes_gcm_seal(m_apiv3_key, resource_nonce, "transaction", transaction.dump());
    if (tweaks.flip_ciphertext_byte) {
        std::string raw = unb64(ciphertext);
        raw[raw.size() / 2] = static_cast<char>(raw[raw.size() / 2] ^ 0x01);
        ciphertext = b64(raw);
    }
    const nlohmann::json body{{"id", "EV-" + random_chars(20, "0123456789")},
                              {"create_time", "2026-12-04T22:10:01+08:00"},
                              {"resource_type", "encrypt-resource"},
                              {"event_type", "TRANSACTION.SUCCESS"},
                              {"summary", "支付成功"},
                              {"resource",
                               {{"original_type", "transaction"}, {"algorithm", "AEAD_AES_256_GCM"},
                                {"ciphertext", ciphertext}, {"associated_data", "transaction"}, {"nonce", resource_nonce}}}};
    SimulatedNotify n;
    n.notify_url = o.notify_url;
    n.body = body.dump();
    const std::string ts = std::to_string(m_now() + tweaks.timestamp_offset_s);
    const std::string nonce = random_chars(32, alnum);
    EVP_PKEY* key = tweaks.sign_with_stranger_key ? m_keys->stranger.get() : m_keys->platform.get();
    n.headers = {{"Wechatpay-Timestamp", ts},
                 {"Wechatpay-Nonce", nonce},
                 {"Wechatpay-Serial", platform_serial},
                 {"Wechatpay-Signature", rsa_sign(key, ts + "\n" + nonce + "\n" + n.body + "\n")},
                 {"Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048"}};
    return n;
}

WechatPaySimulator::Delivery WechatPaySimulator::deliver(const SimulatedNotify& notify) {
    // notify_url: http://host:port/path
    const std::size_t path_at = notify.notify_url.find('/', notify.notify_url.find("://") + 3);
    httplib::Client client(notify.notify_url.substr(0, path_at));
    client.set_read_timeout(20, 0);
    const auto res = client.Post(notify.notify_url.substr(path_at).c_str(), notify.headers, notify.body, "application/json");
    if (!res) return {};
    return {res->status, res->body};
}

} // namespace lobby::test
