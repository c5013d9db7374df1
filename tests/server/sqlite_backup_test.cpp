// scripts/backup-office-db and restore-office-db on an SQLite office
// database with a second estate (its own file in <db>-estates/): a backup
// taken while a kiosk of each estate writes, restored into a new path and
// served by a second office-server, answers as the live one did for both
// estates; a failed backup leaves no file under the backup's name; a
// restore never writes over a database.
#include "api_client.hpp"
#include "support/time_scale.hpp"

#include <sys/stat.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

using namespace lobby::test;
namespace p = lobby::protocol;
namespace fs = std::filesystem;

namespace {

const std::string estate_b = "e001";

int run_script(const std::string& command_line) {
    return std::system((std::string(LOBBY_SCRIPTS_DIR "/") + command_line).c_str());
}

nlohmann::json repair(const std::string& description) {
    return {{"unit_id", "3-2-1502"}, {"category", "plumbing"}, {"description", description}, {"location", "own_unit"}};
}

// A kiosk of each estate filing repairs one after another, as lobbies do
// while the office backs up; notes which were acknowledged while `during`
// was set, from before the request went out to after its answer.
class Writers {
public:
    Writers(int port, std::atomic<bool>& during) {
        m_thread = std::thread([this, port, &during] {
            std::map<std::string, std::unique_ptr<Api>> kiosks;
            kiosks[home_estate_key] = std::make_unique<Api>(port, lobby1_token);
            kiosks[estate_b] = std::make_unique<Api>(port, estate_b + "." + lobby1_token);
            for (int i = 0; !m_stop; ++i) {
                const std::string estate = i % 2 ? estate_b : home_estate_key;
                const bool started_during = during;
                const Reply r = kiosks.at(estate)->create("/v1/repairs", repair("备份时写入 " + std::to_string(i)));
                std::lock_guard<std::mutex> lock(m_mutex);
                if (r.status != 201) {
                    m_failures.push_back(std::to_string(r.status) + " " + r.body.substr(0, 200));
                    continue;
                }
                m_accepted[estate].push_back(r.as<p::Ticket>().id);
                if (started_during && during) ++m_during;
                m_more.notify_all();
            }
        });
    }
    ~Writers() { stop(); }
    void stop() {
        m_stop = true;
        if (m_thread.joinable()) m_thread.join();
    }
    std::size_t accepted() {
        std::lock_guard<std::mutex> lock(m_mutex);
        return count();
    }
    // Until more than `n` were acknowledged in all, or `limit` (scaled) passes.
    bool wait_beyond(std::size_t n, std::chrono::seconds limit) {
        std::unique_lock<std::mutex> lock(m_mutex);
        return m_more.wait_for(lock, scaled(limit), [&] { return count() > n; });
    }
    // After stop(): the tickets of each estate in the order they were acknowledged.
    std::map<std::string, std::vector<std::string>> m_accepted;
    std::vector<std::string> m_failures;
    int m_during = 0;
    static inline const std::string home_estate_key = "home";

private:
    std::size_t count() { return m_accepted[home_estate_key].size() + m_accepted[estate_b].size(); }
    std::mutex m_mutex;
    std::condition_variable m_more;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

std::string estate_file(const std::string& db, const std::string& estate) {
    return estate == Writers::home_estate_key ? db : db + "-estates/" + estate + ".db";
}

std::string token_of(const std::string& estate, const char* token) {
    return estate == Writers::home_estate_key ? std::string(token) : estate + "." + token;
}

bool partial_left(const std::string& dir) {
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.path().filename().string().find(".partial") != std::string::npos) return true;
    return false;
}

} // namespace

TEST_CASE("SQLite: a backup taken while kiosks of two estates write restores into a new path that serves both as before") {
    const std::string dir = make_temp_dir("office-sqlite-backup");
    const std::string db = dir + "/office.db";
    const std::string key = dir + "/office.key";  // the data key, kept apart from the backup
    const std::string backup = dir + "/office-backup.tar.gz";
    const std::string restored_db = dir + "/restored/office.db";
    fs::create_directories(dir + "/restored");

    OfficeServerProcess live({true, db, {"--demo-estates", "1", "--data-key-file", key}});
    REQUIRE(fs::exists(db + "-estates/" + estate_b + ".db"));
    const std::vector<std::string> estates = {Writers::home_estate_key, estate_b};

    // Accepted before the backup starts: in it, whatever else happens.
    std::map<std::string, std::string> before;
    std::map<std::string, nlohmann::json> before_json;
    for (const std::string& estate : estates) {
        Api kiosk(live.port(), token_of(estate, lobby1_token));
        const Reply made = kiosk.create("/v1/repairs", repair("备份前已受理 " + estate));
        REQUIRE(made.status == 201);
        before[estate] = made.as<p::Ticket>().id;
        const Reply seen = Api(live.port(), token_of(estate, staff_token)).get("/v1/repairs/" + before[estate]);
        REQUIRE(seen.status == 200);
        before_json[estate] = seen.json();
    }
    const Reply fees_before = Api(live.port(), lobby1_token).post("/v1/fees/lookup", {{"unit_id", "3-2-1502"}, {"phone_last4", "5678"}});
    REQUIRE(fees_before.status == 200);

    std::atomic<bool> during{false};
    Writers writers(live.port(), during);
    REQUIRE(writers.wait_beyond(1, std::chrono::seconds(20)));
    during = true;
    const auto started = std::chrono::steady_clock::now();
    const int backup_exit = run_script("backup-office-db " + db + " " + backup);
    const auto backup_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    during = false;
    const std::size_t at_end = writers.accepted();
    REQUIRE(writers.wait_beyond(at_end, std::chrono::seconds(20)));
    writers.stop();
    REQUIRE(backup_exit == 0);
    CHECK_MESSAGE(writers.m_failures.empty(), (writers.m_failures.empty() ? "" : writers.m_failures.front()));
    MESSAGE("backup of home + " << estate_b << " took " << backup_ms << " ms; " << writers.m_during
                                << " repairs acknowledged meanwhile, " << fs::file_size(backup) << " bytes");
    // The server's writers were not held up by the copy: some went in while it ran.
    CHECK(writers.m_during >= 1);
    CHECK((fs::status(backup).permissions() & (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none);
    CHECK_FALSE(partial_left(dir));

    std::map<std::string, std::vector<p::Change>> live_feed;
    for (const std::string& estate : estates) {
        Api kiosk(live.port(), token_of(estate, lobby1_token));
        live_feed[estate] = pull_feed(kiosk);
    }
    REQUIRE(live.terminate() == 0);
    REQUIRE(run_script("restore-office-db " + backup + " " + restored_db) == 0);
    std::map<std::string, std::int64_t> snapshot_seq;  // each file's feed ends here in the backup
    for (const std::string& estate : estates)
        snapshot_seq[estate] = query_int(estate_file(restored_db, estate), "SELECT MAX(seq) FROM feed");

    OfficeServerProcess restored({false, restored_db, {"--data-key-file", key}});
    for (const std::string& estate : estates) {
        CAPTURE(estate);
        Api kiosk(restored.port(), token_of(estate, lobby1_token));  // B's kiosk authenticates in B
        Api staff(restored.port(), token_of(estate, staff_token));
        const Reply ticket = staff.get("/v1/repairs/" + before[estate]);
        REQUIRE(ticket.status == 200);
        CHECK(ticket.json() == before_json[estate]);

        // One snapshot of each file: the writers' tickets in it are the first
        // n they were acknowledged, none after a missing one.
        const std::vector<std::string>& accepted = writers.m_accepted[estate];
        std::size_t kept = 0;
        while (kept < accepted.size() && staff.get("/v1/repairs/" + accepted[kept]).status == 200) ++kept;
        for (std::size_t i = kept; i < accepted.size(); ++i) CHECK(staff.get("/v1/repairs/" + accepted[i]).status == 404);
        const std::string tickets = "SELECT COUNT(*) FROM tickets";
        const long long live_count = query_int(estate_file(db, estate), tickets);
        CHECK(query_int(estate_file(restored_db, estate), tickets) ==
              live_count - static_cast<long long>(accepted.size() - kept));
        MESSAGE(estate << ": " << kept << " of the " << accepted.size() << " repairs filed around the backup are in it");

        // The feed (every bill, unit, notice and ticket a kiosk sees) is the
        // live one as it was at the snapshot: each record of the copy's feed
        // equals the live one, except a record either server changed since
        // (the restored one's time-driven refreshes: a notice that ended).
        const std::int64_t snapshot = snapshot_seq[estate];
        std::map<std::pair<std::string, std::string>, nlohmann::json> live_then, copy_then;
        std::set<std::pair<std::string, std::string>> changed_since;
        const auto sort = [&](const std::vector<p::Change>& feed, auto& then) {
            for (const p::Change& c : feed) {
                if (c.seq <= snapshot) then[{c.collection, c.key}] = c;
                else changed_since.insert({c.collection, c.key});
            }
        };
        sort(live_feed[estate], live_then);
        sort(pull_feed(kiosk), copy_then);
        for (const auto& k : changed_since) {
            live_then.erase(k);
            copy_then.erase(k);
        }
        // Beside the tickets filed after the snapshot, only a few refreshes.
        CHECK(changed_since.size() <= accepted.size() - kept + 5);
        CHECK(copy_then.size() == live_then.size());
        std::size_t bills = 0, differ = 0;
        for (const auto& [k, change] : live_then) {
            const auto copy = copy_then.find(k);
            differ += copy == copy_then.end() || copy->second != change;
            bills += k.first == "bills";
        }
        CHECK(differ == 0);
        CHECK(bills > 0);

        // The restored database goes on from where the backup ended.
        CHECK(kiosk.create("/v1/repairs", repair("恢复后新写 " + estate)).status == 201);
    }
    // Personal fields open with the same data key: a household's digits still match.
    const Reply fees_after = Api(restored.port(), lobby1_token).post("/v1/fees/lookup", {{"unit_id", "3-2-1502"}, {"phone_last4", "5678"}});
    REQUIRE(fees_after.status == 200);
    CHECK(fees_after.as<p::FeeLookupResult>().bills.size() == fees_before.as<p::FeeLookupResult>().bills.size());
    CHECK(restored.terminate() == 0);

    // Never over a database: the same restore again is refused and changes nothing.
    const long long restored_tickets = query_int(restored_db, "SELECT COUNT(*) FROM tickets");
    CHECK(run_script("restore-office-db " + backup + " " + restored_db + " 2>/dev/null") != 0);
    CHECK(query_int(restored_db, "SELECT COUNT(*) FROM tickets") == restored_tickets);

    // A damaged estate file fails the backup: nothing under its name, nothing half-written.
    {
        std::fstream damage(db + "-estates/" + estate_b + ".db", std::ios::in | std::ios::out | std::ios::binary);
        damage.seekp(0);
        damage << "this is not an SQLite file, not any more";
    }
    const std::string failed = dir + "/failed-backup.tar.gz";
    CHECK(run_script("backup-office-db " + db + " " + failed + " 2>/dev/null") != 0);
    CHECK_FALSE(fs::exists(failed));
    CHECK_FALSE(partial_left(dir));
    // A mistyped database path is said, not backed up as an empty database.
    CHECK(run_script("backup-office-db " + dir + "/no-such.db " + failed + " 2>/dev/null") != 0);
    CHECK_FALSE(fs::exists(dir + "/no-such.db"));
    CHECK_FALSE(fs::exists(failed));

    std::error_code ignored;
    fs::remove_all(dir, ignored);
}
