// Backend: store + worker set-up, and cache records decoded with the shared
// protocol types into core's plain structs.
#include "app/backend.hpp"


#include "net/sync_worker.hpp"
#include "protocol/records.hpp"
#include "store/store.hpp"

#include <spdlog/spdlog.h>

#include <filesystem>

namespace kiosk::app {
namespace {

LocalText local_text(const lobby::protocol::LocalizedText& text)
{
    return {text.zh_cn, text.zh_hk, text.en};
}

} // namespace

std::unique_ptr<Backend> Backend::open(const KioskConfig& config, std::function<void()> wake, std::string& error)
{
    std::unique_ptr<Backend> backend(new Backend);
    std::error_code ignored;  // a missing folder is reported by the open below
    std::filesystem::create_directories(std::filesystem::path(config.store_path).parent_path(), ignored);
    store::StoreOptions options;
    options.path = config.store_path;
    options.durability = store::Durability::full;
    auto ui_store = store::Store::open(options);
    if (!ui_store) {
        error = config.store_path + ": " + ui_store.error().message;
        return nullptr;
    }
    auto worker_store = ui_store.value().open_sibling(store::Durability::normal);
    if (!worker_store) {
        error = config.store_path + ": " + worker_store.error().message;
        return nullptr;
    }
    backend->m_store = std::make_unique<store::Store>(std::move(ui_store.value()));

    net::SyncConfig sync;
    sync.server_url = config.server_url;
    sync.token = config.server_token;
    sync.kiosk_version = LOBBY_VERSION;
    Backend* self = backend.get();
    backend->m_worker = std::make_unique<net::SyncWorker>(std::move(worker_store.value()), sync, [self, wake] {
        self->m_status_version.fetch_add(1, std::memory_order_acq_rel);
        wake();
    });
    backend->m_worker->start();
    return backend;
}

Backend::~Backend()
{
    stop();
}

void Backend::stop()
{
    if (m_worker)
        m_worker->stop();
}

SyncStatus Backend::status() const
{
    return m_worker->status();
}

std::uint64_t Backend::store_version() const
{
    return m_store->version();
}

void Backend::request_pull()
{
    m_worker->request_pull();
}

std::unique_ptr<store::Store> Backend::open_worker_store(std::string& error) const
{
    auto sibling = m_store->open_sibling(store::Durability::normal);
    if (!sibling) {
        error = m_store->path() + ": " + sibling.error().message;
        return nullptr;
    }
    return std::make_unique<store::Store>(std::move(sibling.value()));
}

CachedData Backend::read_cache(std::int64_t now_utc)
{
    CachedData data;
    if (auto estate = m_store->estate(); estate && estate.value()) {
        auto decoded = lobby::protocol::decode<lobby::protocol::Estate>(estate.value()->data);
        if (decoded)
            data.estate = EstateInfo{local_text(decoded.value().name), decoded.value().hotline};
        else
            spdlog::warn("cache: estate record unreadable: {}", decoded.error().message);
    }
    if (auto notices = m_store->active_notices(now_utc)) {
        for (const auto& record : notices.value()) {
            auto decoded = lobby::protocol::decode<lobby::protocol::Notice>(record.data);
            if (!decoded) {
                spdlog::warn("cache: notice {} unreadable: {}", record.key, decoded.error().message);
                continue;
            }
            const auto& n = decoded.value();
            data.notices.push_back({n.id, n.kind, n.urgent, local_text(n.title), local_text(n.body), n.published_at,
                                    n.expires_at.value_or(0)});
        }
    }
    read_fee_data(*m_store, data, m_units);
    return data;
}

} // namespace kiosk::app
