// Settings the office sets for this kiosk from the server (issue 18): each
// one, when present, wins over the config file's; absent, the file decides.
// The io layer turns the feed's record into this (dropping values it cannot
// use); the app applies it between two people, without a restart.
#pragma once

#include "core/config.hpp"
#include "core/language.hpp"
#include "core/speech_voice.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

struct RemoteSettings {
    std::optional<int> idle_timeout_s;
    std::optional<Language> language;
    std::optional<bool> elderly_default;
    std::optional<SpeechVoice> zh_cn_voice;
    std::optional<SpeechVoice> zh_hk_voice;
    std::optional<std::vector<std::string>> home_services;  // feature ids shown on home

    bool operator==(const RemoteSettings& o) const
    {
        return idle_timeout_s == o.idle_timeout_s && language == o.language && elderly_default == o.elderly_default &&
               zh_cn_voice == o.zh_cn_voice && zh_hk_voice == o.zh_hk_voice && home_services == o.home_services;
    }
    bool operator!=(const RemoteSettings& o) const { return !(*this == o); }
};

// The file's config with the remote values put over it. Elderly mode never
// gets a shorter timeout than the normal one.
inline KioskConfig with_remote_settings(const KioskConfig& file, const RemoteSettings& remote)
{
    KioskConfig out = file;
    if (remote.idle_timeout_s) {
        out.idle_timeout_s = *remote.idle_timeout_s;
        out.idle_timeout_large_text_s = std::max(out.idle_timeout_large_text_s, out.idle_timeout_s);
    }
    if (remote.language)
        out.default_language = *remote.language;
    if (remote.elderly_default)
        out.elderly_default = *remote.elderly_default;
    if (remote.zh_cn_voice)
        out.speech_zh_cn = *remote.zh_cn_voice;
    if (remote.zh_hk_voice)
        out.speech_zh_hk = *remote.zh_hk_voice;
    if (remote.home_services)
        out.home_services = remote.home_services;
    return out;
}

} // namespace kiosk
