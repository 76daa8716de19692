// Codes of languages and depths as written in the content files.
#include "kiln/content/language.h"

namespace kiln::content {

std::string_view languageCode(Language language) {
    return language == Language::Zh ? "zh" : "en";
}

std::optional<Language> parseLanguage(std::string_view code) {
    if (code == "zh") {
        return Language::Zh;
    }
    if (code == "en") {
        return Language::En;
    }
    return std::nullopt;
}

std::string_view depthCode(Depth depth) {
    return depth == Depth::Visitor ? "visitor" : "student";
}

} // namespace kiln::content
