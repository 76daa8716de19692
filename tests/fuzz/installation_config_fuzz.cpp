// Fuzz target: installation configuration files (docs/installations/*.json) through the
// validator and, when it finds nothing, the parser, as loadInstallationConfig does.
#include "fuzz_support.h"
#include "kiln/app/installation_config.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    kiln::fuzz::silenceLog();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace app = kiln::app;
    const std::string_view text = kiln::fuzz::asText(data, size);
    // The real scene ids, given explicitly so that no run lists folders.
    const std::vector<std::string> scenes = {"placeholder",     "egg_kiln",    "dragon_kiln",
                                             "gourd_kiln",      "mantou_kiln", "taoxichuan",
                                             "imperial_factory"};
    const auto findings = app::validateInstallationConfig(text, "fuzz.json", scenes);
    for (const auto& finding : findings) {
        (void)app::formatConfigFinding(finding);
    }
    if (findings.empty()) {
        (void)app::parseInstallationConfig(text, "fuzz.json", scenes);
    }
    return 0;
}
