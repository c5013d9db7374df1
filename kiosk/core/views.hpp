// View models: ready-to-draw text and flags for each screen, rebuilt only
// when the app state, the sync status or the minute changes.
#pragma once

#include "core/app_state.hpp"
#include "core/cached_data.hpp"
#include "core/config.hpp"
#include "core/locale.hpp"
#include "core/sync_status.hpp"

#include <string>
#include <vector>

namespace kiosk {

// Busy: the office server answers, but with errors or unreadable bodies.
enum class NetworkState { Connecting, Online, Busy, Offline };

struct LanguageChoice {
    Language language;
    std::string label;  // each language names itself: 简体, 繁體, EN
    bool selected = false;
};

struct IdleDialogView {
    bool open = false;
    std::string title, body, keep_label;
};

struct PinDialogView {
    bool open = false;
    std::string title, dots, message, ok_label, cancel_label, erase_label;
    bool locked = false;
};

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
    std::string text_size_label, elderly_label;
    bool elderly_on = false;
    DisplayMode display;
    IdleDialogView idle;
    PinDialogView pin;
};

struct HomeTile {
    ScreenId screen;    // the feature it opens
    std::string id;     // stable widget id, e.g. "home.tile.fees"
    std::string label;
};

struct HomeView {
    std::string banner_label;                 // "紧急通知"
    std::string banner_title, banner_body;    // the newest urgent notice; empty if none
    std::string prompt;           // what to do here, in plain words
    std::vector<HomeTile> tiles;  // one per registered feature: nothing fake
};

struct AdminRow {
    std::string label, value;
};

struct AdminView {
    std::vector<AdminRow> rows;
    std::string exit_label;
};

struct Views {
    ScreenId screen = screen::home;  // what is open
    ChromeView chrome;
    HomeView home;
    AdminView admin;
    FeatureId feature;     // the open feature's id, empty on home and admin
    std::any feature_view; // its view model (FeatureCore::build_view)
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
