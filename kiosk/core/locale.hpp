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
    // A key no language has is recorded (see unknown_keys_seen) so a UI test
    // fails instead of showing the raw key.
    const std::string& text(Language language, std::string_view key) const;

    // True when `language`'s own file has `key` (no fallback, nothing recorded).
    bool contains(Language language, std::string_view key) const;

    // Every key some catalog of this process was asked for and no language
    // had, in the order first seen. Process-wide, because the script runner
    // checks it without a handle on the app's catalog; thread-safe.
    static std::vector<std::string> unknown_keys_seen();

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
