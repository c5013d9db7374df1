// Live network calls for a person at the screen (fee lookup, payment orders),
// run on one worker thread with its own HTTP client so no frame ever waits
// on the network. Answers come back as core LiveEvents; `wake` nudges the
// UI loop to apply them.
#pragma once

#include "core/live_calls.hpp"

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace kiosk::store {
class Store;
}
namespace kiosk::net {
class HttpClient;
struct HttpResponse;
}

namespace kiosk::app {

struct LiveConfig {
    std::string server_url;  // no trailing slash
    std::string token;       // this kiosk's bearer token
    int connect_ms = 3000;   // a person is waiting: fail fast, then use the cache
    int total_ms = 8000;
    int order_attempts = 3;        // creating an order: same key each time
    int order_retry_delay_ms = 700;
};

class LiveRequests {
public:
    // `store` is this thread's own connection (offline fee checks); may be null.
    LiveRequests(LiveConfig config, std::unique_ptr<store::Store> store, std::function<void()> request_pull,
                 std::function<void()> wake);
    ~LiveRequests();
    LiveRequests(const LiveRequests&) = delete;
    LiveRequests& operator=(const LiveRequests&) = delete;

    void submit(LiveCall call);
    std::vector<LiveEvent> take_events();

private:
    void run();
    LiveEvent perform(const CallFeeLookup& call);
    LiveEvent perform(const CallCreateOrder& call);
    LiveEvent perform(const CallPollOrder& call);
    LiveEvent perform(const CallPullNow& call);
    net::HttpResponse send(const char* method, const std::string& path, std::string body,
                           const std::string& idempotency_key = {});

    LiveConfig m_config;
    std::unique_ptr<store::Store> m_store;
    std::unique_ptr<net::HttpClient> m_client;
    std::function<void()> m_request_pull;
    std::function<void()> m_wake;

    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::deque<LiveCall> m_calls;
    std::vector<LiveEvent> m_events;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace kiosk::app
