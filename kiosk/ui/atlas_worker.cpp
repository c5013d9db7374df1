// AtlasWorker: one thread, one build at a time.
#include "ui/atlas_worker.hpp"

#include <malloc.h>
#include <utility>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace kiosk::ui {

AtlasWorker::AtlasWorker(FontSources sources, Wake wake) : m_sources(sources), m_wake(std::move(wake)) {}

AtlasWorker::~AtlasWorker()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_cv.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

bool AtlasWorker::start(AtlasSpec spec, bool addition, std::uint64_t tag)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stop || m_job || m_building || m_done)
            return false;
        m_job = Job{std::move(spec), addition, tag};
        if (!m_thread.joinable())
            m_thread = std::thread([this] { run(); });
    }
    m_cv.notify_all();
    return true;
}

bool AtlasWorker::busy() const
{
    std::lock_guard lock(m_mutex);
    return m_job || m_building || m_done;
}

bool AtlasWorker::ready() const
{
    std::lock_guard lock(m_mutex);
    return m_done.has_value();
}

std::optional<AtlasWorker::Built> AtlasWorker::take()
{
    std::lock_guard lock(m_mutex);
    return std::exchange(m_done, std::nullopt);
}

bool AtlasWorker::wait_ready(std::chrono::milliseconds timeout) const
{
    std::unique_lock lock(m_mutex);
    if (!m_job && !m_building && !m_done)
        return false;
    return m_cv.wait_for(lock, timeout, [this] { return m_done.has_value(); });
}

void AtlasWorker::run()
{
    // Below the UI thread: on a small machine the frame being drawn wins the
    // core, the atlas can come a frame later. (Linux nice is per thread.)
    setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 10);
    for (;;) {
        Job job;
        {
            std::unique_lock lock(m_mutex);
            m_cv.wait(lock, [this] { return m_stop || m_job; });
            if (m_stop)
                return;
            job = std::move(*m_job);
            m_job.reset();
            m_building = true;
        }
        const auto started = std::chrono::steady_clock::now();
        Built built;
        built.atlas = std::make_unique<ImFontAtlas>();
        built.fonts = build_font_atlas(m_sources, job.spec, *built.atlas,
                                       job.addition ? AtlasPart::Addition : AtlasPart::Whole);
        built.addition = job.addition;
        built.tag = job.tag;
        AtlasSpec& spec = job.spec;
        // Rasterising leaves megabytes of freed scratch in this thread's
        // heap arena: hand it back rather than keep it resident.
        malloc_trim(0);
        built.build_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
        built.spec = std::move(spec);
        {
            std::lock_guard lock(m_mutex);
            m_done = std::move(built);
            m_building = false;
        }
        m_cv.notify_all();
        m_wake();
    }
}

} // namespace kiosk::ui
