// Demo repair data: categories (with who to call when the office cannot
// help) and a repair history in several states.
#include "repairs/repairs.hpp"

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
};

} // namespace

void seed_repair_categories(DemoSeed& seed) {
    using Opt = std::optional<LocalizedText>;
    using Phone = std::optional<std::string>;
    const protocol::RepairCategory categories[] = {
        {"plumbing", {"水管/漏水", "水管/漏水", "Plumbing / leak"}, true, false, Opt{}, Phone{}},
        {"electrical", {"电路/照明", "電路/照明", "Wiring / lighting"}, true, false, Opt{}, Phone{}},
        {"door_window", {"门窗/门禁", "門窗/門禁", "Doors, windows, access control"}, true, false, Opt{}, Phone{}},
        {"lift", {"电梯故障", "電梯故障", "Lift fault"}, true, false, Opt{}, Phone{}},
        {"lift_trapped", {"电梯困人", "電梯困人", "Person trapped in a lift"}, true, true, Opt{}, Phone{}},
        {"water_leak_urgent", {"严重漏水/水浸", "嚴重漏水/水浸", "Serious leak / flooding"}, true, true, Opt{}, Phone{}},
        {"public_area", {"公共区域（楼道、绿化、路灯）", "公共區域（樓道、綠化、路燈）", "Public area (stairs, gardens, lamps)"},
         true, false, Opt{}, Phone{}},
        {"cleaning", {"保洁/垃圾", "清潔/垃圾", "Cleaning / refuse"}, true, false, Opt{}, Phone{}},
        {"gas", {"燃气", "燃氣", "Gas"}, false, true,
         Opt{LocalizedText{"燃气公司抢修热线", "燃氣公司搶修熱線", "the gas company's emergency line"}},
         Phone{"0755-83203999"}},
        {"telecom", {"宽带/电话/有线电视", "寬頻/電話/有線電視", "Broadband, phone, cable TV"}, false, false,
         Opt{LocalizedText{"您的宽带运营商（电信10000 / 联通10010 / 移动10086）",
                           "您的寬頻營運商（電信10000 / 聯通10010 / 移動10086）",
                           "your provider (Telecom 10000 / Unicom 10010 / Mobile 10086)"}},
         Phone{"10000"}},
        {"appliance", {"家用电器", "家用電器", "Home appliances"}, false, false,
         Opt{LocalizedText{"电器品牌售后服务", "電器品牌售後服務", "the appliance maker's service"}}, Phone{}},
    };
    for (const auto& c : categories) seed.feed.publish(protocol::collection::repair_categories, c.code, c);
}

void seed_tickets(DemoSeed& seed) {
    Database& db = seed.db;
    const protocol::UtcSeconds now = seed.now;
    const DemoTicket tickets[] = {
        {"lobby-1", "3-2-1502", "plumbing", "own_unit", "厨房", "厨房水槽下水管漏水", 10 * day,
         {{"accepted", hour, "已派单给维修师傅刘师傅"}, {"scheduled", 2 * hour, "约定明天上午上门"},
          {"in_progress", day, "师傅已上门，需更换软管（有偿服务35元，业主已同意）"}, {"completed", day + 2 * hour, "已更换下水软管"}},
         0},
        {"lobby-1", "3-2-1502", "public_area", "public", "3栋2单元15楼", "15楼楼道声控灯不亮", 2 * day,
         {{"accepted", 3 * hour, "已安排电工检查"}}, 0},
        {"lobby-1", "1-1-801", "lift", "public", "1栋1单元电梯", "电梯运行时有异响", 20 * day,
         {{"accepted", hour, "已通知电梯维保公司"}, {"in_progress", day, "维保公司已到场"},
          {"completed", 2 * day, "更换导靴，运行正常"}, {"closed", 3 * day, "住户评价 5/5，已解决"}},
         5},
        {"lobby-1", "5-3-2202", "door_window", "own_unit", "阳台", "阳台推拉门关不严", 1 * day, {}, 0},
        {"lobby-2", "4-1-1203", "cleaning", "public", "4栋垃圾房", "垃圾房异味较大，请增加清运", 5 * day,
         {{"accepted", 2 * hour, "已通知保洁主管"}, {"completed", day, "已增加每日清运一次并消毒"}}, 0},
        {"lobby-2", "6-2-901", "electrical", "own_unit", "客厅", "客厅插座跳闸", 30 * day,
         {{"cancelled", 3 * hour, "住户已自行处理，取消报修"}}, 0},
        {nullptr, "2-1-1701", "plumbing", "public", "2栋地下车库", "车库顶部渗水", 8 * day,
         {{"accepted", hour, "前台电话登记，已派工程部"}, {"scheduled", day, "待防水施工队进场"}}, 0},
        {nullptr, "3-1-2201", "lift_trapped", "public", "3栋1单元电梯", "电梯困人（已解救）", 40 * day,
         {{"in_progress", 5 * 60, "值班人员到场"}, {"completed", 25 * 60, "人员已安全救出，电梯已检修"},
          {"closed", day, "住户评价 4/5，已解决"}},
         4},
    };
    Statement ins(db, R"sql(
INSERT INTO tickets (n, id, kiosk_id, unit_id, category, description, location, location_detail, emergency, status,
                     created_at, updated_at, rating_score, rating_solved)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))sql");
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
        ins.bind(4, t.unit).bind(5, t.category).bind(6, t.description).bind(7, t.location).bind(8, t.detail);
        ins.bind(9, emergency ? 1 : 0).bind(10, t.steps.empty() ? "submitted" : t.steps.back().status);
        ins.bind(11, created).bind(12, updated);
        if (t.rating > 0) ins.bind(13, t.rating).bind(14, 1);
        ins.run();
        event.bind(1, id).bind(2, created).bind(3, "submitted").bind(4, "已收到报修");
        event.run();
        for (const auto& s : t.steps) {
            event.bind(1, id).bind(2, created + s.after_s).bind(3, s.status).bind(4, s.note);
            event.run();
        }
        publish_ticket(db, *find_ticket(db, id));
    }
}

} // namespace lobby::server::repairs
