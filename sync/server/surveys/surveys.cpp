// Survey responses: one per household per survey, checked against the questions.
#include "surveys/surveys.hpp"

#include "estate.hpp"
#include "feed.hpp"

#include "protocol/changes.hpp"
#include "protocol/random.hpp"

#include "protocol/decode.hpp"

#include <algorithm>
#include <set>

namespace lobby::server::surveys {
namespace {

ApiResponse invalid(const std::string& message) {
    return api_error(422, protocol::error_code::invalid_field, message);
}

// Empty when the answers fit the survey, else the problem.
std::string check_answers(const protocol::Survey& survey, const std::vector<protocol::SurveyAnswer>& answers) {
    std::set<std::string> answered;
    for (std::size_t i = 0; i < answers.size(); ++i) {
        const auto& a = answers[i];
        const std::string where = "Field 'answers[" + std::to_string(i) + "]' ";
        const auto q = std::find_if(survey.questions.begin(), survey.questions.end(),
                                    [&](const protocol::SurveyQuestion& sq) { return sq.id == a.question_id; });
        if (q == survey.questions.end()) return where + "names an unknown question '" + a.question_id + "'.";
        if (!answered.insert(a.question_id).second) return where + "answers question '" + a.question_id + "' twice.";
        for (const auto& c : a.choice_ids) {
            const bool known = std::any_of(q->choices.begin(), q->choices.end(),
                                           [&](const protocol::SurveyChoice& sc) { return sc.id == c; });
            if (!known) return where + "names an unknown choice '" + c + "'.";
        }
        if (q->kind == "single" && a.choice_ids.size() != 1) return where + "must pick exactly one choice.";
        if (q->kind == "text" && !a.choice_ids.empty()) return where + "must not pick choices for a text question.";
    }
    for (const auto& q : survey.questions) {
        if (q.kind != "text" && !answered.count(q.id)) return "Question '" + q.id + "' must be answered.";
    }
    return {};
}

} // namespace

ApiResponse answer_survey(ApiContext& ctx, const protocol::SurveyResponseRequest& req) {
    const auto data = load_record(ctx.db, protocol::collection::surveys, req.survey_id);
    const auto survey = data ? protocol::decode<protocol::Survey>(*data)
                             : protocol::Result<protocol::Survey>(protocol::DecodeError{});
    if (!survey) return api_error(404, protocol::error_code::unknown_survey, "Survey " + req.survey_id + " does not exist.");
    const auto& s = survey.value();
    if (ctx.now < s.opens_at || ctx.now >= s.closes_at)
        return api_error(422, protocol::error_code::survey_closed,
                         "Survey " + s.id + " accepts answers from " + protocol::format_utc(s.opens_at) + " until " +
                             protocol::format_utc(s.closes_at) + ".");
    if (!find_unit(ctx.db, req.unit_id))
        return api_error(404, protocol::error_code::unknown_unit, "Unit " + req.unit_id + " does not exist.");
    if (req.anonymous && !s.anonymous_allowed) return invalid("Field 'anonymous' must be false: this survey is not anonymous.");
    if (const std::string problem = check_answers(s, req.answers); !problem.empty()) return invalid(problem);

    Statement dup(ctx.db, "SELECT 1 FROM survey_responses WHERE survey_id = ? AND unit_id = ?");
    dup.bind(1, req.survey_id).bind(2, req.unit_id);
    if (dup.step())
        return api_error(409, protocol::error_code::already_answered,
                         "Unit " + req.unit_id + " has already answered survey " + req.survey_id + ".");

    protocol::SurveyReceipt receipt{"SR-" + protocol::random_hex(6), req.survey_id, ctx.now};
    Statement ins(ctx.db, R"sql(
INSERT INTO survey_responses (id, survey_id, unit_id, anonymous, answers, received_at) VALUES (?, ?, ?, ?, ?, ?))sql");
    ins.bind(1, receipt.id).bind(2, req.survey_id).bind(3, req.unit_id).bind(4, req.anonymous ? 1 : 0);
    ins.bind(5, protocol::dump_json(nlohmann::json(req.answers))).bind(6, ctx.now);
    ins.run();
    return api_ok(201, receipt);
}

} // namespace lobby::server::surveys
