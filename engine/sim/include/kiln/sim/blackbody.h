// Glow colour of a blackbody: Planck's law integrated against the CIE 1931 2-degree colour-matching
// functions (cie1931_2deg_cmf.csv, 380-780 nm, 1 nm), converted to sRGB (IEC 61966-2-1, D65).
// Pure functions, no state. Does NOT tone-map: brightness is returned separately.
#pragma once

#include <vector>

namespace kiln::sim {

struct GlowColour {
    // Gamma-encoded sRGB in [0, 1], hue only: out-of-gamut negatives clipped, max channel = 1.
    float red = 0.0f;
    float green = 0.0f;
    float blue = 0.0f;
    // Luminance Y relative to a blackbody at 1000 K (Y(1000 K) = 1); 0 at or below 0 K.
    double relativeLuminance = 0.0;
    // CIE 1931 chromaticity.
    double x = 0.0;
    double y = 0.0;
};

// temperatureC may be anything; below about 250 C the luminance is negligible (< 1e-12).
GlowColour blackbodyGlow(double temperatureC);

// Precomputed blackbodyGlow() every stepC from minC to maxC with linear interpolation between
// (luminance interpolated in log), for a frame loop that colours many zones: one lookup costs a
// few tens of ns instead of ~8 us. Above maxC it clamps; below minC it keeps minC's hue with the
// exact luminance (so a cooling kiln fades out). The app owns the table.
class GlowTable {
public:
    // minC < maxC, stepC > 0.
    GlowTable(double minC = 300.0, double maxC = 2000.0, double stepC = 5.0);
    GlowColour at(double temperatureC) const;

private:
    double mMinC;
    double mStepC;
    std::vector<GlowColour> mEntries;
};

} // namespace kiln::sim
