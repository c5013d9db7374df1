// An engine drawing with ImGui: must be refused.
#include <imgui.h>
