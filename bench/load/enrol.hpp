// Enrols a simulated kiosk as a new lobby PC is enrolled: staff make a
// one-time code (POST /v1/kiosks/enrolment-codes), the kiosk exchanges it
// with its own verification key for its bearer token (POST /v1/kiosks/enrol).
#pragma once

#include <string>

namespace lobby::bench {

struct KioskCredentials {
    std::string kiosk_id;
    std::string token;       // its own bearer token
    std::string verify_key;  // 64 hex: keys the phone verifiers in its feed
};

// Throws std::runtime_error naming the step and the answer when one fails.
KioskCredentials enrol_kiosk(int port, const std::string& staff_token, const std::string& kiosk_id);

} // namespace lobby::bench
