// WeChat Pay APIv3 Native (see wechat_pay_v3.hpp).
#include "fees/providers/wechat_pay_v3.hpp"
#include "fees/providers/headers.hpp"
#include "private_file.hpp"
#include "estates.hpp"

#include "protocol/random.hpp"

#include <httplib.h>

#include <cctype>
#include <cstdio>
#include <stdexcept>

namespace lobby::server::fees {
namespace {

// RFC 3339 in Beijing time, as WeChat Pay writes times: 2026-12-04T22:10:00+08:00.
std::string rfc3339_beijing(protocol::UtcSeconds t) {
    const protocol::LocalTime l = protocol::to_shanghai(t);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d+08:00", l.year, l.month, l.day, l.hour, l.minute,
                  l.second);
    return buf;
}

std::string header(const std::map<std::string, std::string>& headers, const char* name) {
    const auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
}

std::string json_string(const nlohmann::json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

NotifyCheck refuse(int status, const char* code, std::string message) {
    NotifyCheck c;
    c.status = status;
    c.code = code;
    c.message = std::move(message);
    return c;
}

} // namespace

WechatPayV3::WechatPayV3(const WechatPayConfig& config, std::function<std::string()> notify_url,
                         std::function<protocol::UtcSeconds()> now)
    : m_config(config), m_notify_url(std::move(notify_url)), m_now(std::move(now)) {
    if (m_config.appid.empty() || m_config.merchant_serial.empty() || m_config.platform_serial.empty())
        throw std::runtime_error("WeChat Pay needs --wechat-appid, --wechat-merchant-serial and --wechat-platform-serial");
    m_merchant_key = wechat::private_key_from_pem(read_private_file(m_config.merchant_key_file, "WeChat Pay merchant key"));
    if (!m_merchant_key) throw std::runtime_error("the WeChat Pay merchant key file " + m_config.merchant_key_file + " holds no PEM private key");
    m_platform_key = wechat::public_key_from_pem(wechat::read_file(m_config.platform_key_file, "WeChat Pay platform key"));
    if (!m_platform_key)
        throw std::runtime_error("the WeChat Pay platform key file " + m_config.platform_key_file +
                                 " holds no PEM public key or certificate");
    m_apiv3_key = read_private_file(m_config.apiv3_key_file, "WeChat Pay APIv3 key");
    while (!m_apiv3_key.empty() && std::isspace(static_cast<unsigned char>(m_apiv3_key.back()))) m_apiv3_key.pop_back();
    if (m_apiv3_key.size() != 32)
        throw std::runtime_error("the WeChat Pay APIv3 key file " + m_config.apiv3_key_file + " must hold 32 characters");
}

WechatPayV3::Answer WechatPayV3::call(const std::string& method, const std::string& path_and_query,
                                      const std::string& body) {
    const std::string timestamp = std::to_string(m_now());
    const std::string nonce = protocol::random_hex(16);
    const std::string message = method + "\n" + path_and_query + "\n" + timestamp + "\n" + nonce + "\n" + body + "\n";
    const std::string authorization = "WECHATPAY2-SHA256-RSA2048 mchid=\"" + m_config.mchid + "\",nonce_str=\"" + nonce +
                                      "\",timestamp=\"" + timestamp + "\",serial_no=\"" + m_config.merchant_serial +
                                      "\",signature=\"" + wechat::sign_sha256_rsa(m_merchant_key.get(), message) + "\"";
    httplib::Client client(m_config.base_url);
    client.set_connection_timeout(3, 0);
    client.set_read_timeout(5, 0);
    client.set_write_timeout(5, 0);
    const httplib::Headers headers{{"Authorization", authorization},
                                   {"Accept", "application/json"},
                                   {"User-Agent", "lobby-office-server"}};
    const auto res = method == "POST" ? client.Post(path_and_query.c_str(), headers, body, "application/json")
                                      : client.Get(path_and_query.c_str(), headers);
    Answer a;
    if (!res) {
        a.error = "WeChat Pay could not be reached (" + httplib::to_string(res.error()) + ")";
        return a;
    }
    a.status = res->status;
    a.body = res->body;
    // Errors are signed too, but only answers we act on must be: a 2xx.
    if (a.status / 100 == 2) a.error = check_signed(lower_case_headers(res->headers), a.body, m_now());
    return a;
}

std::string WechatPayV3::check_signed(const std::map<std::string, std::string>& headers, const std::string& body,
                                      protocol::UtcSeconds now) const {
    const std::string timestamp = header(headers, "wechatpay-timestamp");
    const std::string nonce = header(headers, "wechatpay-nonce");
    const std::string signature = header(headers, "wechatpay-signature");
    const std::string serial = header(headers, "wechatpay-serial");
    if (timestamp.empty() || nonce.empty() || signature.empty() || serial.empty())
        return "missing Wechatpay-Timestamp, -Nonce, -Signature or -Serial";
    if (serial != m_config.platform_serial) return "signed with an unknown platform key (Wechatpay-Serial)";
    long long ts = 0;
    if (timestamp.size() > 12 || timestamp.find_first_not_of("0123456789") != std::string::npos) return "bad Wechatpay-Timestamp";
    ts = std::stoll(timestamp);
    if (ts < now - max_clock_skew_s || ts > now + max_clock_skew_s)
        return "Wechatpay-Timestamp is more than 5 minutes from the server's time";
    if (!wechat::verify_sha256_rsa(m_platform_key.get(), timestamp + "\n" + nonce + "\n" + body + "\n", signature))
        return "the signature does not verify with the platform key";
    return "";
}

ProviderResult<ProviderPayment> WechatPayV3::read_transaction(const nlohmann::json& t) const {
    if (!t.is_object()) return {std::nullopt, "the transaction is not a JSON object"};
    if (json_string(t, "mchid") != m_config.mchid || json_string(t, "appid") != m_config.appid)
        return {std::nullopt, "the transaction is for another merchant or app"};
    ProviderPayment p;
    p.out_trade_no = json_string(t, "out_trade_no");
    p.transaction_id = json_string(t, "transaction_id");
    p.trade_state = json_string(t, "trade_state");
    const auto amount = t.find("amount");
    if (amount != t.end() && amount->is_object()) {
        const auto total = amount->find("total");
        if (total != amount->end() && total->is_number_integer()) p.total_fen = total->get<std::int64_t>();
        p.currency = json_string(*amount, "currency");
    }
    if (p.out_trade_no.empty() || p.trade_state.empty()) return {std::nullopt, "the transaction has no out_trade_no or trade_state"};
    if (p.trade_state == "SUCCESS" && (p.transaction_id.empty() || p.total_fen <= 0))
        return {std::nullopt, "a SUCCESS transaction without transaction_id or amount.total"};
    return {p, ""};
}

ProviderResult<std::string> WechatPayV3::create_native_order(const NativeOrder& order) {
    const nlohmann::json body{{"appid", m_config.appid},
                              {"mchid", m_config.mchid},
                              {"description", order.description},
                              {"out_trade_no", order.out_trade_no},
                              {"time_expire", rfc3339_beijing(order.expires_at)},
                              // Another estate's order is settled at its own path (settle.hpp).
                              {"notify_url", order.estate == home_estate ? m_notify_url() : m_notify_url() + "/" + order.estate},
                              {"amount", {{"total", order.amount_fen}, {"currency", "CNY"}}}};
    const Answer a = call("POST", "/v3/pay/transactions/native", body.dump());
    if (a.status == 0 || (a.status / 100 == 2 && !a.error.empty())) return {std::nullopt, a.error};
    if (a.status != 200) return {std::nullopt, "WeChat Pay refused the order with HTTP " + std::to_string(a.status)};
    const auto answer = nlohmann::json::parse(a.body, nullptr, false);
    const std::string code_url = answer.is_object() ? json_string(answer, "code_url") : "";
    if (code_url.rfind("weixin://", 0) != 0 || code_url.size() > 500)
        return {std::nullopt, "WeChat Pay answered without a weixin:// code_url"};
    return {code_url, ""};
}

ProviderResult<ProviderPayment> WechatPayV3::query_order(const std::string& out_trade_no) {
    const Answer a = call("GET", "/v3/pay/transactions/out-trade-no/" + out_trade_no + "?mchid=" + m_config.mchid, "");
    if (a.status == 0 || (a.status / 100 == 2 && !a.error.empty())) return {std::nullopt, a.error};
    if (a.status != 200) return {std::nullopt, "WeChat Pay answered the query with HTTP " + std::to_string(a.status)};
    auto payment = read_transaction(nlohmann::json::parse(a.body, nullptr, false));
    if (payment.value && payment.value->out_trade_no != out_trade_no)
        return {std::nullopt, "WeChat Pay answered about another order"};
    return payment;
}

NotifyCheck WechatPayV3::verify_notify(const NotifyRequest& request, protocol::UtcSeconds now) {
    if (const std::string bad = check_signed(request.headers, request.body, now); !bad.empty())
        return refuse(401, "bad_signature", "Notify refused: " + bad + ".");
    const auto body = nlohmann::json::parse(request.body, nullptr, false);
    const auto resource = body.is_object() ? body.find("resource") : body.end();
    if (!body.is_object() || resource == body.end() || !resource->is_object())
        return refuse(400, "bad_notify", "Notify refused: the body has no resource object.");
    if (json_string(*resource, "algorithm") != "AEAD_AES_256_GCM")
        return refuse(400, "bad_notify", "Notify refused: resource.algorithm must be AEAD_AES_256_GCM.");
    const auto plain = wechat::aes_256_gcm_open(m_apiv3_key, json_string(*resource, "nonce"),
                                                json_string(*resource, "associated_data"),
                                                json_string(*resource, "ciphertext"));
    if (!plain) return refuse(400, "bad_notify", "Notify refused: the resource does not decrypt with the APIv3 key.");
    auto payment = read_transaction(nlohmann::json::parse(*plain, nullptr, false));
    if (!payment.value) return refuse(400, "bad_notify", "Notify refused: " + payment.error + ".");
    NotifyCheck ok;
    ok.nonce = header(request.headers, "wechatpay-nonce");
    ok.payment = payment.value;
    return ok;
}

} // namespace lobby::server::fees
