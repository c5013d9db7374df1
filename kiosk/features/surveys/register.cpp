// The satisfaction surveys service: 您说，我们做, then one question at a time.
#include "features/surveys/register.hpp"

#include "app/feature_registry.hpp"
#include "features/surveys/core/surveys_feature.hpp"
#include "features/surveys/io/surveys_io.hpp"
#include "features/surveys/screen/surveys_screens.hpp"

namespace kiosk::surveys {

void register_surveys(app::FeatureRegistry& registry)
{
    // One lockout book shared by the core (which counts wrong digits) and
    // the io (which gives it the store).
    auto book = std::make_shared<household::StoreLockoutBook>();
    registry.add({surveys_core(registry.config(), book), surveys_screens(), surveys_io(book)});
}

} // namespace kiosk::surveys
