// JSON mapping of the kiosk messages.
#include "protocol/kiosk.hpp"

#include "protocol/rules.hpp"

namespace lobby::protocol {

void decode_into(const nlohmann::json& j, Health& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("status", out.status, id_rule);
    r.text("version", out.version, id_rule);
}

void to_json(nlohmann::json& j, const Health& v) { j = nlohmann::json{{"status", v.status}, {"version", v.version}}; }

void decode_into(const nlohmann::json& j, Heartbeat& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("kiosk_version", out.kiosk_version, id_rule);
    r.integer("outbox_size", out.outbox_size, 0, 1'000'000);
    r.time("last_sync", out.last_sync);
    r.boolean("storage_full", out.storage_full, false);
}

void to_json(nlohmann::json& j, const Heartbeat& v) {
    j = nlohmann::json{{"kiosk_version", v.kiosk_version}, {"outbox_size", v.outbox_size}};
    put_time(j, "last_sync", v.last_sync);
    if (v.storage_full)
        j["storage_full"] = true;
}

void decode_into(const nlohmann::json& j, HeartbeatAck& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("kiosk_id", out.kiosk_id, id_rule);
    r.time("server_time", out.server_time);
    r.boolean("rotate_token", out.rotate_token, false);
}

void to_json(nlohmann::json& j, const HeartbeatAck& v) {
    j = nlohmann::json{{"kiosk_id", v.kiosk_id}};
    put_time(j, "server_time", v.server_time);
    if (v.rotate_token)
        j["rotate_token"] = true;
}

void decode_into(const nlohmann::json& j, KioskStatus& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("id", out.id, id_rule);
    r.boolean("revoked", out.revoked);
    r.boolean("online", out.online);
    r.time("last_seen", out.last_seen);
    r.text("version", out.version, id_rule);
    r.integer("outbox_size", out.outbox_size, 0, 1'000'000);
    r.time("last_sync", out.last_sync);
    r.boolean("storage_full", out.storage_full, false);
    r.boolean("rotation_pending", out.rotation_pending, false);
}

void to_json(nlohmann::json& j, const KioskStatus& v) {
    j = nlohmann::json{{"id", v.id}, {"revoked", v.revoked}, {"online", v.online}};
    put_time(j, "last_seen", v.last_seen);
    put_optional(j, "version", v.version);
    put_optional(j, "outbox_size", v.outbox_size);
    put_time(j, "last_sync", v.last_sync);
    if (v.storage_full)
        j["storage_full"] = true;
    if (v.rotation_pending)
        j["rotation_pending"] = true;
}

void decode_into(const nlohmann::json& j, KioskList& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.array("kiosks", out.kiosks, 1000);
}

void to_json(nlohmann::json& j, const KioskList& v) { j = nlohmann::json{{"kiosks", v.kiosks}}; }

} // namespace lobby::protocol
