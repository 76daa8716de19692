// Line breaking by the clreq / JIS X 4051 rules (see line_break.h and docs/overlays.md).
#include "kiln/ui/line_break.h"

#include <imgui.h>

namespace kiln::ui {

namespace {

struct CodePoint {
    std::size_t begin;
    std::size_t end;
    char32_t c;
};

// Decodes UTF-8; a byte that does not start a valid sequence is one character (U+FFFD), so a
// span never cuts a valid sequence and bad input still advances.
std::vector<CodePoint> decode(std::string_view s, std::size_t from, std::size_t to) {
    std::vector<CodePoint> out;
    std::size_t i = from;
    while (i < to) {
        const auto b0 = static_cast<unsigned char>(s[i]);
        std::size_t n = 1;
        char32_t c = 0xFFFD;
        if (b0 < 0x80) {
            c = b0;
        } else {
            const std::size_t len = b0 >= 0xF5   ? 0
                                    : b0 >= 0xF0 ? 4
                                    : b0 >= 0xE0 ? 3
                                    : b0 >= 0xC2 ? 2
                                                 : 0;
            bool ok = len > 0 && i + len <= to;
            char32_t v = len == 4 ? (b0 & 0x07u) : len == 3 ? (b0 & 0x0Fu) : (b0 & 0x1Fu);
            for (std::size_t k = 1; ok && k < len; ++k) {
                const auto bk = static_cast<unsigned char>(s[i + k]);
                ok = (bk & 0xC0u) == 0x80u;
                v = (v << 6) | (bk & 0x3Fu);
            }
            if (ok) {
                n = len;
                c = v;
            }
        }
        out.push_back({i, i + n, c});
        i += n;
    }
    return out;
}

bool isBreakSpace(char32_t c) {
    return c == U' ' || c == U'\t';
}

// CJK symbols and punctuation, kana, ideographs, full-width forms (everything from U+2E80, as
// ImGui's wrap treats them): a line may break before or after any of them.
bool isCjk(char32_t c) {
    return c >= 0x2E80;
}

// No line starts with these (clreq's "行首禁则", JIS X 4051's kinsoku): closing brackets and
// quotes, the pause and stop marks, the dash and ellipsis (never split from their text), the
// middle dot; the halfwidth marks too, for where they follow CJK.
bool isClosingMark(char32_t c) {
    constexpr std::u32string_view kClosing =
            U"，。、；：？！）》」』〉】〕〗］｝．”’…—·・,.;:?!)]}";
    return kClosing.find(c) != std::u32string_view::npos;
}

// No line ends with these (clreq "行尾禁则"): opening brackets and quotes, the middle dot.
bool isOpeningMark(char32_t c) {
    constexpr std::u32string_view kOpening = U"（《「『〈【〔〖［｛“‘·・([{";
    return kOpening.find(c) != std::u32string_view::npos;
}

// Whether the rules allow a line to end after `before` and the next to start with `after`.
bool mayBreakBetween(char32_t before, char32_t after) {
    return !isOpeningMark(before) && !isClosingMark(after);
}

// The runs of one paragraph (no '\n' in [from, to)), appended to `runs`.
void paragraphRuns(std::string_view s, std::size_t from, std::size_t to,
                   std::vector<LineSpan>& runs) {
    const std::vector<CodePoint> cps = decode(s, from, to);
    std::size_t runStart = 0;     // index into cps
    std::size_t lastNonSpace = 0; // index + 1 of the run's last non-space, 0 when none yet
    auto close = [&](std::size_t next) {
        if (lastNonSpace > runStart) {
            runs.push_back({cps[runStart].begin, cps[lastNonSpace - 1].end});
        }
        runStart = next;
    };
    for (std::size_t i = 0; i < cps.size(); ++i) {
        if (i > 0 && lastNonSpace > runStart && !isBreakSpace(cps[i].c)) {
            const char32_t before = cps[lastNonSpace - 1].c;
            const bool afterSpaces = isBreakSpace(cps[i - 1].c);
            const bool opportunity = afterSpaces || isCjk(before) || isCjk(cps[i].c);
            if (opportunity && mayBreakBetween(before, cps[i].c)) {
                close(i);
            }
        }
        // Spaces between runs belong to none: a run closes only before a non-space, and ends
        // at its last non-space.
        if (!isBreakSpace(cps[i].c)) {
            lastNonSpace = i + 1;
        }
    }
    close(cps.size());
}

// Cuts an overlong run between its characters, greedily, never before a closing mark nor after
// an opening one; the pieces but the last become lines, the last starts the next line.
LineSpan cutRun(std::string_view s, LineSpan run, float widthPx, const TextMeasure& measure,
                std::vector<LineSpan>& lines) {
    const std::vector<CodePoint> cps = decode(s, run.begin, run.end);
    std::size_t pieceBegin = run.begin;
    std::size_t lastCut = run.begin; // the latest allowed cut inside the piece, begin if none
    for (std::size_t i = 1; i < cps.size(); ++i) {
        if (!mayBreakBetween(cps[i - 1].c, cps[i].c)) {
            continue;
        }
        // Cutting before cps[i] is allowed: does the piece up to cps[i] still fit?
        const std::size_t cut = cps[i].begin;
        if (lastCut > pieceBegin && measure(s.substr(pieceBegin, cut - pieceBegin)) > widthPx) {
            lines.push_back({pieceBegin, lastCut});
            pieceBegin = lastCut;
        }
        lastCut = cut;
    }
    // The tail: from pieceBegin to the end, cut once more if it does not fit.
    if (lastCut > pieceBegin && measure(s.substr(pieceBegin, run.end - pieceBegin)) > widthPx) {
        lines.push_back({pieceBegin, lastCut});
        pieceBegin = lastCut;
    }
    return {pieceBegin, run.end};
}

// Calls f(from, to) for each paragraph of the text: the bytes between its '\n'.
template <typename F> void forEachParagraph(std::string_view s, F&& f) {
    std::size_t from = 0;
    while (from <= s.size()) {
        std::size_t to = s.find('\n', from);
        if (to == std::string_view::npos) {
            to = s.size();
        }
        f(from, to);
        from = to + 1;
    }
}

} // namespace

std::vector<LineSpan> unbreakableRuns(std::string_view utf8) {
    std::vector<LineSpan> runs;
    forEachParagraph(
            utf8, [&](std::size_t from, std::size_t to) { paragraphRuns(utf8, from, to, runs); });
    return runs;
}

std::vector<LineSpan> breakLines(std::string_view utf8, float widthPx, const TextMeasure& measure) {
    std::vector<LineSpan> lines;
    if (utf8.empty()) {
        return lines;
    }
    std::vector<LineSpan> runs;
    forEachParagraph(utf8, [&](std::size_t from, std::size_t to) {
        runs.clear();
        paragraphRuns(utf8, from, to, runs);
        if (runs.empty()) {
            lines.push_back({from, from}); // an empty line (or one of spaces only)
            return;
        }
        // Greedy: each run joins the line when the line with it still fits, else starts the next
        // one (cut first when it does not fit on a line of its own).
        LineSpan line;
        auto start = [&](LineSpan run) {
            line = measure(utf8.substr(run.begin, run.end - run.begin)) > widthPx
                           ? cutRun(utf8, run, widthPx, measure, lines)
                           : run;
        };
        start(runs.front());
        for (std::size_t i = 1; i < runs.size(); ++i) {
            if (measure(utf8.substr(line.begin, runs[i].end - line.begin)) <= widthPx) {
                line.end = runs[i].end;
            } else {
                lines.push_back(line);
                start(runs[i]);
            }
        }
        lines.push_back(line);
    });
    return lines;
}

std::vector<LineSpan> breakLinesWithCurrentFont(std::string_view utf8, float widthPx) {
    return breakLines(utf8, widthPx, [](std::string_view piece) {
        return ImGui::CalcTextSize(piece.data(), piece.data() + piece.size()).x;
    });
}

std::string withLineBreaks(std::string_view utf8, float widthPx) {
    std::string out;
    out.reserve(utf8.size() + 16);
    bool first = true;
    for (const LineSpan& line : breakLinesWithCurrentFont(utf8, widthPx)) {
        if (!first) {
            out.push_back('\n');
        }
        first = false;
        out.append(utf8.substr(line.begin, line.end - line.begin));
    }
    return out;
}

} // namespace kiln::ui
