// Errors as values for the local store: the shared SQLite error kinds
// (sync/sqlite/error.hpp) under the store's names, which the UI maps to
// locale text (disk_full -> "storage full, please tell the property office").
#pragma once

#include "sqlite/error.hpp"

namespace kiosk::store {

using StoreErrc = lobby::sqlite::Errc;
using StoreError = lobby::sqlite::Error;
using lobby::sqlite::classify_sqlite;
using lobby::sqlite::Done;
using lobby::sqlite::to_string;

template <class T>
using Result = lobby::sqlite::Result<T>;
using Status = lobby::sqlite::Status;

} // namespace kiosk::store
