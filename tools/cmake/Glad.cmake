# Generates the OpenGL 3.3 core loader with Debian's python3-glad at build time (never committed).
# --reproducible uses the Khronos XML bundled in the package, so no network is needed.
find_program(GLAD_EXECUTABLE glad PATHS /usr/bin NO_DEFAULT_PATH)
if(NOT GLAD_EXECUTABLE)
    find_program(GLAD_EXECUTABLE glad REQUIRED)
endif()

set(KILN_GLAD_DIR "${CMAKE_BINARY_DIR}/glad")
set(KILN_GL_EXTENSIONS GL_KHR_debug,GL_ARB_texture_filter_anisotropic,GL_EXT_texture_filter_anisotropic)
add_custom_command(
    OUTPUT "${KILN_GLAD_DIR}/include/glad/gl.h" "${KILN_GLAD_DIR}/src/gl.c"
    COMMAND "${GLAD_EXECUTABLE}" --quiet --reproducible --api gl:core=3.3
            --extensions=${KILN_GL_EXTENSIONS} --out-path "${KILN_GLAD_DIR}" c
    COMMENT "Generating the GL 3.3 core loader with glad"
    VERBATIM)
add_library(kiln_glad STATIC "${KILN_GLAD_DIR}/src/gl.c")
target_include_directories(kiln_glad SYSTEM PUBLIC "${KILN_GLAD_DIR}/include")
set_target_properties(kiln_glad PROPERTIES POSITION_INDEPENDENT_CODE ON)
target_link_libraries(kiln_glad PRIVATE ${CMAKE_DL_LIBS})
