// The households' wrong-digit counts and locks in the store, so a restart does not clear a lock
// (a guesser could otherwise power-cycle the kiosk). Until the store is
// attached, or when it fails (disk full), counts stay in memory: guessing is
// limited either way.
#pragma once

#include "household/core/household_guard.hpp"

namespace kiosk::store {
class Store;
}

namespace kiosk::household {

class StoreLockoutBook : public LockoutBook {
public:
    void attach(store::Store& store) { m_store = &store; }

    UnitLock load(const std::string& unit_id) override;
    void save(const std::string& unit_id, const UnitLock& lock) override;
    void clear(const std::string& unit_id) override;

    // One scope for every service: a unit locked through fees is locked for
    // repairs and surveys too. The name predates them; kept so the locks a
    // kiosk holds survive the upgrade.
    static constexpr const char* scope = "fees_unit";

private:
    store::Store* m_store = nullptr;
    MemoryLockoutBook m_memory;  // what the store could not keep
};

} // namespace kiosk::household
