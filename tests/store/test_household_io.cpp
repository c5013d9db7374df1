// The shared household io against the real office-server: POST
// /v1/households/verify read as the verification's answers, and without an
// answer the offline check (here: no cache, so "not cached").
#include "household/io/verify_io.hpp"
#include "support/office_server_process.hpp"

#include <doctest/doctest.h>

using namespace kiosk;

TEST_CASE("household io: verify gives the token and masked owner; wrong digits, unknown unit and no answer are told apart")
{
    lobby::test::OfficeServerProcess office;
    net::ApiClient api({office.base_url(), "demo-lobby-1-token", {}}, {1000, 4000});
    int pulls = 0;
    net::LiveContext ctx{api, nullptr, [](int) { return true; }, [&] { ++pulls; }};

    const auto ok = household::verify_household({{"3-2-1502", "5678", "household-io-ok"}}, ctx);
    CHECK(ok.answer.outcome == household::Outcome::Ok);
    CHECK(ok.answer.token.size() == 32);
    CHECK(!ok.answer.offline);
    CHECK(ok.owner_masked == "张*");
    CHECK(ok.expires_utc > 0);

    const auto wrong = household::verify_household({{"3-2-1502", "0000", "household-io-wrong"}}, ctx);
    CHECK(wrong.answer.outcome == household::Outcome::WrongDigits);
    CHECK(wrong.answer.attempts_left == 2);
    CHECK(wrong.answer.token.empty());

    CHECK(household::verify_household({{"9-9-909", "1234", "household-io-unknown"}}, ctx).answer.outcome ==
          household::Outcome::UnknownUnit);
    CHECK(pulls == 0);

    // Nothing listens: checked offline, and the sync worker is told.
    net::ApiClient down({"http://127.0.0.1:9", "demo-lobby-1-token", {}}, {300, 1000});
    net::LiveContext offline{down, nullptr, [](int) { return true; }, [&] { ++pulls; }};
    const auto none = household::verify_household({{"3-2-1502", "5678", "household-io-off"}}, offline);
    CHECK(none.answer.offline);
    CHECK(none.answer.outcome == household::Outcome::NotCached);
    CHECK(pulls == 1);
}
