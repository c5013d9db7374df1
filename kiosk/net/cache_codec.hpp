// What the kiosk keeps of a pulled record: the record decoded with its
// collection's contract type and encoded again, never the server's raw JSON,
// so a field this kiosk does not know (a name, a phone added by a newer
// server) can never reach its disk in clear.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace kiosk::net {

// nullopt: an unknown collection, or a record its type cannot read.
std::optional<nlohmann::json> reencode_record(const std::string& collection, const nlohmann::json& data,
                                              std::string* problem = nullptr);

} // namespace kiosk::net
