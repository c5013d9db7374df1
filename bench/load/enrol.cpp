#include "enrol.hpp"

#include "protocol/protocol.hpp"
#include "protocol/verifier.hpp"

#include <httplib.h>

#include <stdexcept>

namespace lobby::bench {
namespace {

std::string post(httplib::Client& http, const char* path, const httplib::Headers& headers, const std::string& body,
                 int expected_status) {
    const auto r = http.Post(path, headers, body, "application/json");
    if (!r) throw std::runtime_error(std::string(path) + ": no answer (" + httplib::to_string(r.error()) + ")");
    if (r->status != expected_status)
        throw std::runtime_error(std::string(path) + ": " + std::to_string(r->status) + " " + r->body.substr(0, 300));
    return r->body;
}

template <class T>
T decode(const std::string& body) {
    auto r = protocol::decode_text<T>(body);
    if (!r) throw std::runtime_error("cannot decode " + body.substr(0, 300) + ": " + r.error().message);
    return r.value();
}

} // namespace

KioskCredentials enrol_kiosk(int port, const std::string& staff_token, const std::string& kiosk_id) {
    httplib::Client http("127.0.0.1", port);
    http.set_read_timeout(30, 0);
    const auto code = decode<protocol::EnrolmentCode>(
        post(http, "/v1/kiosks/enrolment-codes", {{"Authorization", "Bearer " + staff_token}},
             protocol::dump_json(nlohmann::json{{"kiosk_id", kiosk_id}}), 201));
    KioskCredentials kiosk{kiosk_id, "", protocol::new_verification_key()};
    const auto enrolment = decode<protocol::Enrolment>(
        post(http, "/v1/kiosks/enrol", {},
             protocol::dump_json(nlohmann::json{{"code", code.code}, {"verify_key", kiosk.verify_key}}), 200));
    kiosk.token = enrolment.token;
    return kiosk;
}

} // namespace lobby::bench
