// Locale: every key in every language, same placeholders, and every key the
// code asks for exists in every language (found by a scanner over kiosk/).
#include "core/locale.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

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

// Every key of zh-CN, read from the file itself.
std::vector<std::string> zh_cn_keys()
{
    std::ifstream file(locale_dir + "/zh-CN.json");
    std::stringstream text;
    text << file.rdbuf();
    static const std::regex key_pattern("\"([a-z0-9_.]+)\":");
    std::vector<std::string> keys;
    const std::string all = text.str();
    for (std::sregex_iterator it(all.begin(), all.end(), key_pattern), end; it != end; ++it)
        keys.push_back((*it)[1]);
    return keys;
}

// [SECTION] The locale-key scanner
//
// Finds, in C++ source text, every string literal that names a locale key, so
// the test below can check each exists in every locale file. The rules:
//  1. A literal (comments and raw strings skipped) whose text has a key's
//     shape, "group.name[.more]", and whose group is a key group (the first
//     part of any zh-CN key, or a group a coming service will use), is a key
//     wherever it appears: a plain t("a.b"), with arguments
//     (format_text(t("a.b"), ...), t("a.b", {{...}})), either side of a ternary
//     (t(c ? "a.b" : "c.d")), in a table of keys.
//  2. Any literal of a key's shape passed straight to t(...) or
//     catalog.text(language, ...) is a key, whatever its group.
//  3. Not keys: a widget id, i.e. the first argument of a ui:: widget call
//     (ui::button("admin.pin.ok", ...)), of ImGui::BeginChild or of a
//     screen's list helper (draw_choices, choices_height,
//     words_above_actions), or listed in k_widget_ids; a config
//     path given to line_of(root, "fees.lockout_s", ...) or toml's at_path("...").
//  4. A literal ending in '.' and followed by '+' builds names at run time. It
//     must be a known family in k_families: "weekday." + n stands for the keys
//     weekday.0 .. weekday.6; the widget id prefixes stand for no key. Any
//     other such literal is reported, so a new family is added here by hand.
struct KeyUse {
    std::string key;
    std::string where;  // file:line
};

struct KeyScan {
    std::vector<KeyUse> uses;
    std::vector<std::string> problems;  // names built from an unknown family
};

// Families of names built by concatenation: prefix -> the suffixes it is used with.
const std::map<std::string, std::vector<std::string>> k_families = {
    {"weekday.", {"0", "1", "2", "3", "4", "5", "6"}},  // t("weekday." + std::to_string(now.weekday))
    {"month.", {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"}},  // t("month." + ...)
    // Widget ids made from data (a unit, a bill, a language): no locale key.
    {"fees.building.", {}}, {"fees.entrance.", {}}, {"fees.room.", {}},
    {"surveys.start.", {}}, {"surveys.household.", {}}, {"surveys.choice.", {}}, {"surveys.edit.", {}},
    {"fees.bill.", {}}, {"fees.choose_kind.", {}}, {"fees.explain.", {}}, {"lang.", {}},
    // Visitors: keys per errand, purpose, item, relation, day and release status.
    {"visitors.errand.", {"code", "walk_in", "move_out", "release"}},
    {"visitors.purpose.", {"family", "courier", "helper", "renovation", "other"}},
    {"visitors.item.", {"furniture", "appliance", "boxes", "luggage", "bicycle", "other"}},
    {"visitors.relation.", {"owner", "tenant", "agent"}},
    {"visitors.day.", {"0", "1", "2"}},
    {"visitors.release_status.", {"awaiting_owner_confirmation", "approved", "rejected"}},
    {"visitors.pick.", {}}, {"visitors.item_minus.", {}}, {"visitors.item_plus.", {}},
    {"notices.filter.", {}}, {"notices.row.", {}},
    {"repairs.category.", {}}, {"repairs.preset.", {}}, {"repairs.location.", {}}, {"repairs.slot.", {}},
    {"repairs.rate.", {}}, {"repairs.code.", {}}, {"repairs.follow.", {}}, {"repairs.qr.", {}},
    {"repairs.unit_ticket.", {}},  // a verified unit's tickets, by position
    // The 验收 and rating read back in 长者模式 (repairs_views.cpp build_verdict).
    {"repairs.rating.", {"1", "2", "3", "4", "5"}},
    {"repairs.reason.", {"still_broken", "not_clean", "not_visited", "new_damage"}},
    // The text pad's keys and candidates (ui/text_pad_draw.cpp).
    {"pad.key.", {}}, {"pad.cand.", {}}, {"pad.stroke.", {}},
};

// Widget ids passed other than as the first argument of a ui:: call.
const std::set<std::string> k_widget_ids = {
    "fees.history",      // the paid-history button's id, set in the fees view model
    "home.more",         // 长者模式 home: the next services (a HomeCell's id in screens/home_screen.cpp)
    "notices.filter.all",  // the "all categories" button's id, set in the notices view model
    // Repairs buttons drawn through its wide_button() or named in its view model.
    "repairs.emergency", "repairs.code.erase", "repairs.code.find", "repairs.where.public", "repairs.where.own_unit",
    "repairs.emergency.water_leak_urgent", "repairs.emergency.lift_trapped", "repairs.emergency.fire_smoke",
    "repairs.emergency.gas_smell", "repairs.unit_tickets.refresh",
};

// Groups the coming services will use, besides those zh-CN already has.
const std::vector<std::string> k_planned_groups = {"home", "fees", "nav", "net", "clock", "weekday", "month", "settings",
                                                    "idle", "admin", "keypad", "common", "lang", "repairs",
                                                    "visitors", "notices", "surveys", "input"};

std::set<std::string> key_groups()
{
    std::set<std::string> groups(k_planned_groups.begin(), k_planned_groups.end());
    for (const auto& key : zh_cn_keys())
        groups.insert(key.substr(0, key.find('.')));
    return groups;
}

struct Literal {
    std::string text;
    std::size_t begin;  // offset of the opening quote
    std::size_t end;    // offset just past the closing quote
};

// The string literals of C++ source, skipping comments, character literals
// and raw strings (R"sql(...)sql" holds no keys).
std::vector<Literal> string_literals(const std::string& src)
{
    std::vector<Literal> out;
    const std::size_t n = src.size();
    for (std::size_t i = 0; i < n;) {
        if (src.compare(i, 2, "//") == 0) {
            i = src.find('\n', i);
            if (i == std::string::npos)
                break;
        } else if (src.compare(i, 2, "/*") == 0) {
            const std::size_t close = src.find("*/", i + 2);
            i = close == std::string::npos ? n : close + 2;
        } else if (src[i] == 'R' && i + 1 < n && src[i + 1] == '"' &&
                   (i == 0 || !(std::isalnum(static_cast<unsigned char>(src[i - 1])) || src[i - 1] == '_'))) {
            const std::size_t open = src.find('(', i + 2);
            if (open == std::string::npos)
                break;
            const std::string close = ")" + src.substr(i + 2, open - i - 2) + "\"";
            const std::size_t at = src.find(close, open);
            i = at == std::string::npos ? n : at + close.size();
        } else if (src[i] == '"' || src[i] == '\'') {
            const char quote = src[i];
            std::string text;
            std::size_t j = i + 1;
            for (; j < n && src[j] != quote && src[j] != '\n'; ++j) {
                if (src[j] == '\\' && j + 1 < n)
                    ++j;
                text += src[j];
            }
            if (quote == '"')
                out.push_back({text, i, j + 1});
            i = j + 1;
        } else {
            ++i;
        }
    }
    return out;
}

bool ends_with(const std::string& text, const std::regex& pattern, std::size_t at, std::size_t window = 48)
{
    const std::size_t from = at > window ? at - window : 0;
    return std::regex_search(text.substr(from, at - from), pattern);
}

KeyScan scan_for_keys(const std::string& src, const std::string& file_name, const std::set<std::string>& groups)
{
    static const std::regex key_shape(R"(^[a-z_]+(\.[a-z0-9_]+)+$)");
    static const std::regex family_shape(R"(^[a-z_]+(\.[a-z0-9_]+)*\.$)");
    // ImGui's child windows and the screens' own list helpers take an id first too.
    static const std::regex widget_call(
        R"((ui::[a-z_]+|ImGui::BeginChild|draw_choices|choices_height|words_above_actions)\(\s*$)");
    static const std::regex config_path(R"((line_of\(\s*[a-z_]+\s*,|\.at_path\()\s*$)");
    static const std::regex lookup(R"((\bt\(|\.text\(\s*[a-z_.]+\s*,)\s*$)");
    static const std::regex concatenated(R"(^\s*\+)");
    KeyScan scan;
    for (const Literal& literal : string_literals(src)) {
        const std::string& text = literal.text;
        const std::string where =
            file_name + ":" + std::to_string(1 + std::count(src.begin(), src.begin() + literal.begin, '\n'));
        const bool known_group = groups.count(text.substr(0, text.find('.'))) > 0;
        if (std::regex_match(text, family_shape) && known_group &&
            std::regex_search(src.substr(literal.end, 8), concatenated)) {
            auto family = k_families.find(text);
            if (family == k_families.end()) {
                scan.problems.push_back(where + ": \"" + text + "\" + ... builds names the scanner cannot check: "
                                        "use full keys, or add the family to k_families");
                continue;
            }
            for (const auto& suffix : family->second)
                scan.uses.push_back({text + suffix, where});
            continue;
        }
        if (!std::regex_match(text, key_shape))
            continue;
        if (ends_with(src, widget_call, literal.begin) || ends_with(src, config_path, literal.begin) ||
            k_widget_ids.count(text))
            continue;
        if (known_group || ends_with(src, lookup, literal.begin))
            scan.uses.push_back({text, where});
    }
    return scan;
}

// "file:line: "key" is missing from en.json", one line per key and language.
std::vector<std::string> missing_from(const kiosk::Catalog& catalog, const KeyScan& scan)
{
    std::vector<std::string> missing;
    for (const KeyUse& use : scan.uses)
        for (kiosk::Language language : kiosk::all_languages)
            if (!catalog.contains(language, use.key))
                missing.push_back(use.where + ": \"" + use.key + "\" is missing from locale/" +
                                  std::string(kiosk::language_code(language)) + ".json");
    return missing;
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

TEST_CASE("every key the kiosk code asks for exists in every locale")
{
    auto catalog = kiosk::Catalog::load(locale_dir);
    REQUIRE(catalog.ok());
    const auto groups = key_groups();
    int files = 0;
    std::size_t uses = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(std::string(LOBBY_SOURCE_DIR) + "/kiosk")) {
        const auto extension = entry.path().extension();
        if (extension != ".cpp" && extension != ".hpp")
            continue;
        ++files;
        std::ifstream file(entry.path());
        std::stringstream text;
        text << file.rdbuf();
        const std::string name = std::filesystem::relative(entry.path(), LOBBY_SOURCE_DIR).string();
        const KeyScan scan = scan_for_keys(text.str(), name, groups);
        uses += scan.uses.size();
        for (const auto& problem : scan.problems)
            FAIL_CHECK(problem);
        for (const auto& problem : missing_from(catalog.value(), scan))
            FAIL_CHECK(problem);
    }
    INFO(uses, " key uses found in ", files, " files");
    CHECK(files > 40);
    CHECK(uses > 80);   // the scanner still finds the keys (about 110 today)
}

TEST_CASE("the key scanner flags keys missing from the catalog, in every form the code uses")
{
    auto catalog = kiosk::Catalog::load(locale_dir);
    REQUIRE(catalog.ok());
    const auto groups = key_groups();
    const std::string sample = R"src(
        view.a = t("net.online");                                  // a plain lookup: present
        view.b = format_text(t("fees.no_such_text"), {{"n", "3"}}); // with arguments: missing
        view.c = t("fees.also_missing", {{"b", "1"}});              // the fees helper's form: missing
        view.d = t(ok ? "net.online" : "net.not_a_key");            // a ternary: the second is missing
        view.e = t("weekday." + std::to_string(day));               // a known family: weekday.0..6
        view.f = t("clock." + name);                                // an unknown family: flagged
        view.g = t("brandnew.group_key");                           // any group, straight into t()
        ui::button("fees.not_a_text", label);                       // a widget id: not a key
        // a comment mentioning "fees.in_a_comment" is not code
    )src";
    const KeyScan scan = scan_for_keys(sample, "sample.cpp", groups);
    const auto missing = missing_from(catalog.value(), scan);
    auto reported = [&](const std::string& what) {
        for (const auto& line : missing)
            if (line.find(what) != std::string::npos)
                return true;
        for (const auto& line : scan.problems)
            if (line.find(what) != std::string::npos)
                return true;
        return false;
    };
    for (const auto& line : missing)
        INFO(line);
    CHECK(reported("sample.cpp:3: \"fees.no_such_text\""));
    CHECK(reported("sample.cpp:4: \"fees.also_missing\""));
    CHECK(reported("\"net.not_a_key\""));
    CHECK(reported("sample.cpp:7: \"clock.\""));
    CHECK(reported("\"brandnew.group_key\""));
    CHECK_FALSE(reported("net.online"));
    CHECK_FALSE(reported("weekday"));
    CHECK_FALSE(reported("fees.not_a_text"));
    CHECK_FALSE(reported("fees.in_a_comment"));
    CHECK(missing.size() == 3 * 4);   // four keys, each in three languages
    CHECK(scan.problems.size() == 1); // the unknown family
}

TEST_CASE("an unknown key is recorded, so a UI script can fail on it")
{
    auto catalog = kiosk::Catalog::load(locale_dir);
    REQUIRE(catalog.ok());
    const auto before = kiosk::Catalog::unknown_keys_seen();
    CHECK(catalog.value().text(kiosk::Language::En, "net.online") != "net.online");
    CHECK(kiosk::Catalog::unknown_keys_seen() == before);
    // The raw key comes back (nothing blank), and it is on the record.
    CHECK(catalog.value().text(kiosk::Language::En, "test.no_such_key") == "test.no_such_key");
    CHECK(catalog.value().text(kiosk::Language::ZhHK, "test.no_such_key") == "test.no_such_key");
    const auto after = kiosk::Catalog::unknown_keys_seen();
    REQUIRE(after.size() == before.size() + 1);
    CHECK(after.back() == "test.no_such_key");
    CHECK_FALSE(catalog.value().contains(kiosk::Language::En, "test.no_such_key"));
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
