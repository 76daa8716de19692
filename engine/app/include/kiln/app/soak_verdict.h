// The soak's memory verdict (issue #7, docs/hardening.md): after the warm-up, resident memory
// must not grow. Resident memory at a sample also holds what is transient at that moment (a
// scene's model being imported, its picking index on a worker, buffers freed back to the system
// or not yet), which swings it by a few per cent from round to round while live memory stays
// flat. So the verdict compares the median of the first half of the samples after the warm-up
// with the median of the last half: one low or high sample moves neither, and a leak of a
// little each round moves the second median by about half the rounds' worth. No GL, no SDL.
#pragma once

#include <cstddef>
#include <vector>

namespace kiln::app {

struct SoakMemoryVerdict {
    std::size_t warmUpSamples = 0; // the first fifth (at least one), not judged
    double firstMedianBytes = 0.0; // median of the first half after the warm-up
    double lastMedianBytes = 0.0;  // median of the last half
    double growth = 0.0;           // (last - first) / first
    bool ok = true;                // growth below maxGrowth; true with fewer than 3 samples
};

// residentBytes: one figure per sample, in order, each taken at the same point of the script's
// cycle. maxGrowth: the share the last half's median may exceed the first's by (0.02 = 2 %).
SoakMemoryVerdict soakMemoryVerdict(const std::vector<std::size_t>& residentBytes,
                                    double maxGrowth);

} // namespace kiln::app
