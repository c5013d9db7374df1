// PhrasePredictor: reads a table written by write_phrase_tables.
#include "input/phrase_tables.hpp"

#include <fstream>
#include <sstream>

namespace kiosk::input {

std::string phrase_table_path(const std::string& data_dir, bool simplified)
{
    return data_dir + (simplified ? "/predict-hans.tsv" : "/predict-hant.tsv");
}

bool PhrasePredictor::load(const std::string& path, std::string& error)
{
    std::ifstream file(path);
    if (!file) {
        error = path + ": cannot open the phrase table (run the build's lobby_rime_deploy step)";
        return false;
    }
    m_next.clear();
    std::string line;
    while (std::getline(file, line)) {
        const std::size_t tab = line.find('\t');
        if (tab == std::string::npos)
            continue;
        std::vector<std::string>& next = m_next[line.substr(0, tab)];
        std::istringstream words(line.substr(tab + 1));
        for (std::string word; words >> word;)
            next.push_back(word);
    }
    return true;
}

std::vector<std::string> PhrasePredictor::after(std::string_view text) const
{
    if (text.empty())
        return {};
    // The last UTF-8 character: back up over continuation bytes.
    std::size_t start = text.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80)
        --start;
    const auto it = m_next.find(std::string(text.substr(start)));
    return it == m_next.end() ? std::vector<std::string>{} : it->second;
}

} // namespace kiosk::input
