// Script runner: parses and executes each line against KioskApp.
#include "app/script_runner.hpp"

#include "app/script_checks.hpp"

#include "core/locale.hpp"
#include "core/text_entry.hpp"
#include "support/time_scale.hpp"
#include "ui/layout_check.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include <utf8.h>

namespace kiosk::app {
namespace {

Point center_of(const ui::DrawnTarget& target)
{
    return {(target.rect.x + target.rect.z) * 0.5f, (target.rect.y + target.rect.w) * 0.5f};
}

void tap(KioskApp& app, Point p, bool settle = true)
{
    app.press(p);
    app.render_frame();
    app.release(p);
    app.render_frame();
    if (settle)
        app.settle();
}

void drag(KioskApp& app, Point from, float dy)
{
    app.press(from);
    app.render_frame();
    constexpr int steps = 10;
    for (int i = 1; i <= steps; ++i) {
        app.advance_clock(16);
        app.move({from.x, from.y + dy * i / steps});
        app.render_frame();
    }
    app.release({from.x, from.y + dy});
    app.settle();
}

// Moves the kiosk's clock on a second at a time, so timers fire in order.
void advance_clock_by(KioskApp& app, std::int64_t ms)
{
    for (std::int64_t left = ms; left > 0; left -= 1000)
        app.step_clock(std::min<std::int64_t>(left, 1000));
}

std::string list_problems(const std::vector<std::string>& problems)
{
    std::string out;
    for (const auto& p : problems)
        out += "\n    " + p;
    return out;
}

// LOBBY_TEST_TIME_SCALE multiplies every wait limit, so a slow build (a
// sanitizer, a busy CI machine) passes the same scripts: the tests' one scale.
using lobby::test::time_scale;

int scaled_ms(double seconds) { return static_cast<int>(seconds * 1000 * time_scale()); }

// "10 s", or "40 s (10 s x LOBBY_TEST_TIME_SCALE 4)" when scaled.
std::string describe_limit(double seconds)
{
    auto format = [](double value) {
        char text[32];
        std::snprintf(text, sizeof text, "%g", value);
        return std::string(text);
    };
    if (time_scale() == 1.0)
        return format(seconds) + " s";
    return format(seconds * time_scale()) + " s (" + format(seconds) + " s x LOBBY_TEST_TIME_SCALE " +
           format(time_scale()) + ")";
}

// run_loop: runs the real render-on-demand loop (KioskApp::run) for a bounded
// real time with no input, optionally with another thread waking it half a
// second in, and checks how many frames it drew.
std::string run_loop(KioskApp& app, std::istringstream& args)
{
    double seconds = 0;
    int want_frames = -1;
    if (!(args >> seconds >> want_frames) || seconds <= 0 || want_frames < 0)
        return "run_loop needs seconds and a frame count";
    std::string from_thread;
    args >> from_thread;
    if (!from_thread.empty() && from_thread != "wake" && from_thread != "pull" && from_thread != "atlas")
        return "run_loop's third word is wake, pull or atlas";
    // atlas TEXT: characters new to the screen, as a text brings them; the
    // atlas worker builds them in and wakes the loop when done.
    std::string new_text;
    if (from_thread == "atlas" && (new_text = rest_of_line(args)).empty())
        return "run_loop ... atlas needs the characters to bring";
    const int window_ms = static_cast<int>(seconds * 1000);
    app.settle();
    // Idle check: the real loop, not counted, until a whole second passes
    // without a frame: what was still on its way (the last page's status, a
    // settling frame; later on a busy machine) is drawn before counting.
    // Bounded. (A run woken from a thread counts at once: its change is the
    // point. An atlas build starts only once the window is open.)
    for (int i = 0; (from_thread.empty() || from_thread == "atlas") && i < 10; ++i) {
        const std::uint64_t before = app.frames_drawn();
        app.run(1000);
        if (app.frames_drawn() == before)
            break;
    }
    // The clock on screen turns each minute and draws a frame: start the
    // counted window after the tick if it would fall inside it.
    using namespace std::chrono;
    const auto pass_minute_in_window = [&app, window_ms] {
        const auto ms_to_minute = 60000 - app.now_utc_ms() % 60000;
        if (ms_to_minute >= window_ms + 500)
            return false;
        app.run(static_cast<int>(ms_to_minute) + 300);
        return true;
    };
    pass_minute_in_window();
    // A repeating timer (the attract slide's turn each slide_s) is counted
    // in whole periods: when its next change is due in the window, the
    // clock moves on to it and it is drawn, uncounted, so the window starts
    // right after one. Where the steps before (slower on a busy machine),
    // the idle check or the minute left it, a 12 s window could otherwise
    // start 1 s before a turn and hold two. Moving the clock can bring the
    // minute into the window: it is passed, and the turn aligned again.
    for (int i = 0; i < 2 && app.ms_to_next_tick() < window_ms; ++i) {
        advance_clock_by(app, std::max<std::int64_t>(1, app.ms_to_next_tick()));
        if (!pass_minute_in_window())
            break;
    }
    const std::uint64_t frames_before = app.frames_drawn(), wakes_before = app.wakes(),
                        exposes_before = app.window_redraws();
    std::thread waker;
    if (from_thread == "atlas") {
        if (!app.want_text_for_script(new_text))
            return "no font atlas build started for \"" + new_text + "\" (already in the atlas?)";
    } else if (!from_thread.empty()) {
        waker = std::thread([&app, from_thread] {
            std::this_thread::sleep_for(milliseconds(500));
            if (from_thread == "wake")
                KioskApp::wake();  // an SDL user event pushed from this thread
            else
                app.request_pull();  // the sync worker pulls, then wakes the loop from its thread
        });
    }
    // The window's last second is counted apart: whatever a wake changed has
    // been drawn by then, so the loop must be quiet again.
    const int quiet_ms = from_thread.empty() ? 0 : std::min(1000, window_ms / 3);
    app.run(window_ms - quiet_ms);
    // The worker's build and the bands' upload take what a busy machine gives
    // them: the counted window lasts until the new atlas is drawn with
    // (bounded), then the quiet part follows as for any wake.
    if (from_thread == "atlas") {
        const auto limit = steady_clock::now() + milliseconds(scaled_ms(30));
        while (app.atlas_building() && steady_clock::now() < limit)
            app.run(100);
        if (app.atlas_building())
            return "the font atlas with \"" + new_text + "\" was still being built or uploaded after " +
                   describe_limit(30);
    }
    if (waker.joinable())
        waker.join();
    const std::uint64_t wakes = app.wakes() - wakes_before;
    // A frame drawn because another window on the shared display exposed
    // this one (tests run side by side) is a real redraw, not an idle one:
    // each such event may draw its frame and ImGui's settling ones (or share
    // a frame with the change under test).
    constexpr std::uint64_t frames_per_expose = 3;
    const std::uint64_t frames = app.frames_drawn() - frames_before, exposes = app.window_redraws() - exposes_before;
    const std::uint64_t quiet_before = app.frames_drawn(), quiet_exposes_before = app.window_redraws();
    app.run(quiet_ms);
    const std::uint64_t late_frames = app.frames_drawn() - quiet_before,
                        late_exposes = app.window_redraws() - quiet_exposes_before;
    if (!from_thread.empty() && wakes == 0)
        return "the loop was not woken by the event from another thread";
    const auto report = [&] {
        return " (" + std::to_string(frames) + " frame(s) drawn, " + std::to_string(wakes) + " wake(s), " +
               std::to_string(exposes) + " expose(s) by other windows)";
    };
    if (late_frames > late_exposes * frames_per_expose)
        return "the loop still drew " + std::to_string(late_frames) + " frame(s) in the last " +
               std::to_string(quiet_ms) + " ms, after what the wake changed was drawn" + report();
    // A change draws its frame; ImGui may need up to two more to settle a
    // window that sizes itself to content that changed (imgui_settling), and
    // a busy machine can land the worker's status in two steps. A loop that
    // redraws for nothing draws dozens.
    const auto want = static_cast<std::uint64_t>(want_frames);
    const std::uint64_t settle_allowance = want > 0 ? 2 : 0;
    if (frames < want || frames > want + settle_allowance + exposes * frames_per_expose)
        return "the loop drew " + std::to_string(frames) + " frame(s), not " + std::to_string(want_frames) +
               (settle_allowance ? " (+ up to " + std::to_string(settle_allowance) + " settling)" : std::string()) +
               report();
    return {};
}

// The harness's stand-in for a field: the pad's owner when open_pad opened it.
constexpr const char* k_script_field = "script.field";

std::optional<TextKind> kind_named(const std::string& name)
{
    if (name == "digits") return TextKind::Digits;
    if (name == "phone") return TextKind::Phone;
    if (name == "chinese") return TextKind::ChineseText;
    if (name == "english") return TextKind::EnglishText;
    if (name == "plate") return TextKind::Plate;
    return std::nullopt;
}

// A stroke as a finger draws it: press, a move per point (a frame each), lift.
std::string draw_stroke(KioskApp& app, std::istream& args)
{
    const ImVec4 box = app.text_pad().handwriting_box();
    if (box.z <= box.x)
        return "no handwriting box on screen (tap pad.mode.handwriting first)";
    std::vector<Point> points;
    for (std::string word; args >> word;) {
        const std::size_t comma = word.find(',');
        if (comma == std::string::npos)
            return "stroke points are x,y in box units (0..1000), not '" + word + "'";
        const float x = std::stof(word.substr(0, comma)), y = std::stof(word.substr(comma + 1));
        const float scale = (box.z - box.x) / ui::TextPad::box_units;
        points.push_back({box.x + x * scale, box.y + y * scale});
    }
    if (points.empty())
        return "stroke needs at least one point";
    app.press(points.front());
    app.render_frame();
    for (std::size_t i = 1; i < points.size(); ++i) {
        app.advance_clock(16);
        app.move(points[i]);
        app.render_frame();
    }
    app.release(points.back());
    app.render_frame();
    app.settle();
    return {};
}

struct ScriptState {
    std::string screenshot_dir;
    std::map<std::string, ImVec4> remembered;  // target id -> rect
    std::uint64_t pulls_noted = 0;             // SyncStatus::pulls_completed at note_pulls
    std::uint64_t atlases_in_frame = 0;        // AtlasCounts::in_frame at record_frame_times
    // expect_layout checks the speaker in zh-CN, zh-HK and en (switching with
    // lang.*, back after) under LOBBY_SCRIPT_SPEECH_EVERY_LANGUAGE=1: the suite
    // turns it on in a flow's own test instead of running the flow twice.
    bool speech_every_language = std::getenv("LOBBY_SCRIPT_SPEECH_EVERY_LANGUAGE") != nullptr;
};

// What the speaker would read on this screen, in each language: the
// footer's language buttons switch it, the person's own comes back last.
// Not where a tap would do something else: under a dialog (the footer is
// inert), in 读屏 (a first tap only reads), or while "still there?" shows
// (a tap answers it).
std::string speaks_in_every_language(KioskApp& app)
{
    const PersonSession& session = app.state().session;
    for (const ui::DrawnTarget& t : app.last_frame().targets)
        if (t.layer > 0)
            return {};
    if (session.screen_reader || app.views().chrome.idle.open)
        return {};
    const Language own = session.language;
    std::string problem;
    const auto switch_to = [&app](Language language) {
        const ui::DrawnTarget* button = app.last_frame().find_target("lang." + std::string(language_code(language)));
        if (!button)
            return false;
        tap(app, center_of(*button));
        return app.state().session.language == language;
    };
    for (const Language language : all_languages) {
        if (language == own)
            continue;
        if (!switch_to(language)) {
            problem = "could not switch to " + std::string(language_code(language));
            break;
        }
        if (std::string said = check_screen_speaks(app, app.last_frame()); !said.empty()) {
            problem = "in " + std::string(language_code(language)) + ": " + said;
            break;
        }
    }
    if (!switch_to(own) && problem.empty())
        problem = "could not switch back to " + std::string(language_code(own));
    return problem;
}

// A key no locale has was looked up: the screen would show the raw key.
std::string unknown_keys_error(std::size_t& reported)
{
    const std::vector<std::string> keys = Catalog::unknown_keys_seen();
    if (keys.size() <= reported)
        return {};
    std::string error = "a text was looked up with a key no locale file has (the screen shows the raw key):";
    for (std::size_t i = reported; i < keys.size(); ++i)
        error += " \"" + keys[i] + "\"";
    reported = keys.size();
    return error;
}

// Executes one command; returns an error message, empty on success.
std::string execute(KioskApp& app, const std::string& command, std::istringstream& args, ScriptState& script)
{
    const ui::FrameRecord& frame = app.last_frame();
    if (std::optional<std::string> checked = run_screen_check(app, frame, command, args))
        return *checked;
    const std::string& screenshot_dir = script.screenshot_dir;
    if (command == "tap" || command == "tap_unsettled" || command == "drag") {
        std::string id;
        args >> id;
        const ui::DrawnTarget* target = frame.find_target(id);
        if (!target)
            return "no target '" + id + "' on screen";
        if (command == "tap" || command == "tap_unsettled") {
            // tap_unsettled draws only the tap's own frames: what ImGui still
            // has to settle (a dialog sizing itself) is left to the real loop
            // (run_loop), as on a kiosk.
            tap(app, center_of(*target), command == "tap");
        } else {
            float dy = 0;
            if (!(args >> dy))
                return "drag needs a distance in pixels";
            drag(app, center_of(*target), dy);
        }
        return {};
    }
    if (command == "tap_digits_from") {
        // Digits the server made at run time (an enrolment code a `shell`
        // step fetched into $LOBBY_TMP/<file>), typed key by key.
        std::string file, keypad;
        args >> file >> keypad;
        const char* tmp = std::getenv("LOBBY_TMP");
        if (file.empty() || keypad.empty() || !tmp)
            return "tap_digits_from needs a file in $LOBBY_TMP and a keypad id";
        std::ifstream in(std::string(tmp) + "/" + file);
        std::string digits;
        std::getline(in, digits);
        if (digits.empty())
            return "tap_digits_from: $LOBBY_TMP/" + file + " holds no digits";
        for (char digit : digits) {
            if (digit < '0' || digit > '9')
                return "tap_digits_from: $LOBBY_TMP/" + file + " holds more than digits";
            const ui::DrawnTarget* key = app.last_frame().find_target(keypad + "." + digit);
            if (!key)
                return "no target '" + keypad + "." + digit + "' on screen";
            tap(app, center_of(*key));
        }
        return {};
    }
    if (command == "drag_until") {
        // Scrolls a list until a target is on screen whole, however tall the
        // list draws at this text size (at most 12 drags).
        std::string id;
        float x = 0, y = 0, dy = 0;
        if (!(args >> id >> x >> y >> dy))
            return "drag_until needs a widget id, x, y and a distance";
        const auto whole = [&] {
            const ui::DrawnTarget* t = app.last_frame().find_target(id);
            if (!t)
                return false;
            const ImVec4& r = t->rect;
            const ImVec4& c = t->clip;
            return r.x >= c.x - 0.5f && r.y >= c.y - 0.5f && r.z <= c.z + 0.5f && r.w <= c.w + 0.5f;
        };
        for (int i = 0; i < 12 && !whole(); ++i)
            drag(app, {x, y}, dy);
        if (!whole())
            return "target '" + id + "' not on screen after 12 drags";
        return {};
    }
    if (command == "drag_at") {
        float x = 0, y = 0, dy = 0;
        if (!(args >> x >> y >> dy))
            return "drag_at needs x, y and a distance";
        drag(app, {x, y}, dy);
        return {};
    }
    if (command == "tap_at") {
        float x = 0, y = 0;
        if (!(args >> x >> y))
            return "tap_at needs x and y";
        tap(app, {x, y});
        return {};
    }
    if (command == "tap_remembered") {
        // Where a target was, whatever is drawn there now (a screen over it).
        std::string id;
        args >> id;
        auto it = script.remembered.find(id);
        if (it == script.remembered.end())
            return "'" + id + "' was not remembered";
        tap(app, {(it->second.x + it->second.z) * 0.5f, (it->second.y + it->second.w) * 0.5f});
        return {};
    }
    if (command == "advance") {
        double seconds = 0;
        if (!(args >> seconds))
            return "advance needs seconds";
        advance_clock_by(app, static_cast<std::int64_t>(seconds * 1000));
        return {};
    }
    if (command == "advance_to") {
        // advance_to SECONDS COMMAND: the kiosk's clock goes on until it is
        // SECONDS before the UTC time (epoch seconds) the shell command
        // prints, as advance does, however long the steps before took.
        double before = 0;
        if (!(args >> before))
            return "advance_to needs seconds and a command that prints epoch seconds";
        const std::string line = rest_of_line(args);
        std::FILE* pipe = popen(line.c_str(), "r");
        long long epoch = 0;
        const bool read = pipe && std::fscanf(pipe, "%lld", &epoch) == 1;
        if (pipe)
            pclose(pipe);
        if (!read)
            return "advance_to: the command printed no epoch seconds: " + line;
        const std::int64_t target_ms = (epoch - static_cast<std::int64_t>(before)) * 1000;
        const std::int64_t left_ms = target_ms - app.now_utc_ms();
        if (left_ms < 0)
            return "advance_to: the kiosk's clock is already " + std::to_string(-left_ms / 1000) + " s past the target";
        advance_clock_by(app, left_ms);
        return {};
    }
    if (command == "advance_near_tick") {
        // advance_near_tick SECONDS: the kiosk's clock goes on through the
        // controller's next timed change (the attract slide's turn) and on
        // until the one after it is SECONDS away: a fixed phase, however
        // long the steps before took.
        double before = 0;
        if (!(args >> before) || before < 0)
            return "advance_near_tick needs seconds";
        if (app.ms_to_next_tick() > 3600 * 1000)
            return "advance_near_tick: nothing is timed in the next hour";
        advance_clock_by(app, std::max<std::int64_t>(1, app.ms_to_next_tick()));
        const std::int64_t left_ms = app.ms_to_next_tick() - static_cast<std::int64_t>(before * 1000);
        if (left_ms <= 0)
            return "advance_near_tick: the next timed change is already within " + std::to_string(before) + " s";
        advance_clock_by(app, left_ms);
        return {};
    }
    if (command == "advance_until") {
        double seconds = 0;
        if (!(args >> seconds))
            return "advance_until needs seconds and a text";
        const std::string text = rest_of_line(args);
        for (double done = 0; app.last_frame().find_text(text) == nullptr; done += 1.0) {
            if (done >= seconds)
                return "\"" + text + "\" did not appear within " + std::to_string(static_cast<int>(seconds)) +
                       " s of the kiosk's clock";
            app.step_clock(1000);
        }
        return {};
    }
    if (command == "wait_synced" || command == "wait_pulled") {
        double seconds = 20;
        args >> seconds;
        const bool first = command == "wait_synced";
        const std::uint64_t since = script.pulls_noted;
        auto done = [&] {
            const SyncStatus status = app.sync_status();
            return first ? status.last_sync_utc != 0 : status.pulls_completed > since;
        };
        if (!app.wait_until(done, scaled_ms(seconds)))
            return (first ? std::string("the first full pull did not finish")
                          : "no pull completed after the pull count " + std::to_string(since) + " was noted") +
                   " within " + describe_limit(seconds);
        if (!first)
            script.pulls_noted = app.sync_status().pulls_completed;
        app.settle();
        return {};
    }
    if (command == "pull") {
        // What staff changed on the server now, not at the next scheduled pull.
        app.request_pull();
        return {};
    }
    if (command == "note_pulls") {
        script.pulls_noted = app.sync_status().pulls_completed;
        return {};
    }
    if (command == "wait_target") {
        std::string id;
        args >> id;
        if (!app.wait_until([&] { return app.last_frame().find_target(id) != nullptr; }, scaled_ms(10)))
            return "target '" + id + "' did not appear within " + describe_limit(10);
        return {};
    }
    if (command == "wait_online" || command == "wait_offline") {
        double seconds = 10;
        args >> seconds;
        const bool online = command == "wait_online";
        auto done = [&] {
            const SyncStatus status = app.sync_status();
            return online ? status.online : (!status.online && status.offline_since_utc != 0);
        };
        if (!app.wait_until(done, scaled_ms(seconds)))
            return std::string(online ? "the server did not answer the sync worker"
                                      : "no request of the sync worker failed") +
                   " within " + describe_limit(seconds);
        return {};
    }
    if (command == "wait_text") {
        const std::string text = rest_of_line(args);
        if (!app.wait_until([&] { return app.last_frame().find_text(text) != nullptr; }, scaled_ms(10)))
            return "\"" + text + "\" did not appear within " + describe_limit(10);
        return {};
    }
    if (command == "wait_no_text") {
        const std::string text = rest_of_line(args);
        if (!app.wait_until([&] { return app.last_frame().find_text(text) == nullptr; }, scaled_ms(10)))
            return "\"" + text + "\" was still on screen after " + describe_limit(10);
        return {};
    }
    if (command == "wait_until_shell") {
        // Re-runs the command (at most every 100 ms, frames drawn meanwhile)
        // until it exits 0: a server-side state instead of a fixed sleep.
        const std::string line = rest_of_line(args);
        if (line.empty())
            return "wait_until_shell needs a command";
        int last_rc = -1;
        auto last_run = std::chrono::steady_clock::time_point{};
        auto done = [&] {
            const auto now = std::chrono::steady_clock::now();
            if (now - last_run < std::chrono::milliseconds(100))
                return false;
            last_run = now;
            last_rc = std::system(line.c_str());
            return last_rc == 0;
        };
        if (!app.wait_until(done, scaled_ms(10)))
            return "the command did not succeed within " + describe_limit(10) + " (last status " +
                   std::to_string(last_rc) + "): " + line;
        return {};
    }
    if (command == "window") {
        int w = 0, h = 0;
        if (!(args >> w >> h) || w < 200 || h < 200)
            return "window needs width and height (at least 200)";
        app.resize(w, h);
        app.settle();
        if (app.width() != w || app.height() != h)
            return "the window is " + std::to_string(app.width()) + "x" + std::to_string(app.height()) +
                   ", not the size asked for";
        return {};
    }
    if (command == "print_targets") {
        // For a person debugging a script where no screenshot can be written
        // (the full-disk test): every target with its rect and clip.
        for (const auto& t : frame.targets)
            std::printf("target %s (%.0f,%.0f)-(%.0f,%.0f) clip (%.0f,%.0f)-(%.0f,%.0f)%s%s%s\n", t.id.c_str(),
                        t.rect.x, t.rect.y, t.rect.z, t.rect.w, t.clip.x, t.clip.y, t.clip.z, t.clip.w,
                        t.scrollable ? " scrollable" : "", t.list_row ? " list_row" : "", t.required ? " required" : "");
        return {};
    }
    if (command == "toggle_elderly") {
        app.toggle_elderly_for_script();
        app.settle();
        return {};
    }
    if (command == "run_loop")
        return run_loop(app, args);
    if (command == "expect_settled") {
        // After the real loop went idle (run_loop): nothing was left half
        // laid out, as a dialog's first open once was until the next touch.
        if (app.imgui_unsettled())
            return "the loop stopped drawing while ImGui was still laying the screen out (a window sizing itself)";
        return {};
    }
    if (command == "expect_window_size") {
        int w = 0, h = 0;
        if (!(args >> w >> h))
            return "expect_window_size needs width and height";
        int window_w = 0, window_h = 0;
        app.window_size(window_w, window_h);
        if (window_w != w || window_h != h || app.width() != w || app.height() != h)
            return "the window is " + std::to_string(window_w) + "x" + std::to_string(window_h) + " (drawable " +
                   std::to_string(app.width()) + "x" + std::to_string(app.height()) + "), not " + std::to_string(w) +
                   "x" + std::to_string(h);
        return {};
    }
    if (command == "frames") {
        int n = 1;
        args >> n;
        for (int i = 0; i < n; ++i)
            app.render_frame();
        return {};
    }
    if (command == "screenshot") {
        std::string file = rest_of_line(args);
        std::string path = screenshot_dir.empty() || file.front() == '/' ? file : screenshot_dir + "/" + file;
        std::string error;
        if (!app.screenshot(path, error))
            return error;
        return {};
    }
    if (command == "expect_text" || command == "expect_no_text") {
        std::string text = rest_of_line(args);
        bool found = frame.find_text(text) != nullptr;
        if (command == "expect_text" && !found)
            return "no visible text contains \"" + text + "\"";
        if (command == "expect_no_text" && found)
            return "a visible text contains \"" + text + "\"";
        return {};
    }
    if (command == "expect_fully_visible") {
        // On screen whole, without scrolling: not cut by its area's edge.
        std::string id;
        args >> id;
        const ui::DrawnTarget* target = frame.find_target(id);
        if (!target)
            return "no target '" + id + "' on screen";
        const ImVec4& r = target->rect;
        const ImVec4& c = target->clip;
        if (r.x < c.x - 0.5f || r.y < c.y - 0.5f || r.z > c.z + 0.5f || r.w > c.w + 0.5f)
            return "'" + id + "' is cut by the edge of its area (scrolled or clipped)";
        return {};
    }
    if (command == "expect_gap_above") {
        // "a b mm": target a ends at least mm above target b begins (a
        // dialog's button and Back/Home under it, which look alike).
        std::string a, b;
        float mm = 0;
        if (!(args >> a >> b >> mm))
            return "expect_gap_above needs two targets and a distance in mm";
        // On any layer: Back/Home lie under the dialog.
        const auto any_layer = [&frame](const std::string& id) -> const ui::DrawnTarget* {
            for (const ui::DrawnTarget& t : frame.targets)
                if (t.id == id)
                    return &t;
            return nullptr;
        };
        const ui::DrawnTarget* ta = any_layer(a);
        const ui::DrawnTarget* tb = any_layer(b);
        if (!ta || !tb)
            return "no target '" + (ta ? b : a) + "' on screen";
        const float gap = tb->rect.y - ta->rect.w, want = app.metrics().mm(mm);
        if (gap + 0.5f < want)
            return "'" + a + "' ends " + std::to_string(gap) + " px above '" + b + "', less than " +
                   std::to_string(want) + " px (" + std::to_string(mm) + " mm)";
        return {};
    }
    if (command == "expect_same_line") {
        // Two visible texts, "a | b", share a line (their heights overlap).
        const std::string line = rest_of_line(args);
        const std::size_t bar = line.find(" | ");
        if (bar == std::string::npos)
            return "expect_same_line needs two texts separated by \" | \"";
        const std::string a = line.substr(0, bar), b = line.substr(bar + 3);
        const ui::DrawnText* ta = frame.find_text(a);
        const ui::DrawnText* tb = frame.find_text(b);
        if (!ta || !tb)
            return "no visible text contains \"" + (ta ? b : a) + "\"";
        if (ta->rect.w <= tb->rect.y || tb->rect.w <= ta->rect.y)
            return "\"" + a + "\" and \"" + b + "\" are on different lines";
        return {};
    }
    if (command == "expect_target" || command == "expect_no_target") {
        std::string id;
        args >> id;
        bool found = frame.find_target(id) != nullptr;
        if (command == "expect_target" && !found)
            return "no target '" + id + "' on screen";
        if (command == "expect_no_target" && found)
            return "target '" + id + "' is on screen";
        return {};
    }
    if (command == "expect_layout") {
        const DisplayMode& mode = app.state().session.display;
        ui::LayoutRules rules{static_cast<float>(app.width()), static_cast<float>(app.height()),
                              app.metrics().target_px(mode), app.metrics().gap_px()};
        rules.min_code_px = app.metrics().mm(ScreenMetrics::min_code_mm);
        rules.px_per_mm = app.metrics().px_per_mm;
        if (!app.metrics().landscape) {
            // Portrait: required targets within the panel's reach band.
            rules.reach_top_px = app.metrics().reach_top_px;
            rules.reach_bottom_px = app.metrics().reach_bottom_px;
        }
        // What lies on top of what: the windows as ImGui shows them now.
        ui::FrameRecord drawn = frame;
        ui::record_windows(drawn);
        auto problems = ui::check_layout(drawn, rules);
        if (!problems.empty())
            return std::to_string(problems.size()) + " layout problem(s):" + list_problems(problems);
        // Every screen a script lays out also offers the speaker, reading
        // its title and content: a new screen without speech fails here.
        if (std::string speech = check_screen_speaks(app, frame); !speech.empty())
            return "read aloud: " + speech;
        if (script.speech_every_language)
            if (std::string speech = speaks_in_every_language(app); !speech.empty())
                return "read aloud " + speech;
        return {};
    }
    if (command == "remember" || command == "expect_moved" || command == "expect_still_under" ||
        command == "expect_same_place") {
        std::string id;
        args >> id;
        const ui::DrawnTarget* target = frame.find_target(id);
        if (!target)
            return "no target '" + id + "' on screen";
        if (command == "remember") {
            script.remembered[id] = target->rect;
            return {};
        }
        auto it = script.remembered.find(id);
        if (it == script.remembered.end())
            return "'" + id + "' was not remembered";
        if (command == "expect_same_place") {
            const ImVec4& r = target->rect;
            if (std::abs(r.x - it->second.x) > 1 || std::abs(r.y - it->second.y) > 1)
                return "'" + id + "' moved from (" + std::to_string(it->second.x) + ", " + std::to_string(it->second.y) +
                       ") to (" + std::to_string(r.x) + ", " + std::to_string(r.y) + ")";
            return {};
        }
        if (command == "expect_still_under") {
            // A second tap where the finger was lands on the same target.
            const float cx = (it->second.x + it->second.z) * 0.5f, cy = (it->second.y + it->second.w) * 0.5f;
            const ImVec4& r = target->rect;  // x0, y0, x1, y1
            if (cx < r.x || cx > r.z || cy < r.y || cy > r.w)
                return "'" + id + "' is no longer under the spot that was tapped (" + std::to_string(cx) + ", " +
                       std::to_string(cy) + ")";
            return {};
        }
        if (it->second.y == target->rect.y && it->second.x == target->rect.x)
            return "'" + id + "' did not move";
        return {};
    }
    if (command == "expect_spoken") {
        // "a | b | c": what was last read aloud says each, in this order.
        const std::string line = rest_of_line(args);
        const std::string& said = app.last_spoken();
        std::size_t from = 0, at = 0;
        while (from <= line.size()) {
            const std::size_t bar = line.find(" | ", from);
            const std::string part = line.substr(from, bar == std::string::npos ? std::string::npos : bar - from);
            const std::size_t found = said.find(part, at);
            if (found == std::string::npos)
                return "the kiosk did not say \"" + part + "\" (after what came before) in: \"" + said + "\"";
            at = found + part.size();
            if (bar == std::string::npos)
                break;
            from = bar + 3;
        }
        return {};
    }
    if (command == "expect_voice") {
        // The voice the last utterance was read in (cmn, yue, en), and the
        // engine was handed that voice.
        std::string voice;
        args >> voice;
        if (app.last_voice() != voice)
            return "the kiosk read in \"" + app.last_voice() + "\", not \"" + voice + "\"";
        if (const speech::SpeechEngine* engine = app.speech()) {
            if (!engine->wait_idle(lobby::test::scaled_ms(20000)))
                return "speech did not finish within 20 s";
            if (engine->last().voice != voice)
                return "the engine was given the voice \"" + engine->last().voice + "\", not \"" + voice + "\"";
        }
        return {};
    }
    if (command == "expect_not_spoken") {
        const std::string part = rest_of_line(args);
        if (app.last_spoken().find(part) != std::string::npos)
            return "the kiosk said \"" + part + "\" in: \"" + app.last_spoken() + "\"";
        return {};
    }
    if (command == "wait_speech") {
        // The engine synthesised what was last said to its end (sound or not).
        const speech::SpeechEngine* engine = app.speech();
        if (!engine)
            return "read-aloud is off in the config";
        if (!engine->wait_idle(lobby::test::scaled_ms(20000)))
            return "speech did not finish within 20 s";
        const speech::UtteranceReport report = engine->last();
        if (report.text != app.last_spoken() || !report.finished || report.samples == 0)
            return "the last utterance was not synthesised (finished=" + std::to_string(report.finished) +
                   ", samples=" + std::to_string(report.samples) + ")";
        return {};
    }
    if (command == "expect_speech_cut_off") {
        // What was being read was stopped before its end (a new screen).
        const speech::SpeechEngine* engine = app.speech();
        if (!engine || !engine->wait_idle(lobby::test::scaled_ms(20000)))
            return "speech did not stop";
        if (!engine->last().cancelled)
            return "the last utterance was read to its end, not cut off";
        return {};
    }
    if (command == "expect_choices_at_most") {
        // Controls of the screen's own content (the frame's Back/Home and
        // settings not counted), on the topmost layer.
        // `except id...`: standing controls that are not a choice of the
        // question (home's emergency action, the 长者模式 switch, the banner).
        std::size_t most = 0;
        args >> most;
        std::set<std::string> except;
        std::string word;
        if (args >> word && word == "except")
            while (args >> word)
                except.insert(word);
        int top = 0;
        for (const auto& t : frame.targets)
            top = std::max(top, t.layer);
        std::size_t count = 0;
        std::string ids;
        for (const auto& t : frame.targets)
            if (t.layer == top && (t.in_scroll_area || top > 0) && !except.count(t.id)) {
                ++count;
                ids += " " + t.id;
            }
        std::printf("choices on screen: %zu\n", count);
        if (count > most)
            return std::to_string(count) + " choices on screen, more than " + std::to_string(most) + ":" + ids;
        return {};
    }
    if (command == "open_pad") {
        std::string name;
        args >> name;
        const std::optional<TextKind> kind = kind_named(name);
        if (!kind)
            return "open_pad needs a kind: digits, phone, chinese, english or plate";
        TextLimits limits;
        if (std::size_t max = 0; args >> max)
            limits.max_chars = max;
        app.text_pad().open(k_script_field, *kind, "", limits);
        app.render_frame();
        app.settle();
        return {};
    }
    if (command == "choose") {
        const std::string text = rest_of_line(args);
        const auto find = [&]() -> const ui::DrawnTarget* {
            for (const ui::DrawnTarget& t : app.last_frame().targets)
                if (t.id.rfind("pad.cand.", 0) == 0 && t.label == text)
                    return &t;
            return nullptr;
        };
        if (!app.wait_until([&] { return find() != nullptr; }, scaled_ms(10)))
            return "no candidate \"" + text + "\" within " + describe_limit(10);
        tap(app, center_of(*find()));
        return {};
    }
    if (command == "stroke")
        return draw_stroke(app, args);
    if (command == "strokes_from") {
        // Recorded samples (tests/data/handwriting, see make_strokes.py there).
        std::string name;
        args >> name;
        const std::string path = std::string(LOBBY_SOURCE_DIR) + "/tests/data/handwriting/" + name + ".strokes";
        std::ifstream file(path);
        if (!file)
            return "cannot read " + path;
        int drawn = 0;
        for (std::string line; std::getline(file, line);) {
            if (line.empty() || line[0] == '#')
                continue;
            std::istringstream points(line);
            if (std::string error = draw_stroke(app, points); !error.empty())
                return path + ": " + error;
            ++drawn;
        }
        return drawn > 0 ? std::string() : path + " holds no stroke";
    }
    if (command == "expect_entered") {
        const std::string text = rest_of_line(args);
        const std::optional<std::string> entered = app.text_pad().take_result(k_script_field);
        if (text == "-")
            return entered ? "the field got \"" + *entered + "\"" : std::string();
        if (!entered)
            return "the field got nothing (完成 not tapped, or refused)";
        if (*entered != text)
            return "the field got \"" + *entered + "\", not \"" + text + "\"";
        return {};
    }
    if (command == "wait_input_unloaded") {
        double seconds = 10;
        args >> seconds;
        if (!app.wait_until([&] { return !app.input_engines_loaded(); }, scaled_ms(seconds)))
            return "the input engines were still loaded after " + describe_limit(seconds);
        return {};
    }
    if (command == "record_frame_times") {
        app.clear_timings();
        app.record_timings(true);
        script.atlases_in_frame = app.atlas_counts().in_frame;
        return {};
    }
    if (command == "expect_frames_under") {
        // The longest UI-thread frame since record_frame_times stays under a
        // bound: nothing the frames did in between (typing, new characters)
        // stalled one. Counted: the frame's own work (font atlas, our UI,
        // ImGui), not the GL draw: here that is llvmpipe rasterising
        // 1080x1920 in software, as slow as the machine is busy.
        double limit_ms = 0;
        if (!(args >> limit_ms) || limit_ms <= 0)
            return "expect_frames_under needs a bound in ms";
        app.record_timings(false);
        std::vector<double> frame_ms, gl_ms;
        double atlas_max = 0;
        for (const FrameTiming& t : app.timings()) {
            frame_ms.push_back(t.frame_ms - t.gl_ms);
            gl_ms.push_back(t.gl_ms);
            atlas_max = std::max(atlas_max, t.atlas_ms);
        }
        std::sort(gl_ms.begin(), gl_ms.end());
        if (frame_ms.empty())
            return "no frame was drawn since record_frame_times";
        std::sort(frame_ms.begin(), frame_ms.end());
        const auto at = [&](double p) { return frame_ms[static_cast<std::size_t>(p * (frame_ms.size() - 1) + 0.5)]; };
        const AtlasCounts& atlases = app.atlas_counts();
        char line[256];
        std::snprintf(line, sizeof line,
                      "%zu frames: UI work ms p50 %.1f p99 %.1f max %.1f (font atlas max %.1f; GL draw max %.1f); "
                      "atlases built in a frame %llu, in the background %llu, additions appended %llu",
                      frame_ms.size(), at(0.5), at(0.99), frame_ms.back(), atlas_max, gl_ms.back(),
                      static_cast<unsigned long long>(atlases.in_frame),
                      static_cast<unsigned long long>(atlases.background),
                      static_cast<unsigned long long>(atlases.appended));
        std::printf("%s\n", line);
        // Same text size and face throughout: no atlas may have been built
        // inside a frame, whatever the machine's speed.
        if (atlases.in_frame != script.atlases_in_frame)
            return std::to_string(atlases.in_frame - script.atlases_in_frame) +
                   " font atlas(es) built inside a frame while recording: " + line;
        const double bound = limit_ms * time_scale();
        if (frame_ms.back() > bound)
            return "a frame's UI work took " + std::to_string(frame_ms.back()) + " ms, over " + std::to_string(bound) +
                   " ms (" + std::to_string(limit_ms) + " ms x LOBBY_TEST_TIME_SCALE): " + line;
        return {};
    }
    if (command == "expect_glyph" || command == "expect_no_glyph") {
        // expect_no_glyph: none of the characters is in the atlas any more
        // (a visit's characters are forgotten when it ends).
        const bool present = command == "expect_glyph";
        const std::string text = rest_of_line(args);
        for (const ImFont* font : {app.fonts().body, app.fonts().title}) {
            for (auto it = text.begin(); it != text.end();) {
                const std::uint32_t c = utf8::next(it, text.end());
                const bool found = font && font->FindGlyphNoFallback(static_cast<ImWchar>(c));
                if (found != present)
                    return std::string(present ? "the font atlas has no glyph for '" : "the font atlas still has '") +
                           text + "' (U+" + std::to_string(c) + ")";
            }
        }
        return {};
    }
    if (command == "shell") {
        // For tests against a real server: pay an order, stop the server.
        const std::string line = rest_of_line(args);
        const int rc = std::system(line.c_str());
        if (rc != 0)
            return "command failed (status " + std::to_string(rc) + "): " + line;
        return {};
    }
    if (command == "expect_no_quit") {
        if (app.state().quit_requested)
            return "the app asked to quit";
        return {};
    }
    if (command == "expect_quit") {
        if (!app.state().quit_requested)
            return "the app did not ask to quit";
        return {};
    }
    return "unknown command '" + command + "'";
}

} // namespace

int run_script(KioskApp& app, const std::string& script_path, const std::string& screenshot_dir)
{
    std::ifstream file(script_path);
    if (!file) {
        std::fprintf(stderr, "%s: cannot open the script\n", script_path.c_str());
        return 2;
    }
    app.settle();
    ScriptState script{screenshot_dir, {}, app.sync_status().pulls_completed};
    std::size_t unknown_reported = 0;
    if (std::string error = unknown_keys_error(unknown_reported); !error.empty()) {
        std::fprintf(stderr, "%s: before the first step: %s\n", script_path.c_str(), error.c_str());
        return 1;
    }
    std::string line;
    int line_number = 0, steps = 0;
    while (std::getline(file, line)) {
        ++line_number;
        std::istringstream in(line);
        std::string command;
        if (!(in >> command) || command[0] == '#')
            continue;
        const auto step_start = std::chrono::steady_clock::now();
        const auto frames_at_start = app.frames_drawn();
        std::string error = execute(app, command, in, script);
        if (std::getenv("LOBBY_STEP_TIMES"))
            std::fprintf(stderr, "step %d %s %llu frames %.0f ms\n", line_number, command.c_str(), (unsigned long long)(app.frames_drawn() - frames_at_start),
                         std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - step_start).count());
        if (error.empty())
            error = unknown_keys_error(unknown_reported);
        ++steps;
        if (!error.empty()) {
            std::fprintf(stderr, "%s:%d: %s: %s\n", script_path.c_str(), line_number, command.c_str(), error.c_str());
            return 1;
        }
    }
    std::printf("%s: %d steps passed\n", script_path.c_str(), steps);
    return 0;
}

} // namespace kiosk::app
