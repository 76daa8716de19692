// Process memory as the operating system sees it (Linux /proc/self), for the soak test and the
// performance figures. Does NOT track allocations itself; 0 where /proc is not available.
#pragma once

#include <cstddef>

namespace kiln::core {

// Resident set size now (pages in RAM, shared libraries and driver mappings included), in bytes;
// from /proc/self/statm. 0 when it cannot be read.
std::size_t residentMemoryBytes();

// The highest resident set size of the process so far (VmHWM in /proc/self/status), in bytes;
// 0 when it cannot be read.
std::size_t peakResidentMemoryBytes();

} // namespace kiln::core
