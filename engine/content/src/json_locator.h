// Maps the JSON paths of a document ("pathways[3].title.zh") to where they sit in its text, so
// findings can name a line, and finds duplicate object keys (which nlohmann::json silently
// merges). Internal to the content module. Expects text that already parsed as JSON.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kiln::content {

// Field paths as used in findings: "a.b", "a[2]", and a["key.with.dots"] for awkward keys.
std::string childField(std::string_view parent, std::string_view key);
std::string indexField(std::string_view parent, std::size_t index);
// The path one level up ("a.b[2].c" -> "a.b[2]" -> "a.b" -> "a" -> "").
std::string parentField(std::string_view field);

class JsonLocator {
public:
    struct DuplicateKey {
        std::string field;
        std::size_t offset = 0;
        std::size_t firstOffset = 0;
    };

    explicit JsonLocator(std::string_view text);

    // 1-based line of field, or of its nearest ancestor present in the text (1 for the root).
    int lineOf(std::string_view field) const;
    int lineAt(std::size_t offset) const;
    const std::vector<DuplicateKey>& duplicateKeys() const { return mDuplicates; }

private:
    void skipSpace();
    void parseValue(const std::string& field);
    void parseObject(const std::string& field);
    void parseArray(const std::string& field);
    std::string parseString();

    std::string_view mText;
    std::size_t mPos = 0;
    std::map<std::string, std::size_t, std::less<>> mOffsets;
    std::vector<DuplicateKey> mDuplicates;
};

} // namespace kiln::content
