// Phrase prediction after a choice: 小 offers 区, 时, 学... The tables are
// made once at build time from Rime's essay (word frequencies), converted to
// Simplified with OpenCC for zh-CN, and read by the pads' worker.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kiosk::input {

// Build time: writes predict-hans.tsv and predict-hant.tsv into `out_dir`
// ("字<TAB>续 续 续", the most frequent continuations first).
bool write_phrase_tables(const std::string& essay_path, const std::string& out_dir, std::string& error);

std::string phrase_table_path(const std::string& data_dir, bool simplified);

class PhrasePredictor {
public:
    bool load(const std::string& path, std::string& error);
    // What most often follows the last character of `text` (empty if none).
    std::vector<std::string> after(std::string_view text) const;
    bool loaded() const { return !m_next.empty(); }

private:
    std::unordered_map<std::string, std::vector<std::string>> m_next;
};

} // namespace kiosk::input
