// Masking of people's names and phone numbers: the one rule both the office
// server (before data leaves it) and the kiosk (before data reaches its disk) use.
#pragma once

#include <string>
#include <string_view>

namespace lobby::protocol {

// Keeps the surname and stars the given name, except the given name's last
// character when it has two or more: 张三 -> 张*, 王小明 -> 王*明,
// 欧阳涛 -> 欧阳*, 欧阳振明 -> 欧阳*明, 阿卜杜热合曼 -> 阿*曼. The surname is
// a known compound surname (欧阳, 司马, 诸葛, ...) or else the first
// character. A one-character name becomes that character + "*". Text that
// already contains '*' is returned as is; empty stays empty; text that is
// not valid UTF-8 becomes "*".
std::string mask_name(std::string_view name);

// For a field that holds only the surname (a walk-in visitor gives no more):
// the surname as typed, then "*": 李 -> 李*, 欧阳 -> 欧阳* (mask_name would
// read 欧阳 as 欧 + a given name). Anything longer than a surname is masked
// as a name.
std::string mask_surname(std::string_view surname);

// Uses the digits only: 11 or more -> the first 3 and last 4 kept, the rest
// starred (13812345678 -> 138****5678); 7 to 10 -> the last 4 kept
// (86001234 -> ****1234); fewer than 7 -> every digit starred.
std::string mask_phone(std::string_view phone);

// True if `name` starts with one of the known two-character compound surnames.
bool has_compound_surname(std::string_view name);

} // namespace lobby::protocol
