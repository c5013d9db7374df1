// LiveRequests: the worker loop, the HTTP calls and how their answers map to
// core outcomes; offline, a fee lookup is checked against the local cache.
#include "app/live_requests.hpp"

#include "app/fee_records.hpp"
#include "net/http_client.hpp"
#include "protocol/decode.hpp"
#include "protocol/error.hpp"
#include "protocol/fees.hpp"
#include "store/store.hpp"

#include <spdlog/spdlog.h>

#include <chrono>

namespace kiosk::app {
namespace p = lobby::protocol;
namespace {

bool reached(const net::HttpResponse& r)
{
    return r.transport == net::TransportError::none;
}

std::optional<p::ErrorBody> error_body(const net::HttpResponse& r)
{
    auto decoded = p::decode_text<p::ErrorBody>(r.body);  // {"error": {...}}
    if (!decoded)
        return std::nullopt;
    return decoded.value();
}

// A non-2xx answer about an order, as a core outcome.
CallOutcome order_outcome(const net::HttpResponse& r)
{
    if (!reached(r))
        return CallOutcome::Offline;
    if (r.status == 409)
        return CallOutcome::Conflict;
    if (r.status == 410)
        return CallOutcome::Expired;
    return CallOutcome::ServerError;
}

// Any answer about an order (created 201, replayed or polled 200, refused).
void read_order(const net::HttpResponse& r, EventOrderDone& done)
{
    if (reached(r) && (r.status == 200 || r.status == 201)) {
        auto order = p::decode_text<p::PaymentOrder>(r.body);
        done.outcome = order ? CallOutcome::Ok : CallOutcome::ServerError;
        if (order)
            done.order = to_order_info(order.value());
        return;
    }
    done.outcome = order_outcome(r);
}

} // namespace

LiveRequests::LiveRequests(LiveConfig config, std::unique_ptr<store::Store> store, std::function<void()> request_pull,
                           std::function<void()> wake)
    : m_config(std::move(config)), m_store(std::move(store)),
      m_client(std::make_unique<net::HttpClient>(net::HttpTimeouts{m_config.connect_ms, m_config.total_ms})),
      m_request_pull(std::move(request_pull)), m_wake(std::move(wake))
{
    m_thread = std::thread([this] { run(); });
}

LiveRequests::~LiveRequests()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_client->abort();  // a request in flight returns at once
    m_cv.notify_all();
    m_thread.join();
}

void LiveRequests::submit(LiveCall call)
{
    {
        std::lock_guard lock(m_mutex);
        m_calls.push_back(std::move(call));
    }
    m_cv.notify_one();
}

std::vector<LiveEvent> LiveRequests::take_events()
{
    std::lock_guard lock(m_mutex);
    return std::exchange(m_events, {});
}

void LiveRequests::run()
{
    for (;;) {
        LiveCall call;
        {
            std::unique_lock lock(m_mutex);
            m_cv.wait(lock, [this] { return m_stopping || !m_calls.empty(); });
            if (m_stopping)
                return;
            call = std::move(m_calls.front());
            m_calls.pop_front();
        }
        LiveEvent event = std::visit([this](const auto& c) { return perform(c); }, call);
        {
            std::lock_guard lock(m_mutex);
            m_events.push_back(std::move(event));
        }
        m_wake();
    }
}

net::HttpResponse LiveRequests::send(const char* method, const std::string& path, std::string body,
                                     const std::string& idempotency_key)
{
    net::HttpRequest request;
    request.method = method;
    request.url = m_config.server_url + path;
    request.body = std::move(body);
    request.headers.push_back("Authorization: Bearer " + m_config.token);
    if (!idempotency_key.empty())
        request.headers.push_back("Idempotency-Key: " + idempotency_key);
    return m_client->perform(request);
}

LiveEvent LiveRequests::perform(const CallFeeLookup& call)
{
    const nlohmann::json body = p::FeeLookupRequest{call.unit_id, call.last4};
    const net::HttpResponse r = send("POST", "/v1/fees/lookup", body.dump());
    EventFeesLookupDone done;
    done.call_id = call.id;
    if (!reached(r) || r.status >= 500) {
        spdlog::info("fees: lookup got no answer ({}), using the cache", reached(r) ? std::to_string(r.status) : to_string(r.transport));
        // Let the sync worker find out too, so the header says "offline"
        // next to the bill that says it.
        if (!reached(r))
            m_request_pull();
        if (!m_store)
            return EventFeesLookupDone{call.id, CallOutcome::NotCached, 0, 0, std::nullopt};
        return cached_fee_lookup(*m_store, call);
    }
    if (r.status == 200) {
        auto result = p::decode_text<p::FeeLookupResult>(r.body);
        if (result) {
            done.outcome = CallOutcome::Ok;
            done.lookup = to_fee_lookup(result.value());
        } else {
            spdlog::warn("fees: unreadable lookup answer: {}", result.error().message);
        }
        return done;
    }
    const auto error = error_body(r);
    if (r.status == 403) {
        done.outcome = CallOutcome::WrongDigits;
        done.attempts_left = error && error->attempts_left ? static_cast<int>(*error->attempts_left) : -1;
    } else if (r.status == 423) {
        done.outcome = CallOutcome::Locked;
        done.locked_until_utc = error && error->locked_until ? *error->locked_until : 0;
    } else if (r.status == 404) {
        done.outcome = CallOutcome::UnknownUnit;
    } else {
        spdlog::warn("fees: lookup answered {}: {}", r.status, error ? error->message : r.body);
    }
    return done;
}

LiveEvent LiveRequests::perform(const CallCreateOrder& call)
{
    const nlohmann::json body = p::PaymentOrderRequest{call.unit_id, call.bill_ids};
    EventOrderDone done;
    done.call_id = call.id;
    for (int attempt = 1; attempt <= m_config.order_attempts; ++attempt) {
        // The same key every time: if a 5xx or a lost answer hid a created
        // order, the server replays it instead of making a second one.
        const net::HttpResponse r = send("POST", "/v1/payment-orders", body.dump(), call.idempotency_key);
        read_order(r, done);
        if (reached(r) && r.status < 500)
            return done;  // a refusal: retrying cannot help
        spdlog::info("fees: order attempt {} failed ({})", attempt,
                     reached(r) ? std::to_string(r.status) : to_string(r.transport));
        std::unique_lock lock(m_mutex);
        if (m_cv.wait_for(lock, std::chrono::milliseconds(m_config.order_retry_delay_ms * attempt),
                          [this] { return m_stopping; }))
            return done;
    }
    return done;
}

LiveEvent LiveRequests::perform(const CallPollOrder& call)
{
    const net::HttpResponse r = send("GET", "/v1/payment-orders/" + call.order_id, {});
    EventOrderDone done;
    done.call_id = call.id;
    read_order(r, done);
    return done;
}

LiveEvent LiveRequests::perform(const CallPullNow& call)
{
    m_request_pull();
    EventOrderDone done;  // nobody waits for it: id matches no awaited call
    done.call_id = call.id;
    done.outcome = CallOutcome::Ok;
    return done;
}

} // namespace kiosk::app
