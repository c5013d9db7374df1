// A repair report through the real repairs core, NetEffects, outbox and sync
// worker against the real office-server: kill -9 right after Submit said
// "saved" (repairs_submit_child), and the ticket still reaches the office
// exactly once (store_crash_child finishes the outbox). Also measures how
// long Submit holds the UI thread until "saved".
#include "store_test_util.hpp"
#include "support/office_server_process.hpp"
#include "sync_test_util.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <sys/wait.h>
#include <unistd.h>

using namespace kiosk;

namespace {

int tickets_with_ref(const std::string& office_db, const std::string& client_ref)
{
    return static_cast<int>(
        test::count_in(office_db, "SELECT count(*) FROM tickets WHERE client_ref = ?1 AND preset = 'pipe_leak'", client_ref));
}

int run_to_end(const char* program, const std::string& db, const std::string& url)
{
    const pid_t pid = fork();
    if (pid == 0) {
        execl(program, program, db.c_str(), url.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

} // namespace

TEST_CASE("kill -9 right after Submit said saved: the repair still reaches the office exactly once")
{
    test::TempDir dir;
    lobby::test::OfficeServerProcess office;
    long long longest_us = 0;
    for (int round = 0; round < 5; ++round) {
        const std::string db = dir.file("kiosk-" + std::to_string(round) + ".db");
        int out[2];
        REQUIRE(pipe(out) == 0);
        const pid_t pid = fork();
        if (pid == 0) {
            dup2(out[1], STDOUT_FILENO);
            close(out[0]);
            execl(REPAIRS_SUBMIT_CHILD, REPAIRS_SUBMIT_CHILD, db.c_str(), office.base_url().c_str(),
                  static_cast<char*>(nullptr));
            _exit(127);
        }
        close(out[1]);
        FILE* child = fdopen(out[0], "r");
        REQUIRE(child);
        char line[256] = {};
        const bool got = std::fgets(line, sizeof line, child) != nullptr;
        // The moment the screen would say "saved": the power goes.
        kill(pid, SIGKILL);
        int status = 0;
        waitpid(pid, &status, 0);
        std::fclose(child);
        REQUIRE(got);
        char ref[128] = {};
        long long took_us = 0;
        REQUIRE(std::sscanf(line, "saved %127s %lld", ref, &took_us) == 2);
        CHECK(WIFSIGNALED(status));
        longest_us = std::max(longest_us, took_us);
        // Whatever the kill interrupted, the next start finishes the outbox.
        CHECK(run_to_end(STORE_CRASH_CHILD, db, office.base_url()) == 0);
        CAPTURE(ref);
        CHECK(tickets_with_ref(office.db_path(), ref) == 1);
    }
    MESSAGE("longest UI-thread Submit until saved: ", longest_us, " us");
}
