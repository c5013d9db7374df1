// Demo repair catalog: categories with whose job they are, presets with
// icons, the indicative prices of paid work, and the public areas.
#include "repairs/repairs.hpp"

#include "protocol/changes.hpp"
#include "protocol/repairs.hpp"

namespace lobby::server::repairs {
namespace {

using protocol::LocalizedText;
using protocol::RepairCategory;
using protocol::RepairPreset;
using protocol::RepairPrice;

RepairCategory category(const char* code, LocalizedText name, const char* icon, std::int64_t order,
                        std::vector<RepairPreset> presets) {
    RepairCategory c;
    c.code = code;
    c.name = std::move(name);
    c.icon = icon;
    c.order = order;
    c.presets = std::move(presets);
    return c;
}

RepairCategory referred(RepairCategory c, LocalizedText who, const char* phone) {
    c.in_scope = false;
    c.refer_to = std::move(who);
    c.refer_phone = phone;
    return c;
}

RepairCategory chargeable(RepairCategory c, std::vector<RepairPrice> prices) {
    c.chargeable = true;
    c.places = "own_unit";
    c.prices = std::move(prices);
    return c;
}

RepairCategory emergency(RepairCategory c) {
    c.emergency = true;
    return c;
}

RepairCategory public_only(RepairCategory c) {
    c.places = "public";
    return c;
}

const LocalizedText per_time{"次", "次", "visit"};
const LocalizedText per_item{"个", "個", "each"};

} // namespace

void seed_repair_categories(DemoSeed& seed) {
    const RepairCategory categories[] = {
        category("plumbing", {"水管/漏水", "水管/漏水", "Plumbing / leak"}, "tint", 10,
                 {{"pipe_leak", {"水管漏水", "水管漏水", "Leaking pipe"}, "tint"},
                  {"drain_blocked", {"下水道堵塞", "下水道堵塞", "Blocked drain"}, "filter"},
                  {"wall_seepage", {"墙面渗水", "牆面滲水", "Damp wall"}, "tint"}}),
        category("electrical", {"电路/照明", "電路/照明", "Wiring / lighting"}, "lightbulb-o", 20,
                 {{"lamp_out", {"灯不亮", "燈不亮", "Lamp not working"}, "lightbulb-o"},
                  {"socket_dead", {"插座没电", "插座沒電", "Socket has no power"}, "plug"}}),
        category("door_window", {"门窗/门禁", "門窗/門禁", "Doors, windows, access"}, "key", 30,
                 {{"lock_broken", {"门锁坏", "門鎖壞", "Broken lock"}, "lock"},
                  {"door_closer", {"单元门关不上", "單元門關不上", "Entrance door won't close"}, "key"}}),
        public_only(category("lift", {"电梯故障", "電梯故障", "Lift fault"}, "building", 40,
                             {{"lift_noise", {"电梯异响", "電梯異響", "Lift makes noises"}, "volume-up"},
                              {"lift_stopped", {"电梯停运", "電梯停運", "Lift out of service"}, "ban"}})),
        public_only(category("cleaning", {"保洁/垃圾", "清潔/垃圾", "Cleaning / refuse"}, "trash", 50,
                             {{"refuse_full", {"垃圾未清运", "垃圾未清運", "Refuse not collected"}, "trash"},
                              {"stairs_dirty", {"楼道不洁", "樓道不潔", "Stairwell dirty"}, "trash"}})),
        chargeable(category("home_repair", {"户内维修（有偿）", "戶內維修（有償）", "Repairs inside your home (paid)"},
                            "wrench", 60,
                            {{"tap_replace", {"更换水龙头", "更換水龍頭", "Replace a tap"}, "wrench"},
                             {"toilet_fix", {"马桶维修", "馬桶維修", "Toilet repair"}, "wrench"},
                             {"switch_replace", {"更换开关插座", "更換開關插座", "Replace a switch or socket"}, "plug"}}),
                   {{{"上门检查", "上門檢查", "Call-out and inspection"}, 3000, per_time},
                    {{"更换水龙头（不含材料）", "更換水龍頭（不含材料）", "Replace a tap (parts extra)"}, 5000, per_item},
                    {{"马桶维修", "馬桶維修", "Toilet repair"}, 8000, per_time},
                    {{"更换开关插座（不含材料）", "更換開關插座（不含材料）", "Replace a switch/socket (parts extra)"}, 2000, per_item}}),
        emergency(category("water_leak_urgent", {"漏水/水管爆裂", "漏水/水管爆裂", "Leak / burst pipe"}, "tint", 100, {})),
        emergency(public_only(category("lift_trapped", {"电梯困人", "電梯困人", "Person trapped in a lift"}, "building", 101, {}))),
        emergency(category("fire_smoke", {"火警/烟雾", "火警/煙霧", "Fire / smoke"}, "fire", 102, {})),
        emergency(category("gas_smell", {"燃气味", "燃氣味", "Smell of gas"}, "exclamation-triangle", 103, {})),
        referred(category("gas", {"燃气表/燃气供应", "燃氣錶/燃氣供應", "Gas meter / supply"}, "fire", 200, {}),
                 {"燃气公司客服", "燃氣公司客服", "the gas company"}, "0755-83203999"),
        referred(category("telecom", {"宽带/电话/有线电视", "寬頻/電話/有線電視", "Broadband, phone, cable TV"}, "wifi", 210, {}),
                 {"您的宽带运营商（电信10000 / 联通10010 / 移动10086）", "您的寬頻營運商（電信10000 / 聯通10010 / 移動10086）",
                  "your provider (Telecom 10000 / Unicom 10010 / Mobile 10086)"},
                 "10000"),
        referred(category("water_meter", {"自来水表/停水", "自來水錶/停水", "Water meter / supply"}, "tint", 220, {}),
                 {"自来水公司", "自來水公司", "the water company"}, "0755-96116"),
        referred(category("appliance", {"家用电器", "家用電器", "Home appliances"}, "television", 230, {}),
                 {"电器品牌售后服务", "電器品牌售後服務", "the appliance maker's service"}, "400-810-8888"),
    };
    for (const auto& c : categories) seed.feed.publish(protocol::collection::repair_categories, c.code, c);

    const protocol::RepairLocation locations[] = {
        {"lobby", {"本楼大堂", "本樓大堂", "This lobby"}, 10},
        {"lift", {"本楼电梯", "本樓電梯", "This building's lift"}, 20},
        {"corridor", {"楼道/走廊", "樓道/走廊", "Stairs / corridor"}, 30},
        {"entrance", {"单元门口", "單元門口", "Building entrance"}, 40},
        {"car_park", {"地下车库", "地下車庫", "Underground car park"}, 50},
        {"garden", {"小区花园", "小區花園", "Gardens"}, 60},
        {"road_lamp", {"道路/路灯", "道路/路燈", "Roads / street lamps"}, 70},
    };
    for (const auto& l : locations) seed.feed.publish(protocol::collection::repair_locations, l.code, l);
}

} // namespace lobby::server::repairs
