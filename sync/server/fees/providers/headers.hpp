// HTTP header names are case-insensitive: providers look them up lower-cased,
// in what our notify endpoint receives and in what the provider answers.
#pragma once

#include <httplib.h>

#include <cctype>
#include <map>
#include <string>

namespace lobby::server::fees {

inline std::map<std::string, std::string> lower_case_headers(const httplib::Headers& headers) {
    std::map<std::string, std::string> out;
    for (const auto& [name, value] : headers) {
        std::string key = name;
        for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        out.emplace(key, value);
    }
    return out;
}

} // namespace lobby::server::fees
