// The glossary of kiln terms (zhenyao, saggar, bazhuang firing master, qinghuo ...), each with its
// name in both languages, its pinyin, a definition at two depths and its source. Plain data.
#pragma once

#include "kiln/content/language.h"

#include <string>
#include <string_view>
#include <vector>

namespace kiln::content {

struct GlossaryTerm {
    std::string id;
    Text term;
    std::string pinyin; // with tone marks, shown beside the Chinese term
    DepthText definition;
    std::string source;
};

struct Glossary {
    std::vector<GlossaryTerm> terms;

    // nullptr when the id is unknown.
    const GlossaryTerm* find(std::string_view id) const;
};

} // namespace kiln::content
