// The shell's enrolment call, on the live client's thread: the code typed
// at the admin screen and this kiosk's verification key go to
// POST /v1/kiosks/enrol; the token that comes back is kept in the token
// file and used from the next request on.
#pragma once

#include "core/enrolment.hpp"
#include "net/api_client.hpp"
#include "net/credentials.hpp"

#include <functional>
#include <string>

namespace kiosk::net {

// `verify_key`: the 64 hex digits of the kiosk's key file, so the office
// keys this kiosk's phone verifiers with the key it already has.
EnrolAnswer perform_enrolment(const EnrolCall& call, ApiClient& api, Credentials& credentials,
                              const std::string& verify_key);

} // namespace kiosk::net
