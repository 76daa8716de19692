// GL error reporting: a KHR_debug callback that logs driver messages and counts errors, with a
// glGetError fallback. Tests fail on any counted error.
#pragma once

#include <cstddef>
#include <string_view>

namespace kiln::gpu {

// Installs the KHR_debug callback (synchronous) when the context has it; returns whether it did.
bool enableDebugOutput();

// Drains glGetError, logging each with `where`; returns how many there were (also counted).
std::size_t checkGlErrors(std::string_view where);

// GL errors seen since start or the last reset (debug callback and checkGlErrors together).
std::size_t glErrorCount();
void resetGlErrorCount();

} // namespace kiln::gpu
