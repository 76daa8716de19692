// Umbrella header of the content module: the library, its loader and lint, and the string catalog.
#pragma once

#include "kiln/content/content_library.h"
#include "kiln/content/content_loader.h"
#include "kiln/content/finding.h"
#include "kiln/content/string_catalog.h"
