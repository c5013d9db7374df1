// Free-text survey answers for the staff console.
#include "surveys/staff_lists.hpp"

#include "protocol/decode.hpp"
#include "protocol/surveys.hpp"

namespace lobby::server::surveys {

std::vector<std::string> free_text_answers(Database& db, const std::string& survey_id, const std::string& question_id,
                                           int limit) {
    Statement st(db, "SELECT answers FROM survey_responses WHERE survey_id = ? ORDER BY received_at DESC");
    st.bind(1, survey_id);
    std::vector<std::string> out;
    while (st.step() && static_cast<int>(out.size()) < limit) {
        const auto stored = protocol::parse_json(st.text(0));
        if (!stored || !stored.value().is_array()) continue;
        for (const auto& item : stored.value()) {
            const auto answer = protocol::decode<protocol::SurveyAnswer>(item);
            if (answer && answer.value().question_id == question_id && answer.value().text && !answer.value().text->empty())
                out.push_back(*answer.value().text);
        }
    }
    return out;
}

} // namespace lobby::server::surveys
