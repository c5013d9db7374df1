// Surveys (feed collection "surveys") and the household's answers.
#pragma once

#include "protocol/codec.hpp"
#include "protocol/common.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lobby::protocol {

struct SurveyChoice {
    std::string id;
    LocalizedText text;
};
LOBBY_PROTOCOL_CODEC(SurveyChoice);

// A follow-up is asked only when an earlier question's answer picked one
// of `choice_ids` (a rating of 1 or 2 asks what was wrong).
struct SurveyCondition {
    std::string question_id;
    std::vector<std::string> choice_ids;
};
LOBBY_PROTOCOL_CODEC(SurveyCondition);

// Kinds: "single" (exactly one choice), "multiple" (0..n), "rating" (exactly
// one of the choices "1".."5", each with its words, 很不满意 .. 很满意) and
// "text" (written words only, never required).
struct SurveyQuestion {
    std::string id;
    std::string kind;
    LocalizedText text;
    std::vector<SurveyChoice> choices;      // empty for kind "text"
    std::optional<SurveyCondition> ask_if;  // absent: always asked
    bool remarks = false;                   // a choice question that also takes optional words
};
LOBBY_PROTOCOL_CODEC(SurveyQuestion);

// collection "surveys", key = id.
struct Survey {
    std::string id;
    LocalizedText title;
    UtcSeconds opens_at = 0;
    UtcSeconds closes_at = 0;
    bool anonymous_allowed = true;
    std::vector<SurveyQuestion> questions;
};
LOBBY_PROTOCOL_CODEC(Survey);

// collection "survey_actions", key = id: 您说，我们做 ("you asked, we did"),
// what the office changed after residents' answers, shown before a survey.
struct SurveyAction {
    std::string id;
    std::optional<std::string> survey_id;  // the survey that asked for it, if any
    LocalizedText text;                    // 应业主要求，儿童滑梯已安装
    UtcSeconds done_at = 0;
};
LOBBY_PROTOCOL_CODEC(SurveyAction);

// Kiosk, online: POST /v1/survey-status -> 200 SurveyStatus. Whether a
// verified household has already answered, asked before it starts, so the
// person learns it at once rather than after answering every question.
struct SurveyStatusRequest {
    std::string survey_id;
    std::string unit_id;
    std::string verification_token;
};
LOBBY_PROTOCOL_CODEC(SurveyStatusRequest);

struct SurveyStatus {
    std::string survey_id;
    bool answered = false;
};
LOBBY_PROTOCOL_CODEC(SurveyStatus);

// The most characters of a person's own words in one answer.
inline constexpr std::size_t survey_text_max = 500;

// Surveys: POST /v1/survey-responses -> 201 SurveyReceipt
struct SurveyAnswer {
    std::string question_id;
    std::vector<std::string> choice_ids;  // single, rating: exactly 1; multiple: 0..n; text: none
    std::optional<std::string> text;      // kind "text", or the words of a question with remarks
};
LOBBY_PROTOCOL_CODEC(SurveyAnswer);

// A household answer (anonymous false) names its unit and carries the
// verification_token of this kiosk's fee lookup of that unit; one per
// household. An anonymous answer needs no verification: its unit, if sent,
// is dropped, it never blocks a household and is counted apart.
struct SurveyResponseRequest {
    std::string survey_id;
    std::optional<std::string> unit_id;  // required unless anonymous
    bool anonymous = false;
    std::optional<std::string> verification_token;  // required unless anonymous
    std::vector<SurveyAnswer> answers;
};
LOBBY_PROTOCOL_CODEC(SurveyResponseRequest);

struct SurveyReceipt {
    std::string id;
    std::string survey_id;
    UtcSeconds received_at = 0;
};
LOBBY_PROTOCOL_CODEC(SurveyReceipt);

// Staff: GET /v1/surveys/{id}/results -> 200 SurveyResults. Verified
// household answers and anonymous ones are counted apart everywhere.
struct SurveyTally {
    std::int64_t household = 0;
    std::int64_t anonymous = 0;
};
LOBBY_PROTOCOL_CODEC(SurveyTally);

struct SurveyChoiceResult {
    std::string choice_id;
    SurveyTally picked;
};
LOBBY_PROTOCOL_CODEC(SurveyChoiceResult);

// One answer's own words, for the office to read: which kind of answer
// wrote it, never which unit (the words may name a person; the unit would
// tie them to a household).
struct SurveyWords {
    std::string text;
    bool anonymous = false;
    UtcSeconds received_at = 0;
};
LOBBY_PROTOCOL_CODEC(SurveyWords);

struct SurveyQuestionResult {
    std::string question_id;
    std::vector<SurveyChoiceResult> choices;  // empty for text questions
    SurveyTally texts;                        // answers with a non-empty text
    std::vector<SurveyWords> words;           // those texts, oldest first
};
LOBBY_PROTOCOL_CODEC(SurveyQuestionResult);

struct SurveyResults {
    std::string survey_id;
    SurveyTally answers;
    std::vector<SurveyQuestionResult> questions;
};
LOBBY_PROTOCOL_CODEC(SurveyResults);

} // namespace lobby::protocol
