// The dark kiln theme and the high-contrast theme, scaled with the display and the text size.
#include "kiln/ui/theme.h"

#include <algorithm>
#include <array>

namespace kiln::ui {

namespace {

ImU32 rgba(float r, float g, float b, float a = 1.0f) {
    return ImGui::ColorConvertFloat4ToU32(ImVec4(r, g, b, a));
}

OverlayColours darkColours() {
    OverlayColours c{};
    c.text = rgba(0.96f, 0.94f, 0.90f);
    c.textOnLit = rgba(0.12f, 0.07f, 0.03f);
    c.dimText = rgba(0.74f, 0.72f, 0.68f);
    c.nodeFill = rgba(0.20f, 0.22f, 0.27f, 0.96f);
    c.nodeLit = rgba(1.00f, 0.66f, 0.30f); // ember orange
    c.nodeBorder = rgba(0.55f, 0.58f, 0.64f);
    c.selected = rgba(0.55f, 0.85f, 1.00f); // celadon-blue outline
    c.explored = rgba(0.45f, 0.85f, 0.55f);
    c.link = rgba(0.60f, 0.62f, 0.68f, 0.70f);
    c.linkLit = rgba(1.00f, 0.72f, 0.38f, 0.95f);
    c.markerFill = rgba(1.00f, 0.66f, 0.30f, 0.92f);
    c.markerRing = rgba(1.00f, 0.97f, 0.90f);
    c.markerShadow = rgba(0.0f, 0.0f, 0.0f, 0.55f);
    return c;
}

OverlayColours highContrastColours() {
    OverlayColours c{};
    c.text = rgba(1.0f, 1.0f, 1.0f);
    c.textOnLit = rgba(0.0f, 0.0f, 0.0f);
    c.dimText = rgba(1.0f, 1.0f, 1.0f);
    c.nodeFill = rgba(0.0f, 0.0f, 0.0f);
    c.nodeLit = rgba(1.0f, 0.86f, 0.0f); // yellow on black
    c.nodeBorder = rgba(1.0f, 1.0f, 1.0f);
    c.selected = rgba(0.0f, 0.90f, 1.0f);
    c.explored = rgba(0.0f, 1.0f, 0.40f);
    c.link = rgba(1.0f, 1.0f, 1.0f);
    c.linkLit = rgba(1.0f, 0.86f, 0.0f);
    c.markerFill = rgba(1.0f, 0.86f, 0.0f);
    c.markerRing = rgba(0.0f, 0.0f, 0.0f);
    c.markerShadow = rgba(1.0f, 1.0f, 1.0f);
    return c;
}

OverlayColours gColours = darkColours();

void darkStyle(ImGuiStyle& style) {
    ImGui::StyleColorsDark(&style);
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(0.08f, 0.07f, 0.07f, 0.90f);
    c[ImGuiCol_Button] = ImVec4(0.24f, 0.22f, 0.21f, 1.0f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.24f, 0.22f, 0.21f, 1.0f); // touch: no hover state
    c[ImGuiCol_ButtonActive] = ImVec4(1.00f, 0.66f, 0.30f, 1.0f);
    c[ImGuiCol_TextSelectedBg] = ImVec4(0.12f, 0.07f, 0.03f, 1.0f); // text on an active button
    c[ImGuiCol_Separator] = ImVec4(0.45f, 0.42f, 0.40f, 1.0f);
    c[ImGuiCol_Border] = ImVec4(0.45f, 0.42f, 0.40f, 0.8f);
}

void highContrastStyle(ImGuiStyle& style) {
    ImGui::StyleColorsDark(&style);
    ImVec4* c = style.Colors;
    const ImVec4 black(0.0f, 0.0f, 0.0f, 1.0f);
    const ImVec4 white(1.0f, 1.0f, 1.0f, 1.0f);
    const ImVec4 yellow(1.0f, 0.86f, 0.0f, 1.0f);
    c[ImGuiCol_Text] = white;
    c[ImGuiCol_TextDisabled] = white;
    c[ImGuiCol_WindowBg] = black;
    c[ImGuiCol_ChildBg] = black;
    c[ImGuiCol_PopupBg] = black;
    c[ImGuiCol_Border] = white;
    c[ImGuiCol_Button] = black;
    c[ImGuiCol_ButtonHovered] = black;
    c[ImGuiCol_ButtonActive] = yellow;
    c[ImGuiCol_TextSelectedBg] = black;
    c[ImGuiCol_Separator] = white;
    c[ImGuiCol_ScrollbarBg] = black;
    c[ImGuiCol_ScrollbarGrab] = white;
    c[ImGuiCol_ScrollbarGrabHovered] = white;
    c[ImGuiCol_ScrollbarGrabActive] = yellow;
    style.FrameBorderSize = 2.0f;
    style.WindowBorderSize = 2.0f;
}

} // namespace

float textScaleForLevel(int level) {
    static constexpr std::array<float, 4> kScales = {0.85f, 1.0f, 1.15f, 1.3f};
    const int clamped = std::clamp(level, kMinTextSizeLevel, kMaxTextSizeLevel);
    return kScales[static_cast<std::size_t>(clamped - kMinTextSizeLevel)];
}

void applyTheme(const ThemeOptions& options) {
    ImGuiStyle style;
    if (options.highContrast) {
        highContrastStyle(style);
    } else {
        darkStyle(style);
        style.FrameBorderSize = 0.0f;
        style.WindowBorderSize = 1.0f;
    }
    style.WindowRounding = 10.0f;
    style.FrameRounding = 8.0f;
    style.WindowPadding = ImVec2(16.0f, 14.0f);
    style.FramePadding = ImVec2(14.0f, 10.0f);
    style.ItemSpacing = ImVec2(12.0f, 10.0f);
    style.ScrollbarSize = 24.0f; // a finger can also drag the panel itself (dragToScroll)
    style.GrabMinSize = 44.0f;
    style.TouchExtraPadding = ImVec2(0.0f, 0.0f);
    style.ScaleAllSizes(std::max(0.1f, options.uiScale));
    ImGui::GetStyle() = style;
    ImGui::GetIO().FontGlobalScale =
            textScaleForLevel(options.textSizeLevel) / std::max(0.1f, options.atlasFontScale);
    gColours = options.highContrast ? highContrastColours() : darkColours();
}

const OverlayColours& overlayColours() {
    return gColours;
}

} // namespace kiln::ui
