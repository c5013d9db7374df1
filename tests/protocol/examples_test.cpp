// Every example referenced by sync/openapi.yaml exists, decodes with the
// protocol type its file name names, and re-encodes to the same JSON value.
#include "protocol/protocol.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <sstream>

using namespace lobby::protocol;

namespace {

const std::string sync_dir = std::string(LOBBY_SOURCE_DIR) + "/sync/";

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Decodes and re-encodes; returns a problem or "".
template <class T>
std::string round_trip(const std::string& text) {
    auto decoded = decode_text<T>(text);
    if (!decoded) return decoded.error().message;
    const nlohmann::json original = nlohmann::json::parse(text);
    const nlohmann::json again = nlohmann::json(decoded.value());
    if (again != original) return "re-encoded differently: " + again.dump();
    return {};
}

// File name prefix (up to the first dot) -> the type that decodes it, from
// the one list of contract types.
const std::map<std::string, std::function<std::string(const std::string&)>> decoders = {
#define LOBBY_PROTOCOL_TYPE(T, example_prefix) {example_prefix, round_trip<T>},
#include "protocol/types.def"
#undef LOBBY_PROTOCOL_TYPE
};

std::set<std::string> referenced_examples() {
    const std::string spec = read_file(sync_dir + "openapi.yaml");
    std::set<std::string> out;
    const std::regex ref(R"(examples/([A-Za-z0-9_.]+\.json))");
    for (auto it = std::sregex_iterator(spec.begin(), spec.end(), ref); it != std::sregex_iterator(); ++it)
        out.insert((*it)[1]);
    return out;
}

} // namespace

TEST_CASE("every example in openapi.yaml decodes with its protocol type and round-trips") {
    const auto refs = referenced_examples();
    REQUIRE(refs.size() > 40);
    for (const auto& name : refs) {
        CAPTURE(name);
        const std::string text = read_file(sync_dir + "examples/" + name);
        REQUIRE_MESSAGE(!text.empty(), "missing example file");
        const auto decoder = decoders.find(name.substr(0, name.find('.')));  // "" (no example) never matches
        REQUIRE_MESSAGE(decoder != decoders.end(), "no protocol type for this file name");
        CHECK(decoder->second(text) == "");
    }
}

TEST_CASE("every example file is referenced by openapi.yaml") {
    const auto refs = referenced_examples();
    for (const auto& entry : std::filesystem::directory_iterator(sync_dir + "examples")) {
        CAPTURE(entry.path().filename().string());
        CHECK(refs.count(entry.path().filename().string()) == 1);
    }
}

TEST_CASE("every error code the server can send has an example named after it") {
    const auto refs = referenced_examples();
    for (const char* code : {error_code::bad_json, error_code::bad_request, error_code::invalid_query,
                             error_code::missing_idempotency_key, error_code::unauthorized, error_code::verification_expired, error_code::forbidden,
                             error_code::phone_mismatch, error_code::verification_required, error_code::not_found, error_code::unknown_unit,
                             error_code::unknown_ticket, error_code::unknown_code, error_code::unknown_order,
                             error_code::unknown_survey, error_code::unknown_move_out, error_code::unknown_notice, error_code::unknown_image,
                             error_code::idempotency_conflict, error_code::already_answered,
                             error_code::already_rated, error_code::ticket_not_completed, error_code::invalid_transition,
                             error_code::code_already_used, error_code::order_already_paid,
                             error_code::bills_already_paid, error_code::code_expired, error_code::order_expired,
                             error_code::payload_too_large, error_code::invalid_field, error_code::out_of_scope,
                             error_code::survey_closed, error_code::code_not_yet_valid, error_code::unit_locked, error_code::too_many_attempts,
                             error_code::internal_error, error_code::request_timeout, error_code::length_required,
                             error_code::too_many_connections, error_code::database_unavailable, error_code::slot_taken, error_code::ticket_secret_taken,
                             error_code::not_awaiting_acceptance, error_code::paid_service_not_acknowledged,
                             error_code::invalid_setting, error_code::no_rotation_pending}) {
        CAPTURE(code);
        const std::string file = std::string("error.") + code + ".json";
        REQUIRE(refs.count(file) == 1);
        const auto body = decode_text<ErrorBody>(read_file(sync_dir + "examples/" + file));
        REQUIRE(body.ok());
        CHECK(body.value().code == code);
    }
}
