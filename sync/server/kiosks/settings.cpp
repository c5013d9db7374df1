// Each kiosk's remote settings: staff replace them as a whole; the server
// checks every value (400 invalid_setting naming the field, nothing stored)
// and publishes them in the feed to that kiosk alone (collection
// kiosk_settings, key = its id). The feed row is the record.
#include "kiosks/setup.hpp"

#include "feed.hpp"

#include <algorithm>

namespace lobby::server::kiosks {
namespace {

ApiResponse bad_setting(const std::string& message) {
    return api_error(400, protocol::error_code::invalid_setting, message);
}

bool kiosk_exists(Database& db, const std::string& kiosk_id) {
    Statement st(db, "SELECT 1 FROM kiosks WHERE id = ? AND role = 'kiosk'");
    st.bind(1, kiosk_id);
    return st.step();
}

} // namespace

ApiResponse replace_settings(ApiContext& ctx, const std::string& kiosk_id, const std::string& body) {
    if (auto refused = require_staff(ctx, "Only office staff can change a kiosk's settings.")) return *refused;
    if (!kiosk_exists(ctx.db, kiosk_id))
        return api_error(404, protocol::error_code::not_found, "Kiosk " + kiosk_id + " does not exist.");
    auto parsed = protocol::parse_json(body);
    if (!parsed) return api_error(400, protocol::error_code::bad_json, parsed.error().message);
    if (!parsed.value().is_object()) return bad_setting("The settings must be a JSON object.");
    // A misspelt name would otherwise be ignored and look accepted.
    static const char* known[] = {"idle_timeout_s", "language", "elderly_default", "zh_cn_voice", "zh_hk_voice",
                                  "home_services"};
    for (const auto& item : parsed.value().items())
        if (std::none_of(std::begin(known), std::end(known), [&](const char* k) { return item.key() == k; }))
            return bad_setting("'" + item.key() + "' is not a kiosk setting; known: idle_timeout_s, language, "
                               "elderly_default, zh_cn_voice, zh_hk_voice, home_services.");
    auto decoded = protocol::decode<protocol::KioskSettings>(parsed.value());
    if (!decoded) return bad_setting(decoded.error().message);
    const protocol::KioskSettings& settings = decoded.value();
    if (settings.home_services) {
        const auto& services = protocol::known_home_services();
        for (const std::string& s : *settings.home_services)
            if (std::find(services.begin(), services.end(), s) == services.end())
                return bad_setting("home_services: '" + s + "' is not a service; known: fees, repairs, visitors, "
                                   "notices, surveys.");
    }
    publish(ctx.db, protocol::collection::kiosk_settings, kiosk_id, nlohmann::json(settings),
            PublishOptions{kiosk_id, std::nullopt});
    return api_ok(200, settings);
}

ApiResponse read_settings(ApiContext& ctx, const std::string& kiosk_id) {
    if (auto refused = require_staff(ctx, "Only office staff can read a kiosk's settings.")) return *refused;
    if (!kiosk_exists(ctx.db, kiosk_id))
        return api_error(404, protocol::error_code::not_found, "Kiosk " + kiosk_id + " does not exist.");
    auto record = load_record(ctx.db, protocol::collection::kiosk_settings, kiosk_id);
    return ApiResponse{200, record ? *record : nlohmann::json::object()};
}

} // namespace lobby::server::kiosks
