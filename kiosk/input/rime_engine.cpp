// RimeEngine over rime_api.h.
#include "input/rime_engine.hpp"

#include <rime_api.h>

namespace kiosk::input {
namespace {

constexpr int k_backspace = 0xff08;  // XK_BackSpace

const char* schema_id(RimeSchema schema)
{
    switch (schema) {
    case RimeSchema::Pinyin: return "luna_pinyin_simp";
    case RimeSchema::Jyutping: return "jyut6ping3";
    case RimeSchema::Stroke: return "stroke";
    }
    return "luna_pinyin_simp";
}

RimeApi* api() { return rime_get_api(); }

// setup() starts glog, which may run once per process; initialize() and
// finalize() may pair many times (the worker unloads Rime when idle).
bool g_setup_done = false;
std::string g_shared_dir, g_data_dir;

} // namespace

RimeEngine::~RimeEngine()
{
    unload();
}

bool RimeEngine::load(const std::string& shared_dir, const std::string& data_dir, std::string& error)
{
    if (m_loaded)
        return true;
    RIME_STRUCT(RimeTraits, traits);
    g_shared_dir = shared_dir;
    g_data_dir = data_dir;
    traits.shared_data_dir = g_shared_dir.c_str();
    traits.user_data_dir = g_data_dir.c_str();
    traits.distribution_name = "Lobby Kiosk";
    traits.distribution_code_name = "lobby-kiosk";
    traits.distribution_version = LOBBY_VERSION;
    traits.app_name = "rime.lobby-kiosk";
    traits.min_log_level = 2;
    traits.log_dir = "";
    if (!g_setup_done) {
        api()->setup(&traits);
        g_setup_done = true;
    }
    api()->initialize(&traits);
    m_loaded = true;
    (void)error;
    return true;
}

void RimeEngine::unload()
{
    if (!m_loaded)
        return;
    for (unsigned long& id : m_sessions) {
        if (id)
            api()->destroy_session(id);
        id = 0;
    }
    api()->finalize();
    m_loaded = false;
}

bool RimeEngine::open(RimeSchema schema, std::string& error)
{
    unsigned long& id = m_sessions[static_cast<int>(schema)];
    if (id)
        return true;
    id = api()->create_session();
    if (!id || !api()->select_schema(id, schema_id(schema))) {
        error = std::string("Rime cannot open the schema ") + schema_id(schema) + " in " + g_data_dir +
                " (deployed at build time by lobby_rime_deploy)";
        if (id)
            api()->destroy_session(id);
        id = 0;
        return false;
    }
    // The schema name is checked: Rime falls back to another schema silently.
    char current[64] = {0};
    if (!api()->get_current_schema(id, current, sizeof current) || std::string(current) != schema_id(schema)) {
        error = std::string("Rime chose the schema '") + current + "' instead of " + schema_id(schema) +
                " (not deployed in " + g_data_dir + "?)";
        api()->destroy_session(id);
        id = 0;
        return false;
    }
    return true;
}

unsigned long RimeEngine::session(RimeSchema schema)
{
    return m_sessions[static_cast<int>(schema)];
}

void RimeEngine::set_simplified(RimeSchema schema, bool simplified)
{
    const RimeSessionId id = session(schema);
    switch (schema) {
    case RimeSchema::Pinyin: api()->set_option(id, "zh_simp", simplified); break;
    case RimeSchema::Stroke: api()->set_option(id, "zh_simp", simplified); break;
    case RimeSchema::Jyutping:
        api()->set_option(id, "simplification", simplified);
        api()->set_option(id, "variants_hk", !simplified);
        break;
    }
}

Composition RimeEngine::read(RimeSchema schema, std::size_t max_candidates)
{
    const RimeSessionId id = session(schema);
    Composition out;
    RIME_STRUCT(RimeCommit, commit);
    if (api()->get_commit(id, &commit)) {
        out.commit = commit.text ? commit.text : "";
        api()->free_commit(&commit);
    }
    RIME_STRUCT(RimeContext, context);
    if (api()->get_context(id, &context)) {
        if (context.composition.preedit)
            out.preedit = context.composition.preedit;
        api()->free_context(&context);
    }
    RimeCandidateListIterator it = {};
    if (api()->candidate_list_begin(id, &it)) {
        while (out.candidates.size() < max_candidates && api()->candidate_list_next(&it))
            out.candidates.emplace_back(it.candidate.text ? it.candidate.text : "");
        api()->candidate_list_end(&it);
    }
    return out;
}

Composition RimeEngine::type(RimeSchema schema, const std::string& keys, bool simplified, std::size_t max_candidates)
{
    if (!session(schema))
        return {};
    set_simplified(schema, simplified);
    api()->simulate_key_sequence(session(schema), keys.c_str());
    return read(schema, max_candidates);
}

Composition RimeEngine::backspace(RimeSchema schema, bool simplified, std::size_t max_candidates)
{
    if (!session(schema))
        return {};
    set_simplified(schema, simplified);
    api()->process_key(session(schema), k_backspace, 0);
    return read(schema, max_candidates);
}

Composition RimeEngine::choose(RimeSchema schema, int index, bool simplified, std::size_t max_candidates)
{
    if (!session(schema))
        return {};
    set_simplified(schema, simplified);
    api()->select_candidate(session(schema), static_cast<std::size_t>(index));
    return read(schema, max_candidates);
}

void RimeEngine::reset(RimeSchema schema)
{
    if (session(schema))
        api()->clear_composition(session(schema));
}

} // namespace kiosk::input
