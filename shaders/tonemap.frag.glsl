#version 330 core
// Tonemap: scene radiance plus bloom, times exposure, through a filmic curve (Narkowicz's fit
// of the ACES reference rendering transform), encoded as sRGB for an 8-bit target.
in vec2 vUv;
uniform sampler2D uHdr;
uniform sampler2D uBloom;
uniform float uBloomStrength;
uniform float uExposure;
out vec4 fragColor;

vec3 filmic(vec3 x) {
    return clamp((x * (2.51 * x + 0.03)) / (x * (2.43 * x + 0.59) + 0.14), 0.0, 1.0);
}

vec3 linearToSrgb(vec3 c) {
    return mix(c * 12.92, 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055, step(0.0031308, c));
}

void main() {
    vec3 hdr = texture(uHdr, vUv).rgb;
    vec3 bloom = texture(uBloom, vUv).rgb;
    vec3 color = (hdr + bloom * uBloomStrength) * uExposure;
    fragColor = vec4(linearToSrgb(filmic(color)), 1.0);
}
