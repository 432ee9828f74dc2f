// The compiled library: selection under uncertainty (selection frequency, chance-constrained budgets).

#include "aligngraph/risk/chance-inl.hpp"
#include "aligngraph/risk/robust-inl.hpp"
