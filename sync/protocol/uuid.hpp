// Random UUID v4 strings for Idempotency-Keys.
#pragma once

#include <string>

namespace lobby::protocol {

// "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx" from OpenSSL's CSPRNG, so keys made
// on different kiosks (or after a restore from backup) never collide.
std::string make_uuid_v4();

} // namespace lobby::protocol
