// Where payments are confirmed. A payment order is created at a provider
// (which returns what the kiosk shows as the QR code), and the provider
// confirms the payment by a signed asynchronous notify to the server, or
// when asked about the order (the fallback when a notify is lost).
//
// Implementations: DemoProvider (the demo pay page, only with --demo) and
// WechatPayV3 (WeChat Pay APIv3 Native). make_payment_provider() picks one
// from the server's flags; apply_provider_payment (settle.hpp) turns a
// confirmation into a paid order exactly once.
#pragma once

#include "config.hpp"

#include "protocol/time.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace lobby::server::fees {

struct NativeOrder {
    std::string out_trade_no;  // our order id
    std::string description;   // shown in the payer's app
    std::int64_t amount_fen = 0;
    protocol::UtcSeconds expires_at = 0;  // the provider refuses payment after this
    std::string estate = "home";          // whose order (the demo pay page's link names it)
};

// What the provider says about one of our orders.
struct ProviderPayment {
    std::string out_trade_no;
    std::string transaction_id;  // the provider's id of the payment
    std::string trade_state;     // SUCCESS, NOTPAY, CLOSED, ...
    std::int64_t total_fen = 0;
    std::string currency;
};

// A value or why not (messages are for logs and developers; no secrets).
template <class T>
struct ProviderResult {
    std::optional<T> value;
    std::string error;
};

// An incoming notify: header names lower-cased.
struct NotifyRequest {
    std::map<std::string, std::string> headers;
    std::string body;
};

struct NotifyCheck {
    int status = 200;           // 401 bad signature or stale, 400 unreadable or not ours
    std::string code, message;  // when status != 200
    std::string nonce;          // the signed nonce, remembered against replays
    std::optional<ProviderPayment> payment;
};

class PaymentProvider {
public:
    virtual ~PaymentProvider() = default;
    // Stored with each order ("demo", "wechat"): a notify pays only its own provider's orders.
    virtual std::string name() const = 0;
    // The QR payload (code_url), or why the provider refused.
    virtual ProviderResult<std::string> create_native_order(const NativeOrder& order) = 0;
    // Checks the signature, freshness and merchant of a notify and opens it.
    virtual NotifyCheck verify_notify(const NotifyRequest& request, protocol::UtcSeconds now) = 0;
    // Asks the provider about an order (the fallback when a notify is lost).
    virtual ProviderResult<ProviderPayment> query_order(const std::string& out_trade_no) = 0;
};

// WeChat Pay when its flags are given; else the demo provider on a --demo
// server; else none (orders get 503 payments_unavailable). Throws
// std::runtime_error for unreadable or unsafe key files.
std::shared_ptr<PaymentProvider> make_payment_provider(const ServerConfig& config);

} // namespace lobby::server::fees
