// Golden comparison implementation.
#include "golden.h"

#include "kiln/assets/image_io.h"
#include "kiln/core/data_paths.h"
#include "test_paths.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <sstream>
#include <unordered_set>

namespace kiln::test {

ImageComparison compareImages(const core::Image& expected, const core::Image& actual,
                              const GoldenTolerance& tolerance) {
    ImageComparison result;
    if (expected.empty() || actual.empty() || expected.width != actual.width ||
        expected.height != actual.height) {
        result.summary = "size differs: expected " + std::to_string(expected.width) + "x" +
                         std::to_string(expected.height) + ", actual " +
                         std::to_string(actual.width) + "x" + std::to_string(actual.height);
        return result;
    }
    result.sameSize = true;
    result.diff = expected;
    std::size_t differing = 0;
    for (int y = 0; y < expected.height; ++y) {
        for (int x = 0; x < expected.width; ++x) {
            const std::uint8_t* e = expected.pixel(x, y);
            const std::uint8_t* a = actual.pixel(x, y);
            int worst = 0;
            for (int c = 0; c < 4; ++c) {
                worst = std::max(worst, std::abs(int(e[c]) - int(a[c])));
            }
            result.maxChannelDiff = std::max(result.maxChannelDiff, worst);
            std::uint8_t* d = result.diff.pixel(x, y);
            if (worst > tolerance.channelThreshold) {
                ++differing;
                d[0] = 255;
                d[1] = 0;
                d[2] = 0;
            } else {
                d[0] = static_cast<std::uint8_t>(d[0] / 4);
                d[1] = static_cast<std::uint8_t>(d[1] / 4);
                d[2] = static_cast<std::uint8_t>(d[2] / 4);
            }
            d[3] = 255;
        }
    }
    const double total = static_cast<double>(expected.width) * expected.height;
    result.differingShare = static_cast<double>(differing) / total;
    result.pass = result.differingShare <= tolerance.maxDifferingShare;
    std::ostringstream s;
    s << "max channel difference " << result.maxChannelDiff << ", " << result.differingShare * 100.0
      << "% of pixels differ by more than " << tolerance.channelThreshold << " (allowed "
      << tolerance.maxDifferingShare * 100.0 << "%)";
    result.summary = s.str();
    return result;
}

ImageStats imageStats(const core::Image& image) {
    ImageStats stats;
    if (image.empty()) {
        return stats;
    }
    double sum = 0.0;
    double sumSq = 0.0;
    std::unordered_set<int> colors;
    const std::size_t n = static_cast<std::size_t>(image.width) * image.height;
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint8_t* p = image.rgba.data() + i * 4;
        const double luma = 0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2];
        sum += luma;
        sumSq += luma * luma;
        colors.insert((p[0] >> 4) << 8 | (p[1] >> 4) << 4 | (p[2] >> 4));
    }
    stats.meanLuma = sum / static_cast<double>(n);
    stats.lumaStdDev = std::sqrt(
            std::max(0.0, sumSq / static_cast<double>(n) - stats.meanLuma * stats.meanLuma));
    stats.distinctColors = static_cast<int>(colors.size());
    return stats;
}

::testing::AssertionResult matchesGolden(const std::string& name, const core::Image& actual,
                                         const GoldenTolerance& tolerance) {
    const char* env = std::getenv("KILN_GOLDEN_DIR");
    const std::filesystem::path goldenDir =
            env != nullptr ? std::filesystem::path(env) : core::dataRoot() / "tests" / "golden";
    const std::filesystem::path goldenPath = goldenDir / (name + ".png");
    const std::filesystem::path outDir = outputDir("golden");
    const std::filesystem::path actualPath = outDir / (name + ".actual.png");
    auto expected = assets::loadImage(goldenPath);
    if (!expected) {
        (void)assets::writePng(actualPath, actual);
        return ::testing::AssertionFailure()
               << "no golden image: " << expected.error().message << "\n  actual written to "
               << actualPath << "\n  review it, then promote with tools/promote-goldens.sh "
               << name;
    }
    ImageComparison cmp = compareImages(expected.value(), actual, tolerance);
    if (cmp.pass) {
        return ::testing::AssertionSuccess() << cmp.summary;
    }
    const std::filesystem::path diffPath = outDir / (name + ".diff.png");
    (void)assets::writePng(actualPath, actual);
    if (cmp.sameSize) {
        (void)assets::writePng(diffPath, cmp.diff);
    }
    return ::testing::AssertionFailure()
           << "'" << name << "' differs from " << goldenPath << ": " << cmp.summary
           << "\n  actual: " << actualPath << "\n  diff:   " << diffPath
           << "\n  if the change is intended, review and run tools/promote-goldens.sh " << name;
}

} // namespace kiln::test
