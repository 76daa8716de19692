// Anonymous visitor analytics: the app's notifications (a session starts, a scene is entered,
// a quiz question answered ...) become plain event records with dwell times and a random
// per-session id, and a check proves a record carries nothing personal. Does NOT store or send
// events (storage comes later) and reads no clock: times are passed in.
#pragma once

#include "kiln/content/language.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiln::app {

enum class SessionEventType {
    SessionStart,      // fields: language, depth
    SessionEnd,        // fields: reason, durationSeconds
    SceneViewed,       // fields: scene, dwellSeconds (recorded when the scene is left)
    DeterminantOpened, // fields: determinant, scene
    PathwayOpened,     // fields: pathway, scene
    QuizAnswered,      // fields: question, correct ("true"/"false"), scene
    LanguageChosen,    // fields: language
    DepthChosen,       // fields: depth
    Reset,             // fields: reason
};

// "session_start", "scene_viewed" ...: the names storage will use.
std::string_view eventTypeCode(SessionEventType type);

struct EventField {
    std::string key;
    std::string value;
    bool operator==(const EventField&) const = default;
};

struct SessionEvent {
    SessionEventType type = SessionEventType::SessionStart;
    std::string sessionId;  // random, new every session; see randomSessionId
    double atSeconds = 0.0; // since the session started (no wall-clock time in a record)
    std::vector<EventField> fields;

    // The value of `key`, or nullptr.
    const std::string* field(std::string_view key) const;
};

enum class SessionEndReason { IdleReset, NewSession, AdminReset, AppExit };
std::string_view endReasonCode(SessionEndReason reason); // "idle_reset", ...

// 32 lower-case hex digits from std::random_device: not derived from anything about the visitor
// or the machine, and never reused across sessions.
std::string randomSessionId();

// Why this record could carry personal data: a field its type does not allow, a value that is
// not a plain id or number, or one that looks like contact data (an '@', a run of 7+ digits).
// Empty for a clean record.
std::vector<std::string> personalDataProblems(const SessionEvent& event);

class SessionRecorder {
public:
    using IdSource = std::function<std::string()>;

    // `idSource` makes the per-session ids (tests pass a fixed sequence).
    explicit SessionRecorder(IdSource idSource = randomSessionId);

    // A visitor touched the attract loop. Ends a session still open (reason NewSession).
    void startSession(double timeSeconds, content::Language language, content::Depth depth);
    // Ends the open session: closes the current scene's dwell, then SessionEnd.
    void endSession(double timeSeconds, SessionEndReason reason);
    // The idle countdown expired: Reset, then the session ends with reason IdleReset.
    void idleReset(double timeSeconds);

    // Entering a scene closes the previous one's dwell (a SceneViewed event). Re-entering the
    // scene already shown changes nothing.
    void sceneEntered(std::string_view sceneId, double timeSeconds);
    void sceneLeft(double timeSeconds);

    void determinantOpened(std::string_view determinantId, double timeSeconds);
    void pathwayOpened(std::string_view pathwayId, double timeSeconds);
    void quizAnswered(std::string_view questionId, bool correct, double timeSeconds);
    // Records only an actual change.
    void languageChosen(content::Language language, double timeSeconds);
    void depthChosen(content::Depth depth, double timeSeconds);

    // Notifications outside a session (the attract loop) record nothing.
    bool inSession() const { return mInSession; }
    const std::string& sessionId() const { return mSessionId; }

    const std::vector<SessionEvent>& events() const { return mEvents; }
    // Hands the recorded events over (to storage) and forgets them.
    std::vector<SessionEvent> takeEvents();

private:
    void record(SessionEventType type, double timeSeconds, std::vector<EventField> fields);
    std::vector<EventField> withScene(std::vector<EventField> fields) const;

    IdSource mIdSource;
    bool mInSession = false;
    std::string mSessionId;
    double mStartSeconds = 0.0;
    content::Language mLanguage = content::Language::Zh;
    content::Depth mDepth = content::Depth::Visitor;
    std::string mSceneId; // empty: no scene open
    double mSceneSinceSeconds = 0.0;
    std::vector<SessionEvent> mEvents;
};

} // namespace kiln::app
