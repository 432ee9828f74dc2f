#pragma once
/// @file version.hpp
/// The one place the aligngraph version is written: CMake and pyproject.toml read the
/// three numbers from here.

#define ALIGNGRAPH_VERSION_MAJOR 0
#define ALIGNGRAPH_VERSION_MINOR 1
#define ALIGNGRAPH_VERSION_PATCH 0

namespace aligngraph {

#define ALIGNGRAPH_STRINGIFY_(x) #x
#define ALIGNGRAPH_STRINGIFY(x) ALIGNGRAPH_STRINGIFY_(x)

/// The library version as "MAJOR.MINOR.PATCH", made from the three numbers above.
inline constexpr const char* version_string = ALIGNGRAPH_STRINGIFY(ALIGNGRAPH_VERSION_MAJOR) "." ALIGNGRAPH_STRINGIFY(
    ALIGNGRAPH_VERSION_MINOR) "." ALIGNGRAPH_STRINGIFY(ALIGNGRAPH_VERSION_PATCH);

}  // namespace aligngraph
