// Turns a validated SiteDescription into a glTF document: one builder per part type, each part
// placed (and repeated) by its placement, every node carrying its paradata in extras
// ({"part", "evidence", "source", "reason", "role", ...}). Errors name the file and the field.
#pragma once

#include "description.h"
#include "kiln/core/result.h"

#include <string>

namespace kiln::kilngen {

// The complete .glb bytes for the site, or an error ("<file>: field <pointer>: <reason>").
core::Result<std::string> buildSite(const SiteDescription& site);

} // namespace kiln::kilngen
