// Mapping SQLite result codes to the store's error kinds.
#include "sqlite/error.hpp"

#include <sqlite3.h>

namespace lobby::sqlite {

const char* to_string(Errc code) noexcept
{
    switch (code) {
    case Errc::disk_full: return "disk_full";
    case Errc::busy: return "busy";
    case Errc::read_only: return "read_only";
    case Errc::corrupt: return "corrupt";
    case Errc::io: return "io";
    case Errc::not_found: return "not_found";
    case Errc::bad_input: return "bad_input";
    case Errc::too_new: return "too_new";
    case Errc::internal: return "internal";
    }
    return "internal";
}

Errc classify_sqlite(int rc) noexcept
{
    switch (rc & 0xff) {
    case SQLITE_FULL: return Errc::disk_full;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return Errc::busy;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN: return Errc::read_only;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return Errc::corrupt;
    case SQLITE_IOERR: return Errc::io;
    default: return Errc::internal;
    }
}

} // namespace lobby::sqlite
