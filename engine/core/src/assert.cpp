// Assertion failure: log the broken precondition and abort so a debugger or test runner sees it.
#include "kiln/core/assert.h"

#include "kiln/core/log.h"

#include <cstdlib>
#include <string>

namespace kiln::core {

void assertFailed(const char* condition, const char* message, const char* file, int line) {
    logError("assert",
             std::string(message) + " (" + condition + ") at " + file + ":" + std::to_string(line));
    std::abort();
}

} // namespace kiln::core
