// The fees io as the shell's registry holds it.
#pragma once

#include "household/io/store_lockout_book.hpp"
#include "net/feature_io.hpp"

#include <memory>

namespace kiosk::fees {

using household::StoreLockoutBook;  // the shared book, in the store

// `book` is the one the fees core counts wrong digits in; attach() gives
// it the store.
net::FeatureIo fees_io(std::shared_ptr<StoreLockoutBook> book);

} // namespace kiosk::fees
