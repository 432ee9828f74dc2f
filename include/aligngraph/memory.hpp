#pragma once
/// @file memory.hpp
/// A cap on the memory one model or one analysis asks for. What grows with the model's
/// size (its flows, initiatives x periods; a selection's costs, initiatives x budgets x
/// periods; the LP's tableau, rows x columns) is checked against it before it is
/// allocated, and refused with a ResourceError that says what is too big and how to raise
/// the cap, instead of exhausting the machine.
///
/// The cap: set_memory_limit(bytes) if called; else the environment variable
/// ALIGNGRAPH_MEMORY_LIMIT (bytes, or with a suffix K, M, G or T: "64G"); else 8 GiB.
/// The command-line tool's --memory-limit and Python's aligngraph.set_memory_limit() set it.

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_MEMORY
#endif

#include "aligngraph/export.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace aligngraph {

/// The cap in bytes. @throws ValidationError when ALIGNGRAPH_MEMORY_LIMIT is set but not a size.
ALIGNGRAPH_API std::uint64_t memory_limit();

/// Set the cap for the whole process (0 returns to the environment variable or the default).
ALIGNGRAPH_API void set_memory_limit(std::uint64_t bytes);

/// A size as the cap reads it: "8589934592", "512M", "64G" (K, M, G, T are powers of 1024).
/// @throws ValidationError for anything else, naming it.
ALIGNGRAPH_API std::uint64_t parse_memory_size(std::string_view text);

namespace detail {

/// Refuse, before allocating, `bytes` for `what` ("the flows of 20000 initiatives x 100000
/// periods") when more than memory_limit(): a ResourceError naming both and the ways to raise it.
ALIGNGRAPH_API void check_memory(std::string_view what, double bytes);

}  // namespace detail

}  // namespace aligngraph

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_MEMORY
#ifdef ALIGNGRAPH_OUTERMOST_MEMORY
#undef ALIGNGRAPH_OUTERMOST_MEMORY
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
