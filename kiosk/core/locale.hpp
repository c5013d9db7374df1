// All user-visible text, loaded from locale/<code>.json (flat key -> text).
#pragma once

#include "core/language.hpp"
#include "core/result.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

class Catalog {
public:
    // Loads zh-CN, zh-HK and en from `dir` and from each feature folder in
    // it (`dir/fees/zh-CN.json` ...). Every file must parse; a key may be
    // defined only once.
    static Result<Catalog> load(const std::string& dir);

    // The text for `key`; zh-CN when the language lacks it (the test suite
    // forbids that), and the key itself as a last resort so nothing is blank.
    const std::string& text(Language language, std::string_view key) const;

    // Keys present in zh-CN but missing from `language` (empty is correct).
    std::vector<std::string> missing_keys(Language language) const;

    // Every text of every language, for building the font's glyph set.
    std::string all_text() const;

private:
    std::map<std::string, std::string, std::less<>> m_texts[3];
};

// Replaces {name} placeholders: format_text("{n} 条", {{"n", "3"}}).
std::string format_text(std::string_view pattern,
                        std::initializer_list<std::pair<std::string_view, std::string_view>> args);

} // namespace kiosk
