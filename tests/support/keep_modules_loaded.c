/* LD_PRELOADed into the tests of the clang ASan + UBSan build (KILN_FUZZ, tools/test.sh's
 * sanitizer stage) and into the programs they start. Mesa's GL driver (and the GL dispatch
 * libraries) are dlopen()ed by SDL and dlclose()d again when the GL context and the video
 * subsystem shut down, before LeakSanitizer runs at exit. LeakSanitizer then sees the driver's
 * process-lifetime allocations with "<unknown module>" frames, which tests/lsan.supp cannot
 * match by library name. Keeping every module loaded (dlclose does nothing) lets the
 * suppressions match Mesa's allocations, while leaks in the project's own code are still
 * reported. Never part of the product. */
#include <stddef.h>

int dlclose(void* handle) {
    (void)handle;
    return 0;
}
