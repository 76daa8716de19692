// The soak's memory verdict (soak_verdict.h): flat memory with the swings a real run shows passes,
// a leak of a little each round fails, one odd sample neither fails a flat run nor hides a leak.
#include "kiln/app/soak_verdict.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <vector>

using kiln::app::soakMemoryVerdict;

namespace {

constexpr std::size_t kMiB = 1024 * 1024;

std::vector<std::size_t> mib(const std::vector<double>& values) {
    std::vector<std::size_t> out;
    for (double v : values) {
        out.push_back(static_cast<std::size_t>(v * kMiB));
    }
    return out;
}

} // namespace

// The short soak of 2026-11-29 under ASan (CI clone at 1332a18): flat, with one low sample just
// after the warm-up. Judged from that one sample it read +4.89 % and failed.
TEST(SoakVerdict, FlatMemoryWithALowSampleAfterTheWarmUpPasses) {
    const auto samples = mib({214.4, 216.1, 216.7, 206.0, 216.1, 217.3, 216.8, 217.1, 216.8, 218.0,
                              218.2, 218.4, 218.7, 215.9, 216.1});
    const auto v = soakMemoryVerdict(samples, 0.02);
    EXPECT_EQ(v.warmUpSamples, 3u);
    EXPECT_TRUE(v.ok) << v.growth;
    EXPECT_LT(v.growth, 0.01);
}

TEST(SoakVerdict, ALeakOfAMegabyteARoundFails) {
    std::vector<double> values;
    for (int i = 0; i < 15; ++i) {
        values.push_back(210.0 + 1.0 * i); // +1 MiB each round: 12 MiB over the judged rounds
    }
    const auto v = soakMemoryVerdict(mib(values), 0.02);
    EXPECT_FALSE(v.ok);
    EXPECT_GT(v.growth, 0.02);
}

TEST(SoakVerdict, OneHighSampleAtTheEndDoesNotFailAFlatRun) {
    const auto v = soakMemoryVerdict(
            mib({200, 201, 200, 201, 200, 201, 200, 201, 200, 201, 200, 201, 200, 201, 230}), 0.02);
    EXPECT_TRUE(v.ok) << v.growth;
}

TEST(SoakVerdict, OneLowSampleAtTheEndDoesNotHideALeak) {
    std::vector<double> values;
    for (int i = 0; i < 15; ++i) {
        values.push_back(200.0 + 1.0 * i);
    }
    values.back() = 180.0;
    EXPECT_FALSE(soakMemoryVerdict(mib(values), 0.02).ok);
}

TEST(SoakVerdict, TooFewSamplesAreNotJudged) {
    EXPECT_TRUE(soakMemoryVerdict({}, 0.02).ok);
    EXPECT_TRUE(soakMemoryVerdict(mib({100, 300}), 0.02).ok);
    // Three samples: one warms up, the second and third are compared.
    const auto v = soakMemoryVerdict(mib({100, 100, 110}), 0.02);
    EXPECT_FALSE(v.ok);
    EXPECT_NEAR(v.growth, 0.10, 1e-9);
}
