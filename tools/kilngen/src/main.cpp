// kilngen command line: validates site descriptions and writes one .glb per site.
//   kilngen [--kilns kilns.json] --out FILE.glb DESCRIPTION.json
//   kilngen [--kilns kilns.json] --out-dir DIR DESCRIPTION.json...   (DIR/<site>.glb)
// On any error it prints "<file>: field <pointer>: <reason>", writes nothing (and removes a stale
// output of that site) and exits 1. Without --kilns it generates but warns: sources unverified.
#include "description.h"
#include "kiln/core/file_io.h"
#include "kiln/core/log.h"
#include "site_builder.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace {

constexpr const char* kModule = "kilngen";

int usage() {
    kiln::core::logError(kModule, "usage: kilngen [--kilns kilns.json] (--out FILE.glb DESC.json | "
                                  "--out-dir DIR DESC.json...)");
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    using namespace kiln;
    std::string kilnsPath, outFile, outDir;
    std::vector<fs::path> inputs;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if ((arg == "--kilns" || arg == "--out" || arg == "--out-dir") && i + 1 < argc) {
            const std::string value = argv[++i];
            (arg == "--kilns" ? kilnsPath : arg == "--out" ? outFile : outDir) = value;
        } else if (!arg.empty() && arg[0] == '-') {
            return usage();
        } else {
            inputs.emplace_back(arg);
        }
    }
    if (inputs.empty() || outFile.empty() == outDir.empty() ||
        (!outFile.empty() && inputs.size() != 1)) {
        return usage();
    }
    nlohmann::json kilns;
    bool haveKilns = false;
    if (!kilnsPath.empty()) {
        auto text = core::readTextFile(kilnsPath);
        if (!text) {
            core::logError(kModule, text.error().message);
            return 1;
        }
        try {
            kilns = nlohmann::json::parse(text.value());
        } catch (const nlohmann::json::parse_error& e) {
            core::logError(kModule, kilnsPath + ": not valid JSON: " + e.what());
            return 1;
        }
        haveKilns = true;
    } else {
        core::logWarning(kModule, "no --kilns file: sources were NOT verified against kilns.json");
    }
    int failures = 0;
    for (const auto& input : inputs) {
        const auto start = std::chrono::steady_clock::now();
        const fs::path out = outFile.empty() ? fs::path(outDir) / (input.stem().string() + ".glb")
                                             : fs::path(outFile);
        auto site = kilngen::loadDescription(input, haveKilns ? &kilns : nullptr);
        core::Result<std::string> glb =
                site ? kilngen::buildSite(site.value()) : core::Result<std::string>(site.error());
        core::Status written;
        if (glb) {
            std::error_code ec;
            fs::create_directories(out.parent_path().empty() ? fs::path(".") : out.parent_path(),
                                   ec);
            written = core::writeFileAtomic(out, glb.value());
        }
        if (!glb || !written) {
            core::logError(kModule, glb ? written.error().message : glb.error().message);
            // Nothing partial and nothing stale: an old output would hide the failure.
            std::error_code ec;
            fs::remove(out, ec);
            ++failures;
            continue;
        }
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                std::chrono::steady_clock::now() - start)
                                .count();
        core::logInfo(kModule, "wrote " + out.string() + " (" + std::to_string(glb.value().size()) +
                                       " bytes, " + std::to_string(ms) + " ms)");
    }
    return failures == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
