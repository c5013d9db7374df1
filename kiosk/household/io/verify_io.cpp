// POST /v1/households/verify, the reading of a refusal, and the offline check.
#include "household/io/verify_io.hpp"

#include "protocol/decode.hpp"
#include "protocol/households.hpp"
#include "store/store.hpp"

#include <spdlog/spdlog.h>

namespace kiosk::household {
namespace p = lobby::protocol;

VerifyAnswer refused_verification(const net::ApiReply& r)
{
    VerifyAnswer done;
    const std::int64_t until = r.error && r.error->locked_until ? *r.error->locked_until : 0;
    if (r.status() == 403) {
        done.outcome = Outcome::WrongDigits;
        done.attempts_left = r.error && r.error->attempts_left ? static_cast<int>(*r.error->attempts_left) : -1;
        done.locked_until_utc = until;
    } else if (r.status() == 429 && r.error && r.error->code == p::error_code::too_many_attempts) {
        done.outcome = Outcome::Wait;
        done.locked_until_utc = until;
    } else if (r.status() == 423) {
        done.outcome = Outcome::Locked;
        done.locked_until_utc = until;
    } else if (r.status() == 404) {
        done.outcome = Outcome::UnknownUnit;
    } else {
        spdlog::warn("household: verification refused: {} {}", r.summary(), r.error ? r.error->code : std::string());
    }
    return done;
}

VerifyAnswer offline_check(store::Store* store, const std::string& unit_id, const std::string& last4)
{
    VerifyAnswer done;
    done.offline = true;
    done.outcome = Outcome::NotCached;
    if (!store)
        return done;
    auto unit = store->record("units", unit_id);
    if (!unit || !unit.value())
        return done;
    auto verified = store->verify_phone_last4(unit_id, last4);
    if (!verified) {
        // not_found: the unit came without verifiers for this kiosk (no
        // enrolled key): digits cannot be checked offline.
        done.outcome = verified.error().code == store::StoreErrc::not_found ? Outcome::NoOfflineCheck : Outcome::ServerError;
        return done;
    }
    if (!verified.value()) {
        done.outcome = Outcome::WrongDigits;
        done.attempts_left = -1;  // the kiosk's own count decides
        return done;
    }
    done.outcome = Outcome::Ok;
    return done;
}

HouseholdVerified verify_household(const CallVerifyHousehold& call, net::LiveContext& ctx)
{
    p::HouseholdVerifyRequest request{call.attempt.unit_id, call.attempt.last4, std::nullopt};
    if (!call.attempt.session_id.empty())
        request.session_id = call.attempt.session_id;
    const nlohmann::json body = request;
    const net::ApiReply r = ctx.api.send("POST", "/v1/households/verify", body.dump());
    HouseholdVerified done;
    if (r.judged.verdict == net::Verdict::retry) {
        spdlog::info("household: verification got no usable answer ({}), checking the cache", r.summary());
        ctx.pull_now();  // the sync worker finds out too: the header says offline
        done.answer = offline_check(ctx.cache, call.attempt.unit_id, call.attempt.last4);
        return done;
    }
    if (r.judged.verdict != net::Verdict::success) {
        done.answer = refused_verification(r);
        return done;
    }
    auto result = p::decode_text<p::HouseholdVerification>(r.http.body);
    if (!result || result.value().unit_id != call.attempt.unit_id) {
        spdlog::warn("household: unreadable verification answer");
        return done;  // ServerError
    }
    done.answer.outcome = Outcome::Ok;
    done.answer.token = result.value().verification_token;
    done.owner_masked = result.value().owner_masked;
    done.expires_utc = result.value().expires_at;
    return done;
}

} // namespace kiosk::household
