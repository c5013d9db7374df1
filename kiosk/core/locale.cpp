// Loads the locale files with nlohmann-json; reports the file and the reason.
#include "core/locale.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <mutex>

namespace kiosk {
namespace {

Result<std::map<std::string, std::string, std::less<>>> load_file(const std::string& path)
{
    std::ifstream file(path);
    if (!file)
        return Error{path + ": cannot open the locale file"};
    nlohmann::json doc = nlohmann::json::parse(file, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded() || !doc.is_object())
        return Error{path + ": not a JSON object of key -> text"};
    std::map<std::string, std::string, std::less<>> texts;
    for (auto& [key, value] : doc.items()) {
        if (!value.is_string())
            return Error{path + ": the value of \"" + key + "\" is not a string"};
        texts.emplace(key, value.get<std::string>());
    }
    return texts;
}

// Keys asked for that no language has: key -> the text returned for it (the
// key itself, kept here so the returned reference stays valid), plus the order
// they were first seen in.
struct UnknownKeys {
    std::mutex mutex;
    std::map<std::string, std::string, std::less<>> texts;
    std::vector<std::string> in_order;
};

UnknownKeys& unknown_keys()
{
    static UnknownKeys unknown;
    return unknown;
}

} // namespace

Result<Catalog> Catalog::load(const std::string& dir)
{
    // The shell's texts in dir/<code>.json, each feature's in its own folder
    // dir/<feature>/<code>.json, so a new service adds files, not lines here.
    std::vector<std::string> folders{dir};
    std::error_code error;
    // locale/console holds the office server's staff pages (zh-CN and en):
    // not the kiosk's, so not loaded here.
    for (const auto& entry : std::filesystem::directory_iterator(dir, error))
        if (entry.is_directory() && entry.path().filename() != "console")
            folders.push_back(entry.path().string());
    std::sort(folders.begin() + 1, folders.end());
    Catalog catalog;
    for (Language language : all_languages) {
        auto& merged = catalog.m_texts[static_cast<int>(language)];
        for (const std::string& folder : folders) {
            const std::string path = folder + "/" + std::string(language_code(language)) + ".json";
            if (folder != dir && !std::filesystem::exists(path))
                continue;
            auto texts = load_file(path);
            if (!texts)
                return texts.error();
            for (auto& [key, value] : texts.value())
                if (!merged.emplace(key, std::move(value)).second)
                    return Error{path + ": the key \"" + key + "\" is defined in another locale file too"};
        }
    }
    return catalog;
}

const std::string& Catalog::text(Language language, std::string_view key) const
{
    const auto& texts = m_texts[static_cast<int>(language)];
    if (auto it = texts.find(key); it != texts.end())
        return it->second;
    const auto& fallback = m_texts[static_cast<int>(Language::ZhCN)];
    if (auto it = fallback.find(key); it != fallback.end())
        return it->second;
    UnknownKeys& unknown = unknown_keys();
    std::lock_guard lock(unknown.mutex);
    auto [it, inserted] = unknown.texts.try_emplace(std::string(key), std::string(key));
    if (inserted)
        unknown.in_order.push_back(it->first);
    return it->second;
}

bool Catalog::contains(Language language, std::string_view key) const
{
    const auto& texts = m_texts[static_cast<int>(language)];
    return texts.find(key) != texts.end();
}

std::vector<std::string> Catalog::unknown_keys_seen()
{
    UnknownKeys& unknown = unknown_keys();
    std::lock_guard lock(unknown.mutex);
    return unknown.in_order;
}

std::vector<std::string> Catalog::missing_keys(Language language) const
{
    std::vector<std::string> missing;
    const auto& texts = m_texts[static_cast<int>(language)];
    for (const auto& [key, value] : m_texts[static_cast<int>(Language::ZhCN)])
        if (texts.find(key) == texts.end())
            missing.push_back(key);
    return missing;
}

std::string Catalog::all_text() const
{
    std::string all;
    for (const auto& texts : m_texts)
        for (const auto& [key, value] : texts)
            all += value;
    return all;
}

std::string format_text(std::string_view pattern,
                        std::initializer_list<std::pair<std::string_view, std::string_view>> args)
{
    std::string out;
    out.reserve(pattern.size() + 16);
    for (size_t i = 0; i < pattern.size();) {
        if (pattern[i] == '{') {
            size_t close = pattern.find('}', i);
            if (close != std::string_view::npos) {
                std::string_view name = pattern.substr(i + 1, close - i - 1);
                bool replaced = false;
                for (const auto& [arg_name, arg_value] : args) {
                    if (arg_name == name) {
                        out += arg_value;
                        replaced = true;
                        break;
                    }
                }
                if (replaced) {
                    i = close + 1;
                    continue;
                }
            }
        }
        out += pattern[i++];
    }
    return out;
}

} // namespace kiosk
