# Compile settings for the project's own targets only (third-party code keeps its own warnings).
#   kiln_project_target(target): C++20, the warning set, -Werror when KILN_WERROR, asserts in tests.
function(kiln_project_target target)
    target_compile_features(${target} PUBLIC cxx_std_20)
    target_compile_options(${target} PRIVATE
        -Wall -Wextra -Wpedantic -Wshadow -Wconversion
        $<$<BOOL:${KILN_WERROR}>:-Werror>)
    if(KILN_ENABLE_ASSERTS)
        target_compile_definitions(${target} PUBLIC KILN_ENABLE_ASSERTS=1)
    endif()
endfunction()
