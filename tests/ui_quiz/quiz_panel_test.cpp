// The quiz panel headless: a tap on an option returns the answered command (question, choice,
// correct), feedback shows the verdict, the explanation at the chosen depth and the determinants,
// next and restart come back as commands; every control is a touch target; every string drawn is
// from the content (placeholders filled with numbers); no word overflows the panel at 1280x720 in
// either language, at either depth and every text size.
#include "kiln/ui/quiz_panel.h"

#include "kiln/content/string_catalog.h"
#include "kiln/core/assert.h"
#include "kiln/ui/overlay_layout.h"
#include "kiln/ui/theme.h"
#include "overlay_harness.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>

using namespace kiln;
using content::Depth;
using content::Language;
using Phase = ui::QuizSession::Phase;

namespace {

const content::SceneContent& eggKiln() {
    const content::SceneContent* scene = test::overlayLibrary().findScene("egg_kiln");
    KILN_ASSERT(scene != nullptr && scene->quiz.size() >= 2, "test: egg_kiln needs a quiz");
    return *scene;
}

// Draws the panel each frame from the session; keeps the last command.
struct QuizRig {
    QuizRig(test::OverlayHarness& harness, ui::QuizSession& quiz) : h(harness), session(quiz) {}
    test::OverlayHarness& h;
    ui::QuizSession& session;
    Language language = Language::En;
    Depth depth = Depth::Visitor;
    ui::QuizCommand last;
    ui::PanelRect rect() const {
        return ui::computeOverlayLayout(h.displaySize(), h.uiScale()).quiz;
    }
    void draw() {
        last = ui::drawQuizPanel(
                ui::buildQuizPanel(test::overlayLibrary(), session, language, depth, h.uiScale()),
                rect());
    }
    void frame() {
        h.frame([&] { draw(); });
    }
    const ui::TouchTarget* target(const std::string& id) const {
        for (const auto& t : last.targets) {
            if (t.id == id) {
                return &t;
            }
        }
        return nullptr;
    }
    ui::QuizCommand tap(const std::string& id) {
        frame();
        const ui::TouchTarget* t = target(id);
        EXPECT_NE(t, nullptr) << id;
        if (t == nullptr) {
            return {};
        }
        h.tap(test::centreOf(t->min, t->max), [&] { draw(); });
        ui::QuizCommand out = last;
        h.liftAway();
        return out;
    }
};

} // namespace

TEST(QuizPanel, TappingAnOptionReturnsTheAnswer) {
    test::OverlayHarness h;
    ui::QuizSession session(eggKiln());
    QuizRig rig{h, session};
    const auto& q = eggKiln().quiz[0];
    for (std::size_t i = 0; i < q.options.size(); ++i) {
        const ui::QuizCommand c = rig.tap("option." + std::to_string(i));
        ASSERT_TRUE(c.answered.has_value()) << i;
        EXPECT_EQ(c.answered->questionId, q.id);
        EXPECT_EQ(c.answered->choice, i);
        EXPECT_EQ(c.answered->correct, i == q.correctIndex);
        EXPECT_FALSE(c.next || c.restart || c.close);
    }
    // The panel only reports; the session changes when the app applies the command.
    EXPECT_EQ(session.phase(), Phase::Asking);
}

TEST(QuizPanel, FeedbackExplainsAtTheChosenDepthAndNamesTheDeterminants) {
    const auto& lib = test::overlayLibrary();
    const auto& q = eggKiln().quiz[0];
    ui::QuizSession session(eggKiln());
    const std::size_t wrong = (q.correctIndex + 1) % q.options.size();
    ASSERT_TRUE(session.answer(wrong));
    for (Language language : content::kLanguages) {
        for (Depth depth : content::kDepths) {
            const auto view = ui::buildQuizPanel(lib, session, language, depth, 1.0f);
            EXPECT_EQ(view.phase, Phase::Feedback);
            EXPECT_FALSE(view.answeredCorrectly);
            EXPECT_EQ(view.verdict, lib.uiText("quiz.incorrect", language));
            EXPECT_EQ(view.explanation, lib.display(q.explanation, language, depth));
            ASSERT_EQ(view.determinants.size(), q.determinantIds.size());
            EXPECT_EQ(view.determinants[0].name,
                      lib.display(lib.model.findDeterminant(q.determinantIds[0])->name, language));
            EXPECT_EQ(view.source, q.source);
            EXPECT_TRUE(view.options[q.correctIndex].correct);
            EXPECT_TRUE(view.options[wrong].chosen);
            EXPECT_FALSE(view.options[wrong].correct);
            EXPECT_EQ(view.nextLabel, lib.uiText("quiz.next", language));
        }
    }
    test::OverlayHarness h;
    QuizRig rig{h, session};
    // A second tap on an option during feedback does not answer again.
    EXPECT_FALSE(rig.tap("option." + std::to_string(q.correctIndex)).answered.has_value());
    const ui::QuizCommand next = rig.tap("next");
    EXPECT_TRUE(next.next);
    const ui::QuizCommand about = rig.tap("determinant." + q.determinantIds[0]);
    EXPECT_EQ(about.openDeterminant, q.determinantIds[0]);
}

TEST(QuizPanel, ARightAnswerSaysSo) {
    const auto& lib = test::overlayLibrary();
    ui::QuizSession session(eggKiln());
    ASSERT_TRUE(session.answer(eggKiln().quiz[0].correctIndex));
    const auto view = ui::buildQuizPanel(lib, session, Language::Zh, Depth::Student, 1.0f);
    EXPECT_TRUE(view.answeredCorrectly);
    EXPECT_EQ(view.verdict, lib.uiText("quiz.correct", Language::Zh));
}

TEST(QuizPanel, ThroughEveryQuestionToTheScoreAndRestart) {
    const auto& lib = test::overlayLibrary();
    test::OverlayHarness h;
    ui::QuizSession session(eggKiln());
    QuizRig rig{h, session};
    std::size_t right = 0;
    for (std::size_t i = 0; i < eggKiln().quiz.size(); ++i) {
        // Right on even questions, wrong on odd ones.
        const auto& q = eggKiln().quiz[i];
        const std::size_t choice = i % 2 == 0 ? q.correctIndex : (q.correctIndex + 1) % 2;
        right += choice == q.correctIndex ? 1 : 0;
        const ui::QuizCommand answered = rig.tap("option." + std::to_string(choice));
        ui::applyQuizCommand(session, answered);
        ASSERT_EQ(session.phase(), Phase::Feedback);
        const ui::QuizCommand next = rig.tap("next");
        ui::applyQuizCommand(session, next);
    }
    ASSERT_EQ(session.phase(), Phase::Finished);
    EXPECT_EQ(session.score(), right);
    const auto view = ui::buildQuizPanel(lib, session, Language::En, Depth::Visitor, 1.0f);
    EXPECT_EQ(view.score, ui::fillPlaceholders(lib.uiText("quiz.score", Language::En),
                                               {{"score", std::to_string(right)},
                                                {"total", std::to_string(eggKiln().quiz.size())}}));
    const ui::QuizCommand restart = rig.tap("restart");
    EXPECT_TRUE(restart.restart);
    ui::applyQuizCommand(session, restart);
    EXPECT_EQ(session.phase(), Phase::Asking);
    EXPECT_TRUE(rig.tap("close").close);
}

TEST(QuizPanel, TheLastQuestionLeadsToTheScore) {
    const auto& lib = test::overlayLibrary();
    ui::QuizSession session(eggKiln());
    for (std::size_t i = 0; i + 1 < eggKiln().quiz.size(); ++i) {
        ASSERT_TRUE(session.answer(0));
        session.next();
    }
    ASSERT_TRUE(session.answer(0));
    const auto view = ui::buildQuizPanel(lib, session, Language::En, Depth::Visitor, 1.0f);
    EXPECT_EQ(view.nextLabel, lib.uiText("quiz.finish", Language::En));
}

TEST(QuizPanel, ASessionOfAnotherContentShowsTheUnavailableLine) {
    content::SceneContent ghost;
    ghost.id = "no_such_scene";
    ghost.quiz.resize(1);
    ghost.quiz[0].options.resize(2);
    const ui::QuizSession session(ghost);
    const auto& lib = test::overlayLibrary();
    const auto view = ui::buildQuizPanel(lib, session, Language::En, Depth::Visitor, 1.0f);
    EXPECT_EQ(view.phase, Phase::Finished);
    EXPECT_EQ(view.score, lib.unavailableText(Language::En));
}

TEST(QuizPanel, EveryControlIsATouchTargetInsideThePanel) {
    for (ImVec2 display : {ImVec2(1280.0f, 720.0f), ImVec2(1920.0f, 1080.0f)}) {
        for (int level = ui::kMinTextSizeLevel; level <= ui::kMaxTextSizeLevel; ++level) {
            test::OverlayHarness h(display, false, level);
            ui::QuizSession session(eggKiln());
            QuizRig rig{h, session};
            auto check = [&](const char* phase) {
                rig.frame();
                rig.frame();
                const ui::PanelRect r = rig.rect();
                ASSERT_FALSE(rig.last.targets.empty());
                for (const auto& t : rig.last.targets) {
                    SCOPED_TRACE(std::string(phase) + " " + t.id);
                    EXPECT_GE(t.width() + 0.01f, ui::touchTargetPx(h.uiScale()));
                    EXPECT_GE(t.height() + 0.01f, ui::touchTargetPx(h.uiScale()));
                    EXPECT_GE(t.min.x, r.pos.x);
                    EXPECT_LE(t.max.x, r.pos.x + r.size.x + 0.01f);
                }
            };
            check("asking");
            ASSERT_TRUE(session.answer(0));
            check("feedback");
            while (session.phase() != Phase::Finished) {
                session.next();
                (void)session.answer(0);
            }
            check("finished");
        }
    }
}

namespace {

// Every string of the content; texts with {placeholders} also as patterns with numbers in them.
struct KnownStrings {
    std::set<std::string, std::less<>> exact;
    std::vector<std::regex> patterns;

    KnownStrings() {
        for (const auto& entry : content::allStrings(test::overlayLibrary())) {
            const std::string text(entry.text);
            exact.insert(text);
            if (text.find('{') == std::string::npos) {
                continue;
            }
            std::string pattern;
            for (std::size_t i = 0; i < text.size(); ++i) {
                if (text[i] == '{') {
                    const std::size_t close = text.find('}', i);
                    if (close != std::string::npos) {
                        pattern += "-?[0-9]+(\\.[0-9]+)?";
                        i = close;
                        continue;
                    }
                }
                if (std::string("\\^$.|?*+()[]{}").find(text[i]) != std::string::npos) {
                    pattern += '\\';
                }
                pattern += text[i];
            }
            patterns.emplace_back(pattern);
        }
    }
    bool contains(const std::string& text) const {
        if (exact.count(text) == 1) {
            return true;
        }
        return std::any_of(patterns.begin(), patterns.end(),
                           [&](const std::regex& p) { return std::regex_match(text, p); });
    }
};

// The texts drawn in each phase of a scene's quiz (asking, right, wrong, finished).
std::vector<std::string> drawAllPhases(test::OverlayHarness& h, const content::SceneContent& scene,
                                       Language language, Depth depth) {
    std::vector<std::string> drawn;
    const auto& lib = test::overlayLibrary();
    const ui::PanelRect rect = ui::computeOverlayLayout(h.displaySize(), h.uiScale()).quiz;
    auto capture = [&](const ui::QuizSession& session) {
        ui::DrawnTextRecorder r;
        h.frame([&] {
            (void)ui::drawQuizPanel(ui::buildQuizPanel(lib, session, language, depth, h.uiScale()),
                                    rect);
        });
        drawn.insert(drawn.end(), r.texts().begin(), r.texts().end());
    };
    for (std::size_t i = 0; i < scene.quiz.size(); ++i) {
        for (bool right : {true, false}) {
            ui::QuizSession session(scene);
            for (std::size_t k = 0; k < i; ++k) {
                (void)session.answer(0);
                session.next();
            }
            capture(session);
            const auto& q = scene.quiz[i];
            (void)session.answer(right ? q.correctIndex : (q.correctIndex + 1) % q.options.size());
            capture(session);
        }
    }
    ui::QuizSession finished(scene);
    while (finished.phase() != Phase::Finished) {
        (void)finished.answer(0);
        finished.next();
    }
    capture(finished);
    return drawn;
}

} // namespace

TEST(QuizPanel, EveryDrawnStringComesFromTheContent) {
    const KnownStrings known;
    test::OverlayHarness h;
    std::size_t count = 0;
    for (const auto& scene : test::overlayLibrary().scenes) {
        for (Language language : content::kLanguages) {
            for (Depth depth : content::kDepths) {
                for (const std::string& text : drawAllPhases(h, scene, language, depth)) {
                    ++count;
                    EXPECT_TRUE(known.contains(text))
                            << "not from the content: \"" << text << "\" (" << scene.id << ")";
                }
            }
        }
    }
    EXPECT_GT(count, 200u);
}

TEST(QuizPanel, NoStringOverflowsThePanelAt1280x720) {
    for (int level = ui::kMinTextSizeLevel; level <= ui::kMaxTextSizeLevel; ++level) {
        test::OverlayHarness h(ImVec2(1280.0f, 720.0f), false, level);
        const ui::PanelRect rect = ui::computeOverlayLayout(h.displaySize(), h.uiScale()).quiz;
        for (const auto& scene : test::overlayLibrary().scenes) {
            for (Language language : content::kLanguages) {
                for (Depth depth : content::kDepths) {
                    const auto drawn = drawAllPhases(h, scene, language, depth);
                    h.frame([&] {
                        const ImGuiStyle& style = ImGui::GetStyle();
                        // Body text wraps at the panel's width less padding, scrollbar and an
                        // indent; option labels inside their buttons' padding too.
                        const float wrap = rect.size.x - 2.0f * style.WindowPadding.x -
                                           style.ScrollbarSize - style.IndentSpacing -
                                           2.0f * style.FramePadding.x;
                        for (const std::string& text : drawn) {
                            EXPECT_LE(ui::widestUnbreakableRunPx(text), wrap)
                                    << "\"" << text << "\" in " << scene.id << " "
                                    << content::languageCode(language) << " level " << level;
                        }
                    });
                }
            }
        }
    }
}
