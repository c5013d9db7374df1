// Demo satisfaction surveys: the current quarter's (open) and an old one
// (closed), and what the office did after the old one (您说，我们做).
#include "surveys/surveys.hpp"

#include "protocol/changes.hpp"
#include "protocol/surveys.hpp"

#include <string>
#include <utility>
#include <vector>

namespace lobby::server::surveys {
namespace {

constexpr protocol::UtcSeconds hour = 3600;
constexpr protocol::UtcSeconds day = 24 * hour;

protocol::SurveyChoice choice(const char* id, const char* zh_cn, const char* zh_hk, const char* en) {
    return protocol::SurveyChoice{id, {zh_cn, zh_hk, en}};
}

// Surveys are quarterly: "S-2026-Q4" for the quarter `t` falls in (China time).
int quarter(protocol::UtcSeconds t) { return (protocol::to_shanghai(t).month + 2) / 3; }

std::string survey_id(protocol::UtcSeconds t) {
    return "S-" + std::to_string(protocol::to_shanghai(t).year) + "-Q" + std::to_string(quarter(t));
}

protocol::LocalizedText survey_title(protocol::UtcSeconds t) {
    static const char* const zh[] = {"一", "二", "三", "四"};
    const std::string q = zh[quarter(t) - 1];
    return {"物业服务满意度调查（第" + q + "季度）", "物業服務滿意度調查（第" + q + "季度）",
            "Quarterly satisfaction survey (Q" + std::to_string(quarter(t)) + ")"};
}

// 1-5 with words, from 很不满意 to 很满意.
protocol::SurveyQuestion rating(const char* id, protocol::LocalizedText text) {
    return {id, "rating", std::move(text),
            {choice("1", "很不满意", "很不滿意", "Very dissatisfied"), choice("2", "不满意", "不滿意", "Dissatisfied"),
             choice("3", "一般", "一般", "Neutral"), choice("4", "满意", "滿意", "Satisfied"),
             choice("5", "很满意", "很滿意", "Very satisfied")},
            std::nullopt, false};
}

// Asked only after a rating of 1 or 2: what was wrong, with optional words.
protocol::SurveyQuestion follow_up(const char* id, const char* rating_id, std::vector<protocol::SurveyChoice> reasons) {
    return {id, "multiple", {"您对哪些方面不满意？", "您對哪些方面不滿意？", "What were you dissatisfied with?"},
            std::move(reasons), protocol::SurveyCondition{rating_id, {"1", "2"}}, true};
}

} // namespace

void seed_surveys(DemoSeed& seed) {
    FeedWriter& feed = seed.feed;
    const protocol::UtcSeconds now = seed.now;
    protocol::Survey s;
    s.id = survey_id(now);
    s.title = survey_title(now);
    s.opens_at = now - 7 * day;
    s.closes_at = now + 23 * day;
    s.anonymous_allowed = true;
    // Every kind: two ratings, each followed by what was wrong when low,
    // single and multiple choices (some longer than an elderly screen's
    // four) and written words.
    s.questions = {
        rating("q1", {"总体来说，您对物业服务满意吗？", "總體來說，您對物業服務滿意嗎？", "Overall, how satisfied are you with our service?"}),
        follow_up("q2", "q1",
                  {choice("cleaning", "保洁不及时", "清潔不及時", "Cleaning"), choice("greening", "绿化养护差", "綠化養護差", "Greenery upkeep"),
                   choice("security", "安保巡逻少", "保安巡邏少", "Security patrols"), choice("repairs", "维修响应慢", "維修響應慢", "Slow repairs"),
                   choice("lifts", "电梯常故障", "電梯常故障", "Lift breakdowns"), choice("parking", "停车管理乱", "停車管理亂", "Parking"),
                   choice("fees", "收费不透明", "收費不透明", "Unclear fees")}),
        rating("q3", {"您对维修服务满意吗？", "您對維修服務滿意嗎？", "How satisfied are you with repairs?"}),
        follow_up("q4", "q3",
                  {choice("slow", "上门太慢", "上門太慢", "Too slow to come"), choice("unfixed", "没有修好", "沒有修好", "Not fixed"),
                   choice("manner", "态度不好", "態度不好", "Unfriendly"), choice("charges", "收费不清楚", "收費不清楚", "Unclear charges")}),
        {"q5", "single", {"您最常用哪种方式联系物业？", "您最常用哪種方式聯繫物業？", "How do you usually contact the office?"},
         {choice("desk", "物业前台", "物業前台", "Front desk"), choice("phone", "电话", "電話", "Phone"),
          choice("wechat", "微信群", "微信群", "WeChat group"), choice("kiosk", "大堂自助机", "大堂自助機", "Lobby kiosk")}, std::nullopt, false},
        {"q6", "multiple", {"您希望增加哪些设施？（可多选）", "您希望增加哪些設施？（可多選）", "Which facilities should we add? (any)"},
         {choice("gym", "健身器材", "健身器材", "Fitness equipment"), choice("lockers", "快递柜", "快遞櫃", "Parcel lockers"),
          choice("chargers", "电动车充电桩", "電動車充電樁", "E-bike chargers"), choice("benches", "休闲座椅", "休閒座椅", "Benches"),
          choice("pets", "宠物便便箱", "寵物便便箱", "Pet waste bins"), choice("reading", "社区阅览室", "社區閱覽室", "Reading room")}, std::nullopt, false},
        {"q7", "single", {"您愿意参加业主议事会吗？", "您願意參加業主議事會嗎？", "Would you join the residents' council?"},
         {choice("yes", "愿意", "願意", "Yes"), choice("maybe", "再看看", "再看看", "Maybe"), choice("no", "不愿意", "不願意", "No")}, std::nullopt, false},
        {"q8", "text", {"其他意见和建议", "其他意見和建議", "Anything else you would like to tell us?"}, {}, std::nullopt, false},
    };
    feed.publish(protocol::collection::surveys, s.id, s);

    protocol::Survey old = s;
    old.id = survey_id(now - 120 * day);
    old.title = survey_title(now - 120 * day);
    old.opens_at = now - 120 * day;
    old.closes_at = now - 90 * day;  // closed: answers are refused
    feed.publish(protocol::collection::surveys, old.id, old);

    // 您说，我们做: what the office changed after the last survey.
    const protocol::SurveyAction actions[] = {
        {"A-slide", old.id, {"应业主要求，儿童滑梯已安装（3栋南侧）", "應業主要求，兒童滑梯已安裝（3棟南側）", "You asked, we did: a children's slide south of building 3"}, now - 30 * day},
        {"A-lights", old.id, {"地下车库照明已全部更换为感应灯", "地下車庫照明已全部更換為感應燈", "All car park lights replaced with motion-sensor lights"}, now - 21 * day},
        {"A-repairs", old.id, {"报修 2 小时内上门，夜间有值班电工", "報修 2 小時內上門，夜間有值班電工", "Repairs: someone comes within 2 hours, an electrician on duty at night"}, now - 10 * day},
    };
    for (const auto& a : actions) feed.publish(protocol::collection::survey_actions, a.id, a);
}

} // namespace lobby::server::surveys
