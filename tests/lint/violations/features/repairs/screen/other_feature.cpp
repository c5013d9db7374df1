// A feature using another feature: must be refused.
#include "features/fees/core/fees_feature.hpp"
