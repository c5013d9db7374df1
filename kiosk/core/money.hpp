// Money text: integer fen shown as ¥1,234.50, never through floating point.
#pragma once

#include <cstdint>
#include <string>

namespace kiosk {

// 123450 -> "¥1,234.50"; -5 -> "-¥0.05"; 0 -> "¥0.00".
std::string format_fen(std::int64_t fen);

} // namespace kiosk
