// The online call a service makes to verify a household (repairs, surveys;
// fees verifies through its bill lookup), and its answer. household/io
// performs it: POST /v1/households/verify, or offline the cache's check.
#pragma once

#include "household/core/verification.hpp"

#include <cstdint>
#include <string>

namespace kiosk::household {

struct CallVerifyHousehold {
    VerifyAttempt attempt;  // what Verifier::submit returned
};

struct HouseholdVerified {
    VerifyAnswer answer;        // give to Verifier::answered
    std::string owner_masked;   // Ok online: "张*"
    std::int64_t expires_utc = 0;  // Ok online: when the token stops counting
};

} // namespace kiosk::household
