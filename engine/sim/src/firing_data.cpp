// Parsers of the firing data files. Errors name the file, the line and the field, so a teacher or
// content author can fix a schedule without reading code. Exceptions from nlohmann::json are caught
// here and never leave the module.
#include "kiln/sim/firing_data.h"

#include "kiln/core/file_io.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>
#include <optional>
#include <sstream>

namespace kiln::sim {

using nlohmann::json;

// ---------------------------------------------------------------------------------------------
// Locating a JSON path in the text (nlohmann::json keeps no positions).
namespace {

std::size_t skipWs(std::string_view t, std::size_t i) {
    while (i < t.size() && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r')) {
        ++i;
    }
    return i;
}

// i at the opening quote; returns the index after the closing quote.
std::size_t skipString(std::string_view t, std::size_t i) {
    ++i;
    while (i < t.size() && t[i] != '"') {
        i += t[i] == '\\' ? 2 : 1;
    }
    return std::min(i + 1, t.size());
}

std::size_t skipValue(std::string_view t, std::size_t i) {
    i = skipWs(t, i);
    if (i >= t.size()) {
        return i;
    }
    if (t[i] == '"') {
        return skipString(t, i);
    }
    if (t[i] == '{' || t[i] == '[') {
        int depth = 0;
        while (i < t.size()) {
            const char c = t[i];
            if (c == '"') {
                i = skipString(t, i);
                continue;
            }
            if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (--depth == 0) {
                    return i + 1;
                }
            }
            ++i;
        }
        return i;
    }
    while (i < t.size() && t[i] != ',' && t[i] != '}' && t[i] != ']') {
        ++i;
    }
    return i;
}

} // namespace

std::size_t locateJsonPath(std::string_view t, const std::vector<std::string>& path) {
    std::size_t at = skipWs(t, 0);
    for (const std::string& token : path) {
        if (at >= t.size()) {
            return at;
        }
        if (t[at] == '{') {
            std::size_t i = skipWs(t, at + 1);
            bool found = false;
            while (i < t.size() && t[i] == '"') {
                const std::size_t end = skipString(t, i);
                const std::string_view key = t.substr(i + 1, end - i - 2);
                i = skipWs(t, end);
                if (i < t.size() && t[i] == ':') {
                    i = skipWs(t, i + 1);
                }
                if (key == token) {
                    at = i;
                    found = true;
                    break;
                }
                i = skipWs(t, skipValue(t, i));
                if (i < t.size() && t[i] == ',') {
                    i = skipWs(t, i + 1);
                }
            }
            if (!found) {
                return at;
            }
        } else if (t[at] == '[') {
            const long index = std::strtol(token.c_str(), nullptr, 10);
            std::size_t i = skipWs(t, at + 1);
            for (long k = 0; k < index && i < t.size() && t[i] != ']'; ++k) {
                i = skipWs(t, skipValue(t, i));
                if (i < t.size() && t[i] == ',') {
                    i = skipWs(t, i + 1);
                }
            }
            if (i >= t.size() || t[i] == ']') {
                return at;
            }
            at = i;
        } else {
            return at;
        }
    }
    return at;
}

// ---------------------------------------------------------------------------------------------
namespace {

using Path = std::vector<std::string>;

std::string pathText(const Path& path) {
    std::string s;
    for (const std::string& p : path) {
        if (!p.empty() && std::isdigit(static_cast<unsigned char>(p[0]))) {
            s += "[" + p + "]";
        } else {
            s += (s.empty() ? "" : ".") + p;
        }
    }
    return s.empty() ? "(document)" : s;
}

// Collects the first error with its position; later reads become no-ops.
class Reader {
public:
    Reader(std::string_view text, std::string file) : mText(text), mFile(std::move(file)) {}

    bool failed() const { return mError.has_value(); }
    core::Error error() const { return *mError; }

    void fail(const Path& path, const std::string& what) {
        if (mError) {
            return;
        }
        const std::size_t offset = locateJsonPath(mText, path);
        const core::TextPosition pos = core::textPositionOf(mText, offset);
        mError = core::Error{mFile + ":" + std::to_string(pos.line) + ": " + pathText(path) + ": " +
                             what};
    }

    const json* member(const json& obj, const Path& path, const std::string& key, bool required) {
        if (failed()) {
            return nullptr;
        }
        if (!obj.is_object()) {
            fail(path, "expected an object");
            return nullptr;
        }
        const auto it = obj.find(key);
        if (it == obj.end()) {
            if (required) {
                fail(path, "missing field '" + key + "'");
            }
            return nullptr;
        }
        return &*it;
    }

    // A plain number in [lo, hi].
    double number(const json& obj, const Path& path, const std::string& key, double lo, double hi,
                  std::optional<double> fallback = std::nullopt) {
        const json* v = member(obj, path, key, !fallback.has_value());
        if (v == nullptr) {
            return fallback.value_or(0.0);
        }
        return checkNumber(*v, with(path, key), lo, hi);
    }

    double checkNumber(const json& v, const Path& path, double lo, double hi) {
        if (failed()) {
            return 0.0;
        }
        if (!v.is_number()) {
            fail(path, "expected a number");
            return 0.0;
        }
        const double x = v.get<double>();
        if (!std::isfinite(x)) {
            fail(path, "not a finite number");
            return 0.0;
        }
        bool isTemperature = false;
        for (const std::string& part : path) {
            isTemperature = isTemperature || part.find("TemperatureC") != std::string::npos;
        }
        if (x < lo || x > hi) {
            if (isTemperature && x < -273.15) {
                fail(path, "temperature below absolute zero (" + fmt(x) + " C)");
            } else if (x < 0.0 && lo >= 0.0) {
                fail(path, "must not be negative (got " + fmt(x) + ")");
            } else {
                fail(path, "out of range [" + fmt(lo) + ", " + fmt(hi) + "] (got " + fmt(x) + ")");
            }
            return 0.0;
        }
        return x;
    }

    // A parameter: {"value": number, "source": "..."}; the source must be given.
    double param(const json& obj, const Path& path, const std::string& key, double lo, double hi) {
        const json* v = member(obj, path, key, true);
        if (v == nullptr) {
            return 0.0;
        }
        const Path p = with(path, key);
        requireSource(*v, p);
        const json* value = member(*v, p, "value", true);
        return value != nullptr ? checkNumber(*value, with(p, "value"), lo, hi) : 0.0;
    }

    void requireSource(const json& obj, const Path& path) {
        const json* s = member(obj, path, "source", true);
        if (s != nullptr && (!s->is_string() || s->get<std::string>().empty())) {
            fail(with(path, "source"), "a non-empty source text is required");
        }
    }

    std::string text(const json& obj, const Path& path, const std::string& key,
                     std::optional<std::string> fallback = std::nullopt) {
        const json* v = member(obj, path, key, !fallback.has_value());
        if (v == nullptr) {
            return fallback.value_or(std::string());
        }
        if (!v->is_string()) {
            fail(with(path, key), "expected a text");
            return {};
        }
        return v->get<std::string>();
    }

    bool boolean(const json& obj, const Path& path, const std::string& key, bool fallback) {
        const json* v = member(obj, path, key, false);
        if (v == nullptr) {
            return fallback;
        }
        if (!v->is_boolean()) {
            fail(with(path, key), "expected true or false");
            return fallback;
        }
        return v->get<bool>();
    }

    static Path with(const Path& path, const std::string& key) {
        Path p = path;
        p.push_back(key);
        return p;
    }

    static std::string fmt(double x) {
        std::ostringstream s;
        s << x;
        return s.str();
    }

private:
    std::string_view mText;
    std::string mFile;
    std::optional<core::Error> mError;
};

core::Result<json> parseJson(std::string_view text, const std::string& fileName) {
    try {
        return json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
        const core::TextPosition pos =
                core::textPositionOf(text, e.byte > 0 ? static_cast<std::size_t>(e.byte - 1) : 0);
        return core::Error{fileName + ":" + std::to_string(pos.line) + ": not valid JSON (" +
                           e.what() + ")"};
    } catch (const json::out_of_range& e) {
        // A number past a double's range ("1e400") is out_of_range.406 and has no position.
        return core::Error{fileName + ": not valid JSON (" + e.what() + ")"};
    }
}

WallLayer readLayer(Reader& r, const json& obj, const Path& path, const std::string& key) {
    WallLayer layer;
    const json* o = r.member(obj, path, key, true);
    if (o == nullptr) {
        return layer;
    }
    const Path p = Reader::with(path, key);
    layer.thicknessM = r.param(*o, p, "thicknessM", 1e-3, 5.0);
    layer.conductivityWPerMK = r.param(*o, p, "conductivityWPerMK", 1e-3, 100.0);
    layer.densityKgPerM3 = r.param(*o, p, "densityKgPerM3", 10.0, 10000.0);
    layer.specificHeatJPerKgK = r.param(*o, p, "specificHeatJPerKgK", 100.0, 5000.0);
    layer.nodes = static_cast<int>(r.param(*o, p, "nodes", 0.0, 8.0));
    return layer;
}

template <typename T>
core::Result<T> loadWith(const std::filesystem::path& path,
                         core::Result<T> (*parse)(std::string_view, const std::string&)) {
    core::Result<std::string> text = core::readTextFile(path);
    if (!text.ok()) {
        return text.error();
    }
    return parse(text.value(), path.string());
}

} // namespace

core::Result<KilnParams> parseKilnParams(std::string_view text, const std::string& fileName) {
    core::Result<json> doc = parseJson(text, fileName);
    if (!doc.ok()) {
        return doc.error();
    }
    const json& j = doc.value();
    Reader r(text, fileName);
    KilnParams p;
    const Path root;
    p.name = r.text(j, root, "name");
    p.rowCount = static_cast<int>(r.param(j, root, "rowCount", 1.0, 200.0));
    p.chamberLengthM = r.param(j, root, "chamberLengthM", 0.5, 200.0);
    p.floorSlopeDeg = r.param(j, root, "floorSlopeDeg", -10.0, 45.0);
    if (const json* prof = r.member(j, root, "profile", true)) {
        const Path pp{"profile"};
        r.requireSource(*prof, pp);
        const json* v = r.member(*prof, pp, "value", true);
        if (v != nullptr && (!v->is_array() || v->empty())) {
            r.fail(Reader::with(pp, "value"),
                   "expected a list of [lengthFraction, widthM, heightM]");
        } else if (v != nullptr) {
            for (std::size_t i = 0; i < v->size() && !r.failed(); ++i) {
                const Path ip = {"profile", "value", std::to_string(i)};
                const json& e = (*v)[i];
                if (!e.is_array() || e.size() != 3) {
                    r.fail(ip, "expected [lengthFraction, widthM, heightM]");
                    break;
                }
                ProfilePoint point;
                point.lengthFraction = r.checkNumber(e[0], ip, 0.0, 1.0);
                point.widthM = r.checkNumber(e[1], ip, 0.1, 50.0);
                point.heightM = r.checkNumber(e[2], ip, 0.1, 50.0);
                if (!p.profile.empty() && point.lengthFraction <= p.profile.back().lengthFraction) {
                    r.fail(ip, "length fractions must rise");
                }
                p.profile.push_back(point);
            }
        }
    }
    if (const json* fb = r.member(j, root, "firebox", true)) {
        const Path f{"firebox"};
        p.fireboxLengthM = r.param(*fb, f, "lengthM", 0.1, 20.0);
        p.fireboxWidthM = r.param(*fb, f, "widthM", 0.1, 20.0);
        p.fireboxHeightM = r.param(*fb, f, "heightM", 0.1, 20.0);
        p.fireboxRiseM = r.param(*fb, f, "riseM", 0.0, 20.0);
    }
    if (const json* rear = r.member(j, root, "rear", true)) {
        const Path f{"rear"};
        p.rearZoneCount = static_cast<int>(r.param(*rear, f, "zoneCount", 0.0, 10.0));
        p.rearZoneLengthM = r.param(*rear, f, "zoneLengthM", 0.1, 20.0);
        p.rearFillMassKg = r.param(*rear, f, "fillMassKg", 0.0, 1e6);
    }
    if (const json* ch = r.member(j, root, "chimney", true)) {
        const Path f{"chimney"};
        p.chimneyHeightM = r.param(*ch, f, "heightM", 0.1, 100.0);
        p.chimneyTopAreaM2 = r.param(*ch, f, "topAreaM2", 0.01, 50.0);
        p.chimneyBaseAreaM2 = r.param(*ch, f, "baseAreaM2", 0.01, 50.0);
        p.chimneyWall = readLayer(r, *ch, f, "wall");
    }
    if (const json* w = r.member(j, root, "wall", true)) {
        const Path f{"wall"};
        p.brick = readLayer(r, *w, f, "brick");
        p.fill = readLayer(r, *w, f, "fill");
        p.wallEmissivity = r.param(*w, f, "innerEmissivity", 0.05, 1.0);
        p.outsideEmissivity = r.param(*w, f, "outerEmissivity", 0.05, 1.0);
        p.outsideConvectionWPerM2K = r.param(*w, f, "outsideConvectionWPerM2K", 0.0, 100.0);
    }
    if (const json* s = r.member(j, root, "setting", true)) {
        const Path f{"setting"};
        p.wareMassKg = r.param(*s, f, "wareMassKg", 0.0, 1e6);
        p.saggarMassKg = r.param(*s, f, "saggarMassKg", 0.0, 1e6);
        p.settingSpecificHeatJPerKgK = r.param(*s, f, "specificHeatJPerKgK", 100.0, 5000.0);
        p.settingEmissivity = r.param(*s, f, "emissivity", 0.05, 1.0);
        p.settingSurfaceM2PerM3 = r.param(*s, f, "surfaceM2PerM3", 0.0, 100.0);
        p.settingVolumeFraction = r.param(*s, f, "volumeFraction", 0.0, 0.9);
        p.settingWallViewFactor = r.param(*s, f, "wallViewFactor", 0.0, 1.0);
        if (s->contains("gapM")) {
            p.settingGapM = r.param(*s, f, "gapM", 0.0, 1.0);
        }
    }
    if (const json* fl = r.member(j, root, "flow", true)) {
        const Path f{"flow"};
        p.stokeMouthAreaM2 = r.param(*fl, f, "stokeMouthAreaM2", 0.0, 20.0);
        p.damperAreaM2 = r.param(*fl, f, "damperAreaM2", 0.01, 50.0);
        p.dischargeCoefficient = r.param(*fl, f, "dischargeCoefficient", 0.1, 1.0);
        p.spyHoleAreaM2 = r.param(*fl, f, "spyHoleAreaM2", 0.0, 1.0);
        p.leakAreaM2 = r.param(*fl, f, "leakAreaM2", 1e-4, 5.0);
        if (fl->contains("doorLeakShare")) {
            p.doorLeakShare = r.param(*fl, f, "doorLeakShare", 0.0, 1.0);
        }
        p.settingFlowResistancePaS2PerKg2 =
                r.param(*fl, f, "settingResistancePaS2PerKg2", 0.0, 1e5);
        p.minimumDraftPa = r.param(*fl, f, "minimumDraftPa", 0.01, 100.0);
    }
    if (const json* fu = r.member(j, root, "fuel", true)) {
        const Path f{"fuel"};
        p.fuel.carbonMassFraction = r.param(*fu, f, "carbonMassFraction", 0.3, 0.7);
        p.fuel.hydrogenMassFraction = r.param(*fu, f, "hydrogenMassFraction", 0.02, 0.1);
        p.fuel.oxygenMassFraction = r.param(*fu, f, "oxygenMassFraction", 0.2, 0.6);
        p.fuel.higherHeatingValueDryJPerKg =
                r.param(*fu, f, "higherHeatingValueDryMJPerKg", 10.0, 30.0) * 1e6;
        p.fuel.moistureWetBasis = r.param(*fu, f, "moistureWetBasis", 0.0, 0.6);
        p.fuel.volatileMatterFraction = r.param(*fu, f, "volatileMatterFraction", 0.5, 0.95);
        p.fuel.devolatilisationTimeConstantS =
                r.param(*fu, f, "devolatilisationTimeConstantS", 10.0, 36000.0);
        p.fuel.charBurnTimeConstantS = r.param(*fu, f, "charBurnTimeConstantS", 10.0, 36000.0);
        // Optional: the ember bed's gasification by CO2 (absent: left out).
        if (const json* g = r.member(*fu, f, "charGasification", false)) {
            const Path gp = Reader::with(f, "charGasification");
            p.fuel.gasificationRatePerSAtReference =
                    r.param(*g, gp, "ratePerSAtReference", 0.0, 1.0);
            p.fuel.gasificationReferenceC = r.param(*g, gp, "referenceTemperatureC", 500.0, 1500.0);
            p.fuel.gasificationActivationJPerMol =
                    r.param(*g, gp, "activationEnergyKJPerMol", 50.0, 500.0) * 1e3;
            p.fuel.gasificationCo2Order = r.param(*g, gp, "co2Order", 0.0, 2.0);
        }
        // Optional: the door's leak air through the ember bed (absent: left out).
        if (const json* b = r.member(*fu, f, "emberBed", false)) {
            const Path bp = Reader::with(f, "emberBed");
            p.fuel.bedLeakShare = r.param(*b, bp, "doorLeakShare", 0.0, 1.0);
            p.fuel.emberDiameterM = r.param(*b, bp, "emberDiameterM", 0.001, 0.5);
            p.fuel.charParticleDensityKgPerM3 =
                    r.param(*b, bp, "charParticleDensityKgPerM3", 50.0, 2000.0);
            p.fuel.bedGasificationRatePerSAtReference =
                    r.param(*b, bp, "gasificationRatePerSAtReference", 0.0, 1.0);
        }
        // Optional: pyrolysis kinetics of the wood (absent: left out).
        if (const json* py = r.member(*fu, f, "pyrolysis", false)) {
            const Path pp = Reader::with(f, "pyrolysis");
            p.fuel.pyrolysisPreExponentialPerS =
                    std::exp(r.param(*py, pp, "lnPreExponentialPerS", 0.0, 60.0));
            p.fuel.pyrolysisActivationJPerMol =
                    r.param(*py, pp, "activationEnergyKJPerMol", 50.0, 400.0) * 1e3;
        }
    }
    if (const json* fl = r.member(j, root, "flame", true)) {
        const Path f{"flame"};
        p.fireboxBurnFraction = r.param(*fl, f, "fireboxBurnFraction", 0.0, 1.0);
        p.zoneBurnFraction = r.param(*fl, f, "zoneBurnFraction", 0.0, 1.0);
        p.lowerFlowShareNormal = r.param(*fl, f, "lowerFlowShareNormal", 0.0, 1.0);
        p.lowerFlowShareClearing = r.param(*fl, f, "lowerFlowShareClearing", 0.0, 1.0);
        p.flameShareTimeConstantS = r.param(*fl, f, "shareTimeConstantS", 1.0, 1e5);
        p.clearingTimeConstantS = fl->contains("clearingTimeConstantS")
                                          ? r.param(*fl, f, "clearingTimeConstantS", 1.0, 1e5)
                                          : p.flameShareTimeConstantS;
        p.streamExchangeFraction = r.param(*fl, f, "streamExchangeFraction", 0.0, 0.5);
    }
    // Optional: the flue-gas thermochemistry file, beside this one (read by loadKilnParams).
    if (const json* gt = r.member(j, root, "gasThermoFile", false)) {
        const Path gp{"gasThermoFile"};
        r.requireSource(*gt, gp);
        p.gasThermoFile = r.text(*gt, gp, "value");
        if (!r.failed() && p.gasThermoFile.empty()) {
            r.fail(Reader::with(gp, "value"), "a file name is required");
        }
    }
    p.sideStoking = r.param(j, root, "sideStoking", 0.0, 1.0) > 0.5;
    p.ambientTemperatureC = r.param(j, root, "ambientTemperatureC", -60.0, 60.0);
    p.maxInternalStepS = r.param(j, root, "maxInternalStepS", 1.0, 600.0);
    if (r.failed()) {
        return r.error();
    }
    return p;
}

core::Result<KilnParams> loadKilnParams(const std::filesystem::path& path) {
    core::Result<KilnParams> p = loadWith<KilnParams>(path, &parseKilnParams);
    if (!p.ok() || p.value().gasThermoFile.empty()) {
        return p;
    }
    core::Result<GasThermo> thermo = loadGasThermo(path.parent_path() / p.value().gasThermoFile);
    if (!thermo.ok()) {
        return core::Error{path.string() + ": gasThermoFile: " + thermo.error().message};
    }
    KilnParams params = std::move(p.value());
    params.gasThermo = std::move(thermo.value());
    return params;
}

core::Result<GasThermo> parseGasThermo(std::string_view text, const std::string& fileName) {
    core::Result<json> doc = parseJson(text, fileName);
    if (!doc.ok()) {
        return doc.error();
    }
    const json& j = doc.value();
    Reader r(text, fileName);
    (void)r.text(j, {}, "source");
    GasThermo thermo;
    static constexpr const char* kNames[kGasSpeciesCount] = {"O2", "N2", "CO2", "H2O", "CO"};
    static constexpr const char* kKeys[8] = {"A", "B", "C", "D", "E", "F", "G", "H"};
    const json* species = r.member(j, {}, "species", true);
    for (int i = 0; i < kGasSpeciesCount && species != nullptr && !r.failed(); ++i) {
        const Path sp = {"species", kNames[i]};
        const json* s = r.member(*species, {"species"}, kNames[i], true);
        if (s == nullptr) {
            break;
        }
        (void)r.text(*s, sp, "source");
        const json* list = r.member(*s, sp, "ranges", true);
        if (list != nullptr && (!list->is_array() || list->empty())) {
            r.fail(Reader::with(sp, "ranges"), "expected a non-empty list");
        } else if (list != nullptr) {
            auto& ranges = thermo.species[static_cast<std::size_t>(i)];
            for (std::size_t k = 0; k < list->size() && !r.failed(); ++k) {
                Path rp = Reader::with(sp, "ranges");
                rp.push_back(std::to_string(k));
                const json& o = (*list)[k];
                ShomateRange range;
                range.minK = r.number(o, rp, "minK", 1.0, 1e4);
                range.maxK = r.number(o, rp, "maxK", 1.0, 1e4);
                for (std::size_t c = 0; c < 8; ++c) {
                    range.coefficients[c] = r.number(o, rp, kKeys[c], -1e6, 1e6);
                }
                if (!r.failed() && !(range.maxK > range.minK)) {
                    r.fail(Reader::with(rp, "maxK"), "must be above minK");
                }
                if (!r.failed() && !ranges.empty() &&
                    std::abs(range.minK - ranges.back().maxK) > 1e-9) {
                    r.fail(Reader::with(rp, "minK"), "ranges must join (previous maxK)");
                }
                ranges.push_back(range);
            }
        }
    }
    if (r.failed()) {
        return r.error();
    }
    return thermo;
}

core::Result<GasThermo> loadGasThermo(const std::filesystem::path& path) {
    return loadWith<GasThermo>(path, &parseGasThermo);
}

core::Result<FiringSchedule> parseSchedule(std::string_view text, const std::string& fileName) {
    core::Result<json> doc = parseJson(text, fileName);
    if (!doc.ok()) {
        return doc.error();
    }
    const json& j = doc.value();
    Reader r(text, fileName);
    FiringSchedule s;
    const Path root;
    s.name = r.text(j, root, "name");
    (void)r.text(j, root, "source");
    s.kilnFile = r.text(j, root, "kiln");
    s.planFile = r.text(j, root, "loadingPlan", std::string());
    s.stepSeconds = r.number(j, root, "stepSeconds", 1.0, 600.0, 60.0);
    s.chargeIntervalMinutes = r.number(j, root, "chargeIntervalMinutes", 0.0, 120.0, 0.0);
    s.stopHours = r.number(j, root, "stopHours", 0.0, 1000.0);
    s.endHours = r.number(j, root, "endHours", 0.0, 1000.0);
    if (const json* warm = r.member(j, root, "warmStart", false); warm != nullptr) {
        const Path w = {"warmStart"};
        (void)r.text(*warm, w, "source");
        s.previousFirings = static_cast<int>(r.number(*warm, w, "previousFirings", 0.0, 5.0));
        s.turnaroundHours = r.number(*warm, w, "turnaroundHours", 0.0, 240.0);
        s.turnaroundMouthOpen = r.number(*warm, w, "stokeMouthOpen", 0.0, 1.0, 1.0);
    }
    const json* phases = r.member(j, root, "phases", true);
    if (phases != nullptr && (!phases->is_array() || phases->empty())) {
        r.fail({"phases"}, "expected a non-empty list of phases");
    } else if (phases != nullptr) {
        for (std::size_t i = 0; i < phases->size() && !r.failed(); ++i) {
            const json& o = (*phases)[i];
            const Path p = {"phases", std::to_string(i)};
            SchedulePhase ph;
            ph.name = r.text(o, p, "name");
            (void)r.text(o, p, "source");
            ph.startHours = r.number(o, p, "startHours", 0.0, 1000.0);
            if (!s.phases.empty() && ph.startHours < s.phases.back().startHours && !r.failed()) {
                r.fail(Reader::with(p, "startHours"),
                       "time goes backwards (" + Reader::fmt(ph.startHours) + " h after " +
                               Reader::fmt(s.phases.back().startHours) + " h)");
            }
            const std::string mode = r.text(o, p, "stoking");
            if (mode == "fixed") {
                ph.stoking = StokingMode::Fixed;
                ph.feedStartKgPerHour = r.number(o, p, "feedStartKgPerHour", 0.0, 1e5);
                ph.feedEndKgPerHour = r.number(o, p, "feedEndKgPerHour", 0.0, 1e5);
            } else if (mode == "draft") {
                ph.stoking = StokingMode::Draft;
                ph.airRatioStart = r.number(o, p, "airRatioStart", 0.3, 10.0);
                ph.airRatioEnd = r.number(o, p, "airRatioEnd", 0.3, 10.0);
                ph.feedStartKgPerHour = r.number(o, p, "minFeedKgPerHour", 0.0, 1e5, 0.0);
                ph.maxFeedKgPerHour = r.number(o, p, "maxFeedKgPerHour", 0.0, 1e5);
                ph.frontTargetStartC = r.number(o, p, "frontTargetStartC", 0.0, 2000.0, 0.0);
                ph.frontTargetEndC =
                        r.number(o, p, "frontTargetEndC", 0.0, 2000.0, ph.frontTargetStartC);
                ph.frontTargetByDamper = r.boolean(o, p, "frontTargetByDamper", false);
                ph.frontTargetResetHours = r.number(o, p, "frontTargetResetHours", 0.0, 100.0, 0.0);
            } else if (!r.failed()) {
                r.fail(Reader::with(p, "stoking"), "expected \"fixed\" or \"draft\"");
            }
            ph.stokeMouthOpen = r.number(o, p, "stokeMouthOpen", 0.0, 1.0);
            ph.damperOpen = r.number(o, p, "damperOpen", 0.0, 1.0);
            ph.spyHolesOpen = static_cast<int>(r.number(o, p, "spyHolesOpen", 0.0, 8.0, 0.0));
            ph.clearing = r.boolean(o, p, "clearing", false);
            ph.doorSealed = r.boolean(o, p, "doorSealed", false);
            ph.sideFeedKgPerHour = r.number(o, p, "sideFeedKgPerHour", 0.0, 1e5, 0.0);
            ph.sideRowFirst = static_cast<int>(r.number(o, p, "sideRowFirst", 1.0, 200.0, 0.0)) - 1;
            ph.sideRowLast = static_cast<int>(r.number(o, p, "sideRowLast", 1.0, 200.0, 0.0)) - 1;
            s.phases.push_back(ph);
        }
    }
    if (!r.failed() && !s.phases.empty() && s.endHours < s.phases.back().startHours) {
        r.fail({"endHours"}, "time goes backwards: the run ends before its last phase starts");
    }
    if (!r.failed() && s.stopHours > s.endHours) {
        r.fail({"stopHours"}, "the stop comes after the end of the run");
    }
    if (r.failed()) {
        return r.error();
    }
    return s;
}

core::Result<FiringSchedule> loadSchedule(const std::filesystem::path& path) {
    return loadWith<FiringSchedule>(path, &parseSchedule);
}

namespace {

std::optional<GlazeKind> glazeFromName(const std::string& name) {
    for (GlazeKind k : {GlazeKind::Qingbai, GlazeKind::Celadon, GlazeKind::BlueAndWhite,
                        GlazeKind::CopperRed, GlazeKind::CobaltBlue, GlazeKind::Plain}) {
        if (name == glazeName(k)) {
            return k;
        }
    }
    return std::nullopt;
}

WareSpec readWare(Reader& r, const json& o, const Path& p, const WareSpec& fallback) {
    WareSpec w = fallback;
    w.label = r.text(o, p, "label", fallback.label);
    const std::string glaze = r.text(o, p, "glaze", glazeName(fallback.glaze));
    if (auto k = glazeFromName(glaze)) {
        w.glaze = *k;
    } else if (!r.failed()) {
        r.fail(Reader::with(p, "glaze"), "unknown glaze '" + glaze + "'");
    }
    w.minimumCone = r.text(o, p, "minimumCone", fallback.minimumCone);
    w.matureCone = r.text(o, p, "matureCone", fallback.matureCone);
    w.maximumCone = r.text(o, p, "maximumCone", fallback.maximumCone);
    return w;
}

} // namespace

core::Result<std::vector<WareSpec>> parseLoadingPlan(std::string_view text,
                                                     const std::string& fileName, int rowCount) {
    core::Result<json> doc = parseJson(text, fileName);
    if (!doc.ok()) {
        return doc.error();
    }
    const json& j = doc.value();
    Reader r(text, fileName);
    (void)r.text(j, {}, "source");
    WareSpec base;
    if (const json* d = r.member(j, {}, "default", true)) {
        base = readWare(r, *d, {"default"}, base);
    }
    std::vector<WareSpec> plan(static_cast<std::size_t>(rowCount) * 2, base);
    const json* groups = r.member(j, {}, "groups", true);
    if (groups != nullptr && !groups->is_array()) {
        r.fail({"groups"}, "expected a list");
    } else if (groups != nullptr) {
        for (std::size_t i = 0; i < groups->size() && !r.failed(); ++i) {
            const json& o = (*groups)[i];
            const Path p = {"groups", std::to_string(i)};
            (void)r.text(o, p, "source");
            const json* rows = r.member(o, p, "rows", true);
            int first = 0;
            int last = -1;
            if (rows != nullptr && (!rows->is_array() || rows->size() != 2)) {
                r.fail(Reader::with(p, "rows"), "expected [first, last] (1-based)");
            } else if (rows != nullptr) {
                first = static_cast<int>(
                                r.checkNumber((*rows)[0], Reader::with(p, "rows"), 1.0, rowCount)) -
                        1;
                last = static_cast<int>(
                               r.checkNumber((*rows)[1], Reader::with(p, "rows"), 1.0, rowCount)) -
                       1;
                if (last < first && !r.failed()) {
                    r.fail(Reader::with(p, "rows"), "last row before first row");
                }
            }
            const std::string pos = r.text(o, p, "position");
            if (pos != "upper" && pos != "lower" && pos != "both" && !r.failed()) {
                r.fail(Reader::with(p, "position"), "expected upper, lower or both");
            }
            const WareSpec w = readWare(r, o, p, base);
            for (int row = first; row <= last && !r.failed(); ++row) {
                if (pos != "lower") {
                    plan[static_cast<std::size_t>(row * 2 + kUpper)] = w;
                }
                if (pos != "upper") {
                    plan[static_cast<std::size_t>(row * 2 + kLower)] = w;
                }
            }
        }
    }
    if (r.failed()) {
        return r.error();
    }
    return plan;
}

core::Result<std::vector<WareSpec>> loadLoadingPlan(const std::filesystem::path& path,
                                                    int rowCount) {
    core::Result<std::string> text = core::readTextFile(path);
    if (!text.ok()) {
        return text.error();
    }
    return parseLoadingPlan(text.value(), path.string(), rowCount);
}

core::Result<HeatworkModel> parseHeatwork(std::string_view text, const std::string& fileName) {
    core::Result<json> doc = parseJson(text, fileName);
    if (!doc.ok()) {
        return doc.error();
    }
    const json& j = doc.value();
    Reader r(text, fileName);
    ActivationEnergyProfile profile;
    if (const json* ae = r.member(j, {}, "activationEnergy", true)) {
        const Path p = {"activationEnergy"};
        r.requireSource(*ae, p);
        for (const char* key : {"knotsC", "energiesJPerMol"}) {
            const json* list = r.member(*ae, p, key, true);
            if (list == nullptr) {
                break;
            }
            if (!list->is_array() || list->empty()) {
                r.fail(Reader::with(p, key), "expected a non-empty list of numbers");
                break;
            }
            const bool knots = std::string_view(key) == "knotsC";
            for (std::size_t i = 0; i < list->size() && !r.failed(); ++i) {
                const Path at = Reader::with(Reader::with(p, key), std::to_string(i));
                const double x = knots ? r.checkNumber((*list)[i], at, -273.15, 3000.0)
                                       : r.checkNumber((*list)[i], at, 1e4, 1e7);
                (knots ? profile.knotsC : profile.energiesJPerMol).push_back(x);
                if (knots && i > 0 && !(x > profile.knotsC[i - 1])) {
                    r.fail(at, "the knots must rise");
                }
            }
        }
        if (!r.failed() && profile.knotsC.size() != profile.energiesJPerMol.size()) {
            r.fail(Reader::with(p, "energiesJPerMol"), "expected one energy per knot");
        }
    }
    std::vector<OrtonCone> cones;
    const json* list = r.member(j, {}, "cones", true);
    if (list != nullptr && (!list->is_array() || list->empty())) {
        r.fail({"cones"}, "expected a non-empty list");
    } else if (list != nullptr) {
        for (std::size_t i = 0; i < list->size() && !r.failed(); ++i) {
            const Path p = {"cones", std::to_string(i)};
            const json& o = (*list)[i];
            OrtonCone c;
            c.name = r.text(o, p, "cone");
            c.temperatureAt60CPerHourC =
                    r.number(o, p, "at60CPerHourTemperatureC", -273.15, 2000.0);
            c.temperatureAt150CPerHourC =
                    r.number(o, p, "at150CPerHourTemperatureC", -273.15, 2000.0);
            // The chart's slow column is blank for the lowest cones: the field may be missing.
            if (r.member(o, p, "at15CPerHourTemperatureC", false) != nullptr) {
                c.temperatureAt15CPerHourC =
                        r.number(o, p, "at15CPerHourTemperatureC", -273.15, 2000.0);
            }
            cones.push_back(c);
        }
    }
    if (r.failed()) {
        return r.error();
    }
    core::Result<HeatworkModel> model = HeatworkModel::create(profile, std::move(cones));
    if (!model.ok()) {
        return core::Error{fileName + ": " + model.error().message};
    }
    return model;
}

core::Result<HeatworkModel> loadHeatwork(const std::filesystem::path& path) {
    return loadWith<HeatworkModel>(path, &parseHeatwork);
}

core::Result<std::vector<PlayerCommand>> parseCommands(std::string_view text,
                                                       const std::string& fileName) {
    core::Result<json> doc = parseJson(text, fileName);
    if (!doc.ok()) {
        return doc.error();
    }
    const json& j = doc.value();
    Reader r(text, fileName);
    std::vector<PlayerCommand> out;
    const json* list = r.member(j, {}, "commands", true);
    if (list != nullptr && !list->is_array()) {
        r.fail({"commands"}, "expected a list");
    } else if (list != nullptr) {
        for (std::size_t i = 0; i < list->size() && !r.failed(); ++i) {
            const Path p = {"commands", std::to_string(i)};
            const json& o = (*list)[i];
            PlayerCommand c;
            c.atHours = r.number(o, p, "atHours", 0.0, 1000.0);
            if (!out.empty() && c.atHours < out.back().atHours && !r.failed()) {
                r.fail(Reader::with(p, "atHours"), "time goes backwards");
            }
            const std::string kind = r.text(o, p, "command");
            struct Named {
                const char* name;
                CommandKind kind;
                double lo;
                double hi;
            };
            static constexpr Named kinds[] = {
                    {"stoke", CommandKind::Stoke, 0.0, 5000.0},
                    {"feedRate", CommandKind::FeedRate, 0.0, 1e5},
                    {"mouth", CommandKind::Mouth, 0.0, 1.0},
                    {"damper", CommandKind::Damper, 0.0, 1.0},
                    {"spyHoles", CommandKind::SpyHoles, 0.0, 8.0},
                    {"clearing", CommandKind::Clearing, 0.0, 1.0},
                    {"auto", CommandKind::Auto, 0.0, 0.0},
            };
            bool known = false;
            for (const Named& n : kinds) {
                if (kind == n.name) {
                    known = true;
                    c.kind = n.kind;
                    c.amount = n.kind == CommandKind::Auto ? 0.0
                                                           : r.number(o, p, "amount", n.lo, n.hi);
                }
            }
            if (!known && !r.failed()) {
                r.fail(Reader::with(p, "command"), "unknown command '" + kind +
                                                           "' (stoke, feedRate, mouth, damper, "
                                                           "spyHoles, clearing, auto)");
            }
            out.push_back(c);
        }
    }
    if (r.failed()) {
        return r.error();
    }
    return out;
}

core::Result<std::vector<PlayerCommand>> loadCommands(const std::filesystem::path& path) {
    return loadWith<std::vector<PlayerCommand>>(path, &parseCommands);
}

core::Result<std::vector<OrtonCone>> parseOrtonCsv(std::string_view text,
                                                   const std::string& fileName) {
    std::vector<OrtonCone> cones;
    std::istringstream in{std::string(text)};
    std::string line;
    int lineNo = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        if (lineNo == 1 || line.empty()) {
            continue; // header
        }
        std::istringstream fields(line);
        std::string cone;
        std::string t60;
        std::string t150;
        if (!std::getline(fields, cone, ',') || !std::getline(fields, t60, ',') ||
            !std::getline(fields, t150, ',')) {
            return core::Error{fileName + ":" + std::to_string(lineNo) +
                               ": expected cone,t60,t150"};
        }
        char* end = nullptr;
        const double a = std::strtod(t60.c_str(), &end);
        const bool okA = end != t60.c_str();
        const double b = std::strtod(t150.c_str(), &end);
        const bool okB = end != t150.c_str();
        if (!okA || !okB) {
            return core::Error{fileName + ":" + std::to_string(lineNo) + ": bad temperature"};
        }
        cones.push_back({cone, a, b});
    }
    if (cones.empty()) {
        return core::Error{fileName + ": no cones"};
    }
    return cones;
}

} // namespace kiln::sim
