// Idle timer, PIN guard and the controller's session rules.
#include "core/controller.hpp"
#include "core/feature_adapter.hpp"
#include "core/idle_timer.hpp"
#include "core/pin_guard.hpp"
#include "recording_effects.hpp"
#include "test_config.hpp"

#include <doctest/doctest.h>

using namespace kiosk;

namespace {

KioskConfig test_config()
{
    return test_kiosk_config();  // idle 60 s, 120 s elderly, countdown 20 s
}

void enter_pin(Controller& c, const char* pin, std::int64_t now)
{
    for (const char* p = pin; *p; ++p)
        c.apply(RequestPinKey{*p}, now);
    c.apply(RequestPinSubmit{}, now);
}

void open_pin_prompt(Controller& c, std::int64_t now)
{
    for (int i = 0; i < Controller::corner_taps_needed; ++i)
        c.apply(RequestCornerTap{}, now + i * 100);
}

} // namespace

TEST_CASE("idle timer: active, then asking with a countdown, then expired")
{
    IdleTimer timer;
    timer.touch(1000);
    CHECK(timer.phase(60'999, 60'000, 20'000) == IdleTimer::Phase::Active);
    CHECK(timer.phase(61'000, 60'000, 20'000) == IdleTimer::Phase::Asking);
    CHECK(timer.seconds_left(61'000, 60'000, 20'000) == 20);
    CHECK(timer.seconds_left(80'500, 60'000, 20'000) == 1);
    CHECK(timer.phase(81'000, 60'000, 20'000) == IdleTimer::Phase::Expired);
    // The loop sleeps until the dialog must appear, then wakes each second.
    CHECK(timer.next_change_ms(5'000, 60'000, 20'000) == 61'000);
    CHECK(timer.next_change_ms(61'000, 60'000, 20'000) == 62'000);
    CHECK(timer.next_change_ms(61'400, 60'000, 20'000) == 62'000);
}

TEST_CASE("PIN guard accepts the right PIN and locks after three wrong ones, longer each time")
{
    PinGuard guard(k_test_pin_hash);
    CHECK(guard.check("246810", 0) == PinGuard::Outcome::Accepted);
    CHECK(guard.check("000000", 0) == PinGuard::Outcome::Rejected);
    CHECK(guard.check("111111", 0) == PinGuard::Outcome::Rejected);
    CHECK(guard.check("222222", 0) == PinGuard::Outcome::LockedOut);
    // Locked: even the right PIN is refused until the lock ends.
    CHECK(guard.check("246810", 29'999) == PinGuard::Outcome::LockedOut);
    CHECK(guard.check("000000", 30'000) == PinGuard::Outcome::Rejected);
    CHECK(guard.check("000000", 30'000) == PinGuard::Outcome::Rejected);
    CHECK(guard.check("000000", 30'000) == PinGuard::Outcome::LockedOut);
    CHECK(guard.locked_until_ms() == 30'000 + 60'000);  // doubled
    CHECK(guard.check("246810", 90'000) == PinGuard::Outcome::Accepted);
}

TEST_CASE("PIN guard: a wrong PIN typed ten times never gets in and the lock stays capped")
{
    PinGuard guard(k_test_pin_hash);
    std::int64_t now = 0;
    for (int i = 0; i < 30; ++i) {
        auto outcome = guard.check("135791", now);
        CHECK(outcome != PinGuard::Outcome::Accepted);
        if (outcome == PinGuard::Outcome::LockedOut)
            now = guard.locked_until_ms();
    }
    CHECK(guard.locked_until_ms() - now <= PinGuard::longest_lock_ms);
}

TEST_CASE("PIN guard: a PIN shorter than six digits is wrong even when it is the hashed one, and counts")
{
    auto hash = hash_pin("24681");
    CHECK_FALSE(hash.ok());  // such a PIN cannot be set...
    // ...and a config made some other way with a 5-digit PIN never lets it in.
    // (A real Argon2id of "24681", made with libargon2 directly.)
    const char* five_digit_hash = "$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0$"
                                  "exhLmvdWNxHFGXqZUaWXSr8R/EtRGFWSxYiYj1cFeZM";
    PinGuard guard(five_digit_hash);
    CHECK(guard.check("24681", 0) == PinGuard::Outcome::Rejected);
    CHECK(guard.check("2468", 0) == PinGuard::Outcome::Rejected);
    CHECK(guard.check("", 0) == PinGuard::Outcome::LockedOut);
}

TEST_CASE("PIN guard: a made hash verifies, is salted, and a tampered one lets nobody in")
{
    auto made = hash_pin("13572468");
    REQUIRE(made.ok());
    CHECK(is_argon2id_hash(made.value()));
    CHECK(made.value().rfind("$argon2id$v=19$m=19456,t=2,p=1$", 0) == 0);
    auto again = hash_pin("13572468");
    REQUIRE(again.ok());
    CHECK(again.value() != made.value());  // a fresh salt each time
    CHECK(PinGuard(made.value()).check("13572468", 0) == PinGuard::Outcome::Accepted);
    CHECK(PinGuard(made.value()).check("13572469", 0) == PinGuard::Outcome::Rejected);

    // One character changed in the hash, in the salt, or in the cost.
    std::string hash_changed = k_test_pin_hash;
    hash_changed[hash_changed.size() - 2] = hash_changed[hash_changed.size() - 2] == 'A' ? 'B' : 'A';
    std::string salt_changed = k_test_pin_hash;
    const std::size_t salt_at = salt_changed.find("p=1$") + 4;
    salt_changed[salt_at] = salt_changed[salt_at] == 'A' ? 'B' : 'A';
    std::string cost_changed = k_test_pin_hash;
    cost_changed.replace(cost_changed.find("t=2"), 3, "t=1");
    for (const std::string& tampered : {hash_changed, salt_changed, cost_changed, std::string("$argon2id$garbage")})
        CHECK(PinGuard(tampered).check("246810", 0) == PinGuard::Outcome::Rejected);
}

TEST_CASE("five corner taps open the PIN prompt; four, or five too slowly, do not")
{
    KioskConfig config = test_config();
    RecordingEffects effects;
    Controller c(config, {}, effects);
    for (int i = 0; i < 4; ++i)
        c.apply(RequestCornerTap{}, i * 100);
    CHECK_FALSE(c.state().session.pin.open);
    c.apply(RequestCornerTap{}, 10'000);  // the first four have expired
    CHECK_FALSE(c.state().session.pin.open);
    open_pin_prompt(c, 20'000);
    CHECK(c.state().session.pin.open);
}

TEST_CASE("the right PIN opens admin; the screen cannot be opened without it")
{
    KioskConfig config = test_config();
    RecordingEffects effects;
    Controller c(config, {}, effects);
    c.apply(RequestOpenScreen{screen::admin}, 0);
    CHECK(c.state().session.screen() == screen::home);
    open_pin_prompt(c, 0);
    enter_pin(c, "111111", 1000);
    CHECK(c.state().session.pin.feedback == PinPrompt::Feedback::Wrong);
    CHECK(c.state().session.pin.entry.empty());
    enter_pin(c, "246810", 2000);
    CHECK_FALSE(c.state().session.pin.open);
    CHECK(c.state().session.screen() == screen::admin);
    c.apply(RequestExit{}, 3000);
    CHECK_FALSE(c.state().quit_requested);  // one stray tap does not stop the kiosk
    CHECK(c.state().session.confirming_exit);
    c.apply(RequestExitConfirm{}, 3500);
    CHECK(c.state().quit_requested);
}

TEST_CASE("exit asks first: cancel, Back and the idle timeout keep the kiosk running")
{
    KioskConfig config = test_config();
    RecordingEffects effects;
    Controller c(config, {}, effects);
    open_pin_prompt(c, 0);
    enter_pin(c, "246810", 1000);
    REQUIRE(c.state().session.screen() == screen::admin);
    c.apply(RequestExit{}, 2000);
    c.apply(RequestExitCancel{}, 2500);
    CHECK_FALSE(c.state().session.confirming_exit);
    c.apply(RequestExitConfirm{}, 3000);  // no question open: nothing to confirm
    CHECK_FALSE(c.state().quit_requested);
    c.apply(RequestExit{}, 3500);
    c.apply(RequestBack{}, 4000);
    CHECK_FALSE(c.state().session.confirming_exit);
    CHECK(c.state().session.screen() == screen::home);
    // The admin screen ends with the idle timeout like any other screen.
    open_pin_prompt(c, 5000);
    enter_pin(c, "246810", 6000);
    REQUIRE(c.state().session.screen() == screen::admin);
    c.on_touch(6500);
    c.apply(RequestExit{}, 6500);
    const std::int64_t later = 6500 + std::int64_t{config.idle_timeout_s + config.countdown_s} * 1000 + 1000;
    c.tick(later - 1000 * config.countdown_s);  // asks "still there?"
    c.tick(later);
    CHECK(c.state().session.screen() == screen::home);
    CHECK_FALSE(c.state().session.admin_unlocked);
    CHECK_FALSE(c.state().session.confirming_exit);
    CHECK_FALSE(c.state().quit_requested);
}

TEST_CASE("exit is refused unless admin was unlocked")
{
    KioskConfig config = test_config();
    RecordingEffects effects;
    Controller c(config, {}, effects);
    c.apply(RequestExit{}, 0);
    CHECK_FALSE(c.state().quit_requested);
}

TEST_CASE("idle: nobody to ask on a fresh home screen")
{
    KioskConfig config = test_config();
    RecordingEffects effects;
    Controller c(config, {}, effects);
    c.on_touch(0);
    c.tick(10 * 60'000);
    CHECK_FALSE(c.state().asking_still_there);
    // The only wake an idle home asks for is the attract screen's start.
    CHECK(c.next_tick_ms(0) == config.attract_after_s * 1000);
    config.attract_after_s = 0;
    Controller quiet(config, {}, effects);
    CHECK(quiet.next_tick_ms(0) == INT64_MAX);
}

TEST_CASE("idle: a person who walks away is asked, then everything is cleared")
{
    KioskConfig config = test_config();
    RecordingEffects effects;
    Controller c(config, {}, effects);
    c.on_touch(0);
    c.apply(RequestSetLanguage{Language::En}, 0);
    open_pin_prompt(c, 0);
    c.apply(RequestPinKey{'2'}, 500);
    c.tick(59'000);
    CHECK_FALSE(c.state().asking_still_there);
    c.tick(60'000);
    CHECK(c.state().asking_still_there);
    CHECK(c.idle_seconds_left(60'000) == 20);
    c.tick(80'000);
    CHECK_FALSE(c.state().asking_still_there);
    CHECK(c.state().session.language == Language::ZhCN);
    CHECK_FALSE(c.state().session.pin.open);
    CHECK(c.state().session.pin.entry.empty());
}

TEST_CASE("idle: answering 'still here' keeps everything")
{
    KioskConfig config = test_config();
    RecordingEffects effects;
    Controller c(config, {}, effects);
    c.on_touch(0);
    c.apply(RequestSetLanguage{Language::ZhHK}, 0);
    c.tick(65'000);
    REQUIRE(c.state().asking_still_there);
    c.apply(RequestStillHere{}, 65'000);
    c.tick(100'000);
    CHECK_FALSE(c.state().asking_still_there);
    CHECK(c.state().session.language == Language::ZhHK);
}

TEST_CASE("idle: elderly mode waits longer")
{
    KioskConfig config = test_config();
    RecordingEffects effects;
    Controller c(config, {}, effects);
    c.on_touch(0);
    c.apply(RequestToggleElderly{}, 0);
    CHECK(c.state().session.display.text_scale == TextScale::X2);
    c.tick(90'000);
    CHECK_FALSE(c.state().asking_still_there);
    c.tick(120'000);
    CHECK(c.state().asking_still_there);
}

TEST_CASE("elderly mode and 读屏 last for the person's session; the idle timeout brings back the kiosk's default")
{
    for (bool kiosk_default : {false, true}) {
        CAPTURE(kiosk_default);
        KioskConfig config = test_config();
        config.elderly_default = kiosk_default;
        RecordingEffects effects;
        Controller c(config, {}, effects);
        CHECK(c.state().session.display.elderly == kiosk_default);
        CHECK(c.state().session.display.text_scale == (kiosk_default ? TextScale::X2 : TextScale::X1));
        c.on_touch(0);
        c.apply(RequestToggleElderly{}, 0);
        c.apply(RequestToggleScreenReader{}, 0);
        CHECK(c.state().session.display.elderly != kiosk_default);
        CHECK(c.state().session.screen_reader);
        // Home is the same person: both stay.
        c.apply(RequestHome{}, 0);
        CHECK(c.state().session.display.elderly != kiosk_default);
        CHECK(c.state().session.screen_reader);
        // Walking away: the session counts as in use, times out, and the next
        // person gets the kiosk's default again.
        const std::int64_t timeout_ms = kiosk_default ? 60'000 : 120'000;  // the mode chosen decides
        c.tick(timeout_ms + 5'000);
        CHECK(c.state().asking_still_there);
        c.tick(timeout_ms + 25'000);
        CHECK(c.state().session.display.elderly == kiosk_default);
        CHECK_FALSE(c.state().session.screen_reader);
        CHECK_FALSE(c.state().asking_still_there);
    }
}

TEST_CASE("普通话 ⇄ 粤语: the person's voice for the Chinese screens lasts their session, the next person gets the kiosk's")
{
    KioskConfig config = test_config();
    config.speech_zh_cn = SpeechVoice::Mandarin;
    config.speech_zh_hk = SpeechVoice::Cantonese;
    RecordingEffects effects;
    Controller c(config, {}, effects);
    const auto voice = [&] { return speech_voice_for(c.state().session.language, config, c.state().session.chinese_voice); };
    CHECK(voice() == SpeechVoice::Mandarin);
    c.on_touch(0);
    c.apply(RequestToggleVoice{}, 0);
    CHECK(voice() == SpeechVoice::Cantonese);
    // The choice follows the person to the other Chinese screen; English has one voice.
    c.apply(RequestSetLanguage{Language::ZhHK}, 0);
    CHECK(voice() == SpeechVoice::Cantonese);
    c.apply(RequestToggleVoice{}, 0);
    CHECK(voice() == SpeechVoice::Mandarin);
    c.apply(RequestSetLanguage{Language::En}, 0);
    c.apply(RequestToggleVoice{}, 0);
    CHECK(voice() == SpeechVoice::English);
    c.apply(RequestSetLanguage{Language::ZhCN}, 0);
    CHECK(voice() == SpeechVoice::Mandarin);
    c.apply(RequestToggleVoice{}, 0);
    CHECK(voice() == SpeechVoice::Cantonese);
    // Home is the same person: the voice stays.
    c.apply(RequestHome{}, 0);
    CHECK(voice() == SpeechVoice::Cantonese);
    // A chosen voice alone keeps the session in use: it times out like any other.
    c.tick(60'000 + 5'000);
    CHECK(c.state().asking_still_there);
    c.tick(60'000 + 25'000);
    CHECK_FALSE(c.state().session.chinese_voice.has_value());
    CHECK(voice() == SpeechVoice::Mandarin);
    // And the zh-HK default (Cantonese) is the kiosk's again for the next person.
    c.apply(RequestSetLanguage{Language::ZhHK}, 100'000);
    CHECK(voice() == SpeechVoice::Cantonese);
}

TEST_CASE("a kiosk that starts in elderly mode does not ask an untouched screen whether anyone is there")
{
    KioskConfig config = test_config();
    config.elderly_default = true;
    RecordingEffects effects;
    Controller c(config, {}, effects);
    c.on_touch(0);
    c.tick(500'000);
    CHECK_FALSE(c.state().asking_still_there);
    // Nothing to wake for but the attract screen's next slide (one frame per
    // slide): idle CPU stays near zero.
    CHECK(c.next_tick_ms(500'000) == 500'000 + std::int64_t{config.attract_slide_s} * 1000);
}

TEST_CASE("Home keeps language and text size; changing language keeps the screen")
{
    KioskConfig config = test_config();
    RecordingEffects effects;
    Controller c(config, {}, effects);
    open_pin_prompt(c, 0);
    enter_pin(c, "246810", 0);
    c.apply(RequestCycleTextScale{}, 0);
    c.apply(RequestSetLanguage{Language::En}, 0);
    CHECK(c.state().session.screen() == screen::admin);
    c.apply(RequestHome{}, 0);
    CHECK(c.state().session.screen() == screen::home);
    CHECK(c.state().session.language == Language::En);
    CHECK(c.state().session.display.text_scale == TextScale::X1_5);
    CHECK_FALSE(c.state().session.admin_unlocked);
}

TEST_CASE("every change bumps the state version")
{
    KioskConfig config = test_config();
    RecordingEffects effects;
    Controller c(config, {}, effects);
    auto v = c.state().version;
    c.apply(RequestCycleTextScale{}, 0);
    CHECK(c.state().version > v);
}

namespace {

// A minimal feature for shell tests: its state counts requests.
struct CountingFeature {
    struct State {
        int taps = 0;
    };
    struct Request {};
    struct Answer {};
    struct View {
        int taps = 0;
        bool operator==(const View& o) const { return taps == o.taps; }
    };
    struct Cache {};
    void on_request(State& s, const Request&, FeatureContext&) { ++s.taps; }
    void on_answer(State&, std::uint64_t, const Answer&, FeatureContext&) {}
    bool on_tick(State&, FeatureContext&) { return false; }
    std::int64_t next_tick_ms(const State&) const { return INT64_MAX; }
    bool on_back(State&, FeatureContext&) { return false; }
    int min_idle_timeout_s(const State&) const { return 0; }
    View build_view(const State& s, const Cache&, const FeatureViewInputs&) const { return {s.taps}; }
};

FeatureCore counting(const char* id)
{
    return make_feature_core(std::make_shared<CountingFeature>(), id, HomeTileSpec{std::string("home.tile.") + id, "x", ""},
                             "x");
}

int taps(const Controller& c, const char* id)
{
    return typed_state<CountingFeature::State>(c.feature_state(id))->taps;
}

} // namespace

TEST_CASE("a person's session holds every feature's state and Home or the idle timeout clears all of them at once")
{
    const KioskConfig config = test_config();
    RecordingEffects effects;
    Controller c(config, {counting("a"), counting("b")}, effects);
    c.on_touch(0);
    c.apply(RequestOpenScreen{"a"}, 0);
    c.apply(FeatureRequest{"a", CountingFeature::Request{}}, 0);
    c.apply(FeatureRequest{"b", CountingFeature::Request{}}, 0);
    c.apply(FeatureRequest{"b", CountingFeature::Request{}}, 0);
    CHECK(taps(c, "a") == 1);
    CHECK(taps(c, "b") == 2);
    c.apply(RequestHome{}, 0);
    CHECK(taps(c, "a") == 0);
    CHECK(taps(c, "b") == 0);

    c.apply(RequestOpenScreen{"b"}, 1000);
    c.apply(FeatureRequest{"a", CountingFeature::Request{}}, 1000);
    c.apply(FeatureRequest{"b", CountingFeature::Request{}}, 1000);
    c.tick(60'000 + 20'000 + 1);  // no touch since 0: asked, then cleared
    CHECK(c.state().session.screen() == screen::home);
    CHECK(taps(c, "a") == 0);
    CHECK(taps(c, "b") == 0);
    // A request for a feature this kiosk does not have is ignored, and so is
    // opening its screen.
    c.apply(FeatureRequest{"nope", CountingFeature::Request{}}, 2000);
    c.apply(RequestOpenScreen{"nope"}, 2000);
    CHECK(c.state().session.screen() == screen::home);
}

TEST_CASE("elderly mode: at least 2x body text with line spacing of 1.3 or more, targets of 20 mm")
{
    KioskConfig config = test_config();
    RecordingEffects effects;
    Controller c(config, {}, effects);
    const ScreenMetrics metrics = ScreenMetrics::for_window(1080, 1920, config.screen_width_mm, config.screen_height_mm,
                                                            config.screen_lower_edge_mm);
    const DisplayMode normal = c.state().session.display;
    c.apply(RequestToggleElderly{}, 0);
    const DisplayMode elderly = c.state().session.display;
    CHECK(elderly.elderly);
    CHECK(metrics.body_px(elderly) >= 2 * metrics.body_px(normal));
    CHECK(metrics.target_px(elderly) >= metrics.mm(20));
}
