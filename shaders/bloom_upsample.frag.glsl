#version 330 core
// Bloom, upsampling: a 3x3 tent filter of the smaller level, added (by blending) onto the
// next larger one, so each level accumulates the glow of all coarser ones.
in vec2 vUv;
uniform sampler2D uSource;
uniform vec2 uSourceTexel;
out vec4 fragColor;

void main() {
    vec3 s = vec3(0.0);
    s += texture(uSource, vUv + vec2(-1, -1) * uSourceTexel).rgb;
    s += texture(uSource, vUv + vec2(0, -1) * uSourceTexel).rgb * 2.0;
    s += texture(uSource, vUv + vec2(1, -1) * uSourceTexel).rgb;
    s += texture(uSource, vUv + vec2(-1, 0) * uSourceTexel).rgb * 2.0;
    s += texture(uSource, vUv).rgb * 4.0;
    s += texture(uSource, vUv + vec2(1, 0) * uSourceTexel).rgb * 2.0;
    s += texture(uSource, vUv + vec2(-1, 1) * uSourceTexel).rgb;
    s += texture(uSource, vUv + vec2(0, 1) * uSourceTexel).rgb * 2.0;
    s += texture(uSource, vUv + vec2(1, 1) * uSourceTexel).rgb;
    fragColor = vec4(s / 16.0, 1.0);
}
