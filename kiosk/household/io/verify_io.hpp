// Household verification over the network and, when the office cannot be
// reached, against the cache: how an answer reads as a core VerifyAnswer.
#pragma once

#include "household/core/household_calls.hpp"
#include "net/api_client.hpp"
#include "net/feature_io.hpp"

#include <string>

namespace kiosk::store {
class Store;
}

namespace kiosk::household {

// A reached, refused verification (fees lookup or households verify):
// 403 wrong digits (with the server's count and wait), 429 wait, 423 locked,
// 404 unknown unit, anything else a server error.
VerifyAnswer refused_verification(const net::ApiReply& reply);

// Offline: the digits against the keyed hashes the feed gave this kiosk.
// NotCached when the unit is not cached, NoOfflineCheck when it came without
// verifiers for this kiosk (no enrolled key). Always offline = true.
VerifyAnswer offline_check(store::Store* store, const std::string& unit_id, const std::string& last4);

// POST /v1/households/verify; with no usable answer, offline_check().
HouseholdVerified verify_household(const CallVerifyHousehold& call, net::LiveContext& ctx);

} // namespace kiosk::household
