// What the last frame drew, by widget id: lets the script mode tap a button
// by id and check that a text is visible, and lets tests check layout rules.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::ui {

struct DrawnTarget {
    std::string id;
    std::string label;
    ImVec4 rect;  // x0, y0, x1, y1 in screen px
    ImVec4 clip;  // the visible region of its window or scroll area
    int layer = 0;  // 0: screen, 1: dialog on top
    bool in_scroll_area = false;
    bool required = false;   // a control the person must touch here (keypad, choices): within reach
    bool scrollable = false; // in a scroll area whose content is taller than it (scrolled into view)
    std::string window;      // the top-level window it was drawn in (ImGui's root window name)
    // Used as one block (a keypad's keys): whole on screen even where the page
    // scrolls; a long list's rows are not (the person scrolls them to the finger).
    bool keep_whole = false;
    // A row of a long LIST taller than its area (bills, rooms): the person
    // scrolls it to the finger, so it alone may lie below the fold. A button
    // on a PAGE that scrolls (Pay, Submit, a dialog's close) is not a row.
    bool list_row = false;
    // A QR code: the side of its modules in px, without the quiet zone (what
    // a phone's camera must resolve); 0 for a control.
    float code_px = 0;
};

// A top-level window on screen (the kiosk frame, a dialog, a popup).
struct DrawnWindow {
    std::string name;
    ImVec4 rect;
};

struct DrawnText {
    std::string text;
    ImVec4 rect;
    ImVec4 clip;
    int layer = 0;
    bool in_scroll_area = false;
};

// A text or a control's words as the speaker button reads them, in the
// order drawn (the screen's title first).
struct ReadablePiece {
    std::string text;
    int layer = 0;
};

struct FrameRecord {
    std::vector<DrawnTarget> targets;
    std::vector<DrawnText> texts;
    std::vector<ReadablePiece> readable;  // what the speaker button reads next frame
    int quiet_depth = 0;     // > 0 inside a NotRead scope
    std::vector<DrawnWindow> windows;  // back to front; filled by record_windows() after the frame
    int layer = 0;           // set by dialogs while they draw
    int scroll_depth = 0;    // > 0 inside a touch scroll area
    int required_depth = 0;  // > 0 inside a RequiredTargets scope
    bool scroll_overflows = false;  // the innermost scroll area's content is taller than it
    bool scroll_is_list = false;    // the innermost scroll area is a ScrollKind::List

    void clear()
    {
        targets.clear();
        texts.clear();
        windows.clear();
        layer = 0;
        scroll_depth = 0;
        required_depth = 0;
        scroll_overflows = false;
        scroll_is_list = false;
        readable.clear();
        quiet_depth = 0;
    }
    // A target drawn now is a row of a long list scrolled to the finger.
    bool in_overflowing_list() const { return scroll_depth > 0 && scroll_overflows && scroll_is_list; }
    const DrawnTarget* find_target(const std::string& id) const;
    // A visible text containing `needle` on the topmost layer that has content.
    const DrawnText* find_text(const std::string& needle) const;
    // The readable pieces of the topmost layer that has any (an open dialog).
    std::vector<std::string> reading() const;
    // Called by the widgets for every text and control label they draw.
    void note_readable(std::string_view text);
};

FrameRecord& frame_record();  // the one being recorded this frame

// Marks the targets drawn in its lifetime as required: the layout check
// wants them within the reach band on a portrait panel.
struct RequiredTargets {
    RequiredTargets() { ++frame_record().required_depth; }
    ~RequiredTargets() { --frame_record().required_depth; }
    RequiredTargets(const RequiredTargets&) = delete;
    RequiredTargets& operator=(const RequiredTargets&) = delete;
};

// What is drawn in its lifetime is not read aloud: the clock, the network
// state, the settings row (the same on every screen, not its content).
struct NotRead {
    NotRead() { ++frame_record().quiet_depth; }
    ~NotRead() { --frame_record().quiet_depth; }
    NotRead(const NotRead&) = delete;
    NotRead& operator=(const NotRead&) = delete;
};

ImVec4 current_clip_rect();

// The top-level windows ImGui shows now, back to front, into frame.windows:
// the layout check wants to know what lies on top of each target.
void record_windows(FrameRecord& frame);

} // namespace kiosk::ui
