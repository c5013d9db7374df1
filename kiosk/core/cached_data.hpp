// Server data the views show, copied out of the local cache as plain values
// (the app layer reads the store; core and screens never see SQL).
#pragma once

#include "core/fee_types.hpp"
#include "core/language.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

struct LocalText {
    std::string zh_cn, zh_hk, en;

    // The text in `language`, or Simplified Chinese when the office wrote
    // no translation (better than nothing for a resident).
    const std::string& in(Language language) const
    {
        const std::string& wanted = language == Language::ZhHK ? zh_hk : language == Language::En ? en : zh_cn;
        return wanted.empty() ? zh_cn : wanted;
    }
};

struct EstateInfo {
    LocalText name;
    std::string hotline;
};

struct NoticeInfo {
    std::string id;
    std::string kind;  // outage, safety, event, fee, service
    bool urgent = false;
    LocalText title, body;
    std::int64_t published_utc = 0;
    std::int64_t expires_utc = 0;  // 0: no expiry
};

// What a fee kind pays for and what it does not (the usual dispute).
struct FeeKindInfo {
    std::string code;  // management, parking, water, electricity, shared_energy, refuse
    LocalText name, covers, not_covered;
};

struct CachedData {
    std::optional<EstateInfo> estate;
    std::vector<NoticeInfo> notices;  // active only; urgent first, newest first
    std::vector<UnitInfo> units;      // by building, entrance, floor, room
    std::vector<FeeKindInfo> fee_kinds;
};

} // namespace kiosk
