// The config the kiosk core tests start from: the defaults (60 s idle, 120 s
// in elderly mode, 20 s countdown, fees lockout 5 tries / 900 s) plus a token
// and the demo admin PIN 2468.
#pragma once

#include "core/config.hpp"
#include "core/pin_guard.hpp"

inline kiosk::KioskConfig test_kiosk_config()
{
    kiosk::KioskConfig config;
    config.server_token = "t";
    config.admin_pin_sha256 = kiosk::sha256_hex("2468");
    return config;
}
