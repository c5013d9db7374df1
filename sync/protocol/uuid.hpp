// Random UUID v4 strings (Idempotency-Keys, outbox items, key material).
#pragma once

#include <string>

namespace lobby::protocol {

// "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx" (lowercase) from OpenSSL's CSPRNG,
// so keys made on different kiosks (or after a restore from backup) never collide.
std::string make_uuid_v4();

} // namespace lobby::protocol
