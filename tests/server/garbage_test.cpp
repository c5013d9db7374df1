// Hostile input: every refusal is a clear 4xx JSON error, and the server
// keeps serving the next request.
#include "api_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>

using namespace lobby::test;
namespace p = lobby::protocol;

namespace {

void still_serving() {
    Api api(shared_server().port(), lobby1_token);
    const Reply r = api.post("/v1/heartbeat", {{"kiosk_version", "0.1.0"}, {"outbox_size", 0}});
    CHECK(r.status == 200);
}

void check_refusal(const Reply& r, int status, const char* code) {
    CHECK(r.status == status);
    CHECK(r.error_code() == code);
    CHECK_FALSE(r.as<p::ErrorBody>().message.empty());
}

} // namespace

TEST_CASE("bad JSON, empty bodies and non-objects") {
    Api api(shared_server().port(), lobby1_token);
    check_refusal(api.post("/v1/repairs", std::string("{\"unit_id\":"), Api::fresh_key()), 400, "bad_json");
    check_refusal(api.post("/v1/repairs", std::string(""), Api::fresh_key()), 400, "bad_json");
    check_refusal(api.post("/v1/fees/lookup", std::string("null")), 422, "invalid_field");
    check_refusal(api.post("/v1/fees/lookup", std::string("[1,2,3]")), 422, "invalid_field");
    check_refusal(api.post("/v1/fees/lookup", std::string("\"text\"")), 422, "invalid_field");
    check_refusal(api.post("/v1/fees/lookup", std::string("{} {}")), 400, "bad_json");
    still_serving();
}

TEST_CASE("invalid UTF-8 is refused with 400") {
    Api api(shared_server().port(), lobby1_token);
    const std::string body = "{\"unit_id\":\"3-2-1502\",\"category\":\"plumbing\",\"description\":\"\xff\xfe\xc0\xaf\","
                             "\"location\":\"public\"}";
    check_refusal(api.post("/v1/repairs", body, Api::fresh_key()), 400, "bad_json");
    // A lone surrogate escape is not text either.
    check_refusal(api.post("/v1/repairs", std::string(R"({"unit_id":"3-2-1502","category":"plumbing","description":"\ud800","location":"public"})"),
                           Api::fresh_key()),
                  400, "bad_json");
    still_serving();
}

TEST_CASE("deeply nested JSON is refused with 400") {
    Api api(shared_server().port(), lobby1_token);
    const std::string deep = std::string(20000, '[') + std::string(20000, ']');
    check_refusal(api.post("/v1/fees/lookup", deep), 400, "bad_json");
    std::string nested = "{\"unit_id\":\"3-2-1502\",\"phone_last4\":\"5678\",\"x\":";
    for (int i = 0; i < 40; ++i) nested += "{\"a\":";
    nested += "1" + std::string(40, '}') + "}";
    check_refusal(api.post("/v1/fees/lookup", nested), 400, "bad_json");
    still_serving();
}

TEST_CASE("a 10 MB body gets 413 and the server carries on") {
    Api api(shared_server().port(), lobby1_token);
    const std::string huge = "{\"description\":\"" + std::string(10 * 1024 * 1024, 'x') + "\"}";
    const Reply r = api.post("/v1/repairs", huge, Api::fresh_key());
    // httplib may close the connection after refusing; either way no 2xx/5xx.
    if (r.status != 0) check_refusal(r, 413, "payload_too_large");
    const std::string just_over = "{\"description\":\"" + std::string(70 * 1024, 'x') + "\"}";
    check_refusal(api.post("/v1/repairs", just_over, Api::fresh_key()), 413, "payload_too_large");
    still_serving();
}

TEST_CASE("wrong types name the field") {
    Api api(shared_server().port(), lobby1_token);
    const Reply r = api.post("/v1/repairs", nlohmann::json{{"unit_id", 3021502}, {"category", "plumbing"},
                                                           {"description", "x"}, {"location", "public"}},
                             Api::fresh_key());
    check_refusal(r, 422, "invalid_field");
    CHECK(r.as<p::ErrorBody>().message == "Field 'unit_id' must be a string, not a number.");
    check_refusal(api.post("/v1/visitors", nlohmann::json{{"name", "王芳"}, {"phone", "13912345678"}, {"unit_id", "1-1-801"},
                                                          {"purpose", "family"}, {"people", 1.5}},
                           Api::fresh_key()),
                  422, "invalid_field");
    check_refusal(api.post("/v1/fees/lookup", nlohmann::json{{"unit_id", "3-2-1502"}, {"phone_last4", true}}), 422,
                  "invalid_field");
    check_refusal(api.post("/v1/fees/lookup", nlohmann::json{{"unit_id", std::string(300, 'a')}, {"phone_last4", "1234"}}),
                  422, "invalid_field");
    still_serving();
}

TEST_CASE("unknown endpoints and methods get a JSON 404") {
    Api api(shared_server().port(), lobby1_token);
    check_refusal(api.get("/v1/does-not-exist"), 404, "not_found");
    check_refusal(api.get("/v1/repairs/../../etc/passwd"), 404, "not_found");
    check_refusal(api.post("/v1/health", std::string("{}")), 404, "not_found");
    still_serving();
}

TEST_CASE("a burst of garbage from many threads leaves the server healthy") {
    const int port = shared_server().port();
    std::vector<std::thread> threads;
    std::atomic<int> server_errors{0};
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            Api api(port, lobby1_token);
            for (int i = 0; i < 25; ++i) {
                std::string body(static_cast<std::size_t>(i * 37 + t), static_cast<char>('{' + (i % 3)));
                body += "\xff\"}";
                const Reply r = api.post(i % 2 ? "/v1/repairs" : "/v1/fees/lookup", body, Api::fresh_key());
                // A 503 for too many open connections from this address is the
                // guard at work (lingering closes hold their slot a moment on a
                // busy machine), not the server failing.
                const bool guard = r.status == 503 && r.error_code() == "too_many_connections";
                if (r.status == 0 || (r.status >= 500 && !guard)) {
                    ++server_errors;
                    MESSAGE("status " << r.status << ": " << r.body.substr(0, 200));
                }
            }
        });
    for (auto& t : threads) t.join();
    CHECK(server_errors == 0);
    still_serving();
}

namespace {

// Sends raw bytes and returns the server's whole answer.
std::string raw_exchange(int port, const std::string& bytes) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    std::string out;
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
        timeval tv{5, 0};
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        (void)::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        // Read until the headers and Content-Length bytes of body are in (the
        // connection stays open for keep-alive, so EOF cannot be the signal).
        char buf[4096];
        for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;) {
            out.append(buf, static_cast<std::size_t>(n));
            const auto end = out.find("\r\n\r\n");
            if (end == std::string::npos) continue;
            const auto cl = out.find("Content-Length: ");
            const std::size_t body = cl == std::string::npos ? 0 : std::stoul(out.substr(cl + 16));
            if (out.size() >= end + 4 + body) break;
        }
    }
    ::close(fd);
    return out;
}

} // namespace

TEST_CASE("malformed HTTP gets a JSON 4xx and the server carries on") {
    const int port = shared_server().port();
    const std::string garbage = raw_exchange(port, "GARBAGE\r\n\r\n");
    CHECK(garbage.rfind("HTTP/1.1 400", 0) == 0);
    CHECK(garbage.find("\"bad_request\"") != std::string::npos);
    const std::string long_uri = raw_exchange(port, "GET /" + std::string(9000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n");
    CHECK(long_uri.rfind("HTTP/1.1 414", 0) == 0);
    CHECK(long_uri.find("\"bad_request\"") != std::string::npos);
    const std::string long_header =
        raw_exchange(port, "GET /v1/health HTTP/1.1\r\nHost: x\r\nX-A: " + std::string(10000, 'b') + "\r\n\r\n");
    CHECK(long_header.rfind("HTTP/1.1 400", 0) == 0);
    still_serving();
}

TEST_CASE("a large body labelled as a form gets a 413 that says to send JSON") {
    httplib::Client http("127.0.0.1", shared_server().port());
    const std::string body = "{\"kiosk_version\":\"1\",\"outbox_size\":1,\"pad\":\"" + std::string(9000, 'x') + "\"}";
    const httplib::Headers auth = {{"Authorization", std::string("Bearer ") + lobby1_token}};
    auto form = http.Post("/v1/heartbeat", auth, body, "application/x-www-form-urlencoded");
    REQUIRE(form);
    CHECK(form->status == 413);
    CHECK(form->body.find("application/json") != std::string::npos);
    auto json = http.Post("/v1/heartbeat", auth, body, "application/json");
    REQUIRE(json);
    CHECK(json->status == 200);
}
