// Demo repair data: categories (with who to call when the office cannot
// help) and a repair history in several states.
#include "repairs/repairs.hpp"

#include "repairs/access.hpp"
#include "repairs/tickets.hpp"

#include "protocol/changes.hpp"
#include "protocol/repairs.hpp"

#include <vector>

namespace lobby::server::repairs {
namespace {

using protocol::LocalizedText;


constexpr protocol::UtcSeconds hour = 3600;
constexpr protocol::UtcSeconds day = 24 * hour;

struct Step {
    const char* status;
    protocol::UtcSeconds after_s;  // since the ticket was created
    const char* note;
};

struct DemoTicket {
    const char* kiosk;  // nullptr: taken at the counter, not in any kiosk's feed
    const char* unit;
    const char* category;
    const char* location;
    const char* detail;
    const char* description;
    protocol::UtcSeconds age_s;
    std::vector<Step> steps;
    int rating;  // 0: none
    const char* worker;  // nullptr: nobody sent yet
    std::int64_t charge_fen;  // -1: none agreed
    const char* preset;
};

} // namespace

void seed_tickets(DemoSeed& seed) {
    Database& db = seed.db;
    const protocol::UtcSeconds now = seed.now;
    // Several tickets in every state; 3-2-1502 (phone 5678) has one waiting for its 验收
    // among three (查询进度 by unit lists them; tests/server/repairs_by_unit_test.cpp).
    const DemoTicket tickets[] = {
        {"lobby-1", "3-2-1502", "plumbing", "own_unit", "厨房", "厨房水槽下水管漏水", 10 * day,
         {{"accepted", hour, "已受理"}, {"dispatched", 2 * hour, "已派单给维修师傅"}, {"scheduled", 3 * hour, "约定明天上午上门"},
          {"in_progress", day, "师傅已上门，需更换软管（有偿服务35元，业主已同意）"}, {"completed", day + 2 * hour, "已更换下水软管"}},
         0, "刘建国", 3500, "pipe_leak"},
        {"lobby-1", "3-2-1502", "electrical", "public", "3栋2单元15楼", "灯不亮", 2 * day,
         {{"accepted", 3 * hour, "已安排电工检查"}}, 0, nullptr, -1, "lamp_out"},
        {"lobby-1", "3-2-1502", "home_repair", "own_unit", "卫生间", "更换水龙头", 3 * day,
         {{"accepted", hour, "已受理"}, {"dispatched", 2 * hour, "已派单"}, {"scheduled", 3 * hour, "约定今天下午上门"},
          {"in_progress", day, "师傅已上门"}, {"awaiting_acceptance", day + 3 * hour, "已更换水龙头，请验收"}},
         0, "王小明", 5000, "tap_replace"},
        {"lobby-1", nullptr, "lift", "public", "1栋1单元电梯", "电梯异响", 20 * day,
         {{"accepted", hour, "已通知电梯维保公司"}, {"dispatched", 2 * hour, "维保公司已派人"}, {"in_progress", day, "维保公司已到场"},
          {"awaiting_acceptance", 2 * day, "更换导靴，运行正常"}, {"completed", 3 * day, "住户验收通过"},
          {"closed", 3 * day + hour, "住户评价 5/5，已解决"}},
         5, "陈志强", -1, "lift_noise"},
        {"lobby-1", "5-3-2202", "door_window", "own_unit", "阳台", "门锁坏", 1 * day, {}, 0, nullptr, -1, "lock_broken"},
        {"lobby-1", nullptr, "cleaning", "public", "地下车库", "垃圾未清运", 4 * day,
         {{"accepted", hour, "已通知保洁主管"}, {"dispatched", 2 * hour, "已派保洁员"}}, 0, "赵丽", -1, "refuse_full"},
        {"lobby-1", "1-1-801", "plumbing", "own_unit", "卫生间", "下水道堵塞", 6 * day,
         {{"accepted", hour, "已受理"}, {"dispatched", 2 * hour, "已派单"}, {"scheduled", 3 * hour, "约定后天晚上上门"},
          {"in_progress", 5 * day, "正在疏通"}},
         0, "刘建国", -1, "drain_blocked"},
        {"lobby-1", "1-1-801", "electrical", "own_unit", "客厅", "插座没电", 1 * day,
         {{"accepted", hour, "已受理"}, {"scheduled", 2 * hour, "约定明天下午上门"}}, 0, nullptr, -1, "socket_dead"},
        {"lobby-2", "4-1-1203", "cleaning", "public", "4栋垃圾房", "垃圾未清运", 5 * day,
         {{"accepted", 2 * hour, "已通知保洁主管"}, {"completed", day, "已增加每日清运一次并消毒"}}, 0, nullptr, -1,
         "refuse_full"},
        {"lobby-2", "6-2-901", "electrical", "own_unit", "客厅", "插座没电", 30 * day,
         {{"cancelled", 3 * hour, "住户已自行处理，取消报修"}}, 0, nullptr, -1, "socket_dead"},
        {nullptr, nullptr, "plumbing", "public", "2栋地下车库", "车库顶部渗水", 8 * day,
         {{"accepted", hour, "前台电话登记，已派工程部"}, {"scheduled", day, "待防水施工队进场"}}, 0, nullptr, -1, nullptr},
        {nullptr, nullptr, "lift_trapped", "public", "3栋1单元电梯", "电梯困人（已解救）", 40 * day,
         {{"in_progress", 5 * 60, "值班人员到场"}, {"completed", 25 * 60, "人员已安全救出，电梯已检修"},
          {"closed", day, "住户评价 4/5，已解决"}},
         4, "值班员", -1, nullptr},
    };
    Statement ins(db, R"sql(
INSERT INTO tickets (n, id, kiosk_id, unit_id, category, description, location, location_detail, emergency, status,
                     created_at, updated_at, rating_score, rating_solved, worker, charge_fen, preset)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))sql");
    Statement event(db, "INSERT INTO ticket_events (ticket_id, at, status, note) VALUES (?, ?, ?, ?)");
    std::int64_t n = 0;
    for (const auto& t : tickets) {
        ++n;
        const protocol::UtcSeconds created = now - t.age_s;
        const protocol::UtcSeconds updated = t.steps.empty() ? created : created + t.steps.back().after_s;
        char id[32];
        std::snprintf(id, sizeof id, "R-%s-%06lld", protocol::format_utc(created).substr(0, 4).c_str(),
                      static_cast<long long>(n));
        const bool emergency = std::string(t.category) == "lift_trapped";
        ins.bind(1, n).bind(2, id).bind(3, t.kiosk ? std::optional<std::string>(t.kiosk) : std::nullopt);
        ins.bind(4, t.unit ? std::optional<std::string>(t.unit) : std::nullopt).bind(5, t.category).bind(6, t.description).bind(7, t.location).bind(8, t.detail);
        ins.bind(9, emergency ? 1 : 0).bind(10, t.steps.empty() ? "submitted" : t.steps.back().status);
        ins.bind(11, created).bind(12, updated);
        if (t.rating > 0) ins.bind(13, t.rating).bind(14, 1);
        ins.bind(15, t.worker ? std::optional<std::string>(t.worker) : std::nullopt);
        if (t.charge_fen >= 0) ins.bind(16, t.charge_fen);
        ins.bind(17, t.preset ? std::optional<std::string>(t.preset) : std::nullopt);
        ins.run();
        event.bind(1, id).bind(2, created).bind(3, "submitted").bind(4, "已收到报修");
        event.run();
        for (const auto& s : t.steps) {
            event.bind(1, id).bind(2, created + s.after_s).bind(3, s.status).bind(4, s.note);
            event.run();
        }
        publish_ticket(db, *find_ticket(db, id));
    }
    // The demo's follow-up code (as if printed on 3-2-1502's ticket screen):
    // type it at 查询进度 to accept or reject the work waiting for 验收 (one
    // ticket's: a code opens one ticket, the database allows no second).
    Statement code(db, R"sql(
UPDATE tickets SET follow_code_hash = ? WHERE n = (
  SELECT MIN(n) FROM tickets WHERE unit_id = '3-2-1502' AND status = 'awaiting_acceptance'))sql");
    code.bind(1, follow_code_hash(demo_follow_code));
    code.run();
}

} // namespace lobby::server::repairs
