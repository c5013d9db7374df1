// Locale: every key in every language, same placeholders, and every key the
// code asks for exists.
#include "core/locale.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace {

const std::string locale_dir = std::string(LOBBY_SOURCE_DIR) + "/locale";

std::set<std::string> placeholders(const std::string& text)
{
    std::set<std::string> names;
    static const std::regex pattern(R"(\{([a-z_]+)\})");
    for (std::sregex_iterator it(text.begin(), text.end(), pattern), end; it != end; ++it)
        names.insert((*it)[1]);
    return names;
}

} // namespace

TEST_CASE("every locale has every key of zh-CN")
{
    auto catalog = kiosk::Catalog::load(locale_dir);
    REQUIRE(catalog.ok());
    for (kiosk::Language language : kiosk::all_languages) {
        auto missing = catalog.value().missing_keys(language);
        INFO("language ", kiosk::language_code(language));
        for (const auto& key : missing)
            INFO("missing ", key);
        CHECK(missing.empty());
    }
}

TEST_CASE("translations keep the same placeholders")
{
    auto catalog = kiosk::Catalog::load(locale_dir);
    REQUIRE(catalog.ok());
    std::ifstream file(locale_dir + "/zh-CN.json");
    std::stringstream text;
    text << file.rdbuf();
    static const std::regex key_pattern("\"([a-z0-9_.]+)\":");
    std::string all = text.str();
    int keys = 0;
    for (std::sregex_iterator it(all.begin(), all.end(), key_pattern), end; it != end; ++it, ++keys) {
        std::string key = (*it)[1];
        auto expected = placeholders(catalog.value().text(kiosk::Language::ZhCN, key));
        for (kiosk::Language language : kiosk::all_languages) {
            INFO(key, " in ", kiosk::language_code(language));
            CHECK(placeholders(catalog.value().text(language, key)) == expected);
        }
    }
    CHECK(keys > 30);
}

TEST_CASE("every key the kiosk code asks for exists in zh-CN")
{
    auto catalog = kiosk::Catalog::load(locale_dir);
    REQUIRE(catalog.ok());
    // Keys appear in code as t("a.b") or "a.b" passed to a text lookup.
    static const std::regex used(R"(t\("([a-z0-9_]+\.[a-z0-9_.]+)\"\))");
    int found = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(std::string(LOBBY_SOURCE_DIR) + "/kiosk")) {
        if (entry.path().extension() != ".cpp")
            continue;
        std::ifstream file(entry.path());
        std::stringstream text;
        text << file.rdbuf();
        std::string source = text.str();
        for (std::sregex_iterator it(source.begin(), source.end(), used), end; it != end; ++it) {
            std::string key = (*it)[1];
            ++found;
            INFO(entry.path().filename().string(), " uses ", key);
            CHECK(catalog.value().text(kiosk::Language::ZhCN, key) != key);
        }
    }
    CHECK(found > 20);
}

TEST_CASE("a broken locale file is reported by name")
{
    auto dir = std::filesystem::temp_directory_path() / "lobby-locale-test";
    std::filesystem::create_directories(dir);
    for (const char* name : {"zh-CN", "zh-HK", "en"})
        std::ofstream(dir / (std::string(name) + ".json")) << "{\"a.b\": \"x\"}";
    std::ofstream(dir / "zh-HK.json") << "{\"a.b\": 3}";
    auto catalog = kiosk::Catalog::load(dir.string());
    REQUIRE_FALSE(catalog.ok());
    CHECK(catalog.error().message.find("zh-HK.json") != std::string::npos);
    CHECK(catalog.error().message.find("a.b") != std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST_CASE("format_text fills named placeholders and leaves unknown ones")
{
    CHECK(kiosk::format_text("{n} 项等待发送", {{"n", "3"}}) == "3 项等待发送");
    CHECK(kiosk::format_text("{a}-{b}-{c}", {{"a", "1"}, {"b", "2"}}) == "1-2-{c}");
    CHECK(kiosk::format_text("no braces", {}) == "no braces");
    CHECK(kiosk::format_text("{unterminated", {{"unterminated", "x"}}) == "{unterminated");
}
