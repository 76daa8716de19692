#version 330 core
// Bloom, downsampling: a 13-tap filter (Jimenez 2014) halving the resolution. On the first level
// a soft threshold keeps only radiance above the incandescent knee, and a Karis average stops
// single bright pixels from flickering. The renderer compiles the first level's program with
// KILN_BLOOM_FIRST_LEVEL 1 and the others' with 0 (a branch on a uniform would run both sides
// for every pixel on llvmpipe).
#ifndef KILN_BLOOM_FIRST_LEVEL
#define KILN_BLOOM_FIRST_LEVEL 0
#endif
in vec2 vUv;
uniform sampler2D uSource;
uniform vec2 uSourceTexel;
uniform float uThreshold;
out vec4 fragColor;

float luma(vec3 c) { return dot(c, vec3(0.2126, 0.7152, 0.0722)); }

vec3 prefilter(vec3 c) {
    float l = luma(c);
    float knee = uThreshold * 0.5;
    float soft = clamp(l - uThreshold + knee, 0.0, 2.0 * knee);
    soft = soft * soft / (4.0 * knee + 1e-4);
    float contribution = max(soft, l - uThreshold) / max(l, 1e-4);
    return c * contribution;
}

vec3 tap(vec2 offset) { return texture(uSource, vUv + offset * uSourceTexel).rgb; }

void main() {
    vec3 a = tap(vec2(-2, -2)), b = tap(vec2(0, -2)), c = tap(vec2(2, -2));
    vec3 d = tap(vec2(-1, -1)), e = tap(vec2(1, -1));
    vec3 f = tap(vec2(-2, 0)), g = tap(vec2(0, 0)), h = tap(vec2(2, 0));
    vec3 i = tap(vec2(-1, 1)), j = tap(vec2(1, 1));
    vec3 k = tap(vec2(-2, 2)), l = tap(vec2(0, 2)), m = tap(vec2(2, 2));
    vec3 result;
#if KILN_BLOOM_FIRST_LEVEL
    {
        vec3 g0 = (d + e + i + j) * 0.25;
        vec3 g1 = (a + b + f + g) * 0.25;
        vec3 g2 = (b + c + g + h) * 0.25;
        vec3 g3 = (f + g + k + l) * 0.25;
        vec3 g4 = (g + h + l + m) * 0.25;
        float w0 = 1.0 / (1.0 + luma(g0)), w1 = 1.0 / (1.0 + luma(g1)), w2 = 1.0 / (1.0 + luma(g2));
        float w3 = 1.0 / (1.0 + luma(g3)), w4 = 1.0 / (1.0 + luma(g4));
        result = (g0 * w0 * 0.5 + (g1 * w1 + g2 * w2 + g3 * w3 + g4 * w4) * 0.125) /
                 (w0 * 0.5 + (w1 + w2 + w3 + w4) * 0.125);
        result = prefilter(result);
    }
#else
    result = (d + e + i + j) * 0.125 + (a + c + k + m) * 0.03125 + (b + f + h + l) * 0.0625 + g * 0.125;
#endif
    fragColor = vec4(max(result, vec3(0.0)), 1.0);
}
