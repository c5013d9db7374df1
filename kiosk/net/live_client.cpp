// LiveClient: the queue, the thread, and handing each call to its feature.
#include "net/live_client.hpp"

#include "store/store.hpp"

#include <spdlog/spdlog.h>

#include <chrono>

namespace kiosk::net {

LiveClient::LiveClient(LiveConfig config, std::unique_ptr<store::Store> cache, Performer perform,
                       std::function<void()> pull_now, std::function<void()> wake)
    : m_api(std::move(config.server), config.timeouts), m_cache(std::move(cache)), m_perform(std::move(perform)),
      m_pull_now(std::move(pull_now)), m_wake(std::move(wake))
{
    m_thread = std::thread([this] { run(); });
}

LiveClient::~LiveClient() { stop(); }

void LiveClient::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_api.abort();  // a request in flight returns at once
    m_cv.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void LiveClient::submit(OnlineCall call)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping)
            return;
        m_calls.push_back(std::move(call));
    }
    m_cv.notify_one();
}

std::vector<CallAnswer> LiveClient::take_answers()
{
    std::lock_guard lock(m_mutex);
    return std::exchange(m_answers, {});
}

bool LiveClient::pause(int ms)
{
    std::unique_lock lock(m_mutex);
    return !m_cv.wait_for(lock, std::chrono::milliseconds(ms), [this] { return m_stopping; });
}

void LiveClient::run()
{
    LiveContext ctx{m_api, m_cache.get(), [this](int ms) { return pause(ms); }, m_pull_now};
    for (;;) {
        OnlineCall call;
        {
            std::unique_lock lock(m_mutex);
            m_cv.wait(lock, [this] { return m_stopping || !m_calls.empty(); });
            if (m_stopping)
                return;
            call = std::move(m_calls.front());
            m_calls.pop_front();
        }
        std::any answer = m_perform(call, ctx);
        {
            std::lock_guard lock(m_mutex);
            if (m_stopping)
                return;  // nobody is left to read it
            m_answers.push_back(CallAnswer{call.id, call.feature, std::move(answer)});
        }
        m_wake();
    }
}

} // namespace kiosk::net
