// Enrolment by code, token rotation, revocation and remote settings, with
// the kiosk's real sync worker and token file against the real
// office-server on loopback (issue 18).
#include "net/enrolment.hpp"
#include "net/sync_worker.hpp"
#include "protocol/kiosk.hpp"
#include "protocol/kiosk_setup.hpp"
#include "store/key_file.hpp"
#include "store_test_util.hpp"
#include "support/office_server_process.hpp"
#include "sync_test_util.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <optional>
#include <sys/stat.h>

using namespace kiosk;
namespace p = lobby::protocol;

namespace {

constexpr int k_first_pull_ms = 30000;  // the demo estate's first full pull (see test_sync_office.cpp)
const std::string verify_key(64, 'c');

net::ApiClient staff_client(const lobby::test::OfficeServerProcess& office)
{
    return net::ApiClient({office.base_url(), "demo-staff-token", {}, nullptr}, {3000, 10000});
}

std::string new_code(net::ApiClient& staff, const std::string& kiosk_id)
{
    const auto reply = staff.send("POST", "/v1/kiosks/enrolment-codes", nlohmann::json{{"kiosk_id", kiosk_id}}.dump());
    REQUIRE(reply.status() == 201);
    return p::decode_text<p::EnrolmentCode>(reply.http.body).value().code;
}

nlohmann::json repair_body(const std::string& description)
{
    return {{"unit_id", "3-2-1502"}, {"category", "electrical"}, {"description", description}, {"location", "public"}};
}

std::string file_text(const std::string& path)
{
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    return line;
}

unsigned file_mode(const std::string& path)
{
    struct stat info {};
    REQUIRE(::stat(path.c_str(), &info) == 0);
    return info.st_mode & 0777;
}

struct Kiosk {
    std::shared_ptr<net::Credentials> credentials;
    store::Store ui;
    std::unique_ptr<net::SyncWorker> worker;
    std::unique_ptr<net::ApiClient> live;  // as the live client's: the same shared token

    Kiosk(const test::TempDir& dir, const std::string& url, const std::string& config_token, int heartbeat_ms = 60000,
          std::optional<net::BackoffPolicy> outbox_backoff = std::nullopt)
        : ui(test::open_store(dir.file("kiosk.db")))
    {
        std::string error;
        credentials = net::Credentials::load(config_token, dir.file("kiosk.token"), error);
        REQUIRE_MESSAGE(credentials, error);
        auto config = test::fast_config(url);
        config.page_limit = 1000;
        config.heartbeat_interval_ms = heartbeat_ms;
        if (outbox_backoff)
            config.outbox_backoff = *outbox_backoff;
        config.credentials = credentials;
        auto worker_store = ui.open_sibling(store::Durability::normal);
        REQUIRE(worker_store.ok());
        worker = std::make_unique<net::SyncWorker>(std::move(*worker_store), config, nullptr);
        live = std::make_unique<net::ApiClient>(net::ServerEndpoint{url, {}, {}, credentials}, config.timeouts);
        worker->start();
    }
    store::OutboxState state_of(store::OutboxId id) { return ui.outbox_item(id)->value().state; }
};

} // namespace

TEST_CASE("a kiosk without a token enrols by code: the token is kept 0600 and it syncs and sends, without a restart")
{
    test::TempDir dir;
    lobby::test::OfficeServerProcess office;
    auto staff = staff_client(office);
    Kiosk kiosk(dir, office.base_url(), "");
    CHECK_FALSE(kiosk.worker->status().has_token);
    // Submitted before it is enrolled: kept in the outbox, refused for now.
    auto waiting = kiosk.ui.enqueue("repair", "/v1/repairs", repair_body("enrol-before lamp"));
    REQUIRE(waiting.ok());
    REQUIRE(test::wait_until([&] { return kiosk.worker->status().unauthorized; }));
    CHECK(kiosk.state_of(*waiting) == store::OutboxState::pending);

    const std::string code = new_code(staff, "lobby-7");
    std::string wrong = code;
    wrong[0] = wrong[0] == '9' ? '0' : static_cast<char>(wrong[0] + 1);
    CHECK(net::perform_enrolment({wrong}, *kiosk.live, *kiosk.credentials, verify_key).result == EnrolResult::UnknownCode);
    CHECK_FALSE(kiosk.credentials->has_token());

    const auto enrol_started = std::chrono::steady_clock::now();
    const EnrolAnswer answer = net::perform_enrolment({code}, *kiosk.live, *kiosk.credentials, verify_key);
    REQUIRE(answer.result == EnrolResult::Enrolled);
    CHECK(answer.kiosk_id == "lobby-7");
    const auto exchange_ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - enrol_started).count();
    CHECK(file_mode(dir.file("kiosk.token")) == 0600);
    CHECK(file_text(dir.file("kiosk.token")) == kiosk.credentials->token());
    kiosk.worker->request_pull();
    REQUIRE(test::wait_until([&] { return kiosk.worker->status().last_sync_utc > 0; }, k_first_pull_ms));
    const auto synced_ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - enrol_started).count();
    MESSAGE("enrolment: code exchanged in " << exchange_ms << " ms; first full pull of the demo estate done "
            << synced_ms << " ms after the code was sent");
    REQUIRE(test::wait_until([&] { return kiosk.state_of(*waiting) == store::OutboxState::done; }));
    CHECK_FALSE(kiosk.worker->status().unauthorized);
    CHECK(kiosk.worker->status().has_token);

    // The code worked once; a restart reads the kept token.
    CHECK(net::perform_enrolment({code}, *kiosk.live, *kiosk.credentials, verify_key).result == EnrolResult::Used);
    std::string error;
    auto restarted = net::Credentials::load("", dir.file("kiosk.token"), error);
    REQUIRE(restarted);
    CHECK(restarted->token() == kiosk.credentials->token());
}

TEST_CASE("staff rotate a kiosk's token: its worker fetches and keeps the new one at a heartbeat; the outbox goes on")
{
    test::TempDir dir;
    lobby::test::OfficeServerProcess office;
    auto staff = staff_client(office);
    Kiosk kiosk(dir, office.base_url(), "demo-lobby-1-token", 200);
    REQUIRE(staff.send("POST", "/v1/kiosks/lobby-1/rotate-token").status() == 200);
    REQUIRE(test::wait_until([&] { return kiosk.credentials->token() != "demo-lobby-1-token"; }));
    CHECK(file_text(dir.file("kiosk.token")) == kiosk.credentials->token());
    CHECK(file_mode(dir.file("kiosk.token")) == 0600);
    const auto list = p::decode_text<p::KioskList>(staff.send("GET", "/v1/kiosks").http.body).value();
    for (const auto& k : list.kiosks)
        CHECK_FALSE(k.rotation_pending);

    auto sent = kiosk.ui.enqueue("repair", "/v1/repairs", repair_body("after-rotation lamp"));
    REQUIRE(sent.ok());
    kiosk.worker->notify_outbox();
    REQUIRE(test::wait_until([&] { return kiosk.state_of(*sent) == store::OutboxState::done; }));
    CHECK_FALSE(kiosk.worker->status().unauthorized);
}

TEST_CASE("a revoked kiosk hears 401 and says so; what it holds stays queued and goes once it is enrolled again")
{
    test::TempDir dir;
    lobby::test::OfficeServerProcess office;
    auto staff = staff_client(office);
    Kiosk kiosk(dir, office.base_url(), "demo-lobby-1-token");
    REQUIRE(staff.send("POST", "/v1/kiosks/lobby-1/revoke").status() == 200);
    auto kept = kiosk.ui.enqueue("repair", "/v1/repairs", repair_body("revoked-kiosk lamp"));
    REQUIRE(kept.ok());
    kiosk.worker->notify_outbox();
    // A pull's 401 may be heard while the repair is still out (sending): its
    // own 401 then puts it back, so wait for that before looking.
    REQUIRE(test::wait_until([&] {
        return kiosk.worker->status().unauthorized && kiosk.state_of(*kept) != store::OutboxState::sending;
    }));
    CHECK(kiosk.state_of(*kept) == store::OutboxState::pending);
    CHECK(kiosk.worker->status().outbox_failed == 0);

    const EnrolAnswer answer = net::perform_enrolment({new_code(staff, "lobby-1")}, *kiosk.live, *kiosk.credentials, verify_key);
    REQUIRE(answer.result == EnrolResult::Enrolled);
    kiosk.worker->notify_outbox();
    REQUIRE(test::wait_until([&] { return kiosk.state_of(*kept) == store::OutboxState::done; }));
    kiosk.worker->request_pull();
    REQUIRE(test::wait_until([&] { return !kiosk.worker->status().unauthorized; }));
}

TEST_CASE("what a refused kiosk holds goes as soon as the office takes its new token, not after its backoff")
{
    test::TempDir dir;
    lobby::test::OfficeServerProcess office;
    auto staff = staff_client(office);
    // A token typed by hand for this office, wrong (the estate part of another).
    Kiosk kiosk(dir, office.base_url(), "e001.demo-lobby-1-token", 60000, net::BackoffPolicy{600000, 600000});
    auto kept = kiosk.ui.enqueue("repair", "/v1/repairs", repair_body("typed-token lamp"));
    REQUIRE(kept.ok());
    kiosk.worker->notify_outbox();
    REQUIRE(test::wait_until([&] {
        return kiosk.worker->status().unauthorized && kiosk.ui.outbox_item(*kept)->value().attempts > 0 &&
               kiosk.state_of(*kept) == store::OutboxState::pending;
    }));
    // Enrolled by a code, as the maintenance screen does (it asks for a pull):
    // the repair goes now, not at its next try (drawn from up to 10 minutes).
    REQUIRE(net::perform_enrolment({new_code(staff, "lobby-1")}, *kiosk.live, *kiosk.credentials, verify_key).result ==
            EnrolResult::Enrolled);
    kiosk.worker->request_pull();
    REQUIRE(test::wait_until([&] { return kiosk.state_of(*kept) == store::OutboxState::done; }));
    CHECK(test::wait_until([&] { return !kiosk.worker->status().unauthorized; }));  // published after the pass
}

TEST_CASE("remote settings reach the kiosk's cache in the feed; a garbled value is dropped and the rest kept")
{
    test::TempDir dir;
    lobby::test::OfficeServerProcess office;
    auto staff = staff_client(office);
    const nlohmann::json settings = {{"idle_timeout_s", 90}, {"language", "en"}, {"home_services", {"fees", "notices"}}};
    REQUIRE(staff.send("POST", "/v1/kiosks/lobby-1/settings", settings.dump()).status() == 200);
    Kiosk kiosk(dir, office.base_url(), "demo-lobby-1-token");
    REQUIRE(test::wait_until([&] { return kiosk.worker->status().last_sync_utc > 0; }, k_first_pull_ms));
    auto cached = kiosk.ui.record("kiosk_settings", "lobby-1");
    REQUIRE(cached.ok());
    REQUIRE(cached.value().has_value());
    CHECK(cached.value()->data == settings);

    // A newer (or damaged) server row: the bad values go, the good one stays.
    {
        auto office_db = store::Connection::open(office.db_path(), 5000);
        REQUIRE(office_db.ok());
        store::Statement bump(*office_db, "UPDATE seq_counter SET value = value + 1 WHERE id = 1");
        REQUIRE(bump.step() == SQLITE_DONE);
        store::Statement garble(*office_db, "UPDATE feed SET data = '{\"idle_timeout_s\":\"soon\",\"language\":\"zh-HK\","
                                            "\"home_services\":\"fees\",\"volume\":11}', seq = (SELECT value FROM seq_counter) "
                                            "WHERE collection = 'kiosk_settings' AND key = 'lobby-1'");
        REQUIRE(garble.step() == SQLITE_DONE);
    }
    const auto pulls = kiosk.worker->status().pulls_completed;
    kiosk.worker->request_pull();
    REQUIRE(test::wait_until([&] { return kiosk.worker->status().pulls_completed > pulls; }));
    cached = kiosk.ui.record("kiosk_settings", "lobby-1");
    REQUIRE(cached.value().has_value());
    CHECK(cached.value()->data == nlohmann::json{{"language", "zh-HK"}});
}

TEST_CASE("a kiosk enrolled by a code of a second estate learns its estate from the new token, before any pull")
{
    test::TempDir dir;
    lobby::test::OfficeServerProcess office({true, "", {"--demo-estates", "1"}});
    net::ApiClient staff_b({office.base_url(), "e001.demo-staff-token", {}, nullptr}, {3000, 10000});
    Kiosk kiosk(dir, office.base_url(), "");
    CHECK(kiosk.worker->status().estate.empty());
    const std::string code = new_code(staff_b, "lobby-8");
    REQUIRE(net::perform_enrolment({code}, *kiosk.live, *kiosk.credentials, verify_key).result == EnrolResult::Enrolled);
    CHECK(kiosk.credentials->token().rfind("e001.", 0) == 0);
    kiosk.worker->notify_outbox();  // any wake of the worker publishes it
    REQUIRE(test::wait_until([&] { return kiosk.worker->status().estate == "e001"; }));
}
