#version 330 core
// Lit pass, fragment stage: metallic-roughness shading (GGX distribution, height-correlated
// Smith visibility, Schlick Fresnel) under a sun with a filtered shadow map, point lights with
// inverse-square falloff, a sky hemisphere, and emission. Writes linear HDR radiance; exposure,
// tone curve and sRGB happen in the tonemap pass. Back faces seen through a section cut are
// shaded as the cut surface (hatched), so a cutaway reads as a section.
//
// Compiled once per combination in use of the switches below (the renderer defines each as 0 or
// 1 ahead of this source): a map the material lacks, an alpha mode it does not use and a section
// that is off are not in the program at all. A branch on a uniform would not do on llvmpipe,
// which runs both sides of every branch for all pixels (masked), texture fetches included.
#ifndef KILN_BASE_COLOR_MAP // (defaults, for compiling this file on its own)
#define KILN_BASE_COLOR_MAP 1
#define KILN_METALLIC_ROUGHNESS_MAP 1
#define KILN_NORMAL_MAP 1
#define KILN_OCCLUSION_MAP 1
#define KILN_EMISSIVE_MAP 1
#define KILN_ALPHA_MASK 0
#define KILN_ALPHA_BLEND 0
#define KILN_SECTION 0
#define KILN_TEXTURED 1 // any of the maps: texture coordinates come in (lit.vert.glsl)
#endif
in vec3 vWorldPos;
in vec3 vNormal;
#if KILN_NORMAL_MAP
in vec4 vTangent;
#endif
#if KILN_TEXTURED
in vec2 vUv0;
in vec2 vUv1;
#endif
in vec4 vColor;
in vec4 vLightSpace;
flat in vec3 vInstanceEmissive;
flat in vec4 vTint;

const int MAX_POINT_LIGHTS = 8;

uniform vec3 uCameraPos;
uniform vec3 uSunDirection; // towards the sun, normalised
uniform vec3 uSunRadiance;  // colour times illuminance
uniform vec3 uSkyZenith;
uniform vec3 uSkyGround;
uniform int uShadowsEnabled;
uniform sampler2DShadow uShadowMap;
uniform float uShadowTexelSize;
uniform int uPointLightCount;
uniform vec3 uPointLightPos[MAX_POINT_LIGHTS];
uniform vec3 uPointLightIntensity[MAX_POINT_LIGHTS]; // colour times intensity (W/sr-like)
uniform float uPointLightRange[MAX_POINT_LIGHTS];
uniform vec3 uSectionColor;

uniform vec4 uBaseColorFactor;
uniform float uMetallic;
uniform float uRoughness;
uniform vec3 uEmissive; // factor times strength
uniform float uNormalScale;
uniform float uOcclusionStrength;
uniform float uAlphaCutoff;
uniform sampler2D uBaseColorTexture;         // sRGB: sampling returns linear values
uniform sampler2D uMetallicRoughnessTexture; // linear
uniform sampler2D uNormalTexture;            // linear
uniform sampler2D uOcclusionTexture;         // linear
uniform sampler2D uEmissiveTexture;          // sRGB
uniform int uBaseColorUv;
uniform int uMetallicRoughnessUv;
uniform int uNormalUv;
uniform int uOcclusionUv;
uniform int uEmissiveUv;

out vec4 fragColor;

const float PI = 3.14159265;

#if KILN_TEXTURED
vec2 uvSet(int set) { return set == 1 ? vUv1 : vUv0; }
#endif

float distributionGgx(float nDotH, float alpha) {
    float a2 = alpha * alpha;
    float d = nDotH * nDotH * (a2 - 1.0) + 1.0;
    return a2 / (PI * d * d);
}

float visibilitySmith(float nDotV, float nDotL, float alpha) {
    float a2 = alpha * alpha;
    float v = nDotL * sqrt(nDotV * nDotV * (1.0 - a2) + a2);
    float l = nDotV * sqrt(nDotL * nDotL * (1.0 - a2) + a2);
    return 0.5 / max(v + l, 1e-5);
}

vec3 fresnelSchlick(float cosTheta, vec3 f0) {
    float x = 1.0 - cosTheta;
    float x2 = x * x;
    return f0 + (1.0 - f0) * (x2 * x2 * x); // pow(x, 5) without exp2(log2()) (llvmpipe)
}

// Percentage-closer filtering with the hardware comparison sampler (each tap already filters
// 2x2 texels): 3x3 taps, or on software rasterisers (the renderer defines KILN_SOFTWARE) 2x2
// taps half a texel off centre, a 3x3-texel footprint for less than half the texture work.
float sunShadow(vec3 n) {
    if (uShadowsEnabled == 0) {
        return 1.0;
    }
    vec3 p = vLightSpace.xyz / vLightSpace.w * 0.5 + 0.5;
    if (p.z > 1.0 || p.x < 0.0 || p.x > 1.0 || p.y < 0.0 || p.y > 1.0) {
        return 1.0;
    }
    float slope = 1.0 - max(dot(n, uSunDirection), 0.0);
    float bias = uShadowTexelSize * (1.5 + 3.0 * slope);
    float lit = 0.0;
#ifdef KILN_SOFTWARE
    for (int y = 0; y <= 1; ++y) {
        for (int x = 0; x <= 1; ++x) {
            vec2 offset = (vec2(x, y) - 0.5) * uShadowTexelSize;
            lit += texture(uShadowMap, vec3(p.xy + offset, p.z - bias));
        }
    }
    return lit / 4.0;
#else
    for (int y = -1; y <= 1; ++y) {
        for (int x = -1; x <= 1; ++x) {
            lit += texture(uShadowMap, vec3(p.xy + vec2(x, y) * uShadowTexelSize, p.z - bias));
        }
    }
    return lit / 9.0;
#endif
}

vec3 brdf(vec3 n, vec3 v, vec3 l, vec3 base, float metallic, float alpha, vec3 f0) {
    vec3 h = normalize(v + l);
    float nDotL = max(dot(n, l), 0.0);
    float nDotV = max(dot(n, v), 1e-4);
    float nDotH = max(dot(n, h), 0.0);
    vec3 f = fresnelSchlick(max(dot(h, v), 0.0), f0);
    vec3 specular = distributionGgx(nDotH, alpha) * visibilitySmith(nDotV, nDotL, alpha) * f;
    vec3 diffuse = (1.0 - f) * (1.0 - metallic) * base / PI;
    return (diffuse + specular) * nDotL;
}

void main() {
#if KILN_SECTION
    if (!gl_FrontFacing) {
        // Inside of a closed surface seen through the cut: shade as the cut face, hatched at
        // 45 degrees in screen space so it reads as a section drawing.
        float hatch = step(0.5, fract((gl_FragCoord.x + gl_FragCoord.y) / 10.0));
        fragColor = vec4(uSectionColor * (0.75 + 0.25 * hatch), 1.0);
        return;
    }
#endif
    vec4 base = uBaseColorFactor * vColor;
#if KILN_BASE_COLOR_MAP
    base *= texture(uBaseColorTexture, uvSet(uBaseColorUv));
#endif
    base.rgb = mix(base.rgb, vTint.rgb, vTint.a); // e.g. the evidence view's class colours
#if KILN_ALPHA_MASK
    if (base.a < uAlphaCutoff) {
        discard;
    }
#endif
    vec4 mr = vec4(1.0);
#if KILN_METALLIC_ROUGHNESS_MAP
    mr = texture(uMetallicRoughnessTexture, uvSet(uMetallicRoughnessUv));
#endif
    float metallic = clamp(uMetallic * mr.b, 0.0, 1.0);
    float roughness = clamp(uRoughness * mr.g, 0.045, 1.0);
    float alpha = roughness * roughness;

    vec3 n = normalize(vNormal);
    if (!gl_FrontFacing) {
        n = -n; // double-sided materials and open scans
    }
#if KILN_NORMAL_MAP
    {
        vec3 t = normalize(vTangent.xyz - n * dot(n, vTangent.xyz));
        vec3 b = cross(n, t) * vTangent.w;
        vec3 tn = texture(uNormalTexture, uvSet(uNormalUv)).xyz * 2.0 - 1.0;
        tn.xy *= uNormalScale;
        n = normalize(mat3(t, b, n) * tn);
    }
#endif
    vec3 v = normalize(uCameraPos - vWorldPos);
    vec3 f0 = mix(vec3(0.04), base.rgb, metallic);

    vec3 color = brdf(n, v, uSunDirection, base.rgb, metallic, alpha, f0) * uSunRadiance * sunShadow(n);
    for (int i = 0; i < uPointLightCount; ++i) {
        vec3 toLight = uPointLightPos[i] - vWorldPos;
        float d2 = max(dot(toLight, toLight), 1e-4);
        // Inverse-square falloff, windowed to reach zero smoothly at the light's range.
        float r = sqrt(d2) / uPointLightRange[i];
        float window = clamp(1.0 - r * r * r * r, 0.0, 1.0);
        vec3 radiance = uPointLightIntensity[i] / d2 * window * window;
        color += brdf(n, v, toLight * inversesqrt(d2), base.rgb, metallic, alpha, f0) * radiance;
    }
    float occlusion = 1.0;
#if KILN_OCCLUSION_MAP
    occlusion += uOcclusionStrength * (texture(uOcclusionTexture, uvSet(uOcclusionUv)).r - 1.0);
#endif
    vec3 sky = mix(uSkyGround, uSkyZenith, 0.5 + 0.5 * n.y);
    color += (sky * base.rgb * (1.0 - metallic) + sky * f0 * 0.5) * occlusion;
    vec3 emissive = uEmissive;
#if KILN_EMISSIVE_MAP
    emissive *= texture(uEmissiveTexture, uvSet(uEmissiveUv)).rgb;
#endif
    color += emissive + vInstanceEmissive;
#if KILN_ALPHA_BLEND
    fragColor = vec4(color, base.a);
#else
    fragColor = vec4(color, 1.0);
#endif
}
