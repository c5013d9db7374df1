// The core side of a feature module (a service on the home screen): its
// session state, the requests its screens make, the answers to its online
// calls, its timers, Back and its view model. The shell (Controller, views)
// knows features only through this record, so adding a service touches no
// shared header. Payloads are std::any; feature_adapter.hpp wraps a typed
// feature so its own code never casts.
#pragma once

#include "core/config.hpp"
#include "core/language.hpp"
#include "core/locale.hpp"
#include "core/sync_status.hpp"

#include <any>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>

namespace kiosk {

using FeatureId = std::string;  // "fees"; also its screen id and locale folder

// What a screen asks of one feature; only that feature reads the payload.
struct FeatureRequest {
    FeatureId feature;
    std::any payload;
};

// A call that only makes sense online (a fee verification, a payment order
// and its status). The feature's io performs it off the UI thread; the
// answer comes back with the same id.
struct OnlineCall {
    std::uint64_t id = 0;
    FeatureId feature;
    std::any payload;
};

struct CallAnswer {
    std::uint64_t id = 0;
    FeatureId feature;
    std::any payload;
};

// Something a person submitted (a repair, a visitor registration, a survey
// answer). It goes into the durable outbox and reaches the office exactly
// once; the feature's io encodes the payload for the wire.
struct Submission {
    FeatureId feature;
    std::string kind;  // outbox kind, e.g. "repair"
    std::any payload;
};

enum class SaveOutcome {
    Saved,        // durable: the screen may say "saved"
    StorageFull,  // nothing written; say so and keep the form
    Failed,       // nothing written (store error, or the feature cannot encode it)
};

// The core's only way to reach the world. Implemented in kiosk/net (the sync
// worker's outbox and the live client); tests record what was asked.
class Effects {
public:
    virtual ~Effects() = default;
    // One fsync'd transaction on the UI thread, then the worker is woken.
    virtual SaveOutcome enqueue(const Submission& submission) = 0;
    virtual void call(OnlineCall call) = 0;
    // Ask the sync worker for a pull now (e.g. a payment changed bills).
    virtual void pull_now() = 0;
};

// What a feature's handlers get from the shell for one step.
class FeatureContext {
public:
    FeatureContext(const KioskConfig& config, Effects& effects, FeatureId feature, std::uint64_t& next_call_id,
                   std::int64_t now_ms, std::int64_t now_utc_s)
        : config(config), now_ms(now_ms), now_utc_s(now_utc_s), m_effects(effects), m_feature(std::move(feature)),
          m_next_call_id(next_call_id)
    {
    }

    const KioskConfig& config;
    const std::int64_t now_ms;     // the controller's clock (timers, polling)
    const std::int64_t now_utc_s;  // wall clock, for what must outlive a restart
    // The person is in 长者模式: a submission or payment is read back to
    // them for confirmation first (ux.md "Elderly owners").
    bool elderly = false;

    // Queues an online call; returns its id (never 0) to match the answer.
    std::uint64_t call(std::any payload)
    {
        const std::uint64_t id = m_next_call_id++;
        m_effects.call(OnlineCall{id, m_feature, std::move(payload)});
        return id;
    }
    SaveOutcome submit(std::string kind, std::any payload)
    {
        return m_effects.enqueue(Submission{m_feature, std::move(kind), std::move(payload)});
    }
    void pull_now() { m_effects.pull_now(); }

private:
    Effects& m_effects;
    FeatureId m_feature;
    std::uint64_t& m_next_call_id;
};

// What a feature's view builder reads: its own state and cached data, and
// the shell's language, clock and sync status.
struct FeatureViewInputs {
    const std::any& state;
    const std::any& cache;  // what the feature's io read from the store (may be empty)
    const KioskConfig& config;
    const Catalog& catalog;
    Language language;
    const SyncStatus& sync;
    std::int64_t now_utc_s;
    std::int64_t now_ms;
    bool elderly = false;  // 长者模式: e.g. 同意，下一步 where a read-back follows
};

struct HomeTileSpec {
    std::string widget_id;  // "home.tile.fees"
    std::string title_key;  // locale key of the tile's words
    std::string icon;       // a glyph name for the icon font (may be empty)
};

// A band on top of home from a service's cached data (an urgent notice);
// tapping it opens `item` on the service's screen (FeatureCore::open_item).
struct HomeBanner {
    std::string label, title, body;
    std::string item;
};

// An action a feature puts on the home screen above the tiles, for what
// cannot wait (repairs: 漏水, 电梯困人, 火警, 燃气味). Tapping it opens the
// feature's screen and hands the feature `request()` at once.
struct UrgentActionSpec {
    std::string widget_id;  // "home.urgent.repairs"
    std::string title_key;
    std::string short_title_key;  // one line, where the full words would wrap (2x portrait)
    std::string icon;
    std::function<std::any()> request;  // one of the feature's own requests
};

struct FeatureCore {
    FeatureId id;
    HomeTileSpec tile;
    std::optional<UrgentActionSpec> urgent;  // none for most features
    std::string title_key;  // the screen's title in the header

    std::function<std::any()> new_state;  // a person's fresh state
    std::function<void(std::any& state, const std::any& request, FeatureContext&)> on_request;
    // The answer to the call with `call_id` (ignore it if no longer waited for).
    std::function<void(std::any& state, std::uint64_t call_id, const std::any& answer, FeatureContext&)> on_answer;
    // Time passes (called on every tick while the session is in use);
    // true when something visible changed.
    std::function<bool(std::any& state, FeatureContext&)> on_tick;
    // When on_tick must run next for something to change; INT64_MAX: never.
    std::function<std::int64_t(const std::any& state)> next_tick_ms;
    // Back while this feature's screen is open: true when handled inside
    // the feature (a step back), false to leave the screen.
    std::function<bool(std::any& state, FeatureContext&)> on_back;
    // The shortest idle timeout this state allows, in seconds (0: default),
    // e.g. a payment QR code being scanned on a phone.
    std::function<int(const std::any& state)> min_idle_timeout_s;
    // The view model of the open screen; rebuilt only when inputs changed.
    std::function<std::any(const FeatureViewInputs&)> build_view;
    std::function<bool(const std::any& a, const std::any& b)> same_view;

    // [SECTION] Optional hooks (empty functions: the service has none)
    // A banner on home from its cached data; nullopt: none now.
    std::function<std::optional<HomeBanner>(const FeatureViewInputs&)> home_banner;
    // Opens one of its items (the banner's) on its screen.
    std::function<void(std::any& state, const std::string& item, FeatureContext&)> open_item;
    // When its cached data changes by time alone (a notice's end, also
    // offline): the app reads the cache again and draws then. INT64_MAX: never.
    std::function<std::int64_t(const std::any& cache, std::int64_t now_utc)> cache_changes_at_utc;
    // Slide number `slide` (0, 1, ... for ever) of the attract screen shown
    // while home is idle; an empty any when it has nothing to show.
    std::function<std::any(const FeatureViewInputs&, int slide)> build_attract;
    std::function<bool(const std::any& a, const std::any& b)> same_attract;
};

} // namespace kiosk
