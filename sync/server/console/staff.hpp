// Who works in the staff console: an account's role decides which pages and
// actions it may use (roles.cpp has the one table of what each role may do).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lobby::server::console {

enum class Role : unsigned { front_desk = 1, maintenance = 2, manager = 4 };

// A set of roles, for "who may open this page".
using Roles = unsigned;
constexpr Roles operator|(Role a, Role b) { return static_cast<Roles>(a) | static_cast<Roles>(b); }
inline constexpr Roles everyone = 7;
inline constexpr Roles office = Role::front_desk | Role::manager;  // the front desk's work, and the manager's
inline constexpr Roles managers = static_cast<Roles>(Role::manager);
inline bool allowed(Roles roles, Role role) { return (roles & static_cast<Roles>(role)) != 0; }

const char* role_name(Role role);  // "front_desk", "maintenance", "manager" (as stored)
std::optional<Role> parse_role(std::string_view name);

struct Staff {
    std::string username;
    std::string display_name;
    Role role = Role::front_desk;
    // A company manager (a home-estate manager account with `company` set):
    // picks the estate the console acts in (/console/estates) and manages it.
    bool company = false;
    // A company manager limited to these estates (nullopt: every estate).
    std::optional<std::vector<std::string>> company_estates;
};

// Whether a company manager may read and act in `estate` (false for anyone else).
bool may_act_in(const Staff& staff, const std::string& estate);
// A company manager of every estate: creates estates and names company managers.
bool unlimited_company(const Staff& staff);
// Whether `by` may disable, enable or otherwise change `account`. A company
// manager's account sits in the home estate's staff table beside the home
// staff: only an unlimited company manager may change it, so no estate's
// manager can lock the company out.
bool may_change_account(const Staff& by, const Staff& account);

} // namespace lobby::server::console
