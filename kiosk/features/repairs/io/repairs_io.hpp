// The repairs io as the shell's registry holds it.
#pragma once

#include "features/repairs/core/repairs_feature.hpp"
#include "household/io/store_lockout_book.hpp"
#include "net/feature_io.hpp"

#include <memory>

namespace kiosk::repairs {

// `book` is the one the repairs core counts wrong digits in; attach() gives it the store.
net::FeatureIo repairs_io(std::shared_ptr<household::StoreLockoutBook> book);
// The protocol's CSPRNG-backed follow-up code, status token and UUID.
TicketSecrets ticket_secrets();

} // namespace kiosk::repairs
