// The office every console test starts from: an in-process demo server
// with a manager (boss), a front desk (desk) and a maintenance worker
// (worker), signed-in clients, the audit log, and tickets as the kiosk files them.
#pragma once

#include "console_client.hpp"

#include "../server/api_client.hpp"
#include "../server/in_process_server.hpp"

#include "console/accounts.hpp"
#include "console/audit.hpp"
#include "db.hpp"

#include <string>
#include <tuple>
#include <vector>

namespace lobby::test {

constexpr const char* manager_password = "manager-secret-1";
constexpr const char* desk_password = "front-desk-secret";
constexpr const char* worker_password = "maintenance-secret";

// A demo server with a manager (boss), a front desk (desk) and a maintenance worker (worker).
struct Office {
    InProcessServer server;
    Office() {
        namespace console = lobby::server::console;
        using console::Role;
        lobby::server::Database db(server.db_path());
        lobby::server::Transaction tx(db);
        const auto now = server.clock().now();
        for (const auto& [user, name, role, password] :
             {std::tuple{"boss", "李经理", Role::manager, manager_password},
              std::tuple{"desk", "王前台", Role::front_desk, desk_password},
              std::tuple{"worker", "张师傅", Role::maintenance, worker_password}})
            REQUIRE(console::create_account(db, user, name, role, password, now) == console::CreateOutcome::created);
        tx.commit();
    }
    ConsoleClient signed_in(const std::string& user, const std::string& password) {
        ConsoleClient client(server.port());
        const Page r = client.login(user, password);
        REQUIRE(r.status == 303);
        REQUIRE(!client.cookie("lobby_console").empty());
        return client;
    }
    std::vector<lobby::server::console::AuditEntry> audit() {
        lobby::server::Database db(server.db_path());
        return lobby::server::console::read_audit(db, 0, 500);
    }
    bool audited(const std::string& who, const std::string& action, const std::string& target = "") {
        for (const auto& e : audit())
            if (e.username == who && e.action == action && (target.empty() || e.target == target)) return true;
        return false;
    }
    // A new ticket from lobby-1, as the kiosk files it.
    std::string file_ticket(const std::string& description = "卫生间地漏反水") {
        Api kiosk(server.port(), lobby1_token);
        const Reply r = kiosk.create("/v1/repairs", {{"unit_id", "3-2-1502"}, {"category", "plumbing"},
                                                     {"description", description}, {"location", "own_unit"},
                                                     {"follow_code", lobby::protocol::make_follow_code()}});
        REQUIRE(r.status == 201);
        return r.as<lobby::protocol::Ticket>().id;
    }
    std::string ticket_status(const std::string& id) {
        Api staff(server.port(), staff_token);
        return staff.get("/v1/repairs/" + id).as<lobby::protocol::Ticket>().status;
    }
};

} // namespace lobby::test
