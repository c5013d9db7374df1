// Masking of names (by code point, surname-aware) and phone numbers.
#include "protocol/masking.hpp"

#include "protocol/text.hpp"

#include <vector>

namespace lobby::protocol {
namespace {

// Two-character Chinese compound surnames (复姓) seen in practice.
constexpr std::string_view compound_surnames[] = {
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文", "司徒",
    "夏侯", "轩辕", "端木", "独孤", "南宫", "西门", "百里", "呼延", "澹台", "公冶", "太史", "申屠", "闻人",
    "赫连", "钟离", "万俟", "第五", "司空", "濮阳", "淳于", "单于", "太叔", "仲孙", "东郭", "南门", "羊舌",
    "微生", "拓跋", "左丘", "东门", "梁丘", "公羊", "谷梁", "乐正", "漆雕", "公良", "段干", "巫马", "鲜于",
    "闾丘", "亓官", "司寇", "公西", "子车", "颛孙", "壤驷", "宰父", "歐陽", "司馬", "諸葛", "東方", "長孫",
    "軒轅", "獨孤", "鍾離", "聞人", "赫連", "萬俟",
};

std::string digits_of(std::string_view text) {
    std::string digits;
    for (const char c : text)
        if (c >= '0' && c <= '9') digits += c;
    return digits;
}

} // namespace

bool has_compound_surname(std::string_view name) {
    for (const std::string_view surname : compound_surnames)
        if (name.substr(0, surname.size()) == surname) return true;
    return false;
}

std::string mask_name(std::string_view name) {
    if (name.find('*') != std::string_view::npos) return std::string(name);  // already masked upstream
    const auto split = utf8_split(name);
    if (!split) return "*";
    const std::vector<std::string_view>& chars = *split;
    if (chars.empty()) return {};
    // A compound surname needs a given name after it; "欧阳" alone is 欧 + 阳.
    const std::size_t surname_chars = chars.size() > 2 && has_compound_surname(name) ? 2 : 1;
    std::string masked;
    for (std::size_t i = 0; i < surname_chars; ++i) masked += chars[i];
    masked += '*';
    const std::size_t given_chars = chars.size() - surname_chars;
    if (given_chars >= 2) masked += chars.back();
    return masked;
}

std::string mask_surname(std::string_view surname) {
    if (surname.find('*') != std::string_view::npos) return std::string(surname);
    const auto split = utf8_split(surname);
    if (!split) return "*";
    const std::size_t n = split->size();
    if (n == 0) return {};
    if (n == 1 || (n == 2 && has_compound_surname(surname))) return std::string(surname) + '*';
    return mask_name(surname);
}

std::string mask_phone(std::string_view phone) {
    const std::string digits = digits_of(phone);
    const std::size_t n = digits.size();
    if (n < 7) return std::string(n, '*');
    if (n < 11) return std::string(n - 4, '*') + digits.substr(n - 4);
    return digits.substr(0, 3) + std::string(n - 7, '*') + digits.substr(n - 4);
}

} // namespace lobby::protocol
