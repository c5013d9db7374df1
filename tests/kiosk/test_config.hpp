// The config the kiosk core tests start from: the defaults (60 s idle, 120 s
// in elderly mode, 20 s countdown, fees: 3 free tries, 30 s doubling, 10 wrong
// tries an hour lock 900 s) plus a token
// and the demo admin PIN 246810.
#pragma once

#include "core/config.hpp"
#include "core/pin_guard.hpp"

// Argon2id of the demo PIN 246810, made once with `kiosk --hash-pin` (hashing
// in every test would cost ~30 ms each).
inline const char* const k_test_pin_hash =
    "$argon2id$v=19$m=19456,t=2,p=1$VCDdd1owCHV48SoITzMACA$GiieZPCEIQR2w/Y4yMcXcILT7lb0hmaZtj8ofLs1QdU";

inline kiosk::KioskConfig test_kiosk_config()
{
    kiosk::KioskConfig config;
    config.server_token = "t";
    config.admin_pin_hash = k_test_pin_hash;
    return config;
}
