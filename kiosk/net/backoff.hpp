// Exponential backoff with full jitter, capped, for retrying a server that is down or failing.
#pragma once

#include <cstdint>
#include <random>

namespace kiosk::net {

struct BackoffPolicy {
    std::int64_t base_ms = 1000;    // ceiling of the first retry delay
    std::int64_t cap_ms = 60000;    // ceiling never grows past this
};

// Uniform in [0, min(cap, base * 2^(failures-1))]. Full jitter spreads the
// retries of many kiosks after an office outage instead of letting them
// arrive in waves (AWS Architecture Blog, "Exponential Backoff And Jitter").
std::int64_t backoff_delay_ms(const BackoffPolicy& policy, int failures, std::mt19937_64& random);

} // namespace kiosk::net
