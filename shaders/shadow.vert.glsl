#version 330 core
// Shadow pass: depth from the sun's view, instanced like the lit pass.
layout(location = 0) in vec3 aPosition;
layout(location = 6) in mat4 aModel;

uniform mat4 uLightViewProjection;

void main() {
    gl_Position = uLightViewProjection * aModel * vec4(aPosition, 1.0);
}
