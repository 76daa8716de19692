// Parser of the scripted-session format (input_script.h).
#include "kiln/app/input_script.h"

#include "kiln/core/file_io.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <sstream>

namespace kiln::app {
namespace {

struct OpSpec {
    std::string_view name;
    ScriptOp op;
    int numbers; // numeric arguments
    int words;   // word arguments after the numbers (-1: one word then the rest of the line)
};

constexpr OpSpec kOps[] = {
        {"frames", ScriptOp::Frames, 1, 0},
        {"wait", ScriptOp::Wait, 1, 0},
        {"tap", ScriptOp::Tap, 2, 0},
        {"press", ScriptOp::Press, 2, 0},
        {"move", ScriptOp::Move, 2, 0},
        {"release", ScriptOp::Release, 2, 0},
        {"click", ScriptOp::Click, 2, 0},
        {"tap-target", ScriptOp::TapTarget, 0, 1},
        {"key", ScriptOp::Key, 0, -1},
        {"quit", ScriptOp::Quit, 0, 0},
        {"close", ScriptOp::Close, 0, 0},
        {"screenshot", ScriptOp::Screenshot, 0, 1},
        {"expect", ScriptOp::Expect, 0, 2},
        {"sample", ScriptOp::Sample, 0, 0},
        {"mark", ScriptOp::Mark, 0, 0},
        {"expect-changed", ScriptOp::ExpectChanged, 0, 1},
        {"expect-same", ScriptOp::ExpectSame, 0, 1},
        {"copy", ScriptOp::Copy, 0, 2},
};

core::Error errorAt(std::string_view file, int line, const std::string& problem) {
    std::string message(file);
    message.append(":").append(std::to_string(line)).append(": ").append(problem);
    return core::Error{message};
}

bool parseNumber(const std::string& word, double& out) {
    char* end = nullptr;
    out = std::strtod(word.c_str(), &end);
    return end != word.c_str() && *end == '\0' && std::isfinite(out);
}

} // namespace

const std::vector<std::string_view>& scriptStateNames() {
    static const std::vector<std::string_view> names = {
            "idle",          "scene",           "language",      "depth",         "card",
            "diamond",       "admin",           "blank",         "running",       "tour.stop",
            "touring",       "firing.playing",  "explored",      "events",        "sessions",
            "quiz.score",    "dashboard",       "camera.yaw",    "camera.pitch",  "camera.distance",
            "camera.target", "content.reloads", "scene.reloads", "card.title.en", "card.title.zh",
            "analytics",     "start.language"};
    return names;
}

core::Result<InputScript> parseInputScript(std::string_view text, std::string_view fileName) {
    InputScript script;
    script.fileName = std::string(fileName);
    std::istringstream in{std::string(text)};
    std::string raw;
    int lineNo = 0;
    // Open "repeat" blocks: where their commands start and how many times they run.
    struct Block {
        std::size_t firstCommand;
        long count;
        int line;
    };
    std::vector<Block> blocks;
    constexpr std::size_t kMaxCommands = 5'000'000; // a runaway nest of repeats
    while (std::getline(in, raw)) {
        ++lineNo;
        if (const auto hash = raw.find('#'); hash != std::string::npos) {
            raw.erase(hash);
        }
        std::istringstream words(raw);
        std::vector<std::string> parts;
        for (std::string w; words >> w;) {
            parts.push_back(w);
        }
        if (parts.empty()) {
            continue;
        }
        if (parts[0] == "repeat") {
            double n = 0.0;
            if (parts.size() != 2 || !parseNumber(parts[1], n) || n < 1.0 || n > 1.0e6 ||
                n != std::floor(n)) {
                return errorAt(fileName, lineNo, "repeat takes a whole number from 1");
            }
            blocks.push_back({script.commands.size(), static_cast<long>(n), lineNo});
            continue;
        }
        if (parts[0] == "end") {
            if (blocks.empty() || parts.size() != 1) {
                return errorAt(fileName, lineNo, "end without repeat");
            }
            const Block block = blocks.back();
            blocks.pop_back();
            const std::vector<ScriptCommand> body(
                    script.commands.begin() + static_cast<std::ptrdiff_t>(block.firstCommand),
                    script.commands.end());
            if (body.size() * static_cast<std::size_t>(block.count) > kMaxCommands) {
                return errorAt(fileName, block.line, "repeat makes too many commands");
            }
            for (long i = 1; i < block.count; ++i) {
                script.commands.insert(script.commands.end(), body.begin(), body.end());
            }
            continue;
        }
        const auto spec = std::find_if(std::begin(kOps), std::end(kOps),
                                       [&](const OpSpec& s) { return s.name == parts[0]; });
        if (spec == std::end(kOps)) {
            return errorAt(fileName, lineNo, "unknown command '" + parts[0] + "'");
        }
        ScriptCommand cmd;
        cmd.op = spec->op;
        cmd.line = lineNo;
        int given = static_cast<int>(parts.size()) - 1;
        const bool fingerOp = cmd.op == ScriptOp::Press || cmd.op == ScriptOp::Move ||
                              cmd.op == ScriptOp::Release;
        cmd.numbers[2] = 1.0; // finger 1 unless given
        if (fingerOp && given == 3) {
            double finger = 0.0;
            if (!parseNumber(parts[3], finger) || finger < 1.0 || finger > 9.0 ||
                finger != std::floor(finger)) {
                return errorAt(fileName, lineNo, "a finger is a whole number from 1 to 9");
            }
            cmd.numbers[2] = finger;
            given = 2;
        }
        // expect NAME VALUE: the value is the rest of the line (a title has spaces).
        if (cmd.op == ScriptOp::Expect && given > 2) {
            for (std::size_t i = 3; i < parts.size(); ++i) {
                parts[2].append(" ").append(parts[i]);
            }
            parts.resize(3);
            given = 2;
        }
        if (spec->words >= 0 && given != spec->numbers + spec->words) {
            std::string problem(spec->name);
            problem.append(" takes ")
                    .append(std::to_string(spec->numbers + spec->words))
                    .append(" argument(s), got ")
                    .append(std::to_string(given));
            return errorAt(fileName, lineNo, problem);
        }
        if (spec->words < 0 && given < 1) {
            return errorAt(fileName, lineNo, "key needs a key name");
        }
        for (int i = 0; i < spec->numbers; ++i) {
            double v = 0.0;
            if (!parseNumber(parts[static_cast<std::size_t>(i) + 1], v)) {
                return errorAt(fileName, lineNo,
                               "'" + parts[static_cast<std::size_t>(i) + 1] +
                                       "' is not a finite number");
            }
            cmd.numbers[i] = v;
        }
        switch (cmd.op) {
            case ScriptOp::Frames:
                if (cmd.numbers[0] < 1.0 || cmd.numbers[0] > 1.0e7 ||
                    cmd.numbers[0] != std::floor(cmd.numbers[0])) {
                    return errorAt(fileName, lineNo, "frames must be a whole number from 1");
                }
                break;
            case ScriptOp::Wait:
                if (cmd.numbers[0] <= 0.0 || cmd.numbers[0] > 7.0 * 86400.0) {
                    return errorAt(fileName, lineNo, "wait must be from 0 to a week in seconds");
                }
                break;
            case ScriptOp::Tap:
            case ScriptOp::Press:
            case ScriptOp::Move:
            case ScriptOp::Release:
            case ScriptOp::Click:
                if (cmd.numbers[0] < 0.0 || cmd.numbers[1] < 0.0 || cmd.numbers[0] > 16384.0 ||
                    cmd.numbers[1] > 16384.0) {
                    return errorAt(fileName, lineNo, "a position must be inside the window");
                }
                break;
            case ScriptOp::Key:
                cmd.text = parts[1];
                for (std::size_t i = 2; i < parts.size(); ++i) {
                    if (parts[i] != "alt" && parts[i] != "ctrl" && parts[i] != "shift") {
                        return errorAt(fileName, lineNo,
                                       "unknown key modifier '" + parts[i] +
                                               "' (alt, ctrl or shift)");
                    }
                    cmd.value.append(parts[i]).append(" ");
                }
                break;
            case ScriptOp::TapTarget:
            case ScriptOp::Screenshot:
                cmd.text = parts[1];
                break;
            case ScriptOp::Copy:
                cmd.text = parts[1];
                cmd.value = parts[2];
                break;
            case ScriptOp::ExpectChanged:
            case ScriptOp::ExpectSame: {
                cmd.text = parts[1];
                const auto& names = scriptStateNames();
                if (std::find(names.begin(), names.end(), cmd.text) == names.end()) {
                    return errorAt(fileName, lineNo, "unknown state '" + cmd.text + "'");
                }
                break;
            }
            case ScriptOp::Expect: {
                cmd.text = parts[1];
                cmd.value = parts[2];
                const auto& names = scriptStateNames();
                if (std::find(names.begin(), names.end(), cmd.text) == names.end()) {
                    return errorAt(fileName, lineNo, "unknown state '" + cmd.text + "'");
                }
                break;
            }
            case ScriptOp::Quit:
            case ScriptOp::Close:
            case ScriptOp::Sample:
            case ScriptOp::Mark:
                break;
        }
        script.commands.push_back(std::move(cmd));
    }
    if (!blocks.empty()) {
        return errorAt(fileName, blocks.back().line, "repeat without end");
    }
    return script;
}

core::Result<InputScript> loadInputScript(const std::filesystem::path& path) {
    auto text = core::readTextFile(path);
    if (!text) {
        return text.error();
    }
    return parseInputScript(text.value(), path.string());
}

} // namespace kiln::app
