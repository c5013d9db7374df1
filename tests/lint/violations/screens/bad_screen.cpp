// A screen reaching into the store: must be refused.
#include "store/store.hpp"
