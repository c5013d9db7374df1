// The TLS tests' certificates: make_test_pki.sh (the openssl CLI) run into a
// fresh temporary directory, removed afterwards. See the script for the files.
#pragma once

#include "support/office_server_process.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace lobby::test {

class TestPki {
public:
    TestPki() : m_dir(make_temp_dir("lobby-tls-pki")) {
        const std::string command = "bash '" LOBBY_TEST_PKI_SCRIPT "' '" + m_dir + "'";
        REQUIRE_MESSAGE(std::system(command.c_str()) == 0, "make_test_pki.sh failed: " << command);
    }
    ~TestPki() {
        std::error_code ignored;
        std::filesystem::remove_all(m_dir, ignored);
    }
    TestPki(const TestPki&) = delete;
    TestPki& operator=(const TestPki&) = delete;

    const std::string& dir() const { return m_dir; }
    std::string file(const std::string& name) const { return m_dir + "/" + name; }
    // A one-line file's content (server.pin, other.pin).
    std::string line(const std::string& name) const {
        std::string text;
        std::ifstream(file(name)) >> text;
        return text;
    }
    // An office server with this PKI's certificate for 127.0.0.1.
    OfficeServerOptions server_options(std::vector<std::string> extra_args = {}) const {
        OfficeServerOptions options;
        options.extra_args = std::move(extra_args);
        options.tls_cert = file("server.pem");
        options.tls_key = file("server.key");
        options.tls_ca = file("ca.pem");
        return options;
    }

private:
    std::string m_dir;
};

} // namespace lobby::test
