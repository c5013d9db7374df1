// Mapping SQLite result codes to the store's error kinds.
#include "store/error.hpp"

#include <sqlite3.h>

namespace kiosk::store {

const char* to_string(StoreErrc code) noexcept
{
    switch (code) {
    case StoreErrc::disk_full: return "disk_full";
    case StoreErrc::busy: return "busy";
    case StoreErrc::read_only: return "read_only";
    case StoreErrc::corrupt: return "corrupt";
    case StoreErrc::io: return "io";
    case StoreErrc::not_found: return "not_found";
    case StoreErrc::bad_input: return "bad_input";
    case StoreErrc::too_new: return "too_new";
    case StoreErrc::internal: return "internal";
    }
    return "internal";
}

StoreErrc classify_sqlite(int rc) noexcept
{
    switch (rc & 0xff) {
    case SQLITE_FULL: return StoreErrc::disk_full;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return StoreErrc::busy;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN: return StoreErrc::read_only;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return StoreErrc::corrupt;
    case SQLITE_IOERR: return StoreErrc::io;
    default: return StoreErrc::internal;
    }
}

} // namespace kiosk::store
