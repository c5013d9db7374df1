// The pipelining probe of tests/security/http_test.cpp, for any connection
// (TlsConnection here): `count` requests in one write, health checks and
// unknown paths alternating, so answers out of order or missing show.
#pragma once

#include "security/raw_http.hpp"
#include "support/time_scale.hpp"

#include <doctest/doctest.h>

#include <string>

namespace lobby::test {

template <class Connection>
void check_pipelined_in_order(Connection& c, int count) {
    std::string requests;
    for (int i = 0; i < count; ++i)
        requests += i % 2 == 0 ? "GET /v1/health HTTP/1.1\r\nHost: lobby\r\n\r\n"
                               : "GET /v1/nothing-" + std::to_string(i) + " HTTP/1.1\r\nHost: lobby\r\n\r\n";
    REQUIRE(c.send_all(requests));
    const auto responses = read_responses(c, static_cast<std::size_t>(count), SteadyClock::now() + scaled(std::chrono::seconds(10)));
    REQUIRE(responses.size() == static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        CAPTURE(i);
        const RawResponse& r = responses[static_cast<std::size_t>(i)];
        CHECK(r.status == (i % 2 == 0 ? 200 : 404));
        if (i % 2 == 1) CHECK(r.body.find("/v1/nothing-" + std::to_string(i) + ".") != std::string::npos);
    }
}

} // namespace lobby::test
