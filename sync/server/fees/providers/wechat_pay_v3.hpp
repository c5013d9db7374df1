// WeChat Pay APIv3, Native payment (扫码支付): the kiosk shows code_url as a
// QR code, the payer scans it in WeChat, WeChat Pay posts a signed notify
// with the transaction encrypted under the APIv3 key.
//
//   create: POST {base}/v3/pay/transactions/native  -> {"code_url": "weixin://wxpay/bizpayurl?pr=..."}
//   query:  GET  {base}/v3/pay/transactions/out-trade-no/{out_trade_no}?mchid={mchid}
//   notify: POST <notify_url> with Wechatpay-Timestamp/-Nonce/-Signature/-Serial
//           (<notify_url>/<estate> for an order of another estate than the home one)
//
// Our requests carry Authorization: WECHATPAY2-SHA256-RSA2048 (RSA-SHA256 with
// the merchant key over "METHOD\nURL\ntimestamp\nnonce\nbody\n"); answers and
// notifies are verified with the platform key over "timestamp\nnonce\nbody\n"
// and refused when their timestamp is more than 5 minutes off.
#pragma once

#include "fees/providers/payment_provider.hpp"
#include "fees/providers/wechat_crypto.hpp"

#include <nlohmann/json.hpp>

#include <functional>

namespace lobby::server::fees {

class WechatPayV3 final : public PaymentProvider {
public:
    // Reads the key files (throws std::runtime_error naming a bad file).
    WechatPayV3(const WechatPayConfig& config, std::function<std::string()> notify_url,
                std::function<protocol::UtcSeconds()> now);

    std::string name() const override { return "wechat"; }
    ProviderResult<std::string> create_native_order(const NativeOrder& order) override;
    NotifyCheck verify_notify(const NotifyRequest& request, protocol::UtcSeconds now) override;
    ProviderResult<ProviderPayment> query_order(const std::string& out_trade_no) override;

    static constexpr protocol::UtcSeconds max_clock_skew_s = 5 * 60;

private:
    struct Answer {
        int status = 0;
        std::string body;
        std::string error;  // transport failure or a bad signature
    };
    Answer call(const std::string& method, const std::string& path_and_query, const std::string& body);
    // The platform's signature and freshness over timestamp\nnonce\nbody\n; "" when good.
    std::string check_signed(const std::map<std::string, std::string>& headers, const std::string& body,
                             protocol::UtcSeconds now) const;
    // A transaction of this merchant and app, or why not.
    ProviderResult<ProviderPayment> read_transaction(const nlohmann::json& transaction) const;

    WechatPayConfig m_config;
    std::function<std::string()> m_notify_url;  // known once the server has its port
    std::function<protocol::UtcSeconds()> m_now;
    wechat::Pkey m_merchant_key;
    wechat::Pkey m_platform_key;
    std::string m_apiv3_key;
};

} // namespace lobby::server::fees
