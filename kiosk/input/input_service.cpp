// InputService: the worker thread and its engines.
#include "input/input_service.hpp"

#include "input/phrase_tables.hpp"
#include "input/rime_engine.hpp"

#include <malloc.h>

#include <cstdlib>
#include <utility>

namespace kiosk::input {
namespace {

using clock = std::chrono::steady_clock;

double ms_since(clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(clock::now() - start).count();
}

RimeSchema schema_of(Engine engine)
{
    return engine == Engine::Jyutping ? RimeSchema::Jyutping
           : engine == Engine::Stroke ? RimeSchema::Stroke
                                      : RimeSchema::Pinyin;
}

} // namespace

InputPaths InputPaths::defaults()
{
    InputPaths paths;
    paths.rime_shared_dir = "/usr/share/rime-data";
    const char* env = std::getenv("LOBBY_INPUT_DATA_DIR");
    paths.data_dir = env && *env ? env : LOBBY_INPUT_DATA_DIR;
    paths.handwriting_model = "/usr/share/tegaki/models/zinnia/handwriting-zh_CN.model";
    return paths;
}

struct InputService::Engines {
    RimeEngine rime;
    HandwritingEngine handwriting;
    PhrasePredictor predict_hans, predict_hant;
    // The schema whose composition is open: another schema's job first
    // clears it, so a pad switching modes starts afresh.
    int open_schema = -1;
};

InputService::InputService(InputPaths paths, Wake wake, std::chrono::milliseconds unload_after)
    : m_paths(std::move(paths)), m_wake(std::move(wake)), m_unload_after(unload_after), m_engines(new Engines)
{
}

InputService::~InputService()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_cv.notify_all();
    if (m_thread.joinable())
        m_thread.join();
    delete m_engines;
}

std::uint64_t InputService::post(Job job)
{
    std::uint64_t seq = 0;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        seq = m_next_seq++;
        m_jobs.emplace_back(seq, std::move(job));
        m_in_use = true;
        if (!m_thread.joinable())
            m_thread = std::thread([this] { run(); });
    }
    m_cv.notify_all();
    return seq;
}

std::vector<Answer> InputService::take_answers()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return std::exchange(m_answers, {});
}

void InputService::set_in_use(bool in_use)
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_in_use = in_use;
    }
    m_cv.notify_all();
}

std::size_t InputService::pending() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_next_seq - 1 - m_last_answered;  // answered in order
}

bool InputService::any_loaded() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_loaded_flag;
}

void InputService::run()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    while (!m_stop) {
        if (m_jobs.empty()) {
            // Sleep until a job comes; when the pad is closed and engines are
            // loaded, at most until it is time to unload them.
            if (m_loaded_flag && !m_in_use) {
                if (!m_cv.wait_for(lock, m_unload_after, [this] { return m_stop || !m_jobs.empty() || m_in_use; })) {
                    lock.unlock();
                    unload_all();
                    lock.lock();
                    m_loaded_flag = false;
                }
            } else {
                m_cv.wait(lock, [this] { return m_stop || !m_jobs.empty() || (m_loaded_flag && !m_in_use); });
            }
            continue;
        }
        auto [seq, job] = std::move(m_jobs.front());
        m_jobs.pop_front();
        lock.unlock();
        Answer answer = work(job, seq);
        lock.lock();
        m_loaded_flag = true;
        m_last_answered = seq;
        m_answers.push_back(std::move(answer));
        lock.unlock();
        if (m_wake)
            m_wake();
        lock.lock();
    }
}

bool InputService::ensure(Engine engine, bool simplified, Answer& answer)
{
    const auto start = clock::now();
    Engines& e = *m_engines;
    bool loaded_now = false;
    std::string error;
    bool ok = true;
    if (engine == Engine::Handwriting) {
        if (!e.handwriting.loaded()) {
            ok = e.handwriting.load(m_paths.handwriting_model, error);
            loaded_now = true;
        }
    } else {
        if (!e.rime.loaded()) {
            ok = e.rime.load(m_paths.rime_shared_dir, m_paths.data_dir, error);
            loaded_now = true;
        }
        // A schema's first session reads its tables: part of the loading.
        if (ok && !e.rime.is_open(schema_of(engine))) {
            loaded_now = true;
            ok = e.rime.open(schema_of(engine), error);
        }
    }
    PhrasePredictor& predictor = simplified ? e.predict_hans : e.predict_hant;
    if (ok && !predictor.loaded()) {
        std::string table_error;
        // Without a table the pad still works; it only predicts nothing.
        predictor.load(phrase_table_path(m_paths.data_dir, simplified), table_error);
    }
    if (loaded_now)
        answer.load_ms = ms_since(start);
    if (!ok)
        answer.error = error;
    return ok;
}

Answer InputService::work(const Job& job, std::uint64_t seq)
{
    Answer answer;
    answer.seq = seq;
    answer.kind = job.kind;
    answer.engine = job.engine;
    if (!ensure(job.engine, job.simplified, answer))
        return answer;
    const auto start = clock::now();
    Engines& e = *m_engines;
    const PhrasePredictor& predictor = job.simplified ? e.predict_hans : e.predict_hant;
    const std::size_t n = max_candidates;
    if (job.engine == Engine::Handwriting) {
        if (job.kind == Job::Kind::Recognise)
            answer.candidates = e.handwriting.recognise(job.strokes, job.box_size, n);
    } else {
        const RimeSchema schema = schema_of(job.engine);
        if (e.open_schema != static_cast<int>(schema)) {
            if (e.open_schema >= 0)
                e.rime.reset(static_cast<RimeSchema>(e.open_schema));
            e.open_schema = static_cast<int>(schema);
        }
        Composition c;
        switch (job.kind) {
        case Job::Kind::Type: c = e.rime.type(schema, job.keys, job.simplified, n); break;
        case Job::Kind::Backspace: c = e.rime.backspace(schema, job.simplified, n); break;
        case Job::Kind::Choose:
            // A choice made on a list that has since changed is dropped: the
            // person saw other candidates than Rime now has.
            if (job.list_seq != m_last_answered) {
                answer.ignored = true;
                break;
            }
            c = e.rime.choose(schema, job.index, job.simplified, n);
            break;
        case Job::Kind::Reset: e.rime.reset(schema); break;
        default: break;
        }
        answer.preedit = std::move(c.preedit);
        answer.candidates = std::move(c.candidates);
        answer.commit = std::move(c.commit);
    }
    // After a finished word, offer what usually follows it.
    const std::string& after = job.kind == Job::Kind::Predict ? job.text : answer.commit;
    if ((job.kind == Job::Kind::Predict || !answer.commit.empty()) && answer.preedit.empty()) {
        answer.candidates = predictor.after(after);
        answer.predictions = true;
    }
    answer.work_ms = ms_since(start);
    return answer;
}

void InputService::unload_all()
{
    m_engines->rime.unload();
    m_engines->handwriting.unload();
    m_engines->predict_hans = PhrasePredictor{};
    m_engines->predict_hant = PhrasePredictor{};
    m_engines->open_schema = -1;
    malloc_trim(0);  // give the engines' heap back to the system
}

} // namespace kiosk::input
