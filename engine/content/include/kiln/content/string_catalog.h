// Every visitor-facing string of a loaded ContentLibrary in both languages, each with the file
// and field it came from, so the UI can build font glyph ranges and report a missing glyph by
// file and field. Does NOT look at fonts itself.
#pragma once

#include "kiln/content/content_library.h"
#include "kiln/content/language.h"

#include <string>
#include <string_view>
#include <vector>

namespace kiln::content {

struct StringEntry {
    std::string file;  // relative to the content root, "(built-in)" for the fallback line
    std::string field; // e.g. "hotspots[id=egg_kiln.chimney].text.visitor.zh"
    Language language = Language::Zh;
    std::string_view text; // points into the library: valid while it lives and is unchanged
};

// All strings: model, scenes, hotspots, quizzes, glossary, UI strings, the built-in fallback line.
// Language-neutral strings a visitor can see (sources, pinyin) are listed once per language.
// Empty strings (missing translations) are left out.
std::vector<StringEntry> allStrings(const ContentLibrary& library);

} // namespace kiln::content
