// The fees online calls over the shared ApiClient and how their answers map
// to core outcomes; offline (no answer, or a 5xx) a fee lookup is checked
// against the local cache instead.
#include "features/fees/io/fees_io.hpp"

#include "features/fees/io/fee_records.hpp"
#include "household/io/verify_io.hpp"
#include "protocol/decode.hpp"
#include "protocol/fees.hpp"
#include "store/store.hpp"

#include <spdlog/spdlog.h>

#include <memory>

namespace kiosk::fees {
namespace p = lobby::protocol;
namespace {

constexpr int order_attempts = 3;           // creating an order: same key each time
constexpr int order_retry_delay_ms = 700;   // times the attempt number

// A non-2xx answer about an order, as a core outcome.
CallOutcome order_outcome(const net::ApiReply& r)
{
    if (!r.reached())
        return CallOutcome::Offline;
    if (r.status() == 409)
        return CallOutcome::Conflict;
    if (r.status() == 410)
        return CallOutcome::Expired;
    return CallOutcome::ServerError;
}

// Any answer about an order (created 201, replayed or polled 200, refused).
OrderDone read_order(const net::ApiReply& r)
{
    OrderDone done;
    if (r.judged.verdict == net::Verdict::success) {
        auto order = p::decode_text<p::PaymentOrder>(r.http.body);
        done.outcome = order ? CallOutcome::Ok : CallOutcome::ServerError;
        if (order)
            done.order = to_order_info(order.value());
        return done;
    }
    done.outcome = order_outcome(r);
    return done;
}

LookupDone lookup(const CallFeeLookup& call, net::LiveContext& ctx)
{
    p::FeeLookupRequest request{call.unit_id, call.last4, std::nullopt};
    if (!call.session_id.empty())
        request.session_id = call.session_id;
    const nlohmann::json body = request;
    const net::ApiReply r = ctx.api.send("POST", "/v1/fees/lookup", body.dump());
    LookupDone done;
    if (r.judged.verdict == net::Verdict::retry) {
        spdlog::info("fees: lookup got no usable answer ({}), using the cache", r.summary());
        // Let the sync worker find out too, so the header says "offline"
        // next to the bill that says it.
        ctx.pull_now();
        if (!ctx.cache)
            return LookupDone{CallOutcome::NotCached, 0, 0, std::nullopt, true};
        return cached_fee_lookup(*ctx.cache, call);
    }
    if (r.judged.verdict == net::Verdict::success) {
        auto result = p::decode_text<p::FeeLookupResult>(r.http.body);
        if (result) {
            done.outcome = CallOutcome::Ok;
            done.lookup = to_fee_lookup(result.value());
            done.lookup->verification_token = verification_token_of(result.value());
        } else {
            spdlog::warn("fees: unreadable lookup answer: {}", result.error().field);
        }
        return done;
    }
    // Refused: read as every household verification is.
    const household::VerifyAnswer refused = household::refused_verification(r);
    done.outcome = to_call_outcome(refused.outcome);
    done.attempts_left = refused.attempts_left;
    done.locked_until_utc = refused.locked_until_utc;
    return done;
}

OrderDone create_order(const CallCreateOrder& call, net::LiveContext& ctx)
{
    const nlohmann::json body = payment_order_request(call);
    OrderDone done;
    for (int attempt = 1; attempt <= order_attempts; ++attempt) {
        // The same key every time: if a 5xx or a lost answer hid a created
        // order, the server replays it instead of making a second one.
        const net::ApiReply r = ctx.api.send("POST", "/v1/payment-orders", body.dump(), call.idempotency_key);
        done = read_order(r);
        if (r.judged.verdict != net::Verdict::retry)
            return done;  // made, or refused: retrying cannot help
        spdlog::info("fees: order attempt {} failed ({})", attempt, r.summary());
        if (attempt == 1)
            ctx.pull_now();   // the header should say it too, within seconds
        if (attempt < order_attempts && !ctx.pause(order_retry_delay_ms * attempt))
            return done;
    }
    return done;
}

OrderDone poll_order(const CallPollOrder& call, net::LiveContext& ctx)
{
    const net::ApiReply r = ctx.api.send("GET", "/v1/payment-orders/" + call.order_id);
    if (r.judged.verdict == net::Verdict::retry)
        ctx.pull_now();   // let the sync worker find out, so the header says it
    return read_order(r);
}

std::any perform(const std::any& call, net::LiveContext& ctx)
{
    const FeesCall* c = std::any_cast<FeesCall>(&call);
    if (!c)
        return {};
    return std::visit(
        [&](const auto& typed) -> std::any {
            using T = std::decay_t<decltype(typed)>;
            if constexpr (std::is_same_v<T, CallFeeLookup>)
                return FeesAnswer{lookup(typed, ctx)};
            else if constexpr (std::is_same_v<T, CallCreateOrder>)
                return FeesAnswer{create_order(typed, ctx)};
            else
                return FeesAnswer{poll_order(typed, ctx)};
        },
        *c);
}

} // namespace

net::FeatureIo fees_io(std::shared_ptr<household::StoreLockoutBook> book)
{
    net::FeatureIo io;
    io.attach = [book](store::Store& store) { book->attach(store); };
    // The memo lives as long as the registry: units are re-decoded only
    // when their collection changed.
    auto memo = std::make_shared<household::UnitsMemo>();
    io.read_cache = [memo](store::Store& store, std::int64_t) { return std::any(read_fees_cache(store, *memo)); };
    io.perform = perform;
    return io;  // fees submits nothing to the outbox: paying is online only
}

} // namespace kiosk::fees
