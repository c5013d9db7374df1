// The repairs screen's parts, shared between its files.
#pragma once

#include "core/requests.hpp"
#include "features/repairs/core/repairs_feature.hpp"
#include "ui/choice_list.hpp"
#include "ui/widgets.hpp"

#include <functional>
#include <vector>

namespace kiosk::repairs {

inline void ask(Requests& requests, RepairsRequest request)
{
    requests.push(FeatureRequest{feature_id, std::move(request)});
}

// Big buttons with icons through the shared choice list (at most four at
// once in elderly mode, 更多 included, fewer when `elderly_slots` says the
// screen has other choices beside them); returns the tapped one's index or -1.
int draw_choices(const char* list_id, const std::vector<ChoiceView>& choices, ui::ButtonKind kind, bool at_bottom,
                 std::size_t elderly_slots = ui::elderly_choices_at_once);
// How tall draw_choices draws when not at the bottom.
float choices_height(const char* list_id, const std::vector<ChoiceView>& choices, float width,
                     std::size_t elderly_slots = ui::elderly_choices_at_once);
void draw_message(const RepairsView& view);
// A button across the whole width, as tall as its words need (they wrap at 2x).
float wide_button_height(const std::string& label);
bool wide_button(const char* id, const std::string& label, ui::ButtonKind kind);
// The words on top scroll (2x text) when they need more room than the
// actions under them leave; the actions, `actions_height` tall, then go
// whole at the bottom, within reach (draw them right after).
void words_above_actions(const char* id, float actions_height, const std::function<void()>& draw_words);
// Label and value on one line (value wraps under it when narrow).
void draw_line(const LineView& line, ui::TextRole value_role = ui::TextRole::Body);

void draw_emergency(const RepairsView& view, Requests& requests);   // repairs_emergency_screen.cpp
void draw_done(const RepairsView& view, Requests& requests);        // repairs_follow_screen.cpp
void draw_code_entry(const RepairsView& view, Requests& requests);
void draw_ticket(const RepairsView& view, Requests& requests);
void draw_unit_tickets(const RepairsView& view, Requests& requests);  // repairs_unit_screen.cpp

} // namespace kiosk::repairs
