// Line breaking for the overlays' wrapped text, Chinese and English alike: breaks at spaces in
// Latin text and between CJK characters, never before a closing punctuation mark or after an
// opening one (the line-breaking rules of W3C clreq, shared with JIS X 4051's kinsoku), and keeps
// explicit '\n'. breakLines is pure: it measures through the function it is given, so it needs
// no ImGui context and no GL; the *WithCurrentFont helpers measure with ImGui's current font.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kiln::ui {

// One line of a broken text: the bytes [begin, end) of the text. The spaces a line breaks at
// and the explicit '\n' lie between lines and belong to none.
struct LineSpan {
    std::size_t begin = 0;
    std::size_t end = 0;

    bool operator==(const LineSpan&) const = default;
};

// The width in pixels of a piece of text on one line.
using TextMeasure = std::function<float(std::string_view)>;

// The runs of a text that are never broken apart except inside an overlong Latin word: a Latin
// word with its punctuation, a CJK character with the closing marks after it and the opening
// marks before it. Spaces and '\n' between runs belong to none. Invalid UTF-8 bytes count as
// one character each.
std::vector<LineSpan> unbreakableRuns(std::string_view utf8);

// The lines of `utf8` wrapped greedily at `widthPx`: as many runs on a line as fit; a run that
// does not fit on a line of its own is cut between its characters (a long Latin word, as ImGui
// does), still never before a closing mark nor after an opening one. A line is wider than
// widthPx only when it is one character with the marks bound to it. Each '\n' ends a line (an
// empty one when two follow each other); an empty text has no lines.
std::vector<LineSpan> breakLines(std::string_view utf8, float widthPx, const TextMeasure& measure);

// breakLines measured with ImGui::CalcTextSize of the current font. Needs an ImGui frame.
std::vector<LineSpan> breakLinesWithCurrentFont(std::string_view utf8, float widthPx);

// The text broken at widthPx with the current font, its lines joined by '\n': draw it and
// measure it (ImGui::CalcTextSize, ImDrawList::AddText) without ImGui's own wrap, so the layout
// and the drawing agree.
std::string withLineBreaks(std::string_view utf8, float widthPx);

} // namespace kiln::ui
