// KioskApp's side of live requests: starts the executor and, each update,
// applies its answers to the controller and hands it the controller's calls.
#include "app/kiosk_app.hpp"

#include "store/store.hpp"

#include <spdlog/spdlog.h>

namespace kiosk::app {

void KioskApp::start_live_requests()
{
    std::string error;
    auto store = m_backend.open_worker_store(error);
    if (!store)
        spdlog::warn("fees: no store for offline checks: {}", error);
    LiveConfig live;
    live.server_url = m_config.server_url;
    live.token = m_config.server_token;
    m_live = std::make_unique<LiveRequests>(std::move(live), std::move(store), [this] { m_backend.request_pull(); },
                                            [] { KioskApp::wake(); });
}

void KioskApp::exchange_live(std::int64_t now)
{
    if (!m_live)
        return;
    for (const LiveEvent& event : m_live->take_events())
        m_controller.apply_event(event, now);
    for (LiveCall& call : m_controller.take_live_calls())
        m_live->submit(std::move(call));
}

} // namespace kiosk::app
