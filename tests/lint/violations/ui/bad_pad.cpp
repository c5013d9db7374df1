// A pad reaching past the input worker into an engine: must be refused.
#include "input/rime_engine.hpp"
#include <zinnia.h>
