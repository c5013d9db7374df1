// Demo notices: one or more in every category, current, urgent, expired,
// and a long one in Markdown with a picture.
#include "notices/notices.hpp"

#include "protocol/changes.hpp"
#include "protocol/notices.hpp"

#include <string>
#include <utility>
#include <vector>

namespace lobby::server::notices {
namespace {

constexpr protocol::UtcSeconds hour = 3600;
constexpr protocol::UtcSeconds day = 24 * hour;

void add_notice(FeedWriter& feed, protocol::Notice n, std::vector<std::string> images = {}) {
    n.images = std::move(images);
    PublishOptions options;
    options.refresh_at = n.expires_at;  // the first pull after this turns it into a tombstone
    feed.publish(protocol::collection::notices, n.id, n, options);
}

} // namespace

void seed_notices(DemoSeed& seed) {
    FeedWriter& feed = seed.feed;
    const protocol::UtcSeconds now = seed.now;
    // Tomorrow 09:00-17:00 China time, written into the urgent notice.
    const protocol::UtcSeconds china_midnight = protocol::start_of_day_shanghai(now);
    const std::string tomorrow = protocol::format_date_shanghai(china_midnight + day);
    add_notice(feed, {"N-1", "outage", true,
                      // No 【紧急】 in the title: urgent notices carry the flag, the kiosk adds one label.
                      {"3栋明日停水通知", "3棟明日停水通知", "Water outage in building 3 tomorrow"},
                      {"因二次供水水泵更换，3栋1-2单元将于" + tomorrow +
                           " 09:00-17:00停水。请提前储水，关闭家中水龙头。如有疑问请致电 0755-86001234。",
                       "因二次供水水泵更換，3棟1-2單元將於" + tomorrow +
                           " 09:00-17:00停水。請提前儲水，關閉家中水龍頭。如有疑問請致電 0755-86001234。",
                       "Building 3 (entrances 1-2) will have no water on " + tomorrow +
                           " 09:00-17:00 while the booster pump is replaced. Please store water in advance and "
                           "close your taps. Questions: call 0755-86001234."},
                      now - 2 * hour, china_midnight + 2 * day});
    add_notice(feed, {"N-2", "outage", false,
                      {"5栋电梯维保通知", "5棟電梯維保通知", "Lift maintenance, building 5"},
                      {"5栋2单元1号电梯本周四 10:00-12:00 例行维保，期间请使用2号电梯。",
                       "5棟2單元1號電梯本週四 10:00-12:00 例行維保，期間請使用2號電梯。",
                       "Lift 1 of building 5, entrance 2, is serviced on Thursday 10:00-12:00; please use lift 2."},
                      now - day, now + 6 * day});
    add_notice(feed, {"N-3", "event", false,
                      {"设备房开放日", "設備房開放日", "Equipment room open day"},
                      {"本周六 09:30 起开放水泵房和配电房参观，物业工程师现场讲解设施维护情况，欢迎业主报名参加。",
                       "本週六 09:30 起開放水泵房和配電房參觀，歡迎業主報名。",
                       "Saturday from 09:30 the pump and switch rooms are open to owners, with our engineers."},
                      now - 3 * day, now + 10 * day});
    add_notice(feed, {"N-4", "fee", false,
                      {"物业费缴纳提醒", "物業費繳納提醒", "Management fee reminder"},
                      {"请尚未缴纳本期物业费的业主在每月15日前缴纳，可在大堂自助终端扫码支付。",
                       "請未繳本期物業費的業主於每月15日前繳納，可在大堂自助終端掃碼支付。",
                       "Please pay this period's fees by the 15th; you can pay by QR code at the lobby kiosk."},
                      now - 5 * day, now + 30 * day});
    add_notice(feed, {"N-5", "service", false,
                      {"物业费包含哪些服务？", "物業費包含哪些服務？", "What does the management fee cover?"},
                      {"物业费用于公共区域的保洁、绿化、安保和共用设施设备维护。业主户内的水电、门窗等维修属于有偿服务，"
                       "维修前会先告知价格并征得您同意。",
                       "物業費用於公共區域的清潔、綠化、保安和共用設施維護。戶內維修屬有償服務，維修前先告知價格。",
                       "The fee pays for cleaning, greening, security and shared equipment. Repairs inside your flat are "
                       "a paid service; we agree the price with you first."},
                      now - 30 * day, std::nullopt});
    add_notice(feed, {"N-6", "safety", false,
                      {"冬季消防安全检查", "冬季消防安全檢查", "Winter fire safety check"},
                      {"本月下旬将逐栋检查楼道消防栓和灭火器。请您：\n\n- 勿在楼道堆放杂物\n- **勿在楼道停放电动车或充电**\n- 保持消防通道畅通",
                       "本月下旬將逐棟檢查樓道消防栓和滅火器。請您：\n\n- 勿在樓道堆放雜物\n- **勿在樓道停放電動車或充電**\n- 保持消防通道暢通",
                       "Fire hydrants and extinguishers are checked building by building. Please:\n\n- keep stairwells clear\n- **never park or charge e-bikes in stairwells**\n- keep fire exits open"},
                      now - 2 * day, now + 14 * day});
    add_notice(feed, {"N-7", "event", false,
                      {"中秋游园活动", "中秋遊園活動", "Mid-Autumn garden party"},
                      {"中秋游园活动已圆满结束，感谢各位业主参与。", "中秋遊園活動已圓滿結束，感謝參與。",
                       "The Mid-Autumn party is over; thank you for joining."},
                      now - 60 * day, now - 50 * day});  // expired: arrives as a tombstone
    // The long one, in Markdown with a picture (uploaded by the seed as staff would).
    store_image(seed.db, "IMG-lift-plan", "image/png", demo_lift_plan_png(), now);
    add_notice(feed, {"N-8", "outage", false,
                      {"5栋1号电梯更换工程说明", "5棟1號電梯更換工程說明", "Building 5: lift 1 is being replaced"},
                      {"## 工程内容\n\n5栋2单元**1号电梯**已使用十八年，经业主大会表决同意，将整体更换为新电梯。"
                       "工程期间1号电梯停用，**2号电梯照常运行**，高峰时段请耐心等候。\n\n"
                       "## 工期安排\n\n1. 第一周：拆除旧轿厢和导轨，井道围蔽\n2. 第二至四周：安装新导轨、曳引机和轿厢\n"
                       "3. 第五周：调试，并由特种设备检验机构验收\n\n"
                       "## 温馨提示\n\n- 施工时间为每天 08:30-12:00、14:00-18:00，午间和夜间不施工\n"
                       "- 搬运大件家具请提前告知物业，我们会安排2号电梯专用时段\n"
                       "- 行动不便的住户可预约上门协助，工作人员帮您搬运重物\n\n"
                       "下图为一楼大堂示意：红色为停用的1号电梯，绿色为2号电梯，蓝色为通行路线。\n\n"
                       "如有疑问请致电物业服务中心 0755-86001234（24小时）。",
                       "## 工程內容\n\n5棟2單元**1號電梯**已使用十八年，經業主大會表決同意，將整體更換為新電梯。"
                       "工程期間1號電梯停用，**2號電梯照常運行**。\n\n"
                       "## 工期安排\n\n1. 第一週：拆除舊轎廂和導軌\n2. 第二至四週：安裝新導軌和轎廂\n3. 第五週：調試及驗收\n\n"
                       "## 溫馨提示\n\n- 施工時間為每天 08:30-12:00、14:00-18:00\n- 搬運大件傢俬請提前告知物業\n\n"
                       "下圖為一樓大堂示意：紅色為停用的1號電梯，綠色為2號電梯。\n\n如有疑問請致電 0755-86001234。",
                       "## The works\n\nLift 1 of building 5, entrance 2, is eighteen years old and is being replaced, "
                       "as the owners' meeting decided. **Lift 2 runs as usual.**\n\n"
                       "## Schedule\n\n1. Week 1: old car and rails removed\n2. Weeks 2-4: new rails, machine and car\n"
                       "3. Week 5: tests and inspection\n\n"
                       "## Good to know\n\n- Works 08:30-12:00 and 14:00-18:00 only\n"
                       "- Moving furniture? Tell the office and we book lift 2 for you\n\n"
                       "The plan below shows the lobby: red is lift 1 (closed), green is lift 2.\n\n"
                       "Questions: call 0755-86001234 (24 hours)."},
                      now - 3 * hour, now + 35 * day},
               {"IMG-lift-plan"});
}

} // namespace lobby::server::notices
