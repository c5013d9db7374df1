// Demo visitor codes (valid, expired, used) and a move-out request waiting
// for the owner's confirmation.
#include "visitors/visitors.hpp"

#include <optional>

namespace lobby::server::visitors {
namespace {

constexpr protocol::UtcSeconds hour = 3600;
constexpr protocol::UtcSeconds day = 24 * hour;

} // namespace

void seed_visitors(DemoSeed& seed) {
    Database& db = seed.db;
    const protocol::UtcSeconds now = seed.now;
    struct Code {
        const char* code;
        const char* unit;
        const char* name;
        const char* purpose;
        int people;
        protocol::UtcSeconds from, until;
        std::optional<protocol::UtcSeconds> redeemed;
    };
    const Code codes[] = {
        {"246810", "3-2-1502", "张丽", "family", 2, now - hour, now + 2 * day, std::nullopt},
        {"135790", "1-1-801", "陈师傅", "renovation", 1, now - hour, now + 5 * day, std::nullopt},
        {"864209", "5-3-2202", "周阿姨", "helper", 1, now - day, now + 6 * day, std::nullopt},
        {"555000", "2-2-602", "赵敏", "friend", 3, now - 3 * day, now - 2 * day, std::nullopt},
        {"777111", "4-2-1801", "快递员", "courier", 1, now - 5 * hour, now + 19 * hour, now - 4 * hour},
    };
    Statement ins(db, R"sql(
INSERT INTO visitor_codes (id, code, kind, unit_id, name, phone, purpose, people, valid_from, valid_until,
                           redeemed_at, created_by, uses)
VALUES (?, ?, 'pre_registered', ?, ?, NULL, ?, ?, ?, ?, ?, 'office-staff', ?))sql");
    int i = 0;
    for (const auto& c : codes) {
        ins.bind(1, "V-demo" + std::to_string(++i)).bind(2, c.code).bind(3, c.unit).bind(4, db.cipher().seal(c.name)).bind(5, c.purpose);
        ins.bind(6, c.people).bind(7, c.from).bind(8, c.until).bind(9, c.redeemed).bind(10, c.redeemed ? 1 : 0);
        ins.run();
        publish_code(db, "V-demo" + std::to_string(i));  // kiosks can check it offline
    }
    Statement move(db, R"sql(
INSERT INTO move_outs (id, unit_id, requester_name, requester_phone, relation, items, planned_date, status,
                       created_at, kiosk_id, release_code)
VALUES ('M-demo1', '5-3-2202', ?, ?, 'tenant', '冰箱一台、纸箱十个', ?, 'awaiting_owner_confirmation', ?,
        'lobby-1', '20261125'))sql");
    move.bind(1, db.cipher().seal("王强")).bind(2, db.cipher().seal("18600001357"));
    move.bind(3, protocol::format_date_shanghai(now + 2 * day)).bind(4, now - hour);
    move.run();
}

} // namespace lobby::server::visitors
