// The repairs service as a feature module: the front desk's call script
// (emergency first; where, what, in scope?, when, read back, submit) and
// following a ticket (timeline, 验收, rating). repairs_core() makes its
// FeatureCore record.
#pragma once

#include "core/feature.hpp"
#include "features/repairs/core/repairs_calls.hpp"
#include "features/repairs/core/repairs_requests.hpp"
#include "features/repairs/core/repairs_session.hpp"
#include "features/repairs/core/repairs_view.hpp"

#include <functional>
#include <memory>

namespace kiosk::repairs {

inline const FeatureId feature_id = "repairs";

// The secrets a ticket is filed with, made by the kiosk before the outbox
// delivers it (so they can be shown at once, offline too). register.cpp
// passes the protocol's CSPRNG-backed makers.
struct TicketSecrets {
    std::function<std::string()> follow_code;   // 10 symbols, readable aloud
    std::function<std::string()> status_token;  // the status page link's secret
    std::function<std::string()> client_ref;    // a UUID: finds the ticket in the feed
};

// The 验收 comment limit the office enforces (characters).
inline constexpr std::size_t acceptance_comment_max = 60;
// 补充说明: the office takes 500 characters of description; the preset's
// words and this note share them, so the note keeps well under.
inline constexpr std::size_t note_max = 200;
inline constexpr std::size_t follow_code_length = 10;

class RepairsFeature {
public:
    using State = RepairsSession;
    using Request = RepairsRequest;
    using Answer = RepairsAnswer;
    using View = RepairsView;
    using Cache = RepairsCache;

    RepairsFeature(TicketSecrets secrets, const KioskConfig& config, std::shared_ptr<household::LockoutBook> book)
        : m_secrets(std::move(secrets)), m_verifier(household::Verifier::rules_from(config), std::move(book))
    {
    }

    void on_request(State& s, const Request& request, FeatureContext& ctx);
    void on_answer(State& s, std::uint64_t call_id, const Answer& answer, FeatureContext& ctx);
    bool on_tick(State& s, FeatureContext& ctx) { return m_verifier.on_tick(s.verification, ctx); }
    std::int64_t next_tick_ms(const State& s) const { return m_verifier.next_tick_ms(s.verification); }
    bool on_back(State& s, FeatureContext& ctx);
    int min_idle_timeout_s(const State& s) const;
    View build_view(const State& s, const Cache& cache, const FeatureViewInputs& in) const;  // repairs_views.cpp

    // The code alphabet (no 0/O, 1/I): what the code keypad offers.
    static constexpr const char* code_alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    // What a reject reason key means, in the office's words (zh-CN).
    static std::string reason_text(const std::string& key);
    static std::string emergency_words(const std::string& category);  // zh-CN, for the ticket

private:
    void handle(State& s, const household::RequestBuilding& r, FeatureContext& ctx);
    void handle(State& s, const household::RequestEntrance& r, FeatureContext& ctx);
    void handle(State& s, const household::RequestRoomKey& r, FeatureContext& ctx);
    void handle(State& s, const household::RequestRoom& r, FeatureContext& ctx);
    void handle(State& s, const household::RequestKey& r, FeatureContext& ctx);
    void handle(State& s, const household::RequestSubmit& r, FeatureContext& ctx);
    void answered(State& s, const household::HouseholdVerified& a, FeatureContext& ctx);
    void picked(State& s, const household::PickRequest& r, FeatureContext& ctx);
    void submit_items(State& s, FeatureContext& ctx);
    void handle(State& s, const RequestEmergencyMenu& r, FeatureContext& ctx);
    void handle(State& s, const RequestEmergency& r, FeatureContext& ctx);
    void handle(State& s, const RequestWhere& r, FeatureContext& ctx);
    void handle(State& s, const RequestLocation& r, FeatureContext& ctx);
    void handle(State& s, const RequestCategory& r, FeatureContext& ctx);
    void handle(State& s, const RequestPreset& r, FeatureContext& ctx);
    void handle(State& s, const RequestAcknowledgePaid& r, FeatureContext& ctx);
    void handle(State& s, const RequestSlot& r, FeatureContext& ctx);
    void handle(State& s, const RequestNote& r, FeatureContext& ctx);
    void handle(State& s, const RequestContactPhone& r, FeatureContext& ctx);
    void handle(State& s, const RequestSubmit& r, FeatureContext& ctx);
    void handle(State& s, const RequestAddAnother& r, FeatureContext& ctx);
    void handle(State& s, const RequestTrack& r, FeatureContext& ctx);
    void handle(State& s, const RequestCodeKey& r, FeatureContext& ctx);
    void handle(State& s, const RequestFindCode& r, FeatureContext& ctx);
    void handle(State& s, const RequestTrackFiled& r, FeatureContext& ctx);
    void handle(State& s, const RequestRefresh& r, FeatureContext& ctx);
    void handle(State& s, const RequestAccept& r, FeatureContext& ctx);
    void handle(State& s, const RequestRate& r, FeatureContext& ctx);
    void handle(State& s, const RequestConfirmVerdict& r, FeatureContext& ctx);
    void handle(State& s, const RequestChangeVerdict& r, FeatureContext& ctx);
    // `confirmed`: read back and confirmed, or no read-back needed (outside 长者模式).
    void accept(State& s, const RequestAccept& r, FeatureContext& ctx, bool confirmed);
    void rate(State& s, const RequestRate& r, FeatureContext& ctx, bool confirmed);
    void handle(State& s, const RequestStartOver& r, FeatureContext& ctx);
    void handle(State& s, const RequestTrackByUnit& r, FeatureContext& ctx);     // repairs_by_unit.cpp
    void handle(State& s, const RequestOpenUnitTicket& r, FeatureContext& ctx);
    void answered(State& s, const UnitTicketsDone& a, FeatureContext& ctx);
    void unit_verified(State& s, bool verified, const household::VerifyAnswer& a, FeatureContext& ctx);
    void list_unit_tickets(State& s, FeatureContext& ctx);
    void refresh_unit_ticket(State& s, FeatureContext& ctx);
    bool back_from_unit(State& s);
    static void forget_unit(State& s);
    static void verify_again(State& s);
    static void needs_network(State& s);
    void answered(State& s, const SlotsDone& a, FeatureContext& ctx);
    void answered(State& s, const TicketDone& a, FeatureContext& ctx);
    void look_up(State& s, FeatureContext& ctx);
    void after_item(State& s, FeatureContext& ctx);
    bool saved(State& s, SaveOutcome outcome);

    TicketSecrets m_secrets;
    household::Verifier m_verifier;  // the kiosk-wide guard on wrong digits
};

// The category and preset words the office gets with a ticket come from the
// catalog (zh-CN); the core keeps only codes, the io fills in the words.
// Without a book the wrong-digit counts live in memory (tests; the io passes the store's).
FeatureCore repairs_core(TicketSecrets secrets, const KioskConfig& config,
                         std::shared_ptr<household::LockoutBook> book = nullptr);

} // namespace kiosk::repairs
