// The frame every overlay card shares: a fixed window with a header row (title, wrapped, and a
// close button of touch size on the right), a scrolling body a finger can drag, and helpers for
// the "label: source" line. Holds no visitor-facing text: titles and labels come from the caller.
// No GL, no SDL.
#pragma once

#include "kiln/ui/overlay_layout.h"
#include "kiln/ui/touch_target.h"

#include <string_view>
#include <vector>

namespace kiln::ui {

// Opens the panel window at rect with the title and a close button; the body that follows
// scrolls. Always pair with endOverlayPanel(). Sets *closeTapped when the close button is tapped.
void beginOverlayPanel(std::string_view windowId, const PanelRect& rect, std::string_view title,
                       std::string_view closeLabel, float uiScale,
                       std::vector<TouchTarget>* targets, bool* closeTapped);
void endOverlayPanel();

// "Source" label and the source on one line (wrapped), dimmed.
void sourceLine(std::string_view label, std::string_view source);

// A heading inside a panel (the accent colour).
void panelHeading(std::string_view text);

} // namespace kiln::ui
