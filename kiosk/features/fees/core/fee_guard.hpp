// The kiosk's own count of wrong phone digits per unit, so guessing stays
// impractical even while the server cannot be asked (offline checks), and a
// restart does not clear a lock: counts and locks live in a LockoutBook
// (the fees io keeps them in the store). Times are UTC seconds, which mean
// the same thing after a reboot.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>

namespace kiosk::fees {

struct UnitLock {
    int failures = 0;
    std::int64_t locked_until_utc = 0;  // 0: not locked
};

// Where the counts persist. The io implements it on the store; tests and a
// kiosk whose store failed use the memory one.
class LockoutBook {
public:
    virtual ~LockoutBook() = default;
    virtual UnitLock load(const std::string& unit_id) = 0;
    virtual void save(const std::string& unit_id, const UnitLock& lock) = 0;
    virtual void clear(const std::string& unit_id) = 0;
};

class MemoryLockoutBook : public LockoutBook {
public:
    UnitLock load(const std::string& unit_id) override
    {
        auto it = m_units.find(unit_id);
        return it == m_units.end() ? UnitLock{} : it->second;
    }
    void save(const std::string& unit_id, const UnitLock& lock) override { m_units[unit_id] = lock; }
    void clear(const std::string& unit_id) override { m_units.erase(unit_id); }

private:
    std::map<std::string, UnitLock> m_units;
};

class FeeGuard {
public:
    FeeGuard(int max_failures, std::int64_t lockout_s, std::shared_ptr<LockoutBook> book)
        : m_max_failures(max_failures), m_lockout_s(lockout_s), m_book(std::move(book))
    {
    }

    // The end of the unit's lock (UTC seconds), or 0 when it is not locked now.
    std::int64_t locked_until(const std::string& unit_id, std::int64_t now_utc) const;
    // Counts a wrong attempt; returns attempts left (0: now locked).
    int failure(const std::string& unit_id, std::int64_t now_utc);
    void success(const std::string& unit_id);

private:
    int m_max_failures;
    std::int64_t m_lockout_s;
    std::shared_ptr<LockoutBook> m_book;
};

} // namespace kiosk::fees
