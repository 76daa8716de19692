// Blackbody glow colour: Planck's law summed against the embedded CIE 1931 table, then the
// IEC 61966-2-1 sRGB matrix and transfer curve (method: thermal-properties.md section 7).
#include "kiln/sim/blackbody.h"

#include "cie1931_table.h"

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

} // namespace kiln::sim
