# KILN_FUZZ: the fuzzing build (docs/hardening.md). clang only: every target of the project is
# compiled with libFuzzer's coverage (-fsanitize=fuzzer-no-link) plus AddressSanitizer and
# UndefinedBehaviorSanitizer; tests/fuzz links its targets with libFuzzer itself.
#   CC=clang CXX=clang++ cmake -S . -B build-fuzz -DKILN_FUZZ=ON   (tools/fuzz.sh does this)
# Compiled libraries from Debian (Assimp above all) are not instrumented: ASan sees their heap
# only through malloc/free and the string functions, and libFuzzer gets no coverage from inside
# them. Header-only nlohmann-json is compiled into our code, so it is instrumented.
option(KILN_FUZZ "Build the libFuzzer targets (clang only) with ASan + UBSan" OFF)
if(KILN_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "KILN_FUZZ needs clang: "
                "CC=clang CXX=clang++ cmake -S . -B build-fuzz -DKILN_FUZZ=ON")
    endif()
    # -O1 and line tables only: fast to build, fast enough to fuzz, stacks with file:line.
    # NDEBUG off and libstdc++'s assertions on, so that nlohmann-json's own asserts and
    # out-of-range operator[] abort the run instead of reading past the end.
    add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
            -fno-omit-frame-pointer -O1 -gline-tables-only -UNDEBUG -D_GLIBCXX_ASSERTIONS)
    add_link_options(-fsanitize=address,undefined)
endif()
