// Live GL object counters, kept by GlHandle.
#include "kiln/gpu/object_counts.h"

#include <array>
#include <atomic>
#include <cstddef>

namespace kiln::gpu {
namespace {

std::array<std::atomic<std::int64_t>, static_cast<std::size_t>(detail::GlObjectKind::Count)>
        gLive{};

std::int64_t load(detail::GlObjectKind kind) {
    return gLive[static_cast<std::size_t>(kind)].load(std::memory_order_relaxed);
}

} // namespace

namespace detail {
void countLiveObject(GlObjectKind kind, int delta) {
    gLive[static_cast<std::size_t>(kind)].fetch_add(delta, std::memory_order_relaxed);
}
} // namespace detail

LiveObjectCounts liveObjectCounts() {
    using detail::GlObjectKind;
    LiveObjectCounts counts;
    counts.buffers = load(GlObjectKind::Buffer);
    counts.textures = load(GlObjectKind::Texture);
    counts.vertexArrays = load(GlObjectKind::VertexArray);
    counts.framebuffers = load(GlObjectKind::Framebuffer);
    counts.renderbuffers = load(GlObjectKind::Renderbuffer);
    counts.programs = load(GlObjectKind::Program);
    return counts;
}

} // namespace kiln::gpu
