// JSON mapping of the common messages.
#include "protocol/common.hpp"

#include "protocol/rules.hpp"

namespace lobby::protocol {

void decode_into(const nlohmann::json& j, LocalizedText& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("zh-CN", out.zh_cn, long_text_rule);
    std::optional<std::string> hk, en;
    r.text("zh-HK", hk, long_text_rule);
    r.text("en", en, long_text_rule);
    out.zh_hk = hk.value_or("");
    out.en = en.value_or("");
}

void to_json(nlohmann::json& j, const LocalizedText& v) {
    j = nlohmann::json{{"zh-CN", v.zh_cn}};
    if (!v.zh_hk.empty()) j["zh-HK"] = v.zh_hk;
    if (!v.en.empty()) j["en"] = v.en;
}

} // namespace lobby::protocol
