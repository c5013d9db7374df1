// One person's way through a survey: the survey they started (a copy, so a
// pull meanwhile never changes the questions under them), their answers so
// far, which question is on screen. It lives in the person's session, so
// Home and the idle timeout clear every answer.
#pragma once

#include "features/surveys/core/survey_types.hpp"
#include "household/core/household.hpp"

#include <cstdint>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::surveys {

// Unit and Digits are the shared household steps (picker, then the
// verification keypad), for an answer in the household's name; Checking
// asks the office whether the household has answered already.
enum class SurveysStep { Intro, Unit, Digits, Checking, Question, Review, Done, AlreadyAnswered };

enum class SurveysNotice {
    None,
    PickOne,      // Next on a single or rating question with nothing picked
    StorageFull,  // the kiosk's disk is full: nothing saved, answers kept
    SaveFailed,   // the store failed: nothing saved, answers kept
    OfflineHousehold,  // verified from the cache: no server token, so no household answer (anonymous still open)
    WordsTooLong,      // the screen sent more words than a question takes: nothing kept, the earlier words stay
};

// What the person picked for one question, in the survey's choice order,
// and their own words (a text question, or a choice question with remarks).
// The words may name a person: they live only in this session and the
// outbox body, which the store deletes once the office has the answer.
struct Answer {
    std::vector<std::string> choice_ids;
    std::string words;
};

struct SurveysSession {
    SurveysStep step = SurveysStep::Intro;
    std::optional<SurveyInfo> survey;  // the one being answered
    bool anonymous = true;

    // A household answer: which unit is theirs, proven with the phone digits.
    household::UnitPicker picker;
    household::Verification verification;  // verified_unit_id and token once proven online
    std::uint64_t awaiting_call = 0;       // the verification or status call answered next; 0: none

    // A question id is in `answers` once the person has been past it (a
    // multiple-choice question may be answered with nothing picked).
    std::map<std::string, Answer> answers;
    std::string current;     // question on screen (Question step)
    int choice_page = 0;     // which group of choices (elderly mode shows four at a time)
    bool back_to_review = false;  // changing one answer from the summary
    SurveysNotice notice = SurveysNotice::None;
};

} // namespace kiosk::surveys
