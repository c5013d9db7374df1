// JSON mapping of the estate messages.
#include "protocol/estate.hpp"

#include "protocol/rules.hpp"
#include "protocol/verifier.hpp"

namespace lobby::protocol {
namespace {
constexpr std::size_t max_residents = 20;
} // namespace

void decode_into(const nlohmann::json& j, EmergencyContact& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.object("name", out.name);
    r.text("phone", out.phone, TextRule{3, 20, false});
}

void to_json(nlohmann::json& j, const EmergencyContact& v) { j = nlohmann::json{{"name", v.name}, {"phone", v.phone}}; }

void decode_into(const nlohmann::json& j, Estate& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.object("name", out.name);
    r.object("address", out.address);
    r.text("hotline", out.hotline, TextRule{3, 20, false});
    r.object("office_hours", out.office_hours);
    r.array("emergency_contacts", out.emergency_contacts, 20);
}

void to_json(nlohmann::json& j, const Estate& v) {
    j = nlohmann::json{{"name", v.name},
                       {"address", v.address},
                       {"hotline", v.hotline},
                       {"office_hours", v.office_hours},
                       {"emergency_contacts", v.emergency_contacts}};
}

void decode_into(const nlohmann::json& j, Unit& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("id", out.id, id_rule);
    r.integer("building", out.building, 1, 999);
    r.integer("entrance", out.entrance, 1, 99);
    r.integer("floor", out.floor, -5, 200);
    r.text("room", out.room, TextRule{1, 8, false});
    r.number("area_m2", out.area_m2, 1, 100000);
    r.text("owner_masked", out.owner_masked, TextRule{0, 40, false});
    if (j.contains("resident_last4_hmacs")) {
        r.text_array("resident_last4_hmacs", out.resident_last4_hmacs, max_residents, TextRule{64, 64, false});
        for (std::size_t i = 0; r.ok() && i < out.resident_last4_hmacs.size(); ++i)
            if (!is_verifier_text(out.resident_last4_hmacs[i]))
                ctx.fail(ctx.path("resident_last4_hmacs[" + std::to_string(i) + "]"), "must be 64 lowercase hex digits.");
    }
}

void to_json(nlohmann::json& j, const Unit& v) {
    j = nlohmann::json{{"id", v.id},     {"building", v.building}, {"entrance", v.entrance},
                       {"floor", v.floor}, {"room", v.room},        {"area_m2", v.area_m2},
                       {"owner_masked", v.owner_masked}};
    if (!v.resident_last4_hmacs.empty()) j["resident_last4_hmacs"] = v.resident_last4_hmacs;
}

} // namespace lobby::protocol
