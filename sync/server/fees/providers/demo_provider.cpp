// The demo provider: the QR opens the demo pay page on this server
// (pay_page.cpp), whose button is the "payment". It has no notify and no
// query; it exists only on a --demo server.
#include "fees/providers/demo_provider.hpp"

#include "fees/payments.hpp"

#include "protocol/public_links.hpp"

namespace lobby::server::fees {
namespace {

class DemoProvider final : public PaymentProvider {
public:
    explicit DemoProvider(const ServerConfig& config) : m_config(config) {}

    std::string name() const override { return "demo"; }
    ProviderResult<std::string> create_native_order(const NativeOrder& order) override {
        return {public_base_url(m_config) + protocol::pay_page_path(order.estate, order.out_trade_no), ""};
    }
    NotifyCheck verify_notify(const NotifyRequest&, protocol::UtcSeconds) override {
        NotifyCheck c;
        c.status = 404;
        c.code = "no_notify";
        c.message = "The demo provider has no notify; the demo pay page marks orders paid.";
        return c;
    }
    ProviderResult<ProviderPayment> query_order(const std::string&) override {
        return {std::nullopt, "the demo provider cannot be queried"};
    }

private:
    const ServerConfig& m_config;  // the server's own: its port is known only after bind()
};

} // namespace

std::shared_ptr<PaymentProvider> make_demo_provider(const ServerConfig& config) {
    return std::make_shared<DemoProvider>(config);
}

} // namespace lobby::server::fees
