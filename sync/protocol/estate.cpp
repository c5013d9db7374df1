// JSON mapping of the estate messages.
#include "protocol/estate.hpp"

#include "protocol/rules.hpp"

namespace lobby::protocol {
namespace {
constexpr std::size_t max_residents = 20;
std::string resident_last4_key(std::size_t n) { return "resident_" + std::to_string(n) + "_phone_last4"; }
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
    for (std::size_t n = 1; r.ok() && n <= max_residents && j.contains(resident_last4_key(n)); ++n) {
        std::string digits;
        r.digits(resident_last4_key(n).c_str(), digits, 4);
        if (r.ok()) out.resident_phone_last4.push_back(digits);
    }
}

void to_json(nlohmann::json& j, const Unit& v) {
    j = nlohmann::json{{"id", v.id},     {"building", v.building}, {"entrance", v.entrance},
                       {"floor", v.floor}, {"room", v.room},        {"area_m2", v.area_m2},
                       {"owner_masked", v.owner_masked}};
    for (std::size_t i = 0; i < v.resident_phone_last4.size() && i < max_residents; ++i)
        j[resident_last4_key(i + 1)] = v.resident_phone_last4[i];
}

} // namespace lobby::protocol
