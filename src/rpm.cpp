// The compiled library: Robust Portfolio Modeling (the dynamic programme and the branch and bound).

#include "aligngraph/risk/rpm-inl.hpp"
