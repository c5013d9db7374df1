// The shipped nginx site (packaging/nginx/lobby-office.conf) in front of a real
// office-server started from the shipped office-server.toml: a private nginx
// runs a temporary copy of THE shipped file, with only its listen ports, the
// upstream port, the certificate paths and (scaled down, so the test is
// short) its three slow-client timeouts rewritten. Every rewrite must find
// its directive, so the test fails if the shipped file loses one. Probed with
// tests/security's raw HTTP through TLS and the kiosk's own sync engine.
#include "net/api_client.hpp"
#include "net/sync_worker.hpp"
#include "nginx_process.hpp"
#include "pipelining.hpp"
#include "security/tls_connection.hpp"
#include "store/store_test_util.hpp"
#include "store/sync_test_util.hpp"
#include "support/office_server_process.hpp"
#include "test_pki.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <regex>
#include <sstream>
#include <thread>

using namespace lobby::test;
using namespace std::chrono_literals;

namespace {

std::string read_text(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// Replaces the one line `from` (whole line, trimmed) with `to` ("" drops it).
void replace_line(std::string& site, const std::string& from, const std::string& to) {
    const std::regex line("\n[ \t]*" + std::regex_replace(from, std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)") +
                          "[ \t]*(?=\n)");
    const auto found = std::distance(std::sregex_iterator(site.begin(), site.end(), line), std::sregex_iterator());
    REQUIRE_MESSAGE(found == 1, "the shipped site should have the line `" << from << "` once, has it " << found << " times");
    site = std::regex_replace(site, line, to.empty() ? std::string() : "\n    " + to);
}

// Sets the one `name value;` directive of the shipped file to `value`.
void set_directive(std::string& site, const std::string& name, const std::string& value) {
    const std::regex directive("\n([ \t]*)" + name + "[ \t]+[^;\n]*;");
    const auto found = std::distance(std::sregex_iterator(site.begin(), site.end(), directive), std::sregex_iterator());
    REQUIRE_MESSAGE(found == 1, "the shipped site should set " << name << " once, sets it " << found << " times");
    site = std::regex_replace(site, directive, "\n$1" + name + " " + value + ";");
}

// The shipped site's value of a directive, e.g. "lobby_office_conn 20" for limit_conn.
std::string shipped_value(const std::string& site, const std::string& name) {
    std::smatch m;
    REQUIRE_MESSAGE(std::regex_search(site, m, std::regex("\n[ \t]*" + name + "[ \t]+([^;\n]*);")), name);
    return m[1];
}

constexpr auto k_header_timeout = 2s;  // the test copy's client_header_timeout (and body, send), before scaling

// office-server from the shipped config (plain HTTP on loopback), nginx with
// a copy of the shipped site in front of it, and the test PKI's certificate.
struct Front {
    TestPki pki;
    std::string shipped = read_text(LOBBY_SOURCE_DIR "/packaging/nginx/lobby-office.conf");
    std::unique_ptr<OfficeServerProcess> office;
    std::unique_ptr<NginxProcess> nginx;
    int https_port = 0;
    int http_port = 0;

    Front() {
        OfficeServerOptions options;
        options.extra_args = {"--config", LOBBY_SOURCE_DIR "/packaging/office/office-server.toml", "--data-key-file",
                              pki.file("office.db.key")};
        office = std::make_unique<OfficeServerProcess>(options);

        const std::string dir = make_temp_dir("lobby-nginx");
        std::filesystem::copy_file(pki.file("server.pem"), dir + "/office.pem");
        std::filesystem::copy_file(pki.file("server.key"), dir + "/office.key");
        https_port = free_loopback_port();
        http_port = free_loopback_port();
        std::string site = shipped;
        replace_line(site, "listen 443 ssl http2;", "listen 127.0.0.1:" + std::to_string(https_port) + " ssl http2;");
        replace_line(site, "listen [::]:443 ssl http2;", "");
        replace_line(site, "listen 80;", "listen 127.0.0.1:" + std::to_string(http_port) + ";");
        replace_line(site, "listen [::]:80;", "");
        replace_line(site, "server 127.0.0.1:8470;", "server 127.0.0.1:" + std::to_string(office->port()) + ";");
        set_directive(site, "ssl_certificate", dir + "/office.pem");
        set_directive(site, "ssl_certificate_key", dir + "/office.key");
        const std::string timeout = std::to_string(scaled(k_header_timeout).count()) + "ms";
        for (const char* name : {"client_header_timeout", "client_body_timeout", "send_timeout"})
            set_directive(site, name, timeout);
        std::ofstream(dir + "/lobby-office.conf") << site;
        nginx = std::make_unique<NginxProcess>(dir, dir + "/lobby-office.conf", https_port);
    }
    ~Front() { nginx.reset(); }  // nginx first: it would answer 502 for a stopped office

    std::unique_ptr<TlsConnection> connect(const char* from = "127.0.0.1") {
        auto c = std::make_unique<TlsConnection>(https_port, pki.file("ca.pem"), SteadyClock::now() + scaled(5s), from);
        REQUIRE_MESSAGE(c->ok(), "TLS to nginx: " << c->handshake_error() << "\n" << nginx->output());
        return c;
    }
    std::string url() const { return "https://127.0.0.1:" + std::to_string(https_port); }
};

RawResponse one_answer(TlsConnection& c, const std::string& request) {
    REQUIRE(c.send_all(request));
    auto responses = read_responses(c, 1, SteadyClock::now() + scaled(5s));
    REQUIRE(responses.size() == 1);
    return responses[0];
}

const std::string health_request = "GET /v1/health HTTP/1.1\r\nHost: lobby\r\n\r\n";

// What the curl CLI (Debian's, with nghttp2) says about one request: "<http_version> <status>".
std::string curl_says(const std::string& options, const std::string& url) {
    const std::string command = "curl -sS -o /dev/null -w '%{http_version} %{http_code}' --max-time 10 " + options + " '" +
                                url + "' 2>&1";
    std::string out;
    if (FILE* pipe = ::popen(command.c_str(), "r")) {
        char buf[256];
        while (std::fgets(buf, sizeof buf, pipe)) out += buf;
        ::pclose(pipe);
    }
    return out;
}

} // namespace

TEST_CASE("through the shipped nginx site: HTTPS and HTTP/2, a kiosk's full sync and a repair, http redirected, big bodies refused") {
    Front front;
    auto c = front.connect();
    const RawResponse health = one_answer(*c, health_request);
    CHECK(health.status == 200);
    CHECK(health.body.find("\"ok\"") != std::string::npos);

    // Browsers get HTTP/2 (ALPN); the CLI checks the certificate against the test CA.
    CHECK(curl_says("--http2 --cacert '" + front.pki.file("ca.pem") + "'", front.url() + "/v1/health") == "2 200");
    // Plain HTTP only points to HTTPS.
    const std::string redirect = curl_says("", "http://127.0.0.1:" + std::to_string(front.http_port) + "/console");
    CHECK(redirect == "1.1 301");

    // The kiosk's own client: an authenticated call, then its sync engine's
    // first full pull (~42 pages in a burst, within limit_req) and a repair, once.
    kiosk::net::ApiClient api({front.url(), "demo-lobby-1-token", {front.pki.file("ca.pem"), ""}},
                              {scaled_ms(2000), scaled_ms(5000)});
    const auto changes = api.send("GET", "/v1/changes?since=0&limit=5");
    CHECK(changes.judged.verdict == kiosk::net::Verdict::success);
    CHECK(api.send("GET", "/v1/changes?since=0&limit=5", {}, {}).http.status == 200);
    const auto anonymous = one_answer(*c, "GET /v1/changes?since=0&limit=5 HTTP/1.1\r\nHost: lobby\r\n\r\n");
    CHECK(anonymous.status == 401);

    kiosk::test::TempDir dir;
    kiosk::store::Store ui = kiosk::test::open_store(dir.file("kiosk.db"));
    auto config = kiosk::test::fast_config(front.url());
    config.page_limit = 1000;
    config.tls = {front.pki.file("ca.pem"), front.pki.line("server.pin")};
    auto worker_store = ui.open_sibling(kiosk::store::Durability::normal);
    REQUIRE(worker_store.ok());
    kiosk::net::SyncWorker worker(std::move(*worker_store), config, nullptr);
    worker.start();
    REQUIRE(kiosk::test::wait_until([&] { return worker.status().last_sync_utc > 0; }, 30000));
    auto id = ui.enqueue("repair", "/v1/repairs",
                         {{"unit_id", "3-2-1502"}, {"category", "electrical"}, {"description", "lamp via nginx"},
                          {"location", "public"}});
    REQUIRE(id.ok());
    worker.notify_outbox();
    REQUIRE(kiosk::test::wait_until([&] { return ui.outbox_item(*id)->value().state == kiosk::store::OutboxState::done; }));
    worker.stop();

    // A body over client_max_body_size is refused by nginx, unread, in the server's JSON shape.
    const std::string big(70 * 1024, 'x');
    const RawResponse too_big = one_answer(*front.connect(), "POST /v1/repairs HTTP/1.1\r\nHost: lobby\r\nContent-Type: "
                                                             "application/json\r\nContent-Length: " +
                                                                 std::to_string(big.size()) + "\r\n\r\n" + big);
    CHECK(too_big.status == 413);
    CHECK(too_big.body.find("\"payload_too_large\"") != std::string::npos);

    // The figure: TCP connect + TLS handshake to nginx, median of 15.
    std::vector<long long> us;
    for (int i = 0; i < 15; ++i) {
        const auto start = SteadyClock::now();
        front.connect("127.0.0.4");
        us.push_back(std::chrono::duration_cast<std::chrono::microseconds>(SteadyClock::now() - start).count());
    }
    std::sort(us.begin(), us.end());
    MESSAGE("nginx TLS connect+handshake: median " << us[7] / 1000.0 << " ms, max " << us.back() / 1000.0 << " ms");
}

TEST_CASE("through nginx, slowloris connections are cut off at client_header_timeout while a kiosk is answered") {
    Front front;
    struct Slow {
        std::unique_ptr<TlsConnection> conn;
        SteadyClock::time_point opened;
        std::chrono::milliseconds lived{-1};  // set when nginx closed it
    };
    std::vector<Slow> slow;
    for (int i = 0; i < 10; ++i) {
        slow.push_back({front.connect("127.0.0.2"), SteadyClock::now()});
        REQUIRE(slow.back().conn->send_all("GET /v1/health HTTP/1.1\r\nHost: lobby\r\n"));
    }
    const auto limit = SteadyClock::now() + scaled(k_header_timeout) + scaled(4s);
    int line = 0, answered = 0;
    std::chrono::milliseconds slowest{0};
    for (;;) {
        bool all_closed = true;
        for (Slow& s : slow) {
            if (s.lived.count() >= 0) continue;
            while (s.conn->read_some(SteadyClock::now()) == RawConnection::Read::data) {}
            if (s.conn->closed_by_server()) {
                s.lived = std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now() - s.opened);
                continue;
            }
            all_closed = false;
            s.conn->send_all("X-Slow-" + std::to_string(line) + ": 1\r\n");  // a header line, never the blank line
        }
        ++line;
        // A kiosk's request on its own connection is answered meanwhile.
        const auto asked = SteadyClock::now();
        if (one_answer(*front.connect(), health_request).status == 200) ++answered;
        slowest = std::max(slowest, std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now() - asked));
        if (all_closed || SteadyClock::now() > limit) break;
        std::this_thread::sleep_for(300ms);  // the attack's own pace: a header line every 0.3 s
    }
    std::chrono::milliseconds longest{0};
    int cut = 0;
    for (const Slow& s : slow) {
        if (s.lived.count() < 0) continue;
        ++cut;
        longest = std::max(longest, s.lived);
    }
    MESSAGE("slowloris through nginx: " << cut << "/10 cut off, longest lived " << longest.count() << " ms ("
                                        << line << " header lines sent each); kiosk answered " << answered
                                        << ", slowest " << slowest.count() << " ms");
    CHECK(cut == 10);
    CHECK(longest >= scaled(k_header_timeout) - 200ms);
    CHECK(longest < scaled(k_header_timeout) + scaled(2s));
    CHECK(answered == line);
    CHECK(slowest < scaled(1s));
    for (const Slow& s : slow) CHECK(s.conn->received().find("HTTP/1.1 200") == std::string::npos);
}

TEST_CASE("through nginx, 21 pipelined requests on one connection are answered, in order") {
    Front front;
    check_pipelined_in_order(*front.connect(), 21);
}

TEST_CASE("through nginx, one client over limit_conn gets 503 at once; another client is still served") {
    Front front;
    // "lobby_office_conn 20": requests one address may have in progress.
    const std::string limit_text = shipped_value(front.shipped, "limit_conn");
    const int limit = std::stoi(limit_text.substr(limit_text.find(' ') + 1));
    REQUIRE(limit > 2);
    // Each holds a request in progress: its headers sent, its body withheld.
    const std::string held = "POST /v1/repairs HTTP/1.1\r\nHost: lobby\r\nAuthorization: Bearer demo-lobby-1-token\r\n"
                             "Idempotency-Key: held\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n";
    std::vector<std::unique_ptr<TlsConnection>> holding;
    for (int i = 0; i < limit; ++i) {
        holding.push_back(front.connect("127.0.0.2"));
        REQUIRE(holding.back()->send_all(held));
    }
    // A round trip from elsewhere: nginx has read those headers by now.
    CHECK(one_answer(*front.connect("127.0.0.3"), health_request).status == 200);

    auto over = front.connect("127.0.0.2");
    const auto asked = SteadyClock::now();
    const RawResponse refused = one_answer(*over, held);
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now() - asked);
    MESSAGE("connection " << limit + 1 << " from one address: HTTP " << refused.status << " after " << took.count() << " ms");
    CHECK(refused.status == 503);
    CHECK(refused.body.find("\"too_many_connections\"") != std::string::npos);
    CHECK(refused.header("retry-after") == "1");
    CHECK(took < scaled(1s));
    for (const auto& h : holding) CHECK(h->received().empty());  // still waiting for their bodies, not refused

    // Another address is served; and once the held ones go, so is this one.
    CHECK(one_answer(*front.connect("127.0.0.1"), health_request).status == 200);
    holding.clear();
    REQUIRE(kiosk::test::wait_until([&] { return one_answer(*front.connect("127.0.0.2"), health_request).status == 200; }));
}
