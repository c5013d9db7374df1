// The pads' engines through the real worker (InputService): Rime deployed
// at build time with Debian's schemas, zinnia with the tegaki model. Each test
// waits for the worker's answers, bounded by the scaled time limit.
#include "input/input_service.hpp"

#include "support/time_scale.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <sstream>
#include <thread>

using namespace kiosk::input;

namespace {

Job job_of(Job::Kind kind, Engine engine)
{
    Job job;
    job.kind = kind;
    job.engine = engine;
    return job;
}

// Posts jobs and waits for the answer to the last one.
struct Worker {
    std::atomic<int> wakes{0};
    InputService service{InputPaths::defaults(), [this] { ++wakes; }};

    Answer run(Job job)
    {
        const std::uint64_t seq = service.post(std::move(job));
        const auto deadline = std::chrono::steady_clock::now() + lobby::test::scaled(std::chrono::seconds(20));
        while (std::chrono::steady_clock::now() < deadline) {
            for (Answer& answer : service.take_answers())
                if (answer.seq == seq)
                    return answer;
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        FAIL("no answer within the time limit");
        return {};
    }
    Answer type(Engine engine, const std::string& keys, bool simplified = true)
    {
        Job job;
        job.engine = engine;
        job.keys = keys;
        job.simplified = simplified;
        return run(job);
    }
};

bool among_first(const std::vector<std::string>& candidates, const std::string& text, std::size_t n)
{
    const auto end = candidates.begin() + static_cast<std::ptrdiff_t>(std::min(n, candidates.size()));
    return std::find(candidates.begin(), end, text) != end;
}

std::string joined(const std::vector<std::string>& candidates)
{
    std::string out;
    for (const auto& c : candidates)
        out += c + " ";
    return out;
}

std::vector<Stroke> read_strokes(const std::string& name)
{
    std::ifstream file(std::string(LOBBY_SOURCE_DIR) + "/tests/data/handwriting/" + name + ".strokes");
    REQUIRE(file);
    std::vector<Stroke> strokes;
    std::string line;
    while (std::getline(file, line)) {
        if (line.empty() || line[0] == '#')
            continue;
        Stroke stroke;
        std::istringstream points(line);
        for (std::string point; points >> point;) {
            const std::size_t comma = point.find(',');
            stroke.push_back({std::stoi(point.substr(0, comma)), std::stoi(point.substr(comma + 1))});
        }
        strokes.push_back(stroke);
    }
    return strokes;
}

} // namespace

TEST_CASE("pinyin: zhang offers 张 among the first five, xiaoqu offers 小区")
{
    Worker worker;
    const Answer zhang = worker.type(Engine::Pinyin, "zhang");
    CHECK(zhang.error.empty());
    CHECK(zhang.load_ms > 0);  // the first job loaded Rime, on the worker
    CHECK_MESSAGE(among_first(zhang.candidates, "张", 5), joined(zhang.candidates));
    worker.run(job_of(Job::Kind::Reset, Engine::Pinyin));
    const Answer xiaoqu = worker.type(Engine::Pinyin, "xiaoqu");
    CHECK_MESSAGE(among_first(xiaoqu.candidates, "小区", 5), joined(xiaoqu.candidates));
    CHECK(xiaoqu.load_ms == 0);  // loaded once
    CHECK(worker.wakes > 0);     // every answer wakes the UI loop
}

TEST_CASE("pinyin: choosing a candidate commits it and predicts what follows")
{
    Worker worker;
    const Answer xiao = worker.type(Engine::Pinyin, "xiao");
    const auto it = std::find(xiao.candidates.begin(), xiao.candidates.end(), "小");
    REQUIRE(it != xiao.candidates.end());
    Job choose = job_of(Job::Kind::Choose, Engine::Pinyin);
    choose.index = static_cast<int>(it - xiao.candidates.begin());
    choose.list_seq = xiao.seq;
    const Answer chosen = worker.run(choose);
    CHECK(chosen.commit == "小");
    CHECK(chosen.preedit.empty());
    CHECK(chosen.predictions);
    CHECK_MESSAGE(among_first(chosen.candidates, "区", 12), joined(chosen.candidates));
}

TEST_CASE("pinyin: a choice made on a list that changed since is dropped")
{
    Worker worker;
    const Answer first = worker.type(Engine::Pinyin, "zh");
    worker.type(Engine::Pinyin, "ang");  // the list the person saw is stale now
    Job choose = job_of(Job::Kind::Choose, Engine::Pinyin);
    choose.index = 0;
    choose.list_seq = first.seq;
    const Answer answer = worker.run(choose);
    CHECK(answer.ignored);
    CHECK(answer.commit.empty());
}

TEST_CASE("pinyin: backspace takes back a letter; a partial choice keeps the rest composing")
{
    Worker worker;
    worker.type(Engine::Pinyin, "xiaoqux");
    const Answer back = worker.run(job_of(Job::Kind::Backspace, Engine::Pinyin));
    CHECK(back.preedit == "xiao qu");
    // 小 alone (a later candidate) leaves "qu" to compose.
    const auto it = std::find(back.candidates.begin(), back.candidates.end(), "小");
    REQUIRE(it != back.candidates.end());
    Job choose = job_of(Job::Kind::Choose, Engine::Pinyin);
    choose.index = static_cast<int>(it - back.candidates.begin());
    choose.list_seq = back.seq;
    const Answer partial = worker.run(choose);
    CHECK(partial.commit.empty());
    CHECK(partial.preedit.find("qu") != std::string::npos);
    CHECK_MESSAGE(among_first(partial.candidates, "区", 5), joined(partial.candidates));
}

TEST_CASE("jyutping: nei hou offers 你好, in Traditional characters")
{
    Worker worker;
    const Answer answer = worker.type(Engine::Jyutping, "neihou", false);
    CHECK(answer.error.empty());
    CHECK_MESSAGE(among_first(answer.candidates, "你好", 3), joined(answer.candidates));
    worker.run(job_of(Job::Kind::Reset, Engine::Jyutping));
    const Answer hk = worker.type(Engine::Jyutping, "hoenggong", false);
    CHECK_MESSAGE(among_first(hk.candidates, "香港", 3), joined(hk.candidates));
    worker.run(job_of(Job::Kind::Reset, Engine::Jyutping));
    const Answer country = worker.type(Engine::Jyutping, "gwokgaa", false);
    CHECK_MESSAGE(among_first(country.candidates, "國家", 3), joined(country.candidates));  // not 国家
}

TEST_CASE("stroke: 丿丨 offers 亻 and characters built on it")
{
    Worker worker;
    const Answer answer = worker.type(Engine::Stroke, "ps");
    CHECK(answer.error.empty());
    CHECK_MESSAGE(among_first(answer.candidates, "亻", 5), joined(answer.candidates));
    // 们 is 丿丨丶丨乛: the full strokes find it, simplified for zh-CN.
    worker.run(job_of(Job::Kind::Reset, Engine::Stroke));
    const Answer men = worker.type(Engine::Stroke, "psnsz");
    CHECK_MESSAGE(among_first(men.candidates, "们", 9), joined(men.candidates));
}

TEST_CASE("handwriting: the recorded strokes of 口 十 人 王 give the character among the top three")
{
    Worker worker;
    for (const auto& [name, expected] :
         std::vector<std::pair<std::string, std::string>>{{"kou", "口"}, {"shi", "十"}, {"ren", "人"}, {"wang", "王"}}) {
        Job job = job_of(Job::Kind::Recognise, Engine::Handwriting);
        job.strokes = read_strokes(name);
        job.box_size = 1000;
        const Answer answer = worker.run(job);
        CHECK(answer.error.empty());
        CHECK_MESSAGE(among_first(answer.candidates, expected, 3), name << ": " << joined(answer.candidates));
    }
}

TEST_CASE("handwriting: a missing model is reported, not a crash")
{
    InputPaths paths = InputPaths::defaults();
    paths.handwriting_model = "/nonexistent/handwriting.model";
    std::atomic<int> wakes{0};
    InputService service(paths, [&] { ++wakes; });
    Job job = job_of(Job::Kind::Recognise, Engine::Handwriting);
    job.strokes = {{{100, 100}, {900, 100}}};
    job.box_size = 1000;
    const std::uint64_t seq = service.post(job);
    const auto deadline = std::chrono::steady_clock::now() + lobby::test::scaled(std::chrono::seconds(10));
    Answer answer;
    while (answer.seq != seq && std::chrono::steady_clock::now() < deadline)
        for (Answer& a : service.take_answers())
            answer = a;
    CHECK(answer.seq == seq);
    CHECK(answer.error.find("tegaki-zinnia-simplified-chinese") != std::string::npos);
}

TEST_CASE("the worker unloads its engines once no pad has been open for a while")
{
    std::atomic<int> wakes{0};
    InputService service(InputPaths::defaults(), [&] { ++wakes; }, std::chrono::milliseconds(50));
    Job job = job_of(Job::Kind::Recognise, Engine::Handwriting);
    job.strokes = read_strokes("shi");
    job.box_size = 1000;
    service.post(job);
    const auto deadline = std::chrono::steady_clock::now() + lobby::test::scaled(std::chrono::seconds(10));
    while (wakes == 0 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    REQUIRE(service.any_loaded());
    service.set_in_use(false);
    while (service.any_loaded() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    CHECK_FALSE(service.any_loaded());
}
