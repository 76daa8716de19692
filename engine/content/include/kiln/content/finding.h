// A problem found in the content files: which file (relative to the content root), which line,
// which field (a JSON path such as "pathways[3].title.zh") and what is wrong, for curators.
#pragma once

#include <string>
#include <vector>

namespace kiln::content {

struct Finding {
    std::string file;  // relative to the content root, e.g. "scenes/egg_kiln.json"
    int line = 0;      // 1-based; 0 when the file itself is missing or unreadable
    std::string field; // JSON path, "(file)" for the file as a whole, "(syntax)" for bad JSON
    std::string message;
};

// "scenes/egg_kiln.json:12: hotspots[2].title.zh: missing Chinese (zh) text".
std::string formatFinding(const Finding& finding);

// Writes each finding to the log as a warning of module "content".
void logFindings(const std::vector<Finding>& findings);

} // namespace kiln::content
