// The visitors service as a feature module: visitor codes (online, or
// offline against the cache), walk-ins (the purpose decides what is asked;
// a privacy notice to accept; the resident may be asked first), move-out
// releases requested here and confirmed by the office with the owner.
#pragma once

#include "core/feature.hpp"
#include "features/visitors/core/visitors_requests.hpp"
#include "features/visitors/core/visitors_session.hpp"
#include "features/visitors/core/visitors_types.hpp"
#include "features/visitors/core/visitors_view.hpp"

namespace kiosk::visitors {

inline const FeatureId feature_id = "visitors";

// The walk-in purposes in the order they are offered, by the server's names.
inline constexpr const char* purposes[] = {"family", "courier", "helper", "renovation", "other"};
// What a move-out may carry, by locale key suffix.
inline constexpr const char* move_items[] = {"furniture", "appliance", "boxes", "luggage", "bicycle", "other"};
inline constexpr const char* relations[] = {"owner", "tenant", "agent"};

class VisitorsFeature {
public:
    using State = VisitorsSession;
    using Request = VisitorsRequest;
    using Answer = VisitorsAnswer;
    using View = VisitorsView;
    using Cache = VisitorsCache;

    void on_request(State& s, const Request& request, FeatureContext& ctx);
    void on_answer(State& s, std::uint64_t call_id, const Answer& answer, FeatureContext& ctx);
    bool on_tick(State& s, FeatureContext& ctx);
    std::int64_t next_tick_ms(const State& s) const;
    bool on_back(State& s, FeatureContext& ctx);
    int min_idle_timeout_s(const State& s) const;
    View build_view(const State& s, const Cache& cache, const FeatureViewInputs& in) const;  // visitors_views.cpp

    static constexpr std::int64_t poll_interval_ms = 3000;  // asking whether the resident answered
    static constexpr int waiting_idle_timeout_s = 180;      // a visitor waiting by the screen

    // What a walk-in purpose asks besides unit and phone: only what it needs.
    struct WalkInFields {
        bool surname = false;  // a courier gives no name
        bool people = false;   // a courier comes alone
        bool car = false;      // 驾车？ where driving in is plausible
    };
    static WalkInFields walk_in_fields(const std::string& purpose);
    static bool asks_people(const std::string& purpose) { return walk_in_fields(purpose).people; }

private:
    void handle(State& s, const RequestErrand& r, FeatureContext& ctx);
    void handle(State& s, const RequestKey& r, FeatureContext& ctx);
    void handle(State& s, const RequestSubmitDigits& r, FeatureContext& ctx);
    void handle(State& s, const RequestPurpose& r, FeatureContext& ctx);
    void handle(State& s, const household::RequestBuilding& r, FeatureContext& ctx);
    void handle(State& s, const household::RequestEntrance& r, FeatureContext& ctx);
    void handle(State& s, const household::RequestRoomKey& r, FeatureContext& ctx);
    void handle(State& s, const household::RequestRoom& r, FeatureContext& ctx);
    void unit_chosen(State& s, const std::string& unit_id);
    void handle(State& s, const RequestPeople& r, FeatureContext& ctx);
    void handle(State& s, const RequestSurname& r, FeatureContext& ctx);
    void handle(State& s, const RequestDriving& r, FeatureContext& ctx);
    void handle(State& s, const RequestPlate& r, FeatureContext& ctx);
    void handle(State& s, const RequestFieldKept& r, FeatureContext& ctx);
    static void after_phone(State& s);
    static void after_people(State& s);
    void handle(State& s, const RequestPrivacy& r, FeatureContext& ctx);
    void handle(State& s, const RequestItemCount& r, FeatureContext& ctx);
    void handle(State& s, const RequestItemsDone& r, FeatureContext& ctx);
    void handle(State& s, const RequestDay& r, FeatureContext& ctx);
    void handle(State& s, const RequestRelation& r, FeatureContext& ctx);
    void handle(State& s, const RequestConfirmSubmit& r, FeatureContext& ctx);
    void handle(State& s, const RequestChangeForm& r, FeatureContext& ctx);
    void handle(State& s, const RequestRetry& r, FeatureContext& ctx);
    void handle(State& s, const RequestMenu& r, FeatureContext& ctx);
    void answered(State& s, const PassDone& e, FeatureContext& ctx);
    void answered(State& s, const ReleaseDone& e, FeatureContext& ctx);
    void submit(State& s, FeatureContext& ctx);
    static void back_from_privacy(State& s);
};

FeatureCore visitors_core();

} // namespace kiosk::visitors
