// Live GL object counts: how many buffers, textures, vertex arrays, framebuffers, renderbuffers
// and programs the gpu wrappers (GlHandle) own right now. For leak checks and the soak test.
// Does NOT see objects made outside kiln::gpu (ImGui's OpenGL3 backend makes its own).
#pragma once

#include <cstdint>

namespace kiln::gpu {

struct LiveObjectCounts {
    std::int64_t buffers = 0;
    std::int64_t textures = 0;
    std::int64_t vertexArrays = 0;
    std::int64_t framebuffers = 0;
    std::int64_t renderbuffers = 0;
    std::int64_t programs = 0;

    std::int64_t total() const {
        return buffers + textures + vertexArrays + framebuffers + renderbuffers + programs;
    }
    bool operator==(const LiveObjectCounts&) const = default;
};

// The counts now; cheap (six relaxed atomic loads), callable from any thread.
LiveObjectCounts liveObjectCounts();

namespace detail {
enum class GlObjectKind { Buffer, Texture, VertexArray, Framebuffer, Renderbuffer, Program, Count };
// Called by GlHandle when it takes ownership of a name (+1) and when it deletes it (-1).
void countLiveObject(GlObjectKind kind, int delta);
} // namespace detail

} // namespace kiln::gpu
