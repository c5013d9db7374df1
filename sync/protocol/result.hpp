// Result<T, E>: a value or an error, the one error-as-value type of both
// programs (C++17 has no std::expected). Each layer names its own error:
// protocol::Result<T> carries a DecodeError naming the field that was wrong,
// the kiosk store a StoreError, the kiosk core an Error with plain words.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace lobby {

template <class T, class E>
class [[nodiscard]] Result {
public:
    Result(T value) : m_value(std::in_place_index<0>, std::move(value)) {}
    Result(E error) : m_value(std::in_place_index<1>, std::move(error)) {}

    bool ok() const noexcept { return m_value.index() == 0; }
    explicit operator bool() const noexcept { return ok(); }

    T& value() & { return std::get<0>(m_value); }
    const T& value() const& { return std::get<0>(m_value); }
    T&& value() && { return std::get<0>(std::move(m_value)); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T&& operator*() && { return std::move(*this).value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const E& error() const { return std::get<1>(m_value); }

private:
    std::variant<T, E> m_value;
};

namespace protocol {

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
using Result = lobby::Result<T, DecodeError>;

} // namespace protocol
} // namespace lobby
