// Server data the views show, copied out of the local cache as plain values
// (the io layer reads the store; core and screens never see SQL). The shell
// keeps what every screen needs (the estate);
// each feature keeps its own cached data under its id.
#pragma once

#include "core/feature.hpp"
#include "core/language.hpp"
#include "core/remote_settings.hpp"

#include <any>
#include <cstdint>
#include <map>
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
    bool operator==(const LocalText& o) const { return zh_cn == o.zh_cn && zh_hk == o.zh_hk && en == o.en; }
};

struct EstateInfo {
    LocalText name;
    std::string hotline;
};

struct CachedData {
    std::optional<EstateInfo> estate;
    RemoteSettings remote;  // the office's settings for this kiosk (empty: none)
    std::map<FeatureId, std::any> features;   // each feature's own cached data
};

} // namespace kiosk
