// JSON mapping of enrolment, token rotation and remote settings.
#include "protocol/kiosk_setup.hpp"

#include "protocol/rules.hpp"

namespace lobby::protocol {
namespace {

constexpr TextRule kiosk_id_rule{1, 64, false};

// An optional text that, when present, must be one of `allowed`.
void optional_one_of(ObjectReader& r, DecodeContext& ctx, const char* key, std::optional<std::string>& out,
                     std::initializer_list<const char*> allowed) {
    r.text(key, out, TextRule{1, 64, false});
    if (!r.ok() || !out) return;
    for (const char* a : allowed)
        if (*out == a) return;
    std::string list;
    for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    ctx.fail(ctx.path(key), "must be one of: " + list + ".");
}

} // namespace

void decode_into(const nlohmann::json& j, EnrolmentCodeRequest& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("kiosk_id", out.kiosk_id, kiosk_id_rule);
}

void to_json(nlohmann::json& j, const EnrolmentCodeRequest& v) { j = nlohmann::json{{"kiosk_id", v.kiosk_id}}; }

void decode_into(const nlohmann::json& j, EnrolmentCode& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("kiosk_id", out.kiosk_id, kiosk_id_rule);
    r.digits("code", out.code, enrolment_code_digits);
    r.time("expires_at", out.expires_at);
}

void to_json(nlohmann::json& j, const EnrolmentCode& v) {
    j = nlohmann::json{{"kiosk_id", v.kiosk_id}, {"code", v.code}};
    put_time(j, "expires_at", v.expires_at);
}

void decode_into(const nlohmann::json& j, EnrolRequest& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.digits("code", out.code, enrolment_code_digits);
    r.text("verify_key", out.verify_key, TextRule{64, 64, false});
    if (r.ok()) {
        for (const char c : out.verify_key)
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                ctx.fail(ctx.path("verify_key"), "must be 64 lowercase hex digits.");
                return;
            }
    }
}

void to_json(nlohmann::json& j, const EnrolRequest& v) {
    j = nlohmann::json{{"code", v.code}, {"verify_key", v.verify_key}};
}

void decode_into(const nlohmann::json& j, Enrolment& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("kiosk_id", out.kiosk_id, kiosk_id_rule);
    r.text("token", out.token, token_rule);
}

void to_json(nlohmann::json& j, const Enrolment& v) { j = nlohmann::json{{"kiosk_id", v.kiosk_id}, {"token", v.token}}; }

void decode_into(const nlohmann::json& j, TokenRotation& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("token", out.token, token_rule);
    r.time("old_token_until", out.old_token_until);
}

void to_json(nlohmann::json& j, const TokenRotation& v) {
    j = nlohmann::json{{"token", v.token}};
    put_time(j, "old_token_until", v.old_token_until);
}

void decode_into(const nlohmann::json& j, KioskSettings& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.integer("idle_timeout_s", out.idle_timeout_s, 20, 600);
    optional_one_of(r, ctx, "language", out.language, {"zh-CN", "zh-HK", "en"});
    if (j.is_object() && j.contains("elderly_default") && !j.at("elderly_default").is_null()) {
        bool elderly = false;
        r.boolean("elderly_default", elderly);
        if (r.ok()) out.elderly_default = elderly;
    }
    optional_one_of(r, ctx, "zh_cn_voice", out.zh_cn_voice, {"mandarin", "cantonese"});
    optional_one_of(r, ctx, "zh_hk_voice", out.zh_hk_voice, {"mandarin", "cantonese"});
    if (r.ok() && j.is_object() && j.contains("home_services") && !j.at("home_services").is_null()) {
        std::vector<std::string> services;
        r.text_array("home_services", services, 16, TextRule{1, 32, false});
        if (!r.ok()) return;
        for (std::size_t i = 0; i < services.size(); ++i)
            for (std::size_t k = 0; k < i; ++k)
                if (services[i] == services[k]) {
                    ctx.fail(ctx.path("home_services"), "lists '" + services[i] + "' twice.");
                    return;
                }
        out.home_services = std::move(services);
    }
}

void to_json(nlohmann::json& j, const KioskSettings& v) {
    j = nlohmann::json::object();
    put_optional(j, "idle_timeout_s", v.idle_timeout_s);
    put_optional(j, "language", v.language);
    put_optional(j, "elderly_default", v.elderly_default);
    put_optional(j, "zh_cn_voice", v.zh_cn_voice);
    put_optional(j, "zh_hk_voice", v.zh_hk_voice);
    put_optional(j, "home_services", v.home_services);
}

KioskSettings settings_from_feed(const nlohmann::json& data, std::vector<std::string>& rejected) {
    KioskSettings kept;
    if (!data.is_object()) {
        rejected.push_back("(record)");
        return kept;
    }
    // Each field decoded alone with the strict rules: a bad one costs only itself.
    for (const auto& [key, value] : data.items()) {
        auto one = decode<KioskSettings>(nlohmann::json{{key, value}});
        if (!one) {
            rejected.push_back(key);
            continue;
        }
        const KioskSettings& s = one.value();
        if (s.idle_timeout_s) kept.idle_timeout_s = s.idle_timeout_s;
        if (s.language) kept.language = s.language;
        if (s.elderly_default) kept.elderly_default = s.elderly_default;
        if (s.zh_cn_voice) kept.zh_cn_voice = s.zh_cn_voice;
        if (s.zh_hk_voice) kept.zh_hk_voice = s.zh_hk_voice;
        if (s.home_services) kept.home_services = s.home_services;
    }
    return kept;
}

} // namespace lobby::protocol
