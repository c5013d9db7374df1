// Repairs: the call script and ticket following in the core, driven by
// requests and the answers a live call would deliver (no network here), and
// its view model with the real locale files. Every bad input and fault the
// person can meet is here with the words they see.
#include "core/config.hpp"
#include "core/controller.hpp"
#include "core/feature_adapter.hpp"
#include "core/views.hpp"
#include "features/repairs/core/repairs_feature.hpp"
#include "recording_effects.hpp"
#include "test_config.hpp"

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::repairs;

namespace {

TicketSecrets counting_secrets()
{
    auto n = std::make_shared<int>(0);
    return {[n] { return "ABCDEFGHJ" + std::to_string(++*n % 10); },
            [n] { return std::string(24, 'Z'); },
            [n] { return "ref-" + std::to_string(++*n); }};
}

struct Kiosk {
    KioskConfig config = test_kiosk_config();
    RecordingEffects effects;
    Controller c;
    Catalog catalog;
    Kiosk() : c(config, {repairs_core(counting_secrets(), config)}, effects)
    {
        auto loaded = Catalog::load(std::string(LOBBY_SOURCE_DIR) + "/locale");
        REQUIRE(loaded);
        catalog = std::move(loaded.value());
        c.apply(RequestOpenScreen{feature_id}, 0);
    }
    const RepairsSession& s() const { return *typed_state<RepairsSession>(c.feature_state(feature_id)); }
    void apply(RepairsRequest r) { c.apply(FeatureRequest{feature_id, std::move(r)}, 0); }
    void answer(RepairsAnswer a)
    {
        REQUIRE_FALSE(effects.calls.empty());
        const auto id = effects.calls.back().id;
        effects.calls.clear();
        c.apply_answer(CallAnswer{id, feature_id, std::move(a)}, 0);
    }
    RepairsView view(const RepairsCache& cache = {}, bool online = true, Language language = Language::ZhCN,
                     const std::string& estate = "", bool refused = false)
    {
        SyncStatus sync;
        sync.online = online;
        sync.estate = estate;
        sync.unauthorized = refused;
        const std::any any_cache = cache;
        const FeatureCore core = repairs_core(counting_secrets(), config);
        const FeatureViewInputs in{*c.feature_state(feature_id), any_cache, config, catalog, language, sync, 0, 0};
        return std::any_cast<RepairsView>(core.build_view(in));
    }
    void report_public_leak()
    {
        apply(RequestWhere{false});
        apply(RequestLocation{"car_park", "地下车库"});
        apply(RequestCategory{"plumbing", Scope::Office});
        apply(RequestPreset{"pipe_leak", "水管漏水"});
    }
};

TicketInfo ticket(const char* status, bool rated = false)
{
    TicketInfo t;
    t.id = "R-2026-000013";
    t.status = status;
    t.category = "plumbing";
    t.rated = rated;
    t.worker_masked = "刘*国";
    t.charge_fen = 3500;
    t.timeline = {{1, "submitted", ""}, {2, status, ""}};
    return t;
}

void find(Kiosk& k, const char* status, bool rated = false)
{
    k.apply(RequestTrack{});
    for (char c : std::string("ABCDEFGHJ2"))
        k.apply(RequestCodeKey{c});
    k.apply(RequestFindCode{});
    k.answer(TicketDone{CallOutcome::Ok, ticket(status, rated)});
}

} // namespace

TEST_CASE("a public-area preset report takes where, what, read back and goes to the outbox once, with its secrets")
{
    Kiosk k;
    k.report_public_leak();
    CHECK(k.s().step == RepairsStep::ReadBack);
    CHECK(k.effects.submissions.empty());  // nothing leaves before the person says so
    CHECK(k.view().readback.back().right == "尽快处理");
    k.apply(RequestSubmit{});
    REQUIRE(k.effects.submissions.size() == 1);
    const auto& sub = std::any_cast<const SubmitRepair&>(k.effects.submissions[0].payload);
    CHECK(k.effects.submissions[0].kind == kind_repair);
    CHECK(sub.category == "plumbing");
    CHECK(sub.preset == "pipe_leak");
    CHECK(sub.description == "水管漏水");
    CHECK(sub.location_detail == "地下车库");
    CHECK_FALSE(sub.own_unit);
    CHECK(sub.follow_code.size() == follow_code_length);
    CHECK(sub.status_token.size() == 24);
    CHECK(k.s().step == RepairsStep::Done);
    k.apply(RequestSubmit{});  // a second tap on Submit sends nothing more
    CHECK(k.effects.submissions.size() == 1);

    // Offline: saved, sent later; online: on its way. The code is readable aloud.
    const RepairsView offline = k.view({}, false);
    CHECK(offline.saved_note == "已保存，网络恢复后自动提交。");
    REQUIRE(offline.filed.size() == 1);
    CHECK(offline.filed[0].code_line == "跟进码：ABCDE FGHJ2");
    CHECK(offline.filed[0].number_line == "报修单号：发送后生成");
    CHECK(offline.filed[0].qr_payload == k.config.server_url + "/repairs/status/" + std::string(24, 'Z'));
    RepairsCache cache;
    cache.filed[sub.client_ref] = ticket("submitted");
    CHECK(k.view(cache).filed[0].number_line == "报修单号：R-2026-000013");
}

TEST_CASE("a kiosk of another estate than the office's home one names it in the status link, online or not")
{
    Kiosk k;
    k.report_public_leak();
    k.apply(RequestSubmit{});
    for (const bool online : {true, false}) {
        const RepairsView v = k.view({}, online, Language::ZhCN, "north");
        REQUIRE(v.filed.size() == 1);
        CHECK(v.filed[0].qr_payload == k.config.server_url + "/repairs/status/north/" + std::string(24, 'Z'));
    }
}

TEST_CASE("while the office refuses the kiosk's token (typed wrong: its estate unproven) the ticket shows no status code")
{
    Kiosk k;
    k.report_public_leak();
    k.apply(RequestSubmit{});
    for (const Language language : {Language::ZhCN, Language::ZhHK, Language::En}) {
        const RepairsView refused = k.view({}, true, language, "e002", true);
        REQUIRE(refused.filed.size() == 1);
        CHECK(refused.filed[0].qr_payload.empty());
        CHECK(refused.scan_label.empty());
        CHECK_FALSE(refused.filed[0].code_line.empty());  // the follow-up code still works in the lobby
        CHECK(refused.saved_note != k.view({}, true, language, "e002").saved_note);
    }
    CHECK(k.view({}, true, Language::ZhCN, "e002", true).saved_note.find("暂未被物业系统接受") != std::string::npos);
    // Accepted again (the token fixed): the code is back, naming its estate.
    CHECK(k.view({}, true, Language::ZhCN, "e001").filed[0].qr_payload ==
          k.config.server_url + "/repairs/status/e001/" + std::string(24, 'Z'));
}

TEST_CASE("还有其他问题: two items, two tickets, each with its own code")
{
    Kiosk k;
    k.report_public_leak();
    k.apply(RequestAddAnother{});
    CHECK(k.s().step == RepairsStep::Category);
    k.apply(RequestCategory{"electrical", Scope::Office});
    k.apply(RequestPreset{"lamp_out", "灯不亮"});
    CHECK(k.view().readback.size() == 4);  // two whats, where, when
    k.apply(RequestSubmit{});
    REQUIRE(k.effects.submissions.size() == 2);
    CHECK(std::any_cast<const SubmitRepair&>(k.effects.submissions[0].payload).follow_code !=
          std::any_cast<const SubmitRepair&>(k.effects.submissions[1].payload).follow_code);
}

TEST_CASE("bad input: no category chosen is refused in words, nothing is filed")
{
    Kiosk k;
    k.apply(RequestWhere{false});
    k.apply(RequestLocation{"car_park", "地下车库"});
    k.apply(RequestPreset{"pipe_leak", "水管漏水"});  // a preset with no category
    CHECK(k.s().step == RepairsStep::Category);
    CHECK(k.view().message == "请先选择问题类别。");
    CHECK(k.view({}, true, Language::En).message == "Please choose the kind of problem first.");
    CHECK(k.view({}, true, Language::ZhHK).message == "請先選擇問題類別。");
    k.apply(RequestCategory{"", Scope::Office});
    CHECK(k.s().notice == RepairsNotice::NoCategory);
    CHECK(k.effects.submissions.empty());
}

TEST_CASE("not the office's job: who to call, and nothing is filed")
{
    Kiosk k;
    k.apply(RequestWhere{false});
    k.apply(RequestLocation{"car_park", "地下车库"});
    k.apply(RequestCategory{"telecom", Scope::NotOffice});
    CHECK(k.s().step == RepairsStep::OutOfScope);
    CategoryInfo telecom;
    telecom.code = "telecom";
    telecom.name = {"宽带/电话/有线电视", "", ""};
    telecom.in_scope = false;
    telecom.refer_to = {"您的宽带运营商", "", ""};
    telecom.refer_phone = "10000";
    RepairsCache cache;
    cache.categories = {telecom};
    const RepairsView v = k.view(cache);
    CHECK(v.prompt == "很抱歉，宽带/电话/有线电视不由物业负责。请联系：");
    CHECK(v.refer_phone == "10000");
    CHECK(k.effects.submissions.empty());
}

TEST_CASE("emergency: no form, no verification; the numbers from the cache; filed once in the outbox")
{
    Kiosk k;
    k.c.apply(RequestHome{}, 0);
    k.c.apply(RequestUrgent{feature_id}, 0);  // the red button on home
    CHECK(k.c.state().session.screen() == feature_id);
    CHECK(k.s().step == RepairsStep::EmergencyMenu);
    k.apply(RequestEmergency{"gas_smell"});
    REQUIRE(k.effects.submissions.size() == 1);
    const auto& sub = std::any_cast<const SubmitRepair&>(k.effects.submissions[0].payload);
    CHECK(sub.category == "gas_smell");
    CHECK(sub.unit_id.empty());
    RepairsCache cache;
    cache.hotline = "0755-86001234";
    cache.contacts = {{{"火警", "火警", "Fire"}, "119"}};
    const RepairsView v = k.view(cache, false);  // offline: still there
    CHECK(v.hotline == "0755-86001234");
    CHECK(v.contacts[0].right == "119");
    CHECK(v.do_now.find("不要开关任何电器") != std::string::npos);
    CHECK(v.saved_line.find("已通知物业值班人员") != std::string::npos);
    k.c.apply(RequestBack{}, 0);
    k.apply(RequestEmergency{"gas_smell"});
    CHECK(k.effects.submissions.size() == 1);  // shown again, filed once
    k.apply(RequestEmergency{"made_up"});
    CHECK(k.effects.submissions.size() == 1);
}

TEST_CASE("a full disk: the report is not lost from the screen and the person is told")
{
    Kiosk k;
    k.report_public_leak();
    k.effects.next_save = SaveOutcome::StorageFull;
    k.apply(RequestSubmit{});
    CHECK(k.s().step == RepairsStep::ReadBack);
    CHECK(k.s().items.size() == 1);
    CHECK(k.view().message == "终端存储已满，没能保存，请拨打物业电话报修。");
}

TEST_CASE("slots: a slot taken meanwhile asks for another")
{
    Kiosk k;
    // The own-unit path (verification) comes with the household module;
    // the slot rules hold on their own.
    RepairsSession& s = const_cast<RepairsSession&>(k.s());
    s.step = RepairsStep::When;
    s.slots = {{100, 200, 1, "morning", 1}, {300, 400, 1, "afternoon", 0}};
    k.apply(RequestSlot{300, 400});
    CHECK(k.s().notice == RepairsNotice::SlotTaken);
    CHECK(k.view().message.rfind("这个时间刚刚约满了，请选择其他时间。", 0) == 0);
    CHECK(k.view().choices.size() == 1);  // only the free one is offered
    k.apply(RequestSlot{100, 200});
    CHECK(k.s().step == RepairsStep::ReadBack);
}

TEST_CASE("tracking: not found, too many, offline, server error or garbage are said in words; the keypad takes the alphabet only")
{
    Kiosk k;
    k.apply(RequestTrack{});
    k.apply(RequestCodeKey{'0'});  // not in the alphabet
    k.apply(RequestCodeKey{'O'});
    CHECK(k.s().code.empty());
    k.apply(RequestCodeKey{'A'});
    k.apply(RequestFindCode{});
    CHECK(k.view().message == "跟进码是10位，请输入完整。");
    CHECK(k.effects.calls.empty());
    for (char c : std::string("BCDEFGHJ2XY"))
        k.apply(RequestCodeKey{c});
    CHECK(k.s().code.size() == follow_code_length);
    const struct {
        CallOutcome outcome;
        const char* words;
    } cases[] = {{CallOutcome::NotFound, "没有找到这个跟进码的报修单，请核对后重新输入。"},
                 {CallOutcome::TooMany, "输错次数太多，请15分钟后再试，或到物业服务中心查询。"},
                 {CallOutcome::Offline, "查询进度需要网络，目前网络不通，请稍后再试。"},
                 {CallOutcome::ServerError, "物业系统暂时出了问题，请稍后再试。"}};
    for (const auto& c : cases) {
        k.apply(RequestFindCode{});
        k.answer(TicketDone{c.outcome, std::nullopt});
        CHECK(k.s().step == RepairsStep::CodeEntry);
        CHECK(k.view().message == c.words);
    }
    // A 200 whose body was garbage reaches the core as a ServerError with no ticket.
    k.apply(RequestFindCode{});
    k.answer(TicketDone{CallOutcome::Ok, std::nullopt});
    CHECK(k.view().message == "物业系统暂时出了问题，请稍后再试。");
}

TEST_CASE("tracking shows the timeline, the masked worker and the charge; 验收 accept goes to the outbox once")
{
    Kiosk k;
    find(k, "awaiting_acceptance");
    CHECK(k.s().step == RepairsStep::Ticket);
    const RepairsView v = k.view();
    CHECK(v.status_line == "当前状态：待验收");
    CHECK(v.worker_line == "维修人员：刘*国");
    CHECK(v.charge_line.find("35.00") != std::string::npos);
    CHECK(v.reject_reasons.size() == 4);
    k.apply(RequestAccept{true, {}});
    k.apply(RequestAccept{true, {}});
    REQUIRE(k.effects.submissions.size() == 1);
    const auto& a = std::any_cast<const SubmitAcceptance&>(k.effects.submissions[0].payload);
    CHECK(a.accepted);
    CHECK(a.follow_code == "ABCDEFGHJ2");
    CHECK(k.view().after_line == "验收结果已提交，谢谢。");
}

TEST_CASE("验收 rejected with a preset reason; a comment over the limit is refused")
{
    Kiosk k;
    find(k, "awaiting_acceptance");
    k.apply(RequestAccept{false, std::string(acceptance_comment_max + 1, 'x')});  // not a preset: its own words, too long
    CHECK(k.view().message == "说明太长了，最多60个字。");
    CHECK(k.view({}, true, Language::En).message == "That is too long: 60 characters at most.");
    CHECK(k.effects.submissions.empty());
    k.apply(RequestAccept{false, "still_broken"});
    REQUIRE(k.effects.submissions.size() == 1);
    const auto& a = std::any_cast<const SubmitAcceptance&>(k.effects.submissions[0].payload);
    CHECK_FALSE(a.accepted);
    CHECK(a.comment == "问题仍未解决");
}

TEST_CASE("rating 1-5 with words, once; rating twice is refused politely and nothing is sent")
{
    Kiosk k;
    find(k, "completed");
    const RepairsView v = k.view();
    REQUIRE(v.ratings.size() == 5);
    CHECK(v.ratings[0].label == "1 很不满意");
    CHECK(v.ratings[4].label == "5 很满意");
    k.apply(RequestRate{5});
    k.apply(RequestRate{4});
    CHECK(k.effects.submissions.size() == 1);
    CHECK(k.view().message == "您已经评价过这张报修单了，谢谢。");
    CHECK(k.view({}, true, Language::ZhHK).message == "您已經評價過這張報修單了，謝謝。");
    CHECK(std::any_cast<const SubmitRating&>(k.effects.submissions[0].payload).score == 5);

    Kiosk again;
    find(again, "closed", true);  // rated before, on another day
    again.apply(RequestRate{3});
    CHECK(again.effects.submissions.empty());
    CHECK(again.view().message == "您已经评价过这张报修单了，谢谢。");
}

TEST_CASE("a followed ticket and the codes are the person's: Home or the idle timeout clears them")
{
    Kiosk k;
    k.report_public_leak();
    k.apply(RequestSubmit{});
    find(k, "in_progress");
    CHECK(k.s().ticket);
    k.c.apply(RequestHome{}, 0);
    k.c.apply(RequestOpenScreen{feature_id}, 0);
    CHECK_FALSE(k.s().ticket);
    CHECK(k.s().filed.empty());
    CHECK(k.s().code.empty());
}

TEST_CASE("补充说明: the person's own words are read back, sent after the preset's words, and are the session's")
{
    Kiosk k;
    k.report_public_leak();
    CHECK(k.view().note_label == "还有要补充的吗？（可不填，最多200字）");
    CHECK(k.view().note.empty());
    k.apply(RequestNote{"  在B2电梯口旁边 "});
    CHECK(k.s().note == "在B2电梯口旁边");
    CHECK(k.view().note == "在B2电梯口旁边");  // read back in its field
    CHECK(k.view(RepairsCache{}, true, Language::En).note_label == "Anything to add? (optional, up to 200 characters)");

    // Over the limit: refused in words, the note kept as it was.
    k.apply(RequestNote{std::string(note_max + 1, 'x')});
    CHECK(k.view().message == "补充说明太长了，最多200个字。");
    CHECK(k.s().note == "在B2电梯口旁边");

    k.apply(RequestSubmit{});
    REQUIRE(k.effects.submissions.size() == 1);
    CHECK(std::any_cast<const SubmitRepair&>(k.effects.submissions[0].payload).description ==
          "水管漏水；补充：在B2电梯口旁边");
    CHECK(k.s().note.empty());  // filed: not kept for the next report

    // Left on the read-back screen, Home clears it with the session.
    Kiosk other;
    other.report_public_leak();
    other.apply(RequestNote{"门口"});
    other.c.apply(RequestHome{}, 0);
    other.c.apply(RequestOpenScreen{feature_id}, 0);
    CHECK(other.s().note.empty());
}

TEST_CASE("需要物业回电: a public-area report asks for a phone, refuses a bad one, sends a good one once; the own unit is never asked")
{
    Kiosk k;
    k.report_public_leak();
    CHECK(k.view().asks_phone);
    CHECK(k.view().phone_label == "需要物业回电吗？请留下手机号（可不填）");
    CHECK(k.view(RepairsCache{}, true, Language::En).phone_label ==
          "Want the office to call you back? Leave a mobile number (optional)");

    // Not a mainland mobile: refused in words, nothing kept.
    for (const char* bad : {"2381234567", "23812345678", "1381234567x", "138123456789"}) {
        k.apply(RequestContactPhone{bad});
        CHECK(k.view().message == "手机号要11位数字，以1开头。请再看一下。");
        CHECK(k.s().contact_phone.empty());
    }
    k.apply(RequestContactPhone{"13812345678"});
    CHECK(k.view().message.empty());
    CHECK(k.view().phone == "13812345678");  // the field masks it (138****5678)
    // Taken back: no call back.
    k.apply(RequestContactPhone{""});
    CHECK(k.s().contact_phone.empty());
    k.apply(RequestContactPhone{"13812345678"});

    k.apply(RequestSubmit{});
    REQUIRE(k.effects.submissions.size() == 1);
    CHECK(std::any_cast<const SubmitRepair&>(k.effects.submissions[0].payload).contact_phone == "13812345678");
    CHECK(k.s().contact_phone.empty());  // filed: the outbox has it, the session no longer

    // A report without the phone sends none.
    Kiosk quiet;
    quiet.report_public_leak();
    quiet.apply(RequestSubmit{});
    REQUIRE(quiet.effects.submissions.size() == 1);
    CHECK(std::any_cast<const SubmitRepair&>(quiet.effects.submissions[0].payload).contact_phone.empty());
}

TEST_CASE("需要物业回电 is never asked in the own unit: the household is verified there")
{
    Kiosk k;
    // The read-back of a verified own-unit report (the verification itself is
    // the household module's, tested there).
    RepairsSession& s = const_cast<RepairsSession&>(k.s());
    s.own_unit = true;
    s.unit_id = "3-2-1502";
    s.items = {{"plumbing", "pipe_leak", "水管漏水", false}};
    s.step = RepairsStep::ReadBack;
    CHECK_FALSE(k.view().asks_phone);
    CHECK(k.view().phone_label.empty());
    k.apply(RequestContactPhone{"13812345678"});  // a screen may send anything: ignored
    CHECK(k.s().contact_phone.empty());
    k.apply(RequestSubmit{});
    REQUIRE(k.effects.submissions.size() == 1);
    const auto& sub = std::any_cast<const SubmitRepair&>(k.effects.submissions[0].payload);
    CHECK(sub.own_unit);
    CHECK(sub.contact_phone.empty());
}

// 查询进度 by unit: the shared picker and digits, then the household's own
// tickets from the office (answers as the live call would deliver them).
namespace {

TicketInfo unit_ticket(const char* id, const char* unit, const char* status, std::int64_t created_utc)
{
    TicketInfo t;
    t.id = id;
    t.unit_id = unit;
    t.status = status;
    t.category = "home_repair";
    t.created_utc = created_utc;
    t.worker_masked = "王*明";
    t.timeline = {{created_utc, "submitted", "已收到报修"}, {created_utc + 3600, status, ""}};
    return t;
}

// 2026-12-02T17:30:00Z: already 12月3日 in Shanghai.
constexpr std::int64_t dec2_1730_utc = 1796232600;

// Code entry -> 按房号查询 -> 3栋 2单元 1502 -> 5678; returns the verify call.
void verify_1502(Kiosk& k)
{
    k.apply(RequestTrack{});
    k.apply(RequestTrackByUnit{});
    REQUIRE(k.s().step == RepairsStep::Unit);
    k.apply(household::RequestBuilding{3});
    k.apply(household::RequestEntrance{2});
    k.apply(household::RequestRoom{"3-2-1502"});
    REQUIRE(k.s().step == RepairsStep::Digits);
    for (char c : std::string("5678"))
        k.apply(household::RequestKey{c});
    k.apply(household::RequestSubmit{});
    REQUIRE(k.effects.calls.size() == 1);
    CHECK(std::get<household::CallVerifyHousehold>(std::any_cast<const RepairsCall&>(k.effects.calls[0].payload))
              .attempt.last4 == "5678");
}

household::HouseholdVerified verified(bool offline = false)
{
    household::HouseholdVerified v;
    v.answer.outcome = household::Outcome::Ok;
    v.answer.offline = offline;
    if (!offline)
        v.answer.token = "token-1502";
    return v;
}

// Verified online, the list asked for and answered: two of 1502's and one stray of another unit.
void list_1502(Kiosk& k)
{
    verify_1502(k);
    k.answer(verified());
    REQUIRE(k.s().step == RepairsStep::UnitTickets);
    REQUIRE(k.effects.calls.size() == 1);
    const auto& call = std::get<CallUnitTickets>(std::any_cast<const RepairsCall&>(k.effects.calls[0].payload));
    CHECK(call.unit_id == "3-2-1502");
    CHECK(call.token == "token-1502");
    k.answer(UnitTicketsDone{CallOutcome::Ok, "3-2-1502",
                             {unit_ticket("R-2026-000001", "3-2-1502", "completed", dec2_1730_utc - 9 * 86400),
                              unit_ticket("R-2026-000099", "5-3-2202", "submitted", dec2_1730_utc),
                              unit_ticket("R-2026-000003", "3-2-1502", "awaiting_acceptance", dec2_1730_utc)}});
}

} // namespace

TEST_CASE("by unit: picker and digits, then the household's tickets newest first, never another unit's")
{
    Kiosk k;
    k.apply(RequestTrack{});
    CHECK(k.view().by_unit_label == "按房号查询");
    CHECK(k.view(RepairsCache{}, true, Language::ZhHK).by_unit_label == "按房號查詢");
    CHECK(k.view(RepairsCache{}, true, Language::En).by_unit_label == "Find by my unit");
    list_1502(k);
    REQUIRE(k.s().unit_tickets.size() == 2);
    const RepairsView v = k.view();
    CHECK(v.prompt == "3-2-1502的报修单（最新的在前）");
    REQUIRE(v.choices.size() == 2);
    // Newest first; the date in Shanghai; category and state in words.
    CHECK(v.choices[0].value == "R-2026-000003");
    CHECK(v.choices[0].label == "2026-12-03 · home_repair · 待验收\nR-2026-000003");
    CHECK(v.choices[1].value == "R-2026-000001");
    CHECK(v.choices[1].label.find("已完成") != std::string::npos);
    for (const ChoiceView& c : v.choices)
        CHECK(c.label.find("R-2026-000099") == std::string::npos);
    CHECK(v.refresh_label == "刷新进度");

    // An answer for another unit is not shown at all.
    Kiosk stray;
    verify_1502(stray);
    stray.answer(verified());
    stray.answer(UnitTicketsDone{CallOutcome::Ok, "5-3-2202", {unit_ticket("R-2026-000099", "5-3-2202", "submitted", 1)}});
    CHECK(stray.s().unit_tickets.empty());
    CHECK(stray.view().message == "物业系统暂时出了问题，请稍后再试。");
}

TEST_CASE("by unit: a ticket from the list opens the code path's screen; 验收 and the rating carry the household's token")
{
    Kiosk k;
    list_1502(k);
    k.apply(RequestOpenUnitTicket{"R-2026-000003"});
    CHECK(k.s().step == RepairsStep::Ticket);
    RepairsView v = k.view();
    CHECK(v.status_line == "当前状态：待验收");
    CHECK(v.worker_line == "维修人员：王*明");
    CHECK_FALSE(v.accept_label.empty());
    k.apply(RequestAccept{true, {}});
    REQUIRE(k.effects.submissions.size() == 1);
    const auto& acceptance = std::any_cast<const SubmitAcceptance&>(k.effects.submissions[0].payload);
    CHECK(acceptance.ticket_id == "R-2026-000003");
    CHECK(acceptance.follow_code.empty());
    CHECK(acceptance.verification_token == "token-1502");

    // 刷新 reads this ticket with the token; the list learns the news too.
    k.apply(RequestRefresh{});
    REQUIRE(k.effects.calls.size() == 1);
    const auto& read = std::get<CallTicketForUnit>(std::any_cast<const RepairsCall&>(k.effects.calls[0].payload));
    CHECK(read.ticket_id == "R-2026-000003");
    CHECK(read.token == "token-1502");
    k.answer(TicketDone{CallOutcome::Ok, unit_ticket("R-2026-000003", "3-2-1502", "completed", dec2_1730_utc)});
    CHECK(k.view().ratings.size() == 5);
    k.apply(RequestRate{5});
    REQUIRE(k.effects.submissions.size() == 2);
    const auto& rating = std::any_cast<const SubmitRating&>(k.effects.submissions[1].payload);
    CHECK(rating.score == 5);
    CHECK(rating.follow_code.empty());
    CHECK(rating.verification_token == "token-1502");

    // Back: the list (with the news); Back again: out of it, list and token gone.
    k.c.apply(RequestBack{}, 0);
    CHECK(k.s().step == RepairsStep::UnitTickets);
    CHECK(k.view().choices[0].label.find("已完成") != std::string::npos);
    k.c.apply(RequestBack{}, 0);
    CHECK(k.s().step == RepairsStep::CodeEntry);
    CHECK(k.s().unit_tickets.empty());
    CHECK_FALSE(k.s().ticket);
    CHECK(k.s().verification.token.empty());
    CHECK(k.s().verification.verified_unit_id.empty());
    k.c.apply(RequestBack{}, 0);
    CHECK(k.s().step == RepairsStep::Start);
}

TEST_CASE("by unit: Home and the idle timeout drop the household's tickets")
{
    Kiosk k;
    list_1502(k);
    k.apply(RequestOpenUnitTicket{"R-2026-000003"});
    k.c.apply(RequestHome{}, 0);
    k.c.apply(RequestOpenScreen{feature_id}, 0);
    CHECK(k.s().unit_tickets.empty());
    CHECK_FALSE(k.s().ticket);
    CHECK(k.s().verification.token.empty());

    Kiosk idle;
    list_1502(idle);
    const std::int64_t later = std::int64_t{idle.config.idle_timeout_s + idle.config.countdown_s} * 1000 + 1000;
    idle.c.tick(later - 1000 * idle.config.countdown_s);  // 还在使用吗？
    idle.c.tick(later);
    CHECK(idle.c.state().session.screen() == screen::home);
    idle.c.apply(RequestOpenScreen{feature_id}, later);
    CHECK(idle.s().unit_tickets.empty());
    CHECK(idle.s().step == RepairsStep::Start);
}

TEST_CASE("by unit offline: the offline check proves the household, but the list needs the office: the code instead")
{
    Kiosk k;
    k.apply(RequestTrack{});
    k.apply(RequestTrackByUnit{});
    // Said before any digit is typed when the kiosk knows it is offline.
    CHECK(k.view(RepairsCache{}, false).message == "按房号查询需要网络，目前网络不通。请用报修单上的跟进码查询。");
    CHECK(k.view(RepairsCache{}, true).message.empty());
    k.c.apply(RequestBack{}, 0);
    verify_1502(k);
    k.answer(verified(true));
    CHECK(k.effects.calls.empty());  // no list asked for
    CHECK(k.s().step == RepairsStep::CodeEntry);
    CHECK(k.s().verification.verified_unit_id.empty());
    CHECK(k.view().message == "按房号查询需要网络，目前网络不通。请用报修单上的跟进码查询。");
    CHECK(k.view(RepairsCache{}, true, Language::ZhHK).message ==
          "按房號查詢需要網絡，目前網絡不通。請用報修單上的跟進碼查詢。");
    CHECK(k.view(RepairsCache{}, true, Language::En).message ==
          "Finding repairs by unit needs the network, which is down. Please use the follow-up code on your ticket.");
    CHECK_FALSE(k.view().find_label.empty());  // the code keypad is right there

    // Offline, no offline check possible: the same words, not a digits problem.
    Kiosk uncheckable;
    verify_1502(uncheckable);
    household::HouseholdVerified none;
    none.answer.outcome = household::Outcome::NoOfflineCheck;
    none.answer.offline = true;
    uncheckable.answer(none);
    CHECK(uncheckable.s().step == RepairsStep::CodeEntry);
    CHECK(uncheckable.s().notice == RepairsNotice::UnitNeedsNetwork);

    // Verified online, then the network goes before the list comes.
    Kiosk dropped;
    verify_1502(dropped);
    dropped.answer(verified());
    dropped.answer(UnitTicketsDone{CallOutcome::Offline, "", {}});
    CHECK(dropped.s().step == RepairsStep::CodeEntry);
    CHECK(dropped.s().notice == RepairsNotice::UnitNeedsNetwork);
    CHECK(dropped.s().verification.token.empty());
}

TEST_CASE("by unit: a 500 or garbage while listing is a plain message and 刷新 asks again; an old verification asks for the unit again")
{
    Kiosk k;
    verify_1502(k);
    k.answer(verified());
    k.answer(UnitTicketsDone{CallOutcome::ServerError, "", {}});
    CHECK(k.s().step == RepairsStep::UnitTickets);
    CHECK(k.view().message == "物业系统暂时出了问题，请稍后再试。");
    CHECK(k.view().empty_line.empty());  // not "no tickets": the office did not say
    k.apply(RequestRefresh{});
    REQUIRE(k.effects.calls.size() == 1);
    CHECK(std::holds_alternative<CallUnitTickets>(std::any_cast<const RepairsCall&>(k.effects.calls[0].payload)));
    k.answer(UnitTicketsDone{CallOutcome::Ok, "3-2-1502", {}});
    CHECK(k.view().empty_line == "这户目前没有报修记录。");

    k.apply(RequestRefresh{});
    k.answer(UnitTicketsDone{CallOutcome::VerifyAgain, "", {}});
    CHECK(k.s().step == RepairsStep::Unit);
    CHECK(k.s().verification.token.empty());
    CHECK(k.view().message == "验证已过期，请重新选择房号并输入手机尾号。");
    CHECK(k.view(RepairsCache{}, true, Language::En).message ==
          "Your check has expired. Please choose your unit and type the phone's last four digits again.");

    // The same when a ticket opened from the list is read again too late.
    Kiosk late;
    list_1502(late);
    late.apply(RequestOpenUnitTicket{"R-2026-000003"});
    late.apply(RequestRefresh{});
    late.answer(TicketDone{CallOutcome::NotFound, std::nullopt});
    CHECK(late.s().step == RepairsStep::Unit);
    CHECK(late.s().unit_tickets.empty());
    CHECK(late.s().notice == RepairsNotice::VerifyAgain);
}

TEST_CASE("长者模式: a 验收 and a rating are read back before they are sent; 返回修改 sends nothing")
{
    Kiosk k;
    k.c.apply(RequestToggleElderly{}, 0);
    find(k, "awaiting_acceptance");
    k.apply(RequestAccept{false, "still_broken"});
    REQUIRE(k.s().step == RepairsStep::ConfirmVerdict);
    CHECK(k.effects.submissions.empty());
    RepairsView v = k.view();
    CHECK(v.read_back.prompt == "请核对验收结果");
    CHECK(v.read_back.lines == std::vector<std::string>{"报修单号：R-2026-000013 · plumbing", "验收结果：不通过，原因：问题仍未解决"});
    CHECK(v.read_back.confirm_label == "确认提交");
    CHECK(v.read_back.change_label == "返回修改");
    k.apply(RequestChangeVerdict{});
    CHECK(k.s().step == RepairsStep::Ticket);
    CHECK(k.effects.submissions.empty());
    k.apply(RequestAccept{true, {}});
    CHECK(k.view().read_back.lines.back() == "验收结果：验收通过");
    k.c.apply(RequestBack{}, 0);  // Back is 返回修改 too
    CHECK(k.s().step == RepairsStep::Ticket);
    k.apply(RequestAccept{true, {}});
    k.apply(RequestConfirmVerdict{});
    k.apply(RequestConfirmVerdict{});  // a second tap sends nothing twice
    REQUIRE(k.effects.submissions.size() == 1);
    CHECK(std::any_cast<const SubmitAcceptance&>(k.effects.submissions[0].payload).accepted);
    CHECK(k.s().step == RepairsStep::Ticket);
    CHECK(k.view().after_line == "验收结果已提交，谢谢。");

    Kiosk rating;
    rating.c.apply(RequestToggleElderly{}, 0);
    find(rating, "completed");
    rating.apply(RequestRate{4});
    REQUIRE(rating.s().step == RepairsStep::ConfirmVerdict);
    CHECK(rating.effects.submissions.empty());
    CHECK(rating.view().read_back.prompt == "请核对您的评分");
    CHECK(rating.view().read_back.lines.back() == "评分：4 分，满意");
    rating.apply(RequestConfirmVerdict{});
    REQUIRE(rating.effects.submissions.size() == 1);
    CHECK(std::any_cast<const SubmitRating&>(rating.effects.submissions[0].payload).score == 4);
    CHECK(rating.view().after_line == "谢谢您的评价！");
}
