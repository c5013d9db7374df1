// Result<T>: a decoded value or a DecodeError naming the field that was wrong.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace lobby::protocol {

// Why a decode failed. Syntax: the text is not JSON we accept (bad JSON,
// invalid UTF-8, nested too deep). Field: valid JSON with a missing,
// wrong-typed or out-of-range field; `field` holds its path ("answers[2].choice_ids").
struct DecodeError {
    enum class Kind { Syntax, Field };
    Kind kind = Kind::Field;
    std::string field;
    std::string message;  // a sentence a person can read, naming the field
};

// Errors are values here: decoders never throw past their boundary.
template <class T>
class Result {
public:
    Result(T value) : m_value(std::in_place_index<0>, std::move(value)) {}
    Result(DecodeError error) : m_value(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_value.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() { return std::get<0>(m_value); }
    const T& value() const { return std::get<0>(m_value); }
    const DecodeError& error() const { return std::get<1>(m_value); }

private:
    std::variant<T, DecodeError> m_value;
};

} // namespace lobby::protocol
