// Backend: store, worker, live client and effects set-up; the shell's cache
// records decoded with the shared protocol types into core's plain structs.
#include "app/backend.hpp"

#include "net/credentials.hpp"
#include "net/enrolment.hpp"
#include "net/live_client.hpp"
#include "net/net_effects.hpp"
#include "net/sync_worker.hpp"
#include "protocol/changes.hpp"
#include "protocol/estate.hpp"
#include "protocol/kiosk_setup.hpp"
#include "store/key_file.hpp"
#include "store/store.hpp"

#include <spdlog/spdlog.h>

#include <filesystem>
#include <random>

namespace kiosk::app {
namespace {

LocalText local_text(const lobby::protocol::LocalizedText& text)
{
    return {text.zh_cn, text.zh_hk, text.en};
}

// Why a store on the disk could not be used: a full disk shows as SQLITE_FULL,
// and as SQLITE_IOERR when the write that failed was the journal's.
bool disk_is_full(const store::StoreError& error)
{
    return error.code == store::StoreErrc::disk_full || error.code == store::StoreErrc::io;
}

// A key for the in-memory store only (its hashes die with it).
std::string ephemeral_key()
{
    std::random_device random;
    static const char* hex = "0123456789abcdef";
    std::string key;
    for (int i = 0; i < 64; ++i)
        key += hex[random() & 0xf];
    return key;
}

} // namespace

Backend::Backend(const FeatureRegistry& registry) : m_registry(registry) {}

std::unique_ptr<Backend> Backend::open(const KioskConfig& config, const FeatureRegistry& registry,
                                       std::function<void()> wake, std::string& error)
{
    std::unique_ptr<Backend> backend(new Backend(registry));
    std::error_code ignored;  // a missing folder is reported by the open below
    std::filesystem::create_directories(std::filesystem::path(config.store_path).parent_path(), ignored);
    auto key = store::load_or_create_key_file(config.store_key_file);
    bool storage_full = false;
    if (!key) {
        if (key.error().code != store::StoreErrc::disk_full) {
            error = key.error().message;  // names the file, never the key
            return nullptr;
        }
        spdlog::error("key file: {}; starting on an in-memory store", key.error().message);
        storage_full = true;
    }
    // The token file (an enrolment's or a rotation's) wins over the config's token.
    backend->m_credentials = net::Credentials::load(config.server_token, config.server_token_file, error);
    if (!backend->m_credentials)
        return nullptr;  // names the file, never the token
    if (key)
        backend->m_verify_key = key.value();
    store::StoreOptions options;
    options.path = config.store_path;
    options.phone_hash_key = key ? std::move(key.value()) : std::string();
    options.durability = store::Durability::full;
    auto ui_store = storage_full ? store::Result<store::Store>(store::StoreError{store::StoreErrc::disk_full, 0, "key file not writable"})
                                 : store::Store::open(options);
    if (!ui_store && (storage_full || disk_is_full(ui_store.error()))) {
        // Start anyway: online fee lookup and payment need no disk, and the
        // header says the disk is full so staff are called. Submissions made
        // now live in memory only until the kiosk restarts.
        spdlog::error("store {}: {}; starting on an in-memory store", config.store_path, ui_store.error().message);
        storage_full = true;
        if (options.phone_hash_key.empty())
            options.phone_hash_key = ephemeral_key();
        options.path = store::k_memory_store_path;
        ui_store = store::Store::open(options);
    }
    if (!ui_store) {
        error = config.store_path + ": " + ui_store.error().message;
        return nullptr;
    }
    auto worker_store = ui_store.value().open_sibling(store::Durability::normal);
    if (!worker_store) {
        error = config.store_path + ": " + worker_store.error().message;
        return nullptr;
    }
    auto live_store = ui_store.value().open_sibling(store::Durability::normal);
    if (!live_store)
        spdlog::warn("live calls: no store for offline checks: {}", live_store.error().message);
    backend->m_store = std::make_unique<store::Store>(std::move(ui_store.value()));
    for (const FeatureModule& module : registry.modules())
        if (module.io.attach)
            module.io.attach(*backend->m_store);

    net::SyncConfig sync;
    sync.server_url = config.server_url;
    sync.token = config.server_token;
    sync.credentials = backend->m_credentials;
    sync.tls = {config.server_ca_file, config.server_pin_sha256};
    sync.kiosk_version = LOBBY_VERSION;
    sync.storage_fallback = storage_full;
    Backend* self = backend.get();
    backend->m_worker = std::make_unique<net::SyncWorker>(std::move(worker_store.value()), sync, [self, wake] {
        self->m_status_version.fetch_add(1, std::memory_order_acq_rel);
        wake();
    });

    // Each call goes to the io of the feature that made it.
    auto perform = [&registry, self](const OnlineCall& call, net::LiveContext& ctx) -> std::any {
        if (call.feature == enrolment_call) {
            const auto* enrol = std::any_cast<EnrolCall>(&call.payload);
            if (!enrol || self->m_verify_key.empty())
                return EnrolAnswer{EnrolResult::NotSaved, {}};  // no key file to enrol with (disk full)
            EnrolAnswer answer = net::perform_enrolment(*enrol, ctx.api, *self->m_credentials, self->m_verify_key);
            if (answer.result == EnrolResult::Enrolled)
                ctx.pull_now();  // sync now, not at the next scheduled pull
            return answer;
        }
        const net::FeatureIo* io = registry.io(call.feature);
        if (!io || !io->perform)
            return {};
        return io->perform(call.payload, ctx);
    };
    net::LiveConfig live;
    live.server = {config.server_url, config.server_token, sync.tls, backend->m_credentials};
    net::SyncWorker* worker = backend->m_worker.get();
    backend->m_live = std::make_unique<net::LiveClient>(
        live, live_store ? std::make_unique<store::Store>(std::move(live_store.value())) : nullptr, perform,
        [worker] { worker->request_pull(); }, wake);

    auto encode = [&registry](const Submission& submission) -> std::optional<net::EncodedSubmission> {
        const net::FeatureIo* io = registry.io(submission.feature);
        if (!io || !io->encode)
            return std::nullopt;
        return io->encode(submission);
    };
    backend->m_effects =
        std::make_unique<net::NetEffects>(*backend->m_store, *backend->m_worker, *backend->m_live, encode);
    backend->m_worker->start();
    return backend;
}

Backend::~Backend()
{
    shutdown();
}

void Backend::shutdown()
{
    if (m_live)
        m_live->stop();
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

Effects& Backend::effects()
{
    return *m_effects;
}

std::vector<CallAnswer> Backend::take_answers()
{
    return m_live->take_answers();
}

RemoteSettings Backend::read_remote_settings()
{
    namespace p = lobby::protocol;
    RemoteSettings out;
    // Only this kiosk's record reaches it (the feed's audience); the sync
    // layer already dropped values it could not read.
    auto records = m_store->records(p::collection::kiosk_settings);
    if (!records || records.value().empty())
        return out;
    const std::string data = records.value().front().data.dump();
    auto decoded = p::decode_text<p::KioskSettings>(data);
    if (!decoded)
        return out;
    const p::KioskSettings& s = decoded.value();
    const bool first_look = data != m_remote_logged;  // log a problem once, not on every read
    m_remote_logged = data;
    if (s.idle_timeout_s)
        out.idle_timeout_s = static_cast<int>(*s.idle_timeout_s);
    if (s.language)
        out.language = language_from_code(*s.language);
    out.elderly_default = s.elderly_default;
    if (s.zh_cn_voice)
        out.zh_cn_voice = chinese_voice_from_word(*s.zh_cn_voice);
    if (s.zh_hk_voice)
        out.zh_hk_voice = chinese_voice_from_word(*s.zh_hk_voice);
    if (s.home_services) {
        out.home_services.emplace();
        for (const std::string& id : *s.home_services) {
            if (registered(id))
                out.home_services->push_back(id);
            else if (first_look)
                spdlog::warn("remote settings: home_services names '{}', a service this kiosk does not have", id);
        }
    }
    return out;
}

bool Backend::registered(const std::string& id) const
{
    for (const FeatureModule& module : m_registry.modules())
        if (module.core.id == id)
            return true;
    return false;
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
    for (const FeatureModule& module : m_registry.modules())
        if (module.io.read_cache)
            data.features.emplace(module.core.id, module.io.read_cache(*m_store, now_utc));
    data.remote = read_remote_settings();
    return data;
}

} // namespace kiosk::app
