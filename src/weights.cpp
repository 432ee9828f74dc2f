// The compiled library: goal weights from pairwise judgments (AHP).

#include "aligngraph/weights/ahp-inl.hpp"
