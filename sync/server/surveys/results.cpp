// Survey results for the office: household (verified) answers and anonymous
// ones counted apart, so answers nobody verified cannot pass for residents';
// and each question's written words, to read (without the unit).
#include "surveys/surveys.hpp"

#include "protocol/decode.hpp"

#include <map>
#include <utility>

namespace lobby::server::surveys {
namespace {

void count(protocol::SurveyTally& tally, bool anonymous) { ++(anonymous ? tally.anonymous : tally.household); }

} // namespace

ApiResponse survey_results(ApiContext& ctx, const std::string& survey_id) {
    if (auto refused = require_staff(ctx, "Only office staff can read survey results.")) return *refused;
    const auto survey = find_survey(ctx.db, survey_id);
    if (!survey) return api_error(404, protocol::error_code::unknown_survey, "Survey " + survey_id + " does not exist.");

    protocol::SurveyResults results;
    results.survey_id = survey->id;
    // Where each question and choice is counted, in the survey's order.
    std::map<std::string, std::size_t> question_at;
    std::map<std::pair<std::string, std::string>, std::size_t> choice_at;
    for (const auto& q : survey->questions) {
        question_at[q.id] = results.questions.size();
        protocol::SurveyQuestionResult qr;
        qr.question_id = q.id;
        for (const auto& c : q.choices) {
            choice_at[{q.id, c.id}] = qr.choices.size();
            qr.choices.push_back(protocol::SurveyChoiceResult{c.id, {}});
        }
        results.questions.push_back(std::move(qr));
    }

    // Oldest first, so the words read in the order they came (ids are random:
    // answers stored in the same second keep the order they were stored in).
    Statement st(ctx.db, "SELECT anonymous, answers, received_at FROM survey_responses WHERE survey_id = ? "
                         "ORDER BY received_at, rowid");
    st.bind(1, survey_id);
    while (st.step()) {
        const bool anonymous = st.int64(0) != 0;
        const protocol::UtcSeconds received_at = st.int64(2);
        count(results.answers, anonymous);
        // Stored by this server after checking them; anything unreadable is skipped.
        const auto stored = protocol::parse_json(st.text(1));
        if (!stored || !stored.value().is_array()) continue;
        for (const auto& item : stored.value()) {
            const auto answer = protocol::decode<protocol::SurveyAnswer>(item);
            if (!answer) continue;
            const auto& a = answer.value();
            const auto q = question_at.find(a.question_id);
            if (q == question_at.end()) continue;
            auto& qr = results.questions[q->second];
            if (a.text && !a.text->empty()) {
                count(qr.texts, anonymous);
                qr.words.push_back(protocol::SurveyWords{*a.text, anonymous, received_at});
            }
            for (const auto& c : a.choice_ids) {
                const auto at = choice_at.find({a.question_id, c});
                if (at != choice_at.end()) count(qr.choices[at->second].picked, anonymous);
            }
        }
    }
    return api_ok(200, results);
}

} // namespace lobby::server::surveys
