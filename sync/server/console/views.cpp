// Loading and rendering the console's templates and words.
#include "console/views.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <memory>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace lobby::server::console {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("staff console: cannot read " + path.string());
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

} // namespace

const char* lang_code(Lang lang) { return lang == Lang::en ? "en" : "zh-CN"; }

Views Views::load(const std::string& root) {
    Views v;
    const fs::path base(root);
    const fs::path templates = base / "sync/server/console/templates";
    if (!fs::is_directory(templates)) throw std::runtime_error("staff console: no templates in " + templates.string());
    for (const auto& entry : fs::directory_iterator(templates)) {
        if (entry.path().extension() != ".mustache") continue;
        std::string source = read_file(entry.path());
        kainjow::mustache::mustache t(source);
        if (!t.is_valid())
            throw std::runtime_error("staff console: " + entry.path().string() + ": " + t.error_message());
        v.m_templates.emplace(entry.path().stem().string(), std::move(source));
    }
    for (const Lang lang : languages) {
        const fs::path file = base / "locale/console" / (std::string(lang_code(lang)) + ".json");
        const auto json = nlohmann::json::parse(read_file(file), nullptr, false);
        if (!json.is_object()) throw std::runtime_error("staff console: " + file.string() + " is not a JSON object");
        Data words;
        for (const auto& [key, value] : json.items()) {
            if (!value.is_string())
                throw std::runtime_error("staff console: " + file.string() + ": '" + key + "' is not a string");
            v.m_words[lang][key] = value.get<std::string>();
            words.set(key, value.get<std::string>());
        }
        v.m_word_data.emplace(lang, std::move(words));
    }
    for (const char* name : {"console.css", "console.js"})
        v.m_assets[name] = read_file(base / "sync/server/console/static" / name);
    return v;
}

std::string Views::render(const std::string& name, Data& data, Lang lang) const {
    const auto t = m_templates.find(name);
    if (t == m_templates.end()) throw std::logic_error("staff console: no template " + name);
    data.set("t", m_word_data.at(lang));
    data.set("lang", lang_code(lang));
    // Parsed once per thread: a kainjow template is reused across renders but
    // not shared between threads. The source is kept to tell templates apart
    // when another Views (a test's next server) reuses an address.
    struct Parsed {
        std::string source;
        std::unique_ptr<kainjow::mustache::mustache> tmpl;
    };
    thread_local std::map<const std::string*, Parsed> parsed;
    Parsed& p = parsed[&t->second];
    if (!p.tmpl || p.source != t->second) p = Parsed{t->second, std::make_unique<kainjow::mustache::mustache>(t->second)};
    return p.tmpl->render(data);
}

const std::string& Views::text(Lang lang, const std::string& key) const {
    const auto& words = m_words.at(lang);
    const auto it = words.find(key);
    return it == words.end() ? key : it->second;
}

bool Views::has_text(Lang lang, const std::string& key) const { return m_words.at(lang).count(key) > 0; }

const std::string* Views::asset(const std::string& name) const {
    const auto it = m_assets.find(name);
    return it == m_assets.end() ? nullptr : &it->second;
}

} // namespace lobby::server::console
