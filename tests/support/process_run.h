// Runs a shell command as a test would run the program by hand: its exit code and everything it
// wrote to standard output and error (the command adds "2>&1" where it wants both).
#pragma once

#include <string>

namespace kiln::test {

struct ProcessRun {
    int exitCode = -1; // -1: could not start, or ended by a signal
    std::string output;
};

ProcessRun runCommand(const std::string& command);

} // namespace kiln::test
