// The surveys screen's view model: one step at a time, all text ready to draw.
#pragma once

#include "features/surveys/core/surveys_session.hpp"
#include "household/core/household.hpp"

#include <string>
#include <tuple>
#include <vector>

namespace kiosk::surveys {

struct ActionView {
    std::string date, text;  // 2026年11月5日 / 应业主要求，儿童滑梯已安装
};
inline bool operator==(const ActionView& a, const ActionView& b) { return a.date == b.date && a.text == b.text; }

// One open survey on the intro, with the ways to start it.
struct StartView {
    SurveyInfo survey;  // sent back with RequestStart
    std::string title, about;  // about: 截止 12月28日 · 共 8 题
    std::string household_id, household_label;  // answer for one's household (verified), once
    std::string anonymous_id, anonymous_label;  // empty: this survey takes no anonymous answers
};
inline bool operator==(const StartView& a, const StartView& b)
{
    return std::tie(a.survey, a.title, a.about, a.household_id, a.household_label, a.anonymous_id, a.anonymous_label) ==
           std::tie(b.survey, b.title, b.about, b.household_id, b.household_label, b.anonymous_id, b.anonymous_label);
}

struct ChoiceView {
    std::string choice_id, widget_id, label;
    bool selected = false;
};
inline bool operator==(const ChoiceView& a, const ChoiceView& b)
{
    return std::tie(a.choice_id, a.widget_id, a.label, a.selected) == std::tie(b.choice_id, b.widget_id, b.label, b.selected);
}

// One line of the read-back summary.
struct ReviewRowView {
    std::string question_id, edit_id, question, answer;
};
inline bool operator==(const ReviewRowView& a, const ReviewRowView& b)
{
    return std::tie(a.question_id, a.edit_id, a.question, a.answer) == std::tie(b.question_id, b.edit_id, b.question, b.answer);
}

struct SurveysView {
    SurveysStep step = SurveysStep::Intro;
    std::string message;  // feedback; empty if none
    bool message_is_problem = false;

    // Intro: 您说，我们做 first, then the open surveys.
    std::string actions_title;
    std::vector<ActionView> actions;
    std::string surveys_title, no_survey;
    std::vector<StartView> starts;

    // Unit, Digits: the shared household steps; Checking: a moment's wait
    household::UnitPickerView picker;
    household::KeypadView keypad;
    std::string checking_text;

    // Question
    std::string survey_title, progress, question, hint;
    QuestionKind kind = QuestionKind::Single;
    std::vector<ChoiceView> choices;
    int choice_page = 0;
    std::string more_label, picked_line;  // picked_line: what is picked on the other pages
    std::string next_label;               // 下一题 / 跳过 / 查看并提交
    // A text question, or reasons with remarks: the person's own words,
    // typed on the shared pad (words_label says what to write; empty: none).
    bool takes_words = false;
    std::string words_label, words;
    bool can_next = true;

    // Review
    std::string review_title, review_note, edit_label, submit_label;
    std::vector<ReviewRowView> rows;

    // Done, AlreadyAnswered
    std::string done_title, done_detail, home_label;
};
inline bool operator==(const SurveysView& a, const SurveysView& b)
{
    return std::tie(a.step, a.message, a.message_is_problem, a.actions_title, a.actions, a.surveys_title, a.no_survey,
                    a.starts, a.picker, a.keypad, a.checking_text, a.survey_title, a.progress, a.question, a.hint, a.kind, a.choices, a.choice_page,
                    a.more_label, a.picked_line, a.next_label, a.can_next, a.takes_words, a.words_label, a.words, a.review_title, a.review_note,
                    a.edit_label, a.submit_label, a.rows, a.done_title, a.done_detail, a.home_label) ==
           std::tie(b.step, b.message, b.message_is_problem, b.actions_title, b.actions, b.surveys_title, b.no_survey,
                    b.starts, b.picker, b.keypad, b.checking_text, b.survey_title, b.progress, b.question, b.hint, b.kind, b.choices, b.choice_page,
                    b.more_label, b.picked_line, b.next_label, b.can_next, b.takes_words, b.words_label, b.words, b.review_title, b.review_note,
                    b.edit_label, b.submit_label, b.rows, b.done_title, b.done_detail, b.home_label);
}
inline bool operator!=(const SurveysView& a, const SurveysView& b) { return !(a == b); }

} // namespace kiosk::surveys
