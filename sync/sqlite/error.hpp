// Errors as values for SQLite, in kinds a caller can act on (the kiosk maps
// them to locale text, the office server to a 500): one style for both programs.
#pragma once

#include "protocol/result.hpp"

#include <string>

namespace lobby::sqlite {

// The kinds a caller may act on; the UI maps each to a locale message
// (disk_full -> "storage full, please tell the property office").
enum class Errc {
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

const char* to_string(Errc code) noexcept;

struct Error {
    Errc code = Errc::internal;
    int sqlite_code = 0;     // extended result code, 0 when not from SQLite
    std::string message;     // technical detail for logs, never personal data
};

// Classifies a SQLite result code into the kinds above.
Errc classify_sqlite(int rc) noexcept;

// Marker value for operations that return nothing on success.
struct Done {};

// A value or an Error (the one Result type of lobby_protocol).
template <class T>
using Result = lobby::Result<T, Error>;

using Status = Result<Done>;

} // namespace lobby::sqlite
