// A small second pass over JSON text that remembers where each field starts. The document has
// already been parsed by nlohmann::json, so this scanner can assume the syntax is valid and only
// guards against running off the end.
#include "json_locator.h"

#include "kiln/core/file_io.h"

namespace kiln::content {

namespace {

bool isPlainKey(std::string_view key) {
    if (key.empty()) {
        return false;
    }
    for (char c : key) {
        if (c == '.' || c == '[' || c == ']' || c == '"') {
            return false;
        }
    }
    return true;
}

} // namespace

std::string childField(std::string_view parent, std::string_view key) {
    std::string out(parent);
    if (isPlainKey(key)) {
        if (!out.empty()) {
            out += '.';
        }
        out += key;
    } else {
        out += "[\"";
        out += key;
        out += "\"]";
    }
    return out;
}

std::string indexField(std::string_view parent, std::size_t index) {
    std::string out(parent);
    out += '[';
    out += std::to_string(index);
    out += ']';
    return out;
}

std::string parentField(std::string_view field) {
    if (field.empty()) {
        return {};
    }
    if (field.back() == ']') {
        // Bracketed keys never contain '[', so the last '[' opens this component.
        const std::size_t open = field.rfind('[');
        return open == std::string_view::npos ? std::string{} : std::string(field.substr(0, open));
    }
    // A plain key contains no '.', '[' or ']': the last of those separates it from its parent.
    const std::size_t sep = field.find_last_of(".]");
    if (sep == std::string_view::npos) {
        return {};
    }
    return std::string(field.substr(0, field[sep] == '.' ? sep : sep + 1));
}

JsonLocator::JsonLocator(std::string_view text) : mText(text) {
    skipSpace();
    if (mPos < mText.size()) {
        parseValue("");
    }
}

int JsonLocator::lineOf(std::string_view field) const {
    std::string current(field);
    while (true) {
        if (auto it = mOffsets.find(current); it != mOffsets.end()) {
            return lineAt(it->second);
        }
        if (current.empty()) {
            return 1;
        }
        current = parentField(current);
    }
}

int JsonLocator::lineAt(std::size_t offset) const {
    return core::textPositionOf(mText, offset).line;
}

void JsonLocator::skipSpace() {
    while (mPos < mText.size() && (mText[mPos] == ' ' || mText[mPos] == '\t' ||
                                   mText[mPos] == '\n' || mText[mPos] == '\r')) {
        ++mPos;
    }
}

void JsonLocator::parseValue(const std::string& field) {
    skipSpace();
    if (mPos >= mText.size()) {
        return;
    }
    if (!mOffsets.contains(field)) {
        mOffsets.emplace(field, mPos);
    }
    const char c = mText[mPos];
    if (c == '{') {
        parseObject(field);
    } else if (c == '[') {
        parseArray(field);
    } else if (c == '"') {
        parseString();
    } else {
        // Number, true, false or null: runs until a delimiter.
        while (mPos < mText.size() && mText[mPos] != ',' && mText[mPos] != '}' &&
               mText[mPos] != ']' && mText[mPos] != ' ' && mText[mPos] != '\n' &&
               mText[mPos] != '\r' && mText[mPos] != '\t') {
            ++mPos;
        }
    }
}

void JsonLocator::parseObject(const std::string& field) {
    ++mPos; // '{'
    while (true) {
        skipSpace();
        if (mPos >= mText.size()) {
            return;
        }
        if (mText[mPos] == '}') {
            ++mPos;
            return;
        }
        if (mText[mPos] == ',') {
            ++mPos;
            continue;
        }
        const std::size_t keyOffset = mPos;
        const std::string key = parseString();
        const std::string child = childField(field, key);
        if (auto it = mOffsets.find(child); it != mOffsets.end()) {
            mDuplicates.push_back({child, keyOffset, it->second});
        } else {
            // Members are located by their key, which is where a curator looks for them.
            mOffsets.emplace(child, keyOffset);
        }
        skipSpace();
        if (mPos < mText.size() && mText[mPos] == ':') {
            ++mPos;
        }
        parseValue(child);
    }
}

void JsonLocator::parseArray(const std::string& field) {
    ++mPos; // '['
    std::size_t index = 0;
    while (true) {
        skipSpace();
        if (mPos >= mText.size()) {
            return;
        }
        if (mText[mPos] == ']') {
            ++mPos;
            return;
        }
        if (mText[mPos] == ',') {
            ++mPos;
            continue;
        }
        parseValue(indexField(field, index));
        ++index;
    }
}

std::string JsonLocator::parseString() {
    std::string out;
    if (mPos >= mText.size() || mText[mPos] != '"') {
        return out;
    }
    ++mPos;
    while (mPos < mText.size() && mText[mPos] != '"') {
        if (mText[mPos] == '\\' && mPos + 1 < mText.size()) {
            // Keys are matched against the decoded keys of nlohmann::json; our keys are ASCII,
            // so keeping simple escapes literal-decoded is enough for locating them.
            const char next = mText[mPos + 1];
            out += (next == 'n') ? '\n' : (next == 't') ? '\t' : next;
            mPos += 2;
            continue;
        }
        out += mText[mPos];
        ++mPos;
    }
    ++mPos; // closing quote
    return out;
}

} // namespace kiln::content
