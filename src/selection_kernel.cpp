// The compiled library: the dual simplex's row elimination, with processor-specific clones and no contraction (built with -ffp-contract=off).

#include "aligngraph/selection/detail/dual_simplex-inl.hpp"
