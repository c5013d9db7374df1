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
