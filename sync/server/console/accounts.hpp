// Staff accounts: creating them (the first manager from the command line,
// the rest by a manager in the console), signing in with the limits on
// wrong passwords, listing and disabling them.
#pragma once

#include "console/staff.hpp"
#include "db.hpp"

#include "protocol/time.hpp"

#include <optional>
#include <string>
#include <vector>

namespace lobby::server::console {

// Wrong passwords (guess_guard with these windows): an account locks after
// 5 within 15 minutes, an address after 20, each for 15 minutes.
inline constexpr std::int64_t login_window_s = 15 * 60;
inline constexpr std::int64_t account_miss_limit = 5;
inline constexpr std::int64_t address_miss_limit = 20;
inline constexpr std::int64_t login_lock_s = 15 * 60;

// 3-32 of a-z, 0-9, '.', '_', '-' (lower case: one spelling per person).
bool valid_username(const std::string& username);

enum class CreateOutcome { created, exists, bad_username, bad_name, weak_password };
CreateOutcome create_account(Database& db, const std::string& username, const std::string& display_name, Role role,
                             const std::string& password, protocol::UtcSeconds now);

// An enabled account.
std::optional<Staff> find_account(Database& db, const std::string& username);
// An account, enabled or disabled.
std::optional<Staff> find_any_account(Database& db, const std::string& username);

// Signing in, in three steps so the slow password check (Argon2id, tens of
// milliseconds) never holds the server's write lock:
// 1. until when the account or the address is locked (checked before any password);
std::optional<protocol::UtcSeconds> login_locked_until(Database& db, const std::string& username,
                                                       const std::string& address, protocol::UtcSeconds now);
// 2. the enabled account whose password this is; an unknown or disabled
//    account costs the same time as a wrong password (names cannot be probed);
std::optional<Staff> verify_login(Database& db, const std::string& username, const std::string& password);
// 3. after a miss (in a write transaction): counts it for the account and the address.
void count_login_miss(Database& db, const std::string& username, const std::string& address, protocol::UtcSeconds now);

struct AccountRow {
    Staff staff;
    bool disabled = false;
    protocol::UtcSeconds created_at = 0;
};
std::vector<AccountRow> list_accounts(Database& db);
// False if there is no such account. Disabling also ends its sessions.
bool set_disabled(Database& db, const std::string& username, bool disabled);
// Makes a home manager account a company manager limited to `estates`, or
// (nullopt) a plain manager again. False if there is no such manager.
bool set_company_estates(Database& db, const std::string& username, const std::optional<std::vector<std::string>>& estates);

} // namespace lobby::server::console
