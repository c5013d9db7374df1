// Plain survey data the kiosk shows: the surveys the office published, their
// questions and choices, and what the office did after the last one
// (您说，我们做). Copied out of the cache by the surveys io.
#pragma once

#include "core/cached_data.hpp"
#include "household/core/unit_info.hpp"

#include <cstdint>
#include <string>
#include <tuple>
#include <vector>

namespace kiosk::surveys {

enum class QuestionKind { Single, Multiple, Rating, Text };

struct ChoiceInfo {
    std::string id;  // a rating's are "1" .. "5"
    LocalText text;
};
inline bool operator==(const ChoiceInfo& a, const ChoiceInfo& b) { return a.id == b.id && a.text == b.text; }

struct QuestionInfo {
    std::string id;
    QuestionKind kind = QuestionKind::Single;
    LocalText text;
    std::vector<ChoiceInfo> choices;
    // A follow-up: asked only when the answer to `ask_if_question` picked one
    // of `ask_if_choices`. Empty: always asked.
    std::string ask_if_question;
    std::vector<std::string> ask_if_choices;
    bool remarks = false;  // takes optional words besides its choices
};
inline bool operator==(const QuestionInfo& a, const QuestionInfo& b)
{
    return std::tie(a.id, a.kind, a.text, a.choices, a.ask_if_question, a.ask_if_choices, a.remarks) ==
           std::tie(b.id, b.kind, b.text, b.choices, b.ask_if_question, b.ask_if_choices, b.remarks);
}

struct SurveyInfo {
    std::string id;
    LocalText title;
    std::int64_t opens_utc = 0, closes_utc = 0;
    bool anonymous_allowed = true;
    std::vector<QuestionInfo> questions;

    bool open_at(std::int64_t now_utc) const { return now_utc >= opens_utc && now_utc < closes_utc; }
};
inline bool operator==(const SurveyInfo& a, const SurveyInfo& b)
{
    return std::tie(a.id, a.title, a.opens_utc, a.closes_utc, a.anonymous_allowed, a.questions) ==
           std::tie(b.id, b.title, b.opens_utc, b.closes_utc, b.anonymous_allowed, b.questions);
}

// 您说，我们做: one thing the office changed because residents asked.
struct ActionInfo {
    std::string id;
    LocalText text;
    std::int64_t done_utc = 0;
};
inline bool operator==(const ActionInfo& a, const ActionInfo& b)
{
    return a.id == b.id && a.text == b.text && a.done_utc == b.done_utc;
}

// What the surveys views read from the cache.
struct SurveysCache {
    std::vector<SurveyInfo> surveys;  // closing soonest first
    std::vector<ActionInfo> actions;  // newest first
    std::vector<household::UnitInfo> units;  // for the unit picker (sorted)
};

} // namespace kiosk::surveys
