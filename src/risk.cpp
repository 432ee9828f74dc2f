// The compiled library: risk analysis (the marginals, the engine, a model's portfolio, robust selection, chance-constrained budgets, Robust Portfolio Modeling).

#include "aligngraph/risk/detail/marginal-inl.hpp"

#include "aligngraph/risk/risk-inl.hpp"
#include "aligngraph/risk/portfolio_risk-inl.hpp"
#include "aligngraph/risk/chance-inl.hpp"
#include "aligngraph/risk/robust-inl.hpp"
#include "aligngraph/risk/rpm-inl.hpp"
