// The surveys screen's parts, shared between its files.
#pragma once

#include "core/requests.hpp"
#include "features/surveys/core/surveys_feature.hpp"

namespace kiosk::surveys {

// Every surveys screen request goes to the surveys feature.
inline void ask(Requests& requests, SurveysRequest request)
{
    requests.push(FeatureRequest{feature_id, std::move(request)});
}

void draw_surveys_intro(const SurveysView& view, Requests& requests);     // surveys_intro_screen.cpp
void draw_surveys_question(const SurveysView& view, Requests& requests);  // surveys_question_screen.cpp
void draw_surveys_review(const SurveysView& view, Requests& requests);    // surveys_review_screen.cpp
void draw_surveys_done(const SurveysView& view, Requests& requests);      // surveys_review_screen.cpp
void draw_surveys_message(const SurveysView& view);  // feedback line, red when a problem
float surveys_action_width();                        // a primary button's width

} // namespace kiosk::surveys
