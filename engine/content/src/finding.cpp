// Formatting and logging of content findings.
#include "kiln/content/finding.h"

#include "kiln/core/log.h"

namespace kiln::content {

std::string formatFinding(const Finding& finding) {
    return finding.file + ":" + std::to_string(finding.line) + ": " + finding.field + ": " +
           finding.message;
}

void logFindings(const std::vector<Finding>& findings) {
    for (const auto& finding : findings) {
        core::logWarning("content", formatFinding(finding));
    }
}

} // namespace kiln::content
