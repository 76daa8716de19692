// The user interface's own visitor-facing strings (buttons, prompts, welcome line), looked up by
// key, so that no visitor-facing text is written in C++. The one exception is the built-in
// "content unavailable" line, used only when ui_strings.json itself cannot provide it.
#pragma once

#include "kiln/content/language.h"

#include <map>
#include <span>
#include <string>
#include <string_view>

namespace kiln::content {

class UiStrings {
public:
    void set(std::string key, Text text);
    // nullptr when the key is unknown.
    const Text* find(std::string_view key) const;
    // The text of key in language; unavailableText(language) when the key or translation is
    // missing, so a button never shows an empty label.
    std::string_view get(std::string_view key, Language language) const;
    // "content.unavailable" from the data, or the built-in line when that is missing too.
    std::string_view unavailableText(Language language) const;
    const std::map<std::string, Text, std::less<>>& all() const { return mStrings; }

private:
    std::map<std::string, Text, std::less<>> mStrings;
};

// Keys the UI relies on; the content check reports any that ui_strings.json lacks.
std::span<const std::string_view> requiredUiKeys();

// Last-resort bilingual line when even ui_strings.json is broken.
std::string_view builtinUnavailableText(Language language);

} // namespace kiln::content
