// Procedural textures (textures.h). Value noise on an integer hash lattice that wraps at the
// texture size, so every texture tiles; no std::rand, no clock: output is a pure function of
// (material, size). Colours are plausible readings of photographs, not measurements (conjecture).
#include "textures.h"

#include <stb_image_write.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace kiln::kilngen {

namespace {

std::uint32_t hash3(std::uint32_t x, std::uint32_t y, std::uint32_t seed) {
    std::uint32_t h = x * 0x8da6b343u ^ y * 0xd8163841u ^ seed * 0xcb1ab31fu;
    h ^= h >> 13;
    h *= 0x5bd1e995u;
    h ^= h >> 15;
    return h;
}

float hashUnit(std::uint32_t x, std::uint32_t y, std::uint32_t seed) {
    return static_cast<float>(hash3(x, y, seed) & 0xffffffu) / 16777215.0f;
}

// Value noise with period `period` lattice cells (tileable; period a power of two); u, v in cells.
float valueNoise(float u, float v, int period, std::uint32_t seed) {
    const auto mask = static_cast<std::uint32_t>(period - 1);
    const float fu = std::floor(u), fv = std::floor(v);
    const int iu = static_cast<int>(fu), iv = static_cast<int>(fv);
    const float tu = u - fu, tv = v - fv;
    const float su = tu * tu * (3.0f - 2.0f * tu), sv = tv * tv * (3.0f - 2.0f * tv);
    const auto lat = [&](int a, int b) {
        const auto wa = static_cast<std::uint32_t>(a) & mask;
        const auto wb = static_cast<std::uint32_t>(b) & mask;
        return hashUnit(wa, wb, seed);
    };
    const float a = lat(iu, iv) + (lat(iu + 1, iv) - lat(iu, iv)) * su;
    const float b = lat(iu, iv + 1) + (lat(iu + 1, iv + 1) - lat(iu, iv + 1)) * su;
    return a + (b - a) * sv;
}

// Fractal noise in [0, 1], tileable over the unit square (x, y in [0, 1)).
float fbm(float x, float y, int basePeriod, int octaves, std::uint32_t seed) {
    float sum = 0.0f, amp = 0.5f, norm = 0.0f;
    int period = basePeriod;
    for (int o = 0; o < octaves; ++o) {
        sum += amp * valueNoise(x * static_cast<float>(period), y * static_cast<float>(period),
                                period, seed + static_cast<std::uint32_t>(o) * 101u);
        norm += amp;
        amp *= 0.5f;
        period *= 2;
    }
    return sum / norm;
}

struct Rgb {
    float r, g, b;
};
Rgb mix(Rgb a, Rgb b, float t) {
    return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}
Rgb scale(Rgb a, float s) {
    return {a.r * s, a.g * s, a.b * s};
}

// Running-bond brick pattern: returns mortar weight (0 brick, 1 mortar) and a brick id.
float brickPattern(float x, float y, int courses, int bricksPerCourse, float mortar,
                   std::uint32_t& brickId) {
    const float cy = y * static_cast<float>(courses);
    const int row = static_cast<int>(std::floor(cy));
    const float shift = (row % 2) ? 0.5f : 0.0f;
    const float cx = x * static_cast<float>(bricksPerCourse) + shift;
    const int col = static_cast<int>(std::floor(cx));
    brickId = hash3(static_cast<std::uint32_t>(((col % bricksPerCourse) + bricksPerCourse) %
                                               bricksPerCourse),
                    static_cast<std::uint32_t>(row), 7u);
    const float fx = cx - std::floor(cx), fy = cy - std::floor(cy);
    const float mx = mortar * static_cast<float>(bricksPerCourse) * 0.5f;
    const float my = mortar * static_cast<float>(courses);
    const bool inMortar = fx < mx || fx > 1.0f - mx || fy < my;
    return inMortar ? 1.0f : 0.0f;
}

// Glaze runs: vertical drips of ash glaze from the vault; weight in [0, 1].
float glazeRuns(float x, float y) {
    float w = 0.0f;
    for (std::uint32_t k = 0; k < 14; ++k) {
        const float x0 = hashUnit(k, 1, 31u);
        const float top = hashUnit(k, 2, 31u);
        const float length = 0.15f + 0.45f * hashUnit(k, 3, 31u);
        const float width = 0.006f + 0.012f * hashUnit(k, 4, 31u);
        float dx = std::fabs(x - x0);
        dx = std::min(dx, 1.0f - dx);
        float dy = top - y; // runs flow down (decreasing y in texture space = down the wall)
        if (dy < 0.0f) {
            dy += 1.0f;
        }
        if (dy < length) {
            const float taper = 1.0f - dy / length;
            const float wob = 0.004f * std::sin(y * 90.0f + static_cast<float>(k));
            const float d = std::fabs(dx + wob);
            if (d < width * (0.4f + 0.6f * taper)) {
                w = std::max(w, 0.6f + 0.4f * taper);
            }
        }
    }
    return w;
}

struct Texel {
    Rgb color;
    float roughness;
    float metallic;
};

Texel shade(const std::string& m, float x, float y) {
    const float n = fbm(x, y, 8, 5, 11u);
    const float fine = fbm(x, y, 64, 2, 23u);
    if (m == "kiln_brick" || m == "kiln_brick_interior" || m == "factory_brick") {
        std::uint32_t id = 0;
        const bool factory = m == "factory_brick";
        const float mortar = brickPattern(x, y, factory ? 16 : 14, factory ? 4 : 4,
                                          factory ? 0.02f : 0.025f, id);
        const float v = static_cast<float>(id & 0xffu) / 255.0f;
        Rgb brick = factory ? mix(Rgb{0.48f, 0.20f, 0.13f}, Rgb{0.62f, 0.30f, 0.20f}, v)
                            : mix(Rgb{0.52f, 0.40f, 0.30f}, Rgb{0.66f, 0.50f, 0.36f}, v);
        brick = scale(brick, 0.85f + 0.3f * fine);
        const Rgb mortarColor{0.55f, 0.52f, 0.47f};
        Rgb c = mix(brick, mortarColor, mortar);
        float rough = 0.9f;
        if (!factory) {
            // Soot: wood-firing smoke deposits, patchy.
            const float soot = std::clamp((n - 0.35f) * 1.6f, 0.0f, 1.0f);
            const float sootWeight = m == "kiln_brick_interior" ? 0.85f : 0.45f;
            c = mix(c, Rgb{0.08f, 0.07f, 0.06f}, soot * sootWeight);
            if (m == "kiln_brick_interior") {
                // Kiln glaze: ash fluxes the brick face into glassy olive-brown runs.
                const float g = glazeRuns(x, y);
                c = mix(c, mix(Rgb{0.30f, 0.27f, 0.12f}, Rgb{0.45f, 0.38f, 0.16f}, fine), g);
                rough = 0.9f - 0.7f * g;
            }
        }
        return {c, rough, 0.0f};
    }
    if (m == "saggar_fireclay") {
        const Rgb c = mix(Rgb{0.60f, 0.52f, 0.44f}, Rgb{0.74f, 0.66f, 0.56f}, n);
        const float flash = std::clamp((fbm(x, y, 4, 3, 5u) - 0.55f) * 3.0f, 0.0f, 1.0f);
        return {scale(mix(c, Rgb{0.55f, 0.35f, 0.25f}, flash * 0.5f), 0.9f + 0.2f * fine), 0.85f,
                0.0f};
    }
    if (m == "sand_floor") {
        const Rgb c = mix(Rgb{0.62f, 0.55f, 0.45f}, Rgb{0.74f, 0.67f, 0.56f}, n);
        return {scale(c, 0.8f + 0.4f * fine), 0.95f, 0.0f};
    }
    if (m == "timber") {
        // Grain along u: stretched noise plus growth rings.
        const float grain = fbm(x * 0.25f, y * 4.0f - std::floor(y * 4.0f), 8, 4, 41u);
        const float rings = 0.5f + 0.5f * std::sin((y * 40.0f + grain * 6.0f) * 3.14159f);
        const Rgb c =
                mix(Rgb{0.30f, 0.20f, 0.12f}, Rgb{0.46f, 0.32f, 0.20f}, rings * 0.6f + n * 0.4f);
        return {c, 0.75f, 0.0f};
    }
    if (m == "roof_tiles") {
        // Grey clay pan tiles in overlapping courses (u across, v down the slope).
        const float cols = 12.0f, rows = 10.0f;
        const float fx = x * cols - std::floor(x * cols);
        const float fy = y * rows - std::floor(y * rows);
        const float channel = 0.5f + 0.5f * std::cos(fx * 6.2831853f);
        const float overlap = fy < 0.12f ? 0.55f : 1.0f;
        const Rgb c =
                mix(Rgb{0.22f, 0.23f, 0.24f}, Rgb{0.38f, 0.39f, 0.40f}, channel * 0.7f + n * 0.3f);
        return {scale(c, overlap * (0.9f + 0.2f * fine)), 0.8f, 0.0f};
    }
    if (m == "terrain" || m == "excavation_soil") {
        const bool soil = m == "excavation_soil";
        const Rgb earth = soil ? Rgb{0.50f, 0.36f, 0.24f} : Rgb{0.45f, 0.37f, 0.26f};
        const Rgb other = soil ? Rgb{0.62f, 0.48f, 0.33f} : Rgb{0.28f, 0.36f, 0.18f};
        const float patch = std::clamp((fbm(x, y, 4, 4, 77u) - 0.4f) * 2.5f, 0.0f, 1.0f);
        const Rgb c = mix(earth, other, patch);
        return {scale(c, 0.8f + 0.4f * fine), 0.95f, 0.0f};
    }
    // concrete
    return {scale(Rgb{0.55f, 0.55f, 0.53f}, 0.85f + 0.3f * n), 0.85f, 0.0f};
}

std::uint8_t toByte(float v) {
    return static_cast<std::uint8_t>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f));
}

void appendBytes(void* context, void* data, int size) {
    auto* out = static_cast<std::vector<std::uint8_t>*>(context);
    const auto* bytes = static_cast<const std::uint8_t*>(data);
    out->insert(out->end(), bytes, bytes + size);
}

std::vector<std::uint8_t> encode(const std::vector<std::uint8_t>& rgb, int sizePx) {
    std::vector<std::uint8_t> png;
    // Speed over size: these textures are regenerated on every build (10 s budget for all sites).
    // Fixed settings keep the bytes deterministic.
    stbi_write_png_compression_level = 2;
    stbi_write_force_png_filter = 4; // Paeth
    stbi_write_png_to_func(appendBytes, &png, sizePx, sizePx, 3, rgb.data(), sizePx * 3);
    return png;
}

template <typename F> std::vector<std::uint8_t> render(int sizePx, F texelToRgba) {
    std::vector<std::uint8_t> rgba(static_cast<std::size_t>(sizePx) *
                                   static_cast<std::size_t>(sizePx) * 3);
    for (int j = 0; j < sizePx; ++j) {
        for (int i = 0; i < sizePx; ++i) {
            const float x = (static_cast<float>(i) + 0.5f) / static_cast<float>(sizePx);
            // Row 0 of the image is the top (v = 0 in glTF); texture y grows upward.
            const float y = 1.0f - (static_cast<float>(j) + 0.5f) / static_cast<float>(sizePx);
            const auto px = texelToRgba(x, y);
            const std::size_t o = (static_cast<std::size_t>(j) * static_cast<std::size_t>(sizePx) +
                                   static_cast<std::size_t>(i)) *
                                  3;
            for (std::size_t c = 0; c < 3; ++c) {
                rgba[o + c] = px[c];
            }
        }
    }
    return encode(rgba, sizePx);
}

} // namespace

const std::vector<MaterialSpec>& materialSpecs() {
    static const std::vector<MaterialSpec> specs = {
            {"kiln_brick", {1, 1, 1, 1}, 0.0f, 0.9f, 1.0f, false, 256},
            {"kiln_brick_interior", {1, 1, 1, 1}, 0.0f, 1.0f, 1.0f, true, 512},
            {"saggar_fireclay", {1, 1, 1, 1}, 0.0f, 0.85f, 0.5f, false, 256},
            {"sand_floor", {1, 1, 1, 1}, 0.0f, 0.95f, 2.0f, false, 256},
            {"timber", {1, 1, 1, 1}, 0.0f, 0.75f, 2.0f, false, 256},
            {"roof_tiles", {1, 1, 1, 1}, 0.0f, 0.8f, 2.0f, false, 256},
            {"terrain", {1, 1, 1, 1}, 0.0f, 0.95f, 8.0f, false, 256},
            {"excavation_soil", {1, 1, 1, 1}, 0.0f, 0.95f, 4.0f, false, 256},
            {"factory_brick", {1, 1, 1, 1}, 0.0f, 0.85f, 1.0f, false, 256},
            {"concrete", {1, 1, 1, 1}, 0.0f, 0.85f, 4.0f, false, 256},
    };
    return specs;
}

const MaterialSpec* findMaterial(const std::string& name) {
    for (const auto& s : materialSpecs()) {
        if (s.name == name) {
            return &s;
        }
    }
    return nullptr;
}

std::vector<std::uint8_t> baseColorPng(const std::string& material, int sizePx) {
    return render(sizePx, [&](float x, float y) {
        const Texel t = shade(material, x, y);
        return std::array<std::uint8_t, 4>{toByte(t.color.r), toByte(t.color.g), toByte(t.color.b),
                                           255};
    });
}

std::vector<std::uint8_t> metallicRoughnessPng(const std::string& material, int sizePx) {
    return render(sizePx, [&](float x, float y) {
        const Texel t = shade(material, x, y);
        return std::array<std::uint8_t, 4>{255, toByte(t.roughness), toByte(t.metallic), 255};
    });
}

} // namespace kiln::kilngen
