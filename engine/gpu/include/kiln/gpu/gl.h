// The GL entry point of the engine: includes the glad-generated loader (GL 3.3 core + KHR_debug,
// anisotropic filtering) and loads it. Does NOT create contexts (platform does).
#pragma once

#include "kiln/core/result.h"

#include <glad/gl.h>

#include <string>

namespace kiln::gpu {

using GlLoadFunc = void (*(*)(const char*))();

struct GlInfo {
    std::string vendor;
    std::string renderer;
    std::string version;
    int major = 0;
    int minor = 0;
    bool khrDebug = false;
    bool anisotropic = false;
};

// Loads GL functions for the current context; fails (with the version found) below GL 3.3.
core::Status loadGl(GlLoadFunc getProcAddress);

// What the current context is; valid after loadGl.
const GlInfo& glInfo();

} // namespace kiln::gpu
