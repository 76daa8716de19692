// Process memory from /proc/self (Linux).
#include "kiln/core/process_stats.h"

#include <unistd.h>

#include <cstdio>
#include <cstring>

namespace kiln::core {

std::size_t residentMemoryBytes() {
    std::FILE* file = std::fopen("/proc/self/statm", "r");
    if (file == nullptr) {
        return 0;
    }
    unsigned long sizePages = 0;
    unsigned long residentPages = 0;
    const int read = std::fscanf(file, "%lu %lu", &sizePages, &residentPages);
    std::fclose(file);
    const long pageBytes = sysconf(_SC_PAGESIZE);
    if (read != 2 || pageBytes <= 0) {
        return 0;
    }
    return static_cast<std::size_t>(residentPages) * static_cast<std::size_t>(pageBytes);
}

std::size_t peakResidentMemoryBytes() {
    std::FILE* file = std::fopen("/proc/self/status", "r");
    if (file == nullptr) {
        return 0;
    }
    char line[256];
    std::size_t kib = 0;
    while (std::fgets(line, sizeof line, file) != nullptr) {
        unsigned long value = 0;
        if (std::strncmp(line, "VmHWM:", 6) == 0 && std::sscanf(line + 6, "%lu", &value) == 1) {
            kib = value;
            break;
        }
    }
    std::fclose(file);
    return kib * 1024u;
}

} // namespace kiln::core
