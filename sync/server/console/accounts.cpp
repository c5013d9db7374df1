// Staff accounts and signing in.
#include "console/accounts.hpp"

#include "estates.hpp"

#include "console/passwords.hpp"
#include "guess_guard.hpp"

#include "protocol/text.hpp"

#include <algorithm>

namespace lobby::server::console {
namespace {

std::vector<std::string> split_estates(const std::string& list) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= list.size()) {
        const std::size_t comma = std::min(list.find(',', start), list.size());
        if (comma > start) out.push_back(list.substr(start, comma - start));
        start = comma + 1;
    }
    return out;
}

const GuessGuard login_guard("staff_login_guard", login_window_s);

// Verifying against this costs an unknown username the same time as a known one.
const std::string& decoy_hash() {
    static const std::string hash = hash_password("not-a-password-of-anyone");
    return hash;
}

// `company_column`: where the row's company flag is (-1: not selected). It
// counts only in the home database, the company directory's.
Staff staff_of(const Statement& st, const Database& db, int company_column = -1) {
    Staff s;
    s.username = st.text(0);
    s.display_name = st.text(1);
    s.role = parse_role(st.text(2)).value_or(Role::maintenance);  // CHECK constraint keeps it valid
    s.company = company_column >= 0 && db.estate() == home_estate && s.role == Role::manager &&
                st.int64(company_column) != 0;
    if (s.company && !st.is_null(company_column + 1)) s.company_estates = split_estates(st.text(company_column + 1));
    return s;
}

} // namespace

const char* role_name(Role role) {
    switch (role) {
    case Role::front_desk: return "front_desk";
    case Role::maintenance: return "maintenance";
    case Role::manager: return "manager";
    }
    return "maintenance";
}

std::optional<Role> parse_role(std::string_view name) {
    for (Role r : {Role::front_desk, Role::maintenance, Role::manager})
        if (name == role_name(r)) return r;
    return std::nullopt;
}

bool valid_username(const std::string& username) {
    if (username.size() < 3 || username.size() > 32) return false;
    return username.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789._-") == std::string::npos;
}

CreateOutcome create_account(Database& db, const std::string& username, const std::string& display_name, Role role,
                             const std::string& password, protocol::UtcSeconds now) {
    if (!valid_username(username)) return CreateOutcome::bad_username;
    const auto name_chars = protocol::utf8_length(display_name);  // nullopt: not UTF-8
    if (!name_chars || *name_chars < 1 || *name_chars > 40) return CreateOutcome::bad_name;
    if (password_problem(password)) return CreateOutcome::weak_password;
    Statement exists(db, "SELECT 1 FROM staff_accounts WHERE username = ?");
    exists.bind(1, username);
    if (exists.step()) return CreateOutcome::exists;
    Statement st(db, "INSERT INTO staff_accounts (username, display_name, role, password_hash, created_at) "
                     "VALUES (?, ?, ?, ?, ?)");
    st.bind(1, username).bind(2, display_name).bind(3, role_name(role)).bind(4, hash_password(password)).bind(5, now);
    st.run();
    return CreateOutcome::created;
}

namespace {

std::optional<Staff> find_staff(Database& db, const std::string& username, bool enabled_only) {
    Statement st(db, enabled_only ? "SELECT username, display_name, role, company, company_estates FROM staff_accounts "
                                    "WHERE username = ? AND disabled = 0"
                                  : "SELECT username, display_name, role, company, company_estates FROM staff_accounts "
                                    "WHERE username = ?");
    st.bind(1, username);
    if (!st.step()) return std::nullopt;
    return staff_of(st, db, 3);
}

} // namespace

std::optional<Staff> find_account(Database& db, const std::string& username) { return find_staff(db, username, true); }

std::optional<Staff> find_any_account(Database& db, const std::string& username) { return find_staff(db, username, false); }

namespace {

std::string account_scope(const std::string& username) { return "account:" + username.substr(0, 64); }
std::string address_scope(const std::string& address) { return "address:" + address; }

} // namespace

std::optional<protocol::UtcSeconds> login_locked_until(Database& db, const std::string& username,
                                                       const std::string& address, protocol::UtcSeconds now) {
    for (const std::string& scope : {account_scope(username), address_scope(address)})
        if (const auto until = login_guard.locked_until(db, scope, now)) return until;
    return std::nullopt;
}

std::optional<Staff> verify_login(Database& db, const std::string& username, const std::string& password) {
    Statement st(db, "SELECT username, display_name, role, password_hash, company, company_estates FROM staff_accounts "
                     "WHERE username = ? AND disabled = 0");
    st.bind(1, username);
    const bool known = st.step();
    const bool match = verify_password(known ? st.text(3) : decoy_hash(), password) && known;
    if (!match) return std::nullopt;
    return staff_of(st, db, 4);
}

void count_login_miss(Database& db, const std::string& username, const std::string& address, protocol::UtcSeconds now) {
    login_guard.count_miss(db, account_scope(username), account_miss_limit, login_lock_s, now);
    login_guard.count_miss(db, address_scope(address), address_miss_limit, login_lock_s, now);
}

std::vector<AccountRow> list_accounts(Database& db) {
    Statement st(db, "SELECT username, display_name, role, disabled, created_at, company, company_estates "
                     "FROM staff_accounts ORDER BY username");
    std::vector<AccountRow> rows;
    while (st.step()) rows.push_back(AccountRow{staff_of(st, db, 5), st.int64(3) != 0, st.int64(4)});
    return rows;
}

bool may_act_in(const Staff& staff, const std::string& estate) {
    if (!staff.company) return false;
    if (!staff.company_estates) return true;
    const auto& list = *staff.company_estates;
    return std::find(list.begin(), list.end(), estate) != list.end();
}

bool unlimited_company(const Staff& staff) { return staff.company && !staff.company_estates; }

bool may_change_account(const Staff& by, const Staff& account) { return !account.company || unlimited_company(by); }

bool set_company_estates(Database& db, const std::string& username, const std::optional<std::vector<std::string>>& estates) {
    std::string joined;
    if (estates)
        for (const std::string& e : *estates) joined += (joined.empty() ? "" : ",") + e;
    Statement st(db, "UPDATE staff_accounts SET company = ?, company_estates = ? WHERE username = ? AND role = 'manager'");
    st.bind(1, estates ? 1 : 0).bind(2, estates ? std::optional<std::string>(joined) : std::nullopt).bind(3, username);
    st.run();
    return db.changes() > 0;
}

bool set_disabled(Database& db, const std::string& username, bool disabled) {
    Statement st(db, "UPDATE staff_accounts SET disabled = ? WHERE username = ?");
    st.bind(1, disabled ? 1 : 0).bind(2, username);
    st.run();
    if (db.changes() == 0) return false;
    if (disabled) {
        Statement end(db, "DELETE FROM staff_sessions WHERE username = ?");
        end.bind(1, username);
        end.run();
    }
    return true;
}

} // namespace lobby::server::console
