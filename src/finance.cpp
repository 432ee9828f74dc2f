// The compiled library: money over time (time value, cash-flow metrics, dated flows, per-initiative financials).

#include "aligngraph/finance/tvm-inl.hpp"
#include "aligngraph/finance/cashflows-inl.hpp"
#include "aligngraph/finance/dated-inl.hpp"
#include "aligngraph/finance/financials-inl.hpp"
