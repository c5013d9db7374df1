// Demo notices: current, urgent and expired ones.
#include "notices/notices.hpp"

#include "protocol/changes.hpp"
#include "protocol/notices.hpp"

namespace lobby::server::notices {
namespace {

constexpr protocol::UtcSeconds hour = 3600;
constexpr protocol::UtcSeconds day = 24 * hour;

void add_notice(FeedWriter& feed, protocol::Notice n) {
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
                      {"本月下旬将逐栋检查楼道消防栓和灭火器，请勿在楼道堆放杂物和停放电动车。",
                       "本月下旬將逐棟檢查樓道消防栓和滅火器，請勿在樓道堆放雜物。",
                       "Fire hydrants and extinguishers are checked building by building; keep stairwells clear."},
                      now - 2 * day, now + 14 * day});
    add_notice(feed, {"N-7", "event", false,
                      {"中秋游园活动", "中秋遊園活動", "Mid-Autumn garden party"},
                      {"中秋游园活动已圆满结束，感谢各位业主参与。", "中秋遊園活動已圓滿結束，感謝參與。",
                       "The Mid-Autumn party is over; thank you for joining."},
                      now - 60 * day, now - 50 * day});  // expired: arrives as a tombstone
}

} // namespace lobby::server::notices
