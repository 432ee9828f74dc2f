#pragma once
/// @file export.hpp
/// The two ways of using aligngraph, and what each makes of its functions.
///
/// Compiled (the default; CMake target aligngraph::aligngraph, which defines
/// ALIGNGRAPH_COMPILED_LIB): the implementation, in the `*-inl.hpp` files beside the
/// headers, is compiled once into the library. ALIGNGRAPH_API marks what the library
/// exports: every public function and the classes with functions of their own. It is built
/// with hidden visibility, so a shared build (BUILD_SHARED_LIBS) exports exactly these; on
/// Windows they are dllexport while building the DLL and dllimport for its users.
///
/// Header-only (ALIGNGRAPH_HEADER_ONLY; CMake target aligngraph::aligngraph_header_only):
/// the `-inl.hpp` files come with the headers, their functions inline (ALIGNGRAPH_INLINE).
/// Any header may be included first: the outermost one includes the implementations of
/// every header it brought once their declarations are all complete (see
/// detail/implementations.hpp for why not each at its header's end).
/// A program uses one way or the other: a target that has both is refused here.

#if defined(ALIGNGRAPH_HEADER_ONLY) && defined(ALIGNGRAPH_COMPILED_LIB)
#error "aligngraph: ALIGNGRAPH_HEADER_ONLY is defined for a target that links the compiled library (ALIGNGRAPH_COMPILED_LIB): link one of aligngraph::aligngraph and aligngraph::aligngraph_header_only, not both"
#endif

#if defined(ALIGNGRAPH_HEADER_ONLY)
#define ALIGNGRAPH_INLINE inline
#define ALIGNGRAPH_API
#else
#define ALIGNGRAPH_INLINE
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
#endif
