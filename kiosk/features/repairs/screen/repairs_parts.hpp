// The repairs screen's parts, shared between its files.
#pragma once

#include "core/requests.hpp"
#include "features/repairs/core/repairs_feature.hpp"
#include "ui/widgets.hpp"

#include <vector>

namespace kiosk::repairs {

inline void ask(Requests& requests, RepairsRequest request)
{
    requests.push(FeatureRequest{feature_id, std::move(request)});
}

// Big buttons with icons, flowing in rows; returns the tapped one's index or -1.
int draw_choices(const std::vector<ChoiceView>& choices, ui::ButtonKind kind, bool at_bottom);
float choices_height(const std::vector<ChoiceView>& choices, float width);
void draw_message(const RepairsView& view);
// A button across the whole width, as tall as its words need (they wrap at 2x).
float wide_button_height(const std::string& label);
bool wide_button(const char* id, const std::string& label, ui::ButtonKind kind);
// Label and value on one line (value wraps under it when narrow).
void draw_line(const LineView& line, ui::TextRole value_role = ui::TextRole::Body);

void draw_emergency(const RepairsView& view, Requests& requests);   // repairs_emergency_screen.cpp
void draw_done(const RepairsView& view, Requests& requests);        // repairs_follow_screen.cpp
void draw_code_entry(const RepairsView& view, Requests& requests);
void draw_ticket(const RepairsView& view, Requests& requests);

} // namespace kiosk::repairs
