// JSON mapping of the household verification messages.
#include "protocol/households.hpp"

#include "protocol/rules.hpp"

namespace lobby::protocol {

void decode_into(const nlohmann::json& j, HouseholdVerifyRequest& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("unit_id", out.unit_id, id_rule);
    r.digits("phone_last4", out.phone_last4, 4);
    r.text("session_id", out.session_id, TextRule{8, 64, false});
}

void to_json(nlohmann::json& j, const HouseholdVerifyRequest& v) {
    j = nlohmann::json{{"unit_id", v.unit_id}, {"phone_last4", v.phone_last4}};
    if (v.session_id) j["session_id"] = *v.session_id;
}

void decode_into(const nlohmann::json& j, HouseholdVerification& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("unit_id", out.unit_id, id_rule);
    r.text("owner_masked", out.owner_masked, TextRule{0, 40, false});
    r.text("verification_token", out.verification_token, token_rule);
    r.time("expires_at", out.expires_at);
}

void to_json(nlohmann::json& j, const HouseholdVerification& v) {
    j = nlohmann::json{{"unit_id", v.unit_id}, {"owner_masked", v.owner_masked},
                       {"verification_token", v.verification_token}};
    put_time(j, "expires_at", v.expires_at);
}

} // namespace lobby::protocol
