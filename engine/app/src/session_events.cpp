// The analytics event model. Values are strings so storage can write any record the same way;
// numbers are written with one decimal (dwell to a tenth of a second is more than enough and
// keeps records comparable across machines).

#include "kiln/app/session_events.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <random>

namespace kiln::app {
namespace {

constexpr std::size_t kMaxValueLength = 64;
constexpr int kMaxDigitRun = 6; // 7 digits in a row could be a phone or ID-card number

std::string seconds(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", std::max(0.0, value));
    return buffer;
}

// The fields each event type may carry; anything else is refused by personalDataProblems.
std::vector<std::string_view> allowedFields(SessionEventType type) {
    switch (type) {
        case SessionEventType::SessionStart:
            return {"language", "depth"};
        case SessionEventType::SessionEnd:
            return {"reason", "durationSeconds"};
        case SessionEventType::SceneViewed:
            return {"scene", "dwellSeconds"};
        case SessionEventType::DeterminantOpened:
            return {"determinant", "scene"};
        case SessionEventType::PathwayOpened:
            return {"pathway", "scene"};
        case SessionEventType::QuizAnswered:
            return {"question", "correct", "scene"};
        case SessionEventType::LanguageChosen:
            return {"language"};
        case SessionEventType::DepthChosen:
            return {"depth"};
        case SessionEventType::Reset:
            return {"reason"};
    }
    return {};
}

// Ids, codes and numbers only: lower-case letters, digits and _ . : - (no spaces, so no
// free text such as a typed name).
bool isPlainValue(std::string_view value) {
    if (value.empty() || value.size() > kMaxValueLength) {
        return false;
    }
    return std::all_of(value.begin(), value.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
               c == ':' || c == '-';
    });
}

int longestDigitRun(std::string_view value) {
    int longest = 0;
    int run = 0;
    for (const char c : value) {
        run = (c >= '0' && c <= '9') ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    return longest;
}

bool isSessionIdForm(std::string_view id) {
    return id.size() == 32 && std::all_of(id.begin(), id.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

std::string quoted(std::string_view text) {
    std::string out(1, '"');
    out.append(text).push_back('"');
    return out;
}

} // namespace

std::string_view eventTypeCode(SessionEventType type) {
    switch (type) {
        case SessionEventType::SessionStart:
            return "session_start";
        case SessionEventType::SessionEnd:
            return "session_end";
        case SessionEventType::SceneViewed:
            return "scene_viewed";
        case SessionEventType::DeterminantOpened:
            return "determinant_opened";
        case SessionEventType::PathwayOpened:
            return "pathway_opened";
        case SessionEventType::QuizAnswered:
            return "quiz_answered";
        case SessionEventType::LanguageChosen:
            return "language_chosen";
        case SessionEventType::DepthChosen:
            return "depth_chosen";
        case SessionEventType::Reset:
            return "reset";
    }
    return "unknown";
}

std::string_view endReasonCode(SessionEndReason reason) {
    switch (reason) {
        case SessionEndReason::IdleReset:
            return "idle_reset";
        case SessionEndReason::NewSession:
            return "new_session";
        case SessionEndReason::AdminReset:
            return "admin_reset";
        case SessionEndReason::AppExit:
            return "app_exit";
    }
    return "unknown";
}

const std::string* SessionEvent::field(std::string_view key) const {
    for (const EventField& f : fields) {
        if (f.key == key) {
            return &f.value;
        }
    }
    return nullptr;
}

std::string randomSessionId() {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::random_device device;
    std::string id;
    id.reserve(32);
    for (int i = 0; i < 4; ++i) {
        std::uint32_t bits = device();
        for (int j = 0; j < 8; ++j) {
            id.push_back(kDigits[bits & 0x0fu]);
            bits >>= 4;
        }
    }
    return id;
}

std::vector<std::string> personalDataProblems(const SessionEvent& event) {
    std::vector<std::string> problems;
    if (!isSessionIdForm(event.sessionId)) {
        problems.push_back("sessionId is not a random 32-hex-digit session id");
    }
    const std::vector<std::string_view> allowed = allowedFields(event.type);
    for (const EventField& f : event.fields) {
        std::string where(eventTypeCode(event.type));
        where.append(".").append(f.key);
        if (std::find(allowed.begin(), allowed.end(), f.key) == allowed.end()) {
            problems.push_back(where + ": field not allowed in an anonymous event");
            continue;
        }
        if (f.value.find('@') != std::string::npos) {
            problems.push_back(where + ": looks like an e-mail address");
        } else if (longestDigitRun(f.value) > kMaxDigitRun) {
            problems.push_back(where + ": a run of 7 or more digits (phone or ID number?)");
        } else if (!isPlainValue(f.value)) {
            problems.push_back(where + ": " + quoted(f.value) + " is not a plain id or number");
        }
    }
    return problems;
}

SessionRecorder::SessionRecorder(IdSource idSource) : mIdSource(std::move(idSource)) {}

void SessionRecorder::startSession(double timeSeconds, content::Language language,
                                   content::Depth depth) {
    if (mInSession) {
        endSession(timeSeconds, SessionEndReason::NewSession);
    }
    mInSession = true;
    mSessionId = mIdSource();
    mStartSeconds = timeSeconds;
    mLanguage = language;
    mDepth = depth;
    mSceneId.clear();
    record(SessionEventType::SessionStart, timeSeconds,
           {{"language", std::string(content::languageCode(language))},
            {"depth", std::string(content::depthCode(depth))}});
}

void SessionRecorder::endSession(double timeSeconds, SessionEndReason reason) {
    if (!mInSession) {
        return;
    }
    sceneLeft(timeSeconds);
    record(SessionEventType::SessionEnd, timeSeconds,
           {{"reason", std::string(endReasonCode(reason))},
            {"durationSeconds", seconds(timeSeconds - mStartSeconds)}});
    mInSession = false;
    mSessionId.clear(); // nothing of this session outlives it
}

void SessionRecorder::idleReset(double timeSeconds) {
    if (!mInSession) {
        return;
    }
    sceneLeft(timeSeconds);
    record(SessionEventType::Reset, timeSeconds, {{"reason", "idle"}});
    endSession(timeSeconds, SessionEndReason::IdleReset);
}

void SessionRecorder::sceneEntered(std::string_view sceneId, double timeSeconds) {
    if (!mInSession || sceneId == mSceneId) {
        return;
    }
    sceneLeft(timeSeconds);
    mSceneId = std::string(sceneId);
    mSceneSinceSeconds = timeSeconds;
}

void SessionRecorder::sceneLeft(double timeSeconds) {
    if (!mInSession || mSceneId.empty()) {
        return;
    }
    record(SessionEventType::SceneViewed, timeSeconds,
           {{"scene", mSceneId}, {"dwellSeconds", seconds(timeSeconds - mSceneSinceSeconds)}});
    mSceneId.clear();
}

void SessionRecorder::determinantOpened(std::string_view determinantId, double timeSeconds) {
    record(SessionEventType::DeterminantOpened, timeSeconds,
           withScene({{"determinant", std::string(determinantId)}}));
}

void SessionRecorder::pathwayOpened(std::string_view pathwayId, double timeSeconds) {
    record(SessionEventType::PathwayOpened, timeSeconds,
           withScene({{"pathway", std::string(pathwayId)}}));
}

void SessionRecorder::quizAnswered(std::string_view questionId, bool correct, double timeSeconds) {
    record(SessionEventType::QuizAnswered, timeSeconds,
           withScene({{"question", std::string(questionId)},
                      {"correct", correct ? "true" : "false"}}));
}

void SessionRecorder::languageChosen(content::Language language, double timeSeconds) {
    if (!mInSession || language == mLanguage) {
        return;
    }
    mLanguage = language;
    record(SessionEventType::LanguageChosen, timeSeconds,
           {{"language", std::string(content::languageCode(language))}});
}

void SessionRecorder::depthChosen(content::Depth depth, double timeSeconds) {
    if (!mInSession || depth == mDepth) {
        return;
    }
    mDepth = depth;
    record(SessionEventType::DepthChosen, timeSeconds,
           {{"depth", std::string(content::depthCode(depth))}});
}

std::vector<SessionEvent> SessionRecorder::takeEvents() {
    std::vector<SessionEvent> taken = std::move(mEvents);
    mEvents.clear();
    return taken;
}

void SessionRecorder::record(SessionEventType type, double timeSeconds,
                             std::vector<EventField> fields) {
    if (!mInSession) {
        return;
    }
    SessionEvent event;
    event.type = type;
    event.sessionId = mSessionId;
    event.atSeconds = std::max(0.0, timeSeconds - mStartSeconds);
    event.fields = std::move(fields);
    mEvents.push_back(std::move(event));
}

std::vector<EventField> SessionRecorder::withScene(std::vector<EventField> fields) const {
    if (!mSceneId.empty()) {
        fields.push_back({"scene", mSceneId});
    }
    return fields;
}

} // namespace kiln::app
