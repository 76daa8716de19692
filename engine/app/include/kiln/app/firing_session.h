// FiringSession: a firing of the simulation that drives a kiln scene. Loads the schedule, kiln
// parameters and loading plan, advances kiln time at a chosen speed from the app's fixed steps,
// and turns kiln temperatures into render parameters: blackbody glow of each saggar row and of
// the walls, and the firebox light. The translation from sim to render lives here, in the app,
// because render never sees sim.
#pragma once

#include "kiln/core/result.h"
#include "kiln/render/renderer.h"
#include "kiln/sim/blackbody.h"
#include "kiln/sim/firing_run.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace kiln::app {

class FiringSession {
public:
    // Errors name the file, line and field of the bad data file.
    static core::Result<std::unique_ptr<FiringSession>> load(const std::filesystem::path& schedule);

    // Advances kiln time by dtSeconds of real time times the speed (several 60 s sim steps at
    // high speed; at most maxSteps per call so a frame never stalls).
    void update(double realSeconds, int maxSteps = 400);
    // Jumps to kiln hour h by running the firing (for screenshots and the scrub control).
    void runToHours(double hours);
    // Moves to kiln hour h forwards or backwards: back, the deterministic firing is run again
    // from the start with the player's commands given before h (later ones are forgotten).
    void seekHours(double hours);
    // A firing-master command (stoke, mouth, damper...), applied now and logged for replays.
    void command(sim::CommandKind kind, double amount);
    // Called after every simulation step (e.g. to record the history for the dashboard).
    void setStepObserver(std::function<void()> observer) { mObserver = std::move(observer); }
    void setSpeed(double kilnSecondsPerRealSecond) { mSpeed = kilnSecondsPerRealSecond; }
    void setPlaying(bool playing) { mPlaying = playing; }
    bool playing() const { return mPlaying; }
    double speed() const { return mSpeed; }

    const sim::FiringRun& run() const { return *mRun; }
    const sim::KilnModel& model() const { return *mModel; }

    // Mean setting temperature of the rows between fractions [from, to) of the kiln's length.
    double settingTemperatureC(double fromFraction, double toFraction) const;
    // Mean inner-face temperature of the chamber walls.
    double wallTemperatureC() const;
    // Linear HDR radiance of glowing material at a temperature (blackbody colour and luminance).
    glm::vec3 glowRadiance(double temperatureC) const;
    // Radiance for saggar row `rowFraction` (0 front .. 1 rear) of the setting.
    glm::vec3 rowGlow(double rowFraction) const;
    // Luminance of the brightest row's glow (the largest rowGlow, as the renderer's luminance),
    // for exposing a view into the opened kiln.
    float hottestGlowLuminance() const;
    // The firebox light: colour and intensity from the gas temperature there.
    render::PointLight fireboxLight(const glm::vec3& positionM) const;

private:
    // Mean of a setting row's upper and lower placements.
    double rowTemperatureC(int row) const;

    std::unique_ptr<sim::KilnModel> mModel;
    std::unique_ptr<sim::FiringRun> mRun;
    sim::FiringSchedule mSchedule;             // as loaded, for replays
    sim::KilnState mWarmStart;                 // the state at lighting, for replays
    std::vector<sim::PlayerCommand> mCommands; // the player's commands, in kiln time
    std::function<void()> mObserver;
    sim::GlowTable mGlow;
    double mSpeed = 600.0; // one kiln hour in six seconds
    double mPendingSeconds = 0.0;
    bool mPlaying = true;
};

} // namespace kiln::app
