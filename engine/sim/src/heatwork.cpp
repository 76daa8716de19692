// Heatwork meter: Arrhenius time integral calibrated on the Orton 2016 chart (orton_cones.csv).
// The single activation energy is a fitted parameter (fitActivationEnergy; docs/simulation.md).
#include "kiln/sim/heatwork.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace kiln::sim {
namespace {

constexpr double kGasConstantJPerMolK = 8.314462618;
constexpr double kRampStartC = 20.0;
constexpr double kMarchStepC = 0.05;

// Temperatures at which a constant ramp from 20 C reaches each (rising) heatwork target, by
// trapezoidal marching in 0.05 C steps with linear interpolation inside the last step.
std::vector<double> rampEndpoints(double eOverR, double ratePerHourC,
                                  const std::vector<double>& targets) {
    std::vector<double> result(targets.size(), 0.0);
    const double secondsPerC = 3600.0 / ratePerHourC;
    double heatwork = 0.0;
    double t = kRampStartC;
    double r0 = HeatworkModel::rateAt(eOverR, t);
    std::size_t next = 0;
    while (next < targets.size() && t < 3000.0) {
        const double r1 = HeatworkModel::rateAt(eOverR, t + kMarchStepC);
        const double increment = 0.5 * (r0 + r1) * kMarchStepC * secondsPerC;
        while (next < targets.size() && heatwork + increment >= targets[next]) {
            const double f = increment > 0.0 ? (targets[next] - heatwork) / increment : 0.0;
            result[next] = t + f * kMarchStepC;
            ++next;
        }
        heatwork += increment;
        t += kMarchStepC;
        r0 = r1;
    }
    for (; next < targets.size(); ++next) {
        result[next] = 3000.0;
    }
    return result;
}

std::vector<double> thresholdsFor(double eOverR, const std::vector<OrtonCone>& cones) {
    std::vector<double> thresholds;
    thresholds.reserve(cones.size());
    for (const OrtonCone& cone : cones) {
        // Same trapezoid march as rampEndpoints, so a 60 C/h ramp lands on the chart exactly.
        const double secondsPerC = 3600.0 / 60.0;
        double heatwork = 0.0;
        double t = kRampStartC;
        while (t + kMarchStepC <= cone.temperatureAt60CPerHourC) {
            heatwork += 0.5 *
                        (HeatworkModel::rateAt(eOverR, t) +
                         HeatworkModel::rateAt(eOverR, t + kMarchStepC)) *
                        kMarchStepC * secondsPerC;
            t += kMarchStepC;
        }
        const double rest = cone.temperatureAt60CPerHourC - t;
        heatwork += 0.5 *
                    (HeatworkModel::rateAt(eOverR, t) +
                     HeatworkModel::rateAt(eOverR, cone.temperatureAt60CPerHourC)) *
                    rest * secondsPerC;
        thresholds.push_back(heatwork);
    }
    return thresholds;
}

} // namespace

core::Result<HeatworkModel> HeatworkModel::create(double activationEnergyJPerMol,
                                                  std::vector<OrtonCone> cones) {
    if (!(activationEnergyJPerMol > 0.0) || !std::isfinite(activationEnergyJPerMol)) {
        return core::Error{"heatwork: activation energy must be a positive number"};
    }
    if (cones.empty()) {
        return core::Error{"heatwork: the cone table is empty"};
    }
    for (std::size_t i = 1; i < cones.size(); ++i) {
        if (!(cones[i].temperatureAt60CPerHourC > cones[i - 1].temperatureAt60CPerHourC)) {
            return core::Error{"heatwork: cone " + cones[i].name +
                               " is not hotter than the cone before it"};
        }
    }
    HeatworkModel model;
    model.mActivationEnergyJPerMol = activationEnergyJPerMol;
    model.mEOverR = activationEnergyJPerMol / kGasConstantJPerMolK;
    model.mCones = std::move(cones);
    model.mThresholds = thresholdsFor(model.mEOverR, model.mCones);
    for (double h : model.mThresholds) {
        if (!(h > 0.0)) {
            return core::Error{"heatwork: a cone below 300 C has no heatwork in this model"};
        }
        model.mLogThresholds.push_back(std::log(h));
    }
    return model;
}

double HeatworkModel::rampHeatwork(double startC, double endC, double ratePerHourC) const {
    if (!(endC > startC) || !(ratePerHourC > 0.0)) {
        return 0.0;
    }
    const int n = 2 * std::max(1, static_cast<int>((endC - startC) / 0.5));
    const double h = (endC - startC) / n;
    double sum = rate(startC) + rate(endC);
    for (int i = 1; i < n; ++i) {
        sum += (i % 2 ? 4.0 : 2.0) * rate(startC + i * h);
    }
    return sum * h / 3.0 * 3600.0 / ratePerHourC;
}

double HeatworkModel::rampEndpointC(std::size_t coneIndex, double ratePerHourC) const {
    KILN_ASSERT(coneIndex < mThresholds.size(), "HeatworkModel::rampEndpointC: bad cone index");
    KILN_ASSERT(ratePerHourC > 0.0, "HeatworkModel::rampEndpointC: rate must be > 0");
    return rampEndpoints(mEOverR, ratePerHourC, {mThresholds[coneIndex]})[0];
}

double HeatworkModel::coneIndexFor(double heatwork) const {
    return coneIndexFor(heatwork, 0);
}

std::string HeatworkModel::coneLabel(double coneIndex) const {
    if (coneIndex < 0.0) {
        return "below " + mCones.front().name;
    }
    const auto k = std::min(static_cast<std::size_t>(coneIndex), mCones.size() - 1);
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%s (+%.2f)", mCones[k].name.c_str(),
                  coneIndex - static_cast<double>(k));
    return buffer;
}

std::string HeatworkModel::coneDownName(double coneIndex) const {
    if (coneIndex < 0.0 || mCones.empty()) {
        return "none";
    }
    return mCones[std::min(static_cast<std::size_t>(coneIndex), mCones.size() - 1)].name;
}

int HeatworkModel::findCone(const std::string& name) const {
    for (std::size_t i = 0; i < mCones.size(); ++i) {
        if (mCones[i].name == name) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

double fitActivationEnergy(const std::vector<OrtonCone>& cones, double lowJPerMol,
                           double highJPerMol, double* worstErrorC) {
    auto worst = [&cones](double e) {
        const double eOverR = e / kGasConstantJPerMolK;
        const std::vector<double> thresholds = thresholdsFor(eOverR, cones);
        const std::vector<double> t150 = rampEndpoints(eOverR, 150.0, thresholds);
        double w = 0.0;
        for (std::size_t i = 0; i < cones.size(); ++i) {
            w = std::max(w, std::abs(t150[i] - cones[i].temperatureAt150CPerHourC));
        }
        return w;
    };
    // Golden-section search; the worst error is V-shaped in E over the useful range.
    const double g = 0.5 * (std::sqrt(5.0) - 1.0);
    double a = lowJPerMol;
    double b = highJPerMol;
    double c = b - g * (b - a);
    double d = a + g * (b - a);
    double fc = worst(c);
    double fd = worst(d);
    while (b - a > 100.0) {
        if (fc < fd) {
            b = d;
            d = c;
            fd = fc;
            c = b - g * (b - a);
            fc = worst(c);
        } else {
            a = c;
            c = d;
            fc = fd;
            d = a + g * (b - a);
            fd = worst(d);
        }
    }
    const double e = 0.5 * (a + b);
    if (worstErrorC != nullptr) {
        *worstErrorC = worst(e);
    }
    return e;
}

} // namespace kiln::sim
