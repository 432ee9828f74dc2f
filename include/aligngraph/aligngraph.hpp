#pragma once
/// @file aligngraph.hpp
/// The one include a user needs.

#include "aligngraph/error.hpp"
#include "aligngraph/finance/cashflows.hpp"
#include "aligngraph/finance/dated.hpp"
#include "aligngraph/finance/financials.hpp"
#include "aligngraph/finance/tvm.hpp"
#include "aligngraph/io/model_file.hpp"
#include "aligngraph/io/report.hpp"
#include "aligngraph/model/graph.hpp"
#include "aligngraph/model/horizon.hpp"
#include "aligngraph/model/portfolio.hpp"
#include "aligngraph/model/records.hpp"
#include "aligngraph/model/validation.hpp"
#include "aligngraph/names.hpp"
#include "aligngraph/scoring/alignment.hpp"
#include "aligngraph/selection/knapsack.hpp"
#include "aligngraph/selection/portfolio_selection.hpp"
#include "aligngraph/scoring/priority.hpp"
#include "aligngraph/types.hpp"
#include "aligngraph/version.hpp"
#include "aligngraph/weights/ahp.hpp"
