// The firing dashboard: chart, heat map, atmosphere gauge, cone pack, controls, test piece and
// results, drawn with ImGui's draw lists inside one fixed window.
#include "kiln/ui/firing_dashboard.h"

#include "kiln/ui/theme.h"
#include "kiln/ui/touch_target.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace kiln::ui {

namespace {

using content::Language;

constexpr ImGuiWindowFlags kWindowFlags =
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNav |
        ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoScrollbar |
        ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBringToFrontOnFocus;

constexpr float kPi = 3.14159265f;

// Line colours of the chart, one per zone, and of the outcome marks (no text).
constexpr ImU32 kFrontColour = IM_COL32(255, 196, 64, 255);
constexpr ImU32 kMiddleColour = IM_COL32(255, 120, 40, 255);
constexpr ImU32 kRearColour = IM_COL32(200, 60, 40, 255);
constexpr ImU32 kFireboxColour = IM_COL32(120, 190, 255, 255);
constexpr ImU32 kGridColour = IM_COL32(255, 255, 255, 40);
constexpr ImU32 kCursorColour = IM_COL32(255, 255, 255, 230);
constexpr std::array<ImU32, 3> kAtmosphereColours{
        IM_COL32(70, 130, 220, 255), IM_COL32(150, 150, 150, 255), IM_COL32(200, 90, 50, 255)};
constexpr std::array<ImU32, 5> kOutcomeColours{
        IM_COL32(140, 140, 140, 255), IM_COL32(90, 150, 230, 255), IM_COL32(80, 190, 90, 255),
        IM_COL32(240, 150, 40, 255), IM_COL32(220, 50, 50, 255)};

ImU32 toColour(const Rgb& c) {
    auto byte = [](float v) {
        return static_cast<int>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f));
    };
    return IM_COL32(byte(c.r), byte(c.g), byte(c.b), 255);
}

std::string formatNumber(double value, int decimals) {
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

// "100000" -> "100,000×": the same in both languages.
std::string speedLabel(double speed) {
    std::string digits = formatNumber(speed, 0);
    std::string out;
    const std::size_t n = digits.size();
    for (std::size_t i = 0; i < n; ++i) {
        out.push_back(digits[i]);
        if ((n - i - 1) % 3 == 0 && i + 1 < n) {
            out.push_back(',');
        }
    }
    out.append("×");
    return out;
}

// Centred in [x0, x0 + width].
void placeCentred(ImDrawList* list, FiringDashboardCommand& command, float x0, float width, float y,
                  std::string_view text, ImU32 colour) {
    const float w = ImGui::CalcTextSize(text.data(), text.data() + text.size()).x;
    placeText(*list, command.placed, ImVec2(x0 + (width - w) * 0.5f, y), text, width, colour);
}

float buttonWidth(std::string_view label, float uiScale) {
    const float text = ImGui::CalcTextSize(label.data(), label.data() + label.size()).x;
    return std::max(touchTargetPx(uiScale), text + 2.0f * ImGui::GetStyle().FramePadding.x);
}

// Puts the next button on this line when it fits before rightX, else on a new line.
void flowTo(float width, float rightX, bool first) {
    if (first) {
        return;
    }
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    if (ImGui::GetItemRectMax().x + spacing + width <= rightX) {
        ImGui::SameLine();
    }
}

double niceStep(double range, int wanted) {
    const double raw = range / std::max(1, wanted);
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        if (m * power >= raw) {
            return m * power;
        }
    }
    return 10.0 * power;
}

struct ChartArea {
    ImVec2 min, max;
    double endHours = 1.0;
    double topC = 1400.0;
    float xOf(double hours) const {
        return min.x + static_cast<float>(hours / endHours) * (max.x - min.x);
    }
    float yOf(double c) const {
        return max.y - static_cast<float>(std::clamp(c / topC, 0.0, 1.0)) * (max.y - min.y);
    }
};

void drawChart(const FiringDashboardView& view, FiringDashboardCommand& command, ImVec2 origin,
               ImVec2 size) {
    const DashboardLabels& l = view.labels;
    const OverlayColours& colours = overlayColours();
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float lh = ImGui::GetTextLineHeight();
    const float gap = 6.0f * view.uiScale;
    // Legend: one swatch and name per line of the chart.
    const std::array<std::pair<const std::string*, ImU32>, 4> legend{
            {{&l.front, kFrontColour},
             {&l.middle, kMiddleColour},
             {&l.rear, kRearColour},
             {&l.firebox, kFireboxColour}}};
    const float slot = size.x / 4.0f;
    for (std::size_t i = 0; i < legend.size(); ++i) {
        const float x = origin.x + slot * static_cast<float>(i);
        list->AddRectFilled(ImVec2(x, origin.y + lh * 0.35f), ImVec2(x + lh, origin.y + lh * 0.65f),
                            legend[i].second);
        placeText(*list, command.placed, ImVec2(x + lh + gap, origin.y), *legend[i].first,
                  slot - lh - 2.0f * gap, colours.text);
    }
    placeText(*list, command.placed, ImVec2(origin.x, origin.y + lh + gap), l.temperatureAxis,
              size.x, colours.dimText);

    double topC = 1400.0;
    const FiringHistory* history = view.history;
    double endHours = std::max(view.endHours, 1.0);
    if (history != nullptr && !history->empty()) {
        endHours = std::max(endHours, history->lastHours());
        for (const FiringSample& p : history->points()) {
            topC = std::max({topC, p.frontC, p.middleC, p.rearC, p.fireboxC});
        }
    }
    const double stepC = niceStep(topC, 4);
    topC = std::ceil(topC / stepC - 1e-9) * stepC;
    const float tickWidth = ImGui::CalcTextSize("0000").x + gap;
    ChartArea area;
    area.endHours = endHours;
    area.topC = topC;
    area.min = ImVec2(origin.x + tickWidth, origin.y + 2.0f * lh + 2.0f * gap);
    area.max = ImVec2(origin.x + size.x - gap, origin.y + size.y - 2.0f * lh - gap);
    command.chartMin = area.min;
    command.chartMax = area.max;

    list->AddRectFilled(area.min, area.max, IM_COL32(0, 0, 0, 90));
    for (double c = 0.0; c <= topC + 1e-6; c += stepC) {
        const float y = area.yOf(c);
        list->AddLine(ImVec2(area.min.x, y), ImVec2(area.max.x, y), kGridColour);
        const std::string tick = formatNumber(c, 0);
        const float w = ImGui::CalcTextSize(tick.c_str()).x;
        placeText(*list, command.placed, ImVec2(area.min.x - gap - w, y - lh * 0.5f), tick,
                  tickWidth, colours.dimText);
    }
    const double stepH =
            niceStep(endHours,
                     std::max(2, static_cast<int>((area.max.x - area.min.x) / (tickWidth * 2.0f))));
    for (double h = 0.0; h <= endHours + 1e-6; h += stepH) {
        const float x = area.xOf(h);
        list->AddLine(ImVec2(x, area.min.y), ImVec2(x, area.max.y), kGridColour);
        const std::string tick = formatNumber(h, 0);
        const float w = ImGui::CalcTextSize(tick.c_str()).x;
        placeText(*list, command.placed, ImVec2(x - w * 0.5f, area.max.y + gap * 0.5f), tick,
                  tickWidth * 2.0f, colours.dimText);
    }
    const float axisWidth = ImGui::CalcTextSize(l.timeAxis.c_str()).x;
    placeText(*list, command.placed, ImVec2(area.max.x - axisWidth, area.max.y + gap * 0.5f + lh),
              l.timeAxis, area.max.x - origin.x, colours.dimText);

    if (history != nullptr && history->size() >= 2) {
        const auto& points = history->points();
        std::vector<ImVec2> line(points.size());
        auto plot = [&](double FiringSample::*field, ImU32 colour) {
            for (std::size_t i = 0; i < points.size(); ++i) {
                line[i] = ImVec2(area.xOf(points[i].timeHours), area.yOf(points[i].*field));
            }
            list->AddPolyline(line.data(), static_cast<int>(line.size()), colour, 0,
                              2.0f * view.uiScale);
        };
        plot(&FiringSample::fireboxC, kFireboxColour);
        plot(&FiringSample::rearC, kRearColour);
        plot(&FiringSample::middleC, kMiddleColour);
        plot(&FiringSample::frontC, kFrontColour);
    }
    const float cursorX = area.xOf(std::clamp(view.currentHours, 0.0, endHours));
    list->AddLine(ImVec2(cursorX, area.min.y), ImVec2(cursorX, area.max.y), kCursorColour,
                  2.0f * view.uiScale);
    list->AddTriangleFilled(ImVec2(cursorX - gap, area.min.y), ImVec2(cursorX + gap, area.min.y),
                            ImVec2(cursorX, area.min.y + gap * 1.5f), kCursorColour);

    // The plot is one touch target: a finger on it scrubs to the hour under it.
    ImGui::SetCursorScreenPos(area.min);
    ImGui::InvisibleButton("##chart", ImVec2(std::max(area.max.x - area.min.x, 1.0f),
                                             std::max(area.max.y - area.min.y, 1.0f)));
    command.targets.push_back({"chart", area.min, area.max});
    if (ImGui::IsItemActive()) {
        const float x = std::clamp(ImGui::GetIO().MousePos.x, area.min.x, area.max.x);
        command.scrubToHours =
                endHours * static_cast<double>((x - area.min.x) / (area.max.x - area.min.x));
    }
}

void drawHeatMap(const FiringDashboardView& view, FiringDashboardCommand& command, ImVec2 origin,
                 float width) {
    const DashboardLabels& l = view.labels;
    const OverlayColours& colours = overlayColours();
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float lh = ImGui::GetTextLineHeight();
    const float gap = 6.0f * view.uiScale;
    const float band = touchTargetPx(view.uiScale);
    placeText(*list, command.placed, origin, l.section, width, colours.text);
    const float nameWidth = std::max(ImGui::CalcTextSize(l.upper.c_str()).x,
                                     ImGui::CalcTextSize(l.lower.c_str()).x) +
                            gap;
    const float x0 = origin.x + nameWidth;
    const float x1 = origin.x + width;
    const float y0 = origin.y + lh + gap;
    command.heatMapMin = ImVec2(x0, y0);
    command.heatMapMax = ImVec2(x1, y0 + 2.0f * band);
    const int rows = static_cast<int>(view.rows.size());
    const float cell = rows > 0 ? (x1 - x0) / static_cast<float>(rows) : 0.0f;
    for (int p = 0; p < 2; ++p) {
        const float top = y0 + band * static_cast<float>(p);
        const std::string& name = p == sim::kUpper ? l.upper : l.lower;
        placeText(*list, command.placed, ImVec2(origin.x, top + (band - lh) * 0.5f), name,
                  nameWidth, colours.text);
        for (int r = 0; r < rows; ++r) {
            const HeatMapRow& row = view.rows[static_cast<std::size_t>(r)];
            const float cx = x0 + cell * static_cast<float>(r);
            list->AddRectFilled(ImVec2(cx, top), ImVec2(cx + cell, top + band - 1.0f),
                                toColour(p == sim::kUpper ? row.upperColour : row.lowerColour));
        }
        if (view.testPiece && view.testPiece->position == p && rows > 0) {
            const float cx = x0 + cell * static_cast<float>(view.testPiece->row);
            list->AddRect(ImVec2(cx, top), ImVec2(cx + cell, top + band - 1.0f), kCursorColour,
                          0.0f, 0, 2.0f * view.uiScale);
        }
        ImGui::SetCursorScreenPos(ImVec2(x0, top));
        const char* id = p == sim::kUpper ? "##heat_upper" : "##heat_lower";
        const bool tapped = ImGui::InvisibleButton(id, ImVec2(std::max(x1 - x0, 1.0f), band));
        command.targets.push_back({p == sim::kUpper ? "heatmap.upper" : "heatmap.lower",
                                   ImVec2(x0, top), ImVec2(x1, top + band)});
        if (tapped && rows > 0) {
            const float x = ImGui::GetIO().MousePos.x;
            const int r = std::clamp(static_cast<int>(std::floor((x - x0) / cell)), 0, rows - 1);
            command.pull = PullTestPiece{r, p == sim::kUpper ? sim::kUpper : sim::kLower};
        }
    }
    // Front at the left, rear at the right.
    const float yLabels = y0 + 2.0f * band + gap * 0.5f;
    placeText(*list, command.placed, ImVec2(x0, yLabels), l.front, (x1 - x0) * 0.5f,
              colours.dimText);
    const float rearWidth = ImGui::CalcTextSize(l.rear.c_str()).x;
    placeText(*list, command.placed, ImVec2(x1 - rearWidth, yLabels), l.rear, (x1 - x0) * 0.5f,
              colours.dimText);
    ImGui::SetCursorScreenPos(ImVec2(origin.x, yLabels + lh + gap));
    ImGui::PushStyleColor(ImGuiCol_Text, colours.dimText);
    textWrappedAt(l.pullHint, origin.x + width - ImGui::GetWindowPos().x);
    ImGui::PopStyleColor();
    recordDrawnText(l.pullHint);
}

// The firing time and the wood burnt at the cursor: label, then value, one line each.
void drawReadout(const FiringDashboardView& view, FiringDashboardCommand& command, float width) {
    const OverlayColours& colours = overlayColours();
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float lh = ImGui::GetTextLineHeight();
    const float gap = 8.0f * view.uiScale;
    double fuelKg = 0.0;
    if (view.history != nullptr) {
        if (const auto sample = view.history->sampleAt(view.currentHours)) {
            fuelKg = sample->fuelBurntKg;
        }
    }
    std::string hours = formatNumber(view.currentHours, 1);
    hours.append(" h");
    std::string fuel = formatNumber(fuelKg, 0);
    fuel.append(" kg");
    const std::array<std::pair<const std::string*, std::string>, 2> lines{
            {{&view.labels.firingTime, hours}, {&view.labels.woodBurnt, fuel}}};
    const ImVec2 o = ImGui::GetCursorScreenPos();
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const float y = o.y + lh * static_cast<float>(i);
        const float valueWidth = ImGui::CalcTextSize(lines[i].second.c_str()).x;
        placeText(*list, command.placed, ImVec2(o.x, y), *lines[i].first, width - valueWidth - gap,
                  colours.dimText);
        placeText(*list, command.placed, ImVec2(o.x + width - valueWidth, y), lines[i].second,
                  valueWidth, colours.text);
    }
    ImGui::Dummy(ImVec2(width, 2.0f * lh + gap * 0.5f));
}

void drawAtmosphereGauge(const FiringDashboardView& view, FiringDashboardCommand& command,
                         float width) {
    const OverlayColours& colours = overlayColours();
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float lh = ImGui::GetTextLineHeight();
    const float gap = 6.0f * view.uiScale;
    const ImVec2 o = ImGui::GetCursorScreenPos();
    const float needleH = lh * 0.6f;
    const float segment = width / 3.0f;
    const float top = o.y + needleH;
    for (int i = 0; i < 3; ++i) {
        const float x = o.x + segment * static_cast<float>(i);
        list->AddRectFilled(ImVec2(x + 1.0f, top), ImVec2(x + segment - 1.0f, top + lh + gap),
                            kAtmosphereColours[static_cast<std::size_t>(i)]);
        placeCentred(list, command, x, segment, top + gap * 0.5f,
                     view.labels.atmospheres[static_cast<std::size_t>(i)], colours.textOnLit);
    }
    const float nx = o.x + segment * (static_cast<float>(view.atmosphere) + 0.5f);
    list->AddTriangleFilled(ImVec2(nx - needleH * 0.6f, o.y), ImVec2(nx + needleH * 0.6f, o.y),
                            ImVec2(nx, top), kCursorColour);
    // A tick under the needle's point, short of the segment's label.
    list->AddLine(ImVec2(nx, top), ImVec2(nx, top + gap * 0.5f), kCursorColour,
                  3.0f * view.uiScale);
    ImGui::Dummy(ImVec2(width, needleH + lh + 2.0f * gap));
}

void drawConePack(const FiringDashboardView& view, FiringDashboardCommand& command, float width) {
    const OverlayColours& colours = overlayColours();
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float lh = ImGui::GetTextLineHeight();
    const ImVec2 o = ImGui::GetCursorScreenPos();
    const float height = lh * 2.2f;
    const std::size_t n = std::max<std::size_t>(view.cones.size(), 1);
    const float slot = width / static_cast<float>(n);
    const float base = std::min(slot * 0.35f, lh * 0.8f);
    const float baseY = o.y + height;
    for (std::size_t i = 0; i < view.cones.size(); ++i) {
        const ConeView& cone = view.cones[i];
        const float cx = o.x + slot * (static_cast<float>(i) + 0.5f);
        // The cone as a tapered column of segments, each tilted a little more: a bend of 1 lays
        // the tip on the shelf beside the foot (Orton cones lean at 8 degrees when set).
        const float bend = std::clamp(cone.bend, 0.0f, 1.0f);
        constexpr int kSegments = 8;
        const float lean = 8.0f * kPi / 180.0f;
        ImVec2 centre(cx - base * 0.5f, baseY);
        float halfWidth = base * 0.5f;
        const float length = height / static_cast<float>(kSegments);
        for (int s = 0; s < kSegments; ++s) {
            const float t = static_cast<float>(s + 1) / static_cast<float>(kSegments);
            const float angle = lean + bend * (kPi * 0.5f - lean) * 1.6f * t;
            const ImVec2 dir(std::sin(angle), -std::cos(angle));
            const ImVec2 normal(-dir.y, dir.x);
            const ImVec2 next(centre.x + dir.x * length, centre.y + dir.y * length);
            const float nextHalf = base * 0.5f * (1.0f - t);
            list->AddQuadFilled(
                    ImVec2(centre.x - normal.x * halfWidth, centre.y - normal.y * halfWidth),
                    ImVec2(centre.x + normal.x * halfWidth, centre.y + normal.y * halfWidth),
                    ImVec2(next.x + normal.x * nextHalf, next.y + normal.y * nextHalf),
                    ImVec2(next.x - normal.x * nextHalf, next.y - normal.y * nextHalf),
                    IM_COL32(235, 215, 170, 255));
            centre = next;
            halfWidth = nextHalf;
        }
        list->AddLine(ImVec2(cx - slot * 0.4f, baseY), ImVec2(cx + slot * 0.4f, baseY),
                      colours.dimText, 2.0f * view.uiScale);
        placeCentred(list, command, cx - slot * 0.5f, slot, baseY + 2.0f, cone.name, colours.text);
    }
    ImGui::Dummy(ImVec2(width, height + lh + 4.0f));
}

void drawTestPiece(const FiringDashboardView& view, FiringDashboardCommand& command, float width) {
    const DashboardLabels& l = view.labels;
    const OverlayColours& colours = overlayColours();
    if (!view.testPiece) {
        wrappedText(l.pullHint, colours.dimText);
        return;
    }
    const TestPieceReadout& t = *view.testPiece;
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float lh = ImGui::GetTextLineHeight();
    const float gap = 6.0f * view.uiScale;
    const ImVec2 o = ImGui::GetCursorScreenPos();
    const float swatch = 2.0f * lh;
    list->AddRectFilled(o, ImVec2(o.x + swatch, o.y + swatch), toColour(t.colour), swatch * 0.2f);
    list->AddRect(o, ImVec2(o.x + swatch, o.y + swatch),
                  kOutcomeColours[static_cast<std::size_t>(t.outcome)], swatch * 0.2f, 0,
                  3.0f * view.uiScale);
    // Row n, upper/lower; the temperature and the cone reached.
    float x = o.x + swatch + gap;
    const float room = o.x + width - x;
    const std::array<std::string, 3> first{l.row, std::to_string(t.row + 1),
                                           t.position == sim::kUpper ? l.upper : l.lower};
    for (const std::string& s : first) {
        placeText(*list, command.placed, ImVec2(x, o.y), s, room, colours.text);
        x += ImGui::CalcTextSize(s.c_str()).x + gap;
    }
    x = o.x + swatch + gap;
    std::string temperature = formatNumber(t.temperatureC, 0);
    temperature.append(" °C");
    placeText(*list, command.placed, ImVec2(x, o.y + lh), temperature, room, colours.text);
    x += ImGui::CalcTextSize(temperature.c_str()).x + 2.0f * gap;
    if (!t.coneLabel.empty()) {
        for (const std::string* s : {&l.cone, &t.coneLabel}) {
            placeText(*list, command.placed, ImVec2(x, o.y + lh), *s, o.x + width - x,
                      colours.text);
            x += ImGui::CalcTextSize(s->c_str()).x + gap;
        }
    }
    ImGui::Dummy(ImVec2(width, swatch + gap));
    const auto kind = static_cast<std::size_t>(t.outcome);
    wrappedText(l.outcomes[kind], kOutcomeColours[kind]);
    wrappedText(l.whys[kind], colours.dimText);
}

void drawResults(const FiringDashboardView& view, FiringDashboardCommand& command, float width) {
    const DashboardLabels& l = view.labels;
    const OverlayColours& colours = overlayColours();
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float lh = ImGui::GetTextLineHeight();
    const float gap = 4.0f * view.uiScale;
    int rows = 0;
    std::array<int, 5> counts{};
    for (const PositionResult& r : view.results) {
        rows = std::max(rows, r.row + 1);
        ++counts[static_cast<std::size_t>(r.outcome)];
    }
    // The glaze colour of each placement (upper over lower, front at the left), a bar of its
    // outcome's colour under each.
    const ImVec2 o = ImGui::GetCursorScreenPos();
    const float cell = width / static_cast<float>(std::max(rows, 1));
    const float h = lh;
    for (const PositionResult& r : view.results) {
        const float x = o.x + cell * static_cast<float>(r.row);
        const float y = o.y + (h + gap) * static_cast<float>(r.position);
        list->AddRectFilled(ImVec2(x, y), ImVec2(x + cell - 1.0f, y + h * 0.7f),
                            toColour(r.colour));
        list->AddRectFilled(ImVec2(x, y + h * 0.7f), ImVec2(x + cell - 1.0f, y + h),
                            kOutcomeColours[static_cast<std::size_t>(r.outcome)]);
    }
    ImGui::Dummy(ImVec2(width, 2.0f * (h + gap)));
    // Each outcome that occurred: its mark, how many, its name and why it comes about.
    for (std::size_t k = 0; k < counts.size(); ++k) {
        if (counts[k] == 0) {
            continue;
        }
        const ImVec2 p = ImGui::GetCursorScreenPos();
        list->AddRectFilled(ImVec2(p.x, p.y + lh * 0.2f), ImVec2(p.x + lh * 0.6f, p.y + lh * 0.8f),
                            kOutcomeColours[k]);
        const std::string count = std::to_string(counts[k]);
        placeText(*list, command.placed, ImVec2(p.x + lh, p.y), count, width - lh, colours.text);
        ImGui::SetCursorScreenPos(
                ImVec2(p.x + lh + ImGui::CalcTextSize(count.c_str()).x + gap * 2.0f, p.y));
        ImGui::BeginGroup();
        wrappedText(l.outcomes[k], kOutcomeColours[k]);
        wrappedText(l.whys[k], colours.dimText);
        ImGui::EndGroup();
        ImGui::SetCursorScreenPos(ImVec2(p.x, ImGui::GetItemRectMax().y + gap));
        ImGui::Dummy(ImVec2(1.0f, 1.0f));
    }
}

} // namespace

DashboardLabels buildDashboardLabels(const content::ContentLibrary& library, Language language) {
    auto t = [&](std::string_view key) { return std::string(library.uiText(key, language)); };
    DashboardLabels l;
    l.title = t("dashboard.title");
    l.close = t("hotspot.close");
    l.play = t("sim.play");
    l.pause = t("sim.pause");
    l.speed = t("dashboard.speed");
    l.temperatureAxis = t("dashboard.temperature_axis");
    l.timeAxis = t("dashboard.time_axis");
    l.front = t("firing.front");
    l.middle = t("firing.middle");
    l.rear = t("firing.rear");
    l.firebox = t("dashboard.firebox");
    l.section = t("dashboard.section");
    l.upper = t("dashboard.upper");
    l.lower = t("dashboard.lower");
    l.pullHint = t("dashboard.pull_hint");
    l.atmosphere = t("firing.atmosphere");
    l.firingTime = t("firing.hours");
    l.woodBurnt = t("firing.wood");
    l.atmospheres = {t("atmosphere.oxidizing"), t("atmosphere.neutral"), t("atmosphere.reducing")};
    l.cones = t("dashboard.cones");
    l.stoke = t("dashboard.stoke");
    l.mouthOpen = t("dashboard.mouth_open");
    l.mouthClose = t("dashboard.mouth_close");
    l.damperOpen = t("dashboard.damper_open");
    l.damperClose = t("dashboard.damper_close");
    l.testPiece = t("dashboard.test_piece");
    l.row = t("dashboard.row");
    l.cone = t("dashboard.cone");
    l.results = t("dashboard.results");
    l.outcomes = {t("outcome.unfired"), t("outcome.underfired"), t("outcome.sound"),
                  t("outcome.overfired"), t("outcome.cracked")};
    l.whys = {t("outcome.unfired.why"), t("outcome.underfired.why"), t("outcome.sound.why"),
              t("outcome.overfired.why"), t("outcome.cracked.why")};
    return l;
}

PanelRect computeDashboardRect(ImVec2 displaySizePx, float uiScale) {
    return {ImVec2(0.0f, 0.0f),
            ImVec2(displaySizePx.x, std::max(displaySizePx.y - barHeightPx(uiScale), 1.0f))};
}

FiringDashboardCommand drawFiringDashboard(const FiringDashboardView& view, const PanelRect& rect) {
    FiringDashboardCommand command;
    const DashboardLabels& l = view.labels;
    const float s = view.uiScale;
    const float gap = 12.0f * s;
    ImGui::SetNextWindowPos(rect.pos, ImGuiCond_Always);
    ImGui::SetNextWindowSize(rect.size, ImGuiCond_Always);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12.0f * s, 8.0f * s));
    ImGui::Begin("##firing_dashboard", nullptr, kWindowFlags);
    const ImVec2 contentMin = ImGui::GetWindowContentRegionMin();
    const ImVec2 contentMax = ImGui::GetWindowContentRegionMax();
    const ImVec2 wpos = ImGui::GetWindowPos();
    const float left = wpos.x + contentMin.x;
    const float right = wpos.x + contentMax.x;
    const float bottom = wpos.y + contentMax.y;
    auto* targets = &command.targets;

    // Header: close on the right, the title wrapped before it.
    const float closeWidth = buttonWidth(l.close, s);
    ImGui::SetCursorScreenPos(ImVec2(right - closeWidth, wpos.y + contentMin.y));
    if (touchButton(l.close, "close", s, targets)) {
        command.close = true;
    }
    const float headerBottom = ImGui::GetItemRectMax().y;
    ImGui::SetCursorScreenPos(ImVec2(left, wpos.y + contentMin.y));
    textWrappedAt(l.title, right - closeWidth - gap - wpos.x);
    recordDrawnText(l.title);
    ImGui::SetCursorScreenPos(
            ImVec2(left, std::max(headerBottom, ImGui::GetItemRectMax().y) + 4.0f * s));

    // Time controls, then the firing master's.
    const std::string& playLabel = view.playing ? l.pause : l.play;
    flowTo(buttonWidth(playLabel, s), right, true);
    if (touchButton(playLabel, "play", s, targets, view.playing)) {
        command.togglePlay = true;
    }
    {
        // "Speed" before the speed buttons, centred on their height.
        const float speedWidth = ImGui::CalcTextSize(l.speed.c_str()).x;
        flowTo(speedWidth + 2.0f * gap + buttonWidth(speedLabel(kDashboardSpeeds[0]), s), right,
               false);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float rowHeight = ImGui::GetItemRectSize().y;
        placeText(*ImGui::GetWindowDrawList(), command.placed,
                  ImVec2(at.x + gap, at.y + (rowHeight - ImGui::GetTextLineHeight()) * 0.5f),
                  l.speed, speedWidth, overlayColours().dimText);
        ImGui::Dummy(ImVec2(speedWidth + gap, rowHeight));
    }
    for (std::size_t i = 0; i < kDashboardSpeeds.size(); ++i) {
        const std::string label = speedLabel(kDashboardSpeeds[i]);
        flowTo(buttonWidth(label, s), right, false);
        const std::string id = "speed." + std::to_string(i);
        if (touchButton(label, id, s, targets, view.speed == kDashboardSpeeds[i])) {
            command.speed = kDashboardSpeeds[i];
        }
    }
    const std::string& mouthLabel = view.mouthOpen ? l.mouthClose : l.mouthOpen;
    const std::string& damperLabel = view.damperOpen ? l.damperClose : l.damperOpen;
    flowTo(buttonWidth(l.stoke, s) + gap, right, false);
    if (ImGui::GetCursorScreenPos().x > left + 1.0f) {
        ImGui::SetCursorScreenPos(
                ImVec2(ImGui::GetCursorScreenPos().x + gap, ImGui::GetCursorScreenPos().y));
    }
    if (touchButton(l.stoke, "stoke", s, targets)) {
        command.stokeKg = view.stokeKg;
    }
    flowTo(buttonWidth(mouthLabel, s), right, false);
    if (touchButton(mouthLabel, "mouth", s, targets, !view.mouthOpen)) {
        command.mouthOpen = !view.mouthOpen;
    }
    flowTo(buttonWidth(damperLabel, s), right, false);
    if (touchButton(damperLabel, "damper", s, targets, !view.damperOpen)) {
        command.damperOpen = !view.damperOpen;
    }

    // Left: the chart over the heat map. Right: gauge, cones, test piece, results (scrolling).
    const float top = ImGui::GetItemRectMax().y + gap;
    const float width = right - left;
    const float leftWidth = std::floor(width * 0.62f);
    const float rightX = left + leftWidth + gap;
    const float lh = ImGui::GetTextLineHeight();
    const float heatHeight = lh + 2.0f * touchTargetPx(s) + 4.0f * lh + 4.0f * gap;
    const float chartHeight = std::max(bottom - top - heatHeight, 6.0f * lh);
    drawChart(view, command, ImVec2(left, top), ImVec2(leftWidth, chartHeight));
    drawHeatMap(view, command, ImVec2(left, top + chartHeight + gap), leftWidth);

    ImGui::SetCursorScreenPos(ImVec2(rightX, top));
    const ImVec2 panelSize(right - rightX, std::max(bottom - top, lh));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0.0f, 0.0f));
    ImGui::BeginChild("##dashboard_side", panelSize, false,
                      ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoNav);
    const float sideWidth = ImGui::GetContentRegionAvail().x;
    const OverlayColours& colours = overlayColours();
    drawReadout(view, command, sideWidth);
    wrappedText(l.atmosphere, colours.text);
    drawAtmosphereGauge(view, command, sideWidth);
    wrappedText(l.cones, colours.text);
    drawConePack(view, command, sideWidth);
    wrappedText(l.testPiece, colours.text);
    drawTestPiece(view, command, sideWidth);
    if (!view.results.empty()) {
        ImGui::Dummy(ImVec2(1.0f, gap));
        wrappedText(l.results, colours.text);
        drawResults(view, command, sideWidth);
    }
    dragToScroll();
    ImGui::EndChild();
    ImGui::PopStyleVar();

    ImGui::End();
    ImGui::PopStyleVar();
    return command;
}

void placeText(ImDrawList& list, std::vector<PlacedText>& placed, ImVec2 pos, std::string_view text,
               float availablePx, ImU32 colour) {
    if (text.empty()) {
        return;
    }
    const float width = ImGui::CalcTextSize(text.data(), text.data() + text.size()).x;
    list.AddText(pos, colour, text.data(), text.data() + text.size());
    recordDrawnText(text);
    const float cutOff = std::max(0.0f, list.GetClipRectMin().x - pos.x) +
                         std::max(0.0f, pos.x + width - list.GetClipRectMax().x);
    placed.push_back({std::string(text), width, availablePx, cutOff});
}

float coneBendFraction(double heatwork, double thresholdHeatwork, double fullBendHeatwork) {
    if (!(heatwork > thresholdHeatwork) || thresholdHeatwork <= 0.0) {
        return 0.0f;
    }
    if (fullBendHeatwork <= thresholdHeatwork || heatwork >= fullBendHeatwork) {
        return 1.0f;
    }
    const double f =
            std::log(heatwork / thresholdHeatwork) / std::log(fullBendHeatwork / thresholdHeatwork);
    return static_cast<float>(std::clamp(f, 0.0, 1.0));
}

float coneBendFraction(const sim::HeatworkModel& model, std::size_t coneIndex, double heatwork) {
    const auto& thresholds = model.thresholds();
    if (coneIndex >= thresholds.size()) {
        return 0.0f;
    }
    const double down = thresholds[coneIndex];
    const double full = coneIndex + 1 < thresholds.size() ? thresholds[coneIndex + 1] : down * 1.25;
    return coneBendFraction(heatwork, down, full);
}

} // namespace kiln::ui
