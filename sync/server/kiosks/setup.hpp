// Kiosk provisioning and remote settings (issue 18): one-time enrolment
// codes staff make and a kiosk exchanges for its token, token rotation, and
// each kiosk's settings, published to it alone in the feed. Internal to the
// kiosks feature.
#pragma once

#include "api.hpp"
#include "estates.hpp"
#include "feature.hpp"

#include "protocol/kiosk_setup.hpp"

#include <httplib.h>

#include <optional>
#include <string>
#include <vector>

namespace lobby::server::kiosks {

inline constexpr protocol::UtcSeconds enrolment_code_ttl_s = 24 * 3600;
// Wrong codes: per client address, then for everyone ('*'); each locks its
// scope for an hour (sync/SECURITY.md "Kiosk enrolment").
inline constexpr std::int64_t enrolment_misses_per_address = 5;
inline constexpr std::int64_t enrolment_misses_global = 20;
inline constexpr std::int64_t enrolment_guard_window_s = 3600;
// After a rotation the old token keeps working this long.
inline constexpr protocol::UtcSeconds token_grace_s = 3600;

// Staff of the estate (or a company manager acting in it). The code is also
// registered in the company directory (`estates`), which keeps it unique
// across estates and tells /v1/kiosks/enrol where it belongs.
ApiResponse create_enrolment_code(ApiContext& ctx, Estates& estates, const protocol::EnrolmentCodeRequest& req);

// What staff see of the codes made (never the codes: only their hash is kept).
struct EnrolmentCodeRecord {
    std::string kiosk_id;
    std::string created_by;  // "staff:<username>", or the staff token's id
    protocol::UtcSeconds created_at = 0;
    protocol::UtcSeconds expires_at = 0;
    std::optional<protocol::UtcSeconds> used_at;
};
// The newest `limit` codes, newest first.
std::vector<EnrolmentCodeRecord> recent_enrolment_codes(Database& db, int limit);
// No token: the code is the credential. `address` is the client's, for the
// guard (kept in the home database: wrong codes count company-wide). The
// kiosk is enrolled in the estate the code was made for.
ApiResponse enrol(Estates& estates, const std::string& address, const protocol::EnrolRequest& req,
                  protocol::UtcSeconds now);

ApiResponse request_rotation(ApiContext& ctx, const std::string& kiosk_id);  // staff
ApiResponse fetch_rotated_token(ApiContext& ctx);  // the kiosk itself
// After the kiosk fetched its new token: until when its old one still works
// (nullopt once that has passed, or with no rotation).
std::optional<protocol::UtcSeconds> old_token_until(Database& db, const std::string& kiosk_id,
                                                    protocol::UtcSeconds now);

// The body is checked here, not by the router: a bad setting is 400
// invalid_setting naming the field, and nothing is stored.
ApiResponse replace_settings(ApiContext& ctx, const std::string& kiosk_id, const std::string& body);  // staff
ApiResponse read_settings(ApiContext& ctx, const std::string& kiosk_id);  // staff

void install_setup_routes(RouteContext& r);

} // namespace lobby::server::kiosks
