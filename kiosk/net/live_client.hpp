// Online calls for a person at the screen (fee verification, payment orders
// and their status), run on one thread with its own ApiClient, so no frame
// ever waits on the network and a long sync pull never delays a person.
// Answers are collected for the UI thread; `wake` nudges its loop.
#pragma once

#include "core/feature.hpp"
#include "net/feature_io.hpp"
#include "net/http_client.hpp"

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace kiosk::net {

struct LiveConfig {
    ServerEndpoint server;
    // A person is waiting: fail fast, then answer from the cache.
    HttpTimeouts timeouts{3000, 8000};
};

class LiveClient {
public:
    // Finds the feature's performer for a call (the registry's io).
    using Performer = std::function<std::any(const OnlineCall& call, LiveContext& ctx)>;

    LiveClient(LiveConfig config, std::unique_ptr<store::Store> cache, Performer perform,
               std::function<void()> pull_now, std::function<void()> wake);
    ~LiveClient();
    LiveClient(const LiveClient&) = delete;
    LiveClient& operator=(const LiveClient&) = delete;

    void submit(OnlineCall call);
    std::vector<CallAnswer> take_answers();
    // Aborts the call in flight and joins the thread; idempotent. After it,
    // `wake` is never called again.
    void stop();

private:
    void run();
    bool pause(int ms);

    ApiClient m_api;
    std::unique_ptr<store::Store> m_cache;
    Performer m_perform;
    std::function<void()> m_pull_now;
    std::function<void()> m_wake;

    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::deque<OnlineCall> m_calls;
    std::vector<CallAnswer> m_answers;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace kiosk::net
