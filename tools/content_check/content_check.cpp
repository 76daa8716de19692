// content_check: runs the content lint (kiln::content::checkContent) on a content folder and
// prints each finding as "file:line: field: message" for curators. Exit 0: clean; 1: findings;
// 2: bad usage. The app's `kilnfire --check-content` calls the same function.
#include "kiln/content/content_loader.h"

#include <cstdio>
#include <cstring>
#include <filesystem>

int main(int argc, char** argv) {
    if (argc > 2 ||
        (argc == 2 && (std::strcmp(argv[1], "-h") == 0 || std::strcmp(argv[1], "--help") == 0))) {
        std::fprintf(
                stderr,
                "usage: content_check [CONTENT_DIR]\n"
                "  Checks the content files (default: the installed assets/content) and prints\n"
                "  every problem as file:line: field: message. Exit 1 if there is any.\n");
        return 2;
    }
    const std::filesystem::path root =
            argc == 2 ? std::filesystem::path(argv[1]) : kiln::content::defaultContentRoot();
    const auto findings = kiln::content::checkContent(root);
    for (const auto& finding : findings) {
        std::printf("%s\n", kiln::content::formatFinding(finding).c_str());
    }
    if (findings.empty()) {
        std::printf("content_check: %s is clean\n", root.string().c_str());
        return 0;
    }
    std::printf("content_check: %zu finding(s) in %s\n", findings.size(), root.string().c_str());
    return 1;
}
