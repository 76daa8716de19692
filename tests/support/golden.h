// Golden-image comparison: per-channel difference AND the share of pixels that differ, with
// tolerances chosen per test. Every run writes the rendered image (NAME.render.png) into the build
// tree (build/test-output/golden/); on failure the actual image and a diff image are written
// beside it. tools/promote-goldens.sh copies a reviewed render over tests/golden/. Goldens are
// recorded on Mesa llvmpipe only.
#pragma once

#include "kiln/core/image.h"

#include <gtest/gtest.h>

#include <string>

namespace kiln::test {

struct GoldenTolerance {
    int channelThreshold = 16;       // a pixel differs when any channel differs by more
    double maxDifferingShare = 0.01; // at most this share of pixels may differ
};

struct ImageComparison {
    bool sameSize = false;
    int maxChannelDiff = 0;
    double differingShare = 1.0;
    bool pass = false;
    core::Image diff; // differing pixels in red over a dimmed copy of the expected image
    std::string summary;
};

ImageComparison compareImages(const core::Image& expected, const core::Image& actual,
                              const GoldenTolerance& tolerance);

// Content checks independent of any golden: a rendered frame must not be blank.
struct ImageStats {
    double meanLuma = 0.0;   // 0..255
    double lumaStdDev = 0.0; // spread: a flat image has ~0
    int distinctColors = 0;  // in a 4-bit-per-channel histogram
};
ImageStats imageStats(const core::Image& image);

// Compares `actual` with tests/golden/<name>.png; writes <name>.actual.png and <name>.diff.png
// into the output folder on failure (or when the golden is missing).
::testing::AssertionResult matchesGolden(const std::string& name, const core::Image& actual,
                                         const GoldenTolerance& tolerance);

} // namespace kiln::test
