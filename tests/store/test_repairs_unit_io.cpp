// 查询进度 by unit through the repairs io against the real office-server:
// the household's verification opens its tickets (and one of them again);
// a token the office no longer takes asks the person to verify again; no
// answer at all is offline, and the sync worker is told.
#include "features/repairs/io/repairs_io.hpp"
#include "household/io/verify_io.hpp"
#include "support/office_server_process.hpp"

#include <doctest/doctest.h>

using namespace kiosk;
using namespace kiosk::repairs;

namespace {

template <class Answer>
Answer perform(net::FeatureIo& io, RepairsCall call, net::LiveContext& ctx)
{
    const std::any answer = io.perform(std::any(std::move(call)), ctx);
    const auto* typed = std::any_cast<RepairsAnswer>(&answer);
    REQUIRE(typed);
    REQUIRE(std::holds_alternative<Answer>(*typed));
    return std::get<Answer>(*typed);
}

std::string verified_token(const char* unit, const char* last4, net::LiveContext& ctx)
{
    const auto v = household::verify_household({{unit, last4, std::string("unit-io-") + unit}}, ctx);
    REQUIRE(v.answer.outcome == household::Outcome::Ok);
    return v.answer.token;
}

} // namespace

TEST_CASE("repairs io by unit: the verified household's tickets and one again; a refused token asks to verify again")
{
    lobby::test::OfficeServerProcess office;
    net::ApiClient api({office.base_url(), "demo-lobby-1-token", {}}, {1000, 4000});
    int pulls = 0;
    net::LiveContext ctx{api, nullptr, [](int) { return true; }, [&] { ++pulls; }};
    net::FeatureIo io = repairs_io(std::make_shared<household::StoreLockoutBook>());
    const std::string token = verified_token("3-2-1502", "5678", ctx);

    const auto list = perform<UnitTicketsDone>(io, CallUnitTickets{"3-2-1502", token}, ctx);
    REQUIRE(list.outcome == CallOutcome::Ok);
    CHECK(list.unit_id == "3-2-1502");
    REQUIRE(list.tickets.size() >= 2);
    std::string waiting;
    for (std::size_t i = 0; i < list.tickets.size(); ++i) {
        CHECK(list.tickets[i].unit_id == "3-2-1502");
        CHECK(list.tickets[i].created_utc > 0);
        if (i > 0)
            CHECK(list.tickets[i - 1].created_utc >= list.tickets[i].created_utc);
        if (list.tickets[i].status == "awaiting_acceptance")
            waiting = list.tickets[i].id;
    }
    REQUIRE_FALSE(waiting.empty());

    const auto one = perform<TicketDone>(io, CallTicketForUnit{waiting, token}, ctx);
    REQUIRE(one.outcome == CallOutcome::Ok);
    CHECK(one.ticket->unit_id == "3-2-1502");
    CHECK(one.ticket->worker_masked == "王*明");

    // The office's 401 verification_expired (here a token it never issued)
    // and a token of another unit: the person verifies again.
    CHECK(perform<UnitTicketsDone>(io, CallUnitTickets{"3-2-1502", std::string(32, 'a')}, ctx).outcome ==
          CallOutcome::VerifyAgain);
    const std::string other = verified_token("1-1-801", "1234", ctx);
    CHECK(perform<UnitTicketsDone>(io, CallUnitTickets{"3-2-1502", other}, ctx).outcome == CallOutcome::VerifyAgain);
    CHECK(pulls == 0);

    // Nothing listens: offline (the code path instead), and the sync worker is told.
    net::ApiClient down({"http://127.0.0.1:9", "demo-lobby-1-token", {}}, {300, 1000});
    net::LiveContext offline{down, nullptr, [](int) { return true; }, [&] { ++pulls; }};
    CHECK(perform<UnitTicketsDone>(io, CallUnitTickets{"3-2-1502", token}, offline).outcome == CallOutcome::Offline);
    CHECK(pulls == 1);
}
