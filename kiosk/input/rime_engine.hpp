// Pinyin, jyutping and stroke input through librime: one Rime per process
// (librime is a singleton), one session per schema, used only from the
// input worker's thread. The schemas were deployed at build time into the
// data directory (lobby_rime_deploy); loading never deploys.
#pragma once

#include <string>
#include <vector>

namespace kiosk::input {

enum class RimeSchema { Pinyin, Jyutping, Stroke };

struct Composition {
    std::string preedit;                  // what is being composed ("xiao qu", "小qu")
    std::vector<std::string> candidates;  // best first
    std::string commit;                   // text finished by the last action, if any
};

class RimeEngine {
public:
    RimeEngine() = default;
    ~RimeEngine();
    RimeEngine(const RimeEngine&) = delete;
    RimeEngine& operator=(const RimeEngine&) = delete;

    // Starts Rime on the deployed `data_dir` over Debian's shared schemas.
    bool load(const std::string& shared_dir, const std::string& data_dir, std::string& error);
    void unload();
    bool loaded() const { return m_loaded; }
    // Opens the schema's session (the first use of a schema reads its tables).
    bool open(RimeSchema schema, std::string& error);
    bool is_open(RimeSchema schema) const { return m_sessions[static_cast<int>(schema)] != 0; }

    // Each returns the composition after the action. `simplified`: Simplified
    // output (zh-CN) for the schemas that offer both.
    Composition type(RimeSchema schema, const std::string& keys, bool simplified, std::size_t max_candidates);
    Composition backspace(RimeSchema schema, bool simplified, std::size_t max_candidates);
    Composition choose(RimeSchema schema, int index, bool simplified, std::size_t max_candidates);
    void reset(RimeSchema schema);

private:
    unsigned long session(RimeSchema schema);
    void set_simplified(RimeSchema schema, bool simplified);
    Composition read(RimeSchema schema, std::size_t max_candidates);

    bool m_loaded = false;
    unsigned long m_sessions[3] = {0, 0, 0};
};

} // namespace kiosk::input
