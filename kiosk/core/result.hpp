// Errors as values for failures a person can cause (bad config, bad input).
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace kiosk {

struct Error {
    std::string message;  // plain words, names the file / field / line where one exists
};

template <typename T>
class Result {
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Error error) : m_value(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_value); }
    explicit operator bool() const { return ok(); }
    const T& value() const { return std::get<T>(m_value); }
    T& value() { return std::get<T>(m_value); }
    const Error& error() const { return std::get<Error>(m_value); }

private:
    std::variant<T, Error> m_value;
};

} // namespace kiosk
