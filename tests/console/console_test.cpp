// The staff console over real HTTP against an in-process office server with
// a movable clock: accounts and sign-in, cookies, CSRF refusal, lockout,
// session expiry, roles, the audit log, forms that move a ticket, publish a
// notice and record a move-out decision, and escaping of hostile text.
#include "office_fixture.hpp"

#include "../server/api_client.hpp"
#include "../server/in_process_server.hpp"

#include "console/accounts.hpp"
#include "console/audit.hpp"
#include "console/sessions.hpp"
#include "db.hpp"

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace lobby::test;
namespace p = lobby::protocol;
namespace c = lobby::server::console;

namespace {

std::string cookie_line(const Page& page, const std::string& name) {
    for (const auto& line : page.set_cookies())
        if (line.rfind(name + "=", 0) == 0) return line;
    return {};
}

} // namespace

TEST_CASE("signing in sets an HttpOnly SameSite=Strict session cookie; a wrong password does not") {
    Office office;
    ConsoleClient client(office.server.port());
    const Page wrong = client.login("desk", "not-the-password");
    CHECK(wrong.status == 401);
    CHECK(client.cookie("lobby_console").empty());
    CHECK(wrong.has("用户名或密码不正确"));

    const Page ok = client.login("desk", desk_password);
    REQUIRE(ok.status == 303);
    CHECK(ok.location() == "/console/repairs");
    const std::string line = cookie_line(ok, "lobby_console");
    CHECK(line.find("HttpOnly") != std::string::npos);
    CHECK(line.find("SameSite=Strict") != std::string::npos);
    CHECK(line.find("Path=/console") != std::string::npos);
    CHECK(line.find("Secure") == std::string::npos);  // plain HTTP here; see the https test below
    const Page queue = client.get("/console/repairs");
    CHECK(queue.status == 200);
    CHECK(queue.has("王前台"));
    CHECK(queue.headers.find("Content-Security-Policy") != queue.headers.end());
    CHECK(office.audited("desk", "login.failed"));
    CHECK(office.audited("desk", "login"));
}

TEST_CASE("--create-manager makes the first manager from a password file or stdin, stores only an Argon2id hash, and only once") {
    const std::string dir = make_temp_dir("console-manager");
    const std::string db = test_database(dir + "/office.db");  // or its PostgreSQL stand-in
    const auto run = [&](const std::string& args) {
        // A PostgreSQL --db has no folder to keep the data key in: it is named.
        const std::string key = " --data-key-file " + test_data_key_file(dir + "/office.db");
        const int rc = std::system((office_server_binary() + " --db '" + db + "'" + key + " " + args + " >/dev/null 2>&1").c_str());
        return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
    };
    std::ofstream(dir + "/short.pw") << "short\n";
    std::ofstream(dir + "/good.pw") << "a-long-manager-password\n";
    CHECK(run("--create-manager boss --password-file " + dir + "/short.pw") == 2);
    CHECK(run("--create-manager 'Bad Name' --password-file " + dir + "/good.pw") == 2);
    CHECK(run("--create-manager boss --manager-name 李经理 < " + dir + "/good.pw") == 0);  // stdin
    CHECK(run("--create-manager boss2 --password-file " + dir + "/good.pw") == 1);       // a manager exists
    {
        lobby::server::Database d(db);
        lobby::server::Statement st(d, "SELECT role, password_hash FROM staff_accounts");
        REQUIRE(st.step());
        CHECK(st.text(0) == "manager");
        CHECK(st.text(1).rfind("$argon2id$v=19$", 0) == 0);
        CHECK(st.text(1).find("a-long-manager-password") == std::string::npos);
        CHECK(!st.step());
        CHECK(c::verify_login(d, "boss", "a-long-manager-password").has_value());
        CHECK(!c::verify_login(d, "boss", "a-long-manager-passworD").has_value());
    }
    drop_test_database(dir + "/office.db");
    std::filesystem::remove_all(dir);
}

TEST_CASE("over an https public URL the cookies are Secure") {
    InProcessServer server([](lobby::server::ServerConfig& c) { c.public_url = "https://office.example.cn"; });
    {
        lobby::server::Database db(server.db_path());
        lobby::server::Transaction tx(db);  // PostgreSQL sends a write at its commit
        REQUIRE(c::create_account(db, "boss", "李经理", c::Role::manager, manager_password, server.clock().now()) ==
                c::CreateOutcome::created);
        tx.commit();
    }
    ConsoleClient client(server.port());
    const Page ok = client.login("boss", manager_password);
    REQUIRE(ok.status == 303);
    CHECK(cookie_line(ok, "lobby_console").find("; Secure") != std::string::npos);
}

TEST_CASE("pages without a session go to the sign-in page; the sign-in form needs its CSRF cookie") {
    Office office;
    ConsoleClient anonymous(office.server.port());
    const Page r = anonymous.get("/console/notices");
    CHECK(r.status == 303);
    CHECK(r.location() == "/console/login?next=/console/notices");
    // A login posted from elsewhere (no double-submit cookie) is refused before the password is looked at.
    ConsoleClient forger(office.server.port());
    forger.set_csrf("00112233445566778899aabbccddeeff");
    const Page forged = forger.post("/console/login", {{"username", "boss"}, {"password", manager_password}});
    CHECK(forged.status == 403);
    CHECK(forger.cookie("lobby_console").empty());
}

TEST_CASE("a form without the session's CSRF token, or with a forged one, changes nothing") {
    Office office;
    const std::string id = office.file_ticket();
    ConsoleClient desk = office.signed_in("desk", desk_password);
    REQUIRE(desk.get("/console/repairs/" + id).status == 200);
    const std::string real = desk.csrf();
    REQUIRE(real.size() == 64);

    const Page missing = desk.post("/console/repairs/" + id + "/status", {{"status", "accepted"}, {"note", "已派单"}}, false);
    CHECK(missing.status == 403);
    CHECK(missing.has("表单已过期"));
    desk.set_csrf(std::string(64, 'a'));
    const Page forged = desk.post("/console/repairs/" + id + "/status", {{"status", "accepted"}, {"note", "已派单"}});
    CHECK(forged.status == 403);
    CHECK(office.ticket_status(id) == "submitted");
    CHECK(office.audited("desk", "csrf.refused"));

    desk.set_csrf(real);
    const Page ok = desk.post("/console/repairs/" + id + "/status", {{"status", "accepted"}, {"note", "已派单"}});
    CHECK(ok.status == 303);
    CHECK(office.ticket_status(id) == "accepted");
}

TEST_CASE("five wrong passwords lock the account for 15 minutes, even for the right password") {
    Office office;
    ConsoleClient client(office.server.port());
    for (int i = 0; i < 5; ++i) CHECK(client.login("worker", "wrong-password-" + std::to_string(i)).status == 401);
    const Page locked = client.login("worker", worker_password);
    CHECK(locked.status == 429);
    CHECK(locked.has("尝试次数过多"));
    CHECK(client.cookie("lobby_console").empty());
    CHECK(office.audited("worker", "login.locked"));
    // Another account from another... the same address still signs in (the address limit is higher).
    CHECK(ConsoleClient(office.server.port()).login("desk", desk_password).status == 303);

    office.server.clock().advance(c::login_lock_s + 1);
    CHECK(client.login("worker", worker_password).status == 303);
}

TEST_CASE("an unknown username costs a miss like a wrong password, and the address locks after 20") {
    Office office;
    ConsoleClient client(office.server.port());
    for (int i = 0; i < 20; ++i) CHECK(client.login("nobody" + std::to_string(i), "whatever-password").status == 401);
    CHECK(client.login("boss", manager_password).status == 429);
}

TEST_CASE("a session ends after 30 idle minutes, and at sign-out") {
    Office office;
    ConsoleClient desk = office.signed_in("desk", desk_password);
    // Used every 29 minutes, it lives...
    for (int i = 0; i < 24; ++i) {
        office.server.clock().advance(29 * 60);
        REQUIRE(desk.get("/console/repairs").status == 200);
    }
    // ...but never beyond 12 hours.
    office.server.clock().advance(29 * 60);
    Page r = desk.get("/console/repairs");
    CHECK(r.status == 303);
    CHECK(r.location().find("expired=1") != std::string::npos);

    ConsoleClient worker = office.signed_in("worker", worker_password);
    office.server.clock().advance(c::session_idle_s + 1);
    r = worker.get("/console/repairs");
    CHECK(r.status == 303);
    CHECK(worker.get(r.location()).has("登录已过期"));

    ConsoleClient boss = office.signed_in("boss", manager_password);
    const std::string cookie = boss.cookie("lobby_console");
    REQUIRE(boss.get("/console/repairs").status == 200);
    CHECK(boss.post("/console/logout", {}).status == 303);
    boss.set_cookie("lobby_console", cookie);  // a copied cookie is dead too
    CHECK(boss.get("/console/repairs").status == 303);
    CHECK(office.audited("boss", "logout"));
}

TEST_CASE("a form sent after the session expired changes nothing and leads to the sign-in page") {
    Office office;
    const std::string id = office.file_ticket();
    ConsoleClient desk = office.signed_in("desk", desk_password);
    REQUIRE(desk.get("/console/repairs/" + id).status == 200);
    office.server.clock().advance(c::session_idle_s + 1);
    const Page r = desk.post("/console/repairs/" + id + "/status", {{"status", "accepted"}, {"note", "太晚了"}});
    CHECK(r.status == 303);
    CHECK(r.location() == "/console/login?expired=1");
    CHECK(office.ticket_status(id) == "submitted");
}

TEST_CASE("roles: maintenance works tickets but cannot publish notices or see visitors; only managers see the audit") {
    Office office;
    ConsoleClient worker = office.signed_in("worker", worker_password);
    const Page queue = worker.get("/console/repairs");
    REQUIRE(queue.status == 200);
    CHECK(!queue.has("/console/notices"));  // not in the navigation either
    CHECK(worker.get("/console/notices").status == 403);
    CHECK(worker.get("/console/visitors").status == 403);
    CHECK(worker.get("/console/audit").status == 403);
    CHECK(worker.get("/console/kiosks").status == 403);
    const Page publish = worker.post_multipart("/console/notices", {{"kind", "event"}, {"title_zh", "维修工发的公告"},
                                                                    {"body_zh", "不应出现"}});
    CHECK(publish.status == 403);
    Api kiosk(office.server.port(), lobby1_token);
    for (const auto& change : pull_feed(kiosk))
        if (change.collection == "notices" && !change.deleted) CHECK(change.data.dump().find("维修工发的公告") == std::string::npos);
    CHECK(office.audited("worker", "forbidden"));

    const std::string id = office.file_ticket();
    REQUIRE(worker.get("/console/repairs/" + id).status == 200);
    CHECK(worker.post("/console/repairs/" + id + "/status", {{"status", "accepted"}, {"note", "我来处理"}}).status == 303);

    ConsoleClient desk = office.signed_in("desk", desk_password);
    CHECK(desk.get("/console/visitors").status == 200);
    CHECK(desk.get("/console/audit").status == 403);
    CHECK(desk.get("/console/staff").status == 403);
    ConsoleClient boss = office.signed_in("boss", manager_password);
    const Page audit = boss.get("/console/audit");
    CHECK(audit.status == 200);
    CHECK(audit.has("repair.status"));
    CHECK(audit.has("127.0.0.1"));
}

TEST_CASE("a ticket the kiosk filed moves through the workflow by forms, and the kiosk's feed follows") {
    Office office;
    const std::string id = office.file_ticket();
    ConsoleClient worker = office.signed_in("worker", worker_password);
    const Page detail = worker.get("/console/repairs/" + id);
    REQUIRE(detail.status == 200);
    CHECK(detail.has("id=\"move-accepted\""));
    CHECK(!detail.has("id=\"move-awaiting_acceptance\""));  // not offered from 待受理

    // A note is required (the resident reads it at the kiosk).
    const Page no_note = worker.post("/console/repairs/" + id + "/status", {{"status", "accepted"}, {"note", ""}});
    CHECK(no_note.status == 422);
    CHECK(no_note.has("请填写备注"));
    // A step the workflow does not allow is refused by the repairs service.
    const Page skip = worker.post("/console/repairs/" + id + "/status", {{"status", "completed"}, {"note", "跳过"}});
    CHECK(skip.status == 409);
    CHECK(office.ticket_status(id) == "submitted");

    for (const char* step : {"accepted", "scheduled", "in_progress", "awaiting_acceptance"}) {
        const Page r = worker.post("/console/repairs/" + id + "/status", {{"status", step}, {"note", std::string("步骤 ") + step}});
        CHECK(r.status == 303);
        CHECK(r.location() == "/console/repairs/" + id + "?done=moved");
        CHECK(office.ticket_status(id) == step);
        CHECK(office.audited("worker", "repair.status", id));
    }
    const Page done = worker.get("/console/repairs/" + id + "?done=moved");
    CHECK(done.has("待验收"));
    CHECK(done.has("等待住户在终端验收"));
    CHECK(done.has("工单已更新"));
    Api kiosk(office.server.port(), lobby1_token);
    bool seen = false;
    for (const auto& change : pull_feed(kiosk))
        if (change.collection == "tickets" && change.key == id) seen = change.data["status"] == "awaiting_acceptance";
    CHECK(seen);  // the kiosk's tracking then asks the resident for 验收
    // The queue lists it under 待验收; staff may record a 验收 taken by phone.
    CHECK(worker.get("/console/repairs?state=awaiting_acceptance").has(id));
    CHECK(done.has("id=\"move-completed\""));
}

TEST_CASE("the desk assigns a worker, the worker sees it under 只看派给我的, and the agreed charge is recorded") {
    Office office;
    const std::string id = office.file_ticket();
    const std::string other = office.file_ticket("别人的工单");
    ConsoleClient desk = office.signed_in("desk", desk_password);
    REQUIRE(desk.get("/console/repairs/" + id).has("id=\"assign-worker\""));
    CHECK(desk.post("/console/repairs/" + id + "/assign", {{"worker", "desk"}}).status == 422);  // not a worker
    CHECK(desk.post("/console/repairs/" + id + "/assign", {{"worker", "worker"}}).status == 303);
    CHECK(desk.get("/console/repairs/" + id).has("<strong id=\"worker\">张师傅</strong>"));
    CHECK(office.audited("desk", "repair.assign", id));
    // Each move carries the assigned worker: the resident is told who comes, masked.
    CHECK(desk.post("/console/repairs/" + id + "/status", {{"status", "accepted"}, {"note", "已受理"}}).status == 303);
    CHECK(Api(office.server.port(), staff_token).get("/v1/repairs/" + id).as<p::Ticket>().worker_masked ==
          std::optional<std::string>("张*傅"));

    ConsoleClient worker = office.signed_in("worker", worker_password);
    const Page mine = worker.get("/console/repairs?mine=1");
    CHECK(mine.has(id));
    CHECK(!mine.has(other));
    // A worker takes a ticket only for himself, whatever the form says.
    REQUIRE(worker.get("/console/repairs/" + other).has("id=\"take\""));
    CHECK(worker.post("/console/repairs/" + other + "/assign", {{"worker", "boss"}}).status == 303);
    CHECK(worker.get("/console/repairs?mine=1").has(other));

    CHECK(worker.post("/console/repairs/" + id + "/charge", {{"charge", "abc"}, {"charge_note", "换龙头"}}).status == 422);
    CHECK(worker.post("/console/repairs/" + id + "/charge", {{"charge", "120.5"}, {"charge_note", ""}}).status == 422);
    CHECK(worker.post("/console/repairs/" + id + "/charge", {{"charge", "120.5"}, {"charge_note", "更换龙头，含材料"}}).status == 303);
    const Page detail = worker.get("/console/repairs/" + id);
    CHECK(detail.has("¥120.50"));
    CHECK(detail.has("更换龙头，含材料"));
    CHECK(office.audited("worker", "repair.charge", id));
    // The next move carries the charge: the kiosk's ticket shows 约定费用.
    CHECK(worker.post("/console/repairs/" + id + "/status", {{"status", "in_progress"}, {"note", "开工"}}).status == 303);
    CHECK(Api(office.server.port(), staff_token).get("/v1/repairs/" + id).as<p::Ticket>().charge_fen ==
          std::optional<std::int64_t>(12050));
}

TEST_CASE("overdue tickets come first in the queue, and the rows fragment refreshes the same list") {
    Office office;
    const std::string old_id = office.file_ticket("两天前报的漏水");
    office.server.clock().advance(2 * 86400);
    const std::string new_id = office.file_ticket("刚报的漏水");
    ConsoleClient desk = office.signed_in("desk", desk_password);
    const Page queue = desk.get("/console/repairs");
    REQUIRE(queue.status == 200);
    const auto old_at = queue.body.find(old_id), new_at = queue.body.find(new_id);
    REQUIRE(old_at != std::string::npos);
    REQUIRE(new_at != std::string::npos);
    CHECK(old_at < new_at);  // overdue first, although both are open
    const std::string old_row = queue.body.substr(old_at, queue.body.find("</tr>", old_at) - old_at);
    CHECK(old_row.find("badge late") != std::string::npos);
    const std::string new_row = queue.body.substr(new_at, queue.body.find("</tr>", new_at) - new_at);
    CHECK(new_row.find("badge late") == std::string::npos);
    const Page rows = desk.get("/console/repairs/rows?state=open");
    CHECK(rows.status == 200);
    CHECK(rows.body.rfind("<tr", 0) == 0);  // rows only, no layout
    CHECK(rows.has(old_id));
}

TEST_CASE("a public-area ticket's call-back phone is on its console page for staff, not in the API's ticket or the audit") {
    Office office;
    Api kiosk(office.server.port(), lobby1_token);
    const Reply filed = kiosk.create("/v1/repairs", {{"category", "plumbing"}, {"description", "水管漏水"},
                                                    {"location", "public"}, {"location_detail", "地下车库"},
                                                    {"contact_phone", "13812345678"}, {"follow_code", p::make_follow_code()}});
    REQUIRE(filed.status == 201);
    const std::string id = filed.as<p::Ticket>().id;
    ConsoleClient desk = office.signed_in("desk", desk_password);
    const Page page = desk.get("/console/repairs/" + id);
    REQUIRE(page.status == 200);
    CHECK(page.has("需回电"));
    CHECK(page.has("href=\"tel:13812345678\" id=\"callback-phone\">13812345678<"));
    // A ticket without one shows no call-back line.
    CHECK(!desk.get("/console/repairs/" + office.file_ticket()).has("callback-phone"));
    Api staff(office.server.port(), staff_token);
    CHECK(staff.get("/v1/repairs/" + id).body.find("13812345678") == std::string::npos);
    CHECK(desk.post("/console/repairs/" + id + "/status", {{"status", "accepted"}, {"note", "已受理"}}).status == 303);
    for (const auto& e : office.audit())
        CHECK(e.detail.find("13812345678") == std::string::npos);
    CHECK(office.audited("desk", "repair.status", id));
}

TEST_CASE("HTML in a ticket description or a notice title is shown as text, never as markup") {
    Office office;
    const std::string id = office.file_ticket("<script>alert('x')</script><img src=x onerror=alert(1)>");
    ConsoleClient desk = office.signed_in("desk", desk_password);
    for (const std::string& path : std::vector<std::string>{"/console/repairs", "/console/repairs/" + id, "/console/repairs/rows"}) {
        const Page page = desk.get(path);
        CHECK(page.status == 200);
        CHECK(!page.has("<script>alert"));
        CHECK(!page.has("<img src=x"));
        CHECK(page.has("&lt;script&gt;alert("));
    }
    REQUIRE(desk.get("/console/notices").status == 200);
    const Page preview = desk.post_multipart("/console/notices/preview", {{"kind", "event"},
        {"title_zh", "<img src=x onerror=alert(2)>"}, {"body_zh", "**加粗**\n\n<script>alert(3)</script>\n\n[x](javascript:alert(4))"}});
    CHECK(preview.status == 200);
    CHECK(preview.has("<strong>加粗</strong>"));
    CHECK(!preview.has("<script>alert(3)"));
    CHECK(!preview.has("href=\"javascript:"));
    CHECK(!preview.has("<img src=x"));
    const Page published = desk.post_multipart("/console/notices", {{"kind", "event"},
        {"title_zh", "<img src=x onerror=alert(2)>"}, {"body_zh", "正文"}});
    CHECK(published.status == 303);
    const Page list = desk.get("/console/notices");
    CHECK(list.has("&lt;img src=x onerror=alert(2)&gt;"));
    CHECK(!list.has("<img src=x"));
}

TEST_CASE("notices: published from the form into the kiosks' feed, refused when fields are missing or too long, and taken down") {
    Office office;
    ConsoleClient desk = office.signed_in("desk", desk_password);
    REQUIRE(desk.get("/console/notices").status == 200);
    CHECK(desk.post_multipart("/console/notices", {{"kind", "event"}, {"title_zh", ""}, {"body_zh", "正文"}}).status == 422);
    CHECK(desk.post_multipart("/console/notices", {{"kind", "event"}, {"title_zh", std::string(61 * 3, 'x')},
                                                   {"body_zh", "正文"}}).status == 422);
    CHECK(desk.post_multipart("/console/notices", {{"kind", "event"}, {"title_zh", "标题"},
                                                   {"body_zh", std::string(4001, 'x')}}).status == 422);
    CHECK(desk.post_multipart("/console/notices", {{"kind", "party"}, {"title_zh", "标题"}, {"body_zh", "正文"}}).status == 422);
    const Page kept = desk.post_multipart("/console/notices", {{"kind", "event"}, {"title_zh", "保留我写的标题"}, {"body_zh", ""}});
    CHECK(kept.has("value=\"保留我写的标题\""));  // what was typed is not lost

    const std::string tomorrow = p::format_date_shanghai(office.server.clock().now() + 86400);
    const Page ok = desk.post_multipart("/console/notices", {{"kind", "outage"}, {"urgent", "1"}, {"title_zh", "5栋明日停电"},
                                                             {"title_en", "Power cut"}, {"body_zh", "**明天** 9:00-12:00"},
                                                             {"expires", tomorrow}});
    REQUIRE(ok.status == 303);
    Api kiosk(office.server.port(), lobby1_token);
    std::string id;
    for (const auto& change : pull_feed(kiosk))
        if (change.collection == "notices" && !change.deleted && change.data["title"]["zh-CN"] == "5栋明日停电") {
            id = change.key;
            CHECK(change.data["urgent"] == true);
            CHECK(change.data["title"]["en"] == "Power cut");
        }
    REQUIRE(!id.empty());
    CHECK(office.audited("desk", "notice.publish", id));
    CHECK(desk.get("/console/notices").status == 200);
    CHECK(desk.post("/console/notices/" + id + "/unpublish", {}).status == 303);
    CHECK(!desk.get("/console/notices").has("5栋明日停电"));
    // Expired notices leave the list when they expire, before any kiosk pulls.
    CHECK(desk.get("/console/notices").has("3栋明日停水通知"));
    office.server.clock().advance(2 * 86400);
    const Page later = office.signed_in("desk", desk_password).get("/console/notices");
    REQUIRE(later.status == 200);
    CHECK(!later.has("3栋明日停水通知"));
    bool gone = false;
    for (const auto& change : pull_feed(kiosk))
        if (change.collection == "notices" && change.key == id) gone = change.deleted;
    CHECK(gone);
    CHECK(office.audited("desk", "notice.unpublish", id));
}

TEST_CASE("a move-out release records how the owner confirmed and who recorded it") {
    Office office;
    Api kiosk(office.server.port(), lobby1_token);
    const std::string tomorrow = p::format_date_shanghai(office.server.clock().now() + 86400);
    const Reply created = kiosk.create("/v1/move-outs", {{"unit_id", "5-3-2202"}, {"requester_name", "王强"},
        {"requester_phone", "18600001357"}, {"relation", "tenant"}, {"items", "沙发一张"}, {"planned_date", tomorrow}});
    REQUIRE(created.status == 201);
    const std::string id = created.as<p::MoveOut>().id;
    ConsoleClient desk = office.signed_in("desk", desk_password);
    const Page page = desk.get("/console/visitors");
    REQUIRE(page.has("moveout-" + id));
    CHECK(page.has("王*"));
    CHECK(!page.has("王强"));
    CHECK(!page.has("18600001357"));
    CHECK(desk.post("/console/move-outs/" + id + "/decision", {{"decision", "approved"}, {"way", "fax"}}).status == 422);
    const Page ok = desk.post("/console/move-outs/" + id + "/decision", {{"decision", "approved"}, {"way", "phone"}, {"note", "业主同意"}});
    CHECK(ok.status == 303);
    Api staff(office.server.port(), staff_token);
    const auto decided = staff.get("/v1/move-outs/" + id).as<p::MoveOut>();
    CHECK(decided.status == "approved");
    CHECK(decided.decision_note.value_or("") == "电话确认：业主同意（王前台）");
    CHECK(decided.decided_at.has_value());
    CHECK(office.audited("desk", "moveout.approved", id));
    CHECK(desk.post("/console/move-outs/" + id + "/decision", {{"decision", "rejected"}, {"way", "phone"}}).status == 409);
}

TEST_CASE("a visitor code pre-registered at the desk is shown once and redeems at a kiosk") {
    Office office;
    ConsoleClient desk = office.signed_in("desk", desk_password);
    REQUIRE(desk.get("/console/visitors").status == 200);
    const std::string today = p::format_date_shanghai(office.server.clock().now());
    CHECK(desk.post("/console/visitor-codes", {{"unit", "3-2-1502"}, {"visitor_name", ""}, {"purpose", "friend"},
                                               {"visit_date", today}}).status == 422);
    const Page r = desk.post("/console/visitor-codes", {{"unit", "3-2-1502"}, {"visitor_name", "赵六"}, {"purpose", "friend"},
                                                        {"visit_date", today}});
    REQUIRE(r.status == 201);
    const std::smatch m = [&] { std::smatch s; std::regex_search(r.body, s, std::regex("<strong>([0-9]{8})</strong>")); return s; }();
    REQUIRE(m.size() == 2);
    Api kiosk(office.server.port(), lobby1_token);
    CHECK(kiosk.create("/v1/visitor-codes/redeem", {{"code", m[1].str()}}).status == 200);
    CHECK(office.audited("desk", "visitor.code", "3-2-1502"));
}

TEST_CASE("managers add accounts with roles, revoke kiosks; the staff token keeps working for the API") {
    Office office;
    ConsoleClient boss = office.signed_in("boss", manager_password);
    REQUIRE(boss.get("/console/staff").status == 200);
    CHECK(boss.post("/console/staff", {{"username", "new.worker"}, {"name", "新师傅"}, {"role", "maintenance"},
                                       {"password", "short"}}).status == 422);
    CHECK(boss.post("/console/staff", {{"username", "Bad Name"}, {"name", "x"}, {"role", "maintenance"},
                                       {"password", "long-enough-pw"}}).status == 422);
    CHECK(boss.post("/console/staff", {{"username", "new.worker"}, {"name", "新师傅"}, {"role", "maintenance"},
                                       {"password", "long-enough-pw"}}).status == 303);
    ConsoleClient fresh = office.signed_in("new.worker", "long-enough-pw");
    CHECK(fresh.get("/console/notices").status == 403);
    REQUIRE(boss.get("/console/staff").status == 200);
    CHECK(boss.post("/console/staff/new.worker/disable", {}).status == 303);
    CHECK(fresh.get("/console/repairs").status == 303);  // its session ended with it
    CHECK(ConsoleClient(office.server.port()).login("new.worker", "long-enough-pw").status == 401);

    const Page kiosks = boss.get("/console/kiosks");
    CHECK(kiosks.has("lobby-2"));
    CHECK(boss.post("/console/kiosks/lobby-2/revoke", {}).status == 303);
    CHECK(Api(office.server.port(), lobby2_token).get("/v1/changes?since=0&limit=1").status == 401);
    CHECK(Api(office.server.port(), lobby1_token).get("/v1/changes?since=0&limit=1").status == 200);
    CHECK(Api(office.server.port(), staff_token).get("/v1/kiosks").status == 200);
    CHECK(office.audited("boss", "kiosk.revoke", "lobby-2"));
    CHECK(office.audited("boss", "staff.create", "new.worker"));
}

TEST_CASE("fee lookup locks are listed and lifted from the console") {
    Office office;
    Api kiosk(office.server.port(), lobby1_token);
    for (int i = 0; i < 3; ++i) kiosk.post("/v1/fees/lookup", {{"unit_id", "1-1-801"}, {"phone_last4", "0000"}});
    ConsoleClient desk = office.signed_in("desk", desk_password);
    const Page list = desk.get("/console/fees");
    REQUIRE(list.has("lift-1-1-801"));
    CHECK(desk.post("/console/fees/lockouts/1-1-801/lift", {}).status == 303);
    CHECK(!desk.get("/console/fees").has("lift-1-1-801"));
    CHECK(office.audited("desk", "fees.lift_lockout", "1-1-801"));
}

TEST_CASE("a unit's bills and orders are looked up with the owner masked and order ids cut") {
    Office office;
    ConsoleClient desk = office.signed_in("desk", desk_password);
    const Page page = desk.get("/console/fees?unit=3-2-1502");
    REQUIRE(page.status == 200);
    CHECK(page.has("id=\"unit-summary\""));
    CHECK(page.has("张*"));
    CHECK(page.has("物业管理费"));
    CHECK(page.has("¥"));
    CHECK(desk.get("/console/fees?unit=9-9-9999").has("没有这个房号"));
    CHECK(desk.get("/console/fees?unit=%3Cscript%3E").has("value=\"&lt;script&gt;\""));
}

TEST_CASE("survey results show per-question counts as SVG bars") {
    Office office;
    ConsoleClient desk = office.signed_in("desk", desk_password);
    const Page list = desk.get("/console/surveys");
    REQUIRE(list.status == 200);
    std::smatch m;
    REQUIRE(std::regex_search(list.body, m, std::regex("/console/surveys/([0-9A-Za-z-]+)")));
    const Page results = desk.get("/console/surveys/" + m[1].str());
    CHECK(results.status == 200);
    CHECK(results.has("<svg class=\"bar\""));
    CHECK(desk.get("/console/surveys/no-such-survey").status == 404);
}

TEST_CASE("the language switch keeps the page and shows English") {
    Office office;
    ConsoleClient desk = office.signed_in("desk", desk_password);
    const Page r = desk.get("/console/lang?to=en&back=/console/fees");
    CHECK(r.status == 303);
    CHECK(r.location() == "/console/fees");
    CHECK(desk.get("/console/fees").has("Fee lookup locks"));
    // Only console paths: no open redirect.
    CHECK(desk.get("/console/lang?to=en&back=//evil.example").location() == "/console/repairs");
}
