#version 330 core
// Lit pass, fragment stage: metallic-roughness shading (GGX distribution, Smith-Schlick geometry,
// Schlick Fresnel) under one sun and a sky hemisphere, then exposure, a filmic curve and sRGB.
in vec3 vWorldPos;
in vec3 vNormal;
in vec2 vUv;
in vec4 vColor;

uniform vec3 uCameraPos;
uniform vec3 uSunDirection; // towards the sun, normalised
uniform vec3 uSunColor;     // colour times illuminance
uniform vec3 uSkyZenith;
uniform vec3 uSkyGround;
uniform vec4 uBaseColorFactor;
uniform float uMetallic;
uniform float uRoughness;
uniform vec3 uEmissive;
uniform float uExposure;
uniform sampler2D uBaseColorTexture; // sRGB texture: sampling returns linear values

out vec4 fragColor;

const float PI = 3.14159265;

float distributionGgx(float nDotH, float alpha) {
    float a2 = alpha * alpha;
    float d = nDotH * nDotH * (a2 - 1.0) + 1.0;
    return a2 / (PI * d * d);
}

float geometrySmith(float nDotV, float nDotL, float roughness) {
    float k = (roughness + 1.0) * (roughness + 1.0) / 8.0;
    return (nDotV / (nDotV * (1.0 - k) + k)) * (nDotL / (nDotL * (1.0 - k) + k));
}

vec3 fresnelSchlick(float cosTheta, vec3 f0) {
    return f0 + (1.0 - f0) * pow(1.0 - cosTheta, 5.0);
}

// Filmic tone curve (Narkowicz's fit of the ACES reference rendering transform).
vec3 filmic(vec3 x) {
    return clamp((x * (2.51 * x + 0.03)) / (x * (2.43 * x + 0.59) + 0.14), 0.0, 1.0);
}

vec3 linearToSrgb(vec3 c) {
    return mix(c * 12.92, 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055, step(0.0031308, c));
}

void main() {
    vec4 base = uBaseColorFactor * vColor * texture(uBaseColorTexture, vUv);
    vec3 n = normalize(vNormal);
    vec3 v = normalize(uCameraPos - vWorldPos);
    if (!gl_FrontFacing) {
        n = -n; // two-sided lighting for open meshes such as scans
    }
    vec3 l = uSunDirection;
    vec3 h = normalize(v + l);
    float nDotL = max(dot(n, l), 0.0);
    float nDotV = max(dot(n, v), 1e-4);
    float nDotH = max(dot(n, h), 0.0);
    float roughness = clamp(uRoughness, 0.04, 1.0);
    vec3 f0 = mix(vec3(0.04), base.rgb, uMetallic);
    vec3 f = fresnelSchlick(max(dot(h, v), 0.0), f0);
    vec3 specular = distributionGgx(nDotH, roughness * roughness) *
                    geometrySmith(nDotV, nDotL, roughness) * f / max(4.0 * nDotV * nDotL, 1e-4);
    vec3 diffuse = (1.0 - f) * (1.0 - uMetallic) * base.rgb / PI;
    vec3 direct = (diffuse + specular) * uSunColor * nDotL;
    vec3 sky = mix(uSkyGround, uSkyZenith, 0.5 + 0.5 * n.y);
    vec3 ambient = sky * base.rgb * (1.0 - 0.5 * uMetallic) + sky * f0 * 0.25;
    vec3 color = direct + ambient + uEmissive;
    fragColor = vec4(linearToSrgb(filmic(color * uExposure)), base.a);
}
