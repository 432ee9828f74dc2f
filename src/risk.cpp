// The compiled library: the Monte Carlo (the marginals, the engine, a model's portfolio).

#include "aligngraph/risk/detail/marginal-inl.hpp"

#include "aligngraph/risk/risk-inl.hpp"
#include "aligngraph/risk/portfolio_risk-inl.hpp"
