// The headless ImGui harness for the overlay tests.
#include "overlay_harness.h"

#include "kiln/ui/font_atlas.h"
#include "kiln/ui/theme.h"

#include <gtest/gtest.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <map>
#include <memory>

namespace kiln::test {

namespace {

struct SharedAtlas {
    ui::FontAtlasBuilder builder; // owns the glyph ranges the atlas reads
    ImFontAtlas atlas;
};

// One atlas per font size, built from every string of the content (both languages).
ImFontAtlas* atlasFor(float fontPx) {
    static std::map<int, std::unique_ptr<SharedAtlas>> atlases;
    const int key = static_cast<int>(std::lround(fontPx));
    auto it = atlases.find(key);
    if (it == atlases.end()) {
        auto shared = std::make_unique<SharedAtlas>();
        for (const content::StringEntry& entry : content::allStrings(overlayLibrary())) {
            shared->builder.addText(entry.text);
        }
        auto font = shared->builder.build(shared->atlas, static_cast<float>(key));
        EXPECT_TRUE(font.ok()) << font.error().message;
        EXPECT_TRUE(shared->atlas.Build());
        it = atlases.emplace(key, std::move(shared)).first;
    }
    return &it->second->atlas;
}

} // namespace

const content::ContentLibrary& overlayLibrary() {
    static const content::LoadResult loaded = [] {
        content::LoadOptions options;
        options.logFindings = false;
        return content::loadContent(content::defaultContentRoot(), options);
    }();
    return loaded.library;
}

OverlayHarness::OverlayHarness(ImVec2 displaySizePx, bool highContrast, int textSizeLevel)
    : mDisplay(displaySizePx), mUiScale(std::max(0.5f, displaySizePx.y / 1080.0f)) {
    ImFontAtlas* atlas = atlasFor(std::round(28.0f * mUiScale));
    mContext = ImGui::CreateContext(atlas);
    ImGui::SetCurrentContext(mContext);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.DisplaySize = displaySizePx;
    io.DeltaTime = 1.0f / 60.0f;
    ui::applyTheme({highContrast, mUiScale, textSizeLevel});
    liftAway();
}

OverlayHarness::~OverlayHarness() {
    ImGui::DestroyContext(mContext);
}

void OverlayHarness::frame(const std::function<void()>& draw) {
    ImGui::SetCurrentContext(mContext);
    ImGui::NewFrame();
    draw();
    ImGui::Render();
}

void OverlayHarness::tap(ImVec2 pos, const std::function<void()>& draw) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = pos;
    io.MouseDown[0] = false;
    frame(draw);
    io.MouseDown[0] = true;
    frame(draw);
    io.MouseDown[0] = false;
    frame(draw);
}

std::vector<std::string> windowsCuttingOffContent(bool heightToo) {
    std::vector<std::string> out;
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    for (const ImGuiWindow* w : g.Windows) {
        if (!w->WasActive || w->Hidden || w->Collapsed) {
            continue;
        }
        const float room = w->InnerRect.GetWidth() - 2.0f * w->WindowPadding.x;
        const float content = w->ContentSizeIdeal.x;
        if (content > room + 1.0f) { // one pixel for rounding
            out.push_back(std::string(w->Name) + " (content " + std::to_string(content) +
                          " px, room " + std::to_string(room) + " px)");
        }
        // A window without a scroll bar cuts off what runs past its bottom edge too.
        if (heightToo && !w->ScrollbarY) {
            const float roomY = w->InnerRect.GetHeight() - 2.0f * w->WindowPadding.y;
            const float contentY = w->ContentSizeIdeal.y;
            if (contentY > roomY + 1.0f) {
                out.push_back(std::string(w->Name) + " (content " + std::to_string(contentY) +
                              " px high, room " + std::to_string(roomY) + " px)");
            }
        }
    }
    return out;
}

void OverlayHarness::liftAway() {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    io.MouseDown[0] = false;
}

} // namespace kiln::test
