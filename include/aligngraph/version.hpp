#pragma once
/// @file version.hpp
/// The one place the aligngraph version is written. CMake parses it from here.

#define ALIGNGRAPH_VERSION_MAJOR 0
#define ALIGNGRAPH_VERSION_MINOR 1
#define ALIGNGRAPH_VERSION_PATCH 0

namespace aligngraph {

/// The library version as "MAJOR.MINOR.PATCH".
inline constexpr const char* version_string = "0.1.0";

}  // namespace aligngraph
