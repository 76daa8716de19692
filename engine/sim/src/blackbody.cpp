// Blackbody glow colour: Planck's law summed against the embedded CIE 1931 table, then the
// IEC 61966-2-1 sRGB matrix and transfer curve (method: thermal-properties.md section 7).
#include "kiln/sim/blackbody.h"

#include "cie1931_table.h"
#include "kiln/core/assert.h"

#include <algorithm>
#include <cmath>

namespace kiln::sim {
namespace {

// Second radiation constant, m K (NIST / CIE TR 224 value, thermal-properties.md 7).
constexpr double kC2MK = 1.438776877e-2;

float encodeSrgb(double linear) {
    const double v = std::clamp(linear, 0.0, 1.0);
    const double encoded = v <= 0.0031308 ? 12.92 * v : 1.055 * std::pow(v, 1.0 / 2.4) - 0.055;
    return static_cast<float>(encoded);
}

} // namespace

GlowColour blackbodyGlow(double temperatureC) {
    GlowColour glow;
    const double t = temperatureC + 273.15;
    if (!(t > 0.0) || !std::isfinite(t)) {
        return glow;
    }
    double x = 0.0;
    double y = 0.0;
    double z = 0.0;
    for (int i = 0; i < detail::kCie1931Count; ++i) {
        const double lambdaM = (detail::kCie1931FirstNm + i) * 1e-9;
        const double a = kC2MK / (lambdaM * t);
        if (a > 700.0) {
            continue; // exp would overflow; the term is below 1e-300 of the peak anyway
        }
        const double l2 = lambdaM * lambdaM;
        const double radiance = 1.0 / (l2 * l2 * lambdaM * std::expm1(a));
        x += radiance * detail::kCie1931[i][0];
        y += radiance * detail::kCie1931[i][1];
        z += radiance * detail::kCie1931[i][2];
    }
    const double sum = x + y + z;
    if (!(sum > 0.0)) {
        return glow;
    }
    glow.x = x / sum;
    glow.y = y / sum;
    glow.relativeLuminance = y / detail::kBlackbodyY1000K;
    // XYZ to linear sRGB (IEC 61966-2-1, D65); negatives are out of gamut and clipped.
    double r = 3.2406 * x - 1.5372 * y - 0.4986 * z;
    double g = -0.9689 * x + 1.8758 * y + 0.0415 * z;
    double b = 0.0557 * x - 0.2040 * y + 1.0570 * z;
    r = std::max(r, 0.0);
    g = std::max(g, 0.0);
    b = std::max(b, 0.0);
    const double peak = std::max({r, g, b});
    if (!(peak > 0.0)) {
        return glow;
    }
    glow.red = encodeSrgb(r / peak);
    glow.green = encodeSrgb(g / peak);
    glow.blue = encodeSrgb(b / peak);
    return glow;
}

GlowTable::GlowTable(double minC, double maxC, double stepC) : mMinC(minC), mStepC(stepC) {
    KILN_ASSERT(maxC > minC && stepC > 0.0, "GlowTable: needs minC < maxC and stepC > 0");
    const auto n = static_cast<std::size_t>(std::ceil((maxC - minC) / stepC)) + 1;
    mEntries.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        mEntries.push_back(blackbodyGlow(minC + static_cast<double>(i) * stepC));
    }
}

GlowColour GlowTable::at(double temperatureC) const {
    if (!std::isfinite(temperatureC)) {
        return GlowColour{};
    }
    const double pos = (temperatureC - mMinC) / mStepC;
    if (pos <= 0.0) {
        // Below the table: the hue of its first entry, the exact luminance.
        GlowColour g = mEntries.front();
        g.relativeLuminance = blackbodyGlow(temperatureC).relativeLuminance;
        return g;
    }
    const auto last = mEntries.size() - 1;
    if (pos >= static_cast<double>(last)) {
        return mEntries.back();
    }
    const auto i = static_cast<std::size_t>(pos);
    const double f = pos - static_cast<double>(i);
    const GlowColour& a = mEntries[i];
    const GlowColour& b = mEntries[i + 1];
    GlowColour g;
    const auto ff = static_cast<float>(f);
    g.red = a.red + (b.red - a.red) * ff;
    g.green = a.green + (b.green - a.green) * ff;
    g.blue = a.blue + (b.blue - a.blue) * ff;
    g.x = a.x + (b.x - a.x) * f;
    g.y = a.y + (b.y - a.y) * f;
    g.relativeLuminance =
            a.relativeLuminance > 0.0 && b.relativeLuminance > 0.0
                    ? a.relativeLuminance *
                              std::exp(f * std::log(b.relativeLuminance / a.relativeLuminance))
                    : a.relativeLuminance + (b.relativeLuminance - a.relativeLuminance) * f;
    return g;
}

} // namespace kiln::sim
