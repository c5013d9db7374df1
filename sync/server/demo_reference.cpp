// Demo reference data: the estate record, fee kinds with what they cover,
// and repair categories with who to call when the office cannot help.
#include "demo_parts.hpp"

#include "protocol/changes.hpp"
#include "protocol/records.hpp"

namespace lobby::server::demo {
namespace {

using protocol::LocalizedText;

void seed_estate(FeedWriter& feed) {
    protocol::Estate e;
    e.name = {"翠湖花园", "翠湖花園", "Cuihu Garden"};
    e.address = {"深圳市南山区翠湖路88号", "深圳市南山區翠湖路88號", "88 Cuihu Road, Nanshan District, Shenzhen"};
    e.hotline = "0755-86001234";
    e.office_hours = {"物业服务中心 每天 08:30-18:00，24小时值班电话 0755-86001234",
                      "物業服務中心 每天 08:30-18:00，24小時值班電話 0755-86001234",
                      "Service centre daily 08:30-18:00; 24-hour duty line 0755-86001234"};
    e.emergency_contacts = {
        {{"物业24小时值班", "物業24小時值班", "Property duty (24h)"}, "0755-86001234"},
        {{"电梯困人救援", "電梯困人救援", "Lift rescue"}, "0755-86001119"},
        {{"火警", "火警", "Fire"}, "119"},
        {{"医疗急救", "醫療急救", "Ambulance"}, "120"},
        {{"报警", "報警", "Police"}, "110"},
        {{"燃气抢修", "燃氣搶修", "Gas emergency"}, "0755-83203999"},
    };
    feed.publish(protocol::collection::estate, "estate", e);
}

void seed_fee_kinds(FeedWriter& feed) {
    const protocol::FeeKind kinds[] = {
        {"management",
         {"物业管理费", "物業管理費", "Management fee"},
         {"公共区域保洁、绿化、秩序维护（保安）、电梯/水泵/消防等共用设施设备的日常维护，按建筑面积每月2.80元/㎡",
          "公共區域清潔、綠化、保安、電梯/水泵/消防等共用設施的日常維護，按建築面積每月2.80元/㎡",
          "Cleaning, greening and security of public areas; upkeep of shared equipment (lifts, pumps, fire "
          "systems); 2.80 yuan per m² per month"},
         {"业主自家户内的水管、电路、门窗、灯具等维修（属于有偿服务，需另行收费）",
          "業主戶內的水管、電路、門窗、燈具等維修（屬有償服務，需另行收費）",
          "Repairs inside your own flat (pipes, wiring, doors, lamps): a paid service, charged separately"}},
        {"parking",
         {"车位管理费", "車位管理費", "Parking space fee"},
         {"地下车库照明、通风、清洁、道闸和车场秩序管理", "地下車庫照明、通風、清潔、道閘和車場秩序管理",
          "Garage lighting, ventilation, cleaning, barriers and traffic marshalling"},
         {"车辆本身的保管责任和车内物品", "車輛本身的保管責任和車內物品",
          "Custody of the car itself and items left inside"}},
        {"water",
         {"水费", "水費", "Water"},
         {"按户表读数代收自来水费 4.20元/吨", "按戶表讀數代收自來水費 4.20元/噸",
          "Tap water by your meter, collected for the water company, 4.20 yuan per m³"},
         {"户内水管漏水造成的损失", "戶內水管漏水造成的損失", "Damage from leaks in your own pipes"}},
        {"electricity",
         {"电费", "電費", "Electricity"},
         {"按户表读数代收电费 0.62元/度", "按戶表讀數代收電費 0.62元/度",
          "Electricity by your meter, collected for the power company, 0.62 yuan per kWh"},
         {"户内线路和电器维修", "戶內線路和電器維修", "Wiring and appliances inside your flat"}},
        {"shared_energy",
         {"公共能耗分摊", "公共能耗分攤", "Shared-area energy"},
         {"楼道照明、电梯、二次供水水泵的电费，按面积分摊", "樓道照明、電梯、二次供水水泵的電費，按面積分攤",
          "Power for stairwell lights, lifts and booster pumps, shared by floor area"},
         {"您家中的用电", "您家中的用電", "Your own household power"}},
        {"refuse",
         {"垃圾处理费", "垃圾處理費", "Refuse fee"},
         {"生活垃圾分类收集、清运（每户每月10元）", "生活垃圾分類收集、清運（每戶每月10元）",
          "Sorted household refuse collection and removal (10 yuan per household per month)"},
         {"装修垃圾清运（需另行预约付费）", "裝修垃圾清運（需另行預約付費）",
          "Renovation debris (book and pay separately)"}},
    };
    for (const auto& k : kinds) feed.publish(protocol::collection::fee_kinds, k.code, k);
}

void seed_repair_categories(FeedWriter& feed) {
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
    for (const auto& c : categories) feed.publish(protocol::collection::repair_categories, c.code, c);
}

} // namespace

void seed_reference(FeedWriter& feed) {
    seed_estate(feed);
    seed_fee_kinds(feed);
    seed_repair_categories(feed);
}

} // namespace lobby::server::demo
