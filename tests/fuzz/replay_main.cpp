// A main for the fuzz targets in builds without libFuzzer (g++, the sanitizer build): runs every
// file given, and every file under every folder given, once through LLVMFuzzerTestOneInput, in
// sorted order, naming each before it runs so that a crash names its input. This is how the
// regression inputs and the seed corpus are replayed by CTest in every build. An input that runs
// longer than kHangSeconds is a hang (libFuzzer's -timeout), reported by name.
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv);
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

constexpr unsigned kHangSeconds = 60; // generous: sanitizer builds on a busy 2-core machine

void onAlarm(int) {
    constexpr char kMessage[] = "replay: the input above ran for over 60 s: a hang\n";
    (void)!::write(2, kMessage, sizeof kMessage - 1);
    ::_exit(1);
}

} // namespace

int main(int argc, char** argv) {
    std::signal(SIGALRM, onAlarm);
    LLVMFuzzerInitialize(&argc, &argv);
    std::vector<std::filesystem::path> files;
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path arg = argv[i];
        std::error_code ec;
        if (std::filesystem::is_directory(arg, ec)) {
            for (const auto& entry : std::filesystem::recursive_directory_iterator(arg, ec)) {
                if (entry.is_regular_file(ec)) {
                    files.push_back(entry.path());
                }
            }
        } else if (std::filesystem::is_regular_file(arg, ec)) {
            files.push_back(arg);
        } else {
            // A target with no regression yet has no folder (git keeps no empty folders).
            std::fprintf(stderr, "replay: %s: nothing there, skipped\n", argv[i]);
        }
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        std::fprintf(stderr, "replay: %s\n", file.string().c_str());
        std::fflush(stderr);
        std::ifstream in(file, std::ios::binary);
        const std::vector<char> bytes{std::istreambuf_iterator<char>(in),
                                      std::istreambuf_iterator<char>()};
        ::alarm(kHangSeconds);
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
        ::alarm(0);
    }
    std::fprintf(stderr, "replay: %zu inputs ran without a crash\n", files.size());
    return 0;
}
