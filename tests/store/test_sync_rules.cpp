// The worker's pure rules: backoff with full jitter, and what each kind of response means.
#include "net/backoff.hpp"
#include "net/response_kind.hpp"

#include <doctest/doctest.h>

using namespace kiosk;

TEST_CASE("backoff delays stay within the doubling ceiling and the cap, and are spread out")
{
    std::mt19937_64 random(1);
    const net::BackoffPolicy policy{100, 1000};
    for (int failures = 1; failures <= 40; ++failures) {
        const std::int64_t ceiling = std::min<std::int64_t>(1000, 100LL << std::min(failures - 1, 30));
        std::int64_t lowest = ceiling, highest = 0;
        for (int i = 0; i < 200; ++i) {
            const auto delay = net::backoff_delay_ms(policy, failures, random);
            CHECK(delay >= 0);
            CHECK(delay <= ceiling);
            lowest = std::min(lowest, delay);
            highest = std::max(highest, delay);
        }
        // Full jitter: the whole range is used, not just the top.
        CHECK(lowest < ceiling / 4);
        CHECK(highest > ceiling * 3 / 4);
    }
}

namespace {

net::HttpResponse answer(long status, const char* content_type, const char* body)
{
    net::HttpResponse response;
    response.status = status;
    response.content_type = content_type;
    response.body = body;
    return response;
}

const char* k_error = R"({"error":{"code":"invalid_field","message":"description is empty"}})";

} // namespace

TEST_CASE("responses are judged success, refused or retry")
{
    using net::Verdict;
    CHECK(net::judge(answer(201, "application/json; charset=utf-8", R"({"id":"R-1"})")).verdict == Verdict::success);
    CHECK(net::judge(answer(200, "application/json", "{\"id\": tru")).verdict == Verdict::retry);
    CHECK(net::judge(answer(200, "text/html", "<html></html>")).verdict == Verdict::retry);
    CHECK(net::judge(answer(200, "application/json", "[1,2]")).verdict == Verdict::retry);

    const auto refused = net::judge(answer(422, "application/json", k_error));
    CHECK(refused.verdict == Verdict::refused);
    CHECK(refused.message == "invalid_field: description is empty");
    CHECK(net::judge(answer(404, "text/html", "<html>Not Found</html>")).verdict == Verdict::retry);
    CHECK(net::judge(answer(401, "application/json", k_error)).verdict == Verdict::retry);
    CHECK(net::judge(answer(429, "application/json", k_error)).verdict == Verdict::retry);
    CHECK(net::judge(answer(500, "application/json", k_error)).verdict == Verdict::retry);
    CHECK(net::judge(answer(503, "text/plain", "busy")).reached_server);
    // The office server while its database is away: the contract's error
    // body, yet "later", never a refusal that would drop the submission.
    const auto away = net::judge(answer(503, "application/json",
                                        R"({"error":{"code":"database_unavailable","message":"try again"}})"));
    CHECK(away.verdict == Verdict::retry);
    CHECK(away.reached_server);

    net::HttpResponse refused_connect;
    refused_connect.transport = net::TransportError::connect;
    const auto offline = net::judge(refused_connect);
    CHECK(offline.verdict == Verdict::retry);
    CHECK_FALSE(offline.reached_server);
}
