// kilnfire: the program's entry point. Parses the options and hands over to the app; the
// `report` subcommand (analytics for curators) is dispatched before the options are parsed.
#include "kiln/app/analytics_report.h"
#include "kiln/app/app.h"
#include "kiln/app/options.h"
#include "kiln/core/log.h"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    if (const char* level = std::getenv("KILN_LOG_LEVEL"); level != nullptr) {
        const std::string name = level;
        kiln::core::setMinLogLevel(name == "debug"     ? kiln::core::LogLevel::Debug
                                   : name == "warning" ? kiln::core::LogLevel::Warning
                                   : name == "error"   ? kiln::core::LogLevel::Error
                                                       : kiln::core::LogLevel::Info);
    }
    if (argc >= 2 && std::string(argv[1]) == "report") {
        return kiln::app::runReportCommand(std::vector<std::string>(argv + 2, argv + argc));
    }
    std::vector<std::string> args(argv + 1, argv + argc);
    auto options = kiln::app::parseOptions(args);
    if (!options) {
        std::fprintf(stderr, "kilnfire: %s\n", options.error().message.c_str());
        return 2;
    }
    if (options->help) {
        std::fputs(kiln::app::usageText().c_str(), stdout);
        return 0;
    }
    if (options->version) {
        std::printf("kilnfire %s\n", KILN_VERSION);
        return 0;
    }
    return kiln::app::run(options.value());
}
