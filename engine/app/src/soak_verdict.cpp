#include "kiln/app/soak_verdict.h"

#include <algorithm>
#include <iterator>

namespace kiln::app {
namespace {

double median(std::vector<std::size_t> values) {
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 == 1 ? static_cast<double>(values[n / 2])
                      : 0.5 * (static_cast<double>(values[n / 2 - 1]) +
                               static_cast<double>(values[n / 2]));
}

} // namespace

SoakMemoryVerdict soakMemoryVerdict(const std::vector<std::size_t>& residentBytes,
                                    double maxGrowth) {
    SoakMemoryVerdict v;
    const std::size_t n = residentBytes.size();
    if (n < 3) {
        return v;
    }
    v.warmUpSamples = std::max<std::size_t>(1, n / 5);
    const auto judged = residentBytes.begin() + static_cast<std::ptrdiff_t>(v.warmUpSamples);
    const auto half = std::distance(judged, residentBytes.end()) / 2;
    const std::vector<std::size_t> first(judged, judged + half);
    const std::vector<std::size_t> last(judged + half, residentBytes.end());
    // With two samples after the warm-up, each half holds one; with one, compare it to itself.
    v.firstMedianBytes = median(first.empty() ? last : first);
    v.lastMedianBytes = median(last);
    v.growth = (v.lastMedianBytes - v.firstMedianBytes) / v.firstMedianBytes;
    v.ok = v.growth < maxGrowth;
    return v;
}

} // namespace kiln::app
