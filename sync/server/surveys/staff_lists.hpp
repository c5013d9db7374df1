// For the staff console: the free-text answers to a survey's question
// (counts come from survey_results). Read-only.
#pragma once

#include "db.hpp"

#include <string>
#include <vector>

namespace lobby::server::surveys {

// Newest first, at most `limit`.
std::vector<std::string> free_text_answers(Database& db, const std::string& survey_id, const std::string& question_id,
                                           int limit);

} // namespace lobby::server::surveys
