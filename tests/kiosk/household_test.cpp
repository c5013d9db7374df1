// The shared household pieces on their own, as a service other than fees
// uses them: the unit picker's steps and view (the room keypad), the guard
// on wrong digits, and what each verification answer leaves the person with.
#include "core/locale.hpp"
#include "core/sync_status.hpp"
#include "household/core/household.hpp"
#include "recording_effects.hpp"
#include "test_config.hpp"

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::household;

namespace {

const std::vector<UnitInfo> estate = {
    {"1-1-201", 1, 1, 2, "201", 80, "王*"},   {"3-2-301", 3, 2, 3, "301", 90, "赵*"},
    {"3-2-302", 3, 2, 3, "302", 90, "钱*"},   {"3-2-1501", 3, 2, 15, "1501", 90, "李*"},
    {"3-2-1502", 3, 2, 15, "1502", 128, "张*"}, {"3-3-101", 3, 3, 1, "101", 70, "孙*"},
};

// The view inputs of one frame in a language at a time.
struct Frame {
    KioskConfig config = test_kiosk_config();
    Catalog catalog;
    SyncStatus sync;
    std::any none;
    Frame()
    {
        auto loaded = Catalog::load(std::string(LOBBY_SOURCE_DIR) + "/locale");
        REQUIRE(loaded.ok());
        catalog = loaded.value();
    }
    FeatureViewInputs in(std::int64_t utc_s, Language language = Language::ZhCN) const
    {
        return FeatureViewInputs{none, none, config, catalog, language, sync, utc_s, 0};
    }
};

// A feature's step: the context its handlers get.
struct Step {
    KioskConfig config = test_kiosk_config();
    RecordingEffects effects;
    std::uint64_t next_id = 1;
    FeatureContext at(std::int64_t now_ms, std::int64_t utc_s) { return {config, effects, "repairs", next_id, now_ms, utc_s}; }
};

constexpr std::int64_t t0 = 1795449600;

VerifyAnswer answer(Outcome outcome, int left = -1, std::int64_t until = 0, bool offline = false)
{
    VerifyAnswer a;
    a.outcome = outcome;
    a.attempts_left = left;
    a.locked_until_utc = until;
    a.offline = offline;
    return a;
}

// Types digits and submits; the attempt (or none).
std::optional<VerifyAttempt> type(Verifier& verifier, Verification& v, const char* digits, FeatureContext ctx)
{
    for (const char* d = digits; *d; ++d)
        verifier.key(v, *d);
    return verifier.submit(v, ctx);
}

} // namespace

TEST_CASE("unit picker: building, entrance, room; Back steps up and leaves at the buildings")
{
    UnitPicker picker;
    CHECK_FALSE(pick(picker, RequestBuilding{3}));
    CHECK(picker.step == PickStep::Entrance);
    CHECK_FALSE(pick(picker, RequestEntrance{2}));
    CHECK(picker.step == PickStep::Room);
    CHECK(pick(picker, RequestRoom{"3-2-1502"}));
    CHECK(picker.unit_id == "3-2-1502");
    CHECK(picker.step == PickStep::Room);  // Back from what follows shows the rooms again

    CHECK(pick_back(picker));
    CHECK(picker.step == PickStep::Entrance);
    CHECK(pick_back(picker));
    CHECK(picker.step == PickStep::Building);
    CHECK_FALSE(pick_back(picker));  // the feature's Back: leave

    // Another building forgets the entrance and room.
    pick(picker, RequestBuilding{1});
    CHECK(picker.entrance == 0);
    CHECK(picker.unit_id.empty());
}

TEST_CASE("unit picker view: each building and entrance once, widget ids of the feature")
{
    Frame f;
    UnitPicker picker;
    UnitPickerView view = build_picker_view(picker, estate, f.in(t0), "visitors");
    CHECK(view.prompt == "请选择您家所在的楼栋");
    REQUIRE(view.choices.size() == 2);
    CHECK(view.choices[0].id == "visitors.building.1");
    CHECK(view.choices[0].sole_entrance == 1);  // building 1 has one entrance
    CHECK(view.choices[1].label == "3栋");
    CHECK(view.choices[1].number == 3);
    CHECK(view.choices[1].sole_entrance == 0);

    pick(picker, RequestBuilding{3});
    view = build_picker_view(picker, estate, f.in(t0, Language::En), "visitors");
    REQUIRE(view.choices.size() == 2);
    CHECK(view.choices[0].label == "Entrance 2");
    CHECK(view.choices[1].id == "visitors.entrance.3");

    CHECK(unit_label(estate, "3-2-1502", f.in(t0)) == "3栋2单元1502室");
    CHECK(build_picker_view(UnitPicker{}, {}, f.in(t0), "visitors").prompt.find("尚未从物业同步") != std::string::npos);
}

TEST_CASE("room keypad: the typed number names the unit; 确定 on a room the entrance lacks says so, in each language")
{
    Frame f;
    UnitPicker picker;
    pick(picker, RequestBuilding{3});
    pick(picker, RequestEntrance{2});
    UnitPickerView view = build_picker_view(picker, estate, f.in(t0), "fees");
    CHECK(view.prompt == "3栋2单元：请输入房号");
    CHECK(view.room.keypad_id == "fees.room_key");
    CHECK(view.room.hint == "可选房号：301 至 1502");
    CHECK(view.room.typed.empty());
    CHECK_FALSE(view.room.can_submit);  // nothing typed: 确定 waits

    // 1501 is in 3-2 (and 101 only in 3-3): a number names a unit of this entrance only.
    for (const char k : std::string("101"))
        CHECK_FALSE(pick(picker, RequestRoomKey{k}));
    view = build_picker_view(picker, estate, f.in(t0), "fees");
    CHECK(view.room.typed == "101");
    CHECK(view.room.can_submit);
    CHECK(view.room.unit_id.empty());
    CHECK(view.room.message.empty());
    CHECK_FALSE(pick(picker, RequestRoom{view.room.unit_id}));
    CHECK(picker.unit_id.empty());
    view = build_picker_view(picker, estate, f.in(t0), "fees");
    CHECK(view.room.message == "没有这个房号：3栋2单元101室。请看门牌再输入。");
    CHECK(view.room.typed == "101");  // what they typed stays in sight beside the message
    CHECK(build_picker_view(picker, estate, f.in(t0, Language::ZhHK), "fees").room.message ==
          "沒有這個房號：3座2單元101室。請看門牌再輸入。");
    CHECK(build_picker_view(picker, estate, f.in(t0, Language::En), "fees").room.message ==
          "There is no flat 101 in building 3, entrance 2. Please check the number on your door.");

    // The next digit starts a new number (no erasing first) and the message goes.
    for (const char k : std::string("15029"))
        pick(picker, RequestRoomKey{k});
    pick(picker, RequestRoomKey{DigitEntry::erase_key});
    view = build_picker_view(picker, estate, f.in(t0), "fees");
    CHECK(view.room.typed == "1502");
    CHECK(view.room.message.empty());
    CHECK(view.room.unit_id == "3-2-1502");
    CHECK(pick(picker, RequestRoom{view.room.unit_id}));
    CHECK(picker.unit_id == "3-2-1502");
    // Back from what follows: the room step with the number still typed.
    CHECK(build_picker_view(picker, estate, f.in(t0), "fees").room.typed == "1502");

    // At most max_room_digits; keys outside the room step do nothing.
    for (int i = 0; i < 9; ++i)
        pick(picker, RequestRoomKey{'1'});
    CHECK(picker.room.size() == max_room_digits);
    UnitPicker fresh;
    pick(fresh, RequestRoomKey{'1'});
    CHECK(fresh.room.empty());
    CHECK_FALSE(pick(fresh, RequestRoom{""}));
    CHECK_FALSE(fresh.no_such_room);
}

TEST_CASE("room keypad: rooms with letters (A01, B1203, 1502A) offer their letters as keys, only where they exist")
{
    Frame f;
    const std::vector<UnitInfo> lettered = {
        {"7-1-A01", 7, 1, 0, "A01", 60, "周*"},      {"7-1-a02", 7, 1, 0, "a02", 60, "吴*"},
        {"7-1-B1203", 7, 1, 12, "B1203", 90, "郑*"}, {"7-1-1502A", 7, 1, 15, "1502A", 90, "王*"},
        {"7-2-101", 7, 2, 1, "101", 80, "冯*"},
    };
    UnitPicker picker;
    pick(picker, RequestBuilding{7});
    pick(picker, RequestEntrance{1});
    UnitPickerView view = build_picker_view(picker, lettered, f.in(t0), "fees");
    CHECK(view.room.letters == "AB");  // each letter once, in order, capitals

    // B1203 typed with the letter key names its unit.
    for (const char k : std::string("B1203"))
        CHECK_FALSE(pick(picker, RequestRoomKey{k}));
    view = build_picker_view(picker, lettered, f.in(t0), "fees");
    CHECK(view.room.typed == "B1203");
    CHECK(view.room.unit_id == "7-1-B1203");
    // A letter after the digits (1502A); a room stored in small letters matches its capitals.
    picker.room.clear();
    for (const char k : std::string("1502A"))
        pick(picker, RequestRoomKey{k});
    CHECK(build_picker_view(picker, lettered, f.in(t0), "fees").room.unit_id == "7-1-1502A");
    picker.room.clear();
    for (const char k : std::string("A02"))
        pick(picker, RequestRoomKey{k});
    CHECK(build_picker_view(picker, lettered, f.in(t0), "fees").room.unit_id == "7-1-a02");

    // A wrong lettered room is told like any other, with the letters as typed.
    picker.room.clear();
    for (const char k : std::string("C01"))
        pick(picker, RequestRoomKey{k});
    view = build_picker_view(picker, lettered, f.in(t0), "fees");
    CHECK(view.room.unit_id.empty());
    pick(picker, RequestRoom{view.room.unit_id});
    CHECK(build_picker_view(picker, lettered, f.in(t0), "fees").room.message ==
          "没有这个房号：7栋1单元C01室。请看门牌再输入。");
    CHECK(build_picker_view(picker, lettered, f.in(t0, Language::En), "fees").room.message ==
          "There is no flat C01 in building 7, entrance 1. Please check the number on your door.");

    // An entrance whose rooms are digits only has no letter keys.
    pick(picker, RequestBuilding{7});
    pick(picker, RequestEntrance{2});
    CHECK(build_picker_view(picker, lettered, f.in(t0), "fees").room.letters.empty());
    CHECK(build_picker_view(picker, estate, f.in(t0), "fees").room.letters.empty());
    // Anything but digits, letters and erase is ignored.
    pick(picker, RequestRoomKey{'-'});
    pick(picker, RequestRoomKey{' '});
    CHECK(picker.room.empty());
}

TEST_CASE("unit picker: a building with one entrance goes straight to its rooms, and Back straight to the buildings")
{
    Frame f;
    UnitPicker picker;
    const UnitPickerView buildings = build_picker_view(picker, estate, f.in(t0), "surveys");
    REQUIRE(buildings.choices[0].number == 1);
    pick(picker, RequestBuilding{1, buildings.choices[0].sole_entrance});
    CHECK(picker.step == PickStep::Room);
    UnitPickerView view = build_picker_view(picker, estate, f.in(t0), "surveys");
    CHECK(view.prompt == "1栋：请输入房号");
    for (const char k : std::string("202"))
        pick(picker, RequestRoomKey{k});
    pick(picker, RequestRoom{build_picker_view(picker, estate, f.in(t0), "surveys").room.unit_id});
    CHECK(build_picker_view(picker, estate, f.in(t0, Language::En), "surveys").room.message ==
          "There is no flat 202 in building 1. Please check the number on your door.");
    pick(picker, RequestRoomKey{DigitEntry::erase_key});
    pick(picker, RequestRoomKey{'1'});
    CHECK(pick(picker, RequestRoom{build_picker_view(picker, estate, f.in(t0), "surveys").room.unit_id}));
    CHECK(picker.unit_id == "1-1-201");
    CHECK(pick_back(picker));
    CHECK(picker.step == PickStep::Building);
}

TEST_CASE("household guard: free tries, doubling waits, the unit's lock across sessions, cleared by success")
{
    auto book = std::make_shared<MemoryLockoutBook>();
    HouseholdGuard guard(GuardRules{3, 30, 10, 3600, 900}, book);
    SessionTries first;
    CHECK(guard.failure(first, "u", t0).free_left == 2);
    CHECK(guard.failure(first, "u", t0).free_left == 1);
    AfterWrongTry third = guard.failure(first, "u", t0);
    CHECK(third.free_left == 0);
    CHECK(third.retry_at_utc == t0 + 30);
    CHECK(guard.failure(first, "u", t0 + 30).retry_at_utc == t0 + 30 + 60);

    // Another person starts with free tries; the unit's count goes on.
    SessionTries second;
    for (int i = 0; i < 5; ++i)
        CHECK(guard.failure(second, "u", t0 + 200).locked_until_utc == 0);
    const AfterWrongTry tenth = guard.failure(second, "u", t0 + 200);
    CHECK(tenth.locked_until_utc == t0 + 200 + 900);
    CHECK(guard.locked_until("u", t0 + 300) == t0 + 1100);
    CHECK(guard.locked_until("u", t0 + 1100) == 0);  // it ends by itself
    CHECK(guard.locked_until("other", t0 + 300) == 0);

    guard.server_locked("v", t0 + 500);
    CHECK(guard.locked_until("v", t0) == t0 + 500);
    guard.success(second, "v");
    CHECK(guard.locked_until("v", t0) == 0);
}

TEST_CASE("verification: the right digits give the unit and the server's token; nothing of the digits stays")
{
    Step s;
    Verifier verifier(Verifier::rules_from(s.config), nullptr);
    Verification v;
    verifier.begin(v, "3-2-1502", s.at(0, t0));
    CHECK_FALSE(verifier.submit(v, s.at(0, t0)));  // not four digits yet
    const auto attempt = type(verifier, v, "5678", s.at(0, t0));
    REQUIRE(attempt);
    CHECK(attempt->unit_id == "3-2-1502");
    CHECK(attempt->last4 == "5678");
    CHECK(!attempt->session_id.empty());
    CHECK(v.digits.empty());

    VerifyAnswer ok = answer(Outcome::Ok);
    ok.token = "tok";
    CHECK(verifier.answered(v, ok, s.at(0, t0)));
    CHECK(v.verified_unit_id == "3-2-1502");
    CHECK(v.token == "tok");
    CHECK(v.notice == Notice::None);

    // Another unit: the result is gone, the person's session stays.
    const std::string session = v.session_id;
    Verification fresh = start_over(v);
    verifier.begin(fresh, "1-1-201", s.at(0, t0));
    CHECK(fresh.verified_unit_id.empty());
    CHECK(fresh.token.empty());
    CHECK(fresh.session_id == session);
}

TEST_CASE("verification: wrong digits count down, then the person waits; a wait survives starting over")
{
    Step s;
    Frame f;
    Verifier verifier(Verifier::rules_from(s.config), nullptr);
    Verification v;
    verifier.begin(v, "3-2-1502", s.at(0, t0));
    REQUIRE(type(verifier, v, "0000", s.at(0, t0)));
    CHECK_FALSE(verifier.answered(v, answer(Outcome::WrongDigits, 2), s.at(0, t0)));
    CHECK(v.notice == Notice::WrongDigits);
    CHECK(v.attempts_left == 2);
    CHECK(build_keypad_view(v, false, "3栋2单元1502室", f.in(t0), "repairs").message.find("还可以再试 2 次") !=
          std::string::npos);
    // Typing again clears the "wrong number" line.
    verifier.key(v, '1');
    CHECK(v.notice == Notice::None);
    verifier.key(v, DigitEntry::erase_key);

    REQUIRE(type(verifier, v, "0000", s.at(0, t0)));
    verifier.answered(v, answer(Outcome::WrongDigits), s.at(0, t0));  // offline: the kiosk's count (1 left)
    CHECK(v.attempts_left == 1);
    REQUIRE(type(verifier, v, "0000", s.at(0, t0)));
    verifier.answered(v, answer(Outcome::WrongDigits, 0, t0 + 30), s.at(0, t0));
    CHECK(v.notice == Notice::Wait);
    CHECK(v.retry_at_utc == t0 + 30);
    CHECK(verifier.next_tick_ms(v) == 500);  // the countdown redraws itself

    KeypadView view = build_keypad_view(v, false, "3栋2单元1502室", f.in(t0 + 10), "repairs");
    CHECK_FALSE(view.keypad_enabled);
    CHECK(view.keypad_id == "repairs.key");
    CHECK(view.message.find("请等 20 秒后再试") != std::string::npos);

    // Waiting: the digits are not sent, and starting over shows the wait again.
    CHECK_FALSE(type(verifier, v, "5678", s.at(0, t0 + 5)));
    Verification again = start_over(v);
    verifier.begin(again, "3-2-1502", s.at(0, t0 + 5));
    CHECK(again.notice == Notice::Wait);
    // After the wait the keypad comes back and the countdown stops.
    CHECK(verifier.on_tick(again, s.at(1000, t0 + 31)));
    CHECK(verifier.next_tick_ms(again) == INT64_MAX);
    CHECK(build_keypad_view(again, false, "", f.in(t0 + 31), "repairs").keypad_enabled);
    CHECK(type(verifier, again, "5678", s.at(0, t0 + 31)));
}

TEST_CASE("verification: a lock (server's or the kiosk's) refuses offline answers; the other outcomes are told apart")
{
    Step s;
    Frame f;
    auto book = std::make_shared<MemoryLockoutBook>();
    Verifier verifier(Verifier::rules_from(s.config), book);
    Verification v;
    verifier.begin(v, "3-2-1502", s.at(0, t0));
    REQUIRE(type(verifier, v, "1111", s.at(0, t0)));
    CHECK_FALSE(verifier.answered(v, answer(Outcome::Locked, 0, 1795450500), s.at(0, t0)));
    CHECK(v.notice == Notice::Locked);
    const KeypadView locked = build_keypad_view(v, false, "", f.in(t0), "fees");
    CHECK_FALSE(locked.keypad_enabled);
    CHECK(locked.message.find("00:15") != std::string::npos);  // 16:15Z in Shanghai

    // The same lock holds in another service's verification on this kiosk,
    // even for right digits checked offline.
    Verifier other(Verifier::rules_from(s.config), book);
    Verification w;
    other.begin(w, "3-2-1502", s.at(0, t0));
    REQUIRE(type(other, w, "5678", s.at(0, t0)));
    CHECK_FALSE(other.answered(w, answer(Outcome::Ok, 0, 0, true), s.at(0, t0)));
    CHECK(w.notice == Notice::Locked);
    CHECK(w.verified_unit_id.empty());

    const std::pair<Outcome, std::string> told[] = {
        {Outcome::UnknownUnit, "没有这个房号"},
        {Outcome::NotCached, "本机也没有这个房号"},
        {Outcome::NoOfflineCheck, "不能离线核对号码"},
        {Outcome::ServerError, "暂时没有回应"},
    };
    for (const auto& [outcome, words] : told) {
        Verification u;
        verifier.begin(u, "1-1-201", s.at(0, t0));
        REQUIRE(type(verifier, u, "1234", s.at(0, t0)));
        CHECK_FALSE(verifier.answered(u, answer(outcome), s.at(0, t0)));
        const KeypadView view = build_keypad_view(u, false, "", f.in(t0), "surveys");
        CHECK(view.message.find(words) != std::string::npos);
        CHECK(view.message_is_problem);
        CHECK(view.keypad_enabled);
        CHECK(u.tries["1-1-201"].failures == 0);  // none of these is a wrong try
    }
}

TEST_CASE("verification keypad view: dots, busy while checking, OK only with four digits, in each language")
{
    Step s;
    Frame f;
    Verifier verifier(Verifier::rules_from(s.config), nullptr);
    Verification v;
    verifier.begin(v, "3-2-1502", s.at(0, t0));
    verifier.key(v, '5');
    verifier.key(v, '6');
    KeypadView view = build_keypad_view(v, false, "3栋2单元1502室", f.in(t0), "fees");
    CHECK(view.dots == "●●○○");
    CHECK_FALSE(view.can_submit);
    CHECK(view.prompt == "请输入登记手机号的后四位");
    verifier.key(v, '7');
    verifier.key(v, '8');
    CHECK(build_keypad_view(v, false, "", f.in(t0), "fees").can_submit);
    view = build_keypad_view(v, true, "", f.in(t0, Language::ZhHK), "fees");
    CHECK(view.busy);
    CHECK_FALSE(view.can_submit);
    CHECK(view.busy_text == "正在查詢，請稍候…");
    CHECK(build_keypad_view(v, false, "", f.in(t0, Language::En), "fees").submit_label == "OK");
}
