// View models: network status in plain words with Shanghai times, the clock,
// and the home screen offering only features that exist.
#include "core/controller.hpp"
#include "protocol/time.hpp"
#include "core/views.hpp"
#include "features/fees/core/fees_feature.hpp"
#include "recording_effects.hpp"
#include "test_config.hpp"

#include <doctest/doctest.h>

using namespace kiosk;

namespace {

struct Fixture {
    KioskConfig config;
    Catalog catalog;
    CachedData cache;
    std::vector<FeatureCore> features{fees::fees_core(config)};
    Fixture()
    {
        config.server_token = "t";
        config.estate_name = "翠湖花园";
        config.admin_pin_hash = k_test_pin_hash;
        auto loaded = Catalog::load(std::string(LOBBY_SOURCE_DIR) + "/locale");
        REQUIRE(loaded.ok());
        catalog = loaded.value();
    }
    Views build(const AppState& state, const SyncStatus& sync, std::int64_t utc_s)
    {
        return build_views({state, features, config, catalog, sync, cache, utc_s, 0, 0});
    }
};

} // namespace

TEST_CASE("Shanghai time is UTC+8 across the date line")
{
    lobby::protocol::LocalTime t = lobby::protocol::to_shanghai(1795449600);  // 2026-11-23T16:00:00Z
    CHECK(t.year == 2026);
    CHECK(t.month == 11);
    CHECK(t.day == 24);
    CHECK(t.hour == 0);
    CHECK(t.weekday == 2);  // Tuesday
    lobby::protocol::LocalTime leap = lobby::protocol::to_shanghai(951782400);  // 2000-02-29T00:00:00Z
    CHECK(leap.month == 2);
    CHECK(leap.day == 29);
    CHECK(leap.hour == 8);
}

TEST_CASE("network status: connecting, online, offline since a Shanghai time, items waiting")
{
    Fixture f;
    AppState state;
    SyncStatus sync;
    CHECK(f.build(state, sync, 0).chrome.network == NetworkState::Connecting);

    sync.ever_connected = true;
    sync.online = true;
    CHECK(f.build(state, sync, 0).chrome.network_text == "网络正常");

    sync.online = false;
    sync.offline_since_utc = 1795449600 + 9 * 60;  // 00:09 in Shanghai
    sync.outbox_pending = 3;
    Views views = f.build(state, sync, 1795449600 + 3600);
    CHECK(views.chrome.network == NetworkState::Offline);
    CHECK(views.chrome.network_text.find("00:09") != std::string::npos);
    CHECK(views.chrome.network_text.find("3 项等待发送") != std::string::npos);
}

TEST_CASE("network status: a server answering 5xx or garbage is busy, not 网络正常")
{
    Fixture f;
    AppState state;
    SyncStatus sync;
    sync.ever_connected = true;
    sync.online = true;   // reached
    sync.server_busy = true;
    Views views = f.build(state, sync, 0);
    CHECK(views.chrome.network == NetworkState::Busy);
    CHECK(views.chrome.network_text == "物业系统繁忙，已提交的内容会保存并自动发送");
    CHECK(views.chrome.network_mark == "▲");   // a shape, not colour alone
    CHECK(views.chrome.network_text.find("网络正常") == std::string::npos);
}

TEST_CASE("offline says the submissions are kept only when something is waiting")
{
    Fixture f;
    AppState state;
    SyncStatus sync;
    sync.offline_since_utc = 1795449600 + 9 * 60;  // 00:09 in Shanghai
    Views empty = f.build(state, sync, 1795449600 + 3600);
    CHECK(empty.chrome.network == NetworkState::Offline);
    CHECK(empty.chrome.network_text == "网络中断（00:09 起）");
    CHECK(empty.chrome.network_mark == "×");
    sync.outbox_pending = 1;
    Views waiting = f.build(state, sync, 1795449600 + 3600);
    CHECK(waiting.chrome.network_text.find("提交的内容已保存") != std::string::npos);
}

TEST_CASE("a full disk is said in the header whatever the network does")
{
    Fixture f;
    AppState state;
    SyncStatus sync;
    sync.ever_connected = true;
    sync.online = true;
    sync.storage_full = true;
    Views views = f.build(state, sync, 0);
    CHECK(views.chrome.network_text.find("本机存储空间已满，请联系物业") == 0);
    CHECK(views.chrome.network_text.find("网络正常") != std::string::npos);
}

TEST_CASE("a server the kiosk does not trust is said as such in every language, not as a network outage")
{
    Fixture f;
    AppState state;
    SyncStatus sync;
    sync.offline_since_utc = 1795449600 + 9 * 60;
    sync.outbox_pending = 1;
    sync.server_untrusted = true;
    for (Language language : all_languages) {
        CAPTURE(std::string(language_code(language)));
        state.session.language = language;
        Views views = f.build(state, sync, 1795449600 + 3600);
        CHECK(views.chrome.network == NetworkState::Offline);
        CHECK(views.chrome.network_mark == f.catalog.text(language, "net.mark_offline"));
        CHECK(views.chrome.network_text.find(f.catalog.text(language, "net.untrusted_kept")) == 0);
        CHECK(views.chrome.network_text.find("00:09") == std::string::npos);   // not "network down since"
    }
    state.session.language = Language::ZhCN;
    CHECK(f.build(state, sync, 0).chrome.network_text.find("无法确认物业服务器的身份，已暂停连接；提交的内容已保存") == 0);
    sync.outbox_pending = 0;   // "what you submitted is saved" only when something waits
    CHECK(f.build(state, sync, 0).chrome.network_text == "无法确认物业服务器的身份，已暂停连接，请联系物业");
    sync.outbox_pending = 1;
    sync.server_untrusted = false;   // the next answer from a trusted server clears it
    CHECK(f.build(state, sync, 1795449600 + 3600).chrome.network_text.find("00:09") != std::string::npos);
}

TEST_CASE("the header shows the estate, the Shanghai clock and date")
{
    Fixture f;
    AppState state;
    Views views = f.build(state, SyncStatus{}, 1795449600 + 7 * 60);
    CHECK(views.chrome.estate_name == "翠湖花园");
    CHECK(views.chrome.time_text == "00:07");
    CHECK(views.chrome.date_text == "2026年11月24日 星期二");
}

TEST_CASE("views follow the person's language")
{
    Fixture f;
    AppState state;
    state.session.language = Language::En;
    Views views = f.build(state, SyncStatus{}, 1795449600);
    CHECK(views.chrome.back_label == "Back");
    CHECK(views.chrome.date_text == "Tue 24 Nov 2026");  // not the ambiguous 24/11
    for (const auto& choice : views.chrome.languages)
        CHECK(choice.selected == (choice.language == Language::En));
}

TEST_CASE("home offers one tile per registered feature, and says so plainly when there are none")
{
    Fixture f;
    AppState state;
    Views views = f.build(state, SyncStatus{}, 0);
    REQUIRE(views.home.tiles.size() == 1);
    CHECK(views.home.tiles[0].id == "home.tile.fees");
    CHECK(views.home.tiles[0].screen == "fees");
    CHECK(views.home.tiles[0].label == "物业缴费");

    f.features.clear();
    views = f.build(state, SyncStatus{}, 0);
    CHECK(views.home.tiles.empty());
    CHECK(views.home.prompt.find("物业服务中心") != std::string::npos);
}

TEST_CASE("the PIN shows as dots, never digits")
{
    Fixture f;
    AppState state;
    state.session.pin.open = true;
    for (char d : std::string("246"))
        state.session.pin.entry.press(d);
    Views views = f.build(state, SyncStatus{}, 0);
    CHECK(views.chrome.pin.dots == "●●●");
    CHECK(views.chrome.pin.dots.find('2') == std::string::npos);
}

TEST_CASE("the voice switch shows on the Chinese screens only, naming the voice that reads now")
{
    Fixture f;
    f.config.speech_enabled = true;
    RecordingEffects effects;
    Controller c(f.config, {}, effects);
    const SyncStatus sync;
    const auto chrome = [&] { return f.build(c.state(), sync, 0).chrome; };
    CHECK(chrome().voice_shown);
    CHECK(chrome().voice_label == "普通话");
    CHECK(chrome().voice_next_label == "粤语");
    c.apply(RequestToggleVoice{}, 0);
    CHECK(chrome().voice_label == "粤语");
    CHECK(chrome().voice_next_label == "普通话");
    c.apply(RequestSetLanguage{Language::ZhHK}, 0);
    CHECK(chrome().voice_label == "粵語");
    c.apply(RequestSetLanguage{Language::En}, 0);
    CHECK_FALSE(chrome().voice_shown);
    f.config.speech_enabled = false;
    c.apply(RequestSetLanguage{Language::ZhCN}, 0);
    CHECK_FALSE(chrome().voice_shown);
}
