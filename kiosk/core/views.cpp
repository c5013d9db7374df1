// Builds the view models from state, config, sync status and locale text.
#include "core/views.hpp"

#include "protocol/time.hpp"

#include <algorithm>
#include <stdexcept>


namespace kiosk {
namespace {

std::string clock_text(std::int64_t utc_s)
{
    return lobby::protocol::format_hh_mm_shanghai(utc_s);
}

class Texts {
public:
    Texts(const Catalog& catalog, Language language) : m_catalog(catalog), m_language(language) {}
    const std::string& operator()(std::string_view key) const { return m_catalog.text(m_language, key); }

private:
    const Catalog& m_catalog;
    Language m_language;
};

// Offline is known from the first failed request, even before any success.
NetworkState network_state(const SyncStatus& sync)
{
    if (sync.online)
        return sync.server_busy ? NetworkState::Busy : NetworkState::Online;
    return sync.offline_since_utc != 0 ? NetworkState::Offline : NetworkState::Connecting;
}

std::string network_text(const Texts& t, const SyncStatus& sync, NetworkState state)
{
    std::string text;
    switch (state) {
    case NetworkState::Connecting: text = t("net.connecting"); break;
    case NetworkState::Online: text = t("net.online"); break;
    // A 401 is the office refusing this kiosk (not enrolled, revoked), not a busy system.
    case NetworkState::Busy: text = t(sync.unauthorized ? "net.not_accepted" : "net.busy"); break;
    case NetworkState::Offline:
        // Not "the network is down": someone must fix the CA file or the server.
        if (sync.server_untrusted) {
            text = t(sync.outbox_pending > 0 ? "net.untrusted_kept" : "net.untrusted");
            break;
        }
        // "Your submissions are kept" only when something is waiting.
        text = format_text(t(sync.outbox_pending > 0 ? "net.offline_since_kept" : "net.offline_since"),
                           {{"time", clock_text(sync.offline_since_utc)}});
        break;
    }
    if (sync.storage_full)
        text = t("net.storage_full") + "  " + text;
    if (sync.outbox_pending > 0)
        text += "  " + format_text(t("net.waiting"), {{"n", std::to_string(sync.outbox_pending)}});
    return text;
}

ChromeView build_chrome(const ViewInputs& in, const Texts& t)
{
    const PersonSession& session = in.state.session;
    ChromeView chrome;
    chrome.estate_name = in.cache.estate ? in.cache.estate->name.in(session.language) : in.config.estate_name;

    const lobby::protocol::LocalTime now = lobby::protocol::to_shanghai(in.now_utc_s);
    chrome.date_text = format_text(t("clock.date"), {{"y", std::to_string(now.year)},
                                                     {"d", std::to_string(now.day)},
                                                     {"month", t("month." + std::to_string(now.month))},
                                                     {"weekday", t("weekday." + std::to_string(now.weekday))}});
    chrome.time_text = clock_text(in.now_utc_s);

    chrome.network = network_state(in.sync);
    chrome.network_text = network_text(t, in.sync, chrome.network);
    // A shape as well as a colour, never colour alone.
    chrome.network_mark = t(chrome.network == NetworkState::Online    ? "net.mark_online"
                            : chrome.network == NetworkState::Busy    ? "net.mark_busy"
                            : chrome.network == NetworkState::Offline ? "net.mark_offline"
                                                                      : "net.mark_connecting");

    if (session.screen() == screen::admin)
        chrome.screen_title = t("admin.title");
    for (const FeatureCore& feature : in.features)
        if (feature.id == session.screen())
            chrome.screen_title = t(feature.title_key);
    chrome.show_nav = session.screen() != screen::home;
    chrome.back_label = t("nav.back");
    chrome.home_label = t("nav.home");
    for (Language language : all_languages)
        chrome.languages.push_back({language, in.catalog.text(language, "lang.self"), language == session.language});
    chrome.text_size_label = format_text(
        t("settings.text_size"),
        {{"scale", session.display.text_scale == TextScale::X1 ? "1" : session.display.text_scale == TextScale::X1_5 ? "1.5" : "2"}});
    chrome.speech_enabled = in.config.speech_enabled;
    chrome.speak_label = t("settings.speak");
    chrome.reader_label = t(session.screen_reader ? "settings.reader_on" : "settings.reader_off");
    chrome.screen_reader = session.screen_reader;
    if (chrome.speech_enabled && session.language != Language::En) {
        const bool cantonese =
            speech_voice_for(session.language, in.config, session.chinese_voice) == SpeechVoice::Cantonese;
        chrome.voice_shown = true;
        chrome.voice_label = t(cantonese ? "settings.voice_cantonese" : "settings.voice_mandarin");
        chrome.voice_next_label = t(cantonese ? "settings.voice_mandarin" : "settings.voice_cantonese");
    }
    chrome.more_label = t("common.more");
    chrome.display = session.display;

    if (in.state.asking_still_there) {
        chrome.idle.open = true;
        chrome.idle.title = t("idle.title");
        chrome.idle.body = format_text(t("idle.body"), {{"n", std::to_string(in.idle_seconds_left)}});
        chrome.idle.keep_label = t("idle.keep");
        chrome.idle.seconds = std::to_string(in.idle_seconds_left);
    }

    const PinPrompt& pin = session.pin;
    if (pin.open) {
        chrome.pin.open = true;
        chrome.pin.title = t("admin.pin_title");
        chrome.pin.dots = pin.entry.dots(false);
        chrome.pin.locked = pin.feedback == PinPrompt::Feedback::Locked && in.now_ms < pin.locked_until_ms;
        if (chrome.pin.locked) {
            std::int64_t seconds = (pin.locked_until_ms - in.now_ms + 999) / 1000;
            chrome.pin.message = format_text(t("admin.pin_locked"), {{"n", std::to_string(seconds)}});
        } else if (pin.feedback == PinPrompt::Feedback::Wrong) {
            chrome.pin.message = t("admin.pin_wrong");
        } else {
            chrome.pin.message = t("admin.pin_hint");
        }
        chrome.pin.ok_label = t("common.ok");
        chrome.pin.cancel_label = t("common.cancel");
        chrome.pin.erase_label = t("keypad.erase");
    }
    return chrome;
}

// The office may choose the services home shows (remote settings); the
// urgent actions (漏水, 火警 ...) stay whatever it chose.
bool shown_on_home(const KioskConfig& config, const FeatureId& id)
{
    return !config.home_services || std::find(config.home_services->begin(), config.home_services->end(), id) !=
                                        config.home_services->end();
}

const char* enrol_message_key(EnrolResult result)
{
    switch (result) {
    case EnrolResult::None: return "admin.enrol_hint";
    case EnrolResult::Sending: return "admin.enrol_sending";
    case EnrolResult::Enrolled: return "admin.enrol_done";
    case EnrolResult::UnknownCode: return "admin.enrol_unknown";
    case EnrolResult::Used: return "admin.enrol_used";
    case EnrolResult::Expired: return "admin.enrol_expired";
    case EnrolResult::TooMany: return "admin.enrol_too_many";
    case EnrolResult::Offline: return "admin.enrol_offline";
    case EnrolResult::NotSaved: return "admin.enrol_not_saved";
    case EnrolResult::Failed: return "admin.enrol_failed";
    }
    return "admin.enrol_failed";
}

EnrolDialogView build_enrol_dialog(const EnrolPrompt& enrol, const Texts& t)
{
    EnrolDialogView view;
    view.open = enrol.open;
    if (!view.open)
        return view;
    view.title = t(enrol.result == EnrolResult::Enrolled ? "admin.enrol_done_title" : "admin.enrol_title");
    // "1234 5678" with blanks to fill: the installer reads back what was typed.
    std::string code;
    for (std::size_t i = 0; i < enrolment_code_digits; ++i) {
        if (i == enrolment_code_digits / 2)
            code += "  ";
        code += i < enrol.entry.size() ? std::string(1, enrol.entry.digits()[i]) : std::string("_");
    }
    view.code_text = code;
    view.message = format_text(t(enrol_message_key(enrol.result)), {{"id", enrol.kiosk_id}});
    view.busy = enrol.result == EnrolResult::Sending;
    view.done = enrol.result == EnrolResult::Enrolled;
    view.error = !view.busy && !view.done && enrol.result != EnrolResult::None;
    view.can_submit = enrol.entry.full() && !view.busy && !view.done;
    view.ok_label = t("common.ok");
    view.cancel_label = t("common.cancel");
    view.close_label = t("admin.enrol_close");
    view.erase_label = t("keypad.erase");
    return view;
}

AdminView build_admin(const ViewInputs& in, const Texts& t)
{
    AdminView admin;
    auto time_or_never = [&](std::int64_t utc_s) { return utc_s > 0 ? clock_text(utc_s) : t("admin.never"); };
    // A refused token may be one typed by hand: the estate it names is said,
    // so a wrong or missing estate part shows.
    const std::string refused = in.sync.estate.empty()
                                    ? t("admin.credentials_refused")
                                    : format_text(t("admin.credentials_refused_estate"), {{"estate", in.sync.estate}});
    admin.rows = {
        {t("admin.kiosk_id"), in.config.kiosk_id},
        // Second: what an installer at an unenrolled or refused kiosk must see first.
        {t("admin.credentials"), !in.sync.has_token      ? t("admin.credentials_none")
                                 : in.sync.unauthorized ? refused
                                                        : t("admin.credentials_ok")},
        {t("admin.server_url"), in.config.server_url},
        {t("admin.sync_status"), network_text(t, in.sync, network_state(in.sync))},
        {t("admin.last_sync"), time_or_never(in.sync.last_sync_utc)},
        {t("admin.outbox"), format_text(t("admin.outbox_counts"), {{"pending", std::to_string(in.sync.outbox_pending)},
                                                                   {"failed", std::to_string(in.sync.outbox_failed)}})},
        {t("admin.version"), LOBBY_VERSION},
    };
    admin.credentials_problem = !in.sync.has_token || in.sync.unauthorized;
    admin.enrol_label = t("admin.enrol");
    admin.enrol = build_enrol_dialog(in.state.session.enrol, t);
    admin.exit_label = t("admin.exit");
    admin.confirming_exit = in.state.session.confirming_exit;
    if (admin.confirming_exit) {
        admin.confirm_title = t("admin.exit_confirm_title");
        admin.confirm_body = t("admin.exit_confirm_body");
        admin.confirm_yes = t("admin.exit_confirm_yes");
        admin.confirm_no = t("admin.exit_confirm_no");
    }
    return admin;
}

} // namespace

Views build_views(const ViewInputs& in)
{
    Texts t(in.catalog, in.state.session.language);
    Views views;
    views.screen = in.state.session.screen();
    views.chrome = build_chrome(in, t);
    for (const FeatureCore& feature : in.features)
        if (shown_on_home(in.config, feature.id))
            views.home.tiles.push_back({feature.id, feature.tile.widget_id, t(feature.tile.title_key), feature.tile.icon, {}});
    for (const FeatureCore& feature : in.features)
        if (feature.urgent)
            views.home.urgent.push_back(
                {feature.id, feature.urgent->widget_id, t(feature.urgent->title_key), feature.urgent->icon,
                 t(feature.urgent->short_title_key)});
    views.home.prompt = t(views.home.tiles.empty() ? "home.no_services" : "home.prompt");
    views.home.elderly_on = in.state.session.display.elderly;
    views.home.elderly_label = t(views.home.elderly_on ? "home.elderly_on" : "home.elderly_off");
    views.admin = build_admin(in, t);
    const bool on_home = views.screen == screen::home;
    for (const FeatureCore& feature : in.features) {
        static const std::any no_cache, no_state;
        auto cache = in.cache.features.find(feature.id);
        auto state = in.state.session.features.find(feature.id);
        if (state == in.state.session.features.end() && feature.id == in.state.session.screen())
            throw std::out_of_range("no state for the open feature " + feature.id);
        const FeatureViewInputs feature_in{state == in.state.session.features.end() ? no_state : state->second,
                                           cache == in.cache.features.end() ? no_cache : cache->second,
                                           in.config,
                                           in.catalog,
                                           in.state.session.language,
                                           in.sync,
                                           in.now_utc_s,
                                           in.now_ms,
                                           in.state.session.display.elderly};
        if (feature.home_banner && views.home.banner_feature.empty()) {
            if (std::optional<HomeBanner> banner = feature.home_banner(feature_in)) {
                views.home.banner_label = banner->label;
                views.home.banner_title = banner->title;
                views.home.banner_body = banner->body;
                views.home.banner_feature = feature.id;
                views.home.banner_item = banner->item;
            }
        }
        if (on_home && in.state.attract_slide >= 0 && feature.build_attract && views.attract.empty()) {
            std::any slide = feature.build_attract(feature_in, in.state.attract_slide);
            if (slide.has_value()) {
                views.attract = feature.id;
                views.attract_view = std::move(slide);
            }
        }
        if (feature.id == in.state.session.screen()) {
            views.feature = feature.id;
            views.feature_view = feature.build_view(feature_in);
        }
    }
    return views;
}

} // namespace kiosk
