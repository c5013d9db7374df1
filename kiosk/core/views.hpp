// View models: ready-to-draw text and flags for each screen, rebuilt only
// when the app state, the sync status or the minute changes.
#pragma once

#include "core/app_state.hpp"
#include "core/cached_data.hpp"
#include "core/config.hpp"
#include "core/locale.hpp"
#include "core/sync_status.hpp"

#include <string>
#include <tuple>
#include <vector>

namespace kiosk {

// Busy: the office server answers, but with errors or unreadable bodies.
enum class NetworkState { Connecting, Online, Busy, Offline };

struct LanguageChoice {
    Language language;
    std::string label;  // each language names itself, briefly: 简体, 繁體, EN
    bool selected = false;
};
inline bool operator==(const LanguageChoice& a, const LanguageChoice& b)
{
    return std::tie(a.language, a.label, a.selected) ==
           std::tie(b.language, b.label, b.selected);
}
inline bool operator!=(const LanguageChoice& a, const LanguageChoice& b) { return !(a == b); }

struct IdleDialogView {
    bool open = false;
    std::string title, body, keep_label;
    std::string seconds;  // the countdown alone, drawn big in elderly mode
};
inline bool operator==(const IdleDialogView& a, const IdleDialogView& b)
{
    return std::tie(a.open, a.title, a.body, a.keep_label, a.seconds) ==
           std::tie(b.open, b.title, b.body, b.keep_label, b.seconds);
}
inline bool operator!=(const IdleDialogView& a, const IdleDialogView& b) { return !(a == b); }

struct PinDialogView {
    bool open = false;
    std::string title, dots, message, ok_label, cancel_label, erase_label;
    bool locked = false;
};
inline bool operator==(const PinDialogView& a, const PinDialogView& b)
{
    return std::tie(a.open, a.title, a.dots, a.message, a.ok_label, a.cancel_label, a.erase_label, a.locked) ==
           std::tie(b.open, b.title, b.dots, b.message, b.ok_label, b.cancel_label, b.erase_label, b.locked);
}
inline bool operator!=(const PinDialogView& a, const PinDialogView& b) { return !(a == b); }

// The frame around every screen: header, nav and settings bar, dialogs.
struct ChromeView {
    std::string estate_name, date_text, time_text;
    NetworkState network = NetworkState::Connecting;
    std::string network_text;
    std::string network_mark;  // ●, ▲, ×, ○
    std::string screen_title;  // empty on home
    bool show_nav = false;     // Back and Home (every screen but home)
    std::string back_label, home_label;
    std::vector<LanguageChoice> languages;
    std::string text_size_label;
    bool speech_enabled = false;          // the speaker and 读屏 buttons show
    std::string speak_label, reader_label;  // 朗读, 读屏
    bool screen_reader = false;           // 读屏 is on
    // 普通话 ⇄ 粤语 beside the speaker, for the Chinese screens only: the
    // voice reading now (voice_label) and its name in the other voice.
    bool voice_shown = false;
    std::string voice_label, voice_next_label;
    std::string more_label;               // "更多（{page}/{pages}）" for long choice lists in elderly mode
    DisplayMode display;
    IdleDialogView idle;
    PinDialogView pin;
};
inline bool operator==(const ChromeView& a, const ChromeView& b)
{
    return std::tie(a.estate_name, a.date_text, a.time_text, a.network, a.network_text, a.network_mark, a.screen_title, a.show_nav, a.back_label, a.home_label, a.languages, a.text_size_label, a.speech_enabled, a.speak_label, a.reader_label, a.screen_reader, a.voice_shown, a.voice_label, a.voice_next_label, a.more_label, a.display.text_scale, a.display.elderly, a.idle, a.pin) ==
           std::tie(b.estate_name, b.date_text, b.time_text, b.network, b.network_text, b.network_mark, b.screen_title, b.show_nav, b.back_label, b.home_label, b.languages, b.text_size_label, b.speech_enabled, b.speak_label, b.reader_label, b.screen_reader, b.voice_shown, b.voice_label, b.voice_next_label, b.more_label, b.display.text_scale, b.display.elderly, b.idle, b.pin);
}
inline bool operator!=(const ChromeView& a, const ChromeView& b) { return !(a == b); }

struct HomeTile {
    ScreenId screen;    // the feature it opens
    std::string id;     // stable widget id, e.g. "home.tile.fees"
    std::string label;
    std::string icon;   // icon name drawn beside the words ("credit-card")
    std::string short_label;  // urgent actions: the words when there is no room for `label`
};
inline bool operator==(const HomeTile& a, const HomeTile& b)
{
    return std::tie(a.screen, a.id, a.label, a.icon, a.short_label) ==
           std::tie(b.screen, b.id, b.label, b.icon, b.short_label);
}
inline bool operator!=(const HomeTile& a, const HomeTile& b) { return !(a == b); }

struct HomeView {
    std::string banner_label;                 // "紧急通知"
    std::string banner_title, banner_body;    // e.g. the newest urgent notice; empty if none
    FeatureId banner_feature;                 // whose banner it is, and what a tap opens
    std::string banner_item;
    std::string prompt;           // what to do here, in plain words
    std::vector<HomeTile> tiles;  // one per registered feature: nothing fake
    std::string elderly_label;    // the big 长者模式 switch
    bool elderly_on = false;
    std::vector<HomeTile> urgent;  // features' urgent actions (red, above the tiles)
};
inline bool operator==(const HomeView& a, const HomeView& b)
{
    return std::tie(a.banner_label, a.banner_title, a.banner_body, a.banner_feature, a.banner_item, a.prompt, a.tiles,
                    a.elderly_label, a.elderly_on, a.urgent) ==
           std::tie(b.banner_label, b.banner_title, b.banner_body, b.banner_feature, b.banner_item, b.prompt, b.tiles,
                    b.elderly_label, b.elderly_on, b.urgent);
}
inline bool operator!=(const HomeView& a, const HomeView& b) { return !(a == b); }

struct AdminRow {
    std::string label, value;
};
inline bool operator==(const AdminRow& a, const AdminRow& b)
{
    return std::tie(a.label, a.value) ==
           std::tie(b.label, b.value);
}
inline bool operator!=(const AdminRow& a, const AdminRow& b) { return !(a == b); }

// The enrolment code dialog: the digits typed so far (shown, so a typo is
// seen), what came of the last try, and whether OK may be pressed.
struct EnrolDialogView {
    bool open = false;
    std::string title, code_text, message;
    bool error = false;     // the message says something went wrong
    bool busy = false;      // sent; waiting for the office
    bool done = false;      // enrolled: only Close remains
    bool can_submit = false;
    std::string ok_label, cancel_label, close_label, erase_label;
};
inline bool operator==(const EnrolDialogView& a, const EnrolDialogView& b)
{
    return std::tie(a.open, a.title, a.code_text, a.message, a.error, a.busy, a.done, a.can_submit, a.ok_label,
                    a.cancel_label, a.close_label, a.erase_label) ==
           std::tie(b.open, b.title, b.code_text, b.message, b.error, b.busy, b.done, b.can_submit, b.ok_label,
                    b.cancel_label, b.close_label, b.erase_label);
}

struct AdminView {
    std::vector<AdminRow> rows;
    bool credentials_problem = false;  // no token, or the office refused it
    std::string enrol_label;           // 输入登记码
    EnrolDialogView enrol;
    std::string exit_label;
    bool confirming_exit = false;  // the "stop the kiosk?" dialog is open
    std::string confirm_title, confirm_body, confirm_yes, confirm_no;
};
inline bool operator==(const AdminView& a, const AdminView& b)
{
    return std::tie(a.rows, a.credentials_problem, a.enrol_label, a.enrol, a.exit_label, a.confirming_exit,
                    a.confirm_title, a.confirm_body, a.confirm_yes, a.confirm_no) ==
           std::tie(b.rows, b.credentials_problem, b.enrol_label, b.enrol, b.exit_label, b.confirming_exit,
                    b.confirm_title, b.confirm_body, b.confirm_yes, b.confirm_no);
}
inline bool operator!=(const AdminView& a, const AdminView& b) { return !(a == b); }

struct Views {
    ScreenId screen = screen::home;  // what is open
    ChromeView chrome;
    HomeView home;
    AdminView admin;
    FeatureId feature;     // the open feature's id, empty on home and admin
    std::any feature_view; // its view model (FeatureCore::build_view)
    FeatureId attract;     // whose attract slide shows full screen; empty: none
    std::any attract_view; // FeatureCore::build_attract
};

struct ViewInputs {
    const AppState& state;
    const std::vector<FeatureCore>& features;
    const KioskConfig& config;
    const Catalog& catalog;
    const SyncStatus& sync;
    const CachedData& cache;
    std::int64_t now_utc_s;
    std::int64_t now_ms;  // same clock as the controller's
    int idle_seconds_left;
};

Views build_views(const ViewInputs& in);

} // namespace kiosk
