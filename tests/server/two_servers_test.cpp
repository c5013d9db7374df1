// Two office-server processes on one database (a SQLite file, or under
// ctest -L postgres one PostgreSQL database): the database, not a process's
// memory, keeps idempotency and the feed's order.
#include "api_client.hpp"
#include "support/test_database.hpp"
#include "support/time_scale.hpp"

#include "protocol/kiosk_setup.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

using namespace lobby::test;
namespace p = lobby::protocol;

namespace {

nlohmann::json repair(const std::string& description) {
    return {{"unit_id", "1-1-801"}, {"category", "door_window"}, {"description", description}, {"location", "own_unit"}};
}

// The second server: no demo seed of its own, the first one's database.
OfficeServerOptions beside(const OfficeServerProcess& first) { return OfficeServerOptions(false, first.db_path()); }

} // namespace

TEST_CASE("the same Idempotency-Key sent to two servers at once makes one record and one answer") {
    OfficeServerProcess a;
    OfficeServerProcess b(beside(a));
    for (int round = 0; round < 5; ++round) {
        const std::string key = Api::fresh_key();
        const std::string description = "两台服务器同一请求 " + std::to_string(round);
        std::vector<Reply> replies(6);
        std::vector<std::thread> senders;
        for (std::size_t i = 0; i < replies.size(); ++i)
            senders.emplace_back([&, i] {
                Api api((i % 2 ? b : a).port(), lobby1_token);
                replies[i] = api.post("/v1/repairs", repair(description), key);
            });
        for (auto& t : senders) t.join();
        std::set<std::string> ids;
        for (const auto& r : replies) {
            REQUIRE(r.status == 201);
            ids.insert(r.as<p::Ticket>().id);
        }
        CHECK(ids.size() == 1);
        CHECK(db_int(a.db_path(), "SELECT COUNT(*) FROM tickets WHERE description = '" + description + "'") == 1);
    }
}

TEST_CASE("a write on one server is in the next pull from the other") {
    OfficeServerProcess a;
    OfficeServerProcess b(beside(a));
    Api on_a(a.port(), lobby1_token);
    Api on_b(b.port(), lobby1_token);
    std::int64_t cursor = 0;
    pull_feed(on_b, 0, 1000, &cursor);
    const Reply created = on_a.create("/v1/repairs", repair("写在A读在B"));
    REQUIRE(created.status == 201);
    const std::string id = created.as<p::Ticket>().id;
    const auto fresh = pull_feed(on_b, cursor, 1000);
    bool seen = false;
    for (const auto& c : fresh) seen = seen || (c.collection == "tickets" && c.key == id);
    CHECK(seen);
    // And the ticket itself reads the same through either server.
    CHECK(on_b.get("/v1/repairs/" + id).status == on_a.get("/v1/repairs/" + id).status);
}

TEST_CASE("writers on two servers and a reader pulling meanwhile: the cursor never skips a record") {
    OfficeServerProcess a;
    OfficeServerProcess b(beside(a));
    std::mutex created_mutex;
    std::set<std::string> created;
    std::atomic<bool> writing{true};
    std::vector<std::thread> writers;
    for (int w = 0; w < 4; ++w)
        writers.emplace_back([&, w] {
            Api api((w % 2 ? b : a).port(), lobby1_token);
            for (int i = 0; i < 10; ++i) {
                const Reply r = api.create("/v1/repairs", repair("并发写 " + std::to_string(w) + "-" + std::to_string(i)));
                if (r.status != 201) continue;
                std::lock_guard<std::mutex> lock(created_mutex);
                created.insert(r.as<p::Ticket>().id);
            }
        });
    // The kiosk's own tickets are in its feed; it pulls from b while a and b
    // write, page by page as a kiosk does (no asserts off the test's thread).
    Api reader(b.port(), lobby1_token);
    std::set<std::string> pulled;
    std::int64_t cursor = 0;
    std::atomic<int> bad_pages{0};
    std::thread pulling([&] {
        while (writing) {
            const Reply r = reader.get("/v1/changes?since=" + std::to_string(cursor) + "&limit=50");
            if (r.status != 200) { ++bad_pages; continue; }
            const auto page = r.as<p::ChangesPage>();
            for (const auto& c : page.changes)
                if (c.collection == "tickets") pulled.insert(c.key);
            cursor = page.next_since;
        }
    });
    for (auto& t : writers) t.join();
    writing = false;
    pulling.join();
    CHECK(bad_pages == 0);
    for (const auto& c : pull_feed(reader, cursor, 50, &cursor))
        if (c.collection == "tickets") pulled.insert(c.key);
    CHECK(created.size() == 40);
    std::vector<std::string> missing;
    for (const auto& id : created)
        if (!pulled.count(id)) missing.push_back(id);
    CHECK_MESSAGE(missing.empty(), "tickets the incremental pulls skipped: " << missing.size());
}

TEST_CASE("kill -9 of one server under load: kiosks resend to the other with the same keys, one record each") {
    OfficeServerProcess a;
    OfficeServerProcess b(beside(a));
    const std::string tag = "双机宕一";
    std::mutex mutex;
    std::vector<std::string> sent;           // every description, one request each
    std::vector<std::string> acknowledged;   // ticket ids answered 201
    std::vector<std::string> lost;           // requests no server acknowledged
    std::atomic<bool> loading{true};
    std::atomic<int> acks{0};
    std::atomic<int> resent{0};  // requests the first server did not acknowledge
    std::vector<std::thread> kiosks;
    for (int k = 0; k < 4; ++k)
        kiosks.emplace_back([&, k] {
            // Two kiosks on each server; a request not acknowledged goes again,
            // with its key, to the survivor (as the kiosk's outbox resends).
            Api first((k % 2 ? b : a).port(), k < 2 ? lobby1_token : lobby2_token);
            Api survivor(b.port(), k < 2 ? lobby1_token : lobby2_token);
            for (int i = 0; loading; ++i) {
                const std::string key = Api::fresh_key();
                const std::string description = tag + " " + std::to_string(k) + "-" + std::to_string(i);
                Reply r = first.post("/v1/repairs", repair(description), key);
                if (r.status != 201) ++resent;
                for (int retry = 0; r.status != 201 && retry < 20; ++retry)
                    r = survivor.post("/v1/repairs", repair(description), key);
                std::lock_guard<std::mutex> lock(mutex);
                sent.push_back(description);
                if (r.status == 201) {
                    acknowledged.push_back(r.as<p::Ticket>().id);
                    ++acks;
                } else {
                    lost.push_back(description + ": " + std::to_string(r.status));
                }
            }
        });
    auto wait_for_acks = [&](int n) {
        const auto deadline = std::chrono::steady_clock::now() + scaled(std::chrono::seconds(60));
        while (acks < n && std::chrono::steady_clock::now() < deadline) std::this_thread::yield();
        return acks >= n;
    };
    const bool loaded = wait_for_acks(20);
    a.kill_hard();  // mid-load: some of its requests are cut before or after their COMMIT
    const bool went_on = wait_for_acks(acks + 20);
    loading = false;
    for (auto& t : kiosks) t.join();
    REQUIRE(loaded);
    CHECK(went_on);
    CHECK(resent > 0);  // the kill cut some kiosks off mid-load
    CHECK_MESSAGE(lost.empty(), "requests no server acknowledged: " << lost.size() << ", first: " << (lost.empty() ? "" : lost.front()));
    CHECK(std::set<std::string>(acknowledged.begin(), acknowledged.end()).size() == acknowledged.size());
    const std::string like = "description LIKE '" + tag + " %'";
    CHECK(db_int(b.db_path(), "SELECT COUNT(*) FROM tickets WHERE " + like) == static_cast<long long>(sent.size()));
    CHECK(db_int(b.db_path(), "SELECT COUNT(DISTINCT description) FROM tickets WHERE " + like) ==
          static_cast<long long>(sent.size()));
}

// A company's other estates across two servers: the database, not a
// process, knows an estate's writes, its lockouts and the estate itself.
TEST_CASE("estate B on two servers: a write on one is in the other's pull; wrong fee tries count on both") {
    OfficeServerProcess a({true, {}, {"--demo-estates", "1", "--demo-units", "20"}});
    OfficeServerProcess b(beside(a));
    const std::string b_kiosk = std::string("e001.") + lobby1_token;
    Api on_a(a.port(), b_kiosk);
    Api on_b(b.port(), b_kiosk);
    std::int64_t cursor = 0;
    pull_feed(on_b, 0, 1000, &cursor);
    nlohmann::json body = repair("乙小区写在A读在B");
    body["unit_id"] = "1-1-101";  // a small estate's first unit (--demo-units)
    const Reply created = on_a.create("/v1/repairs", body);
    REQUIRE(created.status == 201);
    bool seen = false;
    for (const auto& c : pull_feed(on_b, cursor, 1000))
        seen = seen || (c.collection == "tickets" && c.key == created.as<p::Ticket>().id);
    CHECK(seen);

    // A new session for every guess, alternating servers: the tenth wrong
    // guess within the hour locks the unit, counted in the database.
    int guesses = 0;
    Reply r;
    for (int n = 0; n < 20; ++n) {
        Api& api = n % 2 ? on_b : on_a;
        r = api.post("/v1/fees/lookup", {{"unit_id", "1-1-102"}, {"phone_last4", "0000"},
                                         {"session_id", "two-servers-" + std::to_string(n)}});
        if (r.status != 403) break;
        ++guesses;
    }
    CHECK(guesses == 9);
    CHECK(r.status == 423);
    CHECK(on_a.post("/v1/fees/lookup", {{"unit_id", "1-1-102"}, {"phone_last4", "0000"}, {"session_id", "two-servers-x"}})
              .error_code() == "unit_locked");
    CHECK(on_b.post("/v1/fees/lookup", {{"unit_id", "1-1-102"}, {"phone_last4", "0000"}, {"session_id", "two-servers-y"}})
              .error_code() == "unit_locked");
}

TEST_CASE("an estate added with --add-estate while two servers run: enrolled through one, it pulls through both") {
    OfficeServerProcess a;
    OfficeServerProcess b(beside(a));
    // The operator's command, on the same database, while both serve.
    const std::string db = test_database(a.db_path());
    const std::string command = office_server_binary() + " --db '" + db + "' --data-key-file '" +
                                test_data_key_file(a.db_path()) + "' --add-estate e050 --estate-name 新建小区" +
                                " --enrolment-code lobby-9 --estate e050 2>&1";
    std::string out;
    {
        FILE* pipe = ::popen(command.c_str(), "r");
        REQUIRE(pipe != nullptr);
        char buffer[256];
        while (std::fgets(buffer, sizeof buffer, pipe)) out += buffer;
        REQUIRE(::pclose(pipe) == 0);
    }
    INFO(out);
    const auto at = out.find("in estate e050: ");
    REQUIRE(at != std::string::npos);
    const std::string code = out.substr(at + 16, p::enrolment_code_digits);

    const Reply enrolled = Api(b.port(), "").post("/v1/kiosks/enrol", {{"code", code}, {"verify_key", std::string(64, 'c')}});
    REQUIRE(enrolled.status == 200);
    const std::string token = enrolled.as<p::Enrolment>().token;
    CHECK(token.rfind("e050.", 0) == 0);
    CHECK(Api(a.port(), token).get("/v1/changes?since=0&limit=10").status == 200);
    CHECK(Api(b.port(), token).get("/v1/changes?since=0&limit=10").status == 200);
    // The code was used on b: a knows it too.
    CHECK(Api(a.port(), "").post("/v1/kiosks/enrol", {{"code", code}, {"verify_key", std::string(64, 'd')}}).status != 200);
}
