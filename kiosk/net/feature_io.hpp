// The io side of a feature module: what it reads from the local cache for
// its views, how it performs its online calls (on the live client's thread,
// with the shared ApiClient and its own store connection for offline
// answers), and how its submissions are encoded for the outbox. Protocol
// types live here and below, never in a feature's core or screens.
#pragma once

#include "core/feature.hpp"
#include "net/api_client.hpp"

#include <nlohmann/json.hpp>

#include <any>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace kiosk::store {
class Store;
}

namespace kiosk::net {

// What an online call may use while it runs on the live thread.
struct LiveContext {
    ApiClient& api;
    store::Store* cache;                   // this thread's store connection; null if it could not open
    std::function<bool(int ms)> pause;     // waits; false when the kiosk is shutting down
    std::function<void()> pull_now;        // nudge the sync worker (it then notices offline, too)
};

struct EncodedSubmission {
    std::string path;  // "/v1/repairs"
    nlohmann::json body;
};

struct FeatureIo {
    // Once, when the store is open: the UI thread's connection, for what the
    // feature keeps across sessions (e.g. the fees lockout). May be empty.
    std::function<void(store::Store& ui_store)> attach;
    // The feature's cached data for its views (UI thread, only when the
    // store changed or the minute turned). May be empty.
    std::function<std::any(store::Store& store, std::int64_t now_utc)> read_cache;
    // Performs one online call; returns the answer payload for the core.
    std::function<std::any(const std::any& call, LiveContext& ctx)> perform;
    // The wire form of a submission; nullopt when the payload is not one of
    // this feature's (a programming error, reported as SaveOutcome::Failed).
    std::function<std::optional<EncodedSubmission>(const Submission& submission)> encode;
};

} // namespace kiosk::net
