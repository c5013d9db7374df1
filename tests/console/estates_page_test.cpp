// A company manager creates an estate from the console (issue 19): empty,
// with the full schema, audited at home; a wrong id or name, a taken id, an
// account that is not a company manager, or a form without its CSRF token
// creates nothing. Runs on SQLite and (console_test_pg) on PostgreSQL.
#include "office_fixture.hpp"

#include "estates.hpp"
#include "schema.hpp"

using namespace lobby::test;
namespace srv = lobby::server;
namespace c = lobby::server::console;

namespace {

constexpr const char* company_password = "company-secret-1";

// A home manager account with the company flag, as --create-manager --company makes it.
void add_company_manager(Office& office, const std::string& user) {
    srv::Database db(office.server.db_path());
    srv::Transaction tx(db);
    REQUIRE(c::create_account(db, user, "总部经理", c::Role::manager, company_password, office.server.clock().now()) ==
            c::CreateOutcome::created);
    srv::Statement mark(db, "UPDATE staff_accounts SET company = 1 WHERE username = ?");
    mark.bind(1, user);
    mark.run();
    tx.commit();
}

std::int64_t count(srv::Pool& pool, const char* sql) {
    auto lease = pool.acquire();
    srv::Statement st(lease.db(), sql);
    REQUIRE(st.step());
    return st.int64(0);
}

int version(srv::Pool& pool) {
    auto lease = pool.acquire();
    return srv::schema_version(lease.db());
}

std::size_t estate_count(Office& office) { return office.server.office().estates().list().size(); }

int audit_count(Office& office, const std::string& action) {
    int n = 0;
    for (const auto& e : office.audit()) n += e.action == action;
    return n;
}

} // namespace

TEST_CASE("a company manager creates an estate in the console: empty, full schema, audited; then works in it") {
    Office office;
    add_company_manager(office, "hqmgr");
    srv::Estates& estates = office.server.office().estates();
    ConsoleClient hq = office.signed_in("hqmgr", company_password);
    const Page form = hq.get("/console/estates");
    REQUIRE(form.status == 200);
    CHECK(form.has("id=\"estate-form\""));

    const Page made = hq.post("/console/estates", {{"id", "xihu"}, {"name", "西湖苑"}});
    CHECK(made.status == 303);
    CHECK(made.location() == "/console/estates?done=estate_created");
    srv::Pool* xihu = estates.find("xihu");
    REQUIRE(xihu != nullptr);
    CHECK(version(*xihu) == version(estates.home()));  // every schema step, as home has
    for (const char* table : {"SELECT COUNT(*) FROM tickets", "SELECT COUNT(*) FROM staff_accounts",
                              "SELECT COUNT(*) FROM kiosks", "SELECT COUNT(*) FROM feed"})
        CHECK(count(*xihu, table) == 0);
    const Page list = hq.get(made.location());
    CHECK(list.has("西湖苑"));
    CHECK(list.has("小区已创建"));
    CHECK(office.audited("hqmgr", "estate.create", "xihu"));

    // Entered, it is empty and takes the first kiosk's enrolment code.
    const std::string home_ticket = office.file_ticket("只在本部小区的报修 HOME-ONLY");
    REQUIRE(hq.post("/console/estates/switch", {{"estate", "xihu"}}).status == 303);
    const Page queue = hq.get("/console/repairs");
    REQUIRE(queue.status == 200);
    CHECK_FALSE(queue.has(home_ticket));
    REQUIRE(hq.get("/console/kiosks").status == 200);
    CHECK(hq.post("/console/kiosks/enrolment-codes", {{"kiosk_id", "lobby-1"}}).status == 201);
    CHECK(count(*xihu, "SELECT COUNT(*) FROM enrolment_codes") == 1);

    // Acting in another estate, a new one is still the company's, audited at home.
    REQUIRE(hq.get("/console/estates").status == 200);
    CHECK(hq.post("/console/estates", {{"id", "dong-cheng"}, {"name", "东城花园"}}).status == 303);
    CHECK(estates.find("dong-cheng") != nullptr);
    CHECK(office.audited("company:hqmgr", "estate.create", "dong-cheng"));
    CHECK(estate_count(office) == 3);
}

TEST_CASE("creating an estate: a wrong id or name, a taken id, no company role or no CSRF token creates nothing") {
    Office office;
    add_company_manager(office, "hqmgr");
    ConsoleClient hq = office.signed_in("hqmgr", company_password);
    REQUIRE(hq.get("/console/estates").status == 200);
    for (const char* bad_id : {"", "Xihu", "1xihu", "home", "company", "xi_hu", "西湖", "a-very-long-estate-id-over24"}) {
        CAPTURE(bad_id);
        const Page refused = hq.post("/console/estates", {{"id", bad_id}, {"name", "西湖苑"}});
        CHECK(refused.status == 422);
        CHECK(refused.has("编号为1至24个小写字母"));
        CHECK(refused.has("value=\"西湖苑\""));  // what was typed stays in the form
    }
    CHECK(hq.post("/console/estates", {{"id", "xihu"}, {"name", ""}}).status == 422);
    CHECK(hq.post("/console/estates", {{"id", "xihu"}, {"name", std::string(41 * 3, 'a')}}).status == 422);
    const Page long_name = hq.post("/console/estates", {{"id", "xihu"}, {"name", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一"}});
    CHECK(long_name.status == 422);
    CHECK(long_name.has("请填写小区名称"));
    CHECK(estate_count(office) == 1);

    REQUIRE(hq.post("/console/estates", {{"id", "xihu"}, {"name", "西湖苑"}}).status == 303);
    const Page taken = hq.post("/console/estates", {{"id", "xihu"}, {"name", "另一个西湖苑"}});
    CHECK(taken.status == 409);
    CHECK(taken.has("已有这个编号的小区"));
    CHECK(office.server.office().estates().list().back().name == "西湖苑");

    // A manager of one estate, a front desk, or a forged form: nothing made.
    ConsoleClient boss = office.signed_in("boss", manager_password);
    CHECK(boss.get("/console/estates").status == 403);
    CHECK(boss.post("/console/estates", {{"id", "e777"}, {"name", "七号"}}).status == 403);
    ConsoleClient desk = office.signed_in("desk", desk_password);
    REQUIRE(desk.get("/console/repairs").status == 200);  // a page with its CSRF token
    CHECK(desk.post("/console/estates", {{"id", "e778"}, {"name", "八号"}}).status == 403);
    CHECK(hq.post("/console/estates", {{"id", "e779"}, {"name", "九号"}}, false).status == 403);
    CHECK(estate_count(office) == 2);
    CHECK(audit_count(office, "estate.create") == 1);
    CHECK(office.audited("desk", "forbidden", "/console/estates"));
    CHECK(office.audited("hqmgr", "csrf.refused", "/console/estates"));
}

TEST_CASE("a company manager limited to some estates sees and enters only those; the limit is set, audited and removed") {
    Office office;
    add_company_manager(office, "hqmgr");
    srv::Estates& estates = office.server.office().estates();
    const std::string home_ticket = office.file_ticket("只在本部小区的报修 HOME-ONLY");
    ConsoleClient hq = office.signed_in("hqmgr", company_password);
    REQUIRE(hq.get("/console/estates").status == 200);
    REQUIRE(hq.post("/console/estates", {{"id", "north"}, {"name", "北苑"}}).status == 303);
    REQUIRE(hq.post("/console/estates", {{"id", "south"}, {"name", "南苑"}}).status == 303);
    const Page form = hq.get("/console/estates");
    CHECK(form.has("id=\"company-form\""));
    CHECK(form.has("<option value=\"boss\">"));
    CHECK_FALSE(form.has("<option value=\"hqmgr\">"));  // not itself

    // Refused: no estate ticked, an unknown one, itself, a front desk, nobody.
    CHECK(hq.post("/console/estates/managers", {{"username", "boss"}}).status == 422);
    CHECK(hq.post("/console/estates/managers", {{"username", "boss"}, {"estate", "nowhere"}}).status == 422);
    for (const char* who : {"hqmgr", "desk", "nobody"}) {
        CAPTURE(who);
        CHECK(hq.post("/console/estates/managers", {{"username", who}, {"estate", "north"}}).status == 422);
    }
    CHECK_FALSE(office.audited("hqmgr", "company.limit"));

    const Page limited = hq.post("/console/estates/managers", {{"username", "boss"}, {"estate", "north"}});
    CHECK(limited.status == 303);
    CHECK(limited.location() == "/console/estates?done=company_limited");
    CHECK(office.audited("hqmgr", "company.limit", "boss"));
    CHECK(hq.get("/console/estates").has("北苑"));

    // boss, signed in at home, must first pick one of its estates: only north is offered.
    ConsoleClient boss = office.signed_in("boss", manager_password);
    const Page away = boss.get("/console/repairs");
    CHECK(away.status == 303);
    CHECK(away.location() == "/console/estates?done=estate_pick");
    const Page choice = boss.get("/console/estates");
    REQUIRE(choice.status == 200);
    CHECK(choice.has("id=\"switch-north\""));
    CHECK_FALSE(choice.has("id=\"switch-south\""));
    CHECK_FALSE(choice.has("id=\"switch-home\""));
    CHECK_FALSE(choice.has("id=\"estate-form\""));
    CHECK_FALSE(choice.has("id=\"company-form\""));
    CHECK(boss.post("/console/estates/switch", {{"estate", "south"}}).status == 403);
    CHECK(boss.post("/console/estates/switch", {{"estate", "home"}}).status == 403);
    CHECK(office.audited("boss", "forbidden", "/console/estates/switch"));
    CHECK(boss.post("/console/estates", {{"id", "west"}, {"name", "西苑"}}).status == 403);
    CHECK(boss.post("/console/estates/managers", {{"username", "hqmgr"}, {"estate", "north"}}).status == 403);
    const Page not_home = boss.post("/console/kiosks/enrolment-codes", {{"kiosk_id", "lobby-9"}});
    CHECK(not_home.status == 403);
    CHECK(not_home.has("您不能管理这个小区"));
    CHECK(not_home.has("href=\"/console/estates\""));  // the way to pick one
    CHECK(estates.find("west") == nullptr);
    CHECK(count(estates.home(), "SELECT COUNT(*) FROM enrolment_codes WHERE kiosk_id = 'lobby-9'") == 0);

    REQUIRE(boss.post("/console/estates/switch", {{"estate", "north"}}).status == 303);
    const Page north_queue = boss.get("/console/repairs");
    REQUIRE(north_queue.status == 200);
    CHECK_FALSE(north_queue.has(home_ticket));
    REQUIRE(boss.get("/console/kiosks").status == 200);
    CHECK(boss.post("/console/kiosks/enrolment-codes", {{"kiosk_id", "lobby-1"}}).status == 201);
    CHECK(count(*estates.find("north"), "SELECT COUNT(*) FROM enrolment_codes") == 1);

    // Removed: boss is a manager of the home estate again, at once.
    REQUIRE(hq.get("/console/estates").status == 200);
    CHECK(hq.post("/console/estates/managers/boss/revoke", {}).status == 303);
    CHECK(office.audited("hqmgr", "company.revoke", "boss"));
    CHECK(boss.get("/console/estates").status == 403);
    const Page home_queue = boss.get("/console/repairs");
    REQUIRE(home_queue.status == 200);
    CHECK(home_queue.has(home_ticket));
    CHECK(hq.post("/console/estates/managers/boss/revoke", {}).status == 404);  // nothing left to remove
}
