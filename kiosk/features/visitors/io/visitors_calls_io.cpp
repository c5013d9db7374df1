// The visitors online calls over the shared ApiClient and how their answers
// map to core outcomes; a code is checked against the cache when the office
// cannot be reached. Nothing personal is logged: no codes, no phones.
#include "features/visitors/io/visitors_io.hpp"

#include "features/visitors/io/visitor_records.hpp"
#include "features/visitors/core/visitors_view.hpp"
#include "household/io/units_memo.hpp"
#include "protocol/decode.hpp"
#include "protocol/visitors.hpp"
#include "store/store.hpp"

#include <spdlog/spdlog.h>

#include <ctime>

namespace kiosk::visitors {
namespace p = lobby::protocol;
namespace {

constexpr int send_attempts = 3;          // a registration: same key each time
constexpr int retry_delay_ms = 700;       // times the attempt number

// A refusal as a core outcome.
Outcome refusal(const net::ApiReply& r, std::int64_t& locked_until)
{
    if (!r.reached())
        return Outcome::Offline;
    const std::string code = r.error ? r.error->code : std::string();
    switch (r.status()) {
    case 404: return code == p::error_code::unknown_unit ? Outcome::Refused : Outcome::UnknownCode;
    case 409: return code == p::error_code::code_already_used ? Outcome::AlreadyUsed : Outcome::Refused;
    case 410: return Outcome::Expired;
    case 422: return code == p::error_code::code_not_yet_valid ? Outcome::NotYetValid : Outcome::Refused;
    case 429:
        locked_until = r.error && r.error->locked_until ? *r.error->locked_until : 0;
        return Outcome::TooMany;
    default: return r.status() >= 500 ? Outcome::ServerError : Outcome::Refused;
    }
}

// An answer about a pass or a release: the thing itself, or why not.
template <class Wire, class Done, class Convert>
Done read_answer(const net::ApiReply& r, Convert convert)
{
    Done done;
    if (r.judged.verdict != net::Verdict::success) {
        done.outcome = refusal(r, done.locked_until_utc);
        return done;
    }
    auto decoded = p::decode_text<Wire>(r.http.body);
    if (!decoded) {
        spdlog::warn("visitors: unreadable answer: {}", decoded.error().field);
        done.outcome = Outcome::ServerError;
        return done;
    }
    done.outcome = Outcome::Ok;
    convert(decoded.value(), done);
    return done;
}

PassDone read_pass(const net::ApiReply& r)
{
    return read_answer<p::VisitorPass, PassDone>(r, [](const p::VisitorPass& w, PassDone& d) { d.pass = to_pass_info(w); });
}

ReleaseDone read_release(const net::ApiReply& r)
{
    return read_answer<p::MoveOut, ReleaseDone>(r, [](const p::MoveOut& w, ReleaseDone& d) { d.release = to_release_info(w); });
}

PassDone redeem(const CallRedeem& call, net::LiveContext& ctx)
{
    const nlohmann::json body = p::RedeemRequest{call.code, std::nullopt};
    const net::ApiReply r = ctx.api.send("POST", redeem_path, body.dump(), call.idempotency_key);
    const std::int64_t now = static_cast<std::int64_t>(std::time(nullptr));
    if (r.judged.verdict == net::Verdict::retry) {
        spdlog::info("visitors: redeem got no usable answer ({}), checking the cache", r.summary());
        ctx.pull_now();  // the header should say "offline" too
        if (!ctx.cache)
            return PassDone{Outcome::Offline, std::nullopt, 0};
        return redeem_offline(*ctx.cache, call.code, now);
    }
    PassDone done = read_pass(r);
    // Remember an online use too: until the next pull the cache still shows
    // the code unused, and an offline moment must not let it in again.
    if (done.pass && done.pass->kind == "pre_registered" && ctx.cache) {
        if (auto kept = ctx.cache->remember_visitor_code_use(done.pass->id, now); !kept)
            spdlog::warn("visitors: code use not remembered: {}", store::to_string(kept.error().code));
        ctx.pull_now();
    }
    return done;
}

// Sends with the same Idempotency-Key until an answer comes: a lost answer
// never makes a second registration.
net::ApiReply send_once(net::LiveContext& ctx, const char* path, const nlohmann::json& body, const std::string& key)
{
    net::ApiReply r;
    for (int attempt = 1; attempt <= send_attempts; ++attempt) {
        r = ctx.api.send("POST", path, body.dump(), key);
        if (r.judged.verdict != net::Verdict::retry)
            return r;
        spdlog::info("visitors: attempt {} failed ({})", attempt, r.summary());
        if (attempt == 1)
            ctx.pull_now();
        if (attempt < send_attempts && !ctx.pause(retry_delay_ms * attempt))
            break;
    }
    return r;
}

std::any perform(const std::any& call, net::LiveContext& ctx)
{
    const VisitorsCall* c = std::any_cast<VisitorsCall>(&call);
    if (!c)
        return {};
    return std::visit(
        [&](const auto& typed) -> std::any {
            using T = std::decay_t<decltype(typed)>;
            if constexpr (std::is_same_v<T, CallRedeem>) {
                return VisitorsAnswer{redeem(typed, ctx)};
            } else if constexpr (std::is_same_v<T, CallRegister>) {
                const nlohmann::json body = visitor_request(typed.form);
                return VisitorsAnswer{read_pass(send_once(ctx, "/v1/visitors", body, typed.idempotency_key))};
            } else if constexpr (std::is_same_v<T, CallPollPass>) {
                const net::ApiReply r = ctx.api.send("GET", "/v1/visitors/" + typed.pass_id);
                if (r.judged.verdict == net::Verdict::retry)
                    ctx.pull_now();
                return VisitorsAnswer{read_pass(r)};
            } else if constexpr (std::is_same_v<T, CallRequestRelease>) {
                const nlohmann::json body = move_out_request(typed);
                return VisitorsAnswer{read_release(send_once(ctx, "/v1/move-outs", body, typed.idempotency_key))};
            } else {
                const nlohmann::json body = p::MoveOutStatusRequest{typed.release_code};
                const net::ApiReply r = ctx.api.send("POST", "/v1/move-outs/status", body.dump());
                if (r.judged.verdict == net::Verdict::retry)
                    ctx.pull_now();
                return VisitorsAnswer{read_release(r)};
            }
        },
        *c);
}

} // namespace

net::FeatureIo visitors_io()
{
    net::FeatureIo io;
    io.perform = perform;
    // The memo lives as long as the registry: units re-decoded only when they changed.
    auto memo = std::make_shared<household::UnitsMemo>();
    io.read_cache = [memo](store::Store& store, std::int64_t) { return std::any(VisitorsCache{memo->units(store)}); };
    // Offline code uses go to the outbox with the use itself
    // (Store::use_visitor_code_offline); nothing else is submitted.
    return io;
}

} // namespace kiosk::visitors
