// The kiln comparison: the view from comparison.json and the runs, and its drawing (timeline,
// table, shared-axis chart, the selected kiln's or change's text).
// [SECTION] view  [SECTION] drawing helpers  [SECTION] timeline  [SECTION] table
// [SECTION] chart  [SECTION] panel
#include "kiln/ui/comparison_view.h"

#include "kiln/ui/line_break.h"
#include "kiln/ui/quiz_panel.h" // fillPlaceholders
#include "kiln/ui/theme.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace kiln::ui {

namespace {

using content::ComparisonQuantity;
using content::Language;

constexpr ImGuiWindowFlags kWindowFlags =
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNav |
        ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoScrollbar |
        ImGuiWindowFlags_NoScrollWithMouse;

// Kiln colours: distinct in hue and in lightness, so they still part in greyscale.
constexpr std::array<ImU32, 6> kKilnColours{
        IM_COL32(120, 190, 255, 255), IM_COL32(170, 220, 120, 255), IM_COL32(255, 200, 70, 255),
        IM_COL32(255, 110, 80, 255),  IM_COL32(210, 150, 255, 255), IM_COL32(230, 230, 230, 255)};
constexpr ImU32 kGridColour = IM_COL32(255, 255, 255, 40);

std::string formatNumber(double value, int decimals) {
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

// Hours as "23" or "23.5"; tonnes with one decimal; temperatures to the degree.
std::string formatHours(double hours) {
    const double rounded = std::round(hours * 10.0) / 10.0;
    return formatNumber(rounded, std::abs(rounded - std::round(rounded)) < 1e-6 ? 0 : 1);
}

double niceStep(double range, int wanted) {
    const double raw = range / std::max(1, wanted);
    const double power = std::pow(10.0, std::floor(std::log10(std::max(raw, 1e-9))));
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        if (m * power >= raw) {
            return m * power;
        }
    }
    return 10.0 * power;
}

ImU32 withAlpha(ImU32 colour, int alpha) {
    return (colour & ~IM_COL32_A_MASK) | (static_cast<ImU32>(alpha) << IM_COL32_A_SHIFT);
}

} // namespace

ImU32 comparisonKilnColour(std::size_t index) {
    return kKilnColours[index % kKilnColours.size()];
}

// =============================================================================================
// [SECTION] view
// =============================================================================================

ComparisonViewModel buildComparisonView(const content::ContentLibrary& library,
                                        const std::vector<ComparisonRun>& runs,
                                        content::Language language, content::Depth depth,
                                        std::string_view selectedKilnId,
                                        std::optional<std::size_t> selectedStep, float uiScale) {
    auto t = [&](std::string_view key) { return std::string(library.uiText(key, language)); };
    const content::ComparisonContent& c = library.comparison;
    ComparisonViewModel view;
    view.uiScale = uiScale;
    view.closeLabel = t("hotspot.close");
    view.hint = t("compare.hint");
    view.quantityLabels = {t("compare.capacity"), t("compare.fuel"), t("compare.duration"),
                           t("compare.spread")};
    view.publishedLabel = t("compare.published");
    view.simulatedLabel = t("compare.simulated");
    view.changeLabel = t("compare.change");
    view.determinantLabel = t("compare.determinant");
    view.sourceLabel = t("card.source");
    view.chartCaption = t("compare.chart");
    view.frontLabel = t("firing.front");
    view.rearLabel = t("firing.rear");
    view.temperatureAxis = t("dashboard.temperature_axis");
    view.timeAxis = t("dashboard.time_axis");
    view.yearAxis = t("compare.year_axis");
    if (!c.loaded) {
        view.title = library.unavailableText(language);
        return view;
    }
    view.title = library.display(c.title, language);
    view.intro = library.display(c.intro, language, depth);
    view.simulationNote = library.display(c.simulationNote, language, depth);
    view.source = c.source;
    for (const content::ComparisonStep& s : c.steps) {
        ComparisonStepView step;
        step.fromId = s.from;
        step.toId = s.to;
        step.title = library.display(s.title, language);
        step.determinantId = s.determinantId;
        const content::Determinant* d = library.model.findDeterminant(s.determinantId);
        step.determinantName = d != nullptr ? std::string(library.display(d->name, language))
                                            : std::string(library.unavailableText(language));
        step.text = library.display(s.text, language, depth);
        step.source = s.source;
        view.steps.push_back(std::move(step));
    }
    for (const content::ComparisonKiln& k : c.kilns) {
        ComparisonKilnView kiln;
        kiln.id = k.id;
        kiln.name = library.display(k.name, language);
        kiln.period = library.display(k.period, language);
        kiln.fromYear = k.fromYear;
        kiln.toYear = k.toYear;
        kiln.text = library.display(k.text, language, depth);
        kiln.source = k.source;
        for (ComparisonQuantity q : content::kComparisonQuantities) {
            const content::ComparisonFigure& f = k.figure(q);
            ComparisonCellView& cell = kiln.cells[static_cast<std::size_t>(q)];
            cell.published = f.published;
            cell.value = library.display(f.value, language);
            cell.source = f.source;
        }
        const auto run = std::find_if(runs.begin(), runs.end(), [&](const ComparisonRun& r) {
            return r.kilnId == k.id && r.ok;
        });
        if (run != runs.end()) {
            kiln.run = &*run;
            auto fill = [&](std::string_view key, const std::string& value) {
                return fillPlaceholders(library.uiText(key, language), {{"value", value}});
            };
            auto& cells = kiln.cells;
            cells[static_cast<std::size_t>(ComparisonQuantity::Fuel)].simulated =
                    fill("compare.tonnes", formatNumber(run->woodBurntKg / 1000.0, 1));
            cells[static_cast<std::size_t>(ComparisonQuantity::Duration)].simulated =
                    fill("compare.hours", formatHours(run->stopHours));
            ComparisonCellView& spread =
                    cells[static_cast<std::size_t>(ComparisonQuantity::Spread)];
            spread.simulated = fill("compare.spread_value", formatNumber(run->spreadC(), 0));
            spread.simulatedExtra = fill("compare.peak", formatNumber(run->peakSettingC, 0));
        }
        for (std::size_t i = 0; i < view.steps.size(); ++i) {
            if (view.steps[i].toId == k.id) {
                kiln.stepInto = i;
            }
        }
        view.kilns.push_back(std::move(kiln));
    }
    if (selectedStep && *selectedStep < view.steps.size()) {
        view.selectedStep = selectedStep;
    } else if (c.findKiln(selectedKilnId) != nullptr) {
        view.selectedKilnId = selectedKilnId;
    }
    return view;
}

// =============================================================================================
// [SECTION] drawing helpers
// =============================================================================================

namespace {

// A wrapped text that also records the room it had: its widest unbreakable run must fit.
void noteWrapped(ComparisonCommand& command, std::string_view text, ImU32 colour) {
    if (text.empty()) {
        return;
    }
    const float room = ImGui::GetContentRegionAvail().x;
    command.placed.push_back({std::string(text), widestUnbreakableRunPx(text), room});
    wrappedText(text, colour);
}

// A button as wide as the space it is in, its label wrapped inside, at least one touch target
// tall, with a coloured bar on its left (the kiln's colour) and a border when selected.
bool wrappingButton(ComparisonCommand& command, std::string_view label, std::string_view id,
                    float uiScale, ImU32 swatch, bool selected) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float width = std::max(ImGui::GetContentRegionAvail().x, touchTargetPx(uiScale));
    const float bar = swatch != 0 ? 6.0f * uiScale : 0.0f;
    const ImVec2 pad = style.FramePadding;
    const float wrap = std::max(1.0f, width - 2.0f * pad.x - bar);
    // Broken once and then measured and drawn unwrapped, so the button's height fits its lines.
    const std::string lines = withLineBreaks(label, wrap);
    const ImVec2 text = ImGui::CalcTextSize(lines.data(), lines.data() + lines.size());
    const ImVec2 size(width, std::max(touchTargetPx(uiScale), text.y + 2.0f * pad.y));
    const ImVec2 min = ImGui::GetCursorScreenPos();
    std::string imguiId("##");
    imguiId.append(id);
    const bool pressed = ImGui::InvisibleButton(imguiId.c_str(), size);
    const ImVec2 max(min.x + size.x, min.y + size.y);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 fill = ImGui::GetColorU32(selected || ImGui::IsItemActive() ? ImGuiCol_ButtonActive
                                                                            : ImGuiCol_Button);
    draw->AddRectFilled(min, max, fill, style.FrameRounding);
    if (swatch != 0) {
        draw->AddRectFilled(min, ImVec2(min.x + bar, max.y), swatch, style.FrameRounding,
                            ImDrawFlags_RoundCornersLeft);
    }
    if (selected) {
        draw->AddRect(min, max, overlayColours().selected, style.FrameRounding, ImDrawFlags_None,
                      3.0f * uiScale);
    } else if (style.FrameBorderSize > 0.0f) {
        draw->AddRect(min, max, ImGui::GetColorU32(ImGuiCol_Border), style.FrameRounding,
                      ImDrawFlags_None, style.FrameBorderSize);
    }
    const ImU32 textColour = ImGui::GetColorU32(selected ? ImGuiCol_TextSelectedBg : ImGuiCol_Text);
    draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                  ImVec2(min.x + bar + pad.x, min.y + (size.y - text.y) * 0.5f), textColour,
                  lines.data(), lines.data() + lines.size());
    recordDrawnText(label);
    command.placed.push_back({std::string(label), widestUnbreakableRunPx(label), wrap});
    command.targets.push_back({std::string(id), min, max});
    return pressed;
}

// =============================================================================================
// [SECTION] timeline
// =============================================================================================

// One lane per kiln: its name on the left, a bar over its period on a shared axis of years.
// Each lane is a touch target that selects the kiln.
void drawTimeline(const ComparisonViewModel& view, ComparisonCommand& command) {
    if (view.kilns.empty()) {
        return;
    }
    const float s = view.uiScale;
    const OverlayColours& colours = overlayColours();
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float lh = ImGui::GetTextLineHeight();
    const float gap = 8.0f * s;
    const float width = ImGui::GetContentRegionAvail().x;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    float nameW = 0.0f;
    for (const ComparisonKilnView& k : view.kilns) {
        nameW = std::max(nameW, ImGui::CalcTextSize(k.name.c_str()).x);
    }
    const float swatch = lh * 0.6f;
    const float labelW = std::min(nameW + swatch + 2.0f * gap, width * 0.3f);
    int firstYear = view.kilns.front().fromYear;
    int lastYear = view.kilns.front().toYear;
    for (const ComparisonKilnView& k : view.kilns) {
        firstYear = std::min(firstYear, k.fromYear);
        lastYear = std::max(lastYear, k.toYear);
    }
    const double step = niceStep(std::max(lastYear - firstYear, 1), 5);
    const double axisFrom = std::floor(firstYear / step) * step;
    const double axisTo = std::ceil(lastYear / step) * step;
    // The last tick's label is centred on the axis's end: leave it half its width of room.
    const float lastTickW = ImGui::CalcTextSize(formatNumber(axisTo, 0).c_str()).x;
    const float x0 = origin.x + labelW;
    const float x1 = origin.x + width - std::max(gap, lastTickW * 0.5f);
    auto xOf = [&](double year) {
        return x0 +
               static_cast<float>((year - axisFrom) / std::max(axisTo - axisFrom, 1.0)) * (x1 - x0);
    };
    const float laneH = std::max(touchTargetPx(s), lh + gap);
    const float lanesBottom = origin.y + laneH * static_cast<float>(view.kilns.size());
    for (double y = axisFrom; y <= axisTo + 1e-6; y += step) {
        const float x = xOf(y);
        list->AddLine(ImVec2(x, origin.y), ImVec2(x, lanesBottom), kGridColour);
        const std::string tick = formatNumber(y, 0);
        const float w = ImGui::CalcTextSize(tick.c_str()).x;
        placeText(*list, command.placed, ImVec2(x - w * 0.5f, lanesBottom + gap * 0.5f), tick,
                  static_cast<float>(step / std::max(axisTo - axisFrom, 1.0)) * (x1 - x0),
                  colours.dimText);
    }
    // What the ticks count, under them at the right, as the chart below names its hours.
    const float yearAxisW = ImGui::CalcTextSize(view.yearAxis.c_str()).x;
    placeText(*list, command.placed, ImVec2(x1 - yearAxisW, lanesBottom + gap * 0.5f + lh),
              view.yearAxis, x1 - x0, colours.dimText);
    for (std::size_t i = 0; i < view.kilns.size(); ++i) {
        const ComparisonKilnView& k = view.kilns[i];
        const ImU32 colour = comparisonKilnColour(i);
        const float y = origin.y + laneH * static_cast<float>(i);
        const bool selected = k.id == view.selectedKilnId;
        ImGui::SetCursorScreenPos(ImVec2(origin.x, y));
        const std::string id = "timeline." + k.id;
        if (ImGui::InvisibleButton(("##" + id).c_str(), ImVec2(width, laneH))) {
            command.selectKiln = k.id;
        }
        command.targets.push_back({id, ImVec2(origin.x, y), ImVec2(origin.x + width, y + laneH)});
        if (selected) {
            list->AddRectFilled(ImVec2(origin.x, y), ImVec2(origin.x + width, y + laneH),
                                withAlpha(colours.selected, 50));
        }
        const float mid = y + laneH * 0.5f;
        list->AddRectFilled(ImVec2(origin.x, mid - swatch * 0.5f),
                            ImVec2(origin.x + swatch, mid + swatch * 0.5f), colour);
        placeText(*list, command.placed, ImVec2(origin.x + swatch + gap, mid - lh * 0.5f), k.name,
                  labelW - swatch - gap, colours.text);
        list->AddRectFilled(
                ImVec2(xOf(k.fromYear), mid - laneH * 0.25f),
                ImVec2(std::max(xOf(k.toYear), xOf(k.fromYear) + 4.0f * s), mid + laneH * 0.25f),
                colour, 4.0f * s);
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, lanesBottom + gap));
    ImGui::Dummy(ImVec2(width, 2.0f * lh + gap));
}

// =============================================================================================
// [SECTION] table
// =============================================================================================

void drawTable(const ComparisonViewModel& view, ComparisonCommand& command) {
    const float s = view.uiScale;
    const OverlayColours& colours = overlayColours();
    const int columns = 1 + static_cast<int>(view.kilns.size());
    if (!ImGui::BeginTable("##comparison_table", columns,
                           ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_BordersInnerV |
                                   ImGuiTableFlags_SizingStretchProp |
                                   ImGuiTableFlags_NoSavedSettings)) {
        return;
    }
    ImGui::TableSetupColumn("##labels", ImGuiTableColumnFlags_WidthStretch, 0.9f);
    for (std::size_t i = 0; i < view.kilns.size(); ++i) {
        const std::string id = "##kiln" + std::to_string(i);
        ImGui::TableSetupColumn(id.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    }
    // The kilns, each a button, with its period.
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    noteWrapped(command, view.publishedLabel, colours.text);
    noteWrapped(command, view.simulatedLabel, colours.nodeLit);
    for (std::size_t i = 0; i < view.kilns.size(); ++i) {
        const ComparisonKilnView& k = view.kilns[i];
        ImGui::TableSetColumnIndex(static_cast<int>(i) + 1);
        if (wrappingButton(command, k.name, "kiln." + k.id, s, comparisonKilnColour(i),
                           k.id == view.selectedKilnId)) {
            command.selectKiln = k.id;
        }
        noteWrapped(command, k.period, colours.dimText);
    }
    // The change into each kiln: the determinant that explains it.
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    noteWrapped(command, view.changeLabel, colours.nodeLit);
    for (std::size_t i = 0; i < view.kilns.size(); ++i) {
        const ComparisonKilnView& k = view.kilns[i];
        ImGui::TableSetColumnIndex(static_cast<int>(i) + 1);
        if (!k.stepInto) {
            continue;
        }
        const std::size_t index = *k.stepInto;
        const ComparisonStepView& step = view.steps[index];
        noteWrapped(command, step.title, colours.text);
        if (wrappingButton(command, step.determinantName, "step." + std::to_string(index), s, 0,
                           view.selectedStep == index)) {
            command.selectStep = index;
        }
    }
    // The four quantities.
    for (ComparisonQuantity q : content::kComparisonQuantities) {
        const std::size_t qi = static_cast<std::size_t>(q);
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        noteWrapped(command, view.quantityLabels[qi], colours.nodeLit);
        for (std::size_t i = 0; i < view.kilns.size(); ++i) {
            const ComparisonCellView& cell = view.kilns[i].cells[qi];
            ImGui::TableSetColumnIndex(static_cast<int>(i) + 1);
            noteWrapped(command, cell.value, cell.published ? colours.text : colours.dimText);
            noteWrapped(command, cell.source, colours.dimText);
            noteWrapped(command, cell.simulated, comparisonKilnColour(i));
            noteWrapped(command, cell.simulatedExtra, comparisonKilnColour(i));
        }
    }
    ImGui::EndTable();
}

// =============================================================================================
// [SECTION] chart
// =============================================================================================

// Every kiln's front (thick) and rear (thin) on one axis of kiln hours. The selected kiln is drawn
// last and brighter; the others fade while one is selected.
void drawChart(const ComparisonViewModel& view, ComparisonCommand& command, float height) {
    const float s = view.uiScale;
    const OverlayColours& colours = overlayColours();
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float lh = ImGui::GetTextLineHeight();
    const float gap = 6.0f * s;
    const float width = ImGui::GetContentRegionAvail().x;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    // Legend: what a thick and a thin line mean (the kilns' colours are in the timeline).
    const float lineW = lh * 1.6f;
    const float half = width * 0.5f;
    list->AddLine(ImVec2(origin.x, origin.y + lh * 0.5f),
                  ImVec2(origin.x + lineW, origin.y + lh * 0.5f), colours.text, 3.5f * s);
    placeText(*list, command.placed, ImVec2(origin.x + lineW + gap, origin.y), view.frontLabel,
              half - lineW - 2.0f * gap, colours.text);
    list->AddLine(ImVec2(origin.x + half, origin.y + lh * 0.5f),
                  ImVec2(origin.x + half + lineW, origin.y + lh * 0.5f), colours.text, 1.2f * s);
    placeText(*list, command.placed, ImVec2(origin.x + half + lineW + gap, origin.y),
              view.rearLabel, half - lineW - 2.0f * gap, colours.text);
    placeText(*list, command.placed, ImVec2(origin.x, origin.y + lh + gap), view.temperatureAxis,
              width, colours.dimText);

    double endHours = 1.0;
    double topC = 1200.0;
    for (const ComparisonKilnView& k : view.kilns) {
        if (k.run == nullptr || k.run->hours.empty()) {
            continue;
        }
        endHours = std::max(endHours, static_cast<double>(k.run->hours.back()));
        for (float c : k.run->frontC) {
            topC = std::max(topC, static_cast<double>(c));
        }
        for (float c : k.run->rearC) {
            topC = std::max(topC, static_cast<double>(c));
        }
    }
    const double stepC = niceStep(topC, 4);
    topC = std::ceil(topC / stepC - 1e-9) * stepC;
    const float tickWidth = ImGui::CalcTextSize("0000").x + gap;
    const ImVec2 min(origin.x + tickWidth, origin.y + 2.0f * lh + 2.0f * gap);
    // Room on the right for half the last hour tick's label, which is centred on its line.
    const float lastTickW = ImGui::CalcTextSize(formatNumber(endHours, 0).c_str()).x;
    const ImVec2 max(origin.x + width - std::max(gap, lastTickW * 0.5f),
                     origin.y + height - 2.0f * lh - gap);
    command.chartMin = min;
    command.chartMax = max;
    auto xOf = [&](double hours) {
        return min.x + static_cast<float>(hours / endHours) * (max.x - min.x);
    };
    auto yOf = [&](double c) {
        return max.y - static_cast<float>(std::clamp(c / topC, 0.0, 1.0)) * (max.y - min.y);
    };
    list->AddRectFilled(min, max, IM_COL32(0, 0, 0, 90));
    for (double c = 0.0; c <= topC + 1e-6; c += stepC) {
        const float y = yOf(c);
        list->AddLine(ImVec2(min.x, y), ImVec2(max.x, y), kGridColour);
        const std::string tick = formatNumber(c, 0);
        const float w = ImGui::CalcTextSize(tick.c_str()).x;
        placeText(*list, command.placed, ImVec2(min.x - gap - w, y - lh * 0.5f), tick, tickWidth,
                  colours.dimText);
    }
    const double stepH =
            niceStep(endHours, std::max(2, static_cast<int>((max.x - min.x) / (tickWidth * 2.0f))));
    for (double h = 0.0; h <= endHours + 1e-6; h += stepH) {
        const float x = xOf(h);
        list->AddLine(ImVec2(x, min.y), ImVec2(x, max.y), kGridColour);
        const std::string tick = formatNumber(h, 0);
        const float w = ImGui::CalcTextSize(tick.c_str()).x;
        placeText(*list, command.placed, ImVec2(x - w * 0.5f, max.y + gap * 0.5f), tick,
                  tickWidth * 2.0f, colours.dimText);
    }
    const float axisWidth = ImGui::CalcTextSize(view.timeAxis.c_str()).x;
    placeText(*list, command.placed, ImVec2(max.x - axisWidth, max.y + gap * 0.5f + lh),
              view.timeAxis, max.x - origin.x, colours.dimText);

    const bool anySelected = !view.selectedKilnId.empty();
    std::vector<ImVec2> line;
    auto plot = [&](std::size_t i, bool selected) {
        const ComparisonKilnView& k = view.kilns[i];
        if (k.run == nullptr || k.run->hours.size() < 2) {
            return;
        }
        const ImU32 colour =
                withAlpha(comparisonKilnColour(i), anySelected && !selected ? 90 : 255);
        const float boost = selected ? 1.5f : 1.0f;
        for (const auto* series : {&k.run->rearC, &k.run->frontC}) {
            line.resize(k.run->hours.size());
            for (std::size_t p = 0; p < line.size(); ++p) {
                line[p] = ImVec2(xOf(k.run->hours[p]), yOf((*series)[p]));
            }
            const float thickness = (series == &k.run->frontC ? 2.5f : 1.2f) * boost * s;
            list->AddPolyline(line.data(), static_cast<int>(line.size()), colour, ImDrawFlags_None,
                              thickness);
        }
    };
    for (std::size_t i = 0; i < view.kilns.size(); ++i) {
        if (view.kilns[i].id != view.selectedKilnId) {
            plot(i, false);
        }
    }
    for (std::size_t i = 0; i < view.kilns.size(); ++i) {
        if (view.kilns[i].id == view.selectedKilnId) {
            plot(i, true);
        }
    }
    ImGui::Dummy(ImVec2(width, height));
}

// The selected change or kiln, at the chosen depth.
void drawDetail(const ComparisonViewModel& view, ComparisonCommand& command) {
    const OverlayColours& colours = overlayColours();
    if (view.selectedStep && *view.selectedStep < view.steps.size()) {
        const ComparisonStepView& step = view.steps[*view.selectedStep];
        noteWrapped(command, step.title, colours.nodeLit);
        noteWrapped(command, view.determinantLabel, colours.dimText);
        noteWrapped(command, step.determinantName, colours.selected);
        noteWrapped(command, step.text, colours.text);
        noteWrapped(command, view.sourceLabel, colours.dimText);
        noteWrapped(command, step.source, colours.dimText);
        return;
    }
    for (std::size_t i = 0; i < view.kilns.size(); ++i) {
        const ComparisonKilnView& k = view.kilns[i];
        if (k.id != view.selectedKilnId) {
            continue;
        }
        noteWrapped(command, k.name, comparisonKilnColour(i));
        noteWrapped(command, k.period, colours.dimText);
        noteWrapped(command, k.text, colours.text);
        noteWrapped(command, view.sourceLabel, colours.dimText);
        noteWrapped(command, k.source, colours.dimText);
    }
}

} // namespace

// =============================================================================================
// [SECTION] panel
// =============================================================================================

ComparisonCommand drawComparisonView(const ComparisonViewModel& view, const PanelRect& rect) {
    ComparisonCommand command;
    const float s = view.uiScale;
    const OverlayColours& colours = overlayColours();
    ImGui::SetNextWindowPos(rect.pos, ImGuiCond_Always);
    ImGui::SetNextWindowSize(rect.size, ImGuiCond_Always);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12.0f * s, 8.0f * s));
    ImGui::Begin("##comparison_view", nullptr, kWindowFlags);
    const ImVec2 contentMin = ImGui::GetWindowContentRegionMin();
    const ImVec2 contentMax = ImGui::GetWindowContentRegionMax();
    const ImVec2 wpos = ImGui::GetWindowPos();
    const float left = wpos.x + contentMin.x;
    const float right = wpos.x + contentMax.x;
    const float gap = 12.0f * s;

    // Header: close on the right, the title wrapped before it.
    std::string closeId(view.closeLabel);
    closeId.append("##close");
    const float closeWidth =
            std::max(touchTargetPx(s), ImGui::CalcTextSize(closeId.c_str(), nullptr, true).x +
                                               2.0f * ImGui::GetStyle().FramePadding.x);
    ImGui::SetCursorScreenPos(ImVec2(right - closeWidth, wpos.y + contentMin.y));
    if (touchButton(view.closeLabel, "close", s, &command.targets)) {
        command.close = true;
    }
    const float headerBottom = ImGui::GetItemRectMax().y;
    ImGui::SetCursorScreenPos(ImVec2(left, wpos.y + contentMin.y));
    const float titleRoom = right - closeWidth - gap - left;
    ImGui::PushStyleColor(ImGuiCol_Text, colours.nodeLit);
    textWrappedAt(view.title, right - closeWidth - gap - wpos.x);
    ImGui::PopStyleColor();
    recordDrawnText(view.title);
    command.placed.push_back({view.title, widestUnbreakableRunPx(view.title), titleRoom});
    ImGui::SetCursorScreenPos(
            ImVec2(left, std::max(headerBottom, ImGui::GetItemRectMax().y) + 4.0f * s));
    ImGui::Separator();

    ImGui::BeginChild("##comparison_body", ImVec2(0.0f, 0.0f), false, ImGuiWindowFlags_NoNav);
    noteWrapped(command, view.intro, colours.text);
    noteWrapped(command, view.hint, colours.dimText);
    ImGui::Spacing();
    drawTimeline(view, command);
    drawTable(view, command);
    ImGui::Spacing();
    noteWrapped(command, view.chartCaption, colours.nodeLit);
    const float chartHeight = std::max(rect.size.y * 0.5f, 10.0f * ImGui::GetTextLineHeight());
    drawChart(view, command, chartHeight);
    ImGui::Spacing();
    drawDetail(view, command);
    ImGui::Spacing();
    noteWrapped(command, view.simulationNote, colours.dimText);
    noteWrapped(command, view.sourceLabel, colours.dimText);
    noteWrapped(command, view.source, colours.dimText);
    dragToScroll();
    ImGui::EndChild();
    ImGui::End();
    ImGui::PopStyleVar();
    return command;
}

} // namespace kiln::ui
