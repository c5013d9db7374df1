// The Effects port for core tests: records what the controller asked for
// (online calls, submissions, pulls) instead of reaching a network. The real
// port (kiosk/net) is covered by the store/sync tests and the UI scripts.
#pragma once

#include "core/feature.hpp"

#include <utility>
#include <vector>

struct RecordingEffects : kiosk::Effects {
    std::vector<kiosk::OnlineCall> calls;
    std::vector<kiosk::Submission> submissions;
    int pulls = 0;
    kiosk::SaveOutcome next_save = kiosk::SaveOutcome::Saved;

    kiosk::SaveOutcome enqueue(const kiosk::Submission& submission) override
    {
        submissions.push_back(submission);
        return next_save;
    }
    void call(kiosk::OnlineCall call) override { calls.push_back(std::move(call)); }
    void pull_now() override { ++pulls; }

    std::vector<kiosk::OnlineCall> take_calls() { return std::exchange(calls, {}); }
};
