// Full-jitter exponential backoff.
#include "net/backoff.hpp"

#include <algorithm>

namespace kiosk::net {

std::int64_t backoff_delay_ms(const BackoffPolicy& policy, int failures, std::mt19937_64& random)
{
    const int doublings = std::clamp(failures - 1, 0, 30);   // 2^30 * base overflows nothing
    const std::int64_t ceiling = std::min(policy.cap_ms, policy.base_ms << doublings);
    std::uniform_int_distribution<std::int64_t> pick(0, std::max<std::int64_t>(ceiling, 0));
    return pick(random);
}

} // namespace kiosk::net
