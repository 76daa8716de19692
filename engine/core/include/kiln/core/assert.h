// KILN_ASSERT: catches misuse (a broken precondition), not bad data. On in debug builds and tests
// (KILN_ENABLE_ASSERTS); compiled out in Release. Bad data goes through Result instead.
#pragma once

namespace kiln::core {
[[noreturn]] void assertFailed(const char* condition, const char* message, const char* file,
                               int line);
} // namespace kiln::core

#if defined(KILN_ENABLE_ASSERTS) || !defined(NDEBUG)
#define KILN_ASSERT(cond, msg)                                                                     \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            ::kiln::core::assertFailed(#cond, msg, __FILE__, __LINE__);                            \
        }                                                                                          \
    } while (false)
#else
#define KILN_ASSERT(cond, msg)                                                                     \
    do {                                                                                           \
        (void)sizeof(cond);                                                                        \
    } while (false)
#endif
