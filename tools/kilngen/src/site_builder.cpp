// Part builders (site_builder.h). Node naming: the site root is named after the site id; each
// part instance is a group node "<part>" (or "<part>_<k>" when repeated, k from 1); its meshes
// are child nodes "<group>_<role-specific name>". Repeated geometry (saggar columns, hole liners,
// repeated kilns, pits) is one glTF mesh referenced by many nodes, so renderers can instance it.
#include "site_builder.h"

#include "chamber.h"
#include "gltf_writer.h"
#include "textures.h"

#include <glm/gtc/constants.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>

namespace kiln::kilngen {

namespace {

using nlohmann::json;

// A mesh node of a part, in the part's local frame.
struct PartNode {
    std::string name; // suffix after the group name
    int mesh = -1;
    glm::vec3 translation{0.0f};
    glm::quat rotation{1.0f, 0.0f, 0.0f, 0.0f};
    json extras = json::object();
};

struct ChamberInfo {
    ChamberProfile profile;
    float outerOffsetM = 0.0f; // outermost layer's outer offset
    float wallOffsetM = 0.0f;  // first layer's outer offset (the kiln wall proper)
    float sandDepthM = 0.0f;
    std::optional<float> fittedHeightM;
};

std::string twoDigits(int k) {
    char buf[16];
    std::snprintf(buf, sizeof(buf), "%02d", k);
    return buf;
}

glm::quat fromTo(const glm::vec3& from, const glm::vec3& to) {
    const glm::vec3 a = glm::normalize(from), b = glm::normalize(to);
    const float c = glm::dot(a, b);
    if (c < -0.9999f) {
        const glm::vec3 axis = std::fabs(a.x) < 0.9f ? glm::vec3(1, 0, 0) : glm::vec3(0, 1, 0);
        return glm::angleAxis(glm::pi<float>(), glm::normalize(glm::cross(a, axis)));
    }
    const glm::vec3 v = glm::cross(a, b);
    return glm::normalize(glm::quat(1.0f + c, v.x, v.y, v.z));
}

float deg(float d) {
    return d * glm::pi<float>() / 180.0f;
}

// Deterministic smooth 1D noise in [0, 1].
float noise1(float x, std::uint32_t seed) {
    const auto h = [&](int i) {
        std::uint32_t v = static_cast<std::uint32_t>(i) * 0x9E3779B1u ^ seed * 0x85EBCA77u;
        v ^= v >> 15;
        v *= 0x2C1B3C6Du;
        v ^= v >> 12;
        return static_cast<float>(v & 0xffffu) / 65535.0f;
    };
    const float f = std::floor(x);
    const int i = static_cast<int>(f);
    const float t = x - f;
    const float s = t * t * (3.0f - 2.0f * t);
    return h(i) + (h(i + 1) - h(i)) * s;
}

float noise2(float x, float y, std::uint32_t seed) {
    const float fy = std::floor(y);
    const float t = y - fy;
    const float s = t * t * (3.0f - 2.0f * t);
    const auto row = static_cast<std::uint32_t>(static_cast<int>(fy));
    const float a = noise1(x, seed ^ (row * 0x27d4eb2du));
    const float b = noise1(x, seed ^ ((row + 1u) * 0x27d4eb2du));
    return a + (b - a) * s;
}

class SiteBuilder {
public:
    explicit SiteBuilder(const SiteDescription& site) : mSite(site) {}

    core::Result<std::string> run() {
        const int root =
                mDoc.addNode({mSite.site, -1, glm::vec3(0.0f), glm::quat(1, 0, 0, 0), {}, {}});
        mDoc.addRoot(root);
        json rootExtras = {{"site", mSite.site},
                           {"title", mSite.title},
                           {"generator", "kilngen"},
                           {"sourcesVerified", mSite.sourcesVerified},
                           {"frame", "glTF Y up, metres; kiln axes run along +X from front "
                                     "(stoke/door end) to rear; site north is -Z"}};
        if (!mSite.notes.empty()) {
            rootExtras["notes"] = mSite.notes;
        }
        mDoc.node(root).extras = rootExtras;
        std::map<std::string, int> layers;
        for (const auto& part : mSite.parts) {
            std::vector<PartNode> nodes;
            json partExtras = json::object();
            auto st = buildPart(part, nodes, partExtras);
            if (!st) {
                return st.error();
            }
            int parent = root;
            if (!part.layer.empty()) {
                auto it = layers.find(part.layer);
                if (it == layers.end()) {
                    const int layerNode =
                            mDoc.addNode({"layer_" + part.layer,
                                          -1,
                                          glm::vec3(0.0f),
                                          glm::quat(1, 0, 0, 0),
                                          {},
                                          json{{"layer", part.layer}, {"role", "layer"}}});
                    mDoc.node(root).children.push_back(layerNode);
                    it = layers.emplace(part.layer, layerNode).first;
                }
                parent = it->second;
            }
            instantiate(part, nodes, partExtras, parent);
        }
        return mDoc.toGlb();
    }

private:
    core::Error fail(const std::string& pointer, const std::string& reason) const {
        return core::Error{mSite.file.string() + ": field " + pointer + ": " + reason};
    }

    json paradata(const Part& part) const {
        json j = {{"part", part.name}, {"evidence", part.evidence}};
        if (!part.source.empty()) {
            j["source"] = part.source;
        }
        if (!part.reason.empty()) {
            j["reason"] = part.reason;
        }
        return j;
    }

    static json dimensionsOf(const ParamSet& set) {
        json j = json::object();
        for (const auto& [name, d] : set.dims) {
            j[name] = d.toJson();
        }
        for (const auto& [name, items] : set.lists) {
            json arr = json::array();
            for (const auto& item : items) {
                json e = dimensionsOf(item);
                for (const auto& [k, v] : item.strings) {
                    e[k] = v;
                }
                arr.push_back(e);
            }
            j[name] = arr;
        }
        return j;
    }

    // The placement of a part: its own, or (for parts tied to a chamber) the chamber's.
    const ParamSet& placementOf(const Part& part) const {
        if (part.placement.dims.empty()) {
            const std::string ref = part.params.str("chamber", part.params.str("followChamber"));
            if (const Part* chamber = mSite.findPart(ref)) {
                return chamber->placement;
            }
        }
        return part.placement;
    }

    void instantiate(const Part& part, const std::vector<PartNode>& nodes, const json& partExtras,
                     int parent) {
        const ParamSet& placement = placementOf(part);
        const int count = static_cast<int>(placement.num("repeatCount", 1.0f));
        const glm::vec3 origin = placement.vec3("originM");
        const glm::vec3 step = placement.vec3("repeatStepM");
        const glm::quat yaw = glm::angleAxis(deg(placement.num("yawDeg")), glm::vec3(0, 0, 1));
        for (int k = 0; k < count; ++k) {
            const std::string group =
                    count == 1 ? part.name : part.name + "_" + std::to_string(k + 1);
            json extras = paradata(part);
            extras["type"] = part.type;
            extras["role"] = "part";
            if (!part.layer.empty()) {
                extras["layer"] = part.layer;
            }
            if (!part.note.empty()) {
                extras["note"] = part.note;
            }
            if (count > 1) {
                extras["instance"] = k + 1;
            }
            extras["dimensions"] = dimensionsOf(part.params);
            if (!part.placement.dims.empty()) {
                extras["placement"] = dimensionsOf(part.placement);
            }
            for (const auto& [key, v] : partExtras.items()) {
                extras[key] = v;
            }
            const int groupNode = mDoc.addNode(
                    {group, -1, origin + step * static_cast<float>(k), yaw, {}, extras});
            mDoc.node(parent).children.push_back(groupNode);
            for (const auto& n : nodes) {
                json nodeExtras = paradata(part);
                for (const auto& [key, v] : n.extras.items()) {
                    nodeExtras[key] = v;
                }
                const int child = mDoc.addNode(
                        {group + "_" + n.name, n.mesh, n.translation, n.rotation, {}, nodeExtras});
                mDoc.node(groupNode).children.push_back(child);
            }
        }
    }

    int mesh(const std::string& name, Mesh m, const std::string& material) {
        return mDoc.addMesh(name, std::move(m), mDoc.material(material));
    }

    core::Status buildPart(const Part& part, std::vector<PartNode>& nodes, json& extras) {
        const auto& t = part.type;
        for (const char* key : {"chamber", "followChamber"}) {
            const std::string ref = part.params.str(key);
            if (!ref.empty() && mChambers.count(ref) == 0) {
                return fail(part.params.pointer + "/" + key,
                            "chamber '" + ref + "' must be listed before the parts that use it");
            }
        }
        if (t == "kiln_chamber") {
            return buildChamber(part, nodes, extras);
        }
        if (t == "chimney") {
            return buildChimney(part, nodes, extras);
        }
        if (t == "saggar_setting") {
            return buildSaggars(part, nodes, extras);
        }
        if (t == "spy_holes" || t == "stoke_hole_rows") {
            return buildHoles(part, nodes, extras);
        }
        if (t == "doors") {
            return buildDoors(part, nodes);
        }
        if (t == "firebox") {
            return buildFirebox(part, nodes);
        }
        if (t == "zones") {
            return buildZones(part, nodes);
        }
        if (t == "timber_house") {
            return buildHouse(part, nodes, extras);
        }
        if (t == "terrain") {
            return buildTerrain(part, nodes);
        }
        if (t == "box") {
            return buildBox(part, nodes);
        }
        if (t == "cylinder_array") {
            return buildCylinders(part, nodes);
        }
        if (t == "ruin_walls") {
            return buildRuin(part, nodes, extras);
        }
        if (t == "hall") {
            return buildHall(part, nodes);
        }
        return fail(part.pointer + "/type", "no builder for part type '" + t + "'");
    }

    // --- kiln chamber -------------------------------------------------------------------------
    core::Status buildChamber(const Part& part, std::vector<PartNode>& nodes, json& extras) {
        const auto& p = part.params;
        ChamberInfo info;
        auto& prof = info.profile;
        prof.lengthM = p.num("lengthM");
        const auto stations = [&](const std::string& listName, const std::string& valueName,
                                  std::vector<std::pair<float, float>>& out) -> core::Status {
            float last = -1.0f;
            for (const auto& item : p.list(listName)) {
                const float at = item.num("at");
                if (at <= last) {
                    return fail(item.pointer + "/at", "stations must be in increasing order");
                }
                last = at;
                out.emplace_back(at, item.num(valueName));
            }
            return {};
        };
        if (auto st = stations("widthStations", "widthM", prof.widthStations); !st) {
            return st;
        }
        if (auto st = stations("heightStations", "heightM", prof.heightStations); !st) {
            return st;
        }
        float lastFrom = -1.0f;
        for (const auto& item : p.list("floorSlopes")) {
            const float from = item.num("from");
            if (lastFrom < 0.0f && from != 0.0f) {
                return fail(item.pointer + "/from", "the first floor slope must start at 0");
            }
            if (from <= lastFrom) {
                return fail(item.pointer + "/from", "floor slopes must be in increasing order");
            }
            lastFrom = from;
            prof.floorSlopes.emplace_back(from, item.num("slopeDeg"));
        }
        prof.springFraction = p.num("springFraction");
        prof.archExponent = p.num("archExponent");

        if (p.has("volumeM3")) {
            // The published volume fixes the one free shape figure: the rearmost height station,
            // which must be conjecture (fitting a sourced figure would overwrite evidence).
            const auto& items = p.list("heightStations");
            const auto& lastItem = items.back();
            const Dimension& lastHeight = lastItem.dims.at("heightM");
            if (lastHeight.conjecture.empty()) {
                return fail(lastHeight.pointer,
                            "volumeM3 is fitted by the last height station, which must be "
                            "conjecture, not sourced");
            }
            const double target = p.dims.at("volumeM3").value();
            const auto volumeWith = [&](float h) {
                prof.heightStations.back().second = h;
                return signedVolume(prof.buildVoid());
            };
            float lo = 0.1f, hi = 0.0f;
            for (const auto& s : prof.heightStations) {
                hi = std::max(hi, s.second);
            }
            const double vLo = volumeWith(lo), vHi = volumeWith(hi);
            if (target < vLo || target > vHi) {
                return fail(p.dims.at("volumeM3").pointer,
                            "volume " + std::to_string(target) +
                                    " m3 cannot be reached by fitting the last height station "
                                    "(reachable " +
                                    std::to_string(vLo) + " to " + std::to_string(vHi) + " m3)");
            }
            for (int it = 0; it < 40; ++it) {
                const float mid = 0.5f * (lo + hi);
                (volumeWith(mid) < target ? lo : hi) = mid;
            }
            const float fitted = 0.5f * (lo + hi);
            prof.heightStations.back().second = fitted;
            info.fittedHeightM = fitted;
            extras["fitted"] = {{"field", lastHeight.pointer},
                                {"heightM", fitted},
                                {"reason", "fitted so that the inner volume equals volumeM3"}};
        }

        Mesh voidMesh = prof.buildVoid();
        const double volume = signedVolume(voidMesh);
        extras["innerVolumeM3"] = volume;
        nodes.push_back({"void", mesh(part.name + "_void", std::move(voidMesh), "chamber_void"),
                         glm::vec3(0.0f), glm::quat(1, 0, 0, 0),
                         json{{"role", "void"},
                              {"note", "closed inner surface (air volume); hide when drawing, "
                                       "use for volume and glow"}}});

        float offset = 0.0f;
        bool first = true;
        for (const auto& layer : p.list("layers")) {
            const float d0 = offset + layer.num("gapBeforeM");
            const float d1 = d0 + layer.num("thicknessM");
            offset = d1;
            if (first) {
                info.wallOffsetM = d1;
                first = false;
            }
            const std::string layerName = layer.str("name");
            const float tile = findMaterial(layer.str("material"))->tileM;
            for (int side : {1, -1}) {
                const std::string half = side > 0 ? "left" : "right";
                const std::string name = layerName + "_" + half;
                nodes.push_back(
                        {name,
                         mesh(part.name + "_" + name, prof.buildShellHalf(d0, d1, side, tile),
                              layer.str("material")),
                         glm::vec3(0.0f), glm::quat(1, 0, 0, 0),
                         json{{"role", "shell"},
                              {"layer", layerName},
                              {"cutaway", half},
                              {"innerOffsetM", d0},
                              {"outerOffsetM", d1}}});
            }
        }
        info.outerOffsetM = offset;
        if (p.has("sandDepthM") && p.num("sandDepthM") > 0.0f) {
            info.sandDepthM = p.num("sandDepthM");
            nodes.push_back({"sand_bed",
                             mesh(part.name + "_sand_bed", prof.buildSandBed(info.sandDepthM),
                                  "sand_floor"),
                             glm::vec3(0.0f), glm::quat(1, 0, 0, 0), json{{"role", "floor"}}});
        }
        mChambers[part.name] = info;
        return {};
    }

    // --- chimney ------------------------------------------------------------------------------
    core::Status buildChimney(const Part& part, std::vector<PartNode>& nodes, json& extras) {
        const auto& p = part.params;
        const float a = 0.5f * p.num("baseDepthM"), b = 0.5f * p.num("baseWidthM");
        const float e = p.num("eggFactor"), wall = p.num("wallThicknessM"), h = p.num("heightM");
        constexpr int kSegments = 64;
        const auto egg = [&](float sa, float sb, float z) {
            std::vector<glm::vec3> loop;
            for (int k = 0; k <= kSegments; ++k) {
                const float t =
                        glm::two_pi<float>() * static_cast<float>(k % kSegments) / kSegments;
                loop.emplace_back(sa * std::cos(t), sb * std::sin(t) * (1.0f + e * std::cos(t)), z);
            }
            return loop;
        };
        std::vector<glm::vec2> base2;
        for (const auto& q : egg(a, b, 0.0f)) {
            base2.emplace_back(q.x, q.y);
        }
        base2.pop_back();
        const double baseArea = polygonArea(base2);
        const float k = static_cast<float>(std::sqrt(p.num("topAreaM2") / baseArea));
        if (k > 1.0f) {
            return fail(p.dims.at("topAreaM2").pointer,
                        "the top opening is larger than the base: the chimney must taper");
        }
        Mesh m;
        const auto innerBottom = egg(a, b, 0.0f), innerTop = egg(a * k, b * k, h);
        const auto outerBottom = egg(a + wall, b + wall, 0.0f);
        const auto outerTop = egg(a * k + wall, b * k + wall, h);
        addTube(m, {Ring{outerBottom}, Ring{outerTop}}, false, true, 1.0f);
        addTube(m, {Ring{innerBottom}, Ring{innerTop}}, false, false, 1.0f);
        addBand(m, outerBottom, innerBottom, false, glm::vec3(0, 0, -1), 1.0f);
        addBand(m, outerTop, innerTop, false, glm::vec3(0, 0, 1), 1.0f);
        glm::vec3 at(0.0f);
        const std::string ref = p.str("chamber");
        if (!ref.empty()) {
            const auto& c = mChambers.at(ref);
            const glm::vec2 rear = c.profile.floorAt(c.profile.lengthM);
            // Against the rear wall: the chimney's front outer face touches the kiln's outermost
            // layer; its base stands on the kiln's foundation level.
            at = glm::vec3(rear.x + c.outerOffsetM + a + wall, 0.0f, rear.y - c.outerOffsetM);
        }
        extras["topOpeningAreaM2"] = p.num("topAreaM2");
        extras["scaleAtTop"] = k;
        nodes.push_back({"shaft", mesh(part.name + "_shaft", std::move(m), p.str("material")), at,
                         glm::quat(1, 0, 0, 0), json{{"role", "chimney"}}});
        return {};
    }

    // --- saggar columns -----------------------------------------------------------------------
    // Upright columns on the floor, flat or sloping. Rows stand (diameter + column gap) apart
    // measured horizontally, so upright neighbours keep the column gap on any slope. Each column is
    // as tall as the vault allows over its whole footprint (on a slope the roof over the downhill
    // edge is lower than over the middle), less the roof clearance; its footprint keeps the wall
    // gap from the side walls (at the floor), the end walls and the rear face of any firebox of
    // the chamber. With stokeHoles + firePitM, no column stands in the fire pit, a lane
    // firePitM wide across the setting in front of each pair of stoke holes: a row that would
    // stand in one moves behind it.
    core::Status buildSaggars(const Part& part, std::vector<PartNode>& nodes, json& extras) {
        const auto& p = part.params;
        const std::string chamberName = p.str("chamber");
        const auto& c = mChambers.at(chamberName);
        const auto& prof = c.profile;
        const float d = p.num("saggarDiameterM"), hs = p.num("saggarHeightM");
        const float radius = 0.5f * d;
        const float gap = p.num("columnGapM"), wallGap = p.num("wallGapM");
        const float clearance = p.num("roofClearanceM"), bury = p.num("buryFraction");
        const int rows = static_cast<int>(p.num("rowCount"));
        const float pitch = d + gap;

        // Fire pits: the horizontal positions of the stoke holes the setting names.
        std::vector<float> pitX;
        const float pitHalf = 0.5f * p.num("firePitM");
        const std::string stokeName = p.str("stokeHoles");
        if (stokeName.empty() != !p.has("firePitM")) {
            return fail(p.pointer + (stokeName.empty() ? "/stokeHoles" : "/firePitM"),
                        "stokeHoles and firePitM go together (the fire pit is in front of the "
                        "named stoke holes)");
        }
        if (!stokeName.empty()) {
            const Part* holes = mSite.findPart(stokeName);
            if (holes == nullptr || holes->type != "stoke_hole_rows" ||
                holes->params.str("chamber") != chamberName) {
                return fail(p.pointer + "/stokeHoles",
                            "'" + stokeName + "' is not a stoke_hole_rows part of chamber '" +
                                    chamberName + "'");
            }
            const auto& h = holes->params;
            const float from = h.num("fromM"), to = h.num("toM"), step = h.num("pitchM");
            int k = 0;
            for (float s = from; s <= to + 1e-4f; s = from + step * static_cast<float>(++k)) {
                pitX.push_back(prof.floorAt(s).x);
            }
        }

        // The rows' horizontal limits: the front wall or the rear face of a firebox of this
        // chamber, and the rear wall, each less the wall gap.
        float frontX = prof.floorAt(0.0f).x + wallGap;
        for (const auto& other : mSite.parts) {
            if (other.type == "firebox" && other.params.str("chamber") == chamberName) {
                frontX = std::max(frontX, fireboxRearX(prof, other) + wallGap);
            }
        }
        const float rearX = prof.floorAt(prof.lengthM).x - wallGap;
        const auto& firstDim = p.dims.at("firstRowM");
        float x = prof.floorAt(firstDim.valueF()).x;
        if (x - radius < frontX - 1e-4f) {
            return fail(firstDim.pointer,
                        "the first row's saggars reach x = " + std::to_string(x - radius) +
                                " m, closer than wallGapM to the front wall or firebox (x = " +
                                std::to_string(frontX - wallGap) + " m)");
        }
        std::vector<float> rowX;
        for (int r = 0; r < rows; ++r) {
            for (bool moved = true; moved;) {
                moved = false;
                for (const float px : pitX) {
                    // 10 um slack: a row just moved behind a pit stays there despite rounding.
                    if (std::fabs(x - px) < radius + pitHalf - 1e-5f) {
                        x = px + pitHalf + radius;
                        moved = true;
                    }
                }
            }
            if (x + radius > rearX + 1e-4f) {
                return fail(
                        p.dims.at("rowCount").pointer,
                        std::to_string(rows) + " rows do not fit: row " + std::to_string(r + 1) +
                                " would reach x = " + std::to_string(x + radius) +
                                " m, beyond the rear wall less the wall gap (x = " +
                                std::to_string(rearX) + " m); " + std::to_string(r) + " rows fit");
            }
            rowX.push_back(x);
            x += pitch;
        }

        // The footprint's rim, for the floor and roof under it.
        constexpr int kRim = 32;
        std::array<glm::vec2, kRim> rim;
        for (int k = 0; k < kRim; ++k) {
            const float a = glm::two_pi<float>() * static_cast<float>(k) / kRim;
            rim[static_cast<std::size_t>(k)] = radius * glm::vec2(std::cos(a), std::sin(a));
        }
        std::map<int, int> columnMeshes;
        int total = 0, saggarTotal = 0;
        for (int r = 0; r < rows; ++r) {
            const float xr = rowX[static_cast<std::size_t>(r)];
            const float s = prof.sAtX(xr);
            // Narrowest plan over the footprint's length, so round plans keep the wall gap too.
            float halfWidth = 1e9f;
            for (int k = 0; k <= 8; ++k) {
                const float xs = xr - radius + d * static_cast<float>(k) / 8.0f;
                halfWidth = std::min(halfWidth, 0.5f * prof.widthAt(prof.sAtX(xs)));
            }
            const float halfSpan = halfWidth - wallGap - radius;
            if (halfSpan < 0.0f) {
                continue;
            }
            const int across = static_cast<int>(std::floor(2.0f * halfSpan / pitch)) + 1;
            const float floorZ = prof.floorAt(s).y;
            const float footZ = floorZ + c.sandDepthM - bury * hs;
            float highestFloor = floorZ;
            for (const auto& q : rim) {
                highestFloor = std::max(highestFloor, prof.floorAt(prof.sAtX(xr + q.x)).y);
            }
            if (footZ < highestFloor - 1e-4f) {
                return fail(p.dims.at("buryFraction").pointer,
                            "the floor rises " + std::to_string(highestFloor - floorZ) +
                                    " m under a column of row " + std::to_string(r + 1) +
                                    ": its lowest saggar would stand in the brick floor below "
                                    "the sand");
            }
            for (int col = 0; col < across; ++col) {
                const float y =
                        (static_cast<float>(col) - 0.5f * static_cast<float>(across - 1)) * pitch;
                float roof = floorZ + prof.clearHeightAt(s, y);
                for (const auto& q : rim) {
                    const float xs = xr + q.x;
                    const float ss = prof.sAtX(xs);
                    roof = std::min(roof, prof.floorAt(ss).y + prof.clearHeightAt(ss, y + q.y));
                }
                const int n = static_cast<int>(std::floor((roof - clearance - footZ) / hs));
                if (n < 1) {
                    continue;
                }
                auto it = columnMeshes.find(n);
                if (it == columnMeshes.end()) {
                    Mesh m;
                    for (int k = 0; k < n; ++k) {
                        // 6 mm gap between saggars shows the stack; each saggar a closed drum.
                        addCylinder(m, glm::vec3(0.0f, 0.0f, static_cast<float>(k) * hs), radius,
                                    hs - 0.006f, 20, findMaterial("saggar_fireclay")->tileM);
                    }
                    it = columnMeshes
                                 .emplace(n, mesh("saggar_column_n" + twoDigits(n), std::move(m),
                                                  "saggar_fireclay"))
                                 .first;
                }
                nodes.push_back({std::string("r")
                                         .append(twoDigits(r + 1))
                                         .append("_c")
                                         .append(twoDigits(col + 1)),
                                 it->second, glm::vec3(xr, y, footZ), glm::quat(1, 0, 0, 0),
                                 json{{"role", "instance"},
                                      {"row", r + 1},
                                      {"column", col + 1},
                                      {"saggars", n},
                                      {"alongFloorM", s}}});
                ++total;
                saggarTotal += n;
            }
        }
        extras["columns"] = total;
        extras["saggars"] = saggarTotal;
        extras["rows"] = rows;
        extras["rowPitchM"] = pitch;
        extras["rowPitchMeasured"] = "horizontally (upright columns on a sloping floor)";
        if (!pitX.empty()) {
            extras["firePits"] = static_cast<int>(pitX.size());
        }
        return {};
    }

    // --- holes (lined with bottomless saggars) ------------------------------------------------
    int linerMesh(float diameter, float length, float wall) {
        char key[64];
        std::snprintf(key, sizeof(key), "hole_liner_d%03d_l%03d",
                      static_cast<int>(std::lround(diameter * 100.0f)),
                      static_cast<int>(std::lround(length * 100.0f)));
        auto it = mLiners.find(key);
        if (it != mLiners.end()) {
            return it->second;
        }
        Mesh m;
        addCylinder(m, glm::vec3(0.0f, 0.0f, -0.5f * length), 0.5f * diameter + wall, length, 20,
                    0.5f, 0.5f * diameter);
        const int index = mesh(key, std::move(m), "saggar_fireclay");
        mLiners.emplace(key, index);
        return index;
    }

    core::Status placeLiner(const ChamberInfo& c, const std::string& place, float s, float z,
                            float offset, float diameter, float length, float wall,
                            const std::string& name, const std::string& pointer,
                            std::vector<PartNode>& nodes, json extras) {
        glm::vec3 point, normal;
        if (!c.profile.surfaceFrame(place, s, z, offset, point, normal)) {
            return fail(pointer, "the hole lies outside the chamber wall at this place and height");
        }
        // The liner runs through the wall, 3 cm proud of the inner face.
        const glm::vec3 centre = point + normal * (0.5f * length - 0.03f);
        extras["role"] = "liner";
        extras["diameterM"] = diameter;
        extras["place"] = place;
        extras["innerPoint"] = {point.x, point.z, -point.y};
        nodes.push_back({name, linerMesh(diameter, length, wall), centre,
                         fromTo(glm::vec3(0, 0, 1), normal), extras});
        return {};
    }

    core::Status buildHoles(const Part& part, std::vector<PartNode>& nodes, json& extras) {
        const auto& p = part.params;
        const auto& c = mChambers.at(p.str("chamber"));
        const float length = p.num("linerLengthM"), wall = p.num("linerWallM");
        if (part.type == "spy_holes") {
            for (const auto& h : p.list("holes")) {
                if (h.str("place") != "crown" && !h.has("heightM")) {
                    return fail(h.pointer + "/heightM",
                                "missing required field (for a hole in the " + h.str("place") +
                                        " wall)");
                }
                const float s = h.num("at") * c.profile.lengthM;
                auto st = placeLiner(c, h.str("place"), s, h.num("heightM"), h.num("offsetM"),
                                     h.num("diameterM"), length, wall, h.str("name"), h.pointer,
                                     nodes, json{{"alongFloorM", s}});
                if (!st) {
                    return st;
                }
            }
            return {};
        }
        const float pitch = p.num("pitchM"), from = p.num("fromM"), to = p.num("toM");
        if (to > c.profile.lengthM || to <= from) {
            return fail(p.dims.at("toM").pointer,
                        "toM must lie after fromM and inside the chamber");
        }
        const int rows = static_cast<int>(p.num("rows"));
        int count = 0;
        for (int side = 0; side < rows; ++side) {
            const std::string place = side == 0 ? "left" : "right";
            int k = 0;
            for (float s = from; s <= to + 1e-4f; s = from + pitch * static_cast<float>(++k)) {
                auto st = placeLiner(c, place, s, p.num("heightM"), 0.0f, p.num("diameterM"),
                                     length, wall,
                                     std::string(side == 0 ? "L" : "R").append(twoDigits(k + 1)),
                                     p.dims.at("heightM").pointer, nodes,
                                     json{{"alongFloorM", s}, {"row", place}, {"index", k + 1}});
                if (!st) {
                    return st;
                }
                ++count;
            }
        }
        extras["holes"] = count;
        extras["pitchM"] = pitch;
        return {};
    }

    // --- doors (bricked up for firing) --------------------------------------------------------
    core::Status buildDoors(const Part& part, std::vector<PartNode>& nodes) {
        const auto& p = part.params;
        const auto& c = mChambers.at(p.str("chamber"));
        const float depth = c.outerOffsetM + p.num("thicknessM");
        for (const auto& door : p.list("doors")) {
            const float s = door.num("at") * c.profile.lengthM;
            const float w = door.num("widthM"), h = door.num("heightM");
            glm::vec3 point, normal;
            if (!c.profile.surfaceFrame(door.str("place"), s, 0.5f * h, 0.0f, point, normal)) {
                return fail(door.pointer, "the door lies outside the chamber wall");
            }
            glm::vec3 n(normal.x, normal.y, 0.0f);
            n = glm::length(n) > 1e-4f ? glm::normalize(n) : glm::vec3(1, 0, 0);
            const glm::vec3 up(0, 0, 1), tangent = glm::normalize(glm::cross(up, n));
            Mesh m;
            addBox(m, glm::vec3(0.0f), glm::vec3(0.5f * depth, 0.5f * w, 0.5f * h), n, tangent, up,
                   1.0f);
            const glm::vec3 centre = point + n * (0.5f * depth - 0.02f);
            nodes.push_back(
                    {door.str("name"),
                     mesh(part.name + "_" + door.str("name"), std::move(m), p.str("material")),
                     centre, glm::quat(1, 0, 0, 0),
                     json{{"role", "door"},
                          {"widthM", w},
                          {"heightM", h},
                          {"alongFloorM", s},
                          {"place", door.str("place")}}});
        }
        return {};
    }

    // The firebox's rear face: it runs lengthM horizontally from the front wall.
    static float fireboxRearX(const ChamberProfile& prof, const Part& firebox) {
        return prof.floorAt(0.0f).x + firebox.params.num("lengthM");
    }

    core::Status buildFirebox(const Part& part, std::vector<PartNode>& nodes) {
        const auto& p = part.params;
        const auto& c = mChambers.at(p.str("chamber"));
        const float len = p.num("lengthM");
        const glm::vec2 front = c.profile.floorAt(0.0f);
        const float halfW = 0.5f * c.profile.widthAt(0.5f * len) - 0.05f;
        Mesh m;
        addBox(m, glm::vec3(front.x + 0.02f, -halfW, front.y - p.num("sinkM")),
               glm::vec3(fireboxRearX(c.profile, part), halfW, front.y + p.num("heightM")), 1.0f);
        nodes.push_back({"body", mesh(part.name + "_body", std::move(m), p.str("material")),
                         glm::vec3(0.0f), glm::quat(1, 0, 0, 0), json{{"role", "firebox"}}});
        return {};
    }

    // --- longitudinal zones: empty marker nodes on the floor, with their extent ------------------
    core::Status buildZones(const Part& part, std::vector<PartNode>& nodes) {
        const auto& p = part.params;
        const auto& c = mChambers.at(p.str("chamber"));
        const float length = c.profile.lengthM;
        float last = 0.0f;
        int order = 0;
        for (const auto& z : p.list("zones")) {
            const float from = z.num("from"), to = z.num("to");
            if (to <= from || from < last - 1e-6f) {
                return fail(z.pointer,
                            "zones must be in order, each with to > from, not overlapping");
            }
            last = to;
            const float mid = 0.5f * (from + to) * length;
            const glm::vec2 floor = c.profile.floorAt(mid);
            nodes.push_back({z.str("name"), -1, glm::vec3(floor.x, 0.0f, floor.y),
                             glm::quat(1, 0, 0, 0),
                             json{{"role", "zone"},
                                  {"zone", z.str("name")},
                                  {"label", z.str("label")},
                                  {"order", ++order},
                                  {"fromM", from * length},
                                  {"toM", to * length},
                                  {"fromX", c.profile.floorAt(from * length).x},
                                  {"toX", c.profile.floorAt(to * length).x},
                                  {"note", "along-floor extent; beyond lengthM lies outside the "
                                           "chamber (chimney base)"}}});
        }
        return {};
    }

    // --- kiln house ---------------------------------------------------------------------------
    core::Status buildHouse(const Part& part, std::vector<PartNode>& nodes, json& extras) {
        const auto& p = part.params;
        const float len = p.num("lengthM"), width = p.num("areaM2") / len;
        const float ridge = p.num("ridgeHeightM"), eave = p.num("eaveHeightM");
        const float post = p.num("postSizeM"), over = p.num("roofOverhangM");
        if (eave >= ridge) {
            return fail(p.dims.at("eaveHeightM").pointer, "the eaves must be lower than the ridge");
        }
        const int nx = std::max(1, static_cast<int>(std::lround(len / p.num("bayM"))));
        const float tileT = findMaterial("timber")->tileM;
        Mesh frame;
        // Footprint: the outer posts' outer faces span exactly length x width. Post rows stand
        // at the walls and at the quarter lines, leaving the middle half clear for the kiln.
        const auto postX = [&](int i) {
            return 0.5f * post + (len - post) * static_cast<float>(i) / static_cast<float>(nx);
        };
        const std::array<float, 4> rowsY = {-0.5f * width + 0.5f * post, -0.25f * width,
                                            0.25f * width, 0.5f * width - 0.5f * post};
        const auto roofZ = [&](float y) {
            return ridge - (ridge - eave) * std::fabs(y) / (0.5f * width);
        };
        const float beamZ = roofZ(0.25f * width) - 0.55f;
        for (int i = 0; i <= nx; ++i) {
            const float x = postX(i);
            for (float y : rowsY) {
                const float top = roofZ(std::fabs(y) + 0.5f * post) - 0.25f;
                // Posts are set 0.5 m into the ground.
                addBox(frame, glm::vec3(x - 0.5f * post, y - 0.5f * post, -0.5f),
                       glm::vec3(x + 0.5f * post, y + 0.5f * post, top), tileT);
            }
            // Cross beam between the quarter-line posts, above the kiln.
            addBox(frame, glm::vec3(x - 0.4f * post, -0.25f * width - 0.5f * post, beamZ),
                   glm::vec3(x + 0.4f * post, 0.25f * width + 0.5f * post, beamZ + 0.3f), tileT);
        }
        extras["crossBeamHeightM"] = beamZ;
        // Ridge purlin.
        addBox(frame, glm::vec3(-over, -0.15f, ridge - 0.55f),
               glm::vec3(len + over, 0.15f, ridge - 0.25f), tileT);
        nodes.push_back({"frame", mesh(part.name + "_frame", std::move(frame), "timber"),
                         glm::vec3(0.0f), glm::quat(1, 0, 0, 0), json{{"role", "frame"}}});
        Mesh roof;
        addGableRoof(roof, -over, len + over, 0.5f * width, eave, ridge, 0.12f, over,
                     findMaterial("roof_tiles")->tileM);
        nodes.push_back({"roof", mesh(part.name + "_roof", std::move(roof), "roof_tiles"),
                         glm::vec3(0.0f), glm::quat(1, 0, 0, 0), json{{"role", "roof"}}});
        if (p.num("loftLengthM") > 0.0f) {
            Mesh loft;
            const float lz = p.num("loftHeightM");
            addBox(loft, glm::vec3(post, -0.5f * width + post, lz),
                   glm::vec3(std::min(len - post, p.num("loftLengthM")), 0.5f * width - post,
                             lz + 0.12f),
                   tileT);
            nodes.push_back({"loft", mesh(part.name + "_loft", std::move(loft), "timber"),
                             glm::vec3(0.0f), glm::quat(1, 0, 0, 0),
                             json{{"role", "loft"}, {"note", "wood loft: fuel store"}}});
        }
        extras["footprintM"] = {len, width};
        return {};
    }

    // --- terrain ------------------------------------------------------------------------------
    core::Status buildTerrain(const Part& part, std::vector<PartNode>& nodes) {
        const auto& p = part.params;
        const glm::vec2 size = p.vec2("sizeM"), centre = p.vec2("centreM");
        const float cell = p.num("cellM");
        const int nx = std::max(1, static_cast<int>(std::ceil(size.x / cell)));
        const int ny = std::max(1, static_cast<int>(std::ceil(size.y / cell)));
        if (static_cast<long>(nx) * ny > 2000000L) {
            return fail(p.dims.at("cellM").pointer,
                        "terrain grid is too fine (over 2 million cells)");
        }
        const ChamberInfo* follow = nullptr;
        if (!p.str("followChamber").empty()) {
            follow = &mChambers.at(p.str("followChamber"));
        }
        const float base = p.num("baseHeightM"), amp = p.num("noiseAmplitudeM");
        const auto seed = static_cast<std::uint32_t>(p.num("seed"));
        const float cross = std::tan(deg(p.num("crossSlopeDeg")));
        const float below = p.num("depthBelowFloorM");
        const auto& pits = p.list("pits");
        const glm::vec2 lo = centre - 0.5f * size, hi = centre + 0.5f * size;
        const auto height = [&](float x, float y) {
            float z = base;
            float fade = 1.0f;
            if (follow != nullptr) {
                const float xc =
                        std::clamp(x, follow->profile.floorAt(-5.0f).x,
                                   follow->profile.floorAt(follow->profile.lengthM + 5.0f).x);
                z = base + follow->profile.floorZAtX(xc) - below + (x - xc) * 0.3f;
                fade = std::clamp((std::fabs(y) - 3.0f) / 6.0f, 0.0f, 1.0f);
            }
            z += cross * std::fabs(y);
            z += fade * amp * (noise2(x * 0.08f, y * 0.08f, seed) - 0.5f) * 2.0f;
            for (const auto& pit : pits) {
                const glm::vec2 a = pit.vec2("minM"), b = pit.vec2("maxM");
                if (x >= a.x && x <= b.x && y >= a.y && y <= b.y) {
                    z -= pit.num("depthM");
                }
            }
            return z;
        };
        Mesh m;
        m.closed = false;
        addHeightfield(m, lo, hi, nx, ny, height, findMaterial(p.str("material"))->tileM);
        nodes.push_back({"ground", mesh(part.name + "_ground", std::move(m), p.str("material")),
                         glm::vec3(0.0f), glm::quat(1, 0, 0, 0), json{{"role", "terrain"}}});
        return {};
    }

    // --- simple solids ------------------------------------------------------------------------
    core::Status buildBox(const Part& part, std::vector<PartNode>& nodes) {
        const auto& p = part.params;
        const float yaw = deg(p.num("yawDeg"));
        const glm::vec3 ax(std::cos(yaw), std::sin(yaw), 0.0f),
                ay(-std::sin(yaw), std::cos(yaw), 0.0f);
        Mesh m;
        // centreM is the middle of the box's footprint at its base; lengthM runs along the yawed x.
        const glm::vec3 half(0.5f * p.num("lengthM"), 0.5f * p.num("widthM"),
                             0.5f * p.num("heightM"));
        addBox(m, glm::vec3(0.0f, 0.0f, half.z), half, ax, ay, glm::vec3(0, 0, 1),
               findMaterial(p.str("material"))->tileM);
        nodes.push_back({"solid", mesh(part.name + "_solid", std::move(m), p.str("material")),
                         p.vec3("centreM"), glm::quat(1, 0, 0, 0), json{{"role", "solid"}}});
        return {};
    }

    core::Status buildCylinders(const Part& part, std::vector<PartNode>& nodes) {
        const auto& p = part.params;
        const float r = p.num("radiusM"), inner = p.num("innerRadiusM");
        if (inner >= r) {
            return fail(p.dims.at("innerRadiusM").pointer, "inner radius must be below the radius");
        }
        Mesh m;
        addCylinder(m, glm::vec3(0.0f), r, p.num("heightM"), 24,
                    findMaterial(p.str("material"))->tileM, inner);
        const int index = mesh(part.name + "_unit", std::move(m), p.str("material"));
        const int count = static_cast<int>(p.num("count"));
        const int columns = static_cast<int>(p.num("columns"));
        const glm::vec3 origin = p.vec3("originM");
        const glm::vec2 pitch = p.vec2("pitchM");
        for (int k = 0; k < count; ++k) {
            const glm::vec3 at =
                    origin + glm::vec3(pitch.x * static_cast<float>(k % columns),
                                       pitch.y * static_cast<float>(k / columns), 0.0f);
            nodes.push_back({twoDigits(k + 1), index, at, glm::quat(1, 0, 0, 0),
                             json{{"role", "instance"}, {"index", k + 1}}});
        }
        return {};
    }

    core::Status buildRuin(const Part& part, std::vector<PartNode>& nodes, json& extras) {
        const auto& p = part.params;
        ChamberProfile prof;
        prof.lengthM = p.num("lengthM");
        for (const auto& item : p.list("widthStations")) {
            prof.widthStations.emplace_back(item.num("at"), item.num("widthM"));
        }
        prof.floorSlopes.emplace_back(0.0f, p.num("slopeDeg"));
        const float t = p.num("wallThicknessM");
        const glm::vec2 residual = p.vec2("residualHeightM");
        if (residual.x > residual.y) {
            return fail(p.dims.at("residualHeightM").pointer, "give [lowest, highest]");
        }
        const auto seed = static_cast<std::uint32_t>(p.num("seed"));
        const int n = prof.stationCount();
        // Plan loop: right side front->rear, left side rear->front (inner face), with the outer
        // face offset by the wall thickness (and by it beyond both ends).
        struct Sample {
            float s;
            float side;
        };
        std::vector<Sample> loop;
        for (int i = 0; i <= n; ++i) {
            loop.push_back({prof.lengthM * static_cast<float>(i) / static_cast<float>(n), -1.0f});
        }
        for (int i = n; i >= 0; --i) {
            loop.push_back({prof.lengthM * static_cast<float>(i) / static_cast<float>(n), 1.0f});
        }
        std::vector<Ring> rings;
        float minTop = 1e9f, maxTop = -1e9f;
        for (std::size_t k = 0; k < loop.size(); ++k) {
            const auto& smp = loop[k];
            // 5 mm outside the plan, so that where a reconstruction of the same plan is shown
            // with the ruins the two never share a face (no z-fighting; the evidence shows).
            constexpr float kEvidenceOffsetM = 0.005f;
            const float endOffset = smp.s <= 0.0f ? -1.0f : (smp.s >= prof.lengthM ? 1.0f : 0.0f);
            const float sIn = smp.s + endOffset * kEvidenceOffsetM;
            const float sOut = smp.s + endOffset * (t + kEvidenceOffsetM);
            const glm::vec2 fi = prof.floorAt(sIn), fo = prof.floorAt(sOut);
            const float yi = smp.side * (0.5f * prof.widthAt(smp.s) + kEvidenceOffsetM);
            const float yo = smp.side * (0.5f * prof.widthAt(smp.s) + t + kEvidenceOffsetM);
            const float hRes = residual.x + (residual.y - residual.x) *
                                                    noise1(static_cast<float>(k) * 0.15f, seed);
            minTop = std::min(minTop, hRes);
            maxTop = std::max(maxTop, hRes);
            const glm::vec3 ib(fi.x, yi, fi.y - 0.1f), ob(fo.x, yo, fi.y - 0.1f);
            const glm::vec3 ot(fo.x, yo, fi.y + hRes), it(fi.x, yi, fi.y + hRes);
            rings.push_back(Ring{{ib, ob}, {ob, ot}, {ot, it}, {it, ib}});
        }
        Mesh m;
        addTube(m, rings, true, true, 1.0f);
        if (signedVolume(m) < 0.0) {
            flipTriangles(m, 0, 0);
        }
        nodes.push_back({"walls", mesh(part.name + "_walls", std::move(m), p.str("material")),
                         glm::vec3(0.0f), glm::quat(1, 0, 0, 0), json{{"role", "ruin"}}});
        Mesh floor;
        floor.append(prof.buildSandBed(0.05f));
        nodes.push_back({"floor", mesh(part.name + "_floor", std::move(floor), "excavation_soil"),
                         glm::vec3(0.0f, 0.0f, -0.1f), glm::quat(1, 0, 0, 0),
                         json{{"role", "floor"}}});
        extras["residualHeightRangeM"] = {minTop, maxTop};
        return {};
    }

    core::Status buildHall(const Part& part, std::vector<PartNode>& nodes) {
        const auto& p = part.params;
        const float len = p.num("lengthM"), w = p.num("widthM");
        const float eave = p.num("eaveHeightM"), ridge = p.num("ridgeHeightM");
        const float over = p.num("roofOverhangM");
        if (ridge < eave) {
            return fail(p.dims.at("ridgeHeightM").pointer, "the ridge must not be below the eaves");
        }
        const auto section = [&](float x) {
            const glm::vec3 a(x, -0.5f * w, 0.0f), b(x, 0.5f * w, 0.0f), c(x, 0.5f * w, eave);
            const glm::vec3 r(x, 0.0f, ridge), e(x, -0.5f * w, eave);
            if (ridge - eave < 0.01f) {
                return Ring{{a, b}, {b, c}, {c, e}, {e, a}};
            }
            return Ring{{a, b}, {b, c}, {c, r}, {r, e}, {e, a}};
        };
        const float tileW = findMaterial(p.str("wallMaterial"))->tileM;
        Mesh body;
        const Ring r0 = section(0.0f), r1 = section(len);
        addTube(body, {r0, r1}, false, true, tileW);
        for (const auto* r : {&r0, &r1}) {
            std::vector<glm::vec3> loop;
            for (const auto& seg : *r) {
                loop.push_back(seg[0]);
            }
            addConvexCap(body, loop, glm::vec3(r == &r0 ? -1.0f : 1.0f, 0.0f, 0.0f), tileW);
        }
        nodes.push_back({"body", mesh(part.name + "_body", std::move(body), p.str("wallMaterial")),
                         glm::vec3(0.0f), glm::quat(1, 0, 0, 0), json{{"role", "hall"}}});
        Mesh roof;
        const float tileR = findMaterial(p.str("roofMaterial"))->tileM;
        if (ridge - eave < 0.01f) {
            addBox(roof, glm::vec3(-over, -0.5f * w - over, eave),
                   glm::vec3(len + over, 0.5f * w + over, eave + 0.2f), tileR);
        } else {
            addGableRoof(roof, -over, len + over, 0.5f * w, eave, ridge, 0.2f, over, tileR);
        }
        nodes.push_back({"roof", mesh(part.name + "_roof", std::move(roof), p.str("roofMaterial")),
                         glm::vec3(0.0f), glm::quat(1, 0, 0, 0), json{{"role", "roof"}}});
        return {};
    }

    const SiteDescription& mSite;
    GltfDocument mDoc;
    std::map<std::string, ChamberInfo> mChambers;
    std::map<std::string, int> mLiners;
};

} // namespace

core::Result<std::string> buildSite(const SiteDescription& site) {
    SiteBuilder builder(site);
    return builder.run();
}

} // namespace kiln::kilngen
