// Touch-first building blocks shared by the overlay widgets: the minimum touch target (44 px at
// 1080p, scaled with the display), buttons and panels that honour it, drag-to-scroll, the widest
// unbreakable run of a text (for the "no string overflows its panel" lint) and a recorder of every
// string the overlays draw (for tests). Holds no visitor-facing text; nothing here needs a hover
// or a keyboard. No GL, no SDL.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace kiln::ui {

// The smallest control edge at uiScale 1 (1080p), in pixels.
inline constexpr float kTouchTargetPx = 44.0f;

// kTouchTargetPx scaled with the display (uiScale is 1.0 at 1080p).
float touchTargetPx(float uiScale);

// A tappable rectangle a widget drew this frame, in screen pixels, named by what it does
// ("close", "node.factor_conditions", "language"): for layout tests and for the app's own checks.
struct TouchTarget {
    std::string id;
    ImVec2 min;
    ImVec2 max;

    float width() const { return max.x - min.x; }
    float height() const { return max.y - min.y; }
};

// A button at least touchTargetPx(uiScale) wide and tall (wider when its label needs it, or
// `minWidth`). `active` draws it in the pressed colour (a toggle that is on, the current
// language). Returns true on the frame a tap (press and release on it) completes. The label is
// recorded as drawn text; `id` keeps the ImGui id stable when the label changes language.
bool touchButton(std::string_view label, std::string_view id, float uiScale,
                 std::vector<TouchTarget>* targets, bool active = false, float minWidth = 0.0f);

// Text wrapped at the window's content edge by breakLines (line_break.h: at spaces, between CJK
// characters, never before a closing mark nor after an opening one), recorded as drawn text.
void wrappedText(std::string_view text);
// Text in a colour, wrapped likewise.
void wrappedText(std::string_view text, ImU32 colour);

// Text drawn as ImGui::TextUnformatted draws it after PushTextWrapPos(wrapPosX) (window-local x;
// 0 for the content edge), but broken by breakLines. Records nothing: the caller records the text.
void textWrappedAt(std::string_view text, float wrapPosX);

// Call inside a scrolling window after its items: dragging a finger over the panel scrolls it,
// so long cards need neither a mouse wheel nor a thin scrollbar.
void dragToScroll();

// The width in pixels, with the current font, of the widest run of the text that the overlays'
// wrap will not break (unbreakableRuns in line_break.h: a Latin word with its punctuation, a CJK
// character with the closing marks after it and the opening marks before it).
// A text fits a panel of width w without cutting a word iff this is <= w.
float widestUnbreakableRunPx(std::string_view utf8);

// Every overlay widget reports each string it draws here. A test installs a recorder to prove
// that every visitor-facing string comes from the content; with none installed, this is a no-op.
void recordDrawnText(std::string_view text);

class DrawnTextRecorder {
public:
    DrawnTextRecorder();
    ~DrawnTextRecorder();
    DrawnTextRecorder(const DrawnTextRecorder&) = delete;
    DrawnTextRecorder& operator=(const DrawnTextRecorder&) = delete;

    void add(std::string_view text) { mTexts.emplace_back(text); }
    const std::vector<std::string>& texts() const { return mTexts; }

private:
    std::vector<std::string> mTexts;
    DrawnTextRecorder* mPrevious = nullptr;
};

} // namespace kiln::ui
