// repairs_submit_child: a kiosk without a screen that reports a public-area
// leak through the real repairs core, NetEffects, outbox and sync worker,
// prints "saved <client_ref> <microseconds the Submit took on this thread>"
// once the screen could say "saved", then keeps running (the worker sends)
// until the test kills it with SIGKILL.
#include "core/controller.hpp"
#include "core/feature_adapter.hpp"
#include "features/repairs/core/repairs_feature.hpp"
#include "features/repairs/io/repairs_io.hpp"
#include "protocol/follow_code.hpp"
#include "protocol/uuid.hpp"
#include "store/child_kiosk.hpp"
#include "store/office_kiosk.hpp"

#include <chrono>
#include <cstdio>
#include <exception>
#include <memory>

#include <unistd.h>

using namespace kiosk;
using namespace kiosk::repairs;

int main(int argc, char** argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: repairs_submit_child <kiosk.db> <server url>\n");
        return 2;
    }
    auto ui = store::Store::open(test::child_store_options(argv[1]));
    if (!ui)
        return 3;
    std::unique_ptr<test::OfficeKiosk> kiosk;
    try {
        kiosk = std::make_unique<test::OfficeKiosk>(
            std::move(*ui), test::with_token(test::child_sync_config(argv[2]), "demo-lobby-1-token"),
            repairs_io(std::make_shared<household::StoreLockoutBook>()));
    } catch (const std::exception&) {
        return 3;
    }

    std::string client_ref;
    TicketSecrets secrets{lobby::protocol::make_follow_code, lobby::protocol::make_status_token, [&client_ref] {
                              client_ref = lobby::protocol::make_uuid_v4();
                              return client_ref;
                          }};
    KioskConfig kiosk_config;
    Controller controller(kiosk_config, {repairs_core(std::move(secrets), kiosk_config)}, *kiosk->effects);
    auto ask = [&](RepairsRequest r) { controller.apply(FeatureRequest{feature_id, std::move(r)}, 0); };
    controller.apply(RequestOpenScreen{feature_id}, 0);
    ask(RequestWhere{false});
    ask(RequestLocation{"car_park", "地下车库"});
    ask(RequestCategory{"plumbing", Scope::Office});
    ask(RequestPreset{"pipe_leak", "水管漏水"});
    const auto before = std::chrono::steady_clock::now();
    ask(RequestSubmit{});
    const auto took = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - before);
    const auto* state = typed_state<RepairsSession>(controller.feature_state(feature_id));
    if (!state || state->step != RepairsStep::Done)
        return 4;
    std::printf("saved %s %lld\n", client_ref.c_str(), static_cast<long long>(took.count()));
    std::fflush(stdout);
    // Nothing to wait for but the test's SIGKILL: block until a signal comes.
    for (;;)
        pause();
}
