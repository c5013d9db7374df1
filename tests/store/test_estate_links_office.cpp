// A kiosk of a second estate (token "e001.…") against the real office-server
// with a second demo estate: the status page link on its ticket screen names
// its estate, made from its token (so offline too), and once the outbox has
// delivered the ticket the link opens that ticket's page in that estate.
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

    EstateKiosk(const std::string& db, const std::string& url)
        : test::OfficeKiosk(test::open_store(db), test::with_token(test::fast_config(url), b_token),
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

} // namespace

TEST_CASE("a kiosk of estate e001 shows a status link naming e001, offline too, that opens its ticket in e001 only")
{
    test::TempDir dir;
    lobby::test::OfficeServerProcess office({true, "", {"--demo-estates", "1"}});
    auto catalog = Catalog::load(std::string(LOBBY_SOURCE_DIR) + "/locale");
    REQUIRE(catalog);
    EstateKiosk kiosk(dir.file("kiosk.db"), office.base_url());
    CHECK(kiosk.worker->status().estate == "e001");  // from the token, before any request

    kiosk.controller->apply(RequestOpenScreen{feature_id}, 0);
    kiosk.ask(RequestWhere{false});
    kiosk.ask(RequestLocation{"car_park", "地下车库"});
    kiosk.ask(RequestCategory{"plumbing", Scope::Office});
    kiosk.ask(RequestPreset{"pipe_leak", "水管漏水"});
    kiosk.ask(RequestSubmit{});
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
