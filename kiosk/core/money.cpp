// format_fen: digits grouped by three, two decimals, sign before the ¥.
#include "core/money.hpp"

namespace kiosk {

std::string format_fen(std::int64_t fen)
{
    // Work on the unsigned magnitude so INT64_MIN does not overflow.
    const bool negative = fen < 0;
    const std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(fen) : static_cast<std::uint64_t>(fen);
    const std::string yuan = std::to_string(magnitude / 100);
    std::string grouped;
    for (std::size_t i = 0; i < yuan.size(); ++i) {
        if (i > 0 && (yuan.size() - i) % 3 == 0)
            grouped += ',';
        grouped += yuan[i];
    }
    const unsigned cents = static_cast<unsigned>(magnitude % 100);
    std::string out = negative ? "-¥" : "¥";
    out += grouped;
    out += '.';
    out += static_cast<char>('0' + cents / 10);
    out += static_cast<char>('0' + cents % 10);
    return out;
}

} // namespace kiosk
