// One kiosk's remote settings (idle timeout, starting language, elderly
// mode, voices, the services on home). The form's values go to the same
// kiosks::replace_settings as the API, so the checks are the API's: a bad
// value is named on the form, in the staff's words, and nothing is saved.
#include "console/console.hpp"

#include "kiosks/kiosks.hpp"
#include "kiosks/setup.hpp"

#include "protocol/decode.hpp"

#include <array>
#include <cctype>

namespace lobby::server::console {
namespace {

constexpr std::size_t home_slots = 5;  // as many as there are services
// The settings in the order the form shows them; a refusal names one.
constexpr const char* setting_names[] = {"idle_timeout_s", "language", "elderly_default", "zh_cn_voice",
                                         "zh_hk_voice",    "home_services"};

// What the form shows: the saved settings, or what was just typed.
struct Form {
    std::string idle_timeout_s, language, elderly_default, zh_cn_voice, zh_hk_voice;
    std::array<std::string, home_slots> home;
};

Form form_of(const protocol::KioskSettings& s) {
    Form f;
    if (s.idle_timeout_s) f.idle_timeout_s = std::to_string(*s.idle_timeout_s);
    f.language = s.language.value_or("");
    if (s.elderly_default) f.elderly_default = *s.elderly_default ? "true" : "false";
    f.zh_cn_voice = s.zh_cn_voice.value_or("");
    f.zh_hk_voice = s.zh_hk_voice.value_or("");
    if (s.home_services)
        for (std::size_t i = 0; i < s.home_services->size() && i < home_slots; ++i) f.home[i] = (*s.home_services)[i];
    return f;
}

Form form_of(const PageContext& ctx) {
    Form f;
    f.idle_timeout_s = ctx.field("idle_timeout_s").substr(0, 16);
    f.language = ctx.field("language").substr(0, 16);
    f.elderly_default = ctx.field("elderly_default").substr(0, 16);
    f.zh_cn_voice = ctx.field("zh_cn_voice").substr(0, 16);
    f.zh_hk_voice = ctx.field("zh_hk_voice").substr(0, 16);
    for (std::size_t i = 0; i < home_slots; ++i) f.home[i] = ctx.field("home_" + std::to_string(i + 1)).substr(0, 32);
    return f;
}

bool is_whole_number(const std::string& s) {
    if (s.empty() || s.size() > 9) return false;
    for (std::size_t i = 0; i < s.size(); ++i)
        if (!std::isdigit(static_cast<unsigned char>(s[i])) && !(i == 0 && s[i] == '-' && s.size() > 1)) return false;
    return true;
}

// The API's body for the form. Nothing is judged here: a value that is not
// a number, or not one of the choices, is passed on as typed for the
// service to refuse.
nlohmann::json body_of(const Form& f) {
    nlohmann::json j = nlohmann::json::object();
    if (!f.idle_timeout_s.empty()) {
        if (is_whole_number(f.idle_timeout_s)) j["idle_timeout_s"] = std::stoll(f.idle_timeout_s);
        else j["idle_timeout_s"] = f.idle_timeout_s;
    }
    if (!f.language.empty()) j["language"] = f.language;
    if (f.elderly_default == "true" || f.elderly_default == "false") j["elderly_default"] = f.elderly_default == "true";
    else if (!f.elderly_default.empty()) j["elderly_default"] = f.elderly_default;
    if (!f.zh_cn_voice.empty()) j["zh_cn_voice"] = f.zh_cn_voice;
    if (!f.zh_hk_voice.empty()) j["zh_hk_voice"] = f.zh_hk_voice;
    nlohmann::json services = nlohmann::json::array();
    for (const std::string& s : f.home)
        if (!s.empty()) services.push_back(s);
    if (!services.empty()) j["home_services"] = services;
    return j;
}

// Which setting a refusal is about: the first one its message names.
std::string refused_setting(const std::string& message) {
    std::string found;
    std::size_t at = std::string::npos;
    for (const char* name : setting_names)
        if (const std::size_t p = message.find(name); p < at) {
            at = p;
            found = name;
        }
    return found;
}

Data choices(const PageContext& ctx, const std::vector<std::string>& values, const std::string& selected,
             const char* label_prefix) {
    Data list{Data::type::list};
    Data none;
    none.set("value", "");
    none.set("label", ctx.t("setting_from_config"));
    none.set("selected", selected.empty());
    list.push_back(none);
    bool known = selected.empty();
    for (const std::string& v : values) {
        std::string key = label_prefix + v;
        for (char& c : key) c = c == '-' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        Data o;
        o.set("value", v);
        o.set("label", ctx.t(key));
        o.set("selected", v == selected);
        known = known || v == selected;
        list.push_back(o);
    }
    if (!known) {  // a forged value is shown back as sent, so the error points at something
        Data o;
        o.set("value", selected);
        o.set("label", selected);
        o.set("selected", true);
        list.push_back(o);
    }
    return list;
}

void settings_page(PageContext& ctx, const protocol::KioskStatus& kiosk, const Form& form,
                   const std::string& bad_setting, int status) {
    Data d;
    d.set("id", kiosk.id);
    d.set("csrf", ctx.session->csrf);
    d.set("revoked", kiosk.revoked);
    d.set("online", kiosk.online);
    d.set("last_seen", kiosk.last_seen ? format_time(*kiosk.last_seen) : ctx.t("never"));
    d.set("rotation_pending", kiosk.rotation_pending);
    if (const auto until = kiosks::old_token_until(ctx.db, kiosk.id, ctx.now)) d.set("old_token_until", format_time(*until));
    d.set("idle_timeout_s", form.idle_timeout_s);
    d.set("languages", choices(ctx, {"zh-CN", "zh-HK", "en"}, form.language, "setting_opt_"));
    d.set("elderly", choices(ctx, {"true", "false"}, form.elderly_default, "setting_opt_elderly_"));
    d.set("zh_cn_voices", choices(ctx, {"mandarin", "cantonese"}, form.zh_cn_voice, "setting_opt_"));
    d.set("zh_hk_voices", choices(ctx, {"mandarin", "cantonese"}, form.zh_hk_voice, "setting_opt_"));
    Data slots{Data::type::list};
    for (std::size_t i = 0; i < home_slots; ++i) {
        Data slot;
        slot.set("n", std::to_string(i + 1));
        slot.set("services", choices(ctx, protocol::known_home_services(), form.home[i], "service_"));
        slots.push_back(slot);
    }
    d.set("home_slots", slots);
    if (!bad_setting.empty()) {
        d.set("error", ctx.t("err_setting_" + bad_setting));
        d.set("bad_" + bad_setting, true);
    }
    ctx.nav = "kiosks";
    ctx.page("kiosk_settings", d, "title_kiosk_settings", status);
}

std::optional<protocol::KioskStatus> find_kiosk(PageContext& ctx, const std::string& id) {
    ApiContext api = ctx.api();
    const ApiResponse r = kiosks::kiosk_status(api, id);
    if (r.status != 200) return std::nullopt;
    auto decoded = protocol::decode<protocol::KioskStatus>(r.body);
    if (!decoded) return std::nullopt;
    return decoded.value();
}

void show(PageContext& ctx) {
    const auto kiosk = find_kiosk(ctx, ctx.path_id());
    if (!kiosk) return ctx.message_page("err_no_kiosk", 404);
    ApiContext api = ctx.api();
    const ApiResponse saved = kiosks::read_settings(api, kiosk->id);
    protocol::KioskSettings settings;
    if (auto decoded = protocol::decode<protocol::KioskSettings>(saved.body)) settings = decoded.value();
    settings_page(ctx, *kiosk, form_of(settings), "", 200);
}

void save(PageContext& ctx) {
    const auto kiosk = find_kiosk(ctx, ctx.path_id());
    if (!kiosk) return ctx.message_page("err_no_kiosk", 404);
    const Form form = form_of(ctx);
    const nlohmann::json body = body_of(form);
    ApiContext api = ctx.api();
    const ApiResponse r = kiosks::replace_settings(api, kiosk->id, body.dump());
    if (r.status != 200) {
        const std::string bad = refused_setting(r.body["error"].value("message", ""));
        return settings_page(ctx, *kiosk, form, bad.empty() ? "any" : bad, 400);
    }
    ctx.audit("kiosk.settings", kiosk->id, r.body.dump());
    ctx.redirect("/console/kiosks/" + kiosk->id, "settings_saved");
}

} // namespace

void install_kiosk_settings_pages(Console& console) {
    console.get(R"(/console/kiosks/([0-9a-z-]{1,64}))", managers, "kiosks", show);
    console.post(R"(/console/kiosks/([0-9a-z-]{1,64})/settings)", managers, save);
}

} // namespace lobby::server::console
