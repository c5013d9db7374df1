// write_phrase_tables: build-time only (lobby_rime_deploy links OpenCC).
#include "input/phrase_tables.hpp"

#include <opencc/opencc.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

namespace kiosk::input {
namespace {

constexpr std::size_t k_per_char = 12;  // continuations kept per first character

struct Entry {
    std::string rest;
    long weight;
};

std::size_t first_char_bytes(const std::string& s)
{
    const unsigned char c = static_cast<unsigned char>(s[0]);
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

std::size_t char_count(const std::string& s)
{
    std::size_t n = 0;
    for (unsigned char c : s)
        n += (c & 0xC0) != 0x80;
    return n;
}

bool write_table(const std::map<std::string, std::vector<Entry>>& table, const std::string& path, std::string& error)
{
    std::ofstream out(path);
    if (!out) {
        error = path + ": cannot write the phrase table";
        return false;
    }
    for (const auto& [first, entries] : table) {
        std::vector<Entry> best = entries;
        std::stable_sort(best.begin(), best.end(), [](const Entry& a, const Entry& b) { return a.weight > b.weight; });
        out << first << '\t';
        std::vector<std::string> seen;
        for (const Entry& e : best) {
            if (seen.size() == k_per_char)
                break;
            if (std::find(seen.begin(), seen.end(), e.rest) != seen.end())
                continue;
            out << (seen.empty() ? "" : " ") << e.rest;
            seen.push_back(e.rest);
        }
        out << '\n';
    }
    return static_cast<bool>(out);
}

} // namespace

bool write_phrase_tables(const std::string& essay_path, const std::string& out_dir, std::string& error)
{
    std::ifstream essay(essay_path);
    if (!essay) {
        error = essay_path + ": cannot read Rime's essay (install rime-essay)";
        return false;
    }
    opencc_t t2s = opencc_open("t2s.json");
    if (t2s == reinterpret_cast<opencc_t>(-1)) {
        error = std::string("cannot open OpenCC's t2s.json (install libopencc-data): ") + opencc_error();
        return false;
    }
    std::map<std::string, std::vector<Entry>> hant, hans;
    std::string line;
    while (std::getline(essay, line)) {
        std::istringstream fields(line);
        std::string phrase;
        long weight = 0;
        if (!(fields >> phrase >> weight))
            continue;
        const std::size_t chars = char_count(phrase);
        if (chars < 2 || chars > 4 || static_cast<unsigned char>(phrase[0]) < 0x80)
            continue;
        const std::size_t n = first_char_bytes(phrase);
        hant[phrase.substr(0, n)].push_back({phrase.substr(n), weight});
        char* converted = opencc_convert_utf8(t2s, phrase.c_str(), phrase.size());
        if (converted) {
            const std::string simple(converted);
            opencc_convert_utf8_free(converted);
            const std::size_t m = first_char_bytes(simple);
            hans[simple.substr(0, m)].push_back({simple.substr(m), weight});
        }
    }
    opencc_close(t2s);
    return write_table(hans, phrase_table_path(out_dir, true), error) &&
           write_table(hant, phrase_table_path(out_dir, false), error);
}

} // namespace kiosk::input
