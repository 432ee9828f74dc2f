// The compiled library: Robust Portfolio Modeling (the weight set, the order and the branch and bound).

#include "aligngraph/risk/rpm-inl.hpp"
