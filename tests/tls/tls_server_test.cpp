// The office server's own HTTPS (--tls-cert/--tls-key): a real office-server
// process on loopback with certificates from make_test_pki.sh, real TLS
// clients (httplib, and tests/security's raw probes through TLS). The
// guarded connection loop must hold over TLS as it does over plain HTTP:
// slow clients are cut off, pipelined requests answered in order, one
// address kept to its share of connections.
#include "pipelining.hpp"
#include "security/tls_connection.hpp"
#include "support/office_server_process.hpp"
#include "support/time_scale.hpp"
#include "test_pki.hpp"

#include <doctest/doctest.h>
#include <httplib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <vector>

using namespace lobby::test;
using namespace std::chrono_literals;

namespace {

std::chrono::milliseconds ms_since(SteadyClock::time_point start) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now() - start);
}

httplib::Client https_client(const OfficeServerProcess& server, const TestPki& pki) {
    httplib::Client client(server.base_url());
    client.set_ca_cert_path(pki.file("ca.pem").c_str());
    client.enable_server_certificate_verification(true);
    client.set_connection_timeout(scaled(5s));
    client.set_read_timeout(scaled(5s));
    return client;
}

// What office-server said when it refused to start with these options ("" if it started).
std::string start_failure(OfficeServerOptions options) {
    try {
        OfficeServerProcess server(std::move(options));
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST_CASE("office-server serves HTTPS with --tls-cert/--tls-key; plain HTTP to that port gets nothing") {
    TestPki pki;
    OfficeServerProcess server(pki.server_options());  // its readiness check verified the certificate
    CHECK(server.base_url().rfind("https://127.0.0.1:", 0) == 0);
    auto client = https_client(server, pki);
    auto health = client.Get("/v1/health");
    REQUIRE(health);
    CHECK(health->status == 200);
    CHECK(health->body.find("\"ok\"") != std::string::npos);
    auto changes = client.Get("/v1/changes?since=0&limit=1", {{"Authorization", "Bearer demo-lobby-1-token"}});
    REQUIRE(changes);
    CHECK(changes->status == 200);
    auto anonymous = client.Get("/v1/changes?since=0&limit=1");
    REQUIRE(anonymous);
    CHECK(anonymous->status == 401);

    // A plain-HTTP request to the HTTPS port is a failed handshake: never answered as HTTP.
    RawConnection plain(server.port());
    REQUIRE(plain.ok());
    REQUIRE(plain.send_all("GET /v1/health HTTP/1.1\r\nHost: lobby\r\n\r\n"));
    const auto deadline = SteadyClock::now() + scaled(5s);
    while (plain.read_some(deadline) == RawConnection::Read::data) {}
    CHECK(plain.closed_by_server());
    CHECK(plain.received().find("HTTP/1.1 200") == std::string::npos);

    // The figure: a fresh connection's TCP connect + TLS handshake (EC P-256, TLS 1.3), median of 15.
    std::vector<long long> handshake_us;
    for (int i = 0; i < 15; ++i) {
        const auto start = SteadyClock::now();
        TlsConnection c(server.port(), pki.file("ca.pem"), SteadyClock::now() + scaled(5s));
        REQUIRE_MESSAGE(c.ok(), c.handshake_error());
        handshake_us.push_back(std::chrono::duration_cast<std::chrono::microseconds>(SteadyClock::now() - start).count());
    }
    std::sort(handshake_us.begin(), handshake_us.end());
    MESSAGE("office-server TLS connect+handshake: median " << handshake_us[7] / 1000.0 << " ms, max "
                                                          << handshake_us.back() / 1000.0 << " ms (15 connections)");
    CHECK(handshake_us[7] < scaled(500ms).count() * 1000);
}

TEST_CASE("tls-cert and tls-key in the server's config file turn HTTPS on, as the packaged toml documents") {
    TestPki pki;
    const std::string config = pki.file("office-server.toml");
    std::ofstream(config) << "tls-cert = \"" << pki.file("server.pem") << "\"\ntls-key = \"" << pki.file("server.key") << "\"\n";
    OfficeServerOptions options;
    options.extra_args = {"--config", config};
    options.tls_ca = pki.file("ca.pem");  // the readiness check must verify it over HTTPS
    OfficeServerProcess server(options);
    auto client = https_client(server, pki);
    auto health = client.Get("/v1/health");
    REQUIRE(health);
    CHECK(health->status == 200);
    // The packaged config shows these keys (commented out) to whoever edits it.
    std::ifstream packaged(LOBBY_SOURCE_DIR "/packaging/office/office-server.toml");
    const std::string text((std::istreambuf_iterator<char>(packaged)), std::istreambuf_iterator<char>());
    CHECK(text.find("# tls-cert = ") != std::string::npos);
    CHECK(text.find("# tls-key = ") != std::string::npos);
}

TEST_CASE("office-server names a missing, unreadable, wrong or mismatched certificate or key and does not start") {
    TestPki pki;
    const std::string db = pki.file("never-made.db");
    auto with = [&](std::string cert, std::string key) {
        OfficeServerOptions options = pki.server_options();
        options.db_path = db;
        options.tls_cert = std::move(cert);
        options.tls_key = std::move(key);
        return options;
    };

    const std::string missing = pki.file("no-such-cert.pem");
    std::string said = start_failure(with(missing, pki.file("server.key")));
    CHECK(said.find("--tls-cert " + missing + ": No such file or directory") != std::string::npos);

    const std::string not_pem = pki.file("not-a-cert.pem");
    std::ofstream(not_pem) << "this is not a certificate\n";
    said = start_failure(with(not_pem, pki.file("server.key")));
    CHECK(said.find("--tls-cert " + not_pem + " is not a PEM certificate") != std::string::npos);

    said = start_failure(with(pki.file("server.pem"), pki.file("other.key")));
    CHECK(said.find("--tls-key " + pki.file("other.key") + " does not belong to the certificate in --tls-cert " +
                    pki.file("server.pem")) != std::string::npos);

    said = start_failure(with(pki.file("server.pem"), pki.file("server.pem")));
    CHECK(said.find("--tls-key " + pki.file("server.pem") + " is not a PEM private key") != std::string::npos);

    if (::geteuid() != 0) {  // root reads any file: nothing to refuse
        const std::string locked = pki.file("locked.key");
        std::filesystem::copy_file(pki.file("server.key"), locked);
        ::chmod(locked.c_str(), 0);
        said = start_failure(with(pki.file("server.pem"), locked));
        CHECK(said.find("--tls-key " + locked + ": Permission denied") != std::string::npos);
    } else {
        MESSAGE("running as root: the unreadable-key case cannot happen here");
    }

    OfficeServerOptions half = pki.server_options();
    half.db_path = db;
    half.tls_cert.clear();
    half.extra_args = {"--tls-cert", pki.file("server.pem")};
    said = start_failure(half);
    CHECK(said.find("--tls-key") != std::string::npos);

    // The certificate is checked before the database is opened or created.
    CHECK_FALSE(std::filesystem::exists(db));
}

TEST_CASE("over TLS, a stalled handshake and a request trickled in are cut off at --request-read-seconds") {
    TestPki pki;
    const auto read_limit = scaled(1s);  // the server's --request-read-seconds
    OfficeServerProcess server(pki.server_options({"--request-read-seconds", std::to_string(read_limit.count() / 1000.0)}));

    // The first bytes of a ClientHello, then nothing: closed without a word.
    RawConnection stalled(server.port(), "127.0.0.2");
    REQUIRE(stalled.ok());
    REQUIRE(stalled.send_all(std::string("\x16\x03\x01\x00", 4)));
    const auto stalled_at = SteadyClock::now();

    // A request line and one header through TLS, then nothing: 408.
    TlsConnection slow(server.port(), pki.file("ca.pem"), SteadyClock::now() + scaled(5s), "127.0.0.3");
    REQUIRE_MESSAGE(slow.ok(), slow.handshake_error());
    REQUIRE(slow.send_all("GET /v1/health HTTP/1.1\r\nHost: lobby\r\n"));
    const auto slow_at = SteadyClock::now();
    REQUIRE(slow.send_all("X-Slow-0: 1\r\n"));

    // Meanwhile a well-behaved client is answered at once.
    auto client = https_client(server, pki);
    const auto asked = SteadyClock::now();
    auto health = client.Get("/v1/health");
    REQUIRE(health);
    CHECK(health->status == 200);
    const auto answered_in = ms_since(asked);

    const auto limit = SteadyClock::now() + read_limit + scaled(3s);
    while (stalled.read_some(limit) == RawConnection::Read::data) {}
    const auto stalled_for = ms_since(stalled_at);
    const auto responses = read_responses(slow, 1, limit);
    const auto slow_for = ms_since(slow_at);
    MESSAGE("well-behaved request " << answered_in.count() << " ms; stalled handshake closed after "
                                    << stalled_for.count() << " ms, trickled request answered after "
                                    << slow_for.count() << " ms");
    CHECK(stalled.closed_by_server());
    CHECK(stalled.received().empty());
    CHECK(stalled_for >= read_limit - 100ms);
    CHECK(stalled_for < read_limit + scaled(2s));
    REQUIRE(responses.size() == 1);
    CHECK(responses[0].status == 408);
    CHECK(responses[0].body.find("request_timeout") != std::string::npos);
    CHECK(slow_for >= read_limit - 100ms);
    CHECK(slow_for < read_limit + scaled(2s));
    CHECK(answered_in < scaled(1s));
}

TEST_CASE("over TLS, 31 pipelined requests on one connection are all answered, in order") {
    TestPki pki;
    OfficeServerProcess server(pki.server_options());
    TlsConnection c(server.port(), pki.file("ca.pem"), SteadyClock::now() + scaled(5s));
    REQUIRE_MESSAGE(c.ok(), c.handshake_error());
    check_pipelined_in_order(c, 31);  // one write: several requests in each TLS record
}

TEST_CASE("over TLS, an address over --max-connections-per-client is closed before a handshake; others are served") {
    TestPki pki;
    OfficeServerProcess server(pki.server_options({"--max-connections-per-client", "2"}));
    const auto deadline = SteadyClock::now() + scaled(5s);
    TlsConnection first(server.port(), pki.file("ca.pem"), deadline, "127.0.0.2");
    TlsConnection second(server.port(), pki.file("ca.pem"), deadline, "127.0.0.2");
    REQUIRE(first.ok());
    REQUIRE(second.ok());
    TlsConnection third(server.port(), pki.file("ca.pem"), deadline, "127.0.0.2");
    CHECK_FALSE(third.ok());
    TlsConnection other(server.port(), pki.file("ca.pem"), deadline, "127.0.0.1");
    REQUIRE_MESSAGE(other.ok(), other.handshake_error());
    REQUIRE(other.send_all("GET /v1/health HTTP/1.1\r\nHost: lobby\r\n\r\n"));
    const auto responses = read_responses(other, 1, SteadyClock::now() + scaled(5s));
    REQUIRE(responses.size() == 1);
    CHECK(responses[0].status == 200);
    // The held connections still work: the limit refused, it did not break them.
    REQUIRE(first.send_all("GET /v1/health HTTP/1.1\r\nHost: lobby\r\n\r\n"));
    CHECK(read_responses(first, 1, SteadyClock::now() + scaled(5s)).size() == 1);
}
