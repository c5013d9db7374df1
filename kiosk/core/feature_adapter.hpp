// Wraps a typed feature object into the shell's FeatureCore record, so a
// feature's own code works with its real types (State, Request, Answer,
// View, Cache) and the std::any casts live here once.
//
// A feature F is an object (it may keep kiosk-wide rules, e.g. a lockout
// that outlives one person's session) providing:
//   using State, Request, Answer, View, Cache;
//   void on_request(State&, const Request&, FeatureContext&);
//   void on_answer(State&, std::uint64_t call_id, const Answer&, FeatureContext&);
//   bool on_tick(State&, FeatureContext&);        (true: a visible change)
//   std::int64_t next_tick_ms(const State&) const; (INT64_MAX: none)
//   bool on_back(State&, FeatureContext&);        (true: handled inside)
//   int min_idle_timeout_s(const State&) const;   (0: the default)
//   View build_view(const State&, const Cache&, const FeatureViewInputs&) const;
// and View has operator==.
#pragma once

#include "core/feature.hpp"

#include <memory>

namespace kiosk {

template <class F>
FeatureCore make_feature_core(std::shared_ptr<F> f, FeatureId id, HomeTileSpec tile, std::string title_key)
{
    using State = typename F::State;
    using Request = typename F::Request;
    using Answer = typename F::Answer;
    using View = typename F::View;
    using Cache = typename F::Cache;

    FeatureCore core;
    core.id = std::move(id);
    core.tile = std::move(tile);
    core.title_key = std::move(title_key);
    core.new_state = [] { return std::any(State{}); };
    core.on_request = [f](std::any& state, const std::any& request, FeatureContext& ctx) {
        if (const Request* r = std::any_cast<Request>(&request))
            f->on_request(*std::any_cast<State>(&state), *r, ctx);
    };
    core.on_answer = [f](std::any& state, std::uint64_t call_id, const std::any& answer, FeatureContext& ctx) {
        if (const Answer* a = std::any_cast<Answer>(&answer))
            f->on_answer(*std::any_cast<State>(&state), call_id, *a, ctx);
    };
    core.on_tick = [f](std::any& state, FeatureContext& ctx) { return f->on_tick(*std::any_cast<State>(&state), ctx); };
    core.next_tick_ms = [f](const std::any& state) { return f->next_tick_ms(*std::any_cast<State>(&state)); };
    core.on_back = [f](std::any& state, FeatureContext& ctx) { return f->on_back(*std::any_cast<State>(&state), ctx); };
    core.min_idle_timeout_s = [f](const std::any& state) {
        return f->min_idle_timeout_s(*std::any_cast<State>(&state));
    };
    core.build_view = [f](const FeatureViewInputs& in) {
        static const Cache no_cache{};
        const Cache* cache = std::any_cast<Cache>(&in.cache);
        return std::any(f->build_view(*std::any_cast<State>(&in.state), cache ? *cache : no_cache, in));
    };
    core.same_view = [](const std::any& a, const std::any& b) {
        const View* x = std::any_cast<View>(&a);
        const View* y = std::any_cast<View>(&b);
        return x && y && *x == *y;
    };
    return core;
}

// A feature's typed state inside a session (tests, screens never need it).
template <class State>
const State* typed_state(const std::any* state)
{
    return state ? std::any_cast<State>(state) : nullptr;
}

} // namespace kiosk
