// The curators' report (docs/analytics.md): summary counts, CSV, and an HTML page whose charts
// are SVG written here, so the page opens on a kiosk or a laptop with no network and no scripts.
//
// [SECTION] Labels: every word of the page, in one table, Chinese and English
// [SECTION] Summary
// [SECTION] CSV
// [SECTION] SVG charts
// [SECTION] HTML page
// [SECTION] The command

#include "kiln/app/analytics_report.h"

#include "kiln/content/content_loader.h"
#include "kiln/core/file_io.h"
#include "kiln/core/log.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <string_view>
#include <system_error>
#include <unordered_map>

namespace kiln::app {
namespace {

// [SECTION] Labels -----------------------------------------------------------------------------
// The page is for curators, not visitors, so its labels live here rather than in the content
// files; all of them in this one table.
struct Label {
    std::string_view key;
    std::string_view zh;
    std::string_view en;
};

constexpr Label kLabels[] = {
        {"title", "窑火 观众数据报告", "Kilnfire visitor report"},
        {"subtitle", "匿名记录：无个人信息", "Anonymous records: no personal data"},
        {"no_sessions", "还没有观众记录。", "No sessions yet."},
        {"sessions", "观众次数（会话）", "Sessions (visits)"},
        {"events", "事件数", "Events"},
        {"dates", "日期范围", "Dates"},
        {"mean_duration", "平均停留时长", "Mean visit length"},
        {"quiz_success", "答题正确率", "Quiz success rate"},
        {"languages", "起始语言", "Starting language"},
        {"dwell", "各场景停留时间", "Dwell time per scene"},
        {"dwell_note", "条形：总分钟数；括号内为次数与平均秒数",
         "Bars: total minutes; in brackets: visits and mean seconds"},
        {"determinants", "钻石模型要素覆盖率", "Determinant coverage"},
        {"determinants_note", "打开过该要素的会话比例",
         "Share of sessions that opened each determinant"},
        {"by_scene", "按场景（会话数；● 表示场景关联该要素）",
         "By scene (sessions; ● marks a determinant the scene is linked to)"},
        {"pathways", "路径", "Pathways"},
        {"pathways_note", "打开过该路径的会话比例", "Share of sessions that opened each pathway"},
        {"quiz", "答题正确率（按题）", "Quiz success per question"},
        {"quiz_note", "条形：答对比例；括号内为作答次数",
         "Bars: share correct; in brackets: answers"},
        {"hours", "各时段观众数", "Visitors per hour of day"},
        {"hours_note", "按会话开始时的本地小时统计（所有日期合计）",
         "Sessions by the local hour they began (all dates together)"},
        {"scene", "场景", "Scene"},
        {"no_scene", "（无场景）", "(no scene)"},
        {"privacy", "本页只含匿名事件：会话编号随机且每次不同，存储只记日期和小时。",
         "This page holds anonymous events only: session ids are random and new every visit; "
         "storage keeps only the date and hour."},
};

std::string_view labelZh(std::string_view key) {
    for (const Label& label : kLabels) {
        if (label.key == key) {
            return label.zh;
        }
    }
    return key;
}

std::string_view labelEn(std::string_view key) {
    for (const Label& label : kLabels) {
        if (label.key == key) {
            return label.en;
        }
    }
    return key;
}

std::string escapeHtml(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '&':
                out.append("&amp;");
                break;
            case '<':
                out.append("&lt;");
                break;
            case '>':
                out.append("&gt;");
                break;
            case '"':
                out.append("&quot;");
                break;
            case '\'':
                out.append("&#39;");
                break;
            default:
                out.push_back(c);
        }
    }
    return out;
}

// "中文 · English", escaped for HTML.
std::string bilingual(std::string_view zh, std::string_view en) {
    std::string out = escapeHtml(zh);
    if (!zh.empty() && !en.empty()) {
        out.append(" · ");
    }
    out.append(escapeHtml(en));
    return out;
}

std::string label(std::string_view key) {
    return bilingual(labelZh(key), labelEn(key));
}

std::string number(double value, int decimals) {
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

std::string percent(std::size_t part, std::size_t whole) {
    if (whole == 0) {
        return "–";
    }
    std::string out = number(100.0 * static_cast<double>(part) / static_cast<double>(whole), 0);
    out.push_back('%');
    return out;
}

double fieldNumber(const SessionEvent& event, std::string_view key) {
    const std::string* value = event.field(key);
    return value == nullptr ? 0.0 : std::strtod(value->c_str(), nullptr);
}

std::string fieldText(const SessionEvent& event, std::string_view key) {
    const std::string* value = event.field(key);
    return value == nullptr ? std::string() : *value;
}

// Names for ids, from the content when loaded.
std::string sceneName(std::string_view id, const content::ContentLibrary* content) {
    if (id.empty()) {
        return label("no_scene");
    }
    if (content != nullptr) {
        if (const content::SceneContent* scene = content->findScene(id); scene != nullptr) {
            return bilingual(scene->title.zh, scene->title.en);
        }
    }
    return escapeHtml(id);
}

std::string determinantName(std::string_view id, const content::ContentLibrary* content) {
    if (content != nullptr) {
        if (const content::Determinant* d = content->model.findDeterminant(id); d != nullptr) {
            return bilingual(d->name.zh, d->name.en);
        }
    }
    return escapeHtml(id);
}

std::string pathwayName(std::string_view id, const content::ContentLibrary* content) {
    if (content != nullptr) {
        if (const content::Pathway* p = content->model.findPathway(id); p != nullptr) {
            std::string out = escapeHtml(p->section);
            out.append(" ").append(bilingual(p->title.zh, p->title.en));
            return out;
        }
    }
    return escapeHtml(id);
}

// Orders ids: those `known` first in its order, then the rest by name.
std::vector<std::string> orderIds(const std::set<std::string>& seen,
                                  const std::vector<std::string>& known, bool includeUnseen) {
    std::vector<std::string> ordered;
    for (const std::string& id : known) {
        if (includeUnseen || seen.count(id) != 0) {
            ordered.push_back(id);
        }
    }
    for (const std::string& id : seen) {
        if (std::find(known.begin(), known.end(), id) == known.end()) {
            ordered.push_back(id);
        }
    }
    return ordered;
}

} // namespace

// [SECTION] Summary ----------------------------------------------------------------------------

AnalyticsSummary summarizeAnalytics(const std::vector<StoredEvent>& events,
                                    const content::ContentLibrary* content) {
    AnalyticsSummary summary;
    summary.eventCount = events.size();

    std::unordered_map<std::string, std::size_t> sessionIndex;
    std::map<std::string, std::pair<std::size_t, double>> dwell; // scene -> visits, seconds
    std::map<std::string, std::set<std::string>> determinantSessions;
    std::map<std::string, std::map<std::string, std::set<std::string>>> determinantSceneSessions;
    std::map<std::string, std::set<std::string>> pathwaySessions;
    std::map<std::string, std::pair<std::size_t, std::size_t>> quiz; // answered, correct
    std::vector<bool> hasStart;

    for (const StoredEvent& stored : events) {
        const SessionEvent& event = stored.event;
        auto [it, isNew] = sessionIndex.try_emplace(event.sessionId, summary.sessions.size());
        if (isNew) {
            SessionSummary session;
            session.sessionId = event.sessionId;
            session.date = stored.storedAt.date;
            session.hour = stored.storedAt.hour;
            summary.sessions.push_back(std::move(session));
            hasStart.push_back(false);
        }
        SessionSummary& session = summary.sessions[it->second];
        session.durationSeconds = std::max(session.durationSeconds, event.atSeconds);
        switch (event.type) {
            case SessionEventType::SessionStart:
                if (!hasStart[it->second]) {
                    hasStart[it->second] = true;
                    // The hour a session began is the batch holding its start record.
                    session.date = stored.storedAt.date;
                    session.hour = stored.storedAt.hour;
                    session.language = fieldText(event, "language");
                    session.depth = fieldText(event, "depth");
                }
                break;
            case SessionEventType::SessionEnd:
                session.endReason = fieldText(event, "reason");
                session.durationSeconds = fieldNumber(event, "durationSeconds");
                break;
            case SessionEventType::SceneViewed: {
                ++session.scenesViewed;
                auto& entry = dwell[fieldText(event, "scene")];
                ++entry.first;
                entry.second += fieldNumber(event, "dwellSeconds");
                break;
            }
            case SessionEventType::DeterminantOpened: {
                ++session.determinantsOpened;
                const std::string id = fieldText(event, "determinant");
                determinantSessions[id].insert(event.sessionId);
                determinantSceneSessions[id][fieldText(event, "scene")].insert(event.sessionId);
                break;
            }
            case SessionEventType::PathwayOpened:
                ++session.pathwaysOpened;
                pathwaySessions[fieldText(event, "pathway")].insert(event.sessionId);
                break;
            case SessionEventType::QuizAnswered: {
                const bool correct = fieldText(event, "correct") == "true";
                ++session.quizAnswered;
                auto& entry = quiz[fieldText(event, "question")];
                ++entry.first;
                ++summary.quizAnswered;
                if (correct) {
                    ++session.quizCorrect;
                    ++entry.second;
                    ++summary.quizCorrect;
                }
                break;
            }
            case SessionEventType::LanguageChosen:
            case SessionEventType::DepthChosen:
            case SessionEventType::Reset:
                break;
        }
    }

    for (const SessionSummary& session : summary.sessions) {
        ++summary.sessionsPerHour[static_cast<std::size_t>(std::clamp(session.hour, 0, 23))];
        if (!session.language.empty()) {
            ++summary.startLanguages[session.language];
        }
        if (summary.firstDate.empty() || session.date < summary.firstDate) {
            summary.firstDate = session.date;
        }
        summary.lastDate = std::max(summary.lastDate, session.date);
    }

    std::vector<std::string> knownScenes;
    std::vector<std::string> knownDeterminants;
    std::vector<std::string> knownPathways;
    std::vector<std::string> knownQuestions;
    if (content != nullptr) {
        for (const content::SceneContent& scene : content->scenes) {
            knownScenes.push_back(scene.id);
            for (const content::QuizQuestion& question : scene.quiz) {
                knownQuestions.push_back(question.id);
            }
        }
        for (const content::Determinant& d : content->model.determinants) {
            knownDeterminants.push_back(d.id);
        }
        for (const content::Pathway& p : content->model.pathways) {
            knownPathways.push_back(p.id);
        }
    }
    auto keysOf = [](const auto& map) {
        std::set<std::string> keys;
        for (const auto& [key, value] : map) {
            keys.insert(key);
        }
        return keys;
    };
    for (const std::string& scene : orderIds(keysOf(dwell), knownScenes, false)) {
        summary.dwell.push_back({scene, dwell[scene].first, dwell[scene].second});
    }
    for (const std::string& id : orderIds(keysOf(determinantSessions), knownDeterminants, true)) {
        DeterminantUse use{id, determinantSessions[id].size(), {}};
        for (const auto& [scene, sessions] : determinantSceneSessions[id]) {
            use.sessionsByScene[scene] = sessions.size();
        }
        summary.determinants.push_back(std::move(use));
    }
    for (const std::string& id : orderIds(keysOf(pathwaySessions), knownPathways, true)) {
        summary.pathways.push_back({id, pathwaySessions[id].size()});
    }
    for (const std::string& id : orderIds(keysOf(quiz), knownQuestions, false)) {
        summary.quiz.push_back({id, quiz[id].first, quiz[id].second});
    }
    return summary;
}

// [SECTION] CSV --------------------------------------------------------------------------------

namespace {

// The field keys of docs/installations.md's event table, one CSV column each.
constexpr std::string_view kFieldColumns[] = {
        "language",     "depth",       "reason",  "durationSeconds", "scene",
        "dwellSeconds", "determinant", "pathway", "question",        "correct"};

// RFC 4180: quote when needed. Stored values are plain ids and numbers, so this rarely fires.
std::string csvCell(std::string_view value) {
    if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
        return std::string(value);
    }
    std::string out = "\"";
    for (const char c : value) {
        if (c == '"') {
            out.push_back('"');
        }
        out.push_back(c);
    }
    out.push_back('"');
    return out;
}

void appendRow(std::string& out, const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) {
            out.push_back(',');
        }
        out.append(csvCell(cells[i]));
    }
    out.append("\r\n");
}

} // namespace

std::string eventsCsv(const std::vector<StoredEvent>& events) {
    std::string out;
    std::vector<std::string> header = {"batch_id",  "stored_date", "stored_hour",
                                       "sessionId", "event",       "atSeconds"};
    for (const std::string_view key : kFieldColumns) {
        header.emplace_back(key);
    }
    appendRow(out, header);
    for (const StoredEvent& stored : events) {
        std::vector<std::string> row = {std::to_string(stored.batchId),
                                        stored.storedAt.date,
                                        std::to_string(stored.storedAt.hour),
                                        stored.event.sessionId,
                                        std::string(eventTypeCode(stored.event.type)),
                                        number(stored.event.atSeconds, 3)};
        for (const std::string_view key : kFieldColumns) {
            row.push_back(fieldText(stored.event, key));
        }
        appendRow(out, row);
    }
    return out;
}

std::string sessionsCsv(const AnalyticsSummary& summary) {
    std::string out;
    appendRow(out, {"sessionId", "date", "hour", "language", "depth", "durationSeconds",
                    "endReason", "scenesViewed", "determinantsOpened", "pathwaysOpened",
                    "quizAnswered", "quizCorrect"});
    for (const SessionSummary& s : summary.sessions) {
        appendRow(out, {s.sessionId, s.date, std::to_string(s.hour), s.language, s.depth,
                        number(s.durationSeconds, 1), s.endReason.empty() ? "open" : s.endReason,
                        std::to_string(s.scenesViewed), std::to_string(s.determinantsOpened),
                        std::to_string(s.pathwaysOpened), std::to_string(s.quizAnswered),
                        std::to_string(s.quizCorrect)});
    }
    return out;
}

// [SECTION] SVG charts -------------------------------------------------------------------------

namespace {

struct Bar {
    std::string id;    // the data id (scene, determinant ...), kept as data-id for tests
    std::string label; // HTML-escaped already
    double value = 0.0;
    std::string valueText; // shown after the bar
};

constexpr int kChartWidth = 860;
constexpr int kValueWidth = 150; // room right of the longest bar for its value
constexpr int kRowHeight = 44;   // the label on one line, the bar and its value below it

// Horizontal bars scaled to `maxValue` (the largest value when 0). Each label has a line of its
// own above its bar, so long bilingual names are never cut.
std::string barChart(std::string_view id, std::string_view ariaLabel, const std::vector<Bar>& bars,
                     double maxValue) {
    if (maxValue <= 0.0) {
        for (const Bar& bar : bars) {
            maxValue = std::max(maxValue, bar.value);
        }
    }
    const int barSpace = kChartWidth - kValueWidth;
    const int height = static_cast<int>(bars.size()) * kRowHeight + 4;
    std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"";
    svg.append(id).append("\" class=\"chart\" width=\"").append(std::to_string(kChartWidth));
    svg.append("\" height=\"").append(std::to_string(height)).append("\" viewBox=\"0 0 ");
    svg.append(std::to_string(kChartWidth)).append(" ").append(std::to_string(height));
    svg.append("\" role=\"img\" aria-label=\"").append(ariaLabel).append("\">\n");
    int y = 0;
    for (const Bar& bar : bars) {
        const double share = maxValue > 0.0 ? bar.value / maxValue : 0.0;
        const int width = static_cast<int>(share * barSpace + 0.5);
        svg.append("<g class=\"bar\" data-id=\"").append(escapeHtml(bar.id));
        svg.append("\" data-value=\"").append(number(bar.value, 3)).append("\">");
        svg.append("<text class=\"label\" x=\"0\" y=\"").append(std::to_string(y + 15));
        svg.append("\">").append(bar.label).append("</text>");
        svg.append("<rect x=\"0\" y=\"").append(std::to_string(y + 21)).append("\" width=\"");
        svg.append(std::to_string(width)).append("\" height=\"16\" rx=\"2\"/>");
        svg.append("<text class=\"value\" x=\"").append(std::to_string(width + 6));
        svg.append("\" y=\"").append(std::to_string(y + 34)).append("\">");
        svg.append(escapeHtml(bar.valueText)).append("</text></g>\n");
        y += kRowHeight;
    }
    svg.append("</svg>\n");
    return svg;
}

// 24 columns, one per hour of the day, with the count above each.
std::string hourChart(std::string_view id, std::string_view ariaLabel,
                      const std::array<std::size_t, 24>& counts) {
    constexpr int kColumn = 32;
    constexpr int kPlotHeight = 160;
    constexpr int kLeft = 20;
    const int width = kLeft + 24 * kColumn + 20;
    const int height = kPlotHeight + 50;
    std::size_t maxCount = 0;
    for (const std::size_t count : counts) {
        maxCount = std::max(maxCount, count);
    }
    std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"";
    svg.append(id).append("\" class=\"chart\" width=\"").append(std::to_string(width));
    svg.append("\" height=\"").append(std::to_string(height)).append("\" viewBox=\"0 0 ");
    svg.append(std::to_string(width)).append(" ").append(std::to_string(height));
    svg.append("\" role=\"img\" aria-label=\"").append(ariaLabel).append("\">\n");
    const int baseline = kPlotHeight + 20;
    for (std::size_t hour = 0; hour < 24; ++hour) {
        const double share =
                maxCount > 0 ? static_cast<double>(counts[hour]) / static_cast<double>(maxCount)
                             : 0.0;
        const int barHeight = static_cast<int>(share * kPlotHeight + 0.5);
        const int x = kLeft + static_cast<int>(hour) * kColumn;
        svg.append("<g class=\"bar\" data-id=\"").append(std::to_string(hour));
        svg.append("\" data-value=\"").append(std::to_string(counts[hour])).append("\">");
        svg.append("<rect x=\"").append(std::to_string(x + 4)).append("\" y=\"");
        svg.append(std::to_string(baseline - barHeight)).append("\" width=\"");
        svg.append(std::to_string(kColumn - 8)).append("\" height=\"");
        svg.append(std::to_string(barHeight)).append("\" rx=\"2\"/>");
        if (counts[hour] > 0) {
            svg.append("<text class=\"value\" x=\"").append(std::to_string(x + kColumn / 2));
            svg.append("\" y=\"").append(std::to_string(baseline - barHeight - 4));
            svg.append("\" text-anchor=\"middle\">").append(std::to_string(counts[hour]));
            svg.append("</text>");
        }
        svg.append("<text class=\"axis\" x=\"").append(std::to_string(x + kColumn / 2));
        svg.append("\" y=\"").append(std::to_string(baseline + 16));
        svg.append("\" text-anchor=\"middle\">").append(std::to_string(hour)).append("</text>");
        svg.append("</g>\n");
    }
    svg.append("<line x1=\"").append(std::to_string(kLeft)).append("\" x2=\"");
    svg.append(std::to_string(kLeft + 24 * kColumn)).append("\" y1=\"");
    svg.append(std::to_string(baseline)).append("\" y2=\"").append(std::to_string(baseline));
    svg.append("\" class=\"axis\"/>\n</svg>\n");
    return svg;
}

// [SECTION] HTML page --------------------------------------------------------------------------

constexpr std::string_view kStyle = R"css(
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif;
       margin: 2em auto; max-width: 960px; color: #222; background: #fdfbf7; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #ccc; }
p.note { color: #666; font-size: 0.9em; }
table { border-collapse: collapse; font-size: 0.9em; }
td, th { border: 1px solid #ddd; padding: 0.25em 0.5em; text-align: right; }
th { background: #f1ece2; text-align: left; }
td.linked { background: #e8f0fa; }
.chart rect { fill: #2f6690; }
.chart text { font-size: 13px; fill: #222; }
.chart text.value, .chart text.axis { fill: #555; }
.chart line.axis { stroke: #999; }
.empty { font-size: 1.3em; padding: 2em; background: #f1ece2; }
)css";

void appendSummaryRow(std::string& html, std::string_view key, std::string_view value) {
    html.append("<tr><th>").append(label(key)).append("</th><td>");
    html.append(escapeHtml(value)).append("</td></tr>\n");
}

void appendSectionHead(std::string& html, std::string_view key, std::string_view noteKey) {
    html.append("<h2>").append(label(key)).append("</h2>\n");
    if (!noteKey.empty()) {
        html.append("<p class=\"note\">").append(label(noteKey)).append("</p>\n");
    }
}

// The per-scene determinant table: rows are scenes with data, columns the determinants.
void appendDeterminantTable(std::string& html, const AnalyticsSummary& summary,
                            const content::ContentLibrary* content) {
    std::set<std::string> sceneSet;
    for (const SceneDwell& d : summary.dwell) {
        sceneSet.insert(d.scene);
    }
    for (const DeterminantUse& use : summary.determinants) {
        for (const auto& [scene, count] : use.sessionsByScene) {
            sceneSet.insert(scene);
        }
    }
    std::vector<std::string> known;
    if (content != nullptr) {
        for (const content::SceneContent& scene : content->scenes) {
            known.push_back(scene.id);
        }
    }
    const std::vector<std::string> scenes = orderIds(sceneSet, known, false);
    html.append("<p class=\"note\">").append(label("by_scene")).append("</p>\n");
    html.append("<table id=\"table-determinants-by-scene\">\n<tr><th>");
    html.append(label("scene")).append("</th>");
    for (const DeterminantUse& use : summary.determinants) {
        html.append("<th>").append(determinantName(use.determinant, content)).append("</th>");
    }
    html.append("</tr>\n");
    for (const std::string& scene : scenes) {
        const content::SceneContent* sceneContent =
                content != nullptr ? content->findScene(scene) : nullptr;
        html.append("<tr><th>").append(sceneName(scene, content)).append("</th>");
        for (const DeterminantUse& use : summary.determinants) {
            bool linked = false;
            if (sceneContent != nullptr) {
                for (const content::SceneLink& link : sceneContent->determinants) {
                    linked = linked || link.id == use.determinant;
                }
            }
            const auto it = use.sessionsByScene.find(scene);
            const std::size_t count = it == use.sessionsByScene.end() ? 0 : it->second;
            html.append(linked ? "<td class=\"linked\">● " : "<td>");
            html.append(std::to_string(count)).append("</td>");
        }
        html.append("</tr>\n");
    }
    html.append("</table>\n");
}

} // namespace

std::string reportHtml(const AnalyticsSummary& summary, const content::ContentLibrary* content) {
    std::string html =
            "<!DOCTYPE html>\n<html lang=\"zh-Hans\">\n<head>\n<meta charset=\"utf-8\">\n";
    // Nothing may be fetched: no scripts, images, fonts or styles from anywhere.
    html.append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                "style-src 'unsafe-inline'\">\n");
    html.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    html.append("<title>").append(label("title")).append("</title>\n<style>");
    html.append(kStyle).append("</style>\n</head>\n<body>\n");
    html.append("<h1>").append(label("title")).append("</h1>\n");
    html.append("<p class=\"note\">").append(label("subtitle")).append("</p>\n");

    if (summary.sessions.empty()) {
        html.append("<p class=\"empty\" id=\"no-sessions\">").append(label("no_sessions"));
        html.append("</p>\n</body>\n</html>\n");
        return html;
    }

    double totalDuration = 0.0;
    for (const SessionSummary& s : summary.sessions) {
        totalDuration += s.durationSeconds;
    }
    const double meanDuration = totalDuration / static_cast<double>(summary.sessions.size());
    std::string languages;
    for (const auto& [code, count] : summary.startLanguages) {
        if (!languages.empty()) {
            languages.append(", ");
        }
        languages.append(code).append(" ").append(std::to_string(count));
    }
    std::string dates = summary.firstDate;
    if (summary.lastDate != summary.firstDate) {
        dates.append(" – ").append(summary.lastDate);
    }
    html.append("<table id=\"summary\">\n");
    appendSummaryRow(html, "sessions", std::to_string(summary.sessions.size()));
    appendSummaryRow(html, "events", std::to_string(summary.eventCount));
    appendSummaryRow(html, "dates", dates);
    std::string meanText = number(meanDuration / 60.0, 1);
    meanText.append(" min");
    appendSummaryRow(html, "mean_duration", meanText);
    std::string quizText = percent(summary.quizCorrect, summary.quizAnswered);
    quizText.append(" (").append(std::to_string(summary.quizCorrect)).append(" / ");
    quizText.append(std::to_string(summary.quizAnswered)).append(")");
    appendSummaryRow(html, "quiz_success", quizText);
    appendSummaryRow(html, "languages", languages);
    html.append("</table>\n");

    appendSectionHead(html, "dwell", "dwell_note");
    std::vector<Bar> dwellBars;
    for (const SceneDwell& d : summary.dwell) {
        const double mean = d.visits > 0 ? d.totalSeconds / static_cast<double>(d.visits) : 0.0;
        std::string text = number(d.totalSeconds / 60.0, 1);
        text.append(" min (").append(std::to_string(d.visits)).append(" × ");
        text.append(number(mean, 0)).append(" s)");
        dwellBars.push_back({d.scene, sceneName(d.scene, content), d.totalSeconds, text});
    }
    html.append(barChart("chart-dwell", labelEn("dwell"), dwellBars, 0.0));

    const std::size_t sessionCount = summary.sessions.size();
    appendSectionHead(html, "determinants", "determinants_note");
    std::vector<Bar> determinantBars;
    for (const DeterminantUse& use : summary.determinants) {
        std::string text = percent(use.sessions, sessionCount);
        text.append(" (").append(std::to_string(use.sessions)).append(")");
        determinantBars.push_back(
                {use.determinant, determinantName(use.determinant, content),
                 static_cast<double>(use.sessions) / static_cast<double>(sessionCount), text});
    }
    html.append(barChart("chart-determinants", labelEn("determinants"), determinantBars, 1.0));
    appendDeterminantTable(html, summary, content);

    appendSectionHead(html, "pathways", "pathways_note");
    std::vector<Bar> pathwayBars;
    for (const PathwayUse& use : summary.pathways) {
        std::string text = percent(use.sessions, sessionCount);
        text.append(" (").append(std::to_string(use.sessions)).append(")");
        pathwayBars.push_back(
                {use.pathway, pathwayName(use.pathway, content),
                 static_cast<double>(use.sessions) / static_cast<double>(sessionCount), text});
    }
    html.append(barChart("chart-pathways", labelEn("pathways"), pathwayBars, 1.0));

    appendSectionHead(html, "quiz", "quiz_note");
    std::vector<Bar> quizBars;
    for (const QuizUse& q : summary.quiz) {
        std::string text = percent(q.correct, q.answered);
        text.append(" (").append(std::to_string(q.correct)).append(" / ");
        text.append(std::to_string(q.answered)).append(")");
        quizBars.push_back(
                {q.question, escapeHtml(q.question),
                 q.answered > 0 ? static_cast<double>(q.correct) / static_cast<double>(q.answered)
                                : 0.0,
                 text});
    }
    html.append(barChart("chart-quiz", labelEn("quiz"), quizBars, 1.0));

    appendSectionHead(html, "hours", "hours_note");
    html.append(hourChart("chart-hours", labelEn("hours"), summary.sessionsPerHour));

    html.append("<p class=\"note\">").append(label("privacy")).append("</p>\n");
    html.append("</body>\n</html>\n");
    return html;
}

// [SECTION] The command ------------------------------------------------------------------------

std::string reportUsageText() {
    return "usage: kilnfire report --db FILE --out DIR [--content DIR]\n"
           "\n"
           "Writes a report of an analytics database (docs/analytics.md) into DIR:\n"
           "  report.html   one self-contained page: dwell per scene, determinant coverage,\n"
           "                pathways, quiz success, visitors per hour (no network needed)\n"
           "  events.csv    every stored event, one row each\n"
           "  sessions.csv  one row per anonymous session\n"
           "\n"
           "  --db FILE       the analytics database (read only; may be in use by a kiosk)\n"
           "  --out DIR       where to write; created if missing\n"
           "  --content DIR   content folder for names in Chinese and English\n"
           "                  (default: the installed assets/content)\n"
           "  --help          this text\n"
           "\n"
           "Exit status: 0 written, 1 database unreadable or output not written, 2 usage error.\n";
}

int runReportCommand(const std::vector<std::string>& args) {
    std::filesystem::path db;
    std::filesystem::path out;
    std::filesystem::path contentRoot;
    auto usageError = [](std::string_view message) {
        std::fprintf(stderr, "kilnfire report: %.*s (see kilnfire report --help)\n",
                     static_cast<int>(message.size()), message.data());
        return 2;
    };
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--help" || arg == "-h") {
            std::fputs(reportUsageText().c_str(), stdout);
            return 0;
        }
        if (arg == "--db" || arg == "--out" || arg == "--content") {
            if (i + 1 >= args.size()) {
                std::string message = arg;
                message.append(" needs a value");
                return usageError(message);
            }
            const std::string& value = args[++i];
            (arg == "--db" ? db : arg == "--out" ? out : contentRoot) = value;
            continue;
        }
        std::string message = "unknown argument \"";
        message.append(arg).append("\"");
        return usageError(message);
    }
    if (db.empty() || out.empty()) {
        return usageError(db.empty() ? "--db FILE is required" : "--out DIR is required");
    }

    core::Result<std::vector<StoredEvent>> events = readStoredEvents(db);
    if (!events) {
        std::fprintf(stderr, "kilnfire report: %s\n", events.error().message.c_str());
        return 1;
    }

    content::LoadOptions loadOptions;
    loadOptions.logFindings = false;
    const content::LoadResult loaded = content::loadContent(
            contentRoot.empty() ? content::defaultContentRoot() : contentRoot, loadOptions);
    const content::ContentLibrary* content = loaded.library.modelLoaded ? &loaded.library : nullptr;
    if (content == nullptr) {
        core::logWarning("analytics", "content not loaded: the report shows ids, not names");
    }

    const AnalyticsSummary summary = summarizeAnalytics(*events, content);
    std::error_code ec;
    std::filesystem::create_directories(out, ec);
    if (ec) {
        std::fprintf(stderr, "kilnfire report: cannot create %s: %s\n", out.c_str(),
                     ec.message().c_str());
        return 1;
    }
    const std::pair<const char*, std::string> files[] = {
            {"events.csv", eventsCsv(*events)},
            {"sessions.csv", sessionsCsv(summary)},
            {"report.html", reportHtml(summary, content)},
    };
    for (const auto& [name, bytes] : files) {
        if (core::Status written = core::writeFileAtomic(out / name, bytes); !written) {
            std::fprintf(stderr, "kilnfire report: %s\n", written.error().message.c_str());
            return 1;
        }
    }
    std::printf("kilnfire report: wrote %s (%zu sessions, %zu events)\n",
                (out / "report.html").c_str(), summary.sessions.size(), summary.eventCount);
    return 0;
}

} // namespace kiln::app
