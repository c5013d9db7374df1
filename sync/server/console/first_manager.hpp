// office-server --create-manager NAME: the first manager account, made on
// the office machine. The password never appears in argv (ps, shell
// history): it is read from --password-file, or from stdin (without echo
// when stdin is a terminal). Further accounts are made by a manager in the console.
#pragma once

#include "config.hpp"

#include <string>

namespace lobby::server::console {

// Returns the process exit code; prints what happened (never the password).
// `estate`: the estate whose first manager this is (estates.hpp; they sign in
// as NAME@estate); `company`: the first company manager instead (home
// estate, acts in every estate).
int create_first_manager(const ServerConfig& config, const std::string& username, const std::string& display_name,
                         const std::string& password_file, const std::string& estate = "home", bool company = false);

} // namespace lobby::server::console
