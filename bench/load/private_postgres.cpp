#include "private_postgres.hpp"

#include "interrupt.hpp"

#include "support/office_server_process.hpp"

#include <libpq-fe.h>

#include <cstdlib>
#include <memory>
#include <stdexcept>

namespace lobby::bench {
namespace {

int run_script(const std::string& action, const std::string& dir) {
    const std::string command = std::string(LOBBY_TEST_POSTGRES_SCRIPT) + " " + action + " '" + dir + "' >/dev/null";
    return std::system(command.c_str());
}

} // namespace

PrivatePostgres::PrivatePostgres() : m_dir(test::make_temp_dir("lobby-load-pg")) {
    m_interrupt_id = on_interrupt([dir = m_dir] { run_script("stop", dir); });
    if (run_script("start", m_dir) != 0) {
        run_script("stop", m_dir);
        forget_interrupt(m_interrupt_id);
        throw std::runtime_error("scripts/test-postgres start " + m_dir + " failed");
    }
}

PrivatePostgres::~PrivatePostgres() {
    forget_interrupt(m_interrupt_id);
    run_script("stop", m_dir);
}

std::string PrivatePostgres::create_database(const std::string& name) {
    const std::string admin = "postgresql://lobby@/postgres?host=" + m_dir;
    std::unique_ptr<PGconn, decltype(&PQfinish)> conn(PQconnectdb(admin.c_str()), &PQfinish);
    if (PQstatus(conn.get()) != CONNECTION_OK)
        throw std::runtime_error("cannot reach the private PostgreSQL: " + std::string(PQerrorMessage(conn.get())));
    std::unique_ptr<PGresult, decltype(&PQclear)> result(
        PQexec(conn.get(), ("CREATE DATABASE \"" + name + "\"").c_str()), &PQclear);
    if (PQresultStatus(result.get()) != PGRES_COMMAND_OK)
        throw std::runtime_error("CREATE DATABASE " + name + ": " + PQerrorMessage(conn.get()));
    return "postgresql://lobby@/" + name + "?host=" + m_dir;
}

} // namespace lobby::bench
