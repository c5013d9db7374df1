// Which provider confirms payments on this server (see payment_provider.hpp).
#include "fees/payments.hpp"
#include "fees/providers/demo_provider.hpp"
#include "fees/providers/payment_provider.hpp"
#include "fees/providers/wechat_pay_v3.hpp"

namespace lobby::server::fees {

std::shared_ptr<PaymentProvider> make_payment_provider(const ServerConfig& config) {
    if (config.wechat.enabled()) {
        const ServerConfig* c = &config;
        return std::make_shared<WechatPayV3>(
            config.wechat,
            [c] { return c->wechat.notify_url.empty() ? public_base_url(*c) + "/v1/payments/wechat/notify" : c->wechat.notify_url; },
            [c] { return c->now(); });
    }
    if (config.demo) return make_demo_provider(config);
    return nullptr;
}

} // namespace lobby::server::fees
