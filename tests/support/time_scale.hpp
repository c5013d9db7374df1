// LOBBY_TEST_TIME_SCALE: one factor for every wait limit in the test tooling,
// so a slow build (ThreadSanitizer, a busy 2-core CI machine) passes the same
// tests. Default 1; read once per process. Header-only, so any test target can
// include "support/time_scale.hpp" without linking lobby_test_support.
#pragma once

#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace lobby::test {

inline double time_scale()
{
    static const double scale = [] {
        const char* text = std::getenv("LOBBY_TEST_TIME_SCALE");
        if (!text || !*text)
            return 1.0;
        char* end = nullptr;
        const double value = std::strtod(text, &end);
        if (end == text || *end != '\0' || !(value > 0) || value > 1000) {
            std::fprintf(stderr, "LOBBY_TEST_TIME_SCALE=\"%s\" is not a number in (0, 1000]; using 1\n", text);
            return 1.0;
        }
        return value;
    }();
    return scale;
}

// A wait limit times the scale: scaled(std::chrono::seconds(15)).
template <class Rep, class Period>
std::chrono::milliseconds scaled(std::chrono::duration<Rep, Period> limit)
{
    const auto ms = std::chrono::duration_cast<std::chrono::duration<double, std::milli>>(limit).count();
    return std::chrono::milliseconds(static_cast<long long>(ms * time_scale()));
}

inline int scaled_ms(int limit_ms) { return static_cast<int>(limit_ms * time_scale()); }

} // namespace lobby::test
