// Surveys (feed collection "surveys") and the household's answers.
#pragma once

#include "protocol/codec.hpp"
#include "protocol/common.hpp"

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

struct SurveyQuestion {
    std::string id;
    std::string kind;  // single, multiple, text
    LocalizedText text;
    std::vector<SurveyChoice> choices;  // empty for kind "text"
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

// Surveys: POST /v1/survey-responses -> 201 SurveyReceipt
struct SurveyAnswer {
    std::string question_id;
    std::vector<std::string> choice_ids;  // single: exactly 1; multiple: 0..n
    std::optional<std::string> text;      // kind "text" (and optional remarks)
};
LOBBY_PROTOCOL_CODEC(SurveyAnswer);

struct SurveyResponseRequest {
    std::string survey_id;
    std::string unit_id;     // one answer per household
    bool anonymous = false;  // true: results do not show the unit
    std::vector<SurveyAnswer> answers;
};
LOBBY_PROTOCOL_CODEC(SurveyResponseRequest);

struct SurveyReceipt {
    std::string id;
    std::string survey_id;
    UtcSeconds received_at = 0;
};
LOBBY_PROTOCOL_CODEC(SurveyReceipt);

} // namespace lobby::protocol
