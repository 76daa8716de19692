// Line breaking (line_break.h) against the clreq / JIS X 4051 rules: constructed strings with a
// fixed-width measure (10 px a character), then every content string in both languages at several
// widths with the overlays' real font. The rules' marks are listed here from the brief, not taken
// from the code under test.
#include "kiln/ui/line_break.h"

#include "overlay_harness.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

using namespace kiln;
using ui::LineSpan;

namespace {

// The characters of a UTF-8 string, one string each (tests only: the input is valid).
std::vector<std::string> characters(std::string_view s) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        const std::size_t n = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
        out.emplace_back(s.substr(i, n));
        i += n;
    }
    return out;
}

// 10 px a character, whatever the character.
float tenPerCharacter(std::string_view s) {
    return 10.0f * static_cast<float>(characters(s).size());
}

std::vector<std::string> linesOf(std::string_view text, float widthPx) {
    std::vector<std::string> out;
    for (const LineSpan& l : ui::breakLines(text, widthPx, tenPerCharacter)) {
        out.emplace_back(text.substr(l.begin, l.end - l.begin));
    }
    return out;
}

using Lines = std::vector<std::string>;

// Closing marks no line may start with, and opening marks no line may end with (the brief's list
// from clreq); the halfwidth closing marks only where they follow a CJK character.
const std::vector<std::string> kClosing = {"，", "。", "、", "；", "：", "？", "！", "）", "》",
                                           "」", "』", "〉", "】", "”",  "’",  "…",  "—"};
const std::vector<std::string> kHalfwidthClosing = {",", ".", ";", ":", "?", "!", ")"};
const std::vector<std::string> kOpening = {"（", "《", "「", "『", "〈", "【", "“", "‘"};

bool in(const std::vector<std::string>& set, const std::string& c) {
    return std::find(set.begin(), set.end(), c) != set.end();
}

bool isCjk(const std::string& c) {
    return c.size() >= 3; // every character from U+0800 on; enough for the content's CJK
}

std::string withoutSpaces(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c != ' ' && c != '\t' && c != '\n') {
            out.push_back(c);
        }
    }
    return out;
}

} // namespace

TEST(OverlayLineBreak, CommaThatWouldStartALineTakesThePreviousCharacterDown) {
    // At 40 px "一二三四" fits and "，" would start the next line: "四" goes down with it.
    EXPECT_EQ(linesOf("一二三四，五六", 40.0f), (Lines{"一二三", "四，五六"}));
    // A full stop alone at the end: its character goes down with it, never "。" alone.
    EXPECT_EQ(linesOf("一二三四。", 40.0f), (Lines{"一二三", "四。"}));
    // Two closing marks in a row stay with the character before them.
    EXPECT_EQ(linesOf("一二三。”四", 40.0f), (Lines{"一二", "三。”四"}));
    // A halfwidth comma after CJK, and an ellipsis, likewise.
    EXPECT_EQ(linesOf("一二三四,五", 40.0f), (Lines{"一二三", "四,五"}));
    EXPECT_EQ(linesOf("一二三……四", 40.0f), (Lines{"一二", "三……四"}));
}

TEST(OverlayLineBreak, OpeningBracketThatWouldEndALineMovesToTheNext) {
    EXPECT_EQ(linesOf("一二三（四五）", 40.0f), (Lines{"一二三", "（四五）"}));
    EXPECT_EQ(linesOf("一二三“四”", 40.0f), (Lines{"一二三", "“四”"}));
}

TEST(OverlayLineBreak, LatinBreaksAtSpacesOnly) {
    EXPECT_EQ(linesOf("the kiln fires hot", 90.0f), (Lines{"the kiln", "fires hot"}));
    // Several spaces at a break belong to no line.
    EXPECT_EQ(linesOf("the   kiln", 50.0f), (Lines{"the", "kiln"}));
    // A line that fits is not broken; trailing spaces are not part of it.
    EXPECT_EQ(linesOf("kiln  ", 100.0f), (Lines{"kiln"}));
}

TEST(OverlayLineBreak, MixedChineseAndEnglishBreakBetweenThemAndAtSpaces) {
    EXPECT_EQ(linesOf("在kiln里烧瓷。", 50.0f), (Lines{"在kiln", "里烧瓷。"}));
    EXPECT_EQ(linesOf("景德镇 Jingdezhen 瓷", 100.0f), (Lines{"景德镇", "Jingdezhen", "瓷"}));
}

TEST(OverlayLineBreak, LongLatinWordBreaksInsideButNotBeforePunctuation) {
    EXPECT_EQ(linesOf("a supercalifragilistic b", 60.0f),
              (Lines{"a", "superc", "alifra", "gilist", "ic b"}));
    EXPECT_EQ(linesOf("abcdef,", 60.0f), (Lines{"abcde", "f,"}));
}

TEST(OverlayLineBreak, OneUnbreakableUnitMayBeWiderThanTheLine) {
    EXPECT_EQ(linesOf("一。", 10.0f), (Lines{"一。"}));
    EXPECT_EQ(linesOf("（一）二", 10.0f), (Lines{"（一）", "二"}));
}

TEST(OverlayLineBreak, KeepsExplicitNewlinesAndEmptyLines) {
    EXPECT_EQ(linesOf("一二\n三", 100.0f), (Lines{"一二", "三"}));
    EXPECT_EQ(linesOf("a\n\nb", 100.0f), (Lines{"a", "", "b"}));
    EXPECT_EQ(linesOf("\n", 100.0f), (Lines{"", ""}));
}

TEST(OverlayLineBreak, EmptyTextHasNoLines) {
    EXPECT_TRUE(ui::breakLines("", 100.0f, tenPerCharacter).empty());
    EXPECT_TRUE(ui::unbreakableRuns("").empty());
}

TEST(OverlayLineBreak, SpansNeverCutAUtf8Sequence) {
    const std::string text = "景德镇的窑，烧出了瓷器。Porcelain fired at 1300 °C（约）";
    for (float w : {10.0f, 20.0f, 30.0f, 70.0f}) {
        for (const LineSpan& l : ui::breakLines(text, w, tenPerCharacter)) {
            for (std::size_t at : {l.begin, l.end}) {
                if (at < text.size()) {
                    EXPECT_NE(static_cast<unsigned char>(text[at]) & 0xC0u, 0x80u) << w;
                }
            }
        }
    }
    // Invalid bytes count as one character each and do not stop the breaking.
    const std::string bad = "\xff\x80\x80一二\xe4\xb8";
    const auto tenPerByte = [](std::string_view b) { return 10.0f * static_cast<float>(b.size()); };
    const auto lines = ui::breakLines(bad, 20.0f, tenPerByte);
    ASSERT_FALSE(lines.empty());
    EXPECT_EQ(lines.front().begin, 0u);
    EXPECT_EQ(lines.back().end, bad.size());
    for (std::size_t i = 1; i < lines.size(); ++i) {
        EXPECT_EQ(lines[i - 1].end, lines[i].begin); // no byte lost or doubled
        EXPECT_LT(lines[i].begin, lines[i].end);
    }
    // "\xff\x80" | "\x80" | "一" (30 px, alone) | "二" | "\xe4\xb8".
    EXPECT_EQ(lines.size(), 5u);
}

TEST(OverlayLineBreak, UnbreakableRunsBindMarksToTheirCharacters) {
    const std::string text = "景德镇，“瓷都” kiln.";
    std::vector<std::string> runs;
    for (const LineSpan& r : ui::unbreakableRuns(text)) {
        runs.emplace_back(text.substr(r.begin, r.end - r.begin));
    }
    EXPECT_EQ(runs, (Lines{"景", "德", "镇，", "“瓷", "都”", "kiln."}));
}

// Every content string, both languages, at widths from a narrow button to a wide panel, with the
// overlays' font at 720p: the rules hold, only a single unit overflows, and nothing is lost.
TEST(OverlayLineBreak, EveryContentStringObeysTheRules) {
    test::OverlayHarness h;
    h.frame([&] {
        const auto measure = [](std::string_view s) {
            return ImGui::CalcTextSize(s.data(), s.data() + s.size()).x;
        };
        int checked = 0;
        for (const content::StringEntry& entry : content::allStrings(test::overlayLibrary())) {
            const std::string text(entry.text);
            for (float width : {90.0f, 160.0f, 250.0f, 400.0f}) {
                const auto lines = ui::breakLines(text, width, measure);
                std::string rebuilt;
                std::size_t at = 0;
                for (std::size_t i = 0; i < lines.size(); ++i) {
                    const LineSpan& l = lines[i];
                    ASSERT_LE(at, l.begin) << entry.field;
                    ASSERT_LE(l.begin, l.end) << entry.field;
                    const std::string gap = text.substr(at, l.begin - at);
                    EXPECT_EQ(gap.find_first_not_of(" \t\n"), std::string::npos)
                            << entry.field << ": only break spaces and newlines between lines";
                    const bool newParagraph = i == 0 || gap.find('\n') != std::string::npos;
                    const std::string line = text.substr(l.begin, l.end - l.begin);
                    rebuilt += line;
                    const auto cs = characters(line);
                    if (!cs.empty() && !newParagraph) {
                        const auto prev = characters(text.substr(
                                lines[i - 1].begin, lines[i - 1].end - lines[i - 1].begin));
                        EXPECT_FALSE(in(kClosing, cs.front()))
                                << entry.field << " at " << width << " px: line starts with "
                                << cs.front() << ": " << line;
                        EXPECT_FALSE(!prev.empty() && isCjk(prev.back()) &&
                                     in(kHalfwidthClosing, cs.front()))
                                << entry.field << " at " << width << " px: " << line;
                        EXPECT_FALSE(!prev.empty() && in(kOpening, prev.back()))
                                << entry.field << " at " << width << " px: line ends with "
                                << prev.back();
                    }
                    if (measure(line) > width) {
                        int units = 0;
                        for (const std::string& c : cs) {
                            units += in(kClosing, c) || in(kOpening, c) || in(kHalfwidthClosing, c)
                                             ? 0
                                             : 1;
                        }
                        EXPECT_LE(units, 1)
                                << entry.field << " at " << width << " px: too wide: " << line;
                    }
                    at = l.end;
                }
                const std::string tail = text.substr(at);
                EXPECT_EQ(tail.find_first_not_of(" \t"), std::string::npos) << entry.field;
                // Nothing lost, doubled or reordered: the lines hold every character but the
                // break spaces and newlines.
                EXPECT_EQ(withoutSpaces(rebuilt), withoutSpaces(text)) << entry.field;
                ++checked;
            }
        }
        EXPECT_GT(checked, 1000);
    });
}
