// The compiled library: the portfolio selection (the exact search, its results, explanations, re-solving and frontiers).

#include "aligngraph/selection/detail/lp_relaxation-inl.hpp"
#include "aligngraph/selection/detail/heuristics-inl.hpp"
#include "aligngraph/selection/detail/cuts-inl.hpp"
#include "aligngraph/selection/detail/tree_search-inl.hpp"
#include "aligngraph/selection/select_portfolio-inl.hpp"
#include "aligngraph/selection/result-inl.hpp"
#include "aligngraph/selection/explain-inl.hpp"
#include "aligngraph/selection/reoptimizer-inl.hpp"
#include "aligngraph/selection/portfolio_selection-inl.hpp"
#include "aligngraph/selection/scenario_comparison-inl.hpp"
