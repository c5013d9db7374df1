// The voices the kiosk reads aloud in, and their espeak-ng names.
#pragma once

#include <optional>
#include <string_view>

namespace kiosk {

enum class SpeechVoice { Mandarin, Cantonese, English };

constexpr std::string_view espeak_voice_name(SpeechVoice voice)
{
    switch (voice) {
    case SpeechVoice::Mandarin: return "cmn";
    case SpeechVoice::Cantonese: return "yue";
    case SpeechVoice::English: return "en";
    }
    return "cmn";
}

// The words the config uses for a Chinese voice: "mandarin", "cantonese".
inline std::optional<SpeechVoice> chinese_voice_from_word(std::string_view word)
{
    if (word == "mandarin")
        return SpeechVoice::Mandarin;
    if (word == "cantonese")
        return SpeechVoice::Cantonese;
    return std::nullopt;
}

} // namespace kiosk
