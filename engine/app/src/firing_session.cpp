// Firing session: loading, pacing, and sim-to-render translation.
#include "kiln/app/firing_session.h"

#include "kiln/core/data_paths.h"
#include "kiln/sim/firing_data.h"

#include <algorithm>
#include <cmath>

namespace kiln::app {
namespace {

// A reference file named inside a schedule: absolute, or relative to the data root.
std::filesystem::path resolve(const std::string& reference) {
    return core::resolveDataReference(reference, core::dataRoot());
}

// Scale from the blackbody's luminance relative to 1000 K to the renderer's radiance units:
// chosen so that dull red heat (about 700 C) reads as a faint glow in a dark kiln and white heat
// (1300 C) clearly exceeds the bloom threshold.
constexpr double kGlowScale = 0.015;

float srgbToLinear(float c) {
    return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f);
}

} // namespace

core::Result<std::unique_ptr<FiringSession>>
FiringSession::load(const std::filesystem::path& schedulePath) {
    auto schedule = sim::loadSchedule(schedulePath);
    if (!schedule) {
        return schedule.error();
    }
    auto params = sim::loadKilnParams(resolve(schedule->kilnFile));
    if (!params) {
        return params.error();
    }
    std::vector<sim::WareSpec> plan;
    if (!schedule->planFile.empty()) {
        auto p = sim::loadLoadingPlan(resolve(schedule->planFile), params->rowCount);
        if (!p) {
            return p.error();
        }
        plan = std::move(p.value());
    }
    auto heatwork = sim::loadHeatwork(core::dataPath("assets/firings/orton_heatwork.json"));
    if (!heatwork) {
        return heatwork.error();
    }
    auto model = sim::KilnModel::create(params.value(), heatwork.value(), plan);
    if (!model) {
        return model.error();
    }
    auto session = std::unique_ptr<FiringSession>(new FiringSession());
    session->mModel = std::make_unique<sim::KilnModel>(std::move(model.value()));
    session->mSchedule = schedule.value();
    // The warm start (the kiln still hot from its previous firing) costs a whole firing to
    // compute: once here, so a scrub backwards replays only this firing.
    session->mWarmStart = sim::warmStartState(*session->mModel, session->mSchedule);
    session->mRun = std::make_unique<sim::FiringRun>(*session->mModel, std::move(schedule.value()),
                                                     std::vector<sim::PlayerCommand>{},
                                                     session->mWarmStart);
    return session;
}

void FiringSession::update(double realSeconds, int maxSteps) {
    if (!mPlaying || mRun->finished()) {
        return;
    }
    mPendingSeconds += std::max(0.0, realSeconds) * mSpeed;
    const double step = mRun->schedule().stepSeconds;
    int steps = 0;
    while (mPendingSeconds >= step && steps < maxSteps && !mRun->finished()) {
        mRun->advance();
        if (mObserver) {
            mObserver();
        }
        mPendingSeconds -= step;
        ++steps;
    }
    if (steps == maxSteps) {
        mPendingSeconds = 0.0; // too fast for this frame: drop the backlog rather than stall
    }
}

void FiringSession::runToHours(double hours) {
    while (!mRun->finished() && mRun->timeHours() < hours) {
        mRun->advance();
        if (mObserver) {
            mObserver();
        }
    }
}

void FiringSession::seekHours(double hours) {
    if (hours < mRun->timeHours()) {
        std::erase_if(mCommands,
                      [hours](const sim::PlayerCommand& c) { return c.atHours > hours; });
        mRun = std::make_unique<sim::FiringRun>(*mModel, mSchedule, mCommands, mWarmStart);
        mPendingSeconds = 0.0;
    }
    runToHours(hours);
}

void FiringSession::command(sim::CommandKind kind, double amount) {
    mRun->command(kind, amount);
    mCommands.push_back({mRun->timeHours(), kind, amount});
}

double FiringSession::settingTemperatureC(double fromFraction, double toFraction) const {
    const int rows = mModel->rowCount();
    const int first = std::clamp(static_cast<int>(fromFraction * rows), 0, rows - 1);
    const int last = std::clamp(static_cast<int>(toFraction * rows), first + 1, rows);
    double sum = 0.0;
    for (int r = first; r < last; ++r) {
        sum += mModel->placementTemperatureC(mRun->state(), r, sim::kUpper) +
               mModel->placementTemperatureC(mRun->state(), r, sim::kLower);
    }
    return sum / (2.0 * (last - first));
}

double FiringSession::wallTemperatureC() const {
    double sum = 0.0;
    int n = 0;
    const auto& zones = mModel->zones();
    for (std::size_t i = 0; i < zones.size(); ++i) {
        if (zones[i].kind == sim::ZoneKind::Row) {
            sum += mRun->state().zones[i].wallTemperatureC[0];
            ++n;
        }
    }
    return n > 0 ? sum / n : 20.0;
}

glm::vec3 FiringSession::glowRadiance(double temperatureC) const {
    const sim::GlowColour g = mGlow.at(temperatureC);
    const float scale = static_cast<float>(g.relativeLuminance * kGlowScale);
    return glm::vec3(srgbToLinear(g.red), srgbToLinear(g.green), srgbToLinear(g.blue)) * scale;
}

glm::vec3 FiringSession::rowGlow(double rowFraction) const {
    const int rows = mModel->rowCount();
    const int row =
            std::clamp(static_cast<int>(std::lround(rowFraction * (rows - 1))), 0, rows - 1);
    return glowRadiance(rowTemperatureC(row));
}

double FiringSession::rowTemperatureC(int row) const {
    return 0.5 * (mModel->placementTemperatureC(mRun->state(), row, sim::kUpper) +
                  mModel->placementTemperatureC(mRun->state(), row, sim::kLower));
}

float FiringSession::hottestGlowLuminance() const {
    double hottestC = -273.15;
    for (int row = 0; row < mModel->rowCount(); ++row) {
        hottestC = std::max(hottestC, rowTemperatureC(row));
    }
    const glm::vec3 c = glowRadiance(hottestC);
    return 0.2126f * c.r + 0.7152f * c.g + 0.0722f * c.b; // Rec. 709 / sRGB luminance
}

render::PointLight FiringSession::fireboxLight(const glm::vec3& positionM) const {
    const double t = mRun->state().zones.front().gas[sim::kUpper].temperatureC;
    render::PointLight light;
    light.positionM = positionM;
    const sim::GlowColour g = mGlow.at(t);
    light.color = glm::vec3(srgbToLinear(g.red), srgbToLinear(g.green), srgbToLinear(g.blue));
    // Intensity follows the flame's luminance; the fire mouth lights the kiln's first rows.
    light.intensity = static_cast<float>(std::min(g.relativeLuminance * 0.4, 60.0));
    light.rangeM = 14.0f;
    return light;
}

} // namespace kiln::app
