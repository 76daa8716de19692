// Reads the fields of one parsed content file into content types, turning every problem into a
// Finding with the file, the line and the JSON path of the field. Internal to the content module.
// Does NOT resolve ids against other files; content_loader.cpp does that.
#pragma once

#include "json_locator.h"
#include "kiln/content/finding.h"
#include "kiln/content/language.h"

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiln::content {

// An id read from a list, with the field it came from, to be resolved later.
struct IdRef {
    std::string id;
    std::string field;
};

class FileReader {
public:
    FileReader(std::string file, std::string_view text, std::vector<Finding>& findings);

    const std::string& file() const { return mFile; }
    int lineOf(std::string_view field) const { return mLocator.lineOf(field); }
    void report(std::string_view field, std::string message);

    // Reports every key of obj that is neither in allowed nor "note" (free text for curators).
    void checkKeys(const nlohmann::json& obj, std::string_view field,
                   std::initializer_list<std::string_view> allowed);

    // A bilingual text at obj[key]: both "en" and "zh" non-empty strings, the Chinese one with
    // Chinese characters, the same {placeholders} in both. Missing parts come back empty.
    // zhNeedsChinese = false only for the few strings meant to be read in the other script (the
    // language switch shows "English" to Chinese readers).
    Text text(const nlohmann::json& obj, std::string_view field, std::string_view key,
              bool zhNeedsChinese = true);
    // The same for a value already in hand (an element of a list), at path.
    Text textValue(const nlohmann::json& value, std::string_view path, bool zhNeedsChinese = true);
    // A text at two depths at obj[key]: "visitor" and "student", each a bilingual text; the
    // visitor text must be a minute's read at most.
    DepthText depthText(const nlohmann::json& obj, std::string_view field, std::string_view key);
    // A non-empty string at obj[key]; when optional and absent, an empty string without finding.
    std::string string(const nlohmann::json& obj, std::string_view field, std::string_view key,
                       bool required = true);
    // The "id" of obj: a non-empty string of a-z, 0-9, '_' and '.'; nullopt (reported) if not.
    std::optional<std::string> id(const nlohmann::json& obj, std::string_view field);
    // A list of ids at obj[key] (each checked like id()); empty and reported when required.
    std::vector<IdRef> idList(const nlohmann::json& obj, std::string_view field,
                              std::string_view key, bool required);
    // obj[key] as an array; nullptr (reported when required) if absent or not an array.
    const nlohmann::json* array(const nlohmann::json& obj, std::string_view field,
                                std::string_view key, bool required);
    // Reports (as "duplicate key") every key that appears twice in one object of the file.
    void reportDuplicateKeys();

private:
    bool isValidId(std::string_view id) const;
    std::string checkTextString(const nlohmann::json& obj, std::string_view field,
                                std::string_view key, Language language, bool zhNeedsChinese);

    std::string mFile;
    std::string_view mText;
    JsonLocator mLocator;
    std::vector<Finding>& mFindings;
};

} // namespace kiln::content
