// Loading and checking the content folder. Loading never throws and never gives up on the whole
// folder: each file is read on its own, and what is valid is kept while every problem becomes a
// Finding naming file, line and field. The content check (lint) is the same pass plus coverage.
#pragma once

#include "kiln/content/content_library.h"
#include "kiln/content/finding.h"

#include <filesystem>
#include <vector>

namespace kiln::content {

struct LoadOptions {
    bool logFindings = true; // write each finding to the log (module "content") as a warning
};

struct LoadResult {
    ContentLibrary library;
    std::vector<Finding> findings; // empty when every file is complete and consistent
};

// The content folder of the installed data: core::dataPath("assets/content").
std::filesystem::path defaultContentRoot();

// Loads manifest.json, model.json, glossary.json, ui_strings.json and scenes/<id>.json under
// root, validates them (both languages, ids unique, references resolve, coverage of every
// determinant and pathway by some scene, quiz answers in range, sources present) and returns the
// valid parts plus every finding, sorted by file and line.
LoadResult loadContent(const std::filesystem::path& root, const LoadOptions& options = {});

// The content lint: loadContent(root) without logging, returning only the findings.
std::vector<Finding> checkContent(const std::filesystem::path& root);

} // namespace kiln::content
