#version 330 core
// Tonemap: scene radiance plus bloom, times exposure, through a filmic curve (Narkowicz's fit
// of the ACES reference rendering transform), encoded as sRGB for an 8-bit target. Compiled
// twice: with the bloom, and with KILN_NO_BLOOM for frames without it (bloom off, or nothing
// above its threshold), which then fetch nothing from the bloom texture.
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
#ifdef KILN_SOFTWARE
    // Software rasterisers: the power curve from three square roots (Taylor's fit, within 0.001
    // of the exact curve above the linear toe: under half a step of the 8-bit output) instead
    // of exp2(log2(c) / 2.4), which llvmpipe evaluates by polynomials, three times per pixel.
    vec3 s1 = sqrt(c);
    vec3 s2 = sqrt(s1);
    vec3 s3 = sqrt(s2);
    vec3 curve = 0.662002687 * s1 + 0.684122060 * s2 - 0.323583601 * s3 - 0.0225411470 * c;
#else
    vec3 curve = 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055;
#endif
    return mix(c * 12.92, curve, step(0.0031308, c));
}

void main() {
#ifdef KILN_HDR_SAME_SIZE
    // The scene target has the output's size (render scale 1): its texels, unfiltered.
    vec3 hdr = texelFetch(uHdr, ivec2(gl_FragCoord.xy), 0).rgb;
#else
    vec3 hdr = texture(uHdr, vUv).rgb;
#endif
#ifdef KILN_NO_BLOOM
    vec3 color = hdr * uExposure;
#else
    vec3 bloom = texture(uBloom, vUv).rgb;
    vec3 color = (hdr + bloom * uBloomStrength) * uExposure;
#endif
    // Path to white: light beyond the curve's range in one channel spills into all three, as in
    // an overexposed film or eye, so a glowing body whitens as it brightens (a 1300 C front reads
    // white-hot, not pure yellow: its blackbody colour has no blue inside the sRGB gamut, and a
    // per-channel curve alone could never reach white). Below 1 in every channel nothing changes.
    vec3 over = max(color - vec3(1.0), vec3(0.0));
    color += vec3((over.r + over.g + over.b) * (1.0 / 6.0));
    fragColor = vec4(linearToSrgb(filmic(color)), 1.0);
}
