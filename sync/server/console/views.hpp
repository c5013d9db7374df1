// The console's pages: mustache templates (kainjow, every {{value}} is
// HTML-escaped; {{{...}}} only for HTML this code built) and the staff's
// words from locale/console/<lang>.json, loaded once at start. Templates see
// the words as {{t.key}}; code asks text(lang, key).
#pragma once

#include <kainjow/mustache.hpp>

#include <map>
#include <string>
#include <vector>

namespace lobby::server::console {

enum class Lang { zh_cn, en };
inline constexpr Lang languages[] = {Lang::zh_cn, Lang::en};
const char* lang_code(Lang lang);  // "zh-CN", "en"

using Data = kainjow::mustache::data;

class Views {
public:
    // `root` holds sync/server/console/{templates,static}/ and locale/console/.
    // Throws std::runtime_error naming the file that is missing or broken.
    static Views load(const std::string& root);

    // One template rendered with `data` (which gets `t`, the words of `lang`).
    std::string render(const std::string& name, Data& data, Lang lang) const;
    // A word; an unknown key comes back as itself (locale_test keeps that from shipping).
    const std::string& text(Lang lang, const std::string& key) const;
    bool has_text(Lang lang, const std::string& key) const;
    // A static file (console.css, console.js), or nullptr.
    const std::string* asset(const std::string& name) const;

private:
    // Sources, checked at load; each thread renders from its own parsed copy
    // (a kainjow template changes while it renders, so one cannot serve two threads).
    std::map<std::string, std::string> m_templates;
    std::map<Lang, std::map<std::string, std::string>> m_words;
    std::map<Lang, Data> m_word_data;
    std::map<std::string, std::string> m_assets;
};

} // namespace lobby::server::console
