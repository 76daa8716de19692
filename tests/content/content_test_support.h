// Helpers for the content tests: fresh copies of fixture folders in the temp directory, with
// single files replaced or edited, so each test sees exactly one deliberate defect.
#pragma once

#include "kiln/content/finding.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace kiln::content::test {

std::filesystem::path fixtureDir();     // tests/content/data
std::filesystem::path realContentDir(); // assets/content

// Copies source to a fresh folder named after the running test and returns it.
std::filesystem::path copyToScratch(const std::filesystem::path& source);

// Replaces the one occurrence of from by to in file; fails the test if from is not found once.
void replaceInFile(const std::filesystem::path& file, std::string_view from, std::string_view to);

// 1-based line of the first occurrence of needle in file; 0 when absent.
int lineOfText(const std::filesystem::path& file, std::string_view needle);

// All findings, one per line, for failure messages.
std::string describe(const std::vector<Finding>& findings);

} // namespace kiln::content::test
