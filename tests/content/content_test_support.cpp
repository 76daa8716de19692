// Scratch copies of fixtures for the content tests.
#include "content_test_support.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace kiln::content::test {

namespace fs = std::filesystem;

fs::path fixtureDir() {
    return KILN_CONTENT_TEST_DATA;
}
fs::path realContentDir() {
    return KILN_CONTENT_REAL_DATA;
}

fs::path copyToScratch(const fs::path& source) {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = std::string("kiln_content_") + info->test_suite_name() + "_" + info->name();
    for (char& c : name) {
        if (c == '/') {
            c = '_';
        }
    }
    const fs::path target = fs::temp_directory_path() / name;
    fs::remove_all(target);
    fs::copy(source, target, fs::copy_options::recursive);
    return target;
}

static std::string readAll(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void replaceInFile(const fs::path& file, std::string_view from, std::string_view to) {
    std::string text = readAll(file);
    const std::size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << "'" << from << "' not in " << file;
    ASSERT_EQ(text.find(from, at + 1), std::string::npos) << "'" << from << "' twice in " << file;
    text.replace(at, from.size(), to);
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << text;
}

int lineOfText(const fs::path& file, std::string_view needle) {
    const std::string text = readAll(file);
    const std::size_t at = text.find(needle);
    if (at == std::string::npos) {
        return 0;
    }
    int line = 1;
    for (std::size_t i = 0; i < at; ++i) {
        line += text[i] == '\n' ? 1 : 0;
    }
    return line;
}

std::string describe(const std::vector<Finding>& findings) {
    std::string out;
    for (const auto& f : findings) {
        out += formatFinding(f) + "\n";
    }
    return out.empty() ? "(no findings)\n" : out;
}

} // namespace kiln::content::test
