// The curator's and technician's checks: validate every scene file (and what it refers to) and
// run the content lint, printing one line per problem with file, line and field.
#pragma once

namespace kiln::app {

// Exit code 0 when every scenes/*/scene.json loads and its model, schedule and hotspot ids
// resolve; 1 otherwise.
int checkScenes();

// Exit code 0 when the content lint finds nothing; 1 otherwise.
int checkContent();

} // namespace kiln::app
