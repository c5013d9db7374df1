// The verification steps: digits, the attempt, what its answer means under
// the kiosk's guard, the countdowns, and the keypad's view.
#include "household/core/verification.hpp"

#include "protocol/time.hpp"
#include "protocol/uuid.hpp"

#include <algorithm>
#include <climits>

namespace kiosk::household {
namespace {

constexpr std::int64_t countdown_tick_ms = 500;  // a seconds countdown stays on time

void show_wait(Verification& v, std::int64_t retry_at_utc, const FeatureContext& ctx)
{
    v.notice = Notice::Wait;
    v.retry_at_utc = retry_at_utc;
    v.countdown_tick_ms = ctx.now_ms + countdown_tick_ms;
}

void show_locked(Verification& v, std::int64_t until_utc, const FeatureContext& ctx)
{
    v.notice = Notice::Locked;
    v.locked_until_utc = until_utc;
    v.countdown_tick_ms = ctx.now_ms + countdown_tick_ms;
}

} // namespace

Verification start_over(Verification& old)
{
    Verification fresh;
    fresh.session_id = std::move(old.session_id);
    fresh.tries = std::move(old.tries);
    return fresh;
}

Verifier::Verifier(GuardRules rules, std::shared_ptr<LockoutBook> book)
    : m_guard(rules, book ? std::move(book) : std::make_shared<MemoryLockoutBook>())
{
}

GuardRules Verifier::rules_from(const KioskConfig& config)
{
    return GuardRules{config.fees_free_tries, config.fees_delay_s, config.fees_lockout_failures,
                      config.fees_lockout_window_s, config.fees_lockout_s};
}

void Verifier::begin(Verification& v, const std::string& unit_id, const FeatureContext& ctx) const
{
    v.unit_id = unit_id;
    v.digits.clear();
    v.notice = Notice::None;
    v.countdown_tick_ms = 0;
    v.verified_unit_id.clear();
    v.token.clear();
    // Back at a unit this person is waiting for: the countdown, not a keypad.
    if (const auto it = v.tries.find(unit_id); it != v.tries.end() && it->second.retry_at_utc > ctx.now_utc_s)
        show_wait(v, it->second.retry_at_utc, ctx);
}

void Verifier::key(Verification& v, char key) const
{
    v.digits.press(key);
    // A new try has begun: the last one's "wrong number" no longer applies.
    // (A wait or a lock keeps counting down.)
    if (v.notice == Notice::WrongDigits || v.notice == Notice::ServerError)
        v.notice = Notice::None;
}

std::optional<VerifyAttempt> Verifier::submit(Verification& v, const FeatureContext& ctx) const
{
    if (!v.digits.full())
        return std::nullopt;
    // A unit locked on this kiosk is still asked about: online the server
    // decides (staff may have lifted its lock); offline answers are refused
    // in answered() while the kiosk's own lock runs.
    if (const std::int64_t retry_at = v.tries[v.unit_id].retry_at_utc; retry_at > ctx.now_utc_s) {
        v.digits.clear();
        show_wait(v, retry_at, ctx);
        return std::nullopt;
    }
    if (v.session_id.empty())
        v.session_id = lobby::protocol::make_uuid_v4();
    v.verified_unit_id.clear();
    v.token.clear();  // a new verification: the old proof no longer counts
    v.notice = Notice::None;
    v.countdown_tick_ms = 0;
    return VerifyAttempt{v.unit_id, v.digits.take(), v.session_id};
}

bool Verifier::answered(Verification& v, const VerifyAnswer& e, const FeatureContext& ctx)
{
    SessionTries& tries = v.tries[v.unit_id];
    if (const std::int64_t until = e.offline ? m_guard.locked_until(v.unit_id, ctx.now_utc_s) : 0) {
        // Offline while the unit is locked here: the cache's verdict is not
        // used, right or wrong, and not counted.
        show_locked(v, until, ctx);
        return false;
    }
    switch (e.outcome) {
    case Outcome::Ok:
        m_guard.success(tries, v.unit_id);
        v.notice = Notice::None;
        v.verified_unit_id = v.unit_id;
        v.token = e.token;
        return true;
    case Outcome::WrongDigits: {
        // The kiosk counts every wrong try itself (offline there is no
        // server count); the stricter of its verdict and the server's holds.
        const AfterWrongTry after = m_guard.failure(tries, v.unit_id, ctx.now_utc_s);
        const std::int64_t retry_at = std::max(after.retry_at_utc, e.locked_until_utc);
        if (after.locked_until_utc > 0) {
            show_locked(v, after.locked_until_utc, ctx);
        } else if (retry_at > ctx.now_utc_s) {
            tries.retry_at_utc = retry_at;
            show_wait(v, retry_at, ctx);
        } else {
            v.notice = Notice::WrongDigits;
            v.attempts_left = e.attempts_left >= 0 ? std::min(after.free_left, e.attempts_left) : after.free_left;
        }
        return false;
    }
    case Outcome::Wait:
        tries.retry_at_utc = std::max(tries.retry_at_utc, e.locked_until_utc);
        show_wait(v, tries.retry_at_utc, ctx);
        return false;
    case Outcome::Locked:
        m_guard.server_locked(v.unit_id, e.locked_until_utc);
        show_locked(v, e.locked_until_utc, ctx);
        return false;
    case Outcome::UnknownUnit: v.notice = Notice::UnknownUnit; return false;
    case Outcome::NotCached: v.notice = Notice::NotCached; return false;
    case Outcome::NoOfflineCheck: v.notice = Notice::NoOfflineCheck; return false;
    case Outcome::ServerError: break;
    }
    v.notice = Notice::ServerError;
    return false;
}

void Verifier::leave(Verification& v) const
{
    v.digits.clear();
    v.notice = Notice::None;
}

bool Verifier::on_tick(Verification& v, const FeatureContext& ctx) const
{
    if (v.countdown_tick_ms == 0 || ctx.now_ms < v.countdown_tick_ms)
        return false;
    // A wait or lock counting down: redraw until it ends, then once more to
    // give the keypad back.
    const std::int64_t until = v.notice == Notice::Wait     ? v.retry_at_utc
                               : v.notice == Notice::Locked ? v.locked_until_utc
                                                            : 0;
    v.countdown_tick_ms = until > ctx.now_utc_s ? ctx.now_ms + countdown_tick_ms : 0;
    return true;
}

std::int64_t Verifier::next_tick_ms(const Verification& v) const
{
    return v.countdown_tick_ms > 0 ? v.countdown_tick_ms : INT64_MAX;
}

KeypadView build_keypad_view(const Verification& v, bool busy, const std::string& unit_label,
                             const FeatureViewInputs& in, const std::string& id_prefix)
{
    const auto t = [&in](std::string_view key, std::initializer_list<std::pair<std::string_view, std::string_view>> args = {}) {
        return format_text(in.catalog.text(in.language, key), args);
    };
    KeypadView view;
    view.keypad_id = id_prefix + ".key";
    view.unit_label = unit_label;
    view.prompt = t("household.ask_digits");
    view.dots = v.digits.dots(true);
    view.erase_label = t("keypad.erase");
    view.submit_label = t("household.verify");
    view.can_submit = v.digits.full() && !busy;
    view.busy = busy;
    view.busy_text = t("household.checking");

    const bool locked = v.notice == Notice::Locked && v.locked_until_utc > in.now_utc_s;
    const bool waiting = v.notice == Notice::Wait && v.retry_at_utc > in.now_utc_s;
    view.keypad_enabled = !locked && !waiting;
    view.message_is_problem = v.notice != Notice::None;
    switch (v.notice) {
    case Notice::WrongDigits: view.message = t("household.wrong_digits", {{"n", std::to_string(v.attempts_left)}}); break;
    case Notice::Wait:
        // A countdown in whole seconds; the keypad comes back when it ends.
        view.message = waiting ? t("household.wait", {{"s", std::to_string(v.retry_at_utc - in.now_utc_s)}}) : std::string();
        view.message_is_problem = waiting;
        break;
    case Notice::Locked:
        view.message = locked ? t("household.locked", {{"time", lobby::protocol::format_hh_mm_shanghai(v.locked_until_utc)}})
                              : std::string();
        view.message_is_problem = locked;
        break;
    case Notice::UnknownUnit: view.message = t("household.unknown_unit"); break;
    case Notice::NotCached: view.message = t("household.not_cached"); break;
    case Notice::NoOfflineCheck: view.message = t("household.no_offline_check"); break;
    case Notice::ServerError: view.message = t("household.server_error"); break;
    case Notice::None: view.message_is_problem = false; break;
    }
    return view;
}

} // namespace kiosk::household
