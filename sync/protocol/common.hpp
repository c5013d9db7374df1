// Localized text shared by every feature's records.
#pragma once

#include "protocol/codec.hpp"

#include <string>

namespace lobby::protocol {

// {"zh-CN": "...", "zh-HK": "...", "en": "..."}; zh-CN is always present,
// the others may be empty (the kiosk falls back to zh-CN).
struct LocalizedText {
    std::string zh_cn;
    std::string zh_hk;
    std::string en;
};
LOBBY_PROTOCOL_CODEC(LocalizedText);

} // namespace lobby::protocol
