// Command-line parsing for kilnfire.
#include "kiln/app/options.h"

#include <charconv>
#include <cstdlib>
#include <utility>

namespace kiln::app {
namespace {

// The whole text as a number in [lo, hi], or nothing (trailing characters, NaN, out of range).
template <typename T> std::optional<T> parseNumber(const std::string& text, T lo, T hi) {
    T value{};
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr != end || !(value >= lo && value <= hi)) {
        return std::nullopt;
    }
    return value;
}

std::optional<int> parseInt(const std::string& text, int lo, int hi) {
    return parseNumber<int>(text, lo, hi);
}

std::optional<std::pair<int, int>> parseSize(const std::string& text) {
    const auto x = text.find('x');
    if (x == std::string::npos) {
        return std::nullopt;
    }
    auto w = parseInt(text.substr(0, x), 16, 16384);
    auto h = parseInt(text.substr(x + 1), 16, 16384);
    if (!w || !h) {
        return std::nullopt;
    }
    return std::pair{*w, *h};
}

} // namespace

std::string usageText() {
    return "Usage: kilnfire [options]\n"
           "Kilnfire (窑火): a real-time 3D experience of Jingdezhen's kiln heritage.\n"
           "\n"
           "Options:\n"
           "  --scene ID          open scene ID (a folder of scenes/; default: placeholder):\n"
           "                      egg_kiln, dragon_kiln, gourd_kiln, mantou_kiln,\n"
           "                      imperial_factory, taoxichuan, placeholder\n"
           "  --model FILE        inspect any model file (glTF, GLB, OBJ, PLY, FBX, STL)\n"
           "  --size WxH          window or image size in pixels (default 1280x720)\n"
           "  --fullscreen        borderless fullscreen on the current display\n"
           "  --offscreen         no window: render with SDL's offscreen driver (headless)\n"
           "  --frames N          exit after N frames (with --offscreen: a fixed 1/60 s per "
           "frame)\n"
           "  --screenshot PATH   write the last frame as a PNG\n"
           "  --screenshot-size WxH  render that still offscreen at WxH (e.g. 3840x2160 for\n"
           "                      print), independent of the window; 3D view without overlays\n"
           "  --msaa N            multisample anti-aliasing samples: 0, 2, 4 or 8 (default 4;\n"
           "                      0 on a software rasteriser such as llvmpipe)\n"
           "  --no-ui             hide the overlays (3D view only)\n"
           "  --render-scale S    shade the 3D scene at S (0.25..1) of the window's resolution\n"
           "                      and scale it up: faster on software rendering (default 1)\n"
           "  --viewpoint ID      start at an authored viewpoint of the scene\n"
           "  --cutaway           start with the kiln opened (also key C)\n"
           "  --walk              start in walk mode at eye height (also key V; W/A/S/D move)\n"
           "  --language L        overlays in zh (default) or en at start\n"
           "  --panel P           open a panel at start: diamond, pathways, dashboard (the "
           "firing),\n"
           "                      quiz, comparison (the kilns side by side)\n"
           "                      or hotspot:<id>\n"
           "  --evidence-view     start with parts coloured by evidence class (also key E)\n"
           "  --firing-hours H    start the scene's firing at kiln hour H (0..100)\n"
           "  --check-scenes      validate every scenes/*/scene.json; exit 1 on any error\n"
           "  --check-content     run the content lint on assets/content; exit 1 on findings\n"
           "  --config FILE       the installation's configuration (docs/installations.md): mode,\n"
           "                      scenes, language, depth; a kiosk refuses to start on a broken "
           "file\n"
           "  --hash-pin          read an admin PIN twice from standard input and print the line\n"
           "                      to put in the configuration's admin.pinHash\n"
           "  --export-dir DIR    where key X writes the firing's data (CSV) and key P a still\n"
           "                      (PNG, 1920x1080); default ./kilnfire-export\n"
           "  --script FILE       replay a scripted session (input events, waits, state checks;\n"
           "                      docs/interaction.md) on a virtual clock; exit 3 if a check "
           "fails\n"
           "  --report-frame-times  at exit, print frame times (engine CPU and total, each frame\n"
           "                      finished with glFinish), draw calls, triangles and memory\n"
           "  --version           print the version\n"
           "  --help              print this help\n"
           "\n"
           "Headless example:\n"
           "  kilnfire --offscreen --frames 1 --screenshot shot.png\n"
           "Exit codes: 0 success, 1 runtime failure (for example no OpenGL 3.3), 2 bad options,\n"
           "3 a scripted check failed.\n";
}

core::Result<Options> parseOptions(const std::vector<std::string>& args) {
    Options options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        auto value = [&](const char* what) -> std::optional<std::string> {
            if (i + 1 >= args.size() || args[i + 1].rfind("--", 0) == 0) {
                return std::nullopt;
            }
            (void)what;
            return args[++i];
        };
        auto missing = [&](const char* what) {
            return core::Error{"option " + arg + " needs a value (" + what + ")"};
        };
        if (arg == "--help" || arg == "-h") {
            options.help = true;
        } else if (arg == "--version") {
            options.version = true;
        } else if (arg == "--fullscreen") {
            options.fullscreen = true;
        } else if (arg == "--offscreen") {
            options.offscreen = true;
        } else if (arg == "--no-ui") {
            options.showUi = false;
        } else if (arg == "--cutaway") {
            options.cutaway = true;
        } else if (arg == "--walk") {
            options.walk = true;
        } else if (arg == "--language") {
            auto v = value("zh or en");
            if (!v || (*v != "zh" && *v != "en")) {
                return core::Error{"bad value for --language: '" + v.value_or("") +
                                   "' (expected zh or en)"};
            }
            options.language = *v;
        } else if (arg == "--panel") {
            auto v = value("a panel");
            if (!v || (*v != "diamond" && *v != "pathways" && *v != "dashboard" && *v != "quiz" &&
                       *v != "comparison" && v->rfind("hotspot:", 0) != 0)) {
                return core::Error{"bad value for --panel: '" + v.value_or("") +
                                   "' (expected diamond, pathways, dashboard, quiz, comparison "
                                   "or hotspot:<id>)"};
            }
            options.panel = *v;
        } else if (arg == "--evidence-view") {
            options.evidenceView = true;
        } else if (arg == "--check-scenes") {
            options.checkScenes = true;
        } else if (arg == "--check-content") {
            options.checkContent = true;
        } else if (arg == "--hash-pin") {
            options.hashPin = true;
        } else if (arg == "--config") {
            auto v = value("FILE");
            if (!v || v->empty()) {
                return missing("an installation file");
            }
            options.configPath = *v;
        } else if (arg == "--script") {
            auto v = value("FILE");
            if (!v || v->empty()) {
                return missing("a script file");
            }
            options.scriptPath = *v;
        } else if (arg == "--export-dir") {
            auto v = value("DIR");
            if (!v || v->empty()) {
                return missing("a folder");
            }
            options.exportDir = *v;
        } else if (arg == "--report-frame-times") {
            options.reportFrameTimes = true;
        } else if (arg == "--viewpoint") {
            auto v = value("an id");
            if (!v || v->empty()) {
                return missing("a viewpoint id");
            }
            options.viewpointId = *v;
        } else if (arg == "--render-scale") {
            auto v = value("S");
            if (!v) {
                return missing("a scale from 0.25 to 1");
            }
            auto scale = parseNumber<float>(*v, 0.25f, 1.0f);
            if (!scale) {
                return core::Error{"bad value for --render-scale: '" + *v +
                                   "' (expected a number from 0.25 to 1)"};
            }
            options.renderScale = *scale;
        } else if (arg == "--firing-hours") {
            auto v = value("H");
            if (!v) {
                return missing("kiln hours, 0..100");
            }
            auto hours = parseNumber<double>(*v, 0.0, 100.0);
            if (!hours) {
                return core::Error{"bad value for --firing-hours: '" + *v +
                                   "' (expected kiln hours from 0 to 100)"};
            }
            options.firingHours = *hours;
        } else if (arg == "--scene") {
            auto v = value("a scene id");
            if (!v || v->empty()) {
                return missing("a scene id");
            }
            options.sceneId = *v;
        } else if (arg == "--model") {
            auto v = value("a model file");
            if (!v || v->empty()) {
                return missing("a model file");
            }
            options.modelPath = *v;
        } else if (arg == "--size") {
            auto v = value("WxH");
            if (!v) {
                return missing("WxH, for example 1280x720");
            }
            auto size = parseSize(*v);
            if (!size) {
                return core::Error{"bad value for --size: '" + *v +
                                   "' (expected WxH with each side 16..16384, e.g. 1280x720)"};
            }
            options.width = size->first;
            options.height = size->second;
        } else if (arg == "--screenshot-size") {
            auto v = value("WxH");
            if (!v) {
                return missing("WxH, for example 3840x2160");
            }
            auto size = parseSize(*v);
            if (!size) {
                return core::Error{"bad value for --screenshot-size: '" + *v +
                                   "' (expected WxH with each side 16..16384, e.g. 3840x2160)"};
            }
            options.screenshotWidth = size->first;
            options.screenshotHeight = size->second;
        } else if (arg == "--frames") {
            auto v = value("N");
            if (!v) {
                return missing("a number of frames");
            }
            auto n = parseInt(*v, 1, 100000000);
            if (!n) {
                return core::Error{"bad value for --frames: '" + *v +
                                   "' (expected a whole number >= 1)"};
            }
            options.frames = *n;
        } else if (arg == "--screenshot") {
            auto v = value("PATH");
            if (!v || v->empty()) {
                return missing("a PNG path");
            }
            options.screenshotPath = *v;
        } else if (arg == "--msaa") {
            auto v = value("N");
            if (!v) {
                return missing("0, 2, 4 or 8");
            }
            auto n = parseInt(*v, 0, 8);
            if (!n || (*n != 0 && *n != 1 && *n != 2 && *n != 4 && *n != 8)) {
                return core::Error{"bad value for --msaa: '" + *v + "' (expected 0, 2, 4 or 8)"};
            }
            options.msaaSamples = *n;
        } else {
            return core::Error{"unknown option '" + arg + "' (see kilnfire --help)"};
        }
    }
    return options;
}

} // namespace kiln::app
