// The UI side of a feature module: how its view model is drawn inside the
// frame every screen shares, and what it draws over everything (its
// dialogs). No ImGui in the signatures, so the shell needs no feature header.
#pragma once

#include "core/feature.hpp"
#include "core/requests.hpp"

#include <any>
#include <functional>

namespace kiosk::ui {

struct FeatureScreens {
    // The open screen's content, inside the touch-scrolled area.
    std::function<void(const std::any& view, Requests&)> draw;
    // Every frame, also when the feature is not open (view null): dialogs
    // must be told to close, or ImGui would keep a modal open.
    std::function<void(const std::any* view, Requests&)> draw_overlay;
    // Which page of the feature the view shows (a step of its flow): a new
    // page starts scrolled to the top, not at the last page's offset.
    std::function<int(const std::any& view)> page;
    // The attract screen's slide (FeatureCore::build_attract), full screen
    // instead of the frame; optional.
    std::function<void(const std::any& view)> draw_attract;
};

// Typed wrapper: draw(const View&, Requests&), overlay(const View&, Requests&)
// and page(const View&) -> int.
template <class View, class Draw, class Overlay, class Page>
FeatureScreens make_feature_screens(Draw draw, Overlay overlay, Page page)
{
    FeatureScreens screens;
    screens.draw = [draw](const std::any& view, Requests& requests) {
        if (const View* v = std::any_cast<View>(&view))
            draw(*v, requests);
    };
    screens.draw_overlay = [overlay](const std::any* view, Requests& requests) {
        static const View closed{};
        const View* v = view ? std::any_cast<View>(view) : nullptr;
        overlay(v ? *v : closed, requests);
    };
    screens.page = [page](const std::any& view) {
        const View* v = std::any_cast<View>(&view);
        return v ? page(*v) : 0;
    };
    return screens;
}

} // namespace kiosk::ui
