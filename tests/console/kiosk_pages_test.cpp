// The console's kiosk pages over real HTTP (issue 17, on issue 18's API):
// a manager makes a one-time enrolment code and sees it pending, used or
// expired; rotates a kiosk's token (its old one keeps an hour of grace);
// edits a kiosk's settings with the API's own checks; and every action is
// audited. A front desk or maintenance account, or a form without its
// CSRF token, changes nothing.
#include "office_fixture.hpp"

#include "console/page.hpp"
#include "feed.hpp"

#include "protocol/changes.hpp"
#include "protocol/kiosk.hpp"
#include "protocol/kiosk_setup.hpp"

#include <regex>

using namespace lobby::test;
namespace p = lobby::protocol;
namespace c = lobby::server::console;

namespace {

const std::string kiosk_key(64, 'b');

std::int64_t count_rows(Office& office, const char* sql) {
    lobby::server::Database db(office.server.db_path());
    lobby::server::Statement st(db, sql);
    REQUIRE(st.step());
    return st.int64(0);
}

// The code as the page shows it ("1234 5678"), without its space.
std::string shown_code(const Page& page) {
    std::smatch m;
    if (!std::regex_search(page.body, m, std::regex(R"re(id="code">([0-9]{4}) ([0-9]{4})<)re"))) return {};
    return m[1].str() + m[2].str();
}

// The row of the codes table for `kiosk` (the first: newest first).
std::string code_row(const Page& page, const std::string& kiosk) {
    const auto table = page.body.find("id=\"codes\"");
    REQUIRE(table != std::string::npos);
    const auto at = page.body.find("<td data-label=\"终端\">" + kiosk + "</td>", table);
    if (at == std::string::npos) return {};
    return page.body.substr(at, page.body.find("</tr>", at) - at);
}

// The kiosk's own settings record in its feed (that collection only: the
// demo feed has ~20,000 changes).
std::optional<nlohmann::json> settings_in_feed(Office& office, const char* token) {
    const Reply r = Api(office.server.port(), token)
                        .get(std::string("/v1/changes?since=0&limit=1000&collections=") + p::collection::kiosk_settings);
    REQUIRE(r.status == 200);
    const auto page = r.as<p::ChangesPage>();
    REQUIRE(!page.has_more);
    std::optional<nlohmann::json> found;
    for (const auto& change : page.changes)
        if (change.collection == p::collection::kiosk_settings) found = change.data;
    return found;
}

p::KioskStatus status_of(Office& office, const std::string& id) {
    for (const auto& k : Api(office.server.port(), staff_token).get("/v1/kiosks").as<p::KioskList>().kiosks)
        if (k.id == id) return k;
    FAIL("no kiosk " << id);
    return {};
}

} // namespace

TEST_CASE("a manager makes a one-time enrolment code, shown once with its expiry; the list says pending, used or expired") {
    Office office;
    ConsoleClient boss = office.signed_in("boss", manager_password);
    REQUIRE(boss.get("/console/kiosks").has("id=\"make-code\""));

    const Page made = boss.post("/console/kiosks/enrolment-codes", {{"kiosk_id", "lobby-7"}});
    REQUIRE(made.status == 201);
    const std::string code = shown_code(made);
    REQUIRE(code.size() == 8);
    CHECK(made.has("id=\"code-kiosk\">lobby-7<"));
    CHECK(made.has(c::format_time(office.server.clock().now() + 24 * 3600)));
    CHECK(made.has("只显示这一次"));
    CHECK(made.headers.find("Cache-Control")->second == "no-store");
    CHECK(boss.get("/console/kiosks/enrolment-codes").location() == "/console/kiosks");  // opened again: no code

    // Listed as waiting, never with the code itself.
    Page list = boss.get("/console/kiosks");
    CHECK(code_row(list, "lobby-7").find("待使用") != std::string::npos);
    CHECK(code_row(list, "lobby-7").find("boss") != std::string::npos);
    CHECK(!list.has(code));
    CHECK(!list.has(code.substr(0, 4) + " " + code.substr(4)));

    // The code is the API's: a kiosk enrols with it, once.
    Api anonymous(office.server.port(), "");
    REQUIRE(anonymous.post("/v1/kiosks/enrol", {{"code", code}, {"verify_key", kiosk_key}}).status == 200);
    list = boss.get("/console/kiosks");
    CHECK(code_row(list, "lobby-7").find("已使用") != std::string::npos);
    CHECK(list.has("id=\"settings-lobby-7\""));  // the new kiosk is in the list

    // A day later an unused code has expired; one made now waits.
    REQUIRE(boss.post("/console/kiosks/enrolment-codes", {{"kiosk_id", "lobby-8"}}).status == 201);
    office.server.clock().advance(24 * 3600 + 1);
    ConsoleClient next_day = office.signed_in("boss", manager_password);  // the session ended meanwhile
    REQUIRE(next_day.get("/console/kiosks").status == 200);
    REQUIRE(next_day.post("/console/kiosks/enrolment-codes", {{"kiosk_id", "lobby-9"}}).status == 201);
    list = next_day.get("/console/kiosks");
    CHECK(code_row(list, "lobby-8").find("已过期") != std::string::npos);
    CHECK(code_row(list, "lobby-9").find("待使用") != std::string::npos);

    CHECK(office.audited("boss", "kiosk.enrolment_code", "lobby-7"));
    for (const auto& e : office.audit()) CHECK(e.detail.find(code) == std::string::npos);
}

TEST_CASE("an enrolment code for a bad kiosk id, or a staff id, is refused on the form and none is made") {
    Office office;
    ConsoleClient boss = office.signed_in("boss", manager_password);
    REQUIRE(boss.get("/console/kiosks").status == 200);
    const Page bad = boss.post("/console/kiosks/enrolment-codes", {{"kiosk_id", "<b>Lobby 8</b>"}});
    CHECK(bad.status == 422);
    CHECK(bad.has("终端编号只能用小写字母、数字和“-”"));
    CHECK(bad.has("value=\"&lt;b&gt;Lobby 8&lt;/b&gt;\""));  // kept, escaped
    CHECK(bad.has("aria-invalid=\"true\""));
    const Page staff = boss.post("/console/kiosks/enrolment-codes", {{"kiosk_id", "office-staff"}});
    CHECK(staff.status == 422);
    CHECK(staff.has("这个编号属于员工令牌"));
    CHECK(boss.post("/console/kiosks/enrolment-codes", {{"kiosk_id", ""}}).status == 422);
    CHECK(count_rows(office, "SELECT count(*) FROM enrolment_codes") == 0);
    CHECK(!office.audited("boss", "kiosk.enrolment_code"));
}

TEST_CASE("rotating a kiosk's token: pending until the kiosk fetches it, then its old token works for an hour") {
    Office office;
    ConsoleClient boss = office.signed_in("boss", manager_password);
    REQUIRE(boss.get("/console/kiosks").has("id=\"rotate-lobby-1\""));
    const Page asked = boss.post("/console/kiosks/lobby-1/rotate", {});
    REQUIRE(asked.status == 303);
    CHECK(asked.location() == "/console/kiosks?done=rotation_requested");
    Page list = boss.get(asked.location());
    CHECK(list.has("旧令牌在那之后还能用一小时"));
    CHECK(list.has("等待终端领取新令牌"));
    CHECK(!list.has("id=\"rotate-lobby-1\""));  // asked already
    CHECK(status_of(office, "lobby-1").rotation_pending);
    CHECK(office.audited("boss", "kiosk.rotate_token", "lobby-1"));

    // The kiosk fetches its new token with the old one.
    Api old_token(office.server.port(), lobby1_token);
    const Reply fetched = old_token.post("/v1/kiosks/token", std::string());
    REQUIRE(fetched.status == 200);
    const auto rotation = fetched.as<p::TokenRotation>();
    CHECK(rotation.old_token_until == office.server.clock().now() + 3600);
    list = boss.get("/console/kiosks");
    CHECK(list.has("旧令牌可用至 " + c::format_time(rotation.old_token_until)));
    CHECK(boss.get("/console/kiosks/lobby-1").has("旧令牌可用至 " + c::format_time(rotation.old_token_until)));
    CHECK(old_token.get("/v1/changes?since=0&limit=1").status == 200);

    office.server.clock().advance(3601);
    CHECK(old_token.get("/v1/changes?since=0&limit=1").status == 401);
    CHECK(Api(office.server.port(), rotation.token).get("/v1/changes?since=0&limit=1").status == 200);
    ConsoleClient later = office.signed_in("boss", manager_password);  // the session ended meanwhile
    list = later.get("/console/kiosks");
    CHECK(!list.has("旧令牌可用至"));
    CHECK(list.has("id=\"rotate-lobby-1\""));

    // No such kiosk, or a revoked one: said, nothing asked.
    CHECK(later.post("/console/kiosks/lobby-99/rotate", {}).status == 404);
    REQUIRE(later.post("/console/kiosks/lobby-2/revoke", {}).status == 303);
    const Page revoked = later.post("/console/kiosks/lobby-2/rotate", {});
    CHECK(revoked.status == 404);
    CHECK(revoked.has("已停用"));
    CHECK(!status_of(office, "lobby-2").rotation_pending);
    CHECK(office.audited("boss", "kiosk.revoke", "lobby-2"));
}

TEST_CASE("kiosk settings from the console reach that kiosk alone; a bad value is named on the form and nothing is saved") {
    Office office;
    ConsoleClient boss = office.signed_in("boss", manager_password);
    const Page empty = boss.get("/console/kiosks/lobby-1");
    REQUIRE(empty.status == 200);
    CHECK(empty.has("id=\"settings-form\""));
    CHECK(empty.has("<option value=\"\" selected>按终端配置文件</option>"));

    const Page saved = boss.post("/console/kiosks/lobby-1/settings",
                                 {{"idle_timeout_s", "90"}, {"language", "en"}, {"elderly_default", "true"},
                                  {"zh_cn_voice", ""}, {"zh_hk_voice", "cantonese"}, {"home_1", "repairs"},
                                  {"home_2", "fees"}, {"home_3", ""}, {"home_4", "notices"}, {"home_5", ""}});
    REQUIRE(saved.status == 303);
    CHECK(saved.location() == "/console/kiosks/lobby-1?done=settings_saved");
    const auto record = settings_in_feed(office, lobby1_token);
    REQUIRE(record);
    CHECK(*record == nlohmann::json::parse(R"({"idle_timeout_s":90,"language":"en","elderly_default":true,
                                               "zh_hk_voice":"cantonese","home_services":["repairs","fees","notices"]})"));
    CHECK(!settings_in_feed(office, lobby2_token));  // published to lobby-1 alone
    const Page shown = boss.get(saved.location());
    CHECK(shown.has("设置已保存"));
    CHECK(shown.has("value=\"90\""));
    CHECK(shown.has("<option value=\"en\" selected>"));
    CHECK(shown.has("<option value=\"true\" selected>"));
    CHECK(shown.has("<option value=\"cantonese\" selected>"));
    CHECK(shown.has("<option value=\"notices\" selected>"));
    CHECK(office.audited("boss", "kiosk.settings", "lobby-1"));

    struct Bad {
        std::vector<std::pair<std::string, std::string>> fields;
        const char* says;
    };
    const Bad bad[] = {
        {{{"idle_timeout_s", "5"}}, "无操作超时须是20到600之间的整数"},
        {{{"idle_timeout_s", "601"}}, "无操作超时须是20到600之间的整数"},
        {{{"idle_timeout_s", "九十"}}, "无操作超时须是20到600之间的整数"},
        {{{"language", "fr"}}, "起始语言只能选"},
        {{{"elderly_default", "maybe"}}, "默认长者模式只能选"},
        {{{"zh_cn_voice", "klingon"}}, "朗读语音只能选普通话或粤语"},
        {{{"home_1", "repairs"}, {"home_2", "repairs"}}, "首页服务只能从列表中选，且每项只能选一次"},
        {{{"home_1", "parking"}}, "首页服务只能从列表中选，且每项只能选一次"},
    };
    for (const Bad& b : bad) {
        CAPTURE(b.says);
        const Page refused = boss.post("/console/kiosks/lobby-1/settings", b.fields);
        CHECK(refused.status == 400);
        CHECK(refused.has(b.says));
        CHECK(refused.has("设置未保存"));
        CHECK(refused.has("aria-invalid=\"true\""));
    }
    // The typed value stays on the form, escaped.
    CHECK(boss.post("/console/kiosks/lobby-1/settings", {{"idle_timeout_s", "<i>"}}).has("value=\"&lt;i&gt;\""));
    CHECK(settings_in_feed(office, lobby1_token)->at("idle_timeout_s") == 90);
    int audited = 0;
    for (const auto& e : office.audit()) audited += e.action == "kiosk.settings" ? 1 : 0;
    CHECK(audited == 1);

    // Cleared: every setting back to the kiosk's own config file.
    REQUIRE(boss.post("/console/kiosks/lobby-1/settings", {}).status == 303);
    CHECK(*settings_in_feed(office, lobby1_token) == nlohmann::json::object());
    CHECK(boss.get("/console/kiosks/lobby-99").status == 404);
    CHECK(boss.post("/console/kiosks/lobby-99/settings", {{"idle_timeout_s", "90"}}).status == 404);
}

TEST_CASE("a front desk or maintenance account is refused every kiosk page and action; a form without its CSRF token too") {
    Office office;
    for (const auto& [user, password] : {std::pair{"desk", desk_password}, std::pair{"worker", worker_password}}) {
        CAPTURE(user);
        ConsoleClient staff = office.signed_in(user, password);
        REQUIRE(staff.get("/console/repairs").status == 200);  // for its CSRF token
        CHECK(staff.get("/console/kiosks").status == 403);
        CHECK(staff.get("/console/kiosks/lobby-1").status == 403);
        const Page code = staff.post("/console/kiosks/enrolment-codes", {{"kiosk_id", "lobby-7"}});
        CHECK(code.status == 403);
        CHECK(code.has("您的岗位没有此项权限"));
        CHECK(staff.post("/console/kiosks/lobby-1/rotate", {}).status == 403);
        CHECK(staff.post("/console/kiosks/lobby-1/revoke", {}).status == 403);
        CHECK(staff.post("/console/kiosks/lobby-1/settings", {{"idle_timeout_s", "90"}}).status == 403);
        CHECK(office.audited(user, "forbidden", "/console/kiosks/lobby-1/settings"));
    }
    ConsoleClient boss = office.signed_in("boss", manager_password);
    REQUIRE(boss.get("/console/kiosks").status == 200);
    const std::string forged = "0123456789abcdef0123456789abcdef";
    boss.set_csrf(forged);
    CHECK(boss.post("/console/kiosks/lobby-1/settings", {{"idle_timeout_s", "90"}}).status == 403);
    boss.set_csrf(forged);  // the refusal's page carried the real one again
    CHECK(boss.post("/console/kiosks/lobby-1/rotate", {}).status == 403);
    CHECK(boss.post("/console/kiosks/enrolment-codes", {{"kiosk_id", "lobby-7"}}, false).status == 403);

    CHECK(count_rows(office, "SELECT count(*) FROM enrolment_codes") == 0);
    const auto lobby1 = status_of(office, "lobby-1");
    CHECK(!lobby1.rotation_pending);
    CHECK(!lobby1.revoked);
    CHECK(!settings_in_feed(office, lobby1_token));
    CHECK(!office.audited("desk", "kiosk.settings"));
    CHECK(office.audited("boss", "csrf.refused", "/console/kiosks/lobby-1/rotate"));
}
