// Helpers for sync tests: fast worker settings, waiting for a condition, timing calls.
#pragma once

#include "net/sync_config.hpp"
#include "support/time_scale.hpp"

#include <chrono>
#include <functional>
#include <string>
#include <thread>

namespace kiosk::test {

// Timeouts and backoff small enough that a whole fault sequence takes seconds.
// The request timeouts are wait limits too: scaled by LOBBY_TEST_TIME_SCALE
// (a ThreadSanitizer office server needs more than 600 ms for a page).
inline net::SyncConfig fast_config(const std::string& url)
{
    net::SyncConfig config;
    config.server_url = url;
    config.kiosk_version = "test";
    config.pull_interval_ms = 60000;       // tests pull on demand
    config.heartbeat_interval_ms = 60000;
    config.timeouts.connect_ms = lobby::test::scaled_ms(300);
    config.timeouts.total_ms = lobby::test::scaled_ms(600);
    config.outbox_backoff = {20, 150};
    config.pull_backoff = {20, 150};
    return config;
}

// Polls `condition` until it holds or `timeout_ms` times LOBBY_TEST_TIME_SCALE
// passed; callers REQUIRE the result, naming what they waited for.
inline bool wait_until(const std::function<bool()>& condition, int timeout_ms = 10000)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(lobby::test::scaled_ms(timeout_ms));
    while (std::chrono::steady_clock::now() < deadline) {
        if (condition())
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return condition();
}

// Wall time of one call, in microseconds.
template <class F>
long long time_us(F&& call)
{
    const auto start = std::chrono::steady_clock::now();
    call();
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start).count();
}

} // namespace kiosk::test
