// Fuzz target: the firing data files (assets/firings/*.json and orton_cones.csv). The same input
// goes through every parser of sim/firing_data.h, so one corpus of real files serves them all.
#include "fuzz_support.h"
#include "kiln/sim/firing_data.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    kiln::fuzz::silenceLog();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace sim = kiln::sim;
    const std::string_view text = kiln::fuzz::asText(data, size);
    const std::string name = "fuzz.json";
    (void)sim::parseKilnParams(text, name);
    (void)sim::parseSchedule(text, name);
    // Row counts of the real kilns (egg 12 rows, dragon 40) and the degenerate ones.
    for (const int rows : {0, 1, 12, 40}) {
        (void)sim::parseLoadingPlan(text, name, rows);
    }
    (void)sim::parseHeatwork(text, name);
    (void)sim::parseCommands(text, name);
    (void)sim::parseOrtonCsv(text, "fuzz.csv");
    (void)sim::locateJsonPath(text, {"phases", "0", "startHours"});
    return 0;
}
