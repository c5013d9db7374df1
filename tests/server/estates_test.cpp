// Several estates in one office server (issue 19): each estate's kiosks and
// staff reach only their own estate, whatever endpoint and whatever id they
// try; a company manager's token reaches each estate it names; keys, codes
// and tokens are per estate; a database from before estates upgrades in place;
// the public pages (pay, receipt, repair status) of each estate show its own.
#include "api_client.hpp"
#include "in_process_server.hpp"
#include "support/time_scale.hpp"
#include "schema_before.hpp"
#include "../console/console_client.hpp"

#include "console/accounts.hpp"

#include "estates.hpp"
#include "feature.hpp"
#include "schema.hpp"
#include "sql_dialect.hpp"

#include "protocol/follow_code.hpp"
#include "protocol/public_links.hpp"
#include "protocol/time.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <regex>
#include <set>
#include <sstream>
#include <thread>
#include <unordered_map>

using namespace lobby::test;
namespace p = lobby::protocol;
namespace srv = lobby::server;

namespace {

// Estate B is the demo estate seeded a second time with another random
// seed and name: the same unit numbers, other residents, tickets and codes.
const std::string estate_b = "e001";
const std::string b_kiosk_token = estate_b + "." + lobby1_token;
const std::string b_staff_token = estate_b + "." + staff_token;

void with_estate_b(srv::ServerConfig& config) { config.demo_estates = 1; }

std::vector<std::string> column(srv::Pool& pool, const char* sql) {
    auto lease = pool.acquire();
    srv::Statement st(lease.db(), sql);
    std::vector<std::string> out;
    while (st.step()) out.push_back(st.text(0));
    return out;
}

std::string feed_dump(srv::Pool& pool) {
    std::string all;
    for (const std::string& row : column(pool, "SELECT collection || ' ' || key || ' ' || COALESCE(data, '') FROM feed"))
        all += row + "\n";
    return all;
}

void collect_strings(const nlohmann::json& v, std::set<std::string>& out) {
    if (v.is_string()) out.insert(v.get<std::string>());
    if (v.is_object())
        for (auto it = v.begin(); it != v.end(); ++it) collect_strings(it.value(), out);
    if (v.is_array())
        for (const auto& x : v) collect_strings(x, out);
}

// What only B holds: every string of B's feed and every id and code of B's
// own tables that appears nowhere in A's feed or tables (8 bytes or more, so
// a shared word cannot count). A response to A's credentials must contain none.
std::set<std::string> b_only_markers(srv::Pool& a, srv::Pool& b, const std::vector<std::string>& b_ids) {
    std::string a_text = feed_dump(a);
    for (const char* sql : {"SELECT id FROM tickets", "SELECT code FROM visitor_codes", "SELECT id FROM visitor_codes",
                            "SELECT id FROM move_outs", "SELECT id FROM payment_orders"})
        for (const std::string& id : column(a, sql)) a_text += id + "\n";
    std::set<std::string> strings(b_ids.begin(), b_ids.end());
    for (const char* sql : {"SELECT id FROM tickets", "SELECT code FROM visitor_codes", "SELECT id FROM visitor_codes",
                            "SELECT id FROM move_outs", "SELECT id FROM payment_orders"})
        for (const std::string& id : column(b, sql)) strings.insert(id);
    for (const std::string& data : column(b, "SELECT data FROM feed WHERE data IS NOT NULL"))
        collect_strings(nlohmann::json::parse(data, nullptr, false), strings);
    // Times and dates are left out: B's may equal a time in an answer to A.
    static const std::regex date_like(R"(^\d{4}-\d{2}.*)");
    std::set<std::string> markers;
    for (const std::string& s : strings)
        if (s.size() >= 8 && !std::regex_match(s, date_like) && a_text.find(s) == std::string::npos) markers.insert(s);
    return markers;
}

// Every id B's records are reached by (kiosk ids are left out: the same in
// both estates, and revoking A's own kiosk proves nothing).
std::vector<std::string> b_ids(srv::Pool& b) {
    std::vector<std::string> ids;
    for (const char* sql : {"SELECT id FROM tickets ORDER BY n LIMIT 2", "SELECT code FROM visitor_codes LIMIT 2",
                            "SELECT id FROM visitor_codes LIMIT 1", "SELECT id FROM move_outs LIMIT 2",
                            "SELECT id FROM payment_orders LIMIT 2",
                            "SELECT key FROM feed WHERE collection = 'notices' LIMIT 2",
                            "SELECT key FROM feed WHERE collection = 'surveys' LIMIT 2",
                            "SELECT id FROM units WHERE id IN ('3-2-1502', '5-3-2202')"})
        for (const std::string& id : column(b, sql)) ids.push_back(id);
    return ids;
}

const std::regex path_group(R"(\([^)]*\))");

// The examples in sync/examples that are JSON objects and not error bodies.
std::vector<nlohmann::json> example_bodies() {
    std::vector<nlohmann::json> out{nlohmann::json::object()};
    for (const auto& entry : std::filesystem::directory_iterator(std::string(LOBBY_SOURCE_DIR) + "/sync/examples")) {
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        nlohmann::json example = nlohmann::json::parse(text.str(), nullptr, false);
        if (example.is_object() && !example.contains("error")) out.push_back(std::move(example));
    }
    return out;
}

// An example asking for B's record `id`: every id-like field set to it (and
// the phone digits to those of B's fixed units), so lookups by unit, ticket,
// code, order, survey and move-out all ask for B's.
nlohmann::json aimed_at(nlohmann::json body, const std::string& id) {
    for (auto it = body.begin(); it != body.end(); ++it) {
        const std::string& k = it.key();
        if (!it.value().is_string()) continue;
        if (k == "id" || k == "code" || (k.size() > 3 && k.compare(k.size() - 3, 3, "_id") == 0)) it.value() = id;
        if (k == "phone_last4") it.value() = "5678";
    }
    // The example's fixed codes would be duplicates from the second request on.
    body.erase("follow_code");
    body.erase("status_token");
    return body;
}

// B's markers indexed by their first 8 bytes (every marker has at least 8):
// one pass over an answer finds each marker it contains, where a find() per
// marker read every answer ~1,900 times and was half the sweep's CPU time.
class MarkerIndex {
public:
    explicit MarkerIndex(const std::set<std::string>& markers) {
        for (const std::string& m : markers) m_by_prefix[prefix(m.data())].push_back(&m);
    }
    // The markers `text` contains, in the set's order.
    std::set<std::string> found_in(const std::string& text) const {
        std::set<std::string> found;
        for (std::size_t i = 0; i + 8 <= text.size(); ++i) {
            const auto hit = m_by_prefix.find(prefix(text.data() + i));
            if (hit == m_by_prefix.end()) continue;
            for (const std::string* m : hit->second)
                if (text.compare(i, m->size(), *m) == 0) found.insert(*m);
        }
        return found;
    }

private:
    static std::uint64_t prefix(const char* at) {
        std::uint64_t v;
        std::memcpy(&v, at, sizeof v);
        return v;
    }
    std::unordered_map<std::uint64_t, std::vector<const std::string*>> m_by_prefix;
};

struct Probe {
    int requests = 0;
    std::vector<std::string> leaks;  // "METHOD path body: marker"
};

// Every route the server registered, with each of B's ids in its path (if
// it has an id segment) and in its body (every example, aimed at the id;
// after the first id only the examples the route did not refuse to decode;
// a request the same as one already sent to the route is not sent again).
void probe_all_routes(InProcessServer& server, const std::string& token, const std::vector<std::string>& ids,
                      const std::set<std::string>& markers, Probe& probe) {
    static const std::vector<nlohmann::json> examples = example_bodies();
    const MarkerIndex index(markers);
    httplib::Client http("127.0.0.1", server.port());
    http.set_read_timeout(20, 0);
    const auto check = [&](const std::string& what, const httplib::Result& r) {
        ++probe.requests;
        REQUIRE_MESSAGE(r, what << ": no answer");
        for (const std::string& m : index.found_in(r->body)) probe.leaks.push_back(what + ": " + m);
        return r->status;
    };
    for (const srv::RouteInfo& route : server.office().routes()) {
        const bool has_id = std::regex_search(route.pattern, path_group);
        std::vector<std::size_t> decodable;
        std::set<std::string> sent;  // path and body of each request to this route
        for (std::size_t n = 0; n < ids.size(); ++n) {
            if (!has_id && n > 0 && (route.method == "GET" || route.method == "DELETE")) break;
            const std::string path = has_id ? std::regex_replace(route.pattern, path_group, ids[n]) : route.pattern;
            httplib::Headers headers{{"Authorization", "Bearer " + token}};
            if (route.method == "GET") {
                check("GET " + path, http.Get(path.c_str(), headers));
                check("GET " + path + "?since=0", http.Get((path + "?since=0&limit=1000").c_str(), headers));
                continue;
            }
            if (route.method == "DELETE") {
                check("DELETE " + path, http.Delete(path.c_str(), headers));
                continue;
            }
            std::vector<std::size_t> tried;
            if (n == 0) for (std::size_t e = 0; e < examples.size(); ++e) tried.push_back(e);
            else tried = decodable;
            for (const std::size_t e : tried) {
                httplib::Headers h = headers;
                h.emplace("Idempotency-Key", Api::fresh_key());
                const std::string body = aimed_at(examples[e], ids[n]).dump();
                // An example with no id field is the same request for every
                // id (and two examples can aim alike): each is sent once.
                if (!sent.insert(path + "\n" + body).second) continue;
                const std::string what = route.method + " " + path + " " + body.substr(0, 160);
                int status = 0;
                if (route.method == "POST") status = check(what, http.Post(path.c_str(), h, body, "application/json"));
                else if (route.method == "PUT") status = check(what, http.Put(path.c_str(), h, body, "application/json"));
                else status = check(what, http.Patch(path.c_str(), h, body, "application/json"));
                if (n == 0 && status != 400 && status != 422) decodable.push_back(e);
            }
        }
    }
}

// A company manager signing out while acting in B ends the session kept at
// home: its cookie opens nothing afterwards.
void sign_out_in_b_ends_session(ConsoleClient& hq, int port) {
    REQUIRE(hq.post("/console/estates/switch", {{"estate", estate_b}}).status == 303);
    const std::string session = hq.cookie("lobby_console");
    CHECK(hq.post("/console/logout", {}).status == 303);
    ConsoleClient replay(port);
    replay.set_cookie("lobby_console", session);
    CHECK(replay.get("/console/repairs").status == 303);
}

} // namespace

TEST_CASE("a kiosk or staff token of estate A gets nothing of estate B through any endpoint, with any of B's ids") {
    InProcessServer server(with_estate_b);
    srv::Pool& a = server.office().estates().home();
    srv::Pool* b = server.office().estates().find(estate_b);
    REQUIRE(b != nullptr);

    // Overlapping-looking ids: the same unit numbers in both.
    const auto a_units = column(a, "SELECT id FROM units ORDER BY id");
    CHECK(a_units == column(*b, "SELECT id FROM units ORDER BY id"));
    CHECK(a_units.size() > 600);

    const std::vector<std::string> ids = b_ids(*b);
    const std::set<std::string> markers = b_only_markers(a, *b, ids);
    CHECK(ids.size() >= 10);
    REQUIRE(markers.size() >= 100);

    // The probe can see a leak: B's own kiosk finds B's markers in its feed.
    {
        Api b_kiosk(server.port(), b_kiosk_token);
        const Reply feed = b_kiosk.get("/v1/changes?since=0&limit=1000");
        REQUIRE(feed.status == 200);
        int seen = 0;
        for (const std::string& m : markers) seen += feed.body.find(m) != std::string::npos;
        CHECK(seen > 10);
    }

    for (const char* token : {lobby1_token, staff_token}) {
        CAPTURE(token);
        Probe probe;
        probe_all_routes(server, token, ids, markers, probe);
        CHECK(probe.requests > 1000);
        CHECK_MESSAGE(probe.leaks.empty(), probe.leaks.size() << " leaks, first: "
                                                              << (probe.leaks.empty() ? "" : probe.leaks.front()));
    }
    // The routes walked are the server's own list: every /v1 endpoint is in it.
    std::set<std::string> patterns;
    for (const auto& r : server.office().routes()) patterns.insert(r.method + " " + r.pattern);
    CHECK(patterns.count("GET /v1/changes") == 1);
    CHECK(patterns.count("POST /v1/fees/lookup") == 1);
    CHECK(patterns.count("POST /v1/kiosks/enrol") == 1);
}

TEST_CASE("a token naming estate B is checked in B only: A's secret under B's name, or an unknown estate, is 401") {
    InProcessServer server(with_estate_b);
    for (const std::string& token : {estate_b + ".demo-no-such-token", std::string("e999.") + lobby1_token,
                                     std::string("home.") + lobby1_token, std::string("x.y.z")}) {
        CAPTURE(token);
        Api api(server.port(), token);
        const Reply r = api.get("/v1/changes?since=0");
        CHECK(r.status == 401);
        CHECK(r.error_code() == "unauthorized");
    }
    Api b(server.port(), b_kiosk_token);
    const Reply estate = b.get("/v1/changes?collections=estate");
    REQUIRE(estate.status == 200);
    CHECK(estate.body.find("锦绣华庭") != std::string::npos);
    CHECK(estate.body.find("翠湖花园") == std::string::npos);
}

TEST_CASE("the same Idempotency-Key from a kiosk of A and one of B makes two records, one in each estate") {
    InProcessServer server(with_estate_b);
    Api a(server.port(), lobby1_token);
    Api b(server.port(), b_kiosk_token);
    const nlohmann::json repair = {{"unit_id", "1-1-801"}, {"category", "door_window"},
                                   {"description", "窗户关不上 same-key-in-two-estates"}, {"location", "own_unit"}};
    const std::string key = "0b9c6f1e-5a2d-4c11-9e7b-estates00001";
    const Reply in_a = a.post("/v1/repairs", repair, key);
    const Reply in_b = b.post("/v1/repairs", repair, key);
    REQUIRE_MESSAGE(in_a.status == 201, in_a.body);
    REQUIRE_MESSAGE(in_b.status == 201, in_b.body);
    CHECK(in_a.headers.count("Idempotent-Replayed") == 0);
    CHECK(in_b.headers.count("Idempotent-Replayed") == 0);
    const char* made = "SELECT id FROM tickets WHERE description = '窗户关不上 same-key-in-two-estates'";
    const auto in_home = column(server.office().estates().home(), made);
    const auto in_other = column(*server.office().estates().find(estate_b), made);
    CHECK(in_home == std::vector<std::string>{in_a.json().at("id").get<std::string>()});
    CHECK(in_other == std::vector<std::string>{in_b.json().at("id").get<std::string>()});
    // And each replays only its own.
    const Reply again = b.post("/v1/repairs", repair, key);
    CHECK(again.status == 201);
    CHECK(again.headers.count("Idempotent-Replayed") == 1);
    CHECK(again.body == in_b.body);
    CHECK(column(*server.office().estates().find(estate_b), made).size() == 1);
}

TEST_CASE("a company manager's token acts in the estate it names: lists both, reads each, makes B an enrolment code") {
    InProcessServer server(with_estate_b);
    const std::string company = server.office().estates().create_company_token("hq", server.clock().now());
    httplib::Client http("127.0.0.1", server.port());
    const httplib::Headers auth{{"Authorization", "Bearer " + company}};

    const auto list = http.Get("/v1/estates", auth);
    REQUIRE(list);
    REQUIRE(list->status == 200);
    const auto estates = nlohmann::json::parse(list->body).at("estates");
    REQUIRE(estates.size() == 2);
    CHECK(estates[0].at("id") == "home");
    CHECK(estates[1].at("id") == estate_b);
    // Kiosk and estate staff tokens do not list estates.
    const auto refused = http.Get("/v1/estates", httplib::Headers{{"Authorization", std::string("Bearer ") + staff_token}});
    REQUIRE(refused);
    CHECK(refused->status == 401);

    for (const auto& [estate, name] : {std::pair<std::string, std::string>{"home", "翠湖花园"}, {estate_b, "锦绣华庭"}}) {
        httplib::Headers h = auth;
        h.emplace("Lobby-Estate", estate);
        const auto feed = http.Get("/v1/changes?collections=estate", h);
        REQUIRE(feed);
        CHECK(feed->status == 200);
        CHECK(feed->body.find(name) != std::string::npos);
    }
    const auto no_estate = http.Get("/v1/changes", auth);
    REQUIRE(no_estate);
    CHECK(no_estate->status == 400);
    httplib::Headers unknown = auth;
    unknown.emplace("Lobby-Estate", "e404");
    const auto missing = http.Get("/v1/changes", unknown);
    REQUIRE(missing);
    CHECK(missing->status == 404);

    // An enrolment code made for B enrols a kiosk of B, with a token only B knows.
    httplib::Headers in_b = auth;
    in_b.emplace("Lobby-Estate", estate_b);
    const auto made = http.Post("/v1/kiosks/enrolment-codes", in_b, R"({"kiosk_id":"lobby-9"})", "application/json");
    REQUIRE(made);
    REQUIRE_MESSAGE(made->status == 201, made->body);
    const std::string code = nlohmann::json::parse(made->body).at("code");
    Api anyone(server.port(), "");
    const Reply enrolled = anyone.post("/v1/kiosks/enrol", nlohmann::json{{"code", code}, {"verify_key", std::string(64, 'b')}});
    REQUIRE_MESSAGE(enrolled.status == 200, enrolled.body);
    const std::string token = enrolled.json().at("token");
    CHECK(token.rfind(estate_b + ".", 0) == 0);
    Api kiosk9(server.port(), token);
    const Reply feed = kiosk9.get("/v1/changes?collections=estate");
    CHECK(feed.status == 200);
    CHECK(feed.body.find("锦绣华庭") != std::string::npos);
    CHECK(column(server.office().estates().home(), "SELECT id FROM kiosks WHERE id = 'lobby-9'").empty());
    // A second use of the code is refused in B, as in a one-estate office.
    const Reply twice = anyone.post("/v1/kiosks/enrol", nlohmann::json{{"code", code}, {"verify_key", std::string(64, 'b')}});
    CHECK(twice.status == 409);
}

TEST_CASE("a database made before estates opens with its data, gains the directory, and can add estates") {
    const std::string dir = make_temp_dir("estates-upgrade");
    const std::string path = test_database(dir + "/office.db");
    const std::string key_file = test_data_key_file(dir + "/office.db");
    {
        // The schema as main has it: every step before the company directory's.
        srv::Database db(path, std::make_shared<const srv::FieldCipher>(srv::FieldCipher::from_key_file(key_file)));
        apply_schema_before(db, "CREATE TABLE estates");
        db.exec("INSERT INTO kiosks (id, token_sha256, role, revoked) VALUES "
                "('old-kiosk', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'kiosk', 0)");
        db.exec("INSERT INTO units (id, building, entrance, floor, room, area_m2) VALUES ('9-9-909', 9, 9, 9, '909', 90.5)");
    }
    srv::ServerConfig config;
    config.db_path = path;
    config.data_key_file = key_file;
    config.port = 0;
    srv::OfficeServer office(config);
    srv::Pool& home = office.estates().home();
    CHECK(column(home, "SELECT id FROM kiosks") == std::vector<std::string>{"old-kiosk"});
    CHECK(column(home, "SELECT id FROM units") == std::vector<std::string>{"9-9-909"});
    CHECK(column(home, "SELECT COUNT(*) FROM estates") == std::vector<std::string>{"0"});
    // A new estate gets the full schema, empty.
    REQUIRE(office.estates().add("north", "North", 0));
    CHECK_FALSE(office.estates().add("north", "North", 0));
    srv::Pool* north = office.estates().find("north");
    REQUIRE(north != nullptr);
    CHECK(column(*north, "SELECT COUNT(*) FROM units") == std::vector<std::string>{"0"});
    // One connection at a time (on PostgreSQL both estates share one pool, pool.hpp).
    const auto version = [](srv::Pool& pool) {
        auto lease = pool.acquire();
        return srv::schema_version(lease.db());
    };
    CHECK(version(*north) == version(home));
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
}

namespace {

std::string file_ticket(int port, const std::string& token, const std::string& description) {
    Api kiosk(port, token);
    const Reply r = kiosk.create("/v1/repairs", {{"unit_id", "3-2-1502"}, {"category", "plumbing"},
                                                 {"description", description}, {"location", "own_unit"}});
    REQUIRE_MESSAGE(r.status == 201, r.body);
    return r.json().at("id");
}

void add_manager(srv::Pool& pool, const std::string& user, bool company, lobby::protocol::UtcSeconds now) {
    auto lease = pool.acquire();
    srv::Transaction tx(lease.db());
    REQUIRE(srv::console::create_account(lease.db(), user, "经理 " + user, srv::console::Role::manager,
                                         "manager-secret-1", now) == srv::console::CreateOutcome::created);
    if (company) lease.db().exec(("UPDATE staff_accounts SET company = 1 WHERE username = '" + user + "'").c_str());
    tx.commit();
}

// Every console page without an id in its path, as this client sees it.
std::string console_pages(ConsoleClient& client, InProcessServer& server) {
    std::string all;
    for (const srv::RouteInfo& route : server.office().routes())
        if (route.method == "GET" && route.pattern.rfind("/console/", 0) == 0 && route.pattern.find('(') == std::string::npos &&
            route.pattern.find("/static/") == std::string::npos && route.pattern != "/console/lang")
            all += client.get(route.pattern).body;
    return all;
}

} // namespace

TEST_CASE("console: staff of A see only A, staff of B (name@e001) only B, a company manager each estate it picks") {
    InProcessServer server(with_estate_b);
    srv::Estates& estates = server.office().estates();
    const std::string a_mark = "只在甲小区的报修 A-ONLY-CONSOLE";
    const std::string b_mark = "只在乙小区的报修 B-ONLY-CONSOLE";
    file_ticket(server.port(), lobby1_token, a_mark);
    file_ticket(server.port(), b_kiosk_token, b_mark);
    add_manager(estates.home(), "boss", false, server.clock().now());
    add_manager(*estates.find(estate_b), "bmgr", false, server.clock().now());
    add_manager(estates.home(), "hqmgr", true, server.clock().now());

    ConsoleClient a_staff(server.port());
    REQUIRE(a_staff.login("boss", "manager-secret-1").status == 303);
    const std::string a_sees = console_pages(a_staff, server);
    CHECK(a_sees.find(a_mark) != std::string::npos);
    CHECK(a_sees.find(b_mark) == std::string::npos);
    CHECK(a_staff.get("/console/estates").status == 403);  // not a company manager

    ConsoleClient b_staff(server.port());
    CHECK(b_staff.login("bmgr", "manager-secret-1").status == 401);  // B's account is not at home
    REQUIRE(b_staff.login("bmgr@" + estate_b, "manager-secret-1").status == 303);
    CHECK(b_staff.cookie("lobby_console").rfind(estate_b + ".", 0) == 0);
    const std::string b_sees = console_pages(b_staff, server);
    CHECK(b_sees.find(b_mark) != std::string::npos);
    CHECK(b_sees.find(a_mark) == std::string::npos);
    // B's session cookie under A's name is no session at all.
    ConsoleClient forged(server.port());
    forged.set_cookie("lobby_console", b_staff.cookie("lobby_console").substr(estate_b.size() + 1));
    CHECK(forged.get("/console/repairs").status == 303);

    ConsoleClient hq(server.port());
    REQUIRE(hq.login("hqmgr", "manager-secret-1").status == 303);
    const Page list = hq.get("/console/estates");
    REQUIRE(list.status == 200);
    CHECK(list.has("锦绣华庭"));
    CHECK(hq.get("/console/repairs").has(a_mark));
    REQUIRE(hq.post("/console/estates/switch", {{"estate", estate_b}}).status == 303);
    const Page in_b = hq.get("/console/repairs");
    CHECK(in_b.has(b_mark));
    CHECK_FALSE(in_b.has(a_mark));
    // An action in B is B's, audited in B with the estate and the company manager's name.
    REQUIRE(hq.get("/console/kiosks").status == 200);
    REQUIRE(hq.post("/console/kiosks/enrolment-codes", {{"kiosk_id", "lobby-7"}}).status == 201);
    CHECK(column(*estates.find(estate_b), "SELECT kiosk_id FROM enrolment_codes WHERE kiosk_id = 'lobby-7'").size() == 1);
    CHECK(column(estates.home(), "SELECT kiosk_id FROM enrolment_codes WHERE kiosk_id = 'lobby-7'").empty());
    CHECK(column(*estates.find(estate_b), "SELECT username || ' ' || estate FROM staff_audit WHERE action = "
                                          "'kiosk.enrolment_code'") == std::vector<std::string>{"company:hqmgr e001"});
    CHECK(column(estates.home(), "SELECT target FROM staff_audit WHERE action = 'estate.switch'") ==
          std::vector<std::string>{estate_b});
    REQUIRE(hq.post("/console/estates/switch", {{"estate", "home"}}).status == 303);
    const Page back = hq.get("/console/repairs");
    CHECK(back.has(a_mark));
    CHECK_FALSE(back.has(b_mark));
    CHECK(hq.post("/console/estates/switch", {{"estate", "e404"}}).status == 404);
    sign_out_in_b_ends_session(hq, server.port());
}

// Company managers are accounts in the home estate's staff table, beside the
// home estate's own staff: a manager of the home estate only must not be
// able to lock the company's manager out (disable ends its sessions too).
TEST_CASE("console: a manager of the home estate cannot disable a company manager") {
    InProcessServer server(with_estate_b);
    add_manager(server.office().estates().home(), "boss", false, server.clock().now());
    add_manager(server.office().estates().home(), "hqmgr", true, server.clock().now());
    ConsoleClient hq(server.port());
    REQUIRE(hq.login("hqmgr", "manager-secret-1").status == 303);
    REQUIRE(hq.get("/console/repairs").status == 200);

    ConsoleClient boss(server.port());
    REQUIRE(boss.login("boss", "manager-secret-1").status == 303);
    REQUIRE(boss.get("/console/staff").status == 200);
    const Page disabled = boss.post("/console/staff/hqmgr/disable", {});
    CHECK(disabled.status == 403);
    CHECK(hq.get("/console/repairs").status == 200);  // its session goes on
    ConsoleClient again(server.port());
    CHECK(again.login("hqmgr", "manager-secret-1").status == 303);
}

namespace {

void limit_to(srv::Pool& home, const std::string& user, const std::vector<std::string>& estates) {
    auto lease = home.acquire();
    srv::Transaction tx(lease.db());
    REQUIRE(srv::console::set_company_estates(lease.db(), user, estates));
    tx.commit();
}

// Signs `client` in as the manager `user` and opens the staff list.
Page staff_list_of(ConsoleClient& client, const std::string& user) {
    REQUIRE(client.login(user, "manager-secret-1").status == 303);
    const Page list = client.get("/console/staff");
    REQUIRE(list.status == 200);
    return list;
}

std::vector<std::string> refusals(srv::Pool& home, const std::string& user) {
    return column(home, ("SELECT target || ' ' || detail FROM staff_audit WHERE action = 'forbidden' AND username = '" + user +
                         "' ORDER BY id").c_str());
}

} // namespace

TEST_CASE("console: a company manager's account is changed only by an unlimited company manager; others get 403 "
          "in their language, audited, and no buttons for it") {
    InProcessServer server(with_estate_b);
    srv::Pool& home = server.office().estates().home();
    for (const char* user : {"boss", "boss2"}) add_manager(home, user, false, server.clock().now());
    for (const char* user : {"hqmgr", "hq2", "limited"}) add_manager(home, user, true, server.clock().now());
    limit_to(home, "limited", {"home", estate_b});

    ConsoleClient boss(server.port());
    const Page list = staff_list_of(boss, "boss");
    CHECK(list.has("/console/staff/boss2/disable"));  // a plain manager's row keeps its buttons
    CHECK_FALSE(list.has("/console/staff/hqmgr/disable"));
    CHECK_FALSE(list.has("/console/staff/limited/disable"));
    CHECK(list.has("公司经理账号"));
    const Page refused = boss.post("/console/staff/limited/disable", {});
    CHECK(refused.status == 403);
    CHECK(refused.has("公司经理的账号只有管理全部小区的公司经理才能更改"));
    boss.set_cookie("lobby_console_lang", "en");
    REQUIRE(boss.get("/console/staff").status == 200);
    const Page in_english = boss.post("/console/staff/hqmgr/disable", {});
    CHECK(in_english.status == 403);
    CHECK(in_english.has("Only a company manager of every estate may change a company manager"));
    CHECK(refusals(home, "boss") == std::vector<std::string>{"/console/staff/limited/disable company_account",
                                                             "/console/staff/hqmgr/disable company_account"});
    // An unknown account is still "no such account", and a plain one is still the manager's to change.
    CHECK(boss.post("/console/staff/nobody/disable", {}).status == 404);
    CHECK(boss.post("/console/staff/boss2/disable", {}).status == 303);
    CHECK(boss.post("/console/staff/boss2/enable", {}).status == 303);

    // A company manager limited to some estates is no more than an estate's manager here.
    ConsoleClient limited(server.port());
    const Page limited_list = staff_list_of(limited, "limited");
    CHECK(limited_list.has("/console/staff/boss/disable"));
    CHECK_FALSE(limited_list.has("/console/staff/hqmgr/disable"));
    CHECK(limited.post("/console/staff/hq2/disable", {}).status == 403);
    CHECK(refusals(home, "limited") == std::vector<std::string>{"/console/staff/hq2/disable company_account"});

    // An unlimited company manager changes them: disabling ends the sessions and the sign-in, enabling restores it.
    ConsoleClient hq2(server.port());
    const Page hq_list = staff_list_of(hq2, "hq2");
    CHECK(hq_list.has("/console/staff/hqmgr/disable"));
    CHECK(hq_list.has("/console/staff/limited/disable"));
    CHECK(hq2.post("/console/staff/limited/disable", {}).status == 303);
    CHECK(limited.get("/console/repairs").status == 303);  // signed out
    ConsoleClient limited_again(server.port());
    CHECK(limited_again.login("limited", "manager-secret-1").status == 401);

    // Disabled, its row offers the estate's manager no "enable" either, and enabling is refused the same way.
    boss.set_cookie("lobby_console_lang", "zh-CN");
    const Page with_disabled = boss.get("/console/staff");
    CHECK(with_disabled.has("limited"));
    CHECK_FALSE(with_disabled.has("/console/staff/limited/enable"));
    CHECK(boss.post("/console/staff/limited/enable", {}).status == 403);
    CHECK(limited_again.login("limited", "manager-secret-1").status == 401);
    REQUIRE(hq2.get("/console/staff").status == 200);
    CHECK(hq2.post("/console/staff/limited/enable", {}).status == 303);
    CHECK(limited_again.login("limited", "manager-secret-1").status == 303);
}

namespace {

// Every row of every table of `pool`'s estate, as text: whatever A's staff
// try with B's ids must leave it the same.
std::string estate_dump(srv::Pool& pool) {
    auto lease = pool.acquire();
    srv::Database& db = lease.db();
    const bool pg = db.is_postgres();
    std::vector<std::string> tables;
    {
        srv::Statement st(db, pg ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                                   "AND table_type = 'BASE TABLE' ORDER BY table_name"
                                 : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name");
        while (st.step()) tables.push_back(st.text(0));
    }
    std::string all;
    for (const std::string& table : tables) {
        std::string row;
        {
            srv::Statement cols(db, pg ? "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                                         "AND table_name = ? ORDER BY ordinal_position"
                                       : "SELECT name FROM pragma_table_info(?) ORDER BY cid");
            cols.bind(1, table);
            while (cols.step())
                row += std::string(row.empty() ? "" : " || '|' || ") + "COALESCE(CAST(\"" + cols.text(0) + "\" AS TEXT), '-')";
        }
        srv::Statement rows(db, ("SELECT " + row + " FROM \"" + table + "\" ORDER BY 1").c_str());
        all += "== " + table + "\n";
        while (rows.step()) all += rows.text(0) + "\n";
    }
    return all;
}

// Ids of B's records (three of each kind) that name nothing in A: A's staff
// given one must get what an id nobody has gets.
std::vector<std::string> b_only_ids(srv::Pool& a, srv::Pool& b) {
    const std::vector<const char*> kinds = {
        "SELECT id FROM tickets ORDER BY id", "SELECT id FROM move_outs ORDER BY id", "SELECT id FROM visitor_codes ORDER BY id",
        "SELECT id FROM payment_orders ORDER BY id", "SELECT key FROM feed WHERE collection = 'notices' ORDER BY key",
        "SELECT key FROM feed WHERE collection = 'surveys' ORDER BY key", "SELECT id FROM kiosks ORDER BY id",
        "SELECT username FROM staff_accounts ORDER BY username"};
    std::vector<std::string> out;
    for (const char* sql : kinds) {
        const auto in_a = column(a, sql);
        int taken = 0;
        for (const std::string& id : column(b, sql))
            if (taken < 3 && std::find(in_a.begin(), in_a.end(), id) == in_a.end()) {
                out.push_back(id);
                ++taken;
            }
    }
    return out;
}

// The same id with its last character changed: an id of nobody (checked by the caller).
std::string twin_of(const std::string& id) { return id.substr(0, id.size() - 1) + (id.back() == 'z' ? "y" : "z"); }

// A form that gets each console action past its own field checks to the
// record's lookup (a ticket's status, worker and charge, a move-out's
// decision, a kiosk's settings, an estate), aimed at B where it names one.
std::vector<std::pair<std::string, std::string>> action_form() {
    return {{"status", "accepted"}, {"note", "按乙小区的编号操作"}, {"worker", "boss"}, {"charge", "10.00"},
            {"charge_note", "材料费"}, {"decision", "approved"}, {"way", "phone"}, {"estate", estate_b},
            {"idle_timeout_s", "120"}, {"language", "zh-CN"}, {"elderly_default", "0"}};
}

struct ConsoleSweep {
    int requests = 0;
    std::set<std::string> covered;        // id routes given at least one of B's ids
    std::vector<std::string> problems;    // "METHOD path: what went wrong"
};

// Every console route with an id in its path (from the server's route
// table), given each of B's ids that fits its pattern: the answer must be
// the one an id of nobody gets (never a success), and show nothing of B.
// `shared`: ids both estates have (units): only nothing of B may show.
void sweep_console_ids(ConsoleClient& client, InProcessServer& server, const std::vector<std::string>& b_only,
                       const std::vector<std::string>& shared, const MarkerIndex& index, ConsoleSweep& sweep) {
    const auto answer = [&](const std::string& method, const std::string& path) {
        ++sweep.requests;
        const Page p = method == "GET" ? client.get(path) : client.post(path, action_form());
        if (p.location().rfind("/console/login", 0) == 0) sweep.problems.push_back(method + " " + path + ": signed out");
        return p;
    };
    const auto leaks = [&](const std::string& what, std::string body, const std::string& id) {
        // The id asked for may be echoed back; anything else of B may not.
        for (std::size_t at; (at = body.find(id)) != std::string::npos;) body.erase(at, id.size());
        for (const std::string& m : index.found_in(body)) sweep.problems.push_back(what + ": shows " + m);
    };
    for (const srv::RouteInfo& route : server.office().routes()) {
        std::smatch group;
        if (route.pattern.rfind("/console/", 0) != 0 || !std::regex_search(route.pattern, group, path_group)) continue;
        const std::regex fits(group.str().substr(1, group.length() - 2));
        for (const std::string& id : b_only) {
            if (!std::regex_match(id, fits)) continue;
            const std::string path = std::regex_replace(route.pattern, path_group, id);
            const std::string what = route.method + " " + path;
            const Page got = answer(route.method, path);
            const Page nobody = answer(route.method, std::regex_replace(route.pattern, path_group, twin_of(id)));
            sweep.covered.insert(route.method + " " + route.pattern);
            if (got.status < 400) sweep.problems.push_back(what + ": answered " + std::to_string(got.status));
            if (got.status != nobody.status)
                sweep.problems.push_back(what + ": " + std::to_string(got.status) + ", an unknown id " +
                                         std::to_string(nobody.status));
            leaks(what, got.body, id);
        }
        for (const std::string& id : shared) {
            if (!std::regex_match(id, fits)) continue;
            const std::string path = std::regex_replace(route.pattern, path_group, id);
            leaks(route.method + " " + path, answer(route.method, path).body, id);
        }
    }
}

// Every console route without an id: each POST (publishing,
// pre-registering, codes, estates) with the form aimed at B, each page with
// a query naming B's estate and a unit both have: it acts in A if at all
// and shows nothing of B.
void sweep_console_without_ids(ConsoleClient& client, InProcessServer& server, const MarkerIndex& index, ConsoleSweep& sweep) {
    for (const srv::RouteInfo& route : server.office().routes()) {
        if (route.pattern.rfind("/console/", 0) != 0 || std::regex_search(route.pattern, path_group) ||
            route.pattern == "/console/login" || route.pattern == "/console/logout" || route.pattern == "/console/lang" ||
            route.pattern.find("/static/") != std::string::npos)
            continue;
        ++sweep.requests;
        const Page got = route.method == "POST"
                             ? client.post(route.pattern, action_form())
                             : client.get(route.pattern + "?unit=3-2-1502&estate=" + estate_b + "&state=all&page=0");
        for (const std::string& m : index.found_in(got.body))
            sweep.problems.push_back(route.method + " " + route.pattern + ": shows " + m);
    }
}

} // namespace

TEST_CASE("console: a manager of A, and a company manager limited to A, given B's ids on every console route get what "
          "an unknown id gets, see nothing of B and change nothing in B") {
    InProcessServer server(with_estate_b);
    srv::Estates& estates = server.office().estates();
    srv::Pool& a = estates.home();
    srv::Pool& b = *estates.find(estate_b);
    add_manager(a, "boss", false, server.clock().now());
    add_manager(a, "limco", true, server.clock().now());
    limit_to(a, "limco", {"home"});
    // B's own records of every kind a console route takes an id of: a
    // ticket, a kiosk and a manager only B has, and wrong fee tries on a
    // unit number both estates have.
    file_ticket(server.port(), b_kiosk_token, "只在乙小区的报修 B-ONLY-SWEEP");
    add_manager(b, "bmgr", false, server.clock().now());
    {
        auto lease = b.acquire();
        lease.db().exec("INSERT INTO kiosks (id, token_sha256, role, revoked) VALUES "
                        "('b-only-kiosk', '6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b', 'kiosk', 0)");
    }
    Api b_kiosk(server.port(), b_kiosk_token);
    Api b_office(server.port(), b_staff_token);
    const auto example = [](const std::string& name) {
        std::ifstream in(std::string(LOBBY_SOURCE_DIR) + "/sync/examples/" + name);
        return nlohmann::json::parse(in);
    };
    nlohmann::json notice = example("notice.json");
    notice["id"] = "N-B-ONLY-SWEEP";
    notice["expires_at"] = "2027-06-30T16:00:00Z";
    nlohmann::json survey = example("survey.json");
    survey["id"] = "S-B-ONLY-SWEEP";
    survey["closes_at"] = "2027-06-30T16:00:00Z";
    for (const auto& [path, body] : {std::pair<std::string, nlohmann::json>{"/v1/notices", notice}, {"/v1/surveys", survey}}) {
        const Reply made = b_office.create(path, body);
        REQUIRE_MESSAGE(made.status < 300, path << ": " << made.body);
    }
    nlohmann::json leaving = example("move_out_request.json");
    leaving["planned_date"] = p::format_date_shanghai(server.clock().now() + 86400);
    const Reply move_out = b_kiosk.create("/v1/move-outs", leaving);
    REQUIRE_MESSAGE(move_out.status == 201, move_out.body);
    const Reply wrong = b_kiosk.post("/v1/fees/lookup", {{"unit_id", "3-2-1502"}, {"phone_last4", "0001"}});
    REQUIRE_MESSAGE(wrong.status >= 400, wrong.body);
    REQUIRE(column(b, "SELECT unit_id FROM fee_wrong_tries") == std::vector<std::string>{"3-2-1502"});

    const std::vector<std::string> b_only = b_only_ids(a, b);
    // Seeded records have the same ids in both estates: given those, A's staff act on A's.
    std::vector<std::string> shared = {"3-2-1502", "5-3-2202", "lobby-1"};
    for (const char* sql : {"SELECT id FROM tickets ORDER BY id", "SELECT id FROM move_outs ORDER BY id",
                            "SELECT key FROM feed WHERE collection = 'notices' ORDER BY key",
                            "SELECT key FROM feed WHERE collection = 'surveys' ORDER BY key"}) {
        const auto in_a = column(a, sql);
        for (const std::string& id : column(b, sql))
            if (std::find(in_a.begin(), in_a.end(), id) != in_a.end()) {
                shared.push_back(id);
                break;
            }
    }
    CHECK(shared.size() == 7);
    std::set<std::string> everyones;
    for (srv::Pool* pool : {&a, &b})
        for (const char* sql : {"SELECT id FROM tickets", "SELECT id FROM move_outs", "SELECT id FROM visitor_codes",
                                "SELECT id FROM payment_orders", "SELECT key FROM feed", "SELECT id FROM kiosks",
                                "SELECT username FROM staff_accounts"})
            for (const std::string& id : column(*pool, sql)) everyones.insert(id);
    for (const std::string& id : b_only) CHECK_MESSAGE(everyones.count(twin_of(id)) == 0, twin_of(id));
    const std::set<std::string> markers = b_only_markers(a, b, b_ids(b));  // the index points into it
    REQUIRE(markers.size() >= 100);
    const MarkerIndex index(markers);
    // The sweep sees what it looks for: B's own manager, given B's ticket, opens it and sees B.
    {
        ConsoleClient b_staff(server.port());
        REQUIRE(b_staff.login("bmgr@" + estate_b, "manager-secret-1").status == 303);
        REQUIRE(b_only.front().rfind("R-", 0) == 0);
        const Page own = b_staff.get("/console/repairs/" + b_only.front());
        CHECK(own.status == 200);
        CHECK_FALSE(index.found_in(own.body).empty());
        CHECK(b_staff.get("/console/surveys/S-B-ONLY-SWEEP").status == 200);
        CHECK(b_staff.get("/console/kiosks/b-only-kiosk").status == 200);
        ConsoleSweep own_sweep;
        sweep_console_ids(b_staff, server, {b_only.front()}, {}, index, own_sweep);
        CHECK(own_sweep.problems.size() >= 2);  // B's ticket opens and shows B's words
    }
    const std::string b_before = estate_dump(b);
    const std::string b_feed_before = feed_dump(b);

    // Every console route with an id is one the sweep reaches with B's ids.
    std::set<std::string> id_routes;
    for (const srv::RouteInfo& route : server.office().routes())
        if (route.pattern.rfind("/console/", 0) == 0 && std::regex_search(route.pattern, path_group))
            id_routes.insert(route.method + " " + route.pattern);
    CHECK(id_routes.size() >= 15);

    for (const std::string user : {"boss", "limco"}) {
        CAPTURE(user);
        ConsoleClient staff(server.port());
        staff_list_of(staff, user);  // a page with the session's CSRF token
        ConsoleSweep sweep;
        sweep_console_ids(staff, server, b_only, shared, index, sweep);
        std::vector<std::string> missed;
        std::set_difference(id_routes.begin(), id_routes.end(), sweep.covered.begin(), sweep.covered.end(),
                            std::back_inserter(missed));
        CHECK_MESSAGE(missed.empty(), missed.size() << " console routes without one of B's ids, first: "
                                                    << (missed.empty() ? "" : missed.front()));
        CHECK(sweep.requests > 60);
        MESSAGE(user << ": " << sweep.requests << " console requests with B's ids");
        CHECK_MESSAGE(sweep.problems.empty(), sweep.problems.size() << " problems, first: "
                                                                    << (sweep.problems.empty() ? "" : sweep.problems.front()));
        CHECK(estate_dump(b) == b_before);
        // B is not theirs to enter, and their console is still theirs (no answer above signed them out).
        CHECK(staff.post("/console/estates/switch", {{"estate", estate_b}}).status == 403);
        CHECK(staff.get("/console/repairs").status == 200);
    }
    // Then the routes without an id, aimed at B: they act in A if at all.
    for (const std::string user : {"boss", "limco"}) {
        CAPTURE(user);
        ConsoleClient staff(server.port());
        staff_list_of(staff, user);  // a page with the session's CSRF token
        ConsoleSweep sweep;
        sweep_console_without_ids(staff, server, index, sweep);
        CHECK(sweep.requests >= 18);
        CHECK_MESSAGE(sweep.problems.empty(), sweep.problems.size() << " problems, first: "
                                                                    << (sweep.problems.empty() ? "" : sweep.problems.front()));
    }
    CHECK(estate_dump(b) == b_before);
    CHECK(feed_dump(b) == b_feed_before);
    CHECK(column(b, "SELECT unit_id FROM fee_wrong_tries") == std::vector<std::string>{"3-2-1502"});
    CHECK(column(b, "SELECT disabled FROM staff_accounts WHERE username = 'bmgr'") == std::vector<std::string>{"0"});
    CHECK(column(b, "SELECT revoked FROM kiosks WHERE id = 'b-only-kiosk'") == std::vector<std::string>{"0"});
    // A ticket id both estates have was A's ticket to act on (audited in A).
    CHECK_FALSE(column(a, ("SELECT action FROM staff_audit WHERE action LIKE 'repair.%' AND target = '" + shared[3] + "'").c_str())
                    .empty());
}

// A request that holds one connection of a pool and then asks the same pool
// for a second waits for itself once the pool is that small: with --db-pool 1
// it answers 503 after --db-pool-wait-seconds, and at any bound N, N such
// requests at once stall everything until they time out. Two such requests:
// a company manager's console page (the layout lists the estates from the
// home pool beside the page's own home connection, page.cpp) and, on
// PostgreSQL where every estate borrows the home pool's connections, an
// enrolment code of estate B (registered in the home directory while B's
// connection is held, kiosks/enrolment.cpp register_code).
TEST_CASE("--db-pool 1: a company manager's console page and estate B's enrolment code are answered, not 503") {
    InProcessServer server([](srv::ServerConfig& config) {
        with_estate_b(config);
        config.db_pool = 1;
        config.db_pool_wait_seconds = 0.5;
    });
    Api b_staff(server.port(), b_staff_token);
    const Reply made = b_staff.post("/v1/kiosks/enrolment-codes", {{"kiosk_id", "lobby-8"}});
    CHECK_MESSAGE(made.status == 201, made.body);

    add_manager(server.office().estates().home(), "hqmgr", true, server.clock().now());
    ConsoleClient hq(server.port());
    REQUIRE(hq.login("hqmgr", "manager-secret-1").status == 303);
    for (const std::string page : {"/console/repairs", "/console/estates"}) {
        CAPTURE(page);
        const Page answer = hq.get(page);
        CHECK_MESSAGE(answer.status == 200, answer.body.substr(0, 200));
    }
}

// The same bound with a company manager acting in estate B: the session is
// read at home and B's pages with B's connection, one at a time (on
// PostgreSQL both come from one pool), and what changes home from B's page
// (switching back, signing out) or makes an estate (home's directory and
// the new estate's schema) waits for the page's connection to be given back.
TEST_CASE("--db-pool 1: a company manager acts in B, makes a code there, creates an estate, switches back, signs out") {
    InProcessServer server([](srv::ServerConfig& config) {
        with_estate_b(config);
        config.db_pool = 1;
        config.db_pool_wait_seconds = 0.5;
    });
    srv::Estates& estates = server.office().estates();
    add_manager(estates.home(), "hqmgr", true, server.clock().now());
    ConsoleClient hq(server.port());
    REQUIRE(hq.login("hqmgr", "manager-secret-1").status == 303);
    REQUIRE(hq.get("/console/estates").status == 200);  // the form's CSRF token
    REQUIRE(hq.post("/console/estates/switch", {{"estate", estate_b}}).status == 303);
    for (const std::string page : {"/console/repairs", "/console/kiosks", "/console/estates"}) {
        CAPTURE(page);
        const Page answer = hq.get(page);
        CHECK_MESSAGE(answer.status == 200, answer.body.substr(0, 200));
    }
    const Page code = hq.post("/console/kiosks/enrolment-codes", {{"kiosk_id", "lobby-5"}});
    CHECK_MESSAGE(code.status == 201, code.body.substr(0, 200));
    CHECK(column(*estates.find(estate_b), "SELECT kiosk_id FROM enrolment_codes WHERE kiosk_id = 'lobby-5'").size() == 1);
    CHECK(column(estates.home(), "SELECT estate_id FROM enrolment_code_estates") == std::vector<std::string>{estate_b});

    const Page made = hq.post("/console/estates", {{"id", "xihu"}, {"name", "西湖苑"}});
    CHECK_MESSAGE(made.status == 303, made.body.substr(0, 200));
    REQUIRE(estates.find("xihu") != nullptr);
    CHECK(column(estates.home(), "SELECT target FROM staff_audit WHERE action = 'estate.create'") ==
          std::vector<std::string>{"xihu"});
    CHECK(hq.post("/console/estates", {{"id", "xihu"}, {"name", "西湖苑"}}).status == 409);

    // Switching from B to home: the switch audited in B, the session (home) changed.
    REQUIRE(hq.post("/console/estates/switch", {{"estate", "home"}}).status == 303);
    CHECK(column(*estates.find(estate_b), "SELECT target FROM staff_audit WHERE action = 'estate.switch'") ==
          std::vector<std::string>{"home"});
    CHECK(hq.get("/console/repairs").status == 200);
    sign_out_in_b_ends_session(hq, server.port());
}

// Writes wait for their estate's write lock without holding a connection
// (Pool::lock_writes): a burst of them, more than the pool has connections,
// queued on estate A's lock, leaves the connections to the reads of A and
// of B (on PostgreSQL every estate borrows the same ones), which answer at
// once instead of waiting --db-pool-wait-seconds for a 503.
TEST_CASE("--db-pool 2: a burst of writes queued on estate A's write lock keeps no read of A or B waiting") {
    InProcessServer server([](srv::ServerConfig& config) {
        with_estate_b(config);
        config.db_pool = 2;
        config.threads = 8;
        config.db_pool_wait_seconds = 60;  // a read kept waiting would show as slow, not as 503
    });
    srv::Pool& a = server.office().estates().home();
    constexpr int burst = 4;
    std::vector<Reply> beats(burst);
    std::vector<std::thread> kiosks;
    {
        std::unique_lock<std::mutex> held(a.write_mutex());  // A's writes queue behind this
        for (int i = 0; i < burst; ++i)
            kiosks.emplace_back([&, i] {
                beats[i] = Api(server.port(), lobby1_token).post("/v1/heartbeat", {{"kiosk_version", "0.1.0"}, {"outbox_size", i}});
            });
        const auto deadline = std::chrono::steady_clock::now() + scaled(std::chrono::seconds(30));
        while (a.writers_waiting() < burst && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(2));  // polls; the limit is the deadline
        REQUIRE(a.writers_waiting() == burst);
        for (const std::string& token : {std::string(lobby1_token), b_kiosk_token}) {
            CAPTURE(token);
            const auto start = std::chrono::steady_clock::now();
            // (Not the feed: it applies due refreshes, a write, first.)
            const Reply read = Api(server.port(), token).get("/v1/repairs/slots");
            CHECK(read.status == 200);
            CHECK(std::chrono::steady_clock::now() - start < scaled(std::chrono::seconds(5)));
        }
    }
    for (auto& t : kiosks) t.join();
    for (const Reply& r : beats) CHECK(r.status == 200);
}

TEST_CASE("--demo-estates N --demo-units M: e002.. copy e001's records, with their own kiosks, name and feed after the copy") {
    InProcessServer server([](srv::ServerConfig& config) {
        config.demo_estates = 3;
        config.demo_units = 40;
    });
    srv::Estates& estates = server.office().estates();
    REQUIRE(estates.list().size() == 4);
    for (const std::string id : {"e001", "e002", "e003"}) {
        CAPTURE(id);
        srv::Pool* pool = estates.find(id);
        REQUIRE(pool != nullptr);
        CHECK(column(*pool, "SELECT COUNT(*) FROM units") == std::vector<std::string>{"40"});
        CHECK(column(*pool, "SELECT COUNT(DISTINCT period) FROM bills") == std::vector<std::string>{"2"});
        Api kiosk(server.port(), id + "." + lobby1_token);
        const Reply page = kiosk.get("/v1/changes?collections=estate");
        REQUIRE(page.status == 200);
        CHECK(page.body.find("锦绣华庭" + std::to_string(std::stoi(id.substr(1))) + "期") != std::string::npos);
        // A new record continues the copied feed: a pull from the last seq sees it.
        const auto last = kiosk.get("/v1/changes?since=0&limit=1000").json().at("next_since").get<long long>();
        const Reply made = kiosk.create("/v1/repairs", {{"unit_id", "1-1-101"}, {"category", "plumbing"},
                                                        {"description", "复制后的新报修 " + id}, {"location", "own_unit"}});
        REQUIRE_MESSAGE(made.status == 201, made.body);
        const Reply after = kiosk.get("/v1/changes?since=" + std::to_string(last) + "&collections=tickets");
        CHECK(after.body.find("复制后的新报修 " + id) != std::string::npos);
    }
    // Each copy has its own demo kiosks (tokens naming it), not e001's rows.
    CHECK(column(*estates.find("e002"), "SELECT COUNT(*) FROM kiosks") == std::vector<std::string>{"4"});
    CHECK(column(*estates.find("e002"), "SELECT COUNT(*) FROM staff_accounts") == std::vector<std::string>{"0"});
}

namespace {

// A phone's view of a public page: no bearer token, only the link.
struct Phone {
    explicit Phone(int port) : http("127.0.0.1", port) { http.set_read_timeout(20, 0); }
    Reply get(const std::string& path) { return wrap(http.Get(path.c_str())); }
    Reply post(const std::string& path) { return wrap(http.Post(path.c_str(), "", "application/x-www-form-urlencoded")); }
    static Reply wrap(const httplib::Result& r) {
        REQUIRE_MESSAGE(r, "no answer");
        return Reply{r->status, r->body, r->headers};
    }
    httplib::Client http;
};

// The path (and query) of a link the server or kiosk made.
std::string path_of(const std::string& url, const std::string& base) {
    REQUIRE_MESSAGE(url.rfind(base, 0) == 0, url);
    return url.substr(base.size());
}

// A pending payment order of `kiosk` for one open bill of a unit of `pool`'s
// estate, after a fee lookup with a resident's real last four digits.
p::PaymentOrder open_order(srv::Pool& pool, Api& kiosk) {
    std::string unit, last4;
    {
        auto lease = pool.acquire();
        srv::Statement st(lease.db(), "SELECT r.unit_id, r.phone FROM residents r JOIN bills b ON b.unit_id = r.unit_id "
                                      "WHERE b.paid_fen < b.amount_fen ORDER BY r.unit_id, r.id LIMIT 1");
        REQUIRE(st.step());
        unit = st.text(0);
        const std::string phone = lease.db().cipher().open(st.text(1));
        last4 = phone.substr(phone.size() - 4);
    }
    const auto lookup = kiosk.post("/v1/fees/lookup", {{"unit_id", unit}, {"phone_last4", last4}}).as<p::FeeLookupResult>();
    REQUIRE(lookup.verification_token.has_value());
    std::string bill;
    for (const auto& b : lookup.bills)
        if (b.status != "paid") bill = b.id;
    REQUIRE_FALSE(bill.empty());
    const Reply made = kiosk.create("/v1/payment-orders",
                                    {{"unit_id", unit}, {"bill_ids", {bill}}, {"verification_token", *lookup.verification_token}});
    REQUIRE_MESSAGE(made.status == 201, made.body);
    return made.as<p::PaymentOrder>();
}

bool paid_in(srv::Pool& pool, const std::string& order_id) {
    return column(pool, ("SELECT COUNT(*) FROM payment_orders WHERE paid_at IS NOT NULL AND id = '" + order_id + "'").c_str()) ==
           std::vector<std::string>{"1"};
}

} // namespace

TEST_CASE("public pages of estate B: B's pay page pays B's order, B's receipt and status page; A's links under B's name, "
          "and forged estates, are 404") {
    InProcessServer server(with_estate_b);
    srv::Pool& a = server.office().estates().home();
    srv::Pool& b = *server.office().estates().find(estate_b);
    const std::string base = server.base_url();
    Api a_kiosk(server.port(), lobby1_token);
    Api b_kiosk(server.port(), b_kiosk_token);
    Phone phone(server.port());

    // Pay: B's QR names B; A's stays as it always was.
    const p::PaymentOrder b_order = open_order(b, b_kiosk);
    const p::PaymentOrder a_order = open_order(a, a_kiosk);
    CHECK(b_order.qr_payload == base + "/pay/" + estate_b + "/" + b_order.id);
    CHECK(a_order.qr_payload == base + "/pay/" + a_order.id);
    const std::string b_pay = path_of(b_order.qr_payload, base);
    const Reply b_page = phone.get(b_pay);
    REQUIRE(b_page.status == 200);
    CHECK(b_page.body.find("锦绣华庭") != std::string::npos);
    CHECK(b_page.body.find("翠湖花园") == std::string::npos);
    CHECK(b_page.body.find("action=\"" + b_pay + "\"") != std::string::npos);  // the button pays in B too
    // Each order under the other estate's name, under unknown or misspelt ones: nothing, never a 500.
    for (const std::string& wrong : {"/pay/" + b_order.id, "/pay/" + estate_b + "/" + a_order.id, "/pay/e999/" + b_order.id,
                                     "/pay/home/" + b_order.id, "/pay/company/" + b_order.id, "/pay/E001/" + b_order.id,
                                     "/pay/" + estate_b + "/" + b_order.id + "/x", "/pay//" + b_order.id}) {
        CAPTURE(wrong);
        const Reply got = phone.get(wrong);
        CHECK(got.status == 404);
        CHECK(got.body.find(b_order.id) == std::string::npos);
        CHECK(phone.post(wrong).status == 404);
    }
    CHECK_FALSE(paid_in(a, a_order.id));
    CHECK_FALSE(paid_in(b, b_order.id));
    // Paying B's order marks B's order paid, and nothing of A.
    const Reply paid = phone.post(b_pay);
    REQUIRE_MESSAGE(paid.status == 200, paid.body);
    CHECK(paid.body.find("支付成功") != std::string::npos);
    CHECK(paid_in(b, b_order.id));
    CHECK_FALSE(paid_in(a, a_order.id));
    CHECK(column(a, ("SELECT COUNT(*) FROM payment_orders WHERE id = '" + b_order.id + "'").c_str()) ==
          std::vector<std::string>{"0"});
    const auto b_after = b_kiosk.get("/v1/payment-orders/" + b_order.id).as<p::PaymentOrder>();
    CHECK(b_after.status == "paid");

    // Receipt: B's link opens B's receipt, and only under B's name.
    REQUIRE(b_after.receipt_url.has_value());
    const std::string b_receipt = path_of(*b_after.receipt_url, base);
    REQUIRE(b_receipt.rfind("/receipts/" + estate_b + "/" + b_order.id + "?t=", 0) == 0);
    const Reply receipt = phone.get(b_receipt);
    REQUIRE(receipt.status == 200);
    CHECK(receipt.body.find("锦绣华庭") != std::string::npos);
    CHECK(receipt.body.find(b_order.id) != std::string::npos);
    const std::string b_token = b_receipt.substr(b_receipt.find("?t=") + 3);
    REQUIRE(phone.post(path_of(a_order.qr_payload, base)).status == 200);
    const auto a_after = a_kiosk.get("/v1/payment-orders/" + a_order.id).as<p::PaymentOrder>();
    REQUIRE(a_after.receipt_url.has_value());
    const std::string a_receipt = path_of(*a_after.receipt_url, base);
    CHECK(a_receipt.rfind("/receipts/" + a_order.id + "?t=", 0) == 0);
    CHECK(phone.get(a_receipt).status == 200);
    const std::string a_token = a_receipt.substr(a_receipt.find("?t=") + 3);
    for (const std::string& wrong : {"/receipts/" + b_order.id + "?t=" + b_token,  // B's link without B's name
                                     "/receipts/" + estate_b + "/" + a_order.id + "?t=" + a_token,
                                     "/receipts/e999/" + b_order.id + "?t=" + b_token,
                                     "/receipts/" + estate_b + "/" + b_order.id + "?t=" + a_token}) {
        CAPTURE(wrong);
        const Reply got = phone.get(wrong);
        CHECK(got.status == 404);
        CHECK(got.body.find("锦绣华庭") == std::string::npos);
    }

    // Repair status: the kiosk names its estate (protocol repair_status_path); tickets of
    // both estates may have the same id, so each page is told apart by its description.
    const std::string b_status = p::make_status_token();
    const std::string a_status = p::make_status_token();
    const auto ticket = [](const std::string& description, const std::string& token) {
        return nlohmann::json{{"category", "plumbing"}, {"preset", "pipe_leak"}, {"description", description},
                              {"location", "public"}, {"location_detail", "地下车库"}, {"status_token", token}};
    };
    REQUIRE(b_kiosk.create("/v1/repairs", ticket("乙小区漏水 B-STATUS-PAGE", b_status)).status == 201);
    REQUIRE(a_kiosk.create("/v1/repairs", ticket("甲小区漏水 A-STATUS-PAGE", a_status)).status == 201);
    CHECK(p::repair_status_path(p::estate_of_kiosk_token(b_kiosk_token), b_status) ==
          "/repairs/status/" + estate_b + "/" + b_status);
    const Reply b_ticket = phone.get("/repairs/status/" + estate_b + "/" + b_status);
    REQUIRE(b_ticket.status == 200);
    CHECK(b_ticket.body.find("B-STATUS-PAGE") != std::string::npos);
    CHECK(b_ticket.body.find("A-STATUS-PAGE") == std::string::npos);
    const Reply a_ticket = phone.get("/repairs/status/" + a_status);
    REQUIRE(a_ticket.status == 200);
    CHECK(a_ticket.body.find("A-STATUS-PAGE") != std::string::npos);
    for (const std::string& wrong : {"/repairs/status/" + b_status, "/repairs/status/" + estate_b + "/" + a_status,
                                     "/repairs/status/e999/" + b_status, "/repairs/status/home/" + b_status,
                                     "/repairs/status/" + estate_b + "/short"}) {
        CAPTURE(wrong);
        const Reply got = phone.get(wrong);
        CHECK(got.status == 404);
        CHECK(got.body.find("STATUS-PAGE") == std::string::npos);
    }
}

TEST_CASE("a follow-up code is unique in each estate's database, B's copy included") {
    InProcessServer server(with_estate_b);
    for (srv::Pool* pool : {&server.office().estates().home(), server.office().estates().find(estate_b)}) {
        auto lease = pool->acquire();
        srv::Database& db = lease.db();
        db.exec("UPDATE tickets SET follow_code_hash = 'same-hash-twice' WHERE n = (SELECT MIN(n) FROM tickets)");
        CHECK_THROWS_AS(db.exec("UPDATE tickets SET follow_code_hash = 'same-hash-twice' WHERE n = (SELECT MAX(n) FROM tickets)"),
                        srv::DbError);
    }
}
