// Languages and reading depths of visitor-facing texts, and the bilingual text types every content
// item is made of. Plain data: a missing translation is an empty string, never an exception.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace kiln::content {

enum class Language { Zh, En };
enum class Depth { Visitor, Student };

inline constexpr std::array<Language, 2> kLanguages = {Language::Zh, Language::En};
inline constexpr std::array<Depth, 2> kDepths = {Depth::Visitor, Depth::Student};

// "zh" / "en": the keys used in the data files.
std::string_view languageCode(Language language);
std::optional<Language> parseLanguage(std::string_view code);
// "visitor" / "student": the keys used in the data files.
std::string_view depthCode(Depth depth);

// One string in both languages. An empty member means the translation is missing (the loader
// has reported it); callers show ContentLibrary::unavailableText() instead.
struct Text {
    std::string zh;
    std::string en;

    const std::string& in(Language language) const { return language == Language::Zh ? zh : en; }
    bool complete() const { return !zh.empty() && !en.empty(); }
};

// A narrative text at two depths: visitor (a minute's read) and student (deeper, with figures).
struct DepthText {
    Text visitor;
    Text student;

    const Text& at(Depth depth) const { return depth == Depth::Visitor ? visitor : student; }
    const std::string& in(Language language, Depth depth) const { return at(depth).in(language); }
};

} // namespace kiln::content
