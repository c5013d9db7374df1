// The console's words: both languages have the same keys, every {{t.key}}
// of a template exists, and so does every key the pages build from a
// contract value (a ticket status, a notice kind, ...).
#include "console/views.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace c = lobby::server::console;
namespace fs = std::filesystem;

namespace {

const std::string root = LOBBY_SOURCE_DIR;

std::string read(const fs::path& path) {
    std::ifstream in(path);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::set<std::string> keys_of(const char* lang) {
    const auto json = nlohmann::json::parse(read(root + "/locale/console/" + lang + ".json"));
    std::set<std::string> keys;
    for (const auto& [k, v] : json.items()) keys.insert(k);
    return keys;
}

} // namespace

TEST_CASE("zh-CN and en have the same keys") {
    const auto zh = keys_of("zh-CN"), en = keys_of("en");
    for (const auto& k : zh) CHECK_MESSAGE(en.count(k), "en lacks " << k);
    for (const auto& k : en) CHECK_MESSAGE(zh.count(k), "zh-CN lacks " << k);
}

TEST_CASE("every word a template or page uses exists") {
    const auto views = c::Views::load(root);
    std::set<std::string> used;
    const std::regex in_template(R"(\{\{t\.([a-z_0-9]+)\}\})");
    for (const auto& entry : fs::directory_iterator(root + "/sync/server/console/templates")) {
        const std::string text = read(entry.path());
        for (std::sregex_iterator it(text.begin(), text.end(), in_template), end; it != end; ++it) used.insert((*it)[1]);
    }
    // Keys the code names whole: t("..."), message_page("..."), page(..., "title_...").
    const std::regex in_code(R"re((?:t|message_page|text)\("([a-z_]+)"\)|, "(title_[a-z]+)"|"((?:err|done)_[a-z_]+)")re");
    for (const auto& entry : fs::recursive_directory_iterator(root + "/sync/server/console")) {
        if (entry.path().extension() != ".cpp") continue;
        const std::string text = read(entry.path());
        for (std::sregex_iterator it(text.begin(), text.end(), in_code), end; it != end; ++it)
            for (int g = 1; g <= 3; ++g)
                if ((*it)[g].matched) used.insert((*it)[g].str());
    }
    used.erase("done_");
    used.erase("err_setting_");  // + the setting a refusal names (the family below)
    // Keys built from a prefix and a contract value.
    const std::map<std::string, std::vector<std::string>> families = {
        {"status_", {"submitted", "accepted", "scheduled", "in_progress", "awaiting_acceptance", "completed", "closed", "cancelled"}},
        {"group_", {"open", "submitted", "accepted", "scheduled", "in_progress", "awaiting_acceptance", "completed", "closed", "cancelled"}},
        {"move_", {"accepted", "scheduled", "in_progress", "awaiting_acceptance", "completed", "cancelled"}},
        {"location_", {"public", "own_unit"}},
        {"kind_", {"outage", "safety", "event", "fee", "service"}},
        {"role_", {"front_desk", "maintenance", "manager"}},
        {"pass_", {"walk_in", "pre_registered"}},
        {"purpose_", {"family", "friend", "delivery", "courier", "helper", "renovation", "other"}},
        {"relation_", {"owner", "tenant", "agent"}},
        {"moveout_", {"approved", "rejected"}},
        {"confirm_", {"phone", "in_person", "wechat"}},
        {"question_", {"single", "multiple", "text"}},
        {"order_", {"paid", "expired", "pending"}},
        {"nav_", {"repairs", "notices", "visitors", "fees", "surveys", "kiosks", "staff", "audit"}},
        {"done_", {"moved", "published", "unpublished", "decided", "lifted", "revoked", "account_added",
                   "account_disabled", "account_enabled", "assigned", "charged", "rotation_requested",
                   "settings_saved"}},
        {"code_", {"pending", "used", "expired"}},
        {"service_", {"fees", "repairs", "visitors", "notices", "surveys"}},
        {"setting_opt_", {"zh_cn", "zh_hk", "en", "elderly_true", "elderly_false", "mandarin", "cantonese"}},
        {"err_setting_", {"idle_timeout_s", "language", "elderly_default", "zh_cn_voice", "zh_hk_voice",
                          "home_services", "any"}},
    };
    for (const auto& [prefix, values] : families)
        for (const auto& v : values) used.insert(prefix + v);
    REQUIRE(used.size() > 100);
    for (const c::Lang lang : c::languages)
        for (const auto& key : used) CHECK_MESSAGE(views.has_text(lang, key), std::string(c::lang_code(lang)) << " lacks " << key);
}
