# Compile settings for the project's own targets only (third-party code keeps its own warnings).
#   kiln_project_target(target): C++20, the warning set, -Werror when KILN_WERROR, asserts in tests.
function(kiln_project_target target)
    target_compile_features(${target} PUBLIC cxx_std_20)
    target_compile_options(${target} PRIVATE
        -Wall -Wextra -Wpedantic -Wshadow -Wconversion
        # clang's -Wconversion also warns on sign changes, g++'s does not: one warning set for
        # both compilers (the test command builds with clang, the run command with g++).
        $<$<CXX_COMPILER_ID:Clang>:-Wno-sign-conversion>
        $<$<BOOL:${KILN_WERROR}>:-Werror>)
    if(KILN_ENABLE_ASSERTS)
        target_compile_definitions(${target} PUBLIC KILN_ENABLE_ASSERTS=1)
    endif()
endfunction()
