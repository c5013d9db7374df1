// Survey responses: one verified answer per household per survey, and
// anonymous answers without a unit, checked against the questions.
#include "surveys/surveys.hpp"

#include "estate.hpp"
#include "feed.hpp"
#include "verification.hpp"

#include "protocol/changes.hpp"
#include "protocol/random.hpp"

#include "protocol/decode.hpp"


namespace lobby::server::surveys {
namespace {

ApiResponse invalid(const std::string& message) {
    return api_error(422, protocol::error_code::invalid_field, message);
}

} // namespace

std::optional<protocol::Survey> find_survey(Database& db, const std::string& survey_id) {
    const auto data = load_record(db, protocol::collection::surveys, survey_id);
    if (!data) return std::nullopt;
    auto survey = protocol::decode<protocol::Survey>(*data);
    if (!survey) return std::nullopt;
    return survey.value();
}

ApiResponse answer_survey(ApiContext& ctx, const protocol::SurveyResponseRequest& req) {
    const auto survey = find_survey(ctx.db, req.survey_id);
    if (!survey) return api_error(404, protocol::error_code::unknown_survey, "Survey " + req.survey_id + " does not exist.");
    const auto& s = *survey;
    if (ctx.now < s.opens_at || ctx.now >= s.closes_at)
        return api_error(422, protocol::error_code::survey_closed,
                         "Survey " + s.id + " accepts answers from " + protocol::format_utc(s.opens_at) + " until " +
                             protocol::format_utc(s.closes_at) + ".");
    if (req.anonymous && !s.anonymous_allowed) return invalid("Field 'anonymous' must be false: this survey is not anonymous.");
    // An anonymous answer speaks for nobody: a unit sent with it is dropped,
    // so it can neither take nor block a household's one answer.
    std::optional<std::string> unit_id;
    if (!req.anonymous) {
        if (!req.unit_id) return invalid("Field 'unit_id' is required for a household (not anonymous) answer.");
        // Checked first, also for an unknown unit: the kiosk's outbox may
        // deliver it long after the lookup, hence the submission window.
        if (!unit_verified(ctx, req.verification_token, *req.unit_id, VerificationUse::submitted)) {
            ApiResponse r = api_error(403, protocol::error_code::verification_required,
                                      "A household answer needs the verification_token of this kiosk's fee lookup for "
                                      "unit " + *req.unit_id + " from the last " +
                                          std::to_string(ctx.config.submission_verification_ttl_seconds / 3600) +
                                          " hours; otherwise answer anonymously.");
            r.store = false;  // a forged answer costs no idempotency row
            return r;
        }
        if (!find_unit(ctx.db, *req.unit_id))
            return api_error(404, protocol::error_code::unknown_unit, "Unit " + *req.unit_id + " does not exist.");
        unit_id = req.unit_id;
    }
    if (const std::string problem = answers_problem(s, req.answers); !problem.empty()) return invalid(problem);

    if (unit_id) {
        Statement dup(ctx.db, "SELECT 1 FROM survey_responses WHERE survey_id = ? AND unit_id = ?");
        dup.bind(1, req.survey_id).bind(2, *unit_id);
        if (dup.step())
            return api_error(409, protocol::error_code::already_answered,
                             "Unit " + *unit_id + " has already answered survey " + req.survey_id + ".");
    }

    protocol::SurveyReceipt receipt{"SR-" + protocol::random_hex(6), req.survey_id, ctx.now};
    Statement ins(ctx.db, R"sql(
INSERT INTO survey_responses (id, survey_id, unit_id, anonymous, answers, received_at, kiosk_id)
VALUES (?, ?, ?, ?, ?, ?, ?))sql");
    ins.bind(1, receipt.id).bind(2, req.survey_id).bind(3, unit_id).bind(4, unit_id ? 0 : 1);
    ins.bind(5, protocol::dump_json(nlohmann::json(req.answers))).bind(6, ctx.now).bind(7, ctx.caller.kiosk_id);
    ins.run();
    return api_ok(201, receipt);
}

} // namespace lobby::server::surveys
