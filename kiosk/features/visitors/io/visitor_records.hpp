// Visitor data between the wire/cache (protocol types) and the visitors
// core's plain structs, and the offline check of a code against the cache.
#pragma once

#include "features/visitors/core/visitors_types.hpp"

#include <cstdint>
#include <string>

namespace lobby::protocol {
struct VisitorPass;
struct MoveOut;
struct VisitorRequest;
struct MoveOutRequest;
}
namespace kiosk::store {
class Store;
}

namespace kiosk::visitors {

PassInfo to_pass_info(const lobby::protocol::VisitorPass& pass);
ReleaseInfo to_release_info(const lobby::protocol::MoveOut& move_out);
lobby::protocol::VisitorRequest visitor_request(const WalkInForm& form);
lobby::protocol::MoveOutRequest move_out_request(const CallRequestRelease& call);

inline constexpr const char* redeem_path = "/v1/visitor-codes/redeem";
inline constexpr const char* offline_use_kind = "visitor_code_use";

// The office could not be reached: checks the code against the cached
// keyed hashes and, when it may be let in, remembers the use and queues its
// report for the office in one transaction (a code is never accepted twice
// here, not even after a restart).
PassDone redeem_offline(store::Store& store, const std::string& code, std::int64_t now_utc);

} // namespace kiosk::visitors
