#pragma once
// The pivot's row elimination of selection/detail/dual_simplex.hpp.

#include "aligngraph/selection/detail/dual_simplex.hpp"

namespace aligngraph::detail {

// Each element is one multiply and one subtract, in the same order in every version (no
// fused multiply-add, no reassociation), so the AVX-512 and AVX2 clones give the default's results
// bit for bit: the search does not depend on the processor.
// Clones need the loader's indirect functions: glibc on x86-64, with GCC or Clang 14 or later.
// Elsewhere (other processors, macOS, Windows, musl) the one portable version is built, and
// so it is in header-only mode: an inline function has no clones, and the compiler flags
// (and so the results) are the including program's.
#if defined(__x86_64__) && defined(__GLIBC__) && defined(__GNUC__) && (!defined(__clang__) || __clang_major__ >= 14) && \
    !defined(ALIGNGRAPH_NO_TARGET_CLONES) && !defined(ALIGNGRAPH_HEADER_ONLY)
__attribute__((target_clones("avx512f", "avx2", "default")))
#endif
ALIGNGRAPH_INLINE void eliminate_rows(double* tableau, Index stride, Index rows, Index cols, Index r, const double* column) {
    const double* pivot = tableau + r * stride;
    for (Index i = 0; i < rows; ++i) {
        const double f = column[i];
        if (i == r || f == 0) continue;
        double* row = tableau + i * stride;
        for (Index j = 0; j < cols; ++j) row[j] -= f * pivot[j];
    }
}

}  // namespace aligngraph::detail
