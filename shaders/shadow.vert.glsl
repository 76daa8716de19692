#version 330 core
// Depth only, instanced like the lit pass: the sun's shadow map, and the depth pre-pass (with the
// camera's view-projection in uLightViewProjection).
layout(location = 0) in vec3 aPosition;
layout(location = 6) in mat4 aModel;

uniform mat4 uLightViewProjection;

invariant gl_Position; // the depth pre-pass must match the lit pass's depth exactly

void main() {
    vec4 world = aModel * vec4(aPosition, 1.0); // the same expression as lit.vert.glsl
    gl_Position = uLightViewProjection * world;
}
