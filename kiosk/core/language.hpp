// The languages the kiosk speaks, and their codes in locale/ file names.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace kiosk {

enum class Language { ZhCN, ZhHK, En };

inline constexpr std::array<Language, 3> all_languages{Language::ZhCN, Language::ZhHK, Language::En};

constexpr std::string_view language_code(Language language)
{
    switch (language) {
    case Language::ZhCN: return "zh-CN";
    case Language::ZhHK: return "zh-HK";
    case Language::En: return "en";
    }
    return "zh-CN";
}

inline std::optional<Language> language_from_code(std::string_view code)
{
    for (Language language : all_languages)
        if (language_code(language) == code)
            return language;
    return std::nullopt;
}

} // namespace kiosk
