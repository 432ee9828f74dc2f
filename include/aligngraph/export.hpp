#pragma once
/// @file export.hpp
/// ALIGNGRAPH_API marks what the compiled library exports: every public function and the
/// classes with functions of their own. The library is built with hidden visibility, so a
/// shared build (BUILD_SHARED_LIBS) exports exactly these; on Windows they are
/// dllexport while building the DLL and dllimport for its users.

#if defined(ALIGNGRAPH_SHARED)
#if defined(_WIN32)
#if defined(ALIGNGRAPH_BUILDING)
#define ALIGNGRAPH_API __declspec(dllexport)
#else
#define ALIGNGRAPH_API __declspec(dllimport)
#endif
#else
#define ALIGNGRAPH_API __attribute__((visibility("default")))
#endif
#elif defined(__GNUC__) || defined(__clang__)
// Static builds: visible to whatever links the archive (the build hides the rest).
#define ALIGNGRAPH_API __attribute__((visibility("default")))
#else
#define ALIGNGRAPH_API
#endif
