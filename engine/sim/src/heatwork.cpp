// Heatwork meter: Arrhenius-type time integral calibrated on the Orton 2016 chart (orton_cones.csv
// and the chart's 15 C/h column in assets/firings/orton_heatwork.json). The activation energies at
// the knots are fitted parameters (fitActivationEnergyProfile; docs/simulation.md).
#include "kiln/sim/heatwork.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>

namespace kiln::sim {
namespace {

constexpr double kGasConstantJPerMolK = 8.314462618;
constexpr double kKelvin = 273.15;
constexpr double kReferenceK = 1300.0 + kKelvin;
constexpr double kRampStartC = 20.0;
constexpr double kMarchStepC = 0.05;

using Segments = std::vector<HeatworkModel::RateSegment>;

// Temperatures at which a constant ramp from 20 C reaches each (rising) heatwork target, by
// trapezoidal marching in 0.05 C steps with linear interpolation inside the last step.
std::vector<double> rampEndpoints(const Segments& law, double ratePerHourC,
                                  const std::vector<double>& targets) {
    std::vector<double> result(targets.size(), 0.0);
    const double secondsPerC = 3600.0 / ratePerHourC;
    double heatwork = 0.0;
    double t = kRampStartC;
    double r0 = HeatworkModel::rateAt(law, t);
    std::size_t next = 0;
    while (next < targets.size() && t < 3000.0) {
        const double r1 = HeatworkModel::rateAt(law, t + kMarchStepC);
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

// The heatwork of a 60 C/h ramp from 20 C to each cone's 60 C/h temperature, in one march: the
// same trapezoids as rampEndpoints, so a 60 C/h ramp lands on the chart exactly. The cones'
// temperatures rise (create() checks).
std::vector<double> thresholdsFor(const Segments& law, const std::vector<OrtonCone>& cones) {
    std::vector<double> thresholds;
    thresholds.reserve(cones.size());
    const double secondsPerC = 3600.0 / 60.0;
    double heatwork = 0.0;
    double t = kRampStartC;
    double r0 = HeatworkModel::rateAt(law, t);
    for (const OrtonCone& cone : cones) {
        while (t + kMarchStepC <= cone.temperatureAt60CPerHourC) {
            const double r1 = HeatworkModel::rateAt(law, t + kMarchStepC);
            heatwork += 0.5 * (r0 + r1) * kMarchStepC * secondsPerC;
            t += kMarchStepC;
            r0 = r1;
        }
        const double rest = cone.temperatureAt60CPerHourC - t;
        thresholds.push_back(
                heatwork + 0.5 * (r0 + HeatworkModel::rateAt(law, cone.temperatureAt60CPerHourC)) *
                                   rest * secondsPerC);
    }
    return thresholds;
}

std::optional<std::string> profileProblem(const ActivationEnergyProfile& profile) {
    if (profile.knotsC.empty() || profile.knotsC.size() != profile.energiesJPerMol.size()) {
        return "the activation energy needs as many energies as knots, at least one";
    }
    for (std::size_t i = 0; i < profile.knotsC.size(); ++i) {
        const double e = profile.energiesJPerMol[i];
        if (!(e > 0.0) || !std::isfinite(e)) {
            return "activation energy must be a positive number";
        }
        if (!std::isfinite(profile.knotsC[i]) || profile.knotsC[i] < -273.15) {
            return "an activation energy knot is not a temperature";
        }
        if (i > 0 && !(profile.knotsC[i] > profile.knotsC[i - 1])) {
            return "the activation energy's knots must rise";
        }
    }
    return std::nullopt;
}

struct ChartErrors {
    double worst = 0.0;
    double norm8 = 0.0; // (sum of error^8)^(1/8)
};

ChartErrors chartErrors(const ActivationEnergyProfile& profile,
                        const std::vector<OrtonCone>& cones) {
    const Segments law = HeatworkModel::rateSegments(profile);
    const std::vector<double> thresholds = thresholdsFor(law, cones);
    const std::vector<double> t15 = rampEndpoints(law, 15.0, thresholds);
    const std::vector<double> t150 = rampEndpoints(law, 150.0, thresholds);
    ChartErrors out;
    double sum = 0.0;
    auto add = [&](double e) {
        out.worst = std::max(out.worst, std::abs(e));
        const double e2 = e * e;
        sum += e2 * e2 * e2 * e2;
    };
    for (std::size_t i = 0; i < cones.size(); ++i) {
        add(t150[i] - cones[i].temperatureAt150CPerHourC);
        if (std::isfinite(cones[i].temperatureAt15CPerHourC)) {
            add(t15[i] - cones[i].temperatureAt15CPerHourC);
        }
    }
    out.norm8 = std::pow(sum, 0.125);
    return out;
}

} // namespace

std::vector<HeatworkModel::RateSegment>
HeatworkModel::rateSegments(const ActivationEnergyProfile& profile) {
    // E(T) = R (a + b T) on each stretch; d ln rate/dT = (a + b T)/T^2 integrates to
    // -a/T + b ln T. Outside the knots E is constant (b = 0).
    const std::size_t n = profile.knotsC.size();
    Segments law;
    law.reserve(n + 1);
    auto kelvin = [&](std::size_t i) { return profile.knotsC[i] + kKelvin; };
    auto eOverR = [&](std::size_t i) { return profile.energiesJPerMol[i] / kGasConstantJPerMolK; };
    law.push_back({0.0, 0.0, eOverR(0), 0.0});
    for (std::size_t i = 0; i + 1 < n; ++i) {
        const double b = (eOverR(i + 1) - eOverR(i)) / (kelvin(i + 1) - kelvin(i));
        law.push_back({kelvin(i), 0.0, eOverR(i) - b * kelvin(i), b});
    }
    if (n > 1) {
        law.push_back({kelvin(n - 1), 0.0, eOverR(n - 1), 0.0});
    }
    // Offsets making ln rate continuous at each start, then 0 at the reference temperature.
    auto lnRateNoOffset = [](const RateSegment& s, double tK) {
        return -s.aK / tK + s.bLog * std::log(tK);
    };
    for (std::size_t i = 1; i < law.size(); ++i) {
        const double tK = law[i].startK;
        law[i].offset =
                law[i - 1].offset + lnRateNoOffset(law[i - 1], tK) - lnRateNoOffset(law[i], tK);
    }
    std::size_t ref = 0;
    while (ref + 1 < law.size() && kReferenceK >= law[ref + 1].startK) {
        ++ref;
    }
    const double atRef = law[ref].offset + lnRateNoOffset(law[ref], kReferenceK);
    for (RateSegment& s : law) {
        s.offset -= atRef;
    }
    return law;
}

core::Result<HeatworkModel> HeatworkModel::create(double activationEnergyJPerMol,
                                                  std::vector<OrtonCone> cones) {
    return create(ActivationEnergyProfile{{1300.0}, {activationEnergyJPerMol}}, std::move(cones));
}

core::Result<HeatworkModel> HeatworkModel::create(const ActivationEnergyProfile& profile,
                                                  std::vector<OrtonCone> cones) {
    if (std::optional<std::string> problem = profileProblem(profile)) {
        return core::Error{"heatwork: " + *problem};
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
    model.mProfile = profile;
    model.mSegments = rateSegments(profile);
    model.mCones = std::move(cones);
    model.mThresholds = thresholdsFor(model.mSegments, model.mCones);
    for (double h : model.mThresholds) {
        if (!(h > 0.0)) {
            return core::Error{"heatwork: a cone below 300 C has no heatwork in this model"};
        }
        model.mLogThresholds.push_back(std::log(h));
    }
    return model;
}

double HeatworkModel::activationEnergyAt(double temperatureC) const {
    const std::vector<double>& k = mProfile.knotsC;
    const std::vector<double>& e = mProfile.energiesJPerMol;
    if (temperatureC <= k.front()) {
        return e.front();
    }
    for (std::size_t i = 0; i + 1 < k.size(); ++i) {
        if (temperatureC <= k[i + 1]) {
            const double f = (temperatureC - k[i]) / (k[i + 1] - k[i]);
            return e[i] + f * (e[i + 1] - e[i]);
        }
    }
    return e.back();
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
    return rampEndpoints(mSegments, ratePerHourC, {mThresholds[coneIndex]})[0];
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

double worstChartErrorC(const ActivationEnergyProfile& profile,
                        const std::vector<OrtonCone>& cones) {
    return chartErrors(profile, cones).worst;
}

ActivationEnergyProfile fitActivationEnergyProfile(const std::vector<OrtonCone>& cones,
                                                   const std::vector<double>& knotsC,
                                                   double startJPerMol, double* worstErrorC) {
    // Nelder-Mead on the energies in kJ/mol (two restarts: 100 then 30 kJ/mol simplices).
    const std::size_t n = knotsC.size();
    auto profileOf = [&](const std::vector<double>& kj) {
        ActivationEnergyProfile p{knotsC, {}};
        for (double x : kj) {
            p.energiesJPerMol.push_back(std::max(1.0, x) * 1000.0);
        }
        return p;
    };
    auto objective = [&](const std::vector<double>& kj) {
        return chartErrors(profileOf(kj), cones).norm8;
    };
    struct Vertex {
        std::vector<double> kj;
        double value = 0.0;
    };
    auto vertex = [&](std::vector<double> kj) {
        const double value = objective(kj);
        return Vertex{std::move(kj), value};
    };
    std::vector<double> best(n, startJPerMol / 1000.0);
    for (double step : {100.0, 30.0}) {
        std::vector<Vertex> simplex;
        for (std::size_t i = 0; i <= n; ++i) {
            std::vector<double> kj = best;
            if (i > 0) {
                kj[i - 1] += step;
            }
            simplex.push_back(vertex(std::move(kj)));
        }
        for (int it = 0; it < 200 * static_cast<int>(n); ++it) {
            std::sort(simplex.begin(), simplex.end(),
                      [](const Vertex& a, const Vertex& b) { return a.value < b.value; });
            // The centroid of all but the worst, and points on the line from the worst through it.
            std::vector<double> c(n, 0.0);
            for (std::size_t i = 0; i < n; ++i) {
                for (std::size_t j = 0; j < n; ++j) {
                    c[j] += simplex[i].kj[j] / static_cast<double>(n);
                }
            }
            Vertex& worst = simplex[n];
            auto towards = [&](double f) {
                std::vector<double> x(n);
                for (std::size_t j = 0; j < n; ++j) {
                    x[j] = c[j] + f * (worst.kj[j] - c[j]);
                }
                return vertex(std::move(x));
            };
            Vertex reflected = towards(-1.0);
            if (reflected.value < simplex[0].value) {
                Vertex expanded = towards(-2.0);
                worst = expanded.value < reflected.value ? std::move(expanded)
                                                         : std::move(reflected);
            } else if (reflected.value < simplex[n - 1].value) {
                worst = std::move(reflected);
            } else if (Vertex contracted = towards(0.5); contracted.value < worst.value) {
                worst = std::move(contracted);
            } else {
                for (std::size_t i = 1; i <= n; ++i) {
                    std::vector<double> kj(n);
                    for (std::size_t j = 0; j < n; ++j) {
                        kj[j] = simplex[0].kj[j] + 0.5 * (simplex[i].kj[j] - simplex[0].kj[j]);
                    }
                    simplex[i] = vertex(std::move(kj));
                }
            }
        }
        best = std::min_element(simplex.begin(), simplex.end(),
                                [](const Vertex& a, const Vertex& b) { return a.value < b.value; })
                       ->kj;
    }
    ActivationEnergyProfile fitted = profileOf(best);
    if (worstErrorC != nullptr) {
        *worstErrorC = chartErrors(fitted, cones).worst;
    }
    return fitted;
}

} // namespace kiln::sim
