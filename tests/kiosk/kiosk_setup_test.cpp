// Enrolment at the admin screen and the office's remote settings, in the
// shell's core: the controller's dialog and call, the views' words, and the
// settings applied between people (issue 18).
#include "core/controller.hpp"
#include "core/remote_settings.hpp"
#include "core/views.hpp"
#include "features/fees/core/fees_feature.hpp"
#include "recording_effects.hpp"
#include "test_config.hpp"

#include <doctest/doctest.h>

using namespace kiosk;

namespace {

void unlock_admin(Controller& c, std::int64_t now)
{
    for (int i = 0; i < Controller::corner_taps_needed; ++i)
        c.apply(RequestCornerTap{}, now + i * 100);
    for (const char* p = "246810"; *p; ++p)
        c.apply(RequestPinKey{*p}, now);
    c.apply(RequestPinSubmit{}, now);
    REQUIRE(c.state().session.screen() == screen::admin);
}

void type(Controller& c, const char* digits)
{
    for (const char* p = digits; *p; ++p)
        c.apply(RequestEnrolKey{*p}, 0);
}

Catalog catalog()
{
    auto loaded = Catalog::load(std::string(LOBBY_SOURCE_DIR) + "/locale");
    REQUIRE(loaded.ok());
    return loaded.value();
}

} // namespace

TEST_CASE("enrolment: only from the unlocked admin screen; 8 digits go out as one call; each answer is said")
{
    KioskConfig config = test_kiosk_config();
    RecordingEffects effects;
    Controller c(config, {}, effects);
    c.apply(RequestEnrolOpen{}, 0);
    CHECK_FALSE(c.state().session.enrol.open);  // not without the PIN

    unlock_admin(c, 0);
    c.apply(RequestEnrolOpen{}, 0);
    REQUIRE(c.state().session.enrol.open);
    type(c, "1234567");
    c.apply(RequestEnrolSubmit{}, 0);
    CHECK(effects.calls.empty());  // 7 digits: nothing sent
    type(c, "89");                 // the 9th is ignored
    CHECK(c.state().session.enrol.entry.digits() == "12345678");
    c.apply(RequestEnrolSubmit{}, 0);
    c.apply(RequestEnrolSubmit{}, 0);  // a double tap sends once
    auto calls = effects.take_calls();
    REQUIRE(calls.size() == 1);
    CHECK(calls[0].feature == enrolment_call);
    CHECK(std::any_cast<EnrolCall>(calls[0].payload).code == "12345678");
    CHECK(c.state().session.enrol.result == EnrolResult::Sending);

    // A wrong code: said, the digits cleared for another try.
    c.apply_answer({calls[0].id, enrolment_call, EnrolAnswer{EnrolResult::UnknownCode, {}}}, 0);
    CHECK(c.state().session.enrol.result == EnrolResult::UnknownCode);
    CHECK(c.state().session.enrol.entry.empty());
    type(c, "87654321");
    CHECK(c.state().session.enrol.result == EnrolResult::None);
    c.apply(RequestEnrolSubmit{}, 0);
    calls = effects.take_calls();
    REQUIRE(calls.size() == 1);
    c.apply_answer({calls[0].id + 100, enrolment_call, EnrolAnswer{EnrolResult::Enrolled, "x"}}, 0);  // not ours
    CHECK(c.state().session.enrol.result == EnrolResult::Sending);
    c.apply_answer({calls[0].id, enrolment_call, EnrolAnswer{EnrolResult::Enrolled, "lobby-7"}}, 0);
    CHECK(c.state().session.enrol.result == EnrolResult::Enrolled);
    CHECK(c.state().session.enrol.kiosk_id == "lobby-7");
    c.apply(RequestEnrolClose{}, 0);
    CHECK_FALSE(c.state().session.enrol.open);
    CHECK(c.state().session.enrol.entry.empty());

    // Back from the admin screen closes an open dialog with what was typed.
    c.apply(RequestEnrolOpen{}, 0);
    type(c, "1234");
    c.apply(RequestBack{}, 0);
    CHECK_FALSE(c.state().session.enrol.open);
    CHECK(c.state().session.enrol.entry.empty());
}

TEST_CASE("enrolment: the admin screen says what came of it in each language, and the credentials' state")
{
    KioskConfig config = test_kiosk_config();
    const Catalog words = catalog();
    CachedData cache;
    RecordingEffects effects;
    Controller c(config, {}, effects);
    unlock_admin(c, 0);
    c.apply(RequestEnrolOpen{}, 0);
    SyncStatus sync;
    sync.has_token = false;
    auto views = [&] { return build_views({c.state(), {}, config, words, sync, cache, 0, 0, 0}); };
    CHECK(views().admin.credentials_problem);
    CHECK(views().admin.rows.at(1).value.find("尚未登记") != std::string::npos);
    CHECK(views().admin.enrol.code_text == "____  ____");
    CHECK_FALSE(views().admin.enrol.can_submit);
    type(c, "12345678");
    CHECK(views().admin.enrol.code_text == "1234  5678");
    CHECK(views().admin.enrol.can_submit);

    const std::pair<EnrolResult, const char*> said[] = {
        {EnrolResult::UnknownCode, "登记码不正确"}, {EnrolResult::Used, "已经用过"},  {EnrolResult::Expired, "已过期"},
        {EnrolResult::TooMany, "输错次数过多"},    {EnrolResult::Offline, "连不上"}, {EnrolResult::NotSaved, "无法保存"},
    };
    for (const auto& [result, words_cn] : said) {
        c.apply(RequestEnrolClose{}, 0);
        c.apply(RequestEnrolOpen{}, 0);
        type(c, "12345678");
        c.apply(RequestEnrolSubmit{}, 0);
        const auto call = effects.take_calls().at(0);
        c.apply_answer({call.id, enrolment_call, EnrolAnswer{result, {}}}, 0);
        CAPTURE(words_cn);
        CHECK(views().admin.enrol.message.find(words_cn) != std::string::npos);
        CHECK(views().admin.enrol.error);
    }
    c.apply(RequestSetLanguage{Language::En}, 0);
    CHECK(views().admin.enrol.message.find("Enter") == std::string::npos);
    CHECK(views().admin.enrol.message.find("cannot save") != std::string::npos);
    c.apply(RequestSetLanguage{Language::ZhHK}, 0);
    CHECK(views().admin.enrol.message.find("無法保存") != std::string::npos);

    sync.has_token = true;
    sync.unauthorized = true;  // revoked, or typed wrong by hand
    c.apply(RequestSetLanguage{Language::ZhCN}, 0);
    CHECK(views().admin.rows.at(1).value.find("不接受本机凭证：可能输入有误") != std::string::npos);
    // A token naming an estate (typed "e002.…" for e001): the estate is said.
    sync.estate = "e002";
    CHECK(views().admin.rows.at(1).value.find("凭证写的小区编号：e002") != std::string::npos);
    c.apply(RequestSetLanguage{Language::En}, 0);
    CHECK(views().admin.rows.at(1).value.find("(the estate it names: e002)") != std::string::npos);
    c.apply(RequestSetLanguage{Language::ZhHK}, 0);
    CHECK(views().admin.rows.at(1).value.find("憑證寫的小區編號：e002") != std::string::npos);
    c.apply(RequestSetLanguage{Language::ZhCN}, 0);
    sync.estate.clear();
    sync.online = true;
    sync.server_busy = true;  // what a 401 makes of the last answer
    CHECK(views().chrome.network_text.find("尚未被物业系统接受") != std::string::npos);
    CHECK(views().admin.credentials_problem);
    sync.unauthorized = false;
    CHECK(views().admin.rows.at(1).value == "有效");
    CHECK(views().chrome.network_text.find("繁忙") != std::string::npos);
    CHECK_FALSE(views().admin.credentials_problem);
}

TEST_CASE("remote settings: each present value wins over the file's; absent ones leave the file's")
{
    KioskConfig file = test_kiosk_config();
    file.idle_timeout_s = 60;
    file.idle_timeout_large_text_s = 120;
    CHECK(with_remote_settings(file, {}).idle_timeout_s == 60);
    RemoteSettings remote;
    remote.idle_timeout_s = 300;
    remote.language = Language::ZhHK;
    remote.elderly_default = true;
    remote.zh_cn_voice = SpeechVoice::Cantonese;
    remote.home_services = std::vector<std::string>{"fees"};
    const KioskConfig out = with_remote_settings(file, remote);
    CHECK(out.idle_timeout_s == 300);
    CHECK(out.idle_timeout_large_text_s == 300);  // elderly never shorter
    CHECK(out.default_language == Language::ZhHK);
    CHECK(out.elderly_default);
    CHECK(out.speech_zh_cn == SpeechVoice::Cantonese);
    CHECK(out.speech_zh_hk == file.speech_zh_hk);
    CHECK(speech_voice_for(Language::ZhCN, out) == SpeechVoice::Cantonese);
    REQUIRE(out.home_services);
    CHECK(*out.home_services == std::vector<std::string>{"fees"});
}

TEST_CASE("remote settings apply between people: an idle home at once, a person in use keeps theirs")
{
    KioskConfig config = test_kiosk_config();
    config.attract_after_s = 0;
    const KioskConfig file = config;
    RecordingEffects effects;
    Controller c(config, {}, effects);
    RemoteSettings remote;
    remote.language = Language::En;
    remote.idle_timeout_s = 30;

    // Untouched home: the new defaults now, and home is not "in use".
    config = with_remote_settings(file, remote);
    c.settings_changed();
    CHECK(c.state().session.language == Language::En);
    CHECK(c.next_tick_ms(0) == INT64_MAX);  // nothing to time out on an untouched home (attract is off)

    // A person chose 简体 and is busy: their session keeps the 30 s they started with...
    c.on_touch(0);
    c.apply(RequestSetLanguage{Language::ZhCN}, 0);
    remote.idle_timeout_s = 200;
    config = with_remote_settings(file, remote);
    c.settings_changed();
    CHECK(c.state().session.language == Language::ZhCN);
    c.tick(31'000);
    CHECK(c.state().asking_still_there);
    // ...and the next person gets 200 s.
    c.tick(31'000 + 20'000);
    CHECK(c.state().session.language == Language::En);
    c.on_touch(60'000);
    c.apply(RequestSetLanguage{Language::ZhHK}, 60'000);
    c.tick(60'000 + 199'000);
    CHECK_FALSE(c.state().asking_still_there);
    c.tick(60'000 + 200'000);
    CHECK(c.state().asking_still_there);
}

TEST_CASE("remote settings: home shows only the services the office chose, at once")
{
    KioskConfig config = test_kiosk_config();
    config.server_token = "t";
    const Catalog words = catalog();
    CachedData cache;
    SyncStatus sync;
    std::vector<FeatureCore> features{fees::fees_core(config)};
    AppState state;
    auto tiles = [&] { return build_views({state, features, config, words, sync, cache, 0, 0, 0}).home.tiles; };
    CHECK(tiles().size() == 1);
    config.home_services = std::vector<std::string>{"notices"};
    CHECK(tiles().empty());
    config.home_services = std::vector<std::string>{"notices", "fees"};
    REQUIRE(tiles().size() == 1);
    CHECK(tiles()[0].id == "home.tile.fees");
}
