// Errors as values for the local store: what went wrong, in kinds the UI can map to locale text.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace kiosk::store {

// The kinds a caller may act on; the UI maps each to a locale message
// (disk_full -> "storage full, please tell the property office").
enum class StoreErrc {
    disk_full,   // SQLITE_FULL: nothing was written, the database is intact
    busy,        // another connection held the lock longer than busy_timeout
    read_only,   // file or directory not writable
    corrupt,     // SQLITE_CORRUPT / SQLITE_NOTADB
    io,          // any other I/O failure from the OS
    not_found,   // the row asked for does not exist
    bad_input,   // caller passed something unusable (e.g. body is not a JSON object)
    too_new,     // the file was written by a newer kiosk version
    internal,    // anything else (programming error, misuse)
};

const char* to_string(StoreErrc code) noexcept;

struct StoreError {
    StoreErrc code = StoreErrc::internal;
    int sqlite_code = 0;     // extended result code, 0 when not from SQLite
    std::string message;     // technical detail for logs, never personal data
};

// Classifies a SQLite result code into the kinds above.
StoreErrc classify_sqlite(int rc) noexcept;

// Marker value for operations that return nothing on success.
struct Done {};

// A value or a StoreError. Small on purpose: C++17 has no std::expected.
template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {}
    Result(StoreError error) : m_v(std::in_place_index<1>, std::move(error)) {}

    bool ok() const noexcept { return m_v.index() == 0; }
    explicit operator bool() const noexcept { return ok(); }

    T& value() & { return std::get<0>(m_v); }
    const T& value() const& { return std::get<0>(m_v); }
    T&& value() && { return std::get<0>(std::move(m_v)); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T&& operator*() && { return std::move(*this).value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const StoreError& error() const { return std::get<1>(m_v); }

private:
    std::variant<T, StoreError> m_v;
};

using Status = Result<Done>;

} // namespace kiosk::store
