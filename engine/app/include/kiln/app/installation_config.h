// One installation's configuration (docs/installations.md): the mode, the scenes and their order,
// the default language and depth, idle timeouts, display, admin PIN hash and analytics settings,
// read from one JSON file and validated completely (every finding with file, line and field).
// Does NOT open windows, start timers or write analytics; the app does, from this plain data.
#pragma once

#include "kiln/content/language.h"
#include "kiln/core/result.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiln::app {

enum class InstallationMode { Kiosk, Classroom, Exhibition };

// "kiosk" / "classroom" / "exhibition": the values in the file.
std::string_view modeCode(InstallationMode mode);
std::optional<InstallationMode> parseMode(std::string_view code);

// What each mode switches on (docs/installations.md, "Modes").
struct ModePolicy {
    bool idleReset = false;     // two-tier idle timeout, then a full reset
    bool attractLoop = false;   // automatic tour while nobody is there
    bool lockdown = false;      // quit keys and the close button do nothing (admin gesture only)
    bool presenterKeys = false; // arrows, PageUp/PageDown, B, number keys
};
ModePolicy policyOf(InstallationMode mode);

enum class ScreenCorner { TopLeft, TopRight, BottomLeft, BottomRight };
std::string_view cornerCode(ScreenCorner corner); // "top-left", ...
std::optional<ScreenCorner> parseCorner(std::string_view code);

struct IdleTimeouts {
    double browseSeconds = 60.0;        // no touch for this long: "still there?"
    double firingBrowseSeconds = 180.0; // the same while a firing is playing
    double countdownSeconds = 15.0;     // the "still there?" countdown before the reset
    double attractSceneSeconds = 45.0;  // time per scene in the attract tour
};

struct DisplaySettings {
    int index = 0; // SDL display index
    bool fullscreen = true;
};

struct AdminSettings {
    std::string pinHash; // pin_hash.h's stored form; never a PIN in clear
    ScreenCorner corner = ScreenCorner::TopRight;
    double holdSeconds = 3.0;
};

struct AnalyticsSettings {
    bool enabled = false;
    std::string folder; // where the app stores event files; required when enabled
};

struct InstallationConfig {
    std::string name; // for the technician's logs, e.g. "Ceramic Museum hall 2, kiosk A"
    InstallationMode mode = InstallationMode::Kiosk;
    std::vector<std::string> scenes; // scene ids in tour order; the first is the start scene
    content::Language language = content::Language::Zh;
    content::Depth depth = content::Depth::Visitor;
    IdleTimeouts timeouts;
    DisplaySettings display;
    AdminSettings admin;
    AnalyticsSettings analytics;
};

// Allowed ranges, inclusive (also in docs/installations.md).
inline constexpr double kMinBrowseSeconds = 15.0;
inline constexpr double kMaxBrowseSeconds = 1800.0;
inline constexpr double kMinCountdownSeconds = 5.0;
inline constexpr double kMaxCountdownSeconds = 120.0;
inline constexpr double kMinAttractSceneSeconds = 10.0;
inline constexpr double kMaxAttractSceneSeconds = 600.0;
inline constexpr double kMinAdminHoldSeconds = 2.0;
inline constexpr double kMaxAdminHoldSeconds = 10.0;
inline constexpr int kMaxDisplayIndex = 15;

struct ConfigFinding {
    std::string file;  // as given to the validator
    int line = 0;      // 1-based; 0 when the file is missing or unreadable
    std::string field; // JSON path such as "timeouts.browseSeconds", "(file)", "(syntax)"
    std::string message;
};

// "kiosk.json:12: timeouts.browseSeconds: must be from 15 to 1800 seconds".
std::string formatConfigFinding(const ConfigFinding& finding);

// Every problem in `text` (not just the first). `sceneIds` are the scenes that exist; empty
// means the folders under core::dataPath("scenes").
std::vector<ConfigFinding> validateInstallationConfig(std::string_view text,
                                                      std::string_view fileName,
                                                      std::vector<std::string> sceneIds = {});

// Reads, validates and returns the config; on any finding the error lists all of them, one per
// line, so the program can refuse to start rather than guess.
core::Result<InstallationConfig> loadInstallationConfig(const std::filesystem::path& path);

// Parses already-validated text (validateInstallationConfig gave no findings).
core::Result<InstallationConfig> parseInstallationConfig(std::string_view text,
                                                         std::string_view fileName,
                                                         std::vector<std::string> sceneIds = {});

// The scene ids present under core::dataPath("scenes") (folders holding a scene.json), sorted.
std::vector<std::string> availableSceneIds();

} // namespace kiln::app
