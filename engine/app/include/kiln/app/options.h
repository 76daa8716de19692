// Command-line options of the kilnfire program. Parsing is pure (no SDL, no GL) so it is tested
// directly; an unknown option or a bad value gives a one-line error naming it (exit code 2).
#pragma once

#include "kiln/core/result.h"

#include <optional>
#include <string>
#include <vector>

namespace kiln::app {

struct Options {
    std::string sceneId = "placeholder";
    std::string modelPath; // --model FILE: inspect any model instead of a scene
    int width = 1280;
    int height = 720;
    bool fullscreen = false;
    bool offscreen = false;
    int frames = 0; // 0: run until closed
    std::string screenshotPath;
    int screenshotWidth = 0; // --screenshot-size: render the still offscreen at this size
    int screenshotHeight = 0;
    float renderScale = 1.0f; // --render-scale: shade the scene at this fraction of the size
    int msaaSamples = -1;     // -1: automatic (4, or 0 on a software rasteriser where it costs 10x)
    double firingHours = -1.0; // --firing-hours: start the scene's firing at this kiln hour
    bool cutaway = false;      // --cutaway: open the kiln at start
    bool walk = false;
    std::string language; // --language zh|en: the overlays' language at start
    std::string panel;    // --panel diamond|pathways|hotspot:<id>: open at start         // --walk:
                          // start in walk mode at eye height
    bool evidenceView = false; // --evidence-view: colour parts by evidence class at start
    std::string viewpointId;   // --viewpoint: start at this authored viewpoint
    bool checkScenes = false;  // --check-scenes: validate every scene file and exit
    bool checkContent = false; // --check-content: run the content lint and exit
    std::string configPath;    // --config FILE: the installation's configuration
    bool hashPin = false;      // --hash-pin: read a PIN twice from stdin, print its stored hash
    std::string scriptPath;    // --script FILE: replay a scripted session, then exit
    std::string exportDir = "kilnfire-export"; // --export-dir: CSV and PNG exports (keys X, P)
    bool reportFrameTimes = false; // --report-frame-times: print frame-time statistics at exit
    bool showUi = true;
    bool help = false;
    bool version = false;
};

// Parses argv[1..]; the error message is one line naming the option or value.
core::Result<Options> parseOptions(const std::vector<std::string>& args);

// The --help text.
std::string usageText();

} // namespace kiln::app
