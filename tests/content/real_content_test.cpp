// Tests of the shipped content in assets/content: it loads without findings, it holds the paper's
// model (centre + six determinants, mechanisms 3.1-3.7, pathways 4.1-4.7, both directions of
// Figure 2), the seven project scenes, and every determinant and pathway is reached by a scene.
// Coverage and language checks here are computed independently of the loader's lint.
#include "content_test_support.h"
#include "kiln/content/content_loader.h"
#include "kiln/content/string_catalog.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace kiln::content {
namespace {

namespace fs = std::filesystem;
using test::describe;
using test::realContentDir;

const LoadResult& realContent() {
    static const LoadResult result = loadContent(realContentDir(), {.logFindings = false});
    return result;
}

TEST(RealContent, DefaultRootIsTheInstalledContent) {
    // The test environment points KILNFIRE_DATA_DIR at the checkout.
    EXPECT_EQ(fs::weakly_canonical(defaultContentRoot()), fs::weakly_canonical(realContentDir()));
}

TEST(RealContent, LoadsWithoutFindings) {
    EXPECT_TRUE(realContent().findings.empty()) << describe(realContent().findings);
    EXPECT_TRUE(realContent().library.modelLoaded);
}

TEST(RealContent, ModelHasTheCentreAndSixDeterminantsOfFigure1) {
    const DiamondModel& m = realContent().library.model;
    std::map<std::string, DeterminantRole> roles;
    for (const auto& d : m.determinants) {
        roles[d.id] = d.role;
    }
    const std::map<std::string, DeterminantRole> expected = {
            {"knowledge_innovation", DeterminantRole::Centre},
            {"factor_conditions", DeterminantRole::Core},
            {"demand_conditions", DeterminantRole::Core},
            {"related_industries", DeterminantRole::Core},
            {"firm_strategy", DeterminantRole::Core},
            {"government", DeterminantRole::External},
            {"opportunity", DeterminantRole::External},
    };
    EXPECT_EQ(roles, expected);
    ASSERT_NE(m.centre(), nullptr);
    EXPECT_EQ(m.centre()->id, "knowledge_innovation");
}

TEST(RealContent, DiamondLinksJoinEveryCornerPairAndTheCentreToAll) {
    const DiamondModel& m = realContent().library.model;
    std::set<std::pair<std::string, std::string>> mutual;
    std::set<std::string> fromCentre;
    for (const auto& link : m.links) {
        if (link.kind == LinkKind::Mutual) {
            mutual.insert(std::minmax(link.from, link.to));
        } else if (link.kind == LinkKind::Centre) {
            EXPECT_EQ(link.from, "knowledge_innovation");
            fromCentre.insert(link.to);
        } else {
            EXPECT_TRUE(link.from == "government" || link.from == "opportunity") << link.from;
        }
    }
    std::vector<std::string> corners;
    for (const auto& d : m.determinants) {
        if (d.role == DeterminantRole::Core) {
            corners.push_back(d.id);
        }
    }
    for (std::size_t i = 0; i < corners.size(); ++i) {
        for (std::size_t j = i + 1; j < corners.size(); ++j) {
            EXPECT_TRUE(mutual.contains(std::minmax(corners[i], corners[j])))
                    << corners[i] << " - " << corners[j];
        }
    }
    EXPECT_EQ(fromCentre.size(), 6u);
}

TEST(RealContent, MechanismsAndPathwaysFollowSections3And4) {
    const DiamondModel& m = realContent().library.model;
    std::set<std::string> mechanismSections;
    for (const auto& x : m.mechanisms) {
        mechanismSections.insert(x.section);
        EXPECT_FALSE(x.determinantIds.empty()) << x.id;
    }
    std::set<std::string> pathwaySections;
    for (const auto& x : m.pathways) {
        pathwaySections.insert(x.section);
        EXPECT_FALSE(x.determinantIds.empty()) << x.id;
        EXPECT_FALSE(x.mechanismIds.empty()) << x.id;
    }
    EXPECT_EQ(mechanismSections,
              (std::set<std::string>{"3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7"}));
    EXPECT_EQ(pathwaySections,
              (std::set<std::string>{"4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7"}));
    EXPECT_EQ(m.mechanisms.size(), 7u);
    EXPECT_EQ(m.pathways.size(), 7u);
}

TEST(RealContent, Figure2HasBothDirectionsOfEmpowerment) {
    const DiamondModel& m = realContent().library.model;
    for (const char* id :
         {"technological_innovation", "industrial_integration", "resource_allocation"}) {
        ASSERT_NE(m.findEffect(id), nullptr) << id;
        EXPECT_EQ(m.findEffect(id)->direction, EffectDirection::ForcesToTourism) << id;
    }
    for (const char* id : {"consumption_scenes", "visitor_data"}) {
        ASSERT_NE(m.findEffect(id), nullptr) << id;
        EXPECT_EQ(m.findEffect(id)->direction, EffectDirection::TourismToForces) << id;
    }
}

TEST(RealContent, HasTheSevenProjectScenesEachWithHotspotsAndQuiz) {
    const ContentLibrary& lib = realContent().library;
    std::vector<std::string> ids;
    for (const auto& s : lib.scenes) {
        ids.push_back(s.id);
        EXPECT_FALSE(s.determinants.empty()) << s.id;
        EXPECT_FALSE(s.pathways.empty()) << s.id;
        EXPECT_FALSE(s.hotspots.empty()) << s.id;
        EXPECT_GE(s.quiz.size(), 2u) << s.id;
        for (const auto& h : s.hotspots) {
            EXPECT_EQ(h.id.rfind(s.id + ".", 0), 0u) << h.id;
            EXPECT_FALSE(h.source.empty()) << h.id;
            EXPECT_EQ(lib.findHotspot(h.id), &h);
        }
        for (const auto& q : s.quiz) {
            EXPECT_GE(q.options.size(), 2u) << q.id;
            EXPECT_LT(q.correctIndex, q.options.size()) << q.id;
            EXPECT_FALSE(q.determinantIds.empty()) << q.id;
            for (const auto& d : q.determinantIds) {
                EXPECT_NE(lib.model.findDeterminant(d), nullptr) << q.id << " -> " << d;
            }
        }
    }
    EXPECT_EQ(ids, (std::vector<std::string>{"placeholder", "egg_kiln", "dragon_kiln", "gourd_kiln",
                                             "mantou_kiln", "imperial_factory", "taoxichuan"}));
    EXPECT_NE(lib.findHotspot("egg_kiln.chimney"), nullptr);
}

TEST(RealContent, EveryDeterminantAndPathwayIsReachedByAScene) {
    const ContentLibrary& lib = realContent().library;
    std::set<std::string> determinants;
    std::set<std::string> pathways;
    for (const auto& s : lib.scenes) {
        for (const auto& l : s.determinants) {
            ASSERT_NE(lib.model.findDeterminant(l.id), nullptr) << s.id << " -> " << l.id;
            EXPECT_TRUE(l.why.complete()) << s.id << " -> " << l.id;
            determinants.insert(l.id);
        }
        for (const auto& l : s.pathways) {
            ASSERT_NE(lib.model.findPathway(l.id), nullptr) << s.id << " -> " << l.id;
            EXPECT_TRUE(l.why.complete()) << s.id << " -> " << l.id;
            pathways.insert(l.id);
        }
    }
    for (const auto& d : lib.model.determinants) {
        EXPECT_TRUE(determinants.contains(d.id)) << "no scene reaches " << d.id;
    }
    for (const auto& p : lib.model.pathways) {
        EXPECT_TRUE(pathways.contains(p.id)) << "no scene reaches " << p.id;
    }
}

TEST(RealContent, EveryHotspotTermAndModelItemResolvesAndCarriesASource) {
    const ContentLibrary& lib = realContent().library;
    for (const auto& s : lib.scenes) {
        for (const auto& h : s.hotspots) {
            for (const auto& t : h.termIds) {
                EXPECT_NE(lib.glossary.find(t), nullptr) << h.id << " -> " << t;
            }
        }
    }
    for (const auto& d : lib.model.determinants) {
        EXPECT_NE(d.source.find("paper.md"), std::string::npos) << d.id;
    }
    for (const auto& x : lib.model.mechanisms) {
        EXPECT_NE(x.source.find("paper.md §" + x.section), std::string::npos) << x.id;
    }
    for (const auto& x : lib.model.pathways) {
        EXPECT_NE(x.source.find("paper.md §" + x.section), std::string::npos) << x.id;
    }
    for (const auto& t : lib.glossary.terms) {
        EXPECT_FALSE(t.source.empty()) << t.id;
        EXPECT_FALSE(t.pinyin.empty()) << t.id;
    }
    // The glossary covers the kiln words issue 8 names.
    for (const char* id :
         {"yaowei", "saggar", "bazhuang", "qinghuo", "huozhao", "reduction_flame"}) {
        EXPECT_NE(lib.glossary.find(id), nullptr) << id;
    }
}

// Both languages everywhere: every field listed in Chinese is listed in English too, and the
// Chinese text is Chinese. Computed from the string catalog, not from the loader's findings.
TEST(RealContent, EveryStringExistsInBothLanguages) {
    const auto strings = allStrings(realContent().library);
    std::map<std::string, std::set<Language>> byField; // "file|field-without-language"
    std::size_t chineseWithoutHan = 0;
    for (const auto& e : strings) {
        ASSERT_FALSE(e.text.empty()) << e.file << " " << e.field;
        const std::string suffix = e.language == Language::Zh ? ".zh" : ".en";
        if (e.field.size() > 3 && e.field.ends_with(suffix)) {
            byField[e.file + "|" + e.field.substr(0, e.field.size() - 3)].insert(e.language);
            if (e.language == Language::Zh &&
                e.field.rfind("strings[\"language.", 0) == std::string::npos &&
                e.text.find("\xe4") == std::string_view::npos &&
                e.text.find("\xe5") == std::string_view::npos &&
                e.text.find("\xe6") == std::string_view::npos &&
                e.text.find("\xe7") == std::string_view::npos &&
                e.text.find("\xe8") == std::string_view::npos &&
                e.text.find("\xe9") == std::string_view::npos) {
                ++chineseWithoutHan; // no lead byte of U+4E00..U+9FFF at all
                ADD_FAILURE() << "no Chinese in " << e.file << " " << e.field;
            }
        }
    }
    EXPECT_GT(byField.size(), 300u); // the catalog really walked the content
    for (const auto& [field, languages] : byField) {
        EXPECT_EQ(languages.size(), 2u) << field;
    }
    EXPECT_EQ(chineseWithoutHan, 0u);
}

TEST(RealContent, UiStringsHaveEveryRequiredKeyInBothLanguages) {
    const UiStrings& ui = realContent().library.ui;
    for (std::string_view key : requiredUiKeys()) {
        const Text* t = ui.find(key);
        ASSERT_NE(t, nullptr) << key;
        EXPECT_TRUE(t->complete()) << key;
    }
    EXPECT_NE(ui.get("idle.countdown", Language::Zh).find("{seconds}"), std::string_view::npos);
}

// The lint on the real files can fail: break a copy and see the findings it must give.
TEST(RealContent, LintCatchesDefectsInACopyOfTheRealFiles) {
    const fs::path root = test::copyToScratch(realContentDir());
    test::replaceInFile(root / "scenes/egg_kiln.json", "\"zh\": \"与窑身一样长的烟囱\"",
                        "\"zh_cn\": \"与窑身一样长的烟囱\"");
    test::replaceInFile(root / "manifest.json", "    \"imperial_factory\",\n", "");
    const auto findings = checkContent(root);
    std::set<std::string> got;
    for (const auto& f : findings) {
        got.insert(f.file + " " + f.field);
    }
    const std::set<std::string> expected = {
            "model.json determinants[5]", // government: only the imperial factory reached it
            "model.json pathways[5]",     // policy_environment: likewise
            "scenes/egg_kiln.json hotspots[0].title.zh",
            "scenes/egg_kiln.json hotspots[0].title.zh_cn",
            "scenes/imperial_factory.json (file)",
    };
    EXPECT_EQ(got, expected) << describe(findings);
    const std::string all = describe(findings);
    EXPECT_NE(all.find("no scene links to determinant 'government'"), std::string::npos);
    EXPECT_NE(all.find("no scene links to pathway 'policy_environment'"), std::string::npos);
    EXPECT_NE(all.find("missing Chinese (zh) text"), std::string::npos);
}

} // namespace
} // namespace kiln::content
