// input_bench: the text pads' engines through their worker, as the pad uses
// them. Prints, per engine: time to first use (a fresh worker: Rime started
// or the zinnia model opened, then the first answer), and candidate latency
// p50/p99 from posting a job to its answer (the thread hand-off included),
// for pinyin and jyutping typed a letter at a time and handwriting recognised
// a stroke at a time. Target: p99 < 20 ms. Not part of ctest.
//   input_bench [rounds]
#include "input/input_service.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <sstream>
#include <string>
#include <vector>

using namespace kiosk::input;
using clock_type = std::chrono::steady_clock;

namespace {

// Waits on the wake callback, like the UI loop does.
struct Waiter {
    std::mutex mutex;
    std::condition_variable cv;
    int wakes = 0;
    void wake()
    {
        std::lock_guard<std::mutex> lock(mutex);
        ++wakes;
        cv.notify_all();
    }
};

struct Bench {
    Waiter waiter;
    InputService service{InputPaths::defaults(), [this] { waiter.wake(); }};

    // Posts and returns the answer and the ms from post to answer.
    std::pair<Answer, double> run(Job job)
    {
        const auto start = clock_type::now();
        const std::uint64_t seq = service.post(std::move(job));
        for (;;) {
            for (Answer& a : service.take_answers())
                if (a.seq == seq)
                    return {a, std::chrono::duration<double, std::milli>(clock_type::now() - start).count()};
            std::unique_lock<std::mutex> lock(waiter.mutex);
            waiter.cv.wait_for(lock, std::chrono::milliseconds(5));
        }
    }
};

Job job_of(Job::Kind kind, Engine engine, bool simplified = true)
{
    Job job;
    job.kind = kind;
    job.engine = engine;
    job.simplified = simplified;
    return job;
}

void report(const char* name, std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * ms.size()))]; };
    std::printf("%-12s candidates: n=%zu p50=%.2f ms p99=%.2f ms max=%.2f ms (target p99 < 20 ms)\n", name, ms.size(),
                at(0.50), at(0.99), ms.back());
}

// Letters typed one by one, the composition reset after each word.
std::vector<double> typing(Bench& bench, Engine engine, const std::vector<std::string>& words, bool simplified,
                           int rounds)
{
    std::vector<double> ms;
    for (int r = 0; r < rounds; ++r)
        for (const std::string& word : words) {
            for (char c : word) {
                Job job = job_of(Job::Kind::Type, engine, simplified);
                job.keys = std::string(1, c);
                ms.push_back(bench.run(job).second);
            }
            bench.run(job_of(Job::Kind::Reset, engine, simplified));
        }
    return ms;
}

std::vector<Stroke> read_strokes(const std::string& name)
{
    std::ifstream file(std::string(LOBBY_SOURCE_DIR) + "/tests/data/handwriting/" + name + ".strokes");
    std::vector<Stroke> strokes;
    for (std::string line; std::getline(file, line);) {
        if (line.empty() || line[0] == '#')
            continue;
        Stroke stroke;
        std::istringstream points(line);
        for (std::string p; points >> p;)
            stroke.push_back({std::stoi(p.substr(0, p.find(','))), std::stoi(p.substr(p.find(',') + 1))});
        strokes.push_back(stroke);
    }
    return strokes;
}

void first_use(const char* name, Job job)
{
    Bench fresh;
    const auto [answer, ms] = fresh.run(std::move(job));
    std::printf("%-12s first use: %.0f ms to the first candidates (engine load %.0f ms)%s\n", name, ms,
                answer.load_ms, answer.error.empty() ? "" : (" ERROR " + answer.error).c_str());
}

} // namespace

int main(int argc, char** argv)
{
    const int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
    Job pinyin = job_of(Job::Kind::Type, Engine::Pinyin);
    pinyin.keys = "zhang";
    first_use("pinyin", pinyin);
    Job jyutping = job_of(Job::Kind::Type, Engine::Jyutping, false);
    jyutping.keys = "neihou";
    first_use("jyutping", jyutping);
    Job stroke = job_of(Job::Kind::Type, Engine::Stroke);
    stroke.keys = "ps";
    first_use("stroke", stroke);
    Job hand = job_of(Job::Kind::Recognise, Engine::Handwriting);
    hand.strokes = read_strokes("wang");
    hand.box_size = 1000;
    first_use("handwriting", hand);

    Bench bench;
    const std::vector<std::string> pinyin_words = {"zhang",     "xiaoqu",   "dianti",  "loushang", "shuiguan",
                                                   "louxia",    "tingchewei", "wuye",  "baoxiu",   "chuanghu",
                                                   "zhaoming",  "menjin",   "kuaidi",  "zhongguo", "beijing"};
    report("pinyin", typing(bench, Engine::Pinyin, pinyin_words, true, rounds));
    const std::vector<std::string> jyut_words = {"neihou", "hoenggong", "gwokgaa", "dinteoi", "sisoeng",
                                                 "mun",    "lauseong",  "gaaujau", "zoengsaam", "sikfaan"};
    report("jyutping", typing(bench, Engine::Jyutping, jyut_words, false, rounds));
    report("stroke", typing(bench, Engine::Stroke, {"ps", "psnsz", "hsphs", "hhsh"}, true, rounds));

    std::vector<double> hand_ms;
    for (int r = 0; r < rounds * 5; ++r)
        for (const char* name : {"kou", "shi", "ren", "wang"}) {
            const std::vector<Stroke> all = read_strokes(name);
            // As the pad does: all strokes so far, after each stroke.
            for (std::size_t n = 1; n <= all.size(); ++n) {
                Job job = job_of(Job::Kind::Recognise, Engine::Handwriting);
                job.strokes.assign(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n));
                job.box_size = 1000;
                hand_ms.push_back(bench.run(job).second);
            }
        }
    report("handwriting", hand_ms);
    return 0;
}
