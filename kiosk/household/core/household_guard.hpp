// The kiosk's own limits on wrong phone digits, for every service that
// verifies a household (fees, repairs, surveys), the same rules the office
// server applies, so guessing stays impractical while the server cannot be
// asked (offline checks) and one person's mistakes do not lock the next
// person out:
//  - per person's session and unit (SessionTries, in the person's
//    Verification, gone with it): free tries, then waits that double;
//  - per unit on this kiosk, across sessions and services (the LockoutBook,
//    which household/io keeps in the store so a restart does not clear it):
//    enough wrong tries within the window lock the unit.
// A restart ends every person's session and with it a running wait; the
// unit's count survives it, so restarting never resets the way to the lock.
// Times are UTC seconds, which mean the same thing after a reboot.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>

namespace kiosk::household {

// A persisted record per key: the unit's lock ("<unit>": locked_until) and
// its count ("tries:<unit>": failures, counted until locked_until_utc).
struct UnitLock {
    int failures = 0;
    std::int64_t locked_until_utc = 0;  // 0: not locked / no window
};

// Where the records persist. household/io implements it on the store; tests and a
// kiosk whose store failed use the memory one.
class LockoutBook {
public:
    virtual ~LockoutBook() = default;
    virtual UnitLock load(const std::string& key) = 0;
    virtual void save(const std::string& key, const UnitLock& lock) = 0;
    virtual void clear(const std::string& key) = 0;
};

class MemoryLockoutBook : public LockoutBook {
public:
    UnitLock load(const std::string& key) override
    {
        auto it = m_records.find(key);
        return it == m_records.end() ? UnitLock{} : it->second;
    }
    void save(const std::string& key, const UnitLock& lock) override { m_records[key] = lock; }
    void clear(const std::string& key) override { m_records.erase(key); }

private:
    std::map<std::string, UnitLock> m_records;
};

// One person's wrong tries for one unit.
struct SessionTries {
    int failures = 0;
    std::int64_t retry_at_utc = 0;  // 0: may try now
};

struct GuardRules {
    int free_tries = 3;
    std::int64_t delay_s = 30;       // the first wait; doubles with each wrong try
    int unit_failures = 10;          // wrong tries for a unit that lock it
    std::int64_t window_s = 3600;    // ... within this long of the first
    std::int64_t lock_s = 900;
};

// What a wrong try leaves the person with.
struct AfterWrongTry {
    int free_left = 0;                  // tries before waiting starts
    std::int64_t retry_at_utc = 0;      // the session waits until then (0: no wait)
    std::int64_t locked_until_utc = 0;  // the unit is locked on this kiosk (0: no)
};

class HouseholdGuard {
public:
    HouseholdGuard(GuardRules rules, std::shared_ptr<LockoutBook> book) : m_rules(rules), m_book(std::move(book)) {}

    // The end of the unit's lock on this kiosk, or 0 when it is not locked now.
    std::int64_t locked_until(const std::string& unit_id, std::int64_t now_utc) const;
    // Counts a wrong try for this session and for the unit.
    AfterWrongTry failure(SessionTries& session, const std::string& unit_id, std::int64_t now_utc);
    // The server locked the unit: keep it here too, for offline checks.
    void server_locked(const std::string& unit_id, std::int64_t until_utc);
    // The household is here: the unit's count and this session's tries start again.
    void success(SessionTries& session, const std::string& unit_id);

private:
    GuardRules m_rules;
    std::shared_ptr<LockoutBook> m_book;
};

} // namespace kiosk::household
