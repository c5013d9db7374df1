// Errors as values for failures a person can cause (bad config, bad input).
#pragma once

#include "protocol/result.hpp"

#include <string>

namespace kiosk {

struct Error {
    std::string message;  // plain words, names the file / field / line where one exists
};

template <typename T>
using Result = lobby::Result<T, Error>;

} // namespace kiosk
