// Decode-then-encode of each feed collection with the shared protocol types.
#include "net/cache_codec.hpp"

#include "protocol/changes.hpp"
#include "protocol/decode.hpp"
#include "protocol/protocol.hpp"

#include <spdlog/spdlog.h>

#include <cstring>

namespace kiosk::net {
namespace {

namespace p = lobby::protocol;

template <class T>
std::optional<nlohmann::json> roundtrip(const nlohmann::json& data, std::string* problem)
{
    auto decoded = p::decode<T>(data);
    if (!decoded) {
        if (problem)
            *problem = decoded.error().message;
        return std::nullopt;
    }
    return nlohmann::json(decoded.value());
}

} // namespace

std::optional<nlohmann::json> reencode_record(const std::string& collection, const nlohmann::json& data,
                                              std::string* problem)
{
    namespace c = p::collection;
    if (collection == c::estate)
        return roundtrip<p::Estate>(data, problem);
    if (collection == c::fee_kinds)
        return roundtrip<p::FeeKind>(data, problem);
    if (collection == c::repair_categories)
        return roundtrip<p::RepairCategory>(data, problem);
    if (collection == c::repair_locations)
        return roundtrip<p::RepairLocation>(data, problem);
    if (collection == c::notices)
        return roundtrip<p::Notice>(data, problem);
    if (collection == c::surveys)
        return roundtrip<p::Survey>(data, problem);
    if (collection == c::survey_actions)
        return roundtrip<p::SurveyAction>(data, problem);
    if (collection == c::units)
        return roundtrip<p::Unit>(data, problem);
    if (collection == c::bills)
        return roundtrip<p::Bill>(data, problem);
    if (collection == c::tickets)
        return roundtrip<p::Ticket>(data, problem);
    if (collection == c::visitor_codes)
        return roundtrip<p::VisitorCodeRecord>(data, problem);
    if (collection == c::kiosk_settings) {
        // Field by field: a value this kiosk cannot use is dropped (named in
        // the log, never its value) and the rest still applies.
        std::vector<std::string> rejected;
        const p::KioskSettings kept = p::settings_from_feed(data, rejected);
        for (const std::string& field : rejected)
            spdlog::warn("sync: remote setting '{}' ignored: not a value this kiosk understands", field);
        return nlohmann::json(kept);
    }
    if (problem)
        *problem = "unknown collection";
    return std::nullopt;
}

} // namespace kiosk::net
