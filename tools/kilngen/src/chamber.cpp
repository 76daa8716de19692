// ChamberProfile (chamber.h). Profiles interpolate between stations with smoothstep, so a station
// is an exact extremum: the published maximum width and height appear exactly in the mesh.
#include "chamber.h"

#include <glm/gtc/constants.hpp>

#include <algorithm>
#include <cmath>
#include <string>

namespace kiln::kilngen {

namespace {

constexpr int kFloorSegments = 6;
constexpr int kWallSegments = 4;
constexpr int kArchSegments = 20;

float interpolate(const std::vector<std::pair<float, float>>& stations, float fraction) {
    if (stations.empty()) {
        return 0.0f;
    }
    if (fraction <= stations.front().first) {
        return stations.front().second;
    }
    for (std::size_t k = 1; k < stations.size(); ++k) {
        if (fraction <= stations[k].first) {
            const float span = stations[k].first - stations[k - 1].first;
            const float t = span > 0.0f ? (fraction - stations[k - 1].first) / span : 1.0f;
            const float smooth = t * t * (3.0f - 2.0f * t);
            return stations[k - 1].second + (stations[k].second - stations[k - 1].second) * smooth;
        }
    }
    return stations.back().second;
}

float sgnPow(float base, float exponent) {
    return std::pow(std::max(base, 0.0f), exponent);
}

} // namespace

double polygonArea(const std::vector<glm::vec2>& loop) {
    double a = 0.0;
    for (std::size_t k = 0; k < loop.size(); ++k) {
        const auto& p = loop[k];
        const auto& q = loop[(k + 1) % loop.size()];
        a += static_cast<double>(p.x) * q.y - static_cast<double>(q.x) * p.y;
    }
    return 0.5 * a;
}

float ChamberProfile::widthAt(float s) const {
    return interpolate(widthStations, std::clamp(s, 0.0f, lengthM) / lengthM);
}

float ChamberProfile::heightAt(float s) const {
    return interpolate(heightStations, std::clamp(s, 0.0f, lengthM) / lengthM);
}

glm::vec2 ChamberProfile::floorAt(float s) const {
    // Integrate the piecewise-constant slope along the floor.
    glm::dvec2 p(0.0);
    const auto slopeRad = [&](std::size_t k) {
        return static_cast<double>(floorSlopes[k].second) * glm::pi<double>() / 180.0;
    };
    if (floorSlopes.empty()) {
        return {s, 0.0f};
    }
    if (s < 0.0f) {
        const double a = slopeRad(0);
        return glm::vec2(static_cast<float>(s * std::cos(a)), static_cast<float>(s * std::sin(a)));
    }
    for (std::size_t k = 0; k < floorSlopes.size(); ++k) {
        const double from = static_cast<double>(floorSlopes[k].first) * lengthM;
        const double to = k + 1 < floorSlopes.size()
                                  ? static_cast<double>(floorSlopes[k + 1].first) * lengthM
                                  : std::max(static_cast<double>(s), static_cast<double>(lengthM));
        const double end = std::min(static_cast<double>(s), to);
        if (end > from) {
            const double a = slopeRad(k);
            p += glm::dvec2(std::cos(a), std::sin(a)) * (end - from);
        }
        if (s <= to) {
            break;
        }
    }
    return glm::vec2(p);
}

float ChamberProfile::floorZAtX(float x) const {
    // floorAt is monotonic in x (slopes under 90 degrees): bisection on s.
    float lo = -1000.0f, hi = lengthM + 1000.0f;
    for (int it = 0; it < 60; ++it) {
        const float mid = 0.5f * (lo + hi);
        (floorAt(mid).x < x ? lo : hi) = mid;
    }
    return floorAt(0.5f * (lo + hi)).y;
}

float ChamberProfile::sAtX(float x) const {
    // The floor is straight within each slope segment: invert segment by segment (cheaper than
    // floorZAtX's bisection, which the saggar setting would call thousands of times a column).
    if (floorSlopes.empty()) {
        return x;
    }
    double x0 = 0.0;
    for (std::size_t k = 0; k < floorSlopes.size(); ++k) {
        const double a = static_cast<double>(floorSlopes[k].second) * glm::pi<double>() / 180.0;
        const double from = static_cast<double>(floorSlopes[k].first) * lengthM;
        const bool last = k + 1 == floorSlopes.size();
        const double to = last ? from : static_cast<double>(floorSlopes[k + 1].first) * lengthM;
        const double x1 = x0 + (to - from) * std::cos(a);
        if (last || x <= x1 || (k == 0 && x < 0.0f)) {
            return static_cast<float>(from + (x - x0) / std::cos(a));
        }
        x0 = x1;
    }
    return x; // not reached
}

int ChamberProfile::stationCount() const {
    return std::clamp(static_cast<int>(std::ceil(lengthM / 0.25f)), 24, 200);
}

float ChamberProfile::stationS(int station, float d) const {
    const int n = stationCount();
    return -d + (lengthM + 2.0f * d) * static_cast<float>(station) / static_cast<float>(n);
}

std::vector<glm::vec3> ChamberProfile::halfSection(int station, float d, int side,
                                                   bool floorSegment) const {
    const float s = stationS(station, d);
    const glm::vec2 base = floorAt(s);
    const float halfW = 0.5f * widthAt(s) + d;
    const float h = heightAt(s) + 2.0f * d;
    const float zFloor = base.y - d;
    const float fs = static_cast<float>(side);
    std::vector<glm::vec3> pts;
    const auto put = [&](float y, float z) { pts.emplace_back(base.x, fs * y + 0.0f, zFloor + z); };
    if (floorSegment) {
        for (int k = 0; k <= kFloorSegments; ++k) {
            // The last point must be bit-identical to the arch's first (halfW * 1).
            put(k == kFloorSegments ? halfW : halfW * static_cast<float>(k) / kFloorSegments, 0.0f);
        }
        return pts;
    }
    const float spring = springFraction * h;
    if (springFraction > 0.0f) {
        for (int k = 0; k < kWallSegments; ++k) {
            put(halfW, spring * static_cast<float>(k) / kWallSegments);
        }
    }
    const float e = 2.0f / archExponent;
    for (int k = 0; k <= kArchSegments; ++k) {
        const float t = glm::half_pi<float>() * static_cast<float>(k) / kArchSegments;
        const float y = k == kArchSegments ? 0.0f : halfW * sgnPow(std::cos(t), e);
        const float z =
                spring + (h - spring) * (k == kArchSegments ? 1.0f : sgnPow(std::sin(t), e));
        put(y, z);
    }
    return pts;
}

Mesh ChamberProfile::buildVoid() const {
    Mesh mesh;
    const int n = stationCount();
    for (int side : {1, -1}) {
        std::vector<Ring> rings;
        for (int i = 0; i <= n; ++i) {
            rings.push_back(
                    Ring{halfSection(i, 0.0f, side, true), halfSection(i, 0.0f, side, false)});
        }
        addTube(mesh, rings, false, true, 1.0f);
    }
    for (int end : {0, n}) {
        std::vector<glm::vec3> loop;
        auto left = halfSection(end, 0.0f, 1, true);
        auto leftArch = halfSection(end, 0.0f, 1, false);
        loop.insert(loop.end(), left.begin(), left.end());
        loop.insert(loop.end(), leftArch.begin() + 1, leftArch.end());
        auto right = halfSection(end, 0.0f, -1, true);
        auto rightArch = halfSection(end, 0.0f, -1, false);
        // Down the right side: arch from crown to the floor edge, then the floor to the middle.
        for (auto it = rightArch.rbegin() + 1; it != rightArch.rend(); ++it) {
            loop.push_back(*it);
        }
        for (auto it = right.rbegin() + 1; it + 1 != right.rend(); ++it) {
            loop.push_back(*it);
        }
        addConvexCap(mesh, loop, glm::vec3(end == 0 ? -1.0f : 1.0f, 0.0f, 0.0f), 1.0f);
    }
    return mesh;
}

Mesh ChamberProfile::buildShellHalf(float d0, float d1, int side, float tileM) const {
    Mesh mesh;
    const int n = stationCount();
    std::vector<glm::vec3> bandInner, bandOuter;
    for (float d : {d1, d0}) {
        std::vector<Ring> rings;
        for (int i = 0; i <= n; ++i) {
            rings.push_back(Ring{halfSection(i, d, side, true), halfSection(i, d, side, false)});
        }
        const bool outer = d == d1;
        addTube(mesh, rings, false, outer, tileM);
        for (int end : {0, n}) {
            auto loop = halfSection(end, d, side, true);
            auto arch = halfSection(end, d, side, false);
            loop.insert(loop.end(), arch.begin() + 1, arch.end());
            const float facing = (end == 0 ? -1.0f : 1.0f) * (outer ? 1.0f : -1.0f);
            addConvexCap(mesh, loop, glm::vec3(facing, 0.0f, 0.0f), tileM);
        }
        // Cut face loop in the plane y = 0: floor middles front->rear, crowns rear->front.
        auto& band = outer ? bandOuter : bandInner;
        for (int i = 0; i <= n; ++i) {
            band.push_back(halfSection(i, d, side, true).front());
        }
        for (int i = n; i >= 0; --i) {
            band.push_back(halfSection(i, d, side, false).back());
        }
    }
    addBand(mesh, bandInner, bandOuter, true, glm::vec3(0.0f, -static_cast<float>(side), 0.0f),
            tileM);
    return mesh;
}

Mesh ChamberProfile::buildSandBed(float depthM) const {
    Mesh mesh;
    const int n = stationCount();
    std::vector<Ring> rings;
    for (int i = 0; i <= n; ++i) {
        const float s = stationS(i, 0.0f);
        const glm::vec2 base = floorAt(s);
        // 1 mm inside the wall so the bed never pokes through the vault's springing.
        const float halfW = 0.5f * widthAt(s) - 0.001f;
        const glm::vec3 a(base.x, -halfW, base.y), b(base.x, halfW, base.y);
        const glm::vec3 c(base.x, halfW, base.y + depthM), e(base.x, -halfW, base.y + depthM);
        rings.push_back(Ring{{a, b}, {b, c}, {c, e}, {e, a}});
    }
    addTube(mesh, rings, false, true, 2.0f);
    for (int end : {0, n}) {
        const auto& r = rings[static_cast<std::size_t>(end)];
        addConvexCap(mesh, {r[0][0], r[1][0], r[2][0], r[3][0]},
                     glm::vec3(end == 0 ? -1.0f : 1.0f, 0.0f, 0.0f), 2.0f);
    }
    return mesh;
}

float ChamberProfile::clearHeightAt(float s, float y) const {
    const float halfW = 0.5f * widthAt(s);
    const float h = heightAt(s);
    const float ay = std::fabs(y);
    if (ay >= halfW) {
        return 0.0f;
    }
    const float spring = springFraction * h;
    // Superellipse (|y|/a)^n + ((z - spring)/b)^n = 1.
    const float ratio = std::pow(ay / halfW, archExponent);
    return spring + (h - spring) * std::pow(std::max(0.0f, 1.0f - ratio), 1.0f / archExponent);
}

bool ChamberProfile::surfaceFrame(const std::string& place, float s, float zAboveFloor,
                                  float offsetM, glm::vec3& point, glm::vec3& normal) const {
    if (place == "front" || place == "rear") {
        const float se = place == "front" ? 0.0f : lengthM;
        const glm::vec2 base = floorAt(se);
        if (zAboveFloor >= clearHeightAt(se, offsetM)) {
            return false;
        }
        point = glm::vec3(base.x, offsetM, base.y + zAboveFloor);
        normal = glm::vec3(place == "front" ? -1.0f : 1.0f, 0.0f, 0.0f);
        return true;
    }
    const glm::vec2 base = floorAt(s);
    const float h = heightAt(s);
    if (place == "crown") {
        point = glm::vec3(base.x, 0.0f, base.y + h);
        normal = glm::vec3(0.0f, 0.0f, 1.0f);
        return true;
    }
    const float side = place == "left" ? 1.0f : -1.0f;
    const float halfW = 0.5f * widthAt(s);
    const float spring = springFraction * h;
    if (zAboveFloor >= h) {
        return false;
    }
    if (zAboveFloor <= spring) {
        point = glm::vec3(base.x, side * halfW, base.y + zAboveFloor);
        normal = glm::vec3(0.0f, side, 0.0f);
        return true;
    }
    const float b = h - spring;
    const float v = (zAboveFloor - spring) / b;
    const float y =
            halfW * std::pow(std::max(0.0f, 1.0f - std::pow(v, archExponent)), 1.0f / archExponent);
    point = glm::vec3(base.x, side * y, base.y + zAboveFloor);
    // Gradient of the superellipse.
    const float gy = std::pow(y / halfW, archExponent - 1.0f) / halfW;
    const float gz = std::pow(v, archExponent - 1.0f) / b;
    normal = glm::normalize(glm::vec3(0.0f, side * gy, gz));
    return true;
}

} // namespace kiln::kilngen
