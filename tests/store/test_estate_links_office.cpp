// A kiosk of a second estate (token "e001.…") against the real office-server
// with a second demo estate: the status page link on its ticket screen names
// its estate, made from its token (so offline too), and once the outbox has
// delivered the ticket the link opens that ticket's page in that estate.
// A token typed by hand with its estate part wrong or missing: the office
// refuses it (401) and the kiosk shows no status link naming an unproven
// estate, sending the ticket once the right token is in.
#include "core/controller.hpp"
#include "core/feature_adapter.hpp"
#include "core/locale.hpp"
#include "features/repairs/core/repairs_feature.hpp"
#include "features/repairs/io/repairs_io.hpp"
#include "protocol/follow_code.hpp"
#include "protocol/uuid.hpp"
#include "office_kiosk.hpp"
#include "store_test_util.hpp"
#include "support/office_server_process.hpp"
#include "sync_test_util.hpp"

#include <doctest/doctest.h>
#include <httplib.h>

using namespace kiosk;
using namespace kiosk::repairs;

namespace {

constexpr const char* b_token = "e001.demo-lobby-1-token";

// A kiosk of e001 with the repairs service, its network side as the app's.
struct EstateKiosk : test::OfficeKiosk {
    KioskConfig config;
    std::unique_ptr<Controller> controller;
    TicketSecrets secrets{lobby::protocol::make_follow_code, lobby::protocol::make_status_token,
                          lobby::protocol::make_uuid_v4};

    EstateKiosk(const std::string& db, const std::string& url, const std::string& token = b_token)
        : test::OfficeKiosk(test::open_store(db), test::with_token(test::fast_config(url), token),
                            repairs_io(std::make_shared<household::StoreLockoutBook>()))
    {
        config.server_url = url;
        controller = std::make_unique<Controller>(config, std::vector<FeatureCore>{repairs_core(secrets, config)}, *effects);
    }
    void ask(RepairsRequest r) { controller->apply(FeatureRequest{feature_id, std::move(r)}, 0); }
    RepairsView view(const Catalog& catalog)
    {
        const SyncStatus sync = worker->status();
        const std::any no_cache = RepairsCache{};
        const FeatureCore core = repairs_core(secrets, config);
        const FeatureViewInputs in{*controller->feature_state(feature_id), no_cache, config, catalog, Language::ZhCN, sync, 0, 0};
        return std::any_cast<RepairsView>(core.build_view(in));
    }
};

// A public-area leak in the car park, filed as a person taps it.
void file_car_park_leak(EstateKiosk& kiosk)
{
    kiosk.controller->apply(RequestOpenScreen{feature_id}, 0);
    kiosk.ask(RequestWhere{false});
    kiosk.ask(RequestLocation{"car_park", "地下车库"});
    kiosk.ask(RequestCategory{"plumbing", Scope::Office});
    kiosk.ask(RequestPreset{"pipe_leak", "水管漏水"});
    kiosk.ask(RequestSubmit{});
}

} // namespace

TEST_CASE("a kiosk of estate e001 shows a status link naming e001, offline too, that opens its ticket in e001 only")
{
    test::TempDir dir;
    lobby::test::OfficeServerProcess office({true, "", {"--demo-estates", "1"}});
    auto catalog = Catalog::load(std::string(LOBBY_SOURCE_DIR) + "/locale");
    REQUIRE(catalog);
    EstateKiosk kiosk(dir.file("kiosk.db"), office.base_url());
    CHECK(kiosk.worker->status().estate == "e001");  // from the token, before any request

    file_car_park_leak(kiosk);
    const RepairsView done = kiosk.view(*catalog);
    REQUIRE(done.filed.size() == 1);
    const std::string link = done.filed[0].qr_payload;
    const std::string prefix = office.base_url() + "/repairs/status/e001/";
    REQUIRE_MESSAGE(link.rfind(prefix, 0) == 0, link);
    const std::string token = link.substr(prefix.size());
    CHECK(lobby::protocol::is_status_token(token));
    const std::string client_ref =
        typed_state<RepairsSession>(kiosk.controller->feature_state(feature_id))->filed.at(0).client_ref;

    // Delivered by the outbox into e001's database: the link opens it there.
    REQUIRE(test::wait_until([&] { return kiosk.ui.outbox_counts()->done == 1; }));
    httplib::Client phone("127.0.0.1", office.port());
    const auto page = phone.Get(link.substr(office.base_url().size()).c_str());
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->body.find("水管漏水") != std::string::npos);
    CHECK(page->body.find("地下车库") != std::string::npos);
    // Not the home estate's: the same token without the estate opens nothing.
    const auto home = phone.Get(("/repairs/status/" + token).c_str());
    REQUIRE(home);
    CHECK(home->status == 404);
    const auto tickets_with_ref = [&](const std::string& db) {
        return test::count_in(db, "SELECT count(*) FROM tickets WHERE client_ref = ?1", client_ref);
    };
    CHECK(tickets_with_ref(office.db_path() + "-estates/e001.db") == 1);
    CHECK(tickets_with_ref(office.db_path()) == 0);
}

namespace {

// A new kiosk of `estate`, enrolled by a code its staff made: the token as
// an installer would copy it ("<estate>.<48 hex digits>").
std::string enrolled_token(int port, const std::string& estate, const std::string& kiosk_id)
{
    httplib::Client http("127.0.0.1", port);
    const httplib::Headers staff = {{"Authorization", "Bearer " + estate + ".demo-staff-token"}};
    const auto code = http.Post("/v1/kiosks/enrolment-codes", staff, nlohmann::json{{"kiosk_id", kiosk_id}}.dump(),
                                "application/json");
    REQUIRE(code);
    REQUIRE(code->status == 201);
    const nlohmann::json enrol = {{"code", nlohmann::json::parse(code->body).at("code")}, {"verify_key", std::string(64, 'd')}};
    const auto token = http.Post("/v1/kiosks/enrol", enrol.dump(), "application/json");
    REQUIRE(token);
    REQUIRE(token->status == 200);
    return nlohmann::json::parse(token->body).at("token").get<std::string>();
}

} // namespace

TEST_CASE("a hand-typed token with a wrong or missing estate is refused (401): no status link, the ticket waits for the right one")
{
    // e001 and e002 exist beside the home estate (a few units: enough here).
    lobby::test::OfficeServerProcess office({true, "", {"--demo-estates", "2", "--demo-units", "20"}});
    auto catalog = Catalog::load(std::string(LOBBY_SOURCE_DIR) + "/locale");
    REQUIRE(catalog);
    const std::string token = enrolled_token(office.port(), "e001", "lobby-9");
    REQUIRE(token.rfind("e001.", 0) == 0);
    const std::string secret = token.substr(5);
    struct Typed {
        std::string token, estate, what;
    };
    const Typed typos[] = {
        {secret, "", "the estate part left out"},
        {"e002." + secret, "e002", "another estate of the office"},
        {"e009." + secret, "e009", "an estate the office does not have"},
        {"E001." + secret, "E001", "the estate in capitals"},
        {"e001" + secret, "", "the dot left out"},
    };
    httplib::Client http("127.0.0.1", office.port());
    for (const Typed& typed : typos) {
        CAPTURE(typed.what);
        // The office: 401 with its JSON error, whatever is asked.
        const auto answer = http.Get("/v1/changes?since=0&limit=1", {{"Authorization", "Bearer " + typed.token}});
        REQUIRE(answer);
        CHECK(answer->status == 401);
        CHECK(nlohmann::json::parse(answer->body, nullptr, false)["error"]["code"] == "unauthorized");

        // The kiosk: says it is refused; a ticket filed meanwhile is kept, with
        // its follow-up code and no link that could name the wrong estate.
        test::TempDir dir;
        EstateKiosk kiosk(dir.file("kiosk.db"), office.base_url(), typed.token);
        CHECK(kiosk.worker->status().estate == typed.estate);
        REQUIRE(test::wait_until([&] { return kiosk.worker->status().unauthorized; }));
        file_car_park_leak(kiosk);
        const RepairsView done = kiosk.view(*catalog);
        REQUIRE(done.filed.size() == 1);
        CHECK(done.filed[0].qr_payload.empty());
        CHECK(done.saved_note.find("暂未被物业系统接受") != std::string::npos);
        CHECK(kiosk.ui.outbox_counts()->pending == 1);
        CHECK(kiosk.ui.outbox_counts()->failed == 0);
    }

    // The token as enrolled: accepted, the link names e001 and opens the ticket there.
    test::TempDir dir;
    EstateKiosk kiosk(dir.file("kiosk.db"), office.base_url(), token);
    kiosk.worker->request_pull();
    REQUIRE(test::wait_until([&] { return kiosk.worker->status().last_sync_utc > 0; }, 30000));
    CHECK_FALSE(kiosk.worker->status().unauthorized);
    file_car_park_leak(kiosk);
    const std::string link = kiosk.view(*catalog).filed.at(0).qr_payload;
    REQUIRE_MESSAGE(link.rfind(office.base_url() + "/repairs/status/e001/", 0) == 0, link);
    REQUIRE(test::wait_until([&] { return kiosk.ui.outbox_counts()->done == 1; }));
    const auto page = http.Get(link.substr(office.base_url().size()).c_str());
    REQUIRE(page);
    CHECK(page->status == 200);
}
