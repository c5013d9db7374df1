// Car plate shapes (GA 36 and the new-energy plates).
#include "protocol/plate.hpp"

#include <cstring>

namespace lobby::protocol {
namespace {

bool plate_letter(char c) { return c >= 'A' && c <= 'Z' && c != 'I' && c != 'O'; }
bool plate_digit(char c) { return c >= '0' && c <= '9'; }
bool plate_alnum(char c) { return plate_letter(c) || plate_digit(c); }

const char* const k_provinces[] = {"京", "津", "沪", "渝", "冀", "豫", "云", "辽", "黑", "湘", "皖",
                                   "鲁", "新", "苏", "浙", "赣", "鄂", "桂", "甘", "晋", "蒙", "陕",
                                   "吉", "闽", "贵", "粤", "青", "藏", "川", "宁", "琼"};

// After the province and the city letter: 5 (ordinary) or 6 (new energy).
bool valid_tail(std::string_view tail)
{
    if (tail.size() == 5) {  // 粤B12345, 粤BA1234
        for (char c : tail)
            if (!plate_alnum(c))
                return false;
        return true;
    }
    if (tail.size() != 6)
        return false;
    // New energy: small cars 粤BD12345 / 粤BFA1234 (D or F, one letter or digit,
    // four digits), large ones 粤B12345D.
    if (tail[0] == 'D' || tail[0] == 'F') {
        if (!plate_alnum(tail[1]))
            return false;
        for (std::size_t i = 2; i < 6; ++i)
            if (!plate_digit(tail[i]))
                return false;
        return true;
    }
    for (std::size_t i = 0; i < 5; ++i)
        if (!plate_digit(tail[i]))
            return false;
    return tail[5] == 'D' || tail[5] == 'F';
}

} // namespace

const char* const* car_plate_provinces(std::size_t& count)
{
    count = sizeof k_provinces / sizeof k_provinces[0];
    return k_provinces;
}

bool valid_car_plate(std::string_view plate)
{
    for (const char* p : k_provinces) {
        const std::size_t n = std::strlen(p);
        if (plate.substr(0, n) != p)
            continue;
        const std::string_view rest = plate.substr(n);
        return !rest.empty() && plate_letter(rest[0]) && valid_tail(rest.substr(1));
    }
    return false;
}

} // namespace lobby::protocol
