// Field readers for content files. Messages are written for curators: they say what is wrong and
// what the field should hold, never what the C++ expected.
#include "file_reader.h"

#include <set>

namespace kiln::content {

namespace {

// Limits of a visitor text: "a minute's read" (issue 8). About 120 English words or 240 Chinese
// characters at an unhurried reading pace.
constexpr std::size_t kVisitorMaxWords = 120;
constexpr std::size_t kVisitorMaxChineseChars = 240;

std::size_t countWords(std::string_view s) {
    std::size_t words = 0;
    bool inWord = false;
    for (char c : s) {
        const bool space = c == ' ' || c == '\n' || c == '\t';
        if (!space && !inWord) {
            ++words;
        }
        inWord = !space;
    }
    return words;
}

// Decodes UTF-8 well enough to count and classify code points (nlohmann has validated it).
std::vector<char32_t> codePoints(std::string_view s) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        std::size_t len = 1;
        char32_t cp = b;
        if (b >= 0xF0) {
            len = 4;
            cp = b & 0x07u;
        } else if (b >= 0xE0) {
            len = 3;
            cp = b & 0x0Fu;
        } else if (b >= 0xC0) {
            len = 2;
            cp = b & 0x1Fu;
        }
        for (std::size_t k = 1; k < len && i + k < s.size(); ++k) {
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
        }
        out.push_back(cp);
        i += len;
    }
    return out;
}

bool isHan(char32_t cp) {
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF);
}

std::size_t countHan(std::string_view s) {
    std::size_t n = 0;
    for (char32_t cp : codePoints(s)) {
        n += isHan(cp) ? 1 : 0;
    }
    return n;
}

// The {name} placeholders of a string, e.g. {seconds} in an idle countdown.
std::set<std::string> placeholders(std::string_view s) {
    std::set<std::string> out;
    for (std::size_t open = s.find('{'); open != std::string_view::npos;
         open = s.find('{', open + 1)) {
        const std::size_t close = s.find('}', open);
        if (close == std::string_view::npos) {
            break;
        }
        out.emplace(s.substr(open, close - open + 1));
    }
    return out;
}

std::string languageName(Language language) {
    return language == Language::Zh ? "Chinese (zh)" : "English (en)";
}

} // namespace

FileReader::FileReader(std::string file, std::string_view text, std::vector<Finding>& findings)
    : mFile(std::move(file)), mText(text), mLocator(text), mFindings(findings) {}

void FileReader::report(std::string_view field, std::string message) {
    mFindings.push_back({mFile, mLocator.lineOf(field),
                         field.empty() ? std::string("(root)") : std::string(field),
                         std::move(message)});
}

void FileReader::reportDuplicateKeys() {
    for (const auto& dup : mLocator.duplicateKeys()) {
        mFindings.push_back({mFile, mLocator.lineAt(dup.offset), dup.field,
                             "duplicate key (first at line " +
                                     std::to_string(mLocator.lineAt(dup.firstOffset)) +
                                     "); only the last one would be used: remove one"});
    }
}

void FileReader::checkKeys(const nlohmann::json& obj, std::string_view field,
                           std::initializer_list<std::string_view> allowed) {
    if (!obj.is_object()) {
        return;
    }
    for (const auto& [key, value] : obj.items()) {
        bool known = key == "note";
        for (std::string_view a : allowed) {
            known = known || key == a;
        }
        if (!known) {
            std::string list;
            for (std::string_view a : allowed) {
                list += list.empty() ? "" : ", ";
                list += a;
            }
            report(childField(field, key), "unknown field (expected one of: " + list + ", note)");
        }
    }
}

std::string FileReader::checkTextString(const nlohmann::json& obj, std::string_view field,
                                        std::string_view key, Language language,
                                        bool zhNeedsChinese) {
    const std::string path = childField(field, key);
    const auto it = obj.find(key);
    if (it == obj.end()) {
        report(path, "missing " + languageName(language) + " text");
        return {};
    }
    if (!it->is_string()) {
        report(path, languageName(language) + " text must be a string in quotes");
        return {};
    }
    std::string value = it->get<std::string>();
    if (value.empty()) {
        report(path, "empty " + languageName(language) + " text");
    } else if (language == Language::Zh && zhNeedsChinese && countHan(value) == 0) {
        report(path, "Chinese (zh) text contains no Chinese characters: is it translated?");
    }
    return value;
}

Text FileReader::text(const nlohmann::json& obj, std::string_view field, std::string_view key,
                      bool zhNeedsChinese) {
    const std::string path = childField(field, key);
    const auto it = obj.find(key);
    if (it == obj.end()) {
        report(path, "missing text (needs \"en\" and \"zh\")");
        return {};
    }
    return textValue(*it, path, zhNeedsChinese);
}

Text FileReader::textValue(const nlohmann::json& value, std::string_view path,
                           bool zhNeedsChinese) {
    if (!value.is_object()) {
        report(path, "must be an object with \"en\" and \"zh\" strings");
        return {};
    }
    checkKeys(value, path, {"en", "zh"});
    Text out;
    out.zh = checkTextString(value, path, "zh", Language::Zh, zhNeedsChinese);
    out.en = checkTextString(value, path, "en", Language::En, zhNeedsChinese);
    if (out.complete() && placeholders(out.zh) != placeholders(out.en)) {
        report(path, "the {placeholders} differ between en and zh");
    }
    return out;
}

DepthText FileReader::depthText(const nlohmann::json& obj, std::string_view field,
                                std::string_view key) {
    const std::string path = childField(field, key);
    const auto it = obj.find(key);
    if (it == obj.end()) {
        report(path,
               "missing text (needs \"visitor\" and \"student\", each with \"en\" and \"zh\")");
        return {};
    }
    if (!it->is_object()) {
        report(path, "must be an object with \"visitor\" and \"student\" texts");
        return {};
    }
    checkKeys(*it, path, {"visitor", "student"});
    DepthText out;
    out.visitor = text(*it, path, "visitor");
    out.student = text(*it, path, "student");
    const std::string visitorPath = childField(path, "visitor");
    if (const std::size_t words = countWords(out.visitor.en); words > kVisitorMaxWords) {
        report(childField(visitorPath, "en"),
               "visitor text is longer than a minute's read (" + std::to_string(words) +
                       " words; keep it under " + std::to_string(kVisitorMaxWords) +
                       " and move detail to the student text)");
    }
    if (const std::size_t chars = countHan(out.visitor.zh); chars > kVisitorMaxChineseChars) {
        report(childField(visitorPath, "zh"),
               "visitor text is longer than a minute's read (" + std::to_string(chars) +
                       " characters; keep it under " + std::to_string(kVisitorMaxChineseChars) +
                       " and move detail to the student text)");
    }
    return out;
}

std::string FileReader::string(const nlohmann::json& obj, std::string_view field,
                               std::string_view key, bool required) {
    const std::string path = childField(field, key);
    const auto it = obj.find(key);
    if (it == obj.end()) {
        if (required) {
            report(path, "missing field");
        }
        return {};
    }
    if (!it->is_string() || it->get<std::string>().empty()) {
        report(path, "must be a non-empty string in quotes");
        return {};
    }
    return it->get<std::string>();
}

bool FileReader::isValidId(std::string_view id) const {
    if (id.empty() || id.front() == '.' || id.back() == '.') {
        return false;
    }
    for (char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
        if (!ok) {
            return false;
        }
    }
    return true;
}

std::optional<std::string> FileReader::id(const nlohmann::json& obj, std::string_view field) {
    const std::string path = childField(field, "id");
    const auto it = obj.find("id");
    if (it == obj.end()) {
        report(path, "missing id; this item is skipped");
        return std::nullopt;
    }
    if (!it->is_string() || !isValidId(it->get<std::string>())) {
        report(path, "id must be a string of a-z, 0-9, '_' and '.'; this item is skipped");
        return std::nullopt;
    }
    return it->get<std::string>();
}

std::vector<IdRef> FileReader::idList(const nlohmann::json& obj, std::string_view field,
                                      std::string_view key, bool required) {
    std::vector<IdRef> out;
    const nlohmann::json* list = array(obj, field, key, required);
    if (list == nullptr) {
        return out;
    }
    const std::string path = childField(field, key);
    for (std::size_t i = 0; i < list->size(); ++i) {
        const auto& item = (*list)[i];
        const std::string itemPath = indexField(path, i);
        if (!item.is_string() || !isValidId(item.get<std::string>())) {
            report(itemPath, "must be an id in quotes (a-z, 0-9, '_' and '.')");
            continue;
        }
        out.push_back({item.get<std::string>(), itemPath});
    }
    if (required && out.empty() && list->empty()) {
        report(path, "must list at least one id");
    }
    return out;
}

const nlohmann::json* FileReader::array(const nlohmann::json& obj, std::string_view field,
                                        std::string_view key, bool required) {
    const std::string path = childField(field, key);
    const auto it = obj.find(key);
    if (it == obj.end()) {
        if (required) {
            report(path, "missing list");
        }
        return nullptr;
    }
    if (!it->is_array()) {
        report(path, "must be a list in [ ]");
        return nullptr;
    }
    return &*it;
}

} // namespace kiln::content
