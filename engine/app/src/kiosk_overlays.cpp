// Installation overlays (kiosk_overlays.h).
#include "kiosk_overlays.h"

#include "kiln/ui/theme.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace kiln::app {
namespace {

constexpr ImGuiWindowFlags kModal = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                    ImGuiWindowFlags_AlwaysAutoResize |
                                    ImGuiWindowFlags_NoSavedSettings;

void centredText(const std::string& text, float scale) {
    ImGui::SetWindowFontScale(scale);
    const float width = ImGui::CalcTextSize(text.c_str()).x;
    const float avail = ImGui::GetContentRegionAvail().x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (avail - width) * 0.5f));
    ImGui::TextUnformatted(text.c_str());
    ImGui::SetWindowFontScale(1.0f);
    ui::recordDrawnText(text);
}

// Dims the whole scene behind a modal card.
void dimBackground(float alpha) {
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    ImGui::GetBackgroundDrawList()->AddRectFilled(
            ImVec2(0.0f, 0.0f), size, IM_COL32(0, 0, 0, static_cast<int>(alpha * 255.0f)));
}

// A modal card in the middle of the screen over a dimmed scene, in front of every panel. Always
// pair with endModal().
bool beginModal(const char* id, float padX, float padY, float dimAlpha) {
    dimBackground(dimAlpha);
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowFocus();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(padX, padY));
    return ImGui::Begin(id, nullptr, kModal);
}

void endModal() {
    ImGui::End();
    ImGui::PopStyleVar();
}

} // namespace

void drawAttractInvitation(const Bilingual& invitation, const Bilingual& title, float uiScale,
                           double timeSeconds) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    // A slow breath (4 s period) so the eye catches it without flicker.
    const float pulse = 0.80f + 0.20f * static_cast<float>(std::sin(timeSeconds * 1.5707963));
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y - 48.0f * uiScale), ImGuiCond_Always,
                            ImVec2(0.5f, 1.0f));
    ImGui::SetNextWindowBgAlpha(0.70f * pulse);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(36.0f * uiScale, 20.0f * uiScale));
    if (ImGui::Begin("##attract", nullptr, kModal | ImGuiWindowFlags_NoInputs)) {
        centredText(title.zh + "  " + title.en, 1.0f);
        centredText(invitation.zh, 1.35f);
        centredText(invitation.en, 1.15f);
    }
    ImGui::End();
    ImGui::PopStyleVar();
}

bool drawStillThere(const Bilingual& question, const Bilingual& countdown,
                    const Bilingual& continueLabel, float uiScale,
                    std::vector<ui::TouchTarget>* targets) {
    bool tapped = false;
    if (beginModal("##still_there", 40.0f * uiScale, 28.0f * uiScale, 0.45f)) {
        centredText(question.zh + "  " + question.en, 1.4f);
        ImGui::Spacing();
        centredText(countdown.zh, 1.0f);
        centredText(countdown.en, 1.0f);
        ImGui::Spacing();
        const std::string label = continueLabel.zh + " / " + continueLabel.en;
        const float width = std::max(ImGui::GetContentRegionAvail().x, 280.0f * uiScale);
        tapped = ui::touchButton(label, "idle.continue", uiScale * 1.4f, targets, false, width);
    }
    endModal();
    return tapped;
}

KeypadCommand drawPinKeypad(const KeypadView& view) {
    KeypadCommand command;
    const float s = view.uiScale;
    if (beginModal("##pin_keypad", 28.0f * s, 20.0f * s, 0.6f)) {
        centredText(view.title, 1.2f);
        // The digits are never shown, only how many: a dot each.
        std::string dots;
        for (std::size_t i = 0; i < view.digitsEntered; ++i) {
            dots.append("● ");
        }
        centredText(dots.empty() ? std::string(" ") : dots, 1.2f);
        if (!view.message.empty()) {
            centredText(view.message, 1.0f);
        }
        // Large keys, telephone layout: 1 2 3 / 4 5 6 / 7 8 9 / erase 0 OK.
        const float key = ui::touchTargetPx(s) * 1.6f;
        const int layout[4][3] = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}, {-1, 0, -2}};
        ImGui::BeginDisabled(view.lockedOut);
        for (const auto& row : layout) {
            for (int c = 0; c < 3; ++c) {
                if (c > 0) {
                    ImGui::SameLine();
                }
                const int k = row[c];
                if (k >= 0) {
                    const std::string label = std::to_string(k);
                    if (ui::touchButton(label, "pin." + label, s, &command.targets, false, key)) {
                        command.digit = k;
                    }
                } else if (k == -1) {
                    command.erase |= ui::touchButton(view.eraseLabel, "pin.erase", s,
                                                     &command.targets, false, key);
                } else {
                    command.submit |= ui::touchButton(view.okLabel, "pin.ok", s, &command.targets,
                                                      false, key);
                }
            }
        }
        ImGui::EndDisabled();
        const float width = key * 3.0f + ImGui::GetStyle().ItemSpacing.x * 2.0f;
        command.cancel =
                ui::touchButton(view.cancelLabel, "pin.cancel", s, &command.targets, false, width);
    }
    endModal();
    return command;
}

AdminMenuCommand drawAdminMenu(const AdminMenuView& view) {
    AdminMenuCommand command;
    const float s = view.uiScale;
    if (beginModal("##admin_menu", 28.0f * s, 20.0f * s, 0.6f)) {
        centredText(view.title, 1.2f);
        if (!view.status.empty()) {
            ImGui::TextUnformatted(view.status.c_str());
        }
        if (!view.analyticsLine.empty()) {
            // Not wrapped: wrapping inside a window that sizes itself to its content keeps
            // changing its size over several frames.
            ImGui::TextUnformatted(view.analyticsLine.c_str());
            ui::recordDrawnText(view.analyticsLine);
        }
        const float width = 360.0f * s;
        // Settings that last until the program restarts (the file holds the lasting ones).
        if (view.analyticsAvailable) {
            command.toggleAnalytics = ui::touchButton(view.analyticsLabel, "admin.analytics", s,
                                                      &command.targets, false, width);
        }
        command.toggleStartLanguage = ui::touchButton(view.languageLabel, "admin.language", s,
                                                      &command.targets, false, width);
        ImGui::Separator();
        command.reset =
                ui::touchButton(view.resetLabel, "admin.reset", s, &command.targets, false, width);
        command.exit =
                ui::touchButton(view.exitLabel, "admin.exit", s, &command.targets, false, width);
        command.close =
                ui::touchButton(view.closeLabel, "admin.close", s, &command.targets, false, width);
    }
    endModal();
    return command;
}

void drawBlankScreen() {
    ImGui::GetForegroundDrawList()->AddRectFilled(ImVec2(0.0f, 0.0f), ImGui::GetIO().DisplaySize,
                                                  IM_COL32(0, 0, 0, 255));
}

void drawPointerHighlight(float xPx, float yPx, float uiScale, float alpha) {
    const int a = static_cast<int>(std::clamp(alpha, 0.0f, 1.0f) * 255.0f);
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    const float r = 34.0f * uiScale;
    draw->AddCircleFilled(ImVec2(xPx, yPx), r, IM_COL32(255, 210, 40, a / 4), 40);
    draw->AddCircle(ImVec2(xPx, yPx), r, IM_COL32(255, 210, 40, a), 40, 4.0f * uiScale);
}

} // namespace kiln::app
