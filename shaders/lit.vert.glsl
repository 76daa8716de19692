#version 330 core
// Lit pass, vertex stage. Instanced: each instance brings its model matrix and an emissive
// radiance (the app uses it for ware and walls glowing at firing temperature). The normal matrix
// is the cofactor of the model matrix's 3x3 part (correct under non-uniform scale, no inverse).
// Texture coordinates and the tangent are passed on only to variants that sample maps (the
// renderer defines the KILN_* switches of lit.frag.glsl here too; KILN_TEXTURED: any map):
// fewer varyings, less setup per triangle and less interpolation per pixel on llvmpipe.
#ifndef KILN_TEXTURED // (defaults, for compiling this file on its own)
#define KILN_TEXTURED 1
#define KILN_NORMAL_MAP 1
#endif
layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;
layout(location = 2) in vec2 aUv0;
layout(location = 3) in vec2 aUv1;
layout(location = 4) in vec4 aColor;
layout(location = 5) in vec4 aTangent;
layout(location = 6) in mat4 aModel;    // locations 6-9, one per instance
layout(location = 10) in vec4 aEmissive; // rgb radiance added to the material's, per instance
layout(location = 11) in vec4 aTint;     // rgb colour mixed into the base colour by a (views)

uniform mat4 uViewProjection;
uniform mat4 uLightViewProjection;
uniform vec4 uSectionPlane; // world plane (n, d): geometry where dot(n, p) + d > 0 is cut away
uniform int uSectionEnabled;

out vec3 vWorldPos;
out vec3 vNormal;
#if KILN_NORMAL_MAP
out vec4 vTangent;
#endif
#if KILN_TEXTURED
out vec2 vUv0;
out vec2 vUv1;
#endif
out vec4 vColor;
out vec4 vLightSpace;
flat out vec3 vInstanceEmissive; // per instance: flat, no interpolation to set up
flat out vec4 vTint;

invariant gl_Position; // the depth pre-pass must match this pass's depth exactly

void main() {
    vec4 world = aModel * vec4(aPosition, 1.0);
    mat3 m = mat3(aModel);
    mat3 normalMatrix = mat3(cross(m[1], m[2]), cross(m[2], m[0]), cross(m[0], m[1]));
    vWorldPos = world.xyz;
    vNormal = normalMatrix * aNormal;
#if KILN_NORMAL_MAP
    vTangent = vec4(m * aTangent.xyz, aTangent.w);
#endif
#if KILN_TEXTURED
    vUv0 = aUv0;
    vUv1 = aUv1;
#endif
    vColor = aColor;
    vLightSpace = uLightViewProjection * world;
    vInstanceEmissive = aEmissive.rgb * aEmissive.a;
    vTint = aTint;
    gl_ClipDistance[0] = uSectionEnabled != 0 ? -(dot(uSectionPlane.xyz, world.xyz) + uSectionPlane.w) : 1.0;
    gl_Position = uViewProjection * world;
}
