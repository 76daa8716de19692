// The swept kiln chamber: plan width, height and floor slope as functions of the distance s
// along the floor (0 = front wall, lengthM = rear wall), an arched cross-section (vertical wall up
// to springFraction of the height, then a superellipse vault), and offset surfaces for walls.
// Builds the closed inner volume (void), wall layers as closed left/right halves (the cutaway),
// the sand bed, and frames on the inner surface for holes and doors. Site frame, Z up.
#pragma once

#include "mesh.h"

#include <utility>
#include <vector>

namespace kiln::kilngen {

class ChamberProfile {
public:
    float lengthM = 1.0f;
    std::vector<std::pair<float, float>> widthStations;  // (fraction of length, width m)
    std::vector<std::pair<float, float>> heightStations; // (fraction of length, height m)
    std::vector<std::pair<float, float>> floorSlopes;    // (from fraction, slope deg)
    float springFraction = 0.0f;
    float archExponent = 2.0f;

    float widthAt(float s) const;
    float heightAt(float s) const;
    // Floor centre line (x, z) at along-floor distance s; extrapolated straight beyond the ends.
    glm::vec2 floorAt(float s) const;
    // Floor z under horizontal position x (inverse of floorAt's x).
    float floorZAtX(float x) const;
    // Along-floor distance s whose floor point lies at horizontal position x.
    float sAtX(float x) const;

    int stationCount() const;

    // Closed inner surface (air volume), normals out of the air.
    Mesh buildVoid() const;
    // Closed half (side +1: y >= 0 "left", -1: "right") of the solid between offsets d0 < d1.
    Mesh buildShellHalf(float d0, float d1, int side, float tileM) const;
    // Sand bed on the floor: closed solid of the given depth over the whole floor.
    Mesh buildSandBed(float depthM) const;

    // Point on the inner surface and outward normal (out of the air) for a hole or door.
    // place: front | rear | left | right | crown; s along the floor; z above the local floor.
    bool surfaceFrame(const std::string& place, float s, float zAboveFloor, float offsetM,
                      glm::vec3& point, glm::vec3& normal) const;
    // Clear height above the floor at lateral position y (inner surface), 0 outside.
    float clearHeightAt(float s, float y) const;

private:
    std::vector<glm::vec3> halfSection(int station, float d, int side, bool floorSegment) const;
    float stationS(int station, float d) const;
};

double polygonArea(const std::vector<glm::vec2>& loop);

} // namespace kiln::kilngen
