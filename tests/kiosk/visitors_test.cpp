// Visitors: the controller's flows driven by requests and the answers a live
// call would deliver (no network here), and what the views show.
#include "core/config.hpp"
#include "core/controller.hpp"
#include "core/feature_adapter.hpp"
#include "core/views.hpp"
#include "features/visitors/core/visitors_feature.hpp"
#include "recording_effects.hpp"
#include "test_config.hpp"

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::visitors;

namespace {

struct Kiosk {
    KioskConfig config = test_kiosk_config();
    RecordingEffects effects;
    Controller c;
    Catalog catalog;
    SyncStatus sync;
    std::int64_t utc = 1795449600;  // 2026-11-24 00:00 Shanghai
    Kiosk() : c(config, {visitors_core()}, effects)
    {
        c.set_utc_clock([this] { return utc; });
        auto loaded = Catalog::load(std::string(LOBBY_SOURCE_DIR) + "/locale");
        REQUIRE(loaded.ok());
        catalog = loaded.value();
        c.apply(RequestOpenScreen{feature_id}, 0);
    }
    const VisitorsSession& s() const { return *typed_state<VisitorsSession>(c.feature_state(feature_id)); }
    void apply(VisitorsRequest request, std::int64_t now = 0) { c.apply(FeatureRequest{feature_id, std::move(request)}, now); }
    void type(const std::string& digits)
    {
        for (char d : digits)
            apply(RequestKey{d});
    }
    // A courier for 3-2-1502 who typed a phone, now at the privacy notice.
    void courier_to_privacy()
    {
        apply(RequestErrand{Errand::WalkIn});
        apply(RequestPurpose{"courier"});
        apply(household::RequestBuilding{3});
        apply(household::RequestEntrance{2});
        apply(household::RequestRoom{"3-2-1502"});
        type("13912345678");
        apply(RequestSubmitDigits{});
    }
    void answer(std::uint64_t id, VisitorsAnswer answer, std::int64_t now = 0)
    {
        c.apply_answer(CallAnswer{id, feature_id, std::move(answer)}, now);
    }
    std::vector<std::pair<std::uint64_t, VisitorsCall>> take_calls()
    {
        std::vector<std::pair<std::uint64_t, VisitorsCall>> out;
        for (auto& call : effects.take_calls())
            out.emplace_back(call.id, std::any_cast<VisitorsCall>(call.payload));
        return out;
    }
    VisitorsView view(Language language = Language::ZhCN)
    {
        const std::vector<FeatureCore> features{visitors_core()};
        CachedData data;
        VisitorsCache cache;
        cache.units = {{"3-2-1502", 3, 2, 15, "1502", 128.3, "张*"}, {"5-3-2202", 5, 3, 22, "2202", 90, "王*"}};
        data.features[feature_id] = cache;
        AppState state = c.state();
        state.session.language = language;
        const Views views = build_views({state, features, config, catalog, sync, data, utc, 0, 60});
        REQUIRE(views.feature == feature_id);
        return std::any_cast<VisitorsView>(views.feature_view);
    }
};

PassInfo pass(const std::string& status = "valid", const std::string& kind = "pre_registered")
{
    return PassInfo{"V-1", "246810", kind, "3-2-1502", "李*", status, 1795449600 + 4 * 3600, false};
}

} // namespace

TEST_CASE("visitors: the code path is 3 taps after home: 访客登记, 我有访客码, the code, 确定 -> a welcome and a pass")
{
    Kiosk k;  // tap 1 (the home tile) opened the screen
    k.apply(RequestErrand{Errand::Code});  // tap 2
    k.type("2468");
    CHECK(!k.view().can_submit);  // 4 digits are no code
    k.type("10");
    CHECK(k.view().can_submit);
    k.apply(RequestSubmitDigits{});  // tap 3
    auto calls = k.take_calls();
    REQUIRE(calls.size() == 1);
    const auto* redeem = std::get_if<CallRedeem>(&calls[0].second);
    REQUIRE(redeem);
    CHECK(redeem->code == "246810");
    CHECK(k.s().code.empty());  // handed over, not kept
    CHECK(k.view().busy);
    k.answer(calls[0].first, PassDone{Outcome::Ok, pass(), 0});
    CHECK(k.s().step == VisitorsStep::Pass);
    const VisitorsView v = k.view();
    CHECK(v.headline == "欢迎，李* — 前往 3栋2单元");
    CHECK(v.code == "246810");
    CHECK(v.qr_payload == "LOBBY-PASS:246810");
    CHECK(v.lines[0] == "有效至 今天 04:00");
    CHECK(k.view(Language::En).headline == "Welcome, 李* — go to Building 3, entrance 2");
    CHECK(k.view(Language::ZhHK).headline == "歡迎，李* — 前往 3座2單元");
}

TEST_CASE("visitors: refusals of a code are said in words and the keypad stays; an 8-digit code is accepted too")
{
    Kiosk k;
    k.apply(RequestErrand{Errand::Code});
    const std::pair<Outcome, std::string> cases[] = {
        {Outcome::UnknownCode, "没有找到这个访客码"}, {Outcome::AlreadyUsed, "已经用过了"},
        {Outcome::Expired, "已过期"},               {Outcome::NotYetValid, "还没到生效时间"},
        {Outcome::NoOfflineCheck, "无法核对访客码"},  {Outcome::Offline, "网络暂时中断"},
        {Outcome::ServerError, "暂时出错"},
    };
    for (const auto& [outcome, words] : cases) {
        CAPTURE(words);
        k.type("12345678");
        k.apply(RequestSubmitDigits{});
        auto calls = k.take_calls();
        REQUIRE(calls.size() == 1);
        k.answer(calls[0].first, PassDone{outcome, std::nullopt, 0});
        CHECK(k.s().step == VisitorsStep::Code);
        CHECK(k.view().message.find(words) != std::string::npos);
        CHECK(k.view().message_is_problem);
        k.apply(RequestKey{'1'});
        CHECK(k.view().message.empty());  // a new try clears the last one's problem
        k.apply(RequestKey{'<'});
    }
    k.type("1234567");
    k.apply(RequestSubmitDigits{});  // 7 digits: no call
    CHECK(k.take_calls().empty());
}

TEST_CASE("visitors: an answer for a person who left is ignored")
{
    Kiosk k;
    k.apply(RequestErrand{Errand::Code});
    k.type("246810");
    k.apply(RequestSubmitDigits{});
    const auto calls = k.take_calls();
    k.c.apply(RequestHome{}, 0);
    k.c.apply(RequestOpenScreen{feature_id}, 0);
    k.answer(calls[0].first, PassDone{Outcome::Ok, pass(), 0});
    CHECK(k.s().step == VisitorsStep::Menu);
    CHECK(!k.s().pass);
}

TEST_CASE("visitors: the purpose decides what is asked: a courier is not asked how many people")
{
    Kiosk k;
    k.apply(RequestErrand{Errand::WalkIn});
    CHECK(k.view().choices.size() == 5);
    k.apply(RequestPurpose{"courier"});
    k.apply(household::RequestBuilding{3});
    k.apply(household::RequestEntrance{2});
    k.apply(household::RequestRoom{"3-2-1502"});
    CHECK(k.s().step == VisitorsStep::Phone);
    k.type("13912345678");
    CHECK(k.view().typed == "13912345678");
    k.apply(RequestSubmitDigits{});
    CHECK(k.s().step == VisitorsStep::Privacy);
    const VisitorsView v = k.view();
    CHECK(v.summary == "手机 139****5678 · 3栋2单元1502室 · 快递外卖");  // masked after entry
    CHECK(v.privacy_lines.size() == 3);

    CHECK(v.privacy_lines[0] == "记录什么：您的手机号、来访的住户、事由。不记录姓名。");
    k.apply(RequestPrivacy{true, {}});
    auto calls = k.take_calls();
    REQUIRE(calls.size() == 1);
    CHECK(std::get<CallRegister>(calls[0].second).form.surname.empty());
    CHECK(std::get<CallRegister>(calls[0].second).form.car_plate.empty());
}

TEST_CASE("visitors: which purposes ask the surname, how many and the car")
{
    for (const char* purpose : {"family", "helper", "renovation", "other"}) {
        const auto f = VisitorsFeature::walk_in_fields(purpose);
        CHECK(f.surname);
        CHECK(f.people);
        CHECK(f.car);
    }
    const auto courier = VisitorsFeature::walk_in_fields("courier");
    CHECK_FALSE(courier.surname);
    CHECK_FALSE(courier.people);
    CHECK_FALSE(courier.car);
}

TEST_CASE("visitors: a family visit gives a surname (shown masked) and a plate; both are sent once, then forgotten")
{
    Kiosk k;
    k.apply(RequestErrand{Errand::WalkIn});
    k.apply(RequestPurpose{"family"});
    k.apply(household::RequestRoom{"3-2-1502"});
    REQUIRE(k.s().step == VisitorsStep::Surname);
    CHECK(k.view().prompt == "请问您贵姓？只需输入姓氏");
    // Refused by the core too, whatever a screen sends: nothing, or more than a surname.
    k.apply(RequestSurname{"   "});
    CHECK(k.s().step == VisitorsStep::Surname);
    CHECK(k.view().message == "请只输入姓氏，最多10个字。");
    k.apply(RequestSurname{"一二三四五六七八九十一"});
    CHECK(k.s().step == VisitorsStep::Surname);
    // A compound surname is shown whole: 欧阳*, not 欧* (as if 阳 were a given name).
    k.apply(RequestSurname{"欧阳"});
    CHECK(k.s().step == VisitorsStep::Phone);
    k.c.apply(RequestBack{}, 0);
    CHECK(k.view().kept == "姓氏 欧阳*");
    k.apply(RequestSurname{" 李 "});
    CHECK(k.s().step == VisitorsStep::Phone);
    CHECK(k.s().walk_in.surname == "李");
    // Back to the surname: shown masked, the pad would open empty; 下一步 keeps it.
    k.c.apply(RequestBack{}, 0);
    REQUIRE(k.s().step == VisitorsStep::Surname);
    CHECK(k.view().kept == "姓氏 李*");
    CHECK(k.view().field_value.empty());
    CHECK(k.view().can_next);
    k.apply(RequestFieldKept{});
    CHECK(k.s().step == VisitorsStep::Phone);
    k.type("13912345678");
    k.apply(RequestSubmitDigits{});
    k.apply(RequestPeople{2});
    REQUIRE(k.s().step == VisitorsStep::Car);
    CHECK(k.view().choices.size() == 2);
    k.apply(RequestDriving{true});
    REQUIRE(k.s().step == VisitorsStep::Plate);
    k.apply(RequestPlate{"粤B1234"});
    CHECK(k.s().step == VisitorsStep::Plate);
    CHECK(k.view().message.find("车牌号不对") == 0);
    k.apply(RequestPlate{"粤BD12345"});
    REQUIRE(k.s().step == VisitorsStep::Privacy);
    const VisitorsView v = k.view();
    CHECK(v.summary == "姓氏 李* · 手机 139****5678 · 3栋2单元1502室 · 探亲访友 · 2人 · 车牌 粤BD12345");
    CHECK(v.summary.find("李 ") == std::string::npos);
    CHECK(v.privacy_lines[0] == "记录什么：您的姓氏、您的手机号、来访的住户、事由、人数、车牌号。只记姓氏，不记全名。");
    CHECK(k.view(Language::En).privacy_lines[0].find("your surname") != std::string::npos);
    k.apply(RequestPrivacy{true, {}});
    auto calls = k.take_calls();
    REQUIRE(calls.size() == 1);
    const WalkInForm& sent = std::get<CallRegister>(calls[0].second).form;
    CHECK(sent.surname == "李");
    CHECK(sent.car_plate == "粤BD12345");
    CHECK(sent.people == 2);
    k.answer(calls[0].first, PassDone{Outcome::Ok, pass("valid", "walk_in"), 0});
    CHECK(k.s().step == VisitorsStep::Pass);
    CHECK(k.s().walk_in.surname.empty());  // the office has it: the kiosk keeps none
    CHECK(k.s().walk_in.car_plate.empty());
    CHECK(k.s().walk_in.phone.empty());
    CHECK(k.view().headline == "欢迎，李* — 前往 3栋2单元");
    CHECK(k.take_calls().empty());
}

TEST_CASE("visitors: not driving skips the plate; a plate typed before 没有驾车 is not sent")
{
    Kiosk k;
    k.apply(RequestErrand{Errand::WalkIn});
    k.apply(RequestPurpose{"renovation"});
    k.apply(household::RequestRoom{"3-2-1502"});
    k.apply(RequestSurname{"欧阳"});
    k.type("13912345678");
    k.apply(RequestSubmitDigits{});
    k.apply(RequestPeople{1});
    k.apply(RequestDriving{true});
    k.apply(RequestPlate{"京A12345"});
    REQUIRE(k.s().step == VisitorsStep::Privacy);
    k.c.apply(RequestBack{}, 0);
    CHECK(k.s().step == VisitorsStep::Plate);
    k.c.apply(RequestBack{}, 0);
    REQUIRE(k.s().step == VisitorsStep::Car);
    k.apply(RequestDriving{false});
    REQUIRE(k.s().step == VisitorsStep::Privacy);
    CHECK(k.view().summary.find("车牌") == std::string::npos);
    k.apply(RequestPrivacy{true, {}});
    auto calls = k.take_calls();
    REQUIRE(calls.size() == 1);
    CHECK(std::get<CallRegister>(calls[0].second).form.car_plate.empty());
    CHECK(std::get<CallRegister>(calls[0].second).form.surname == "欧阳");
}

TEST_CASE("visitors: declining the privacy notice sends nothing and keeps nothing")
{
    Kiosk k;
    k.courier_to_privacy();
    k.apply(RequestPrivacy{false, {}});
    CHECK(k.s().step == VisitorsStep::Declined);
    CHECK(k.take_calls().empty());
    CHECK(k.effects.submissions.empty());
    CHECK(k.s().walk_in.phone.empty());
    CHECK(k.s().walk_in.unit_id.empty());
    CHECK(k.view().lines[0] == "您的信息没有保存，也没有发送。");
}

TEST_CASE("visitors: a walk-in waiting for the resident: polled, approved -> pass; a retry reuses the key")
{
    Kiosk k;
    k.courier_to_privacy();
    k.apply(RequestPrivacy{true, {}});
    auto calls = k.take_calls();
    REQUIRE(calls.size() == 1);
    const std::string key = std::get<CallRegister>(calls[0].second).idempotency_key;
    CHECK(std::get<CallRegister>(calls[0].second).form.phone == "13912345678");
    // The answer is lost: the retry is the same registration.
    k.answer(calls[0].first, PassDone{Outcome::Offline, std::nullopt, 0});
    CHECK(k.view().can_retry);
    k.apply(RequestRetry{});
    calls = k.take_calls();
    REQUIRE(calls.size() == 1);
    CHECK(std::get<CallRegister>(calls[0].second).idempotency_key == key);
    k.answer(calls[0].first, PassDone{Outcome::Ok, pass("awaiting_host", "walk_in"), 0}, 1000);
    CHECK(k.s().step == VisitorsStep::Waiting);
    CHECK(k.s().walk_in.phone.empty());  // the phone is not kept once sent
    CHECK(k.view().prompt == "正在联系住户确认");
    CHECK(k.view().code == "246810");  // the number to come back with
    CHECK(k.c.next_tick_ms(1000) <= 1000 + VisitorsFeature::poll_interval_ms);
    k.c.tick(1000 + VisitorsFeature::poll_interval_ms);
    calls = k.take_calls();
    REQUIRE(calls.size() == 1);
    CHECK(std::get<CallPollPass>(calls[0].second).pass_id == "V-1");
    k.answer(calls[0].first, PassDone{Outcome::Ok, pass("valid", "walk_in"), 0});
    CHECK(k.s().step == VisitorsStep::Pass);
}

TEST_CASE("visitors: declined or no answer -> the front desk, politely, never saying why")
{
    for (const char* status : {"declined", "see_front_desk"}) {
        Kiosk k;
        k.apply(RequestErrand{Errand::Code});
        k.type("123456");
        k.apply(RequestSubmitDigits{});
        auto calls = k.take_calls();
        k.answer(calls[0].first, PassDone{Outcome::Ok, pass(status, "walk_in"), 0});
        CHECK(k.s().step == VisitorsStep::FrontDesk);
        CHECK(k.view().prompt == "请到前台登记");
        CHECK(k.view().code.empty());
    }
}

TEST_CASE("visitors: a move-out is requested with items, a day and who moves; the kiosk never grants it")
{
    Kiosk k;
    k.apply(RequestErrand{Errand::MoveOut});
    k.apply(household::RequestBuilding{5});
    k.apply(household::RequestEntrance{3});
    k.apply(household::RequestRoom{"5-3-2202"});
    CHECK(k.s().step == VisitorsStep::MoveItems);
    CHECK(!k.view().can_finish_items);
    k.apply(RequestItemCount{"appliance", +1});
    k.apply(RequestItemCount{"boxes", +1});
    k.apply(RequestItemCount{"boxes", +1});
    k.apply(RequestItemCount{"rocket", +1});  // not a preset: ignored
    k.apply(RequestItemsDone{});
    k.apply(RequestDay{1});
    k.apply(RequestRelation{"tenant"});
    k.type("18600001357");
    k.apply(RequestSubmitDigits{});
    CHECK(k.s().step == VisitorsStep::Privacy);
    const VisitorsView v = k.view(Language::En);
    CHECK(v.office_items == "家电×1、纸箱×2");  // the office reads Chinese whatever the screen's language
    k.apply(RequestPrivacy{true, v.office_items});
    auto calls = k.take_calls();
    REQUIRE(calls.size() == 1);
    const auto& call = std::get<CallRequestRelease>(calls[0].second);
    CHECK(call.items_text == "家电×1、纸箱×2");
    CHECK(call.planned_date == "2026-11-25");
    CHECK(call.form.relation == "tenant");
    k.answer(calls[0].first, ReleaseDone{Outcome::Ok, ReleaseInfo{"20261125", "5-3-2202", "awaiting_owner_confirmation", "2026-11-24", 0}, 0});
    CHECK(k.s().step == VisitorsStep::MoveSent);
    CHECK(k.view().code == "20261125");
    CHECK(k.view().lines[0] == "物业会联系业主确认，确认前不能放行。");
}

TEST_CASE("visitors: a release's status by its code: waiting, confirmed, not agreed")
{
    const std::pair<const char*, const char*> cases[] = {
        {"awaiting_owner_confirmation", "待业主确认"}, {"approved", "已确认，可放行"}, {"rejected", "未获同意"}};
    for (const auto& [status, words] : cases) {
        Kiosk k;
        k.apply(RequestErrand{Errand::Release});
        k.type("2026112");
        CHECK(!k.view().can_submit);
        k.type("5");
        k.apply(RequestSubmitDigits{});
        auto calls = k.take_calls();
        REQUIRE(calls.size() == 1);
        CHECK(std::get<CallReleaseStatus>(calls[0].second).release_code == "20261125");
        k.answer(calls[0].first, ReleaseDone{Outcome::Ok, ReleaseInfo{"20261125", "5-3-2202", status, "2026-11-24", 1795449600}, 0});
        CHECK(k.s().step == VisitorsStep::ReleaseStatus);
        CHECK(k.view().headline == words);
    }
}

TEST_CASE("visitors, 长者模式: a walk-in is read back fact by fact, masked, and sent only on 确认提交, once")
{
    Kiosk k;
    k.c.apply(RequestToggleElderly{}, 0);
    k.apply(RequestErrand{Errand::WalkIn});
    k.apply(RequestPurpose{"family"});
    k.apply(household::RequestRoom{"3-2-1502"});
    k.apply(RequestSurname{"李"});
    k.type("13912345678");
    k.apply(RequestSubmitDigits{});
    k.apply(RequestPeople{2});
    k.apply(RequestDriving{true});
    k.apply(RequestPlate{"粤BD12345"});
    REQUIRE(k.s().step == VisitorsStep::Privacy);
    CHECK(k.view().accept_label == "同意，下一步");  // accepting does not send yet
    k.apply(RequestPrivacy{true, {}});
    REQUIRE(k.s().step == VisitorsStep::ReadBack);
    CHECK(k.take_calls().empty());
    const VisitorsView v = k.view();
    CHECK(v.read_back.prompt == "请核对登记信息");
    CHECK(v.read_back.lines == std::vector<std::string>{"事由：探亲访友", "前往：3栋2单元1502室", "姓氏：李*",
                                                        "手机：139****5678", "人数：2人", "车牌：粤BD12345"});
    CHECK(v.read_back.confirm_label == "确认提交");
    CHECK(v.read_back.change_label == "返回修改");
    CHECK(k.view(Language::En).read_back.lines[3] == "Phone: 139****5678");
    // 返回修改: to the last question (the plate), nothing sent.
    k.apply(RequestChangeForm{});
    CHECK(k.s().step == VisitorsStep::Plate);
    CHECK(k.take_calls().empty());
    k.apply(RequestPlate{"粤BD54321"});
    k.apply(RequestPrivacy{true, {}});
    REQUIRE(k.s().step == VisitorsStep::ReadBack);
    CHECK(k.view().read_back.lines.back() == "车牌：粤BD54321");
    // Back from the read-back is the privacy notice again.
    k.c.apply(RequestBack{}, 0);
    CHECK(k.s().step == VisitorsStep::Privacy);
    k.apply(RequestPrivacy{true, {}});
    k.apply(RequestConfirmSubmit{});
    auto calls = k.take_calls();
    REQUIRE(calls.size() == 1);
    const CallRegister& sent = std::get<CallRegister>(calls[0].second);
    CHECK(sent.form.car_plate == "粤BD54321");
    // A lost answer: 确认提交 again is the same registration (same key), never a second one.
    k.answer(calls[0].first, PassDone{Outcome::Offline, std::nullopt, 0});
    CHECK(k.s().step == VisitorsStep::ReadBack);
    CHECK(!k.view().read_back.message.empty());
    k.apply(RequestConfirmSubmit{});
    auto again = k.take_calls();
    REQUIRE(again.size() == 1);
    CHECK(std::get<CallRegister>(again[0].second).idempotency_key == sent.idempotency_key);
    k.answer(again[0].first, PassDone{Outcome::Ok, pass("valid", "walk_in"), 0});
    CHECK(k.s().step == VisitorsStep::Pass);
    CHECK(k.s().walk_in.phone.empty());
}

TEST_CASE("visitors, 长者模式: a move-out release request is read back before it is sent")
{
    Kiosk k;
    k.c.apply(RequestToggleElderly{}, 0);
    k.apply(RequestErrand{Errand::MoveOut});
    k.apply(household::RequestRoom{"5-3-2202"});
    k.apply(RequestItemCount{"appliance", +1});
    k.apply(RequestItemCount{"boxes", +2});
    k.apply(RequestItemsDone{});
    k.apply(RequestDay{1});
    k.apply(RequestRelation{"tenant"});
    k.type("18600001357");
    k.apply(RequestSubmitDigits{});
    REQUIRE(k.s().step == VisitorsStep::Privacy);
    k.apply(RequestPrivacy{true, k.view().office_items});
    REQUIRE(k.s().step == VisitorsStep::ReadBack);
    CHECK(k.take_calls().empty());
    CHECK(k.view().read_back.lines == std::vector<std::string>{"搬出：5栋3单元2202室", "物品：家电×1、纸箱×2", "日期：明天 11月25日",
                                                        "身份：租户", "手机：186****1357"});
    CHECK(k.view(Language::En).read_back.lines[1].find("×2") != std::string::npos);
    k.apply(RequestConfirmSubmit{});
    auto calls = k.take_calls();
    REQUIRE(calls.size() == 1);
    CHECK(std::get<CallRequestRelease>(calls[0].second).items_text == "家电×1、纸箱×2");
    k.answer(calls[0].first, ReleaseDone{Outcome::Ok, ReleaseInfo{"20261125", "5-3-2202", "awaiting_owner_confirmation", "2026-11-25", 0}, 0});
    CHECK(k.s().step == VisitorsStep::MoveSent);
    CHECK(k.s().move_out.phone.empty());
}

TEST_CASE("visitors: outside 长者模式 accepting the privacy notice sends at once (no extra tap)")
{
    Kiosk k;
    k.courier_to_privacy();
    CHECK(k.view().accept_label == "同意并提交");
    k.apply(RequestPrivacy{true, {}});
    CHECK(k.s().step == VisitorsStep::Privacy);
    CHECK(k.take_calls().size() == 1);
}
