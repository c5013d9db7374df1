// JSON mapping of the surveys messages.
#include "protocol/surveys.hpp"

#include "protocol/rules.hpp"

#include <cstdint>

namespace lobby::protocol {

void decode_into(const nlohmann::json& j, SurveyChoice& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("id", out.id, id_rule);
    r.object("text", out.text);
}

void to_json(nlohmann::json& j, const SurveyChoice& v) { j = nlohmann::json{{"id", v.id}, {"text", v.text}}; }

void decode_into(const nlohmann::json& j, SurveyCondition& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("question_id", out.question_id, id_rule);
    r.text_array("choice_ids", out.choice_ids, 50, id_rule);
}

void to_json(nlohmann::json& j, const SurveyCondition& v) {
    j = nlohmann::json{{"question_id", v.question_id}, {"choice_ids", v.choice_ids}};
}

void decode_into(const nlohmann::json& j, SurveyQuestion& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("id", out.id, id_rule);
    r.one_of("kind", out.kind, {"single", "multiple", "rating", "text"});
    r.object("text", out.text);
    r.array("choices", out.choices, 50);
    r.object("ask_if", out.ask_if);
    r.boolean("remarks", out.remarks, false);
}

void to_json(nlohmann::json& j, const SurveyQuestion& v) {
    j = nlohmann::json{{"id", v.id}, {"kind", v.kind}, {"text", v.text}, {"choices", v.choices}};
    put_optional(j, "ask_if", v.ask_if);
    if (v.remarks) j["remarks"] = true;
}

void decode_into(const nlohmann::json& j, Survey& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("id", out.id, id_rule);
    r.object("title", out.title);
    r.time("opens_at", out.opens_at);
    r.time("closes_at", out.closes_at);
    r.boolean("anonymous_allowed", out.anonymous_allowed);
    r.array("questions", out.questions, 100, 1);
}

void to_json(nlohmann::json& j, const Survey& v) {
    j = nlohmann::json{{"id", v.id}, {"title", v.title}, {"anonymous_allowed", v.anonymous_allowed},
                       {"questions", v.questions}};
    put_time(j, "opens_at", v.opens_at);
    put_time(j, "closes_at", v.closes_at);
}

void decode_into(const nlohmann::json& j, SurveyAction& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("id", out.id, id_rule);
    r.text("survey_id", out.survey_id, id_rule);
    r.object("text", out.text);
    r.time("done_at", out.done_at);
}

void to_json(nlohmann::json& j, const SurveyAction& v) {
    j = nlohmann::json{{"id", v.id}, {"text", v.text}};
    put_optional(j, "survey_id", v.survey_id);
    put_time(j, "done_at", v.done_at);
}

void decode_into(const nlohmann::json& j, SurveyStatusRequest& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("survey_id", out.survey_id, id_rule);
    r.text("unit_id", out.unit_id, id_rule);
    r.text("verification_token", out.verification_token, token_rule);
}

void to_json(nlohmann::json& j, const SurveyStatusRequest& v) {
    j = nlohmann::json{{"survey_id", v.survey_id}, {"unit_id", v.unit_id}, {"verification_token", v.verification_token}};
}

void decode_into(const nlohmann::json& j, SurveyStatus& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("survey_id", out.survey_id, id_rule);
    r.boolean("answered", out.answered);
}

void to_json(nlohmann::json& j, const SurveyStatus& v) {
    j = nlohmann::json{{"survey_id", v.survey_id}, {"answered", v.answered}};
}

void decode_into(const nlohmann::json& j, SurveyAnswer& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("question_id", out.question_id, id_rule);
    r.text_array("choice_ids", out.choice_ids, 50, id_rule);
    r.text("text", out.text, TextRule{0, survey_text_max, true});
}

void to_json(nlohmann::json& j, const SurveyAnswer& v) {
    j = nlohmann::json{{"question_id", v.question_id}, {"choice_ids", v.choice_ids}};
    put_optional(j, "text", v.text);
}

void decode_into(const nlohmann::json& j, SurveyResponseRequest& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("survey_id", out.survey_id, id_rule);
    r.text("unit_id", out.unit_id, id_rule);
    r.boolean("anonymous", out.anonymous, false);
    r.text("verification_token", out.verification_token, token_rule);
    r.array("answers", out.answers, 100, 1);
}

void to_json(nlohmann::json& j, const SurveyResponseRequest& v) {
    j = nlohmann::json{{"survey_id", v.survey_id}, {"anonymous", v.anonymous}, {"answers", v.answers}};
    put_optional(j, "unit_id", v.unit_id);
    put_optional(j, "verification_token", v.verification_token);
}

void decode_into(const nlohmann::json& j, SurveyReceipt& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("id", out.id, id_rule);
    r.text("survey_id", out.survey_id, id_rule);
    r.time("received_at", out.received_at);
}

void to_json(nlohmann::json& j, const SurveyReceipt& v) {
    j = nlohmann::json{{"id", v.id}, {"survey_id", v.survey_id}};
    put_time(j, "received_at", v.received_at);
}

void decode_into(const nlohmann::json& j, SurveyTally& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.integer("household", out.household, 0, INT64_MAX);
    r.integer("anonymous", out.anonymous, 0, INT64_MAX);
}

void to_json(nlohmann::json& j, const SurveyTally& v) {
    j = nlohmann::json{{"household", v.household}, {"anonymous", v.anonymous}};
}

void decode_into(const nlohmann::json& j, SurveyChoiceResult& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("choice_id", out.choice_id, id_rule);
    r.object("picked", out.picked);
}

void to_json(nlohmann::json& j, const SurveyChoiceResult& v) {
    j = nlohmann::json{{"choice_id", v.choice_id}, {"picked", v.picked}};
}

void decode_into(const nlohmann::json& j, SurveyWords& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("text", out.text, TextRule{1, survey_text_max, true});
    r.boolean("anonymous", out.anonymous);
    r.time("received_at", out.received_at);
}

void to_json(nlohmann::json& j, const SurveyWords& v) {
    j = nlohmann::json{{"text", v.text}, {"anonymous", v.anonymous}};
    put_time(j, "received_at", v.received_at);
}

void decode_into(const nlohmann::json& j, SurveyQuestionResult& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("question_id", out.question_id, id_rule);
    r.array("choices", out.choices, 50);
    r.object("texts", out.texts);
    r.array("words", out.words, 100000);
}

void to_json(nlohmann::json& j, const SurveyQuestionResult& v) {
    j = nlohmann::json{{"question_id", v.question_id}, {"choices", v.choices}, {"texts", v.texts}, {"words", v.words}};
}

void decode_into(const nlohmann::json& j, SurveyResults& out, DecodeContext& ctx) {
    ObjectReader r(j, ctx);
    r.text("survey_id", out.survey_id, id_rule);
    r.object("answers", out.answers);
    r.array("questions", out.questions, 100);
}

void to_json(nlohmann::json& j, const SurveyResults& v) {
    j = nlohmann::json{{"survey_id", v.survey_id}, {"answers", v.answers}, {"questions", v.questions}};
}

} // namespace lobby::protocol
