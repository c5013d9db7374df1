// A private PostgreSQL cluster for the benchmark: scripts/test-postgres
// starts it in a fresh directory (Unix socket only, no system service) and
// the destructor (or an interrupt, interrupt.hpp) stops it and removes the
// directory.
#pragma once

#include <string>

namespace lobby::bench {

class PrivatePostgres {
public:
    PrivatePostgres();  // throws std::runtime_error with the script's output
    ~PrivatePostgres();
    PrivatePostgres(const PrivatePostgres&) = delete;
    PrivatePostgres& operator=(const PrivatePostgres&) = delete;

    // Creates the empty database `name` and returns the URL an office-server's --db takes.
    std::string create_database(const std::string& name);

private:
    std::string m_dir;
    int m_interrupt_id = 0;
};

} // namespace lobby::bench
