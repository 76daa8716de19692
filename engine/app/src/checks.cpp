// Scene and content checks for `kilnfire --check-scenes` / `--check-content`.
#include "kiln/app/checks.h"

#include "kiln/content/content.h"
#include "kiln/core/data_paths.h"
#include "kiln/scene/scene_description.h"
#include "kiln/sim/firing_data.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <system_error>
#include <vector>

namespace kiln::app {

int checkScenes() {
    const auto root = core::dataRoot();
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(root / "scenes", ec)) {
        if (entry.is_directory()) {
            files.push_back(entry.path() / "scene.json");
        }
    }
    std::sort(files.begin(), files.end());
    auto content = content::loadContent(content::defaultContentRoot(), {false});
    int problems = 0;
    auto report = [&](const std::string& line) {
        std::fprintf(stderr, "%s\n", line.c_str());
        ++problems;
    };
    for (const auto& file : files) {
        auto scene = scene::loadSceneFile(file, root);
        if (!scene) {
            report(scene.error().message);
            continue;
        }
        const std::string where = file.string() + ": ";
        if (scene->id != file.parent_path().filename().string()) {
            report(where + "field 'id': '" + scene->id + "' differs from the folder name '" +
                   file.parent_path().filename().string() + "'");
        }
        if (!std::filesystem::is_regular_file(scene->modelPath, ec)) {
            report(where + "field 'model': " + scene->modelPath.string() +
                   " does not exist (generated models appear after the build)");
        }
        if (scene->firing) {
            if (auto s = sim::loadSchedule(scene->firing->schedule); !s) {
                report(where + "field 'firing.schedule': " + s.error().message);
            }
        }
        for (std::size_t i = 0; i < scene->hotspots.size(); ++i) {
            if (content.library.findHotspot(scene->hotspots[i].id) == nullptr) {
                report(where + "field 'hotspots[" + std::to_string(i) + "].id': '" +
                       scene->hotspots[i].id + "' is not a hotspot of assets/content");
            }
        }
        if (content.library.findScene(scene->id) == nullptr && scene->id != "placeholder") {
            report(where + "scene '" + scene->id +
                   "' has no content file in assets/content/scenes");
        }
    }
    std::printf("checked %zu scene files: %d problem(s)\n", files.size(), problems);
    return problems == 0 ? 0 : 1;
}

int checkContent() {
    const auto findings = content::checkContent(content::defaultContentRoot());
    for (const auto& finding : findings) {
        std::fprintf(stderr, "%s\n", content::formatFinding(finding).c_str());
    }
    std::printf("content check: %zu finding(s)\n", findings.size());
    return findings.empty() ? 0 : 1;
}

} // namespace kiln::app
