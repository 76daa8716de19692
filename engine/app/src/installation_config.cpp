// Reads and validates an installation's JSON file. One pass both checks and fills the struct, so
// the rules in validateInstallationConfig and the values parseInstallationConfig returns cannot
// drift apart. Every finding names the file, the line (best effort: JSON keeps no positions) and
// the field.

#include "kiln/app/installation_config.h"

#include "kiln/app/pin_hash.h"
#include "kiln/core/data_paths.h"
#include "kiln/core/file_io.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <initializer_list>
#include <set>
#include <system_error>

namespace kiln::app {
namespace {

using json = nlohmann::json;

constexpr std::array<std::string_view, 10> kTopFields = {
        "name",  "$comment", "mode",    "scenes", "language",
        "depth", "timeouts", "display", "admin",  "analytics"};
constexpr std::array<std::string_view, 4> kTimeoutFields = {
        "browseSeconds", "firingBrowseSeconds", "countdownSeconds", "attractSceneSeconds"};
constexpr std::array<std::string_view, 2> kDisplayFields = {"index", "fullscreen"};
constexpr std::array<std::string_view, 3> kAdminFields = {"pinHash", "corner", "holdSeconds"};
constexpr std::array<std::string_view, 2> kAnalyticsFields = {"enabled", "folder"};
constexpr std::size_t kMaxNameLength = 120;

// Edit distance, for "did you mean" on unknown fields (names are short).
std::size_t editDistance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        row[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// Concatenation by append (g++ 12 warns -Wrestrict, falsely, on chains of operator+).
std::string cat(std::initializer_list<std::string_view> parts) {
    std::string text;
    for (const std::string_view part : parts) {
        text.append(part);
    }
    return text;
}

std::string formatNumber(double value) {
    std::string text = std::to_string(value);
    while (!text.empty() && text.back() == '0') {
        text.pop_back();
    }
    if (!text.empty() && text.back() == '.') {
        text.pop_back();
    }
    return text;
}

class ConfigReader {
public:
    ConfigReader(std::string_view text, std::string_view fileName,
                 std::vector<std::string> sceneIds)
        : mText(text), mFile(fileName), mSceneIds(std::move(sceneIds)) {}

    std::vector<ConfigFinding> read(InstallationConfig& out) {
        json doc;
        try {
            doc = json::parse(mText);
        } catch (const json::parse_error& e) {
            // e.byte counts the characters read, so the offending one is at e.byte - 1.
            const std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
            std::string what = e.what();
            const std::size_t colon = what.find(": ", what.find("parse error"));
            std::string message = "malformed JSON: ";
            message.append(colon == std::string::npos ? what : what.substr(colon + 2));
            mFindings.push_back({mFile, core::textPositionOf(mText, offset).line, "(syntax)",
                                 std::move(message)});
            return std::move(mFindings);
        } catch (const json::out_of_range& e) {
            // A number past a double's range ("1e400") is out_of_range.406, not a parse_error,
            // and carries no position.
            mFindings.push_back({mFile, 1, "(syntax)", std::string("malformed JSON: ") + e.what()});
            return std::move(mFindings);
        }
        if (!doc.is_object()) {
            add("(root)", "the file must hold one object in { }");
            return std::move(mFindings);
        }
        checkKnownFields(doc, "", kTopFields);
        readName(doc, out);
        readMode(doc, out);
        readScenes(doc, out);
        readLanguageAndDepth(doc, out);
        readTimeouts(doc, out);
        readDisplay(doc, out);
        readAdmin(doc, out);
        readAnalytics(doc, out);
        // In file order for the technician; checks of one line keep their order.
        std::stable_sort(
                mFindings.begin(), mFindings.end(),
                [](const ConfigFinding& a, const ConfigFinding& b) { return a.line < b.line; });
        return std::move(mFindings);
    }

private:
    int lineOf(std::string_view field) const {
        const int line = core::lineOfJsonPath(mText, field);
        return line > 0 ? line : 1; // a missing top-level field: the object starts the file
    }

    void add(std::string_view field, std::string message, int line = 0) {
        mFindings.push_back(
                {mFile, line > 0 ? line : lineOf(field), std::string(field), std::move(message)});
    }

    static std::string join(std::string_view prefix, std::string_view key) {
        std::string path(prefix);
        if (!path.empty()) {
            path.push_back('.');
        }
        path.append(key);
        return path;
    }

    template <std::size_t N>
    void checkKnownFields(const json& object, std::string_view prefix,
                          const std::array<std::string_view, N>& known) {
        for (const auto& [key, value] : object.items()) {
            if (std::find(known.begin(), known.end(), key) != known.end()) {
                continue;
            }
            std::string message = "unknown field";
            std::string_view nearest;
            std::size_t best = 3; // suggest only near misses (at most two edits)
            for (const std::string_view candidate : known) {
                const std::size_t distance = editDistance(key, candidate);
                if (distance < best) {
                    best = distance;
                    nearest = candidate;
                }
            }
            if (!nearest.empty()) {
                message.append(" (did you mean \"").append(nearest).append("\"?)");
            } else {
                message.append(" (known:");
                for (const std::string_view candidate : known) {
                    message.append(" ").append(candidate);
                }
                message.append(")");
            }
            add(join(prefix, key), std::move(message));
        }
    }

    // The member `key` of `object` if present; reports a wrong JSON type.
    const json* member(const json& object, std::string_view prefix, std::string_view key,
                       json::value_t type, std::string_view typeName, bool required = false) {
        const auto it = object.find(key);
        const std::string path = join(prefix, key);
        if (it == object.end()) {
            if (required) {
                std::string message = "missing (required, ";
                message.append(typeName).append(")");
                add(path, std::move(message), prefix.empty() ? 1 : lineOf(prefix));
            }
            return nullptr;
        }
        const bool matches =
                type == json::value_t::number_float
                        ? it->is_number()
                        : (type == json::value_t::number_integer ? it->is_number_integer()
                                                                 : it->type() == type);
        if (!matches) {
            std::string message = "must be ";
            message.append(typeName).append(", not ");
            // "not number" would puzzle for 1.5 where a whole number is wanted: show the value.
            message.append(it->is_number() ? it->dump() : std::string(it->type_name()));
            add(path, std::move(message));
            return nullptr;
        }
        return &*it;
    }

    const json* section(const json& doc, std::string_view key) {
        return member(doc, "", key, json::value_t::object, "an object");
    }

    void readSeconds(const json& object, std::string_view prefix, std::string_view key,
                     double minimum, double maximum, double& out) {
        const json* value =
                member(object, prefix, key, json::value_t::number_float, "a number of seconds");
        if (value == nullptr) {
            return;
        }
        const double seconds = value->get<double>();
        if (!std::isfinite(seconds) || seconds < minimum || seconds > maximum) {
            std::string message = "must be from ";
            message.append(formatNumber(minimum))
                    .append(" to ")
                    .append(formatNumber(maximum))
                    .append(" seconds, not ")
                    .append(formatNumber(seconds));
            add(join(prefix, key), std::move(message));
            return;
        }
        out = seconds;
    }

    void readName(const json& doc, InstallationConfig& out) {
        if (const json* name = member(doc, "", "name", json::value_t::string, "a string")) {
            out.name = name->get<std::string>();
            if (out.name.size() > kMaxNameLength) {
                add("name", "longer than 120 bytes");
            }
        }
        member(doc, "", "$comment", json::value_t::string, "a string");
    }

    void readMode(const json& doc, InstallationConfig& out) {
        const json* mode =
                member(doc, "", "mode", json::value_t::string, "a string", /*required=*/true);
        if (mode == nullptr) {
            mModeKnown = false;
            return;
        }
        const auto parsed = parseMode(mode->get<std::string>());
        if (!parsed) {
            add("mode", cat({"unknown mode \"", mode->get<std::string>(),
                             "\" (kiosk, classroom or exhibition)"}));
            mModeKnown = false;
            return;
        }
        out.mode = *parsed;
    }

    void readScenes(const json& doc, InstallationConfig& out) {
        const json* scenes = member(doc, "", "scenes", json::value_t::array,
                                    "an array of scene ids", /*required=*/true);
        if (scenes == nullptr) {
            return;
        }
        if (scenes->empty()) {
            add("scenes", "empty: list at least one scene id");
            return;
        }
        // Walk the array's text alongside its values, so a repeated id gets its own line.
        std::size_t cursor = positionAfterKey("scenes");
        std::set<std::string> seen;
        for (std::size_t i = 0; i < scenes->size(); ++i) {
            const json& item = (*scenes)[i];
            std::string field = "scenes[";
            field.append(std::to_string(i)).append("]");
            const int line = nextElementLine(cursor, item);
            if (!item.is_string()) {
                add(field, cat({"must be a scene id string, not ", item.type_name()}), line);
                continue;
            }
            const std::string id = item.get<std::string>();
            if (std::find(mSceneIds.begin(), mSceneIds.end(), id) == mSceneIds.end()) {
                std::string message = "unknown scene \"";
                message.append(id).append("\" (scenes:");
                for (const std::string& known : mSceneIds) {
                    message.append(" ").append(known);
                }
                message.append(")");
                add(field, std::move(message), line);
                continue;
            }
            if (!seen.insert(id).second) {
                add(field, cat({"scene \"", id, "\" is listed twice"}), line);
                continue;
            }
            out.scenes.push_back(id);
        }
    }

    // The byte offset just after the top-level key `key` (its opening quote found first).
    std::size_t positionAfterKey(std::string_view key) const {
        std::string quoted(1, '"');
        quoted.append(key).push_back('"');
        const std::size_t at = mText.find(quoted);
        return at == std::string_view::npos ? 0 : at + quoted.size();
    }

    // The line where the next array element starts at or after `cursor`, moving `cursor` past
    // it. Scalars only need to be exact (scene ids); anything else is skipped to the next comma.
    int nextElementLine(std::size_t& cursor, const json& item) const {
        auto skip = [&](std::string_view chars) {
            while (cursor < mText.size() && chars.find(mText[cursor]) != std::string_view::npos) {
                ++cursor;
            }
        };
        skip(" \t\r\n:[,");
        const int line = core::textPositionOf(mText, std::min(cursor, mText.size())).line;
        if (item.is_string() && cursor < mText.size() && mText[cursor] == '"') {
            ++cursor;
            while (cursor < mText.size() && mText[cursor] != '"') {
                cursor += mText[cursor] == '\\' ? 2 : 1;
            }
            ++cursor;
        } else {
            while (cursor < mText.size() && mText[cursor] != ',' && mText[cursor] != ']') {
                ++cursor;
            }
        }
        return line;
    }

    void readLanguageAndDepth(const json& doc, InstallationConfig& out) {
        if (const json* language = member(doc, "", "language", json::value_t::string, "a string")) {
            const auto parsed = content::parseLanguage(language->get<std::string>());
            if (parsed) {
                out.language = *parsed;
            } else {
                add("language",
                    cat({"must be \"zh\" or \"en\", not \"", language->get<std::string>(), "\""}));
            }
        }
        if (const json* depth = member(doc, "", "depth", json::value_t::string, "a string")) {
            const std::string code = depth->get<std::string>();
            if (code == "visitor") {
                out.depth = content::Depth::Visitor;
            } else if (code == "student") {
                out.depth = content::Depth::Student;
            } else {
                add("depth", cat({"must be \"visitor\" or \"student\", not \"", code, "\""}));
            }
        }
    }

    void readTimeouts(const json& doc, InstallationConfig& out) {
        const json* timeouts = section(doc, "timeouts");
        if (timeouts == nullptr) {
            return;
        }
        checkKnownFields(*timeouts, "timeouts", kTimeoutFields);
        IdleTimeouts& t = out.timeouts;
        const std::size_t before = mFindings.size();
        readSeconds(*timeouts, "timeouts", "browseSeconds", kMinBrowseSeconds, kMaxBrowseSeconds,
                    t.browseSeconds);
        const bool browseOk = mFindings.size() == before;
        const std::size_t beforeFiring = mFindings.size();
        readSeconds(*timeouts, "timeouts", "firingBrowseSeconds", kMinBrowseSeconds,
                    kMaxBrowseSeconds, t.firingBrowseSeconds);
        const bool firingOk = mFindings.size() == beforeFiring;
        readSeconds(*timeouts, "timeouts", "countdownSeconds", kMinCountdownSeconds,
                    kMaxCountdownSeconds, t.countdownSeconds);
        readSeconds(*timeouts, "timeouts", "attractSceneSeconds", kMinAttractSceneSeconds,
                    kMaxAttractSceneSeconds, t.attractSceneSeconds);
        if (browseOk && firingOk && t.firingBrowseSeconds < t.browseSeconds) {
            add(timeouts->contains("firingBrowseSeconds") ? "timeouts.firingBrowseSeconds"
                                                          : "timeouts.browseSeconds",
                cat({"the timeout while a firing plays (", formatNumber(t.firingBrowseSeconds),
                     " s) must not be shorter than the browsing one (",
                     formatNumber(t.browseSeconds), " s)"}));
        }
    }

    void readDisplay(const json& doc, InstallationConfig& out) {
        const json* display = section(doc, "display");
        if (display == nullptr) {
            return;
        }
        checkKnownFields(*display, "display", kDisplayFields);
        if (const json* index = member(*display, "display", "index", json::value_t::number_integer,
                                       "a whole number")) {
            const auto value = index->get<long long>();
            if (value < 0 || value > kMaxDisplayIndex) {
                add("display.index", cat({"must be from 0 to 15, not ", std::to_string(value)}));
            } else {
                out.display.index = static_cast<int>(value);
            }
        }
        if (const json* fullscreen = member(*display, "display", "fullscreen",
                                            json::value_t::boolean, "true or false")) {
            out.display.fullscreen = fullscreen->get<bool>();
        }
    }

    void readAdmin(const json& doc, InstallationConfig& out) {
        const json* admin = section(doc, "admin");
        const bool needsPin = mModeKnown && policyOf(out.mode).lockdown;
        if (admin == nullptr) {
            if (needsPin && !doc.contains("admin")) {
                add("admin.pinHash",
                    cat({"missing: a ", modeCode(out.mode),
                         " is locked down, so it needs an admin PIN (kilnfire --hash-pin)"}));
            }
            return;
        }
        checkKnownFields(*admin, "admin", kAdminFields);
        if (const json* hash = member(*admin, "admin", "pinHash", json::value_t::string, "a string",
                                      needsPin)) {
            const std::string problem = pinHashFormatProblem(hash->get<std::string>());
            if (problem.empty()) {
                out.admin.pinHash = hash->get<std::string>();
            } else {
                add("admin.pinHash", problem);
            }
        }
        if (const json* corner =
                    member(*admin, "admin", "corner", json::value_t::string, "a string")) {
            const auto parsed = parseCorner(corner->get<std::string>());
            if (parsed) {
                out.admin.corner = *parsed;
            } else {
                add("admin.corner", cat({"must be top-left, top-right, bottom-left or "
                                         "bottom-right, not \"",
                                         corner->get<std::string>(), "\""}));
            }
        }
        readSeconds(*admin, "admin", "holdSeconds", kMinAdminHoldSeconds, kMaxAdminHoldSeconds,
                    out.admin.holdSeconds);
    }

    void readAnalytics(const json& doc, InstallationConfig& out) {
        const json* analytics = section(doc, "analytics");
        if (analytics == nullptr) {
            return;
        }
        checkKnownFields(*analytics, "analytics", kAnalyticsFields);
        if (const json* enabled = member(*analytics, "analytics", "enabled", json::value_t::boolean,
                                         "true or false")) {
            out.analytics.enabled = enabled->get<bool>();
        }
        if (const json* folder =
                    member(*analytics, "analytics", "folder", json::value_t::string, "a string")) {
            out.analytics.folder = folder->get<std::string>();
        }
        if (out.analytics.enabled && out.analytics.folder.empty() &&
            !(analytics->contains("folder") && !(*analytics)["folder"].is_string())) {
            add("analytics.folder", "required when analytics are enabled: where to store events",
                lineOf(analytics->contains("folder") ? "analytics.folder" : "analytics.enabled"));
        }
    }

    std::string_view mText;
    std::string mFile;
    std::vector<std::string> mSceneIds;
    std::vector<ConfigFinding> mFindings;
    bool mModeKnown = true;
};

std::vector<std::string> sceneIdsOrDefault(std::vector<std::string> sceneIds) {
    return sceneIds.empty() ? availableSceneIds() : sceneIds;
}

} // namespace

std::string_view modeCode(InstallationMode mode) {
    switch (mode) {
        case InstallationMode::Kiosk:
            return "kiosk";
        case InstallationMode::Classroom:
            return "classroom";
        case InstallationMode::Exhibition:
            return "exhibition";
    }
    return "kiosk";
}

std::optional<InstallationMode> parseMode(std::string_view code) {
    for (const InstallationMode mode :
         {InstallationMode::Kiosk, InstallationMode::Classroom, InstallationMode::Exhibition}) {
        if (modeCode(mode) == code) {
            return mode;
        }
    }
    return std::nullopt;
}

ModePolicy policyOf(InstallationMode mode) {
    switch (mode) {
        case InstallationMode::Kiosk:
            return {true, true, true, false};
        case InstallationMode::Classroom:
            // A teacher drives: nothing resets under them and they may close the program.
            return {false, false, false, true};
        case InstallationMode::Exhibition:
            // Unattended most of the day like a kiosk, but staff present with a clicker.
            return {true, true, true, true};
    }
    return {true, true, true, false};
}

std::string_view cornerCode(ScreenCorner corner) {
    switch (corner) {
        case ScreenCorner::TopLeft:
            return "top-left";
        case ScreenCorner::TopRight:
            return "top-right";
        case ScreenCorner::BottomLeft:
            return "bottom-left";
        case ScreenCorner::BottomRight:
            return "bottom-right";
    }
    return "top-right";
}

std::optional<ScreenCorner> parseCorner(std::string_view code) {
    for (const ScreenCorner corner : {ScreenCorner::TopLeft, ScreenCorner::TopRight,
                                      ScreenCorner::BottomLeft, ScreenCorner::BottomRight}) {
        if (cornerCode(corner) == code) {
            return corner;
        }
    }
    return std::nullopt;
}

std::string formatConfigFinding(const ConfigFinding& finding) {
    std::string text = finding.file;
    text.push_back(':');
    text.append(std::to_string(finding.line));
    text.append(": ");
    text.append(finding.field);
    text.append(": ");
    text.append(finding.message);
    return text;
}

std::vector<ConfigFinding> validateInstallationConfig(std::string_view text,
                                                      std::string_view fileName,
                                                      std::vector<std::string> sceneIds) {
    InstallationConfig ignored;
    return ConfigReader(text, fileName, sceneIdsOrDefault(std::move(sceneIds))).read(ignored);
}

core::Result<InstallationConfig> parseInstallationConfig(std::string_view text,
                                                         std::string_view fileName,
                                                         std::vector<std::string> sceneIds) {
    InstallationConfig config;
    const std::vector<ConfigFinding> findings =
            ConfigReader(text, fileName, sceneIdsOrDefault(std::move(sceneIds))).read(config);
    if (findings.empty()) {
        return config;
    }
    std::string message = "installation config ";
    message.append(fileName)
            .append(" has ")
            .append(std::to_string(findings.size()))
            .append(findings.size() == 1 ? " problem" : " problems")
            .append("; the program will not start on it:");
    for (const ConfigFinding& finding : findings) {
        message.append("\n  ").append(formatConfigFinding(finding));
    }
    return core::Error{std::move(message)};
}

core::Result<InstallationConfig> loadInstallationConfig(const std::filesystem::path& path) {
    auto text = core::readTextFile(path);
    if (!text.ok()) {
        std::string message = "installation config: ";
        message.append(text.error().message).append("; the program will not start without it");
        return core::Error{std::move(message)};
    }
    auto config = parseInstallationConfig(text.value(), path.string());
    if (config.ok() && !config->analytics.folder.empty()) {
        // A relative folder is beside the config file, wherever the program was started from.
        const std::filesystem::path folder(config->analytics.folder);
        if (folder.is_relative()) {
            config->analytics.folder = (path.parent_path() / folder).lexically_normal().string();
        }
    }
    return config;
}

std::vector<std::string> availableSceneIds() {
    std::vector<std::string> ids;
    std::error_code error;
    const std::filesystem::path root = core::dataPath("scenes");
    for (const auto& entry : std::filesystem::directory_iterator(root, error)) {
        if (entry.is_directory(error) && std::filesystem::exists(entry.path() / "scene.json")) {
            ids.push_back(entry.path().filename().string());
        }
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace kiln::app
