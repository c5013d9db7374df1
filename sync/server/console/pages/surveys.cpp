// Surveys: the surveys in the feed, and each one's results per question
// (household and anonymous answers apart, bars drawn as inline SVG) with
// the free-text answers.
#include "console/console.hpp"

#include "console/feed_records.hpp"
#include "surveys/staff_lists.hpp"
#include "surveys/surveys.hpp"

#include "protocol/changes.hpp"
#include "protocol/decode.hpp"

#include <algorithm>

namespace lobby::server::console {
namespace {

constexpr int bar_width = 240;  // px of the longest bar

void surveys_page(PageContext& ctx) {
    Data rows{Data::type::list};
    for (const auto& json : live_records(ctx.db, protocol::collection::surveys, 100)) {
        const auto s = protocol::decode<protocol::Survey>(json);
        if (!s) continue;
        Data row;
        row.set("id", s.value().id);
        row.set("title", localized(s.value().title, ctx.lang));
        row.set("opens", format_time(s.value().opens_at));
        row.set("closes", format_time(s.value().closes_at));
        row.set("open", s.value().opens_at <= ctx.now && ctx.now < s.value().closes_at);
        rows.push_back(row);
    }
    Data d;
    d.set("surveys", rows);
    ctx.page("surveys", d, "title_surveys");
}

void results_page(PageContext& ctx) {
    const std::string id = ctx.path_id();
    const auto survey = surveys::find_survey(ctx.db, id);
    ApiContext api = ctx.api();
    const auto results = protocol::decode<protocol::SurveyResults>(surveys::survey_results(api, id).body);
    if (!survey || !results) return ctx.message_page("err_no_survey", 404);
    Data d;
    d.set("title", localized(survey->title, ctx.lang));
    d.set("household", std::to_string(results.value().answers.household));
    d.set("anonymous", std::to_string(results.value().answers.anonymous));
    Data questions{Data::type::list};
    for (std::size_t i = 0; i < survey->questions.size() && i < results.value().questions.size(); ++i) {
        const auto& q = survey->questions[i];
        const auto& r = results.value().questions[i];
        Data qd;
        qd.set("text", localized(q.text, ctx.lang));
        qd.set("kind", ctx.t("question_" + q.kind));
        std::int64_t most = 1;
        for (const auto& c : r.choices) most = std::max(most, c.picked.household + c.picked.anonymous);
        Data choices{Data::type::list};
        for (std::size_t c = 0; c < r.choices.size() && c < q.choices.size(); ++c) {
            const auto& picked = r.choices[c].picked;
            Data cd;
            cd.set("label", localized(q.choices[c].text, ctx.lang));
            cd.set("household", std::to_string(picked.household));
            cd.set("anonymous", std::to_string(picked.anonymous));
            // Household part, then the anonymous part stacked after it.
            const std::int64_t hw = picked.household * bar_width / most;
            const std::int64_t aw = picked.anonymous * bar_width / most;
            cd.set("household_w", std::to_string(hw));
            cd.set("anonymous_x", std::to_string(hw));
            cd.set("anonymous_w", std::to_string(aw));
            cd.set("bar_width", std::to_string(bar_width));
            choices.push_back(cd);
        }
        qd.set("choices", choices);
        qd.set("has_choices", !r.choices.empty());
        Data texts{Data::type::list};
        for (const auto& text : surveys::free_text_answers(ctx.db, id, q.id, 50)) texts.push_back(Data("text", text));
        qd.set("texts", texts);
        qd.set("text_count", std::to_string(r.texts.household + r.texts.anonymous));
        questions.push_back(qd);
    }
    d.set("questions", questions);
    ctx.page("survey", d, "title_survey");
}

} // namespace

void install_survey_pages(Console& console) {
    console.get("/console/surveys", office, "surveys", surveys_page);
    console.get(R"(/console/surveys/([0-9A-Za-z-]{1,64}))", office, "surveys", results_page);
}

} // namespace lobby::server::console
