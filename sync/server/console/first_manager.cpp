// The first manager account, from the command line.
#include "console/first_manager.hpp"

#include "console/accounts.hpp"
#include "console/audit.hpp"
#include "console/passwords.hpp"
#include "estates.hpp"
#include "personal_data_at_rest.hpp"
#include "schema.hpp"

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>

namespace lobby::server::console {
namespace {

std::string first_line(std::istream& in) {
    std::string line;
    std::getline(in, line);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

std::string read_password(const std::string& password_file) {
    if (!password_file.empty() && password_file != "-") {
        std::ifstream in(password_file);
        if (!in) throw std::runtime_error("cannot read --password-file " + password_file);
        return first_line(in);
    }
    if (!isatty(STDIN_FILENO)) return first_line(std::cin);
    std::fprintf(stderr, "Password for the new manager (at least %zu characters): ", min_password_bytes);
    termios saved{};
    tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    const std::string password = first_line(std::cin);
    tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::fprintf(stderr, "\n");
    return password;
}

} // namespace

int create_first_manager(const ServerConfig& config, const std::string& username, const std::string& display_name,
                         const std::string& password_file, const std::string& estate, bool company) {
    try {
        const std::string password = read_password(password_file);
        if (const auto problem = password_problem(password)) {
            std::fprintf(stderr, "office-server: the password must have %zu to %zu characters\n", min_password_bytes,
                         max_password_bytes);
            return 2;
        }
        Estates estates(config, std::make_shared<const FieldCipher>(FieldCipher::from_key_file(config.data_key_path())));
        estates.migrate_all();
        Pool* pool = company ? &estates.home() : estates.find(estate);
        if (!pool) throw std::runtime_error("there is no estate " + estate + " (office-server --add-estate makes one)");
        auto lease = pool->acquire();
        Database& db = lease.db();
        check_data_key(db);
        Transaction tx(db);
        Statement managers(db, company ? "SELECT COUNT(*) FROM staff_accounts WHERE company = 1 AND disabled = 0"
                                       : "SELECT COUNT(*) FROM staff_accounts WHERE role = 'manager' AND disabled = 0");
        managers.step();
        if (managers.int64(0) > 0) {
            std::fprintf(stderr, "office-server: a manager account exists already; managers add accounts on the "
                                 "console's staff page\n");
            return 1;
        }
        const auto now = config.now();
        switch (create_account(db, username, display_name.empty() ? username : display_name, Role::manager, password, now)) {
        case CreateOutcome::created: break;
        case CreateOutcome::exists:
            std::fprintf(stderr, "office-server: an account %s exists already\n", username.c_str());
            return 1;
        case CreateOutcome::bad_username:
            std::fprintf(stderr, "office-server: a username has 3-32 of a-z, 0-9, '.', '_', '-'\n");
            return 2;
        default:
            std::fprintf(stderr, "office-server: the display name must have 1-40 characters\n");
            return 2;
        }
        if (company) {
            Statement mark(db, "UPDATE staff_accounts SET company = 1 WHERE username = ?");
            mark.bind(1, username);
            mark.run();
        }
        record_audit(db, AuditEntry{0, now, username, "staff.create", username,
                                    company ? "company manager (command line)" : "manager (command line)", "local"});
        tx.commit();
        const std::string sign_in = db.estate() == home_estate ? username : username + "@" + db.estate();
        std::cout << (company ? "company manager " : "manager ") << username << " created; sign in at /console/login as "
                  << sign_in << std::endl;
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "office-server: cannot create the manager: %s\n", e.what());
        return 1;
    }
}

} // namespace lobby::server::console
