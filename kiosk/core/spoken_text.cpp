// Reading rules, applied left to right over the text's characters.
#include "core/spoken_text.hpp"

#include <utf8.h>

#include <array>

namespace kiosk {
namespace {

using Text = std::u32string;

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool is_letter(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }
bool is_alnum(char32_t c) { return is_digit(c) || is_letter(c); }
bool is_han(char32_t c) { return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF); }
bool is_icon(char32_t c) { return c >= 0xE000 && c <= 0xF8FF; }  // Font Awesome's private-use glyphs

Text u32(std::string_view text)
{
    std::string valid;
    utf8::replace_invalid(text.begin(), text.end(), std::back_inserter(valid));
    Text out;
    utf8::utf8to32(valid.begin(), valid.end(), std::back_inserter(out));
    return out;
}

std::string u8(const Text& text)
{
    std::string out;
    utf8::utf32to8(text.begin(), text.end(), std::back_inserter(out));
    return out;
}

bool chinese(SpeechVoice voice) { return voice != SpeechVoice::English; }
bool cantonese(SpeechVoice voice) { return voice == SpeechVoice::Cantonese; }

// The words each voice uses; Cantonese in traditional characters.
struct Words {
    const char32_t* yuan; const char32_t* jiao; const char32_t* fen;
    const char32_t* day; const char32_t* hour; const char32_t* minute; const char32_t* point;
    const char32_t* room; const char32_t* someone; const char32_t* last_digits; const char32_t* times;
    const char32_t* square_metres; const char32_t* per_square_metre; const char32_t* selected;
};

const Words& words(SpeechVoice voice)
{
    static const Words mandarin{U"元", U"角", U"分", U"日", U"点", U"分", U"点", U"室", U"某", U"尾号",
                                U"乘", U"平方米", U"每平方米", U"已选，"};
    static const Words yue{U"元", U"毫", U"仙", U"號", U"點", U"分", U"點", U"室", U"某", U"尾號",
                           U"乘", U"平方米", U"每平方米", U"已選，"};
    static const Words english{U" yuan", U"", U" fen", U"", U"", U"", U" point ", U"", U"", U"ending in ",
                               U" times ", U" square metres", U" per square metre", U"selected: "};
    return voice == SpeechVoice::English ? english : cantonese(voice) ? yue : mandarin;
}

const char32_t* chinese_digit(int d, SpeechVoice)
{
    static const char32_t* digits[10] = {U"零", U"一", U"二", U"三", U"四", U"五", U"六", U"七", U"八", U"九"};
    return digits[d];
}

// One group of four digits (0 < value < 10000). `leading`: the number's first group.
Text group_text(unsigned value, bool leading, bool has_unit, SpeechVoice voice)
{
    static const std::array<unsigned, 4> places{1000, 100, 10, 1};
    static const std::array<const char32_t*, 4> names{U"千", U"百", U"十", U""};
    Text out;
    bool started = false, zero = false;
    for (std::size_t i = 0; i < places.size(); ++i) {
        const int d = static_cast<int>(value / places[i] % 10);
        if (d == 0) {
            zero = started;
            continue;
        }
        if (zero)
            out += U"零";
        zero = false;
        const bool first = leading && !started;
        if (first && d == 1 && places[i] == 10) {
            // 十二, not 一十二
        } else if (first && d == 2 && (places[i] >= 100 || has_unit)) {
            out += cantonese(voice) ? U"兩" : U"两";
        } else {
            out += chinese_digit(d, voice);
        }
        out += names[i];
        started = true;
    }
    return out;
}

Text chinese_number_text(std::uint64_t value, SpeechVoice voice)
{
    if (value == 0)
        return U"零";
    const bool yue = cantonese(voice);
    const std::array<std::uint64_t, 4> groups{value / 1000000000000ULL % 10000, value / 100000000 % 10000,
                                              value / 10000 % 10000, value % 10000};
    const std::array<const char32_t*, 4> units{yue ? U"萬億" : U"万亿", U"億", U"萬", U""};
    const std::array<const char32_t*, 4> units_cmn{U"万亿", U"亿", U"万", U""};
    Text out;
    bool first = true, gap = false;
    for (std::size_t i = 0; i < groups.size(); ++i) {
        const unsigned g = static_cast<unsigned>(groups[i]);
        if (g == 0) {
            gap = !first;
            continue;
        }
        if (!first && (gap || g < 1000))
            out += U"零";
        const char32_t* unit = yue ? units[i] : units_cmn[i];
        out += group_text(g, first, *unit != 0, voice);
        out += unit;
        first = false;
        gap = false;
    }
    return out;
}

Text number_text(std::uint64_t value, SpeechVoice voice)
{
    if (chinese(voice))
        return chinese_number_text(value, voice);
    return u32(std::to_string(value));
}

Text spelled(const Text& code, SpeechVoice voice)
{
    Text out;
    for (char32_t c : code) {
        if (is_digit(c)) {
            if (chinese(voice))
                out += chinese_digit(static_cast<int>(c - U'0'), voice);
            else
                out += Text(1, c) + U" ";
        } else if (is_letter(c)) {
            if (!out.empty() && out.back() != U' ')
                out += U" ";  // a letter stands apart from what comes before it
            out += Text(1, c) + U" ";
        }
    }
    while (!out.empty() && out.back() == U' ')
        out.pop_back();
    return out;
}

bool ends_with(const Text& text, const Text& tail)
{
    return text.size() >= tail.size() && text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

std::uint64_t digits_value(const Text& digits)
{
    std::uint64_t v = 0;
    for (char32_t c : digits)
        if (is_digit(c) && v < 100000000000000ULL)
            v = v * 10 + static_cast<std::uint64_t>(c - U'0');
    return v;
}

// Reads digits [i, ...) while `accept` holds; returns them.
template <typename Accept>
Text take_while(const Text& s, std::size_t& i, Accept accept)
{
    const std::size_t start = i;
    while (i < s.size() && accept(s[i]))
        ++i;
    return s.substr(start, i - start);
}

Text money_text(std::uint64_t yuan, int fen, SpeechVoice voice)
{
    const Words& w = words(voice);
    if (!chinese(voice))
        return u32(std::to_string(yuan)) + w.yuan + (fen > 0 ? U" " + u32(std::to_string(fen)) + w.fen : Text());
    Text out;
    if (yuan > 0 || fen == 0)
        out += number_text(yuan, voice) + w.yuan;
    if (fen / 10 > 0)
        out += Text(chinese_digit(fen / 10, voice)) + w.jiao;
    if (fen % 10 > 0) {
        if (fen / 10 == 0 && yuan > 0)
            out += U"零";
        out += Text(chinese_digit(fen % 10, voice)) + w.fen;
    }
    return out;
}

const char32_t* month_name(int month)
{
    static const char32_t* names[12] = {U"January", U"February", U"March",     U"April",   U"May",      U"June",
                                        U"July",    U"August",   U"September", U"October", U"November", U"December"};
    return names[(month - 1) % 12];
}

class Reader {
public:
    Reader(std::string_view text, SpeechVoice voice) : m_s(u32(text)), m_voice(voice), m_w(words(voice)) {}

    std::string read()
    {
        while (m_i < m_s.size()) {
            if (!(money() || date() || clock_time() || mask() || symbol() || number_or_code()))
                m_out += m_s[m_i++];
        }
        return u8(m_out);
    }

private:
    char32_t at(std::size_t i) const { return i < m_s.size() ? m_s[i] : 0; }
    bool digits_at(std::size_t i, std::size_t n) const
    {
        for (std::size_t k = 0; k < n; ++k)
            if (!is_digit(at(i + k)))
                return false;
        return true;
    }
    bool starts_number() const { return m_i == 0 || !is_alnum(m_s[m_i - 1]); }

    // ¥1,234.50
    bool money()
    {
        if (m_s[m_i] != U'¥' && m_s[m_i] != U'￥')
            return false;
        std::size_t i = m_i + 1;
        const Text whole = take_while(m_s, i, [](char32_t c) { return is_digit(c) || c == U','; });
        if (whole.empty() || !is_digit(whole[0])) {
            ++m_i;  // a lone sign says nothing
            return true;
        }
        int fen = 0;
        if (at(i) == U'.' && is_digit(at(i + 1))) {
            fen = static_cast<int>(at(i + 1) - U'0') * 10;
            i += 2;
            if (is_digit(at(i)))
                fen += static_cast<int>(at(i++) - U'0');
        }
        m_out += money_text(digits_value(whole), fen, m_voice);
        m_i = i;
        return true;
    }

    // 2026-12-03: the month and the day, as people say a date.
    bool date()
    {
        if (!starts_number() || !digits_at(m_i, 4) || at(m_i + 4) != U'-' || !digits_at(m_i + 5, 2) ||
            at(m_i + 7) != U'-' || !digits_at(m_i + 8, 2) || is_digit(at(m_i + 10)))
            return false;
        const int month = static_cast<int>(digits_value(m_s.substr(m_i + 5, 2)));
        const int day = static_cast<int>(digits_value(m_s.substr(m_i + 8, 2)));
        if (month < 1 || month > 12 || day < 1 || day > 31)
            return false;
        if (chinese(m_voice))
            m_out += number_text(static_cast<std::uint64_t>(month), m_voice) + U"月" +
                     number_text(static_cast<std::uint64_t>(day), m_voice) + m_w.day;
        else
            m_out += Text(month_name(month)) + U" " + u32(std::to_string(day));
        m_i += 10;
        return true;
    }

    // 14:05 -> 十四点零五分 (English voices read clock times well themselves).
    bool clock_time()
    {
        if (!chinese(m_voice) || !starts_number())
            return false;
        std::size_t i = m_i;
        const Text hour = take_while(m_s, i, is_digit);
        if (hour.empty() || hour.size() > 2 || at(i) != U':' || !digits_at(i + 1, 2) || is_digit(at(i + 3)))
            return false;
        const std::uint64_t h = digits_value(hour), m = digits_value(m_s.substr(i + 1, 2));
        if (h > 23 || m > 59)
            return false;
        m_out += number_text(h, m_voice) + m_w.hour;
        if (m > 0)
            m_out += (m < 10 ? Text(U"零") : Text()) + number_text(m, m_voice) + m_w.minute;
        m_i = i + 3;
        return true;
    }

    // 张* -> 张某; ****5678 -> 尾号五六七八; Z*** -> Z.
    bool mask()
    {
        if (m_s[m_i] != U'*')
            return false;
        const bool after_han = m_i > 0 && is_han(m_s[m_i - 1]);
        take_while(m_s, m_i, [](char32_t c) { return c == U'*'; });
        if (is_digit(at(m_i))) {
            m_out += m_w.last_digits;
            m_out += spelled(take_while(m_s, m_i, is_digit), m_voice);
        } else if (after_han) {
            m_out += m_w.someone;
        }
        return true;
    }

    bool symbol()
    {
        const char32_t c = m_s[m_i];
        if (is_icon(c) || c == U'●' || c == U'▲' || c == U'○' || c == U'•') {
            ++m_i;
            return true;
        }
        const Text* said = nullptr;
        static const Text pause_zh = U"，", pause_en = U", ";
        Text tmp;
        if (c == U'/' && at(m_i + 1) == U'㎡') {
            tmp = m_w.per_square_metre;
            m_i += 2;
        } else if (c == U'㎡') {
            tmp = m_w.square_metres;
            ++m_i;
        } else if (c == U'×') {
            tmp = m_w.times;
            ++m_i;
        } else if (c == U'✓') {
            tmp = m_w.selected;
            ++m_i;
        } else if (c == U'·') {
            said = chinese(m_voice) ? &pause_zh : &pause_en;
            ++m_i;
        } else {
            return false;
        }
        m_out += said ? *said : tmp;
        return true;
    }

    // A run of letters and digits (hyphens inside): a code read digit by
    // digit, a room number after its entrance, a year, or a plain number.
    bool number_or_code()
    {
        if (!is_alnum(m_s[m_i]) || !starts_number())
            return false;
        std::size_t i = m_i;
        Text run;
        while (i < m_s.size()) {
            if (is_alnum(m_s[i]))
                run += m_s[i++];
            else if (m_s[i] == U'-' && is_alnum(at(i + 1)) && !run.empty())
                run += m_s[i++];
            else
                break;
        }
        bool letters = false, digits = false, hyphen = false;
        for (char32_t c : run) {
            letters |= is_letter(c);
            digits |= is_digit(c);
            hyphen |= c == U'-';
        }
        if (!digits)
            return false;  // a word: as it is
        m_i = i;
        // A label that is a number and nothing else (a room button "1502")
        // names something: said digit by digit, as people say room numbers.
        const bool whole_label = m_out.empty() && m_i == m_s.size() && run.size() >= 3;
        if (letters || hyphen || run.size() >= 5 || whole_label) {
            m_out += spelled(run, m_voice);
            return true;
        }
        const bool chinese_voice = chinese(m_voice);
        // 3栋2单元1502 / flat 1502: rooms are said digit by digit.
        if (ends_with(m_out, U"单元") || ends_with(m_out, U"單元") || ends_with(m_out, U"flat ") ||
            ends_with(m_out, U"Flat ") || ends_with(m_out, U"room ")) {
            m_out += spelled(run, m_voice);
            if (chinese_voice && at(m_i) != U'室')
                m_out += m_w.room;
            return true;
        }
        if (chinese_voice && at(m_i) == U'年' && run.size() == 4) {
            m_out += spelled(run, m_voice);
            return true;
        }
        if (!chinese_voice)
            m_out += run;
        else
            m_out += number_text(digits_value(run), m_voice);
        if (at(m_i) == U'.' && is_digit(at(m_i + 1))) {  // 128.30 -> 一百二十八点三零
            ++m_i;
            const Text fraction = take_while(m_s, m_i, is_digit);
            m_out += chinese_voice ? m_w.point + spelled(fraction, m_voice) : U"." + fraction;
        }
        return true;
    }

    Text m_s;
    std::size_t m_i = 0;
    SpeechVoice m_voice;
    const Words& m_w;
    Text m_out;
};

std::string trimmed(std::string text)
{
    const auto space = [](char c) { return c == ' ' || c == '\n' || c == '\t'; };
    while (!text.empty() && space(text.back()))
        text.pop_back();
    std::size_t start = 0;
    while (start < text.size() && space(text[start]))
        ++start;
    return text.substr(start);
}

// Runs of spaces (columns on screen) become one; none beside a Chinese
// pause mark, where they only make the voice stumble.
std::string tidy_spaces(const std::string& text)
{
    Text in = u32(text), out;
    const auto is_mark = [](char32_t c) { return c == U'，' || c == U'。' || c == U'：' || c == U'；' || c == U'？' || c == U'！'; };
    for (char32_t c : in) {
        if (c == U' ' && (out.empty() || out.back() == U' ' || is_mark(out.back())))
            continue;
        if (is_mark(c) && !out.empty() && out.back() == U' ')
            out.pop_back();
        out += c;
    }
    return u8(out);
}

bool ends_in_pause(const std::string& text)
{
    static const std::array<std::string_view, 12> marks{"，", "。", "？", "！", "：", "；", ",", ".", "?", "!", ":", ";"};
    for (std::string_view mark : marks)
        if (text.size() >= mark.size() && text.compare(text.size() - mark.size(), mark.size(), mark) == 0)
            return true;
    return false;
}

} // namespace

std::string spoken_form(std::string_view text, SpeechVoice voice)
{
    return Reader(text, voice).read();
}

std::string chinese_number(std::uint64_t value, SpeechVoice voice)
{
    return u8(chinese_number_text(value, voice));
}

std::string utterance(const std::vector<std::string>& pieces, SpeechVoice voice)
{
    std::string out;
    for (const std::string& piece : pieces) {
        std::string said = trimmed(tidy_spaces(spoken_form(piece, voice)));
        if (said.empty())
            continue;
        if (!out.empty())
            out += ends_in_pause(out) ? (chinese(voice) ? "" : " ") : (chinese(voice) ? "，" : ". ");
        out += said;
    }
    return out;
}

} // namespace kiosk
