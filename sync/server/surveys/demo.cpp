// Demo satisfaction surveys: the current quarter's (open) and an old one (closed).
#include "surveys/surveys.hpp"

#include "protocol/changes.hpp"
#include "protocol/surveys.hpp"

#include <string>

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
    s.questions = {
        {"q1", "single", {"您对物业服务总体是否满意？", "您對物業服務總體是否滿意？", "Overall, are you satisfied?"},
         {choice("satisfied", "满意", "滿意", "Satisfied"), choice("ok", "基本满意", "基本滿意", "Mostly"),
          choice("dissatisfied", "不满意", "不滿意", "Dissatisfied")}},
        {"q2", "multiple", {"您对哪些方面不满意？（可多选）", "您對哪些方面不滿意？（可多選）", "What are you dissatisfied with?"},
         {choice("cleaning", "保洁", "清潔", "Cleaning"), choice("greening", "绿化", "綠化", "Greening"),
          choice("security", "安保", "保安", "Security"), choice("repairs", "维修响应", "維修響應", "Repair response"),
          choice("lifts", "电梯", "電梯", "Lifts"), choice("parking", "停车管理", "停車管理", "Parking"),
          choice("fees", "收费透明", "收費透明", "Fee transparency")}},
        {"q3", "multiple", {"您希望增加哪些设施？", "您希望增加哪些設施？", "Which facilities should we add?"},
         {choice("slide", "儿童滑梯", "兒童滑梯", "Children's slide"), choice("gym", "健身器材", "健身器材", "Fitness"),
          choice("lockers", "快递柜", "快遞櫃", "Parcel lockers"), choice("chargers", "充电桩", "充電樁", "EV chargers")}},
        {"q4", "text", {"其他意见和建议", "其他意見和建議", "Anything else?"}, {}},
    };
    feed.publish(protocol::collection::surveys, s.id, s);

    protocol::Survey old = s;
    old.id = survey_id(now - 120 * day);
    old.title = survey_title(now - 120 * day);
    old.opens_at = now - 120 * day;
    old.closes_at = now - 90 * day;  // closed: answers are refused
    feed.publish(protocol::collection::surveys, old.id, old);
}

} // namespace lobby::server::surveys
