// The pads' input worker: one thread that owns every engine (Rime for pinyin,
// jyutping and stroke; zinnia for handwriting; the phrase tables), loads each
// on first use, answers the pad's jobs in order, and wakes the UI loop when an
// answer is ready, so no engine call ever runs in a frame. Engines are
// unloaded when no pad has been open for a while, so the idle kiosk does not
// keep their memory.
#pragma once

#include "input/handwriting_engine.hpp"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace kiosk::input {

enum class Engine { Pinyin, Jyutping, Stroke, Handwriting };

struct InputPaths {
    std::string rime_shared_dir;  // Debian's schemas: /usr/share/rime-data
    std::string data_dir;         // deployed at build time (lobby_rime_deploy)
    std::string handwriting_model;
    // Build tree defaults; LOBBY_INPUT_DATA_DIR overrides the data dir.
    static InputPaths defaults();
};

struct Job {
    enum class Kind { Type, Backspace, Choose, Reset, Recognise, Predict };
    Kind kind = Kind::Type;
    Engine engine = Engine::Pinyin;
    bool simplified = true;
    std::string keys;                // Type: letters to add
    int index = -1;                  // Choose: candidate index...
    std::uint64_t list_seq = 0;      // ...in the list of this answer (stale: ignored)
    std::vector<Stroke> strokes;     // Recognise
    int box_size = 0;
    std::string text;                // Predict: what follows this text
};

struct Answer {
    std::uint64_t seq = 0;           // the job's
    Job::Kind kind = Job::Kind::Type;
    Engine engine = Engine::Pinyin;
    std::string preedit;
    std::vector<std::string> candidates;
    bool predictions = false;        // candidates continue the last commit
    std::string commit;              // finished text to add to the field
    std::string error;               // an engine failed to load
    double load_ms = 0;              // > 0: this job loaded the engine
    double work_ms = 0;              // the job itself
    bool ignored = false;            // a stale choice
};

class InputService {
public:
    using Wake = std::function<void()>;
    InputService(InputPaths paths, Wake wake, std::chrono::milliseconds unload_after = std::chrono::seconds(60));
    ~InputService();
    InputService(const InputService&) = delete;
    InputService& operator=(const InputService&) = delete;

    // Queues a job; returns its sequence number. Starts the thread at first.
    std::uint64_t post(Job job);
    // Answers ready since the last call, in job order.
    std::vector<Answer> take_answers();
    // The pad opened or closed: engines stay loaded while a pad is open and
    // for `unload_after` after it closed.
    void set_in_use(bool in_use);
    // Jobs posted but not answered yet.
    std::size_t pending() const;
    // Engines loaded now (for the memory benchmark and tests).
    bool any_loaded() const;

    static constexpr std::size_t max_candidates = 30;

private:
    void run();
    Answer work(const Job& job, std::uint64_t seq);
    bool ensure(Engine engine, bool simplified, Answer& answer);
    void unload_all();

    InputPaths m_paths;
    Wake m_wake;
    std::chrono::milliseconds m_unload_after;

    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    std::deque<std::pair<std::uint64_t, Job>> m_jobs;
    std::vector<Answer> m_answers;
    std::uint64_t m_next_seq = 1;
    std::uint64_t m_last_answered = 0;
    bool m_in_use = false;
    bool m_stop = false;
    bool m_loaded_flag = false;
    std::thread m_thread;

    // Worker-thread state (engines live in input_service.cpp).
    struct Engines;
    Engines* m_engines = nullptr;
};

} // namespace kiosk::input
