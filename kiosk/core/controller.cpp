// Controller: shell request handlers, the idle-session rules, and routing of
// feature requests, answers and timers to the feature they belong to.
#include "core/controller.hpp"

#include "protocol/time.hpp"

#include <algorithm>

namespace kiosk {

Controller::Controller(const KioskConfig& config, std::vector<FeatureCore> features, Effects& effects)
    : m_config(config), m_features(std::move(features)), m_effects(effects), m_pin_guard(config.admin_pin_hash)
{
    reset_session();
}

const FeatureCore* Controller::find_feature(const FeatureId& id) const
{
    for (const FeatureCore& feature : m_features)
        if (feature.id == id)
            return &feature;
    return nullptr;
}

const std::any* Controller::feature_state(const FeatureId& id) const
{
    auto it = m_state.session.features.find(id);
    return it == m_state.session.features.end() ? nullptr : &it->second;
}

FeatureContext Controller::context_for(const FeatureCore& feature, std::int64_t now_ms)
{
    FeatureContext ctx(m_config, m_effects, feature.id, m_next_call_id, now_ms,
                       m_now_utc_s ? m_now_utc_s() : lobby::protocol::now_utc());
    ctx.elderly = m_state.session.display.elderly;
    return ctx;
}

void Controller::new_feature_states()
{
    // Every feature's state at once: one step clears all of a person's data.
    m_state.session.features.clear();
    for (const FeatureCore& feature : m_features)
        m_state.session.features.emplace(feature.id, feature.new_state());
}

void Controller::reset_session()
{
    m_state.session = PersonSession{};
    ++m_state.session_number;
    m_state.session.language = m_config.default_language;
    m_state.session.display = default_display();
    m_state.session.start_language = m_state.session.language;
    m_state.session.start_display = m_state.session.display;
    m_state.session.idle_timeout_s = m_config.idle_timeout_s;
    m_state.session.idle_timeout_large_text_s = m_config.idle_timeout_large_text_s;
    new_feature_states();
    m_state.asking_still_there = false;
    m_state.attract_slide = -1;
    m_corner_taps_ms.clear();
    changed();
}

void Controller::apply(const Request& request, std::int64_t now_ms)
{
    std::visit([&](const auto& r) { handle(r, now_ms); }, request);
}

void Controller::settings_changed()
{
    if (!session_in_use())
        reset_session();
    changed();
}

void Controller::apply_answer(const CallAnswer& answer, std::int64_t now_ms)
{
    if (answer.feature == enrolment_call) {
        EnrolPrompt& enrol = m_state.session.enrol;
        const auto* result = std::any_cast<EnrolAnswer>(&answer.payload);
        // Only the call this dialog waits for (the person may have left).
        if (!result || answer.id != enrol.call_id)
            return;
        enrol.call_id = 0;
        enrol.result = result->result;
        enrol.kiosk_id = result->kiosk_id;
        if (enrol.result != EnrolResult::Enrolled)
            enrol.entry.clear();
        changed();
        return;
    }
    const FeatureCore* feature = find_feature(answer.feature);
    if (!feature)
        return;
    FeatureContext ctx = context_for(*feature, now_ms);
    // An answer for a person who left finds a fresh state that waits for
    // nothing, and the feature drops it.
    feature->on_answer(m_state.session.features.at(feature->id), answer.id, answer.payload, ctx);
    changed();
}

void Controller::on_touch(std::int64_t now_ms)
{
    m_idle.touch(now_ms);
    if (m_state.attract_slide >= 0) {
        m_state.attract_slide = -1;
        changed();
    }
    // A touch anywhere answers "still there?", as its button does; otherwise
    // a tap on the dimmed background left the dialog counting at "0 秒".
    if (m_state.asking_still_there)
        handle(RequestStillHere{}, now_ms);
}

// What each new person starts with: the kiosk's default 长者模式 or not.
DisplayMode Controller::default_display() const
{
    DisplayMode display;
    display.elderly = m_config.elderly_default;
    display.text_scale = display.elderly ? TextScale::X2 : TextScale::X1;
    return display;
}

bool Controller::session_in_use() const
{
    const PersonSession& s = m_state.session;
    const DisplayMode& start = s.start_display;
    return s.stack.size() > 1 || s.pin.open || s.language != s.start_language ||
           s.display.text_scale != start.text_scale || s.display.elderly != start.elderly || s.screen_reader ||
           s.chinese_voice.has_value();
}

int Controller::attract_slide_at(std::int64_t now_ms) const
{
    if (m_config.attract_after_s <= 0 || session_in_use())
        return -1;
    const std::int64_t shown_ms = now_ms - m_idle.last_touch_ms() - std::int64_t{m_config.attract_after_s} * 1000;
    if (shown_ms < 0)
        return -1;
    return static_cast<int>(shown_ms / (std::int64_t{std::max(1, m_config.attract_slide_s)} * 1000));
}

std::int64_t Controller::next_attract_change_ms(std::int64_t now_ms) const
{
    if (m_config.attract_after_s <= 0)
        return INT64_MAX;
    const std::int64_t start = m_idle.last_touch_ms() + std::int64_t{m_config.attract_after_s} * 1000;
    const int slide = attract_slide_at(now_ms);
    // One wake per slide, none in between: the slide is drawn once and stays.
    return slide < 0 ? std::max(start, now_ms) : start + (slide + 1) * std::int64_t{std::max(1, m_config.attract_slide_s)} * 1000;
}

std::int64_t Controller::idle_timeout_ms() const
{
    // The timeouts the person's session started with (see settings_changed).
    const PersonSession& s = m_state.session;
    int seconds = s.display.elderly ? s.idle_timeout_large_text_s : s.idle_timeout_s;
    // A feature may need longer (a person paying on their phone is not
    // touching this screen): do not clear it from under them.
    for (const FeatureCore& feature : m_features)
        if (feature.min_idle_timeout_s)
            seconds = std::max(seconds, feature.min_idle_timeout_s(m_state.session.features.at(feature.id)));
    return std::int64_t{seconds} * 1000;
}

std::int64_t Controller::countdown_ms() const
{
    return std::int64_t{m_config.countdown_s} * 1000;
}

void Controller::tick(std::int64_t now_ms)
{
    if (!session_in_use()) {
        m_state.asking_still_there = false;
        if (const int slide = attract_slide_at(now_ms); slide != m_state.attract_slide) {
            m_state.attract_slide = slide;
            changed();
        }
        return;
    }
    switch (m_idle.phase(now_ms, idle_timeout_ms(), countdown_ms())) {
    case IdleTimer::Phase::Active:
        break;
    case IdleTimer::Phase::Asking:
        if (!m_state.asking_still_there) {
            m_state.asking_still_there = true;
            changed();
        }
        break;
    case IdleTimer::Phase::Expired:
        reset_session();
        return;
    }
    for (const FeatureCore& feature : m_features) {
        if (!feature.on_tick)
            continue;
        FeatureContext ctx = context_for(feature, now_ms);
        if (feature.on_tick(m_state.session.features.at(feature.id), ctx))
            changed();
    }
}

std::int64_t Controller::next_tick_ms(std::int64_t now_ms) const
{
    if (!session_in_use())
        return next_attract_change_ms(now_ms);
    std::int64_t next = m_idle.next_change_ms(now_ms, idle_timeout_ms(), countdown_ms());
    for (const FeatureCore& feature : m_features)
        if (feature.next_tick_ms)
            next = std::min(next, feature.next_tick_ms(m_state.session.features.at(feature.id)));
    return next;
}

int Controller::idle_seconds_left(std::int64_t now_ms) const
{
    return m_idle.seconds_left(now_ms, idle_timeout_ms(), countdown_ms());
}

void Controller::handle(const RequestOpenScreen& r, std::int64_t)
{
    if (r.screen == screen::admin && !m_state.session.admin_unlocked)
        return;  // only through the PIN
    if (r.screen != screen::home && r.screen != screen::admin && !find_feature(r.screen))
        return;  // no such service on this kiosk
    if (m_state.session.screen() != r.screen)
        m_state.session.stack.push_back(r.screen);
    changed();
}

void Controller::handle(const RequestBack&, std::int64_t now_ms)
{
    if (const FeatureCore* feature = find_feature(m_state.session.screen()); feature && feature->on_back) {
        FeatureContext ctx = context_for(*feature, now_ms);
        if (feature->on_back(m_state.session.features.at(feature->id), ctx)) {
            changed();
            return;
        }
    }
    if (m_state.session.stack.size() > 1)
        m_state.session.stack.pop_back();
    m_state.session.confirming_exit = false;  // Back answers the question too
    m_state.session.enrol = EnrolPrompt{};    // and closes the enrolment dialog, digits and all
    changed();
}

void Controller::handle(const RequestHome&, std::int64_t)
{
    // Home ends the person's visit on purpose, with what they entered, but
    // keeps the language and text size they chose.
    Language language = m_state.session.language;
    DisplayMode display = m_state.session.display;
    const bool screen_reader = m_state.session.screen_reader;
    const std::optional<SpeechVoice> chinese_voice = m_state.session.chinese_voice;
    const PersonSession before = std::move(m_state.session);
    m_state.session = PersonSession{};
    m_state.session.start_language = before.start_language;
    m_state.session.start_display = before.start_display;
    m_state.session.idle_timeout_s = before.idle_timeout_s;
    m_state.session.idle_timeout_large_text_s = before.idle_timeout_large_text_s;
    ++m_state.session_number;
    m_state.session.language = language;
    m_state.session.display = display;
    m_state.session.screen_reader = screen_reader;
    m_state.session.chinese_voice = chinese_voice;
    new_feature_states();
    changed();
}

void Controller::handle(const RequestSetLanguage& r, std::int64_t)
{
    m_state.session.language = r.language;
    changed();
}

void Controller::handle(const RequestCycleTextScale&, std::int64_t)
{
    m_state.session.display.text_scale = next_text_scale(m_state.session.display.text_scale);
    changed();
}

void Controller::handle(const RequestToggleElderly&, std::int64_t)
{
    DisplayMode& display = m_state.session.display;
    display.elderly = !display.elderly;
    display.text_scale = display.elderly ? TextScale::X2 : TextScale::X1;
    changed();
}

void Controller::handle(const RequestToggleScreenReader&, std::int64_t)
{
    m_state.session.screen_reader = !m_state.session.screen_reader;
    changed();
}

void Controller::handle(const RequestToggleVoice&, std::int64_t)
{
    PersonSession& s = m_state.session;
    if (s.language == Language::En)
        return;  // English has one voice
    const SpeechVoice now = speech_voice_for(s.language, m_config, s.chinese_voice);
    s.chinese_voice = now == SpeechVoice::Cantonese ? SpeechVoice::Mandarin : SpeechVoice::Cantonese;
    changed();
}

void Controller::handle(const RequestStillHere&, std::int64_t now_ms)
{
    m_idle.touch(now_ms);
    m_state.asking_still_there = false;
    changed();
}

void Controller::handle(const RequestCornerTap&, std::int64_t now_ms)
{
    m_corner_taps_ms.push_back(now_ms);
    while (!m_corner_taps_ms.empty() && now_ms - m_corner_taps_ms.front() > corner_tap_window_ms)
        m_corner_taps_ms.pop_front();
    if (static_cast<int>(m_corner_taps_ms.size()) >= corner_taps_needed) {
        m_corner_taps_ms.clear();
        m_state.session.pin = PinPrompt{};
        m_state.session.pin.open = true;
        if (m_pin_guard.locked(now_ms)) {
            m_state.session.pin.feedback = PinPrompt::Feedback::Locked;
            m_state.session.pin.locked_until_ms = m_pin_guard.locked_until_ms();
        }
        changed();
    }
}

void Controller::handle(const RequestPinKey& r, std::int64_t)
{
    PinPrompt& pin = m_state.session.pin;
    if (!pin.open)
        return;
    pin.entry.press(r.key);
    changed();
}

void Controller::handle(const RequestPinSubmit&, std::int64_t now_ms)
{
    PinPrompt& pin = m_state.session.pin;
    if (!pin.open)
        return;
    PinGuard::Outcome outcome = m_pin_guard.check(pin.entry.take(), now_ms);
    switch (outcome) {
    case PinGuard::Outcome::Accepted:
        pin = PinPrompt{};
        m_state.session.admin_unlocked = true;
        m_state.session.stack.push_back(screen::admin);
        break;
    case PinGuard::Outcome::Rejected:
        pin.feedback = PinPrompt::Feedback::Wrong;
        break;
    case PinGuard::Outcome::LockedOut:
        pin.feedback = PinPrompt::Feedback::Locked;
        pin.locked_until_ms = m_pin_guard.locked_until_ms();
        break;
    }
    changed();
}

void Controller::handle(const RequestPinCancel&, std::int64_t)
{
    m_state.session.pin = PinPrompt{};
    changed();
}

void Controller::handle(const RequestExit&, std::int64_t)
{
    if (m_state.session.admin_unlocked)
        m_state.session.confirming_exit = true;
    changed();
}

void Controller::handle(const RequestExitConfirm&, std::int64_t)
{
    if (m_state.session.admin_unlocked && m_state.session.confirming_exit)
        m_state.quit_requested = true;
    changed();
}

void Controller::handle(const RequestExitCancel&, std::int64_t)
{
    m_state.session.confirming_exit = false;
    changed();
}

void Controller::handle(const RequestEnrolOpen&, std::int64_t)
{
    if (!m_state.session.admin_unlocked)
        return;
    m_state.session.enrol = EnrolPrompt{};
    m_state.session.enrol.open = true;
    changed();
}

void Controller::handle(const RequestEnrolKey& r, std::int64_t)
{
    EnrolPrompt& enrol = m_state.session.enrol;
    if (!enrol.open || enrol.call_id != 0 || enrol.result == EnrolResult::Enrolled)
        return;
    if (enrol.entry.press(r.key) && enrol.result != EnrolResult::None)
        enrol.result = EnrolResult::None;  // typing again clears the last message
    changed();
}

void Controller::handle(const RequestEnrolSubmit&, std::int64_t)
{
    EnrolPrompt& enrol = m_state.session.enrol;
    if (!m_state.session.admin_unlocked || !enrol.open || enrol.call_id != 0 || !enrol.entry.full())
        return;
    enrol.call_id = m_next_call_id++;
    enrol.result = EnrolResult::Sending;
    m_effects.call(OnlineCall{enrol.call_id, enrolment_call, EnrolCall{enrol.entry.digits()}});
    changed();
}

void Controller::handle(const RequestEnrolClose&, std::int64_t)
{
    m_state.session.enrol = EnrolPrompt{};  // the digits go with it
    changed();
}

void Controller::handle(const RequestOpenItem& r, std::int64_t now_ms)
{
    const FeatureCore* feature = find_feature(r.feature);
    if (!feature || !feature->open_item)
        return;
    if (m_state.session.screen() != feature->id)
        m_state.session.stack.push_back(feature->id);
    FeatureContext ctx = context_for(*feature, now_ms);
    feature->open_item(m_state.session.features.at(feature->id), r.item, ctx);
    changed();
}

void Controller::handle(const RequestUrgent& r, std::int64_t now_ms)
{
    const FeatureCore* feature = find_feature(r.feature);
    if (!feature || !feature->urgent)
        return;
    handle(RequestOpenScreen{feature->id}, now_ms);
    handle(FeatureRequest{feature->id, feature->urgent->request()}, now_ms);
}

void Controller::handle(const FeatureRequest& r, std::int64_t now_ms)
{
    const FeatureCore* feature = find_feature(r.feature);
    if (!feature)
        return;
    FeatureContext ctx = context_for(*feature, now_ms);
    feature->on_request(m_state.session.features.at(feature->id), r.payload, ctx);
    changed();
}

} // namespace kiosk
