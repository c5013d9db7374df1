// Keeping personal data off the kiosk's disk: masking names, hashing phone digits, scrubbing JSON.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace kiosk::store {

// HMAC-SHA256 (hex) of the last four digits under the kiosk's secret key, so
// a resident can be checked offline by the last four digits of their phone
// without the number being stored.
std::string keyed_last4_hash(std::string_view secret_key, std::string_view phone);

// Returns data with personal fields made safe, recursively:
//   *phone* / *mobile* in clear -> removed; a "<field>_last4_hash" takes its
//     place when hash_key is not empty; "<field>_masked" fields are kept;
//   *name* fields of people (owner_name, visitor_name, contact_name, name in
//     units) -> masked by the one rule of lobby_protocol (protocol/masking.hpp).
nlohmann::json scrub_personal(nlohmann::json data, std::string_view hash_key);

// Reference data the office publishes to every lobby (estate hotline and
// emergency numbers, fee explanations, repair categories with "call X
// instead", notices, surveys) is about no person and must keep its phone
// numbers; everything else is scrubbed before it reaches the disk.
bool is_public_collection(std::string_view collection);

// Used for server responses kept after a submission is done: drops every
// field that may identify a person instead of masking it.
nlohmann::json drop_personal(nlohmann::json data);

} // namespace kiosk::store
