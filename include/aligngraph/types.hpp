#pragma once
/// @file types.hpp
/// Units in the type names: what a number means is visible where it is declared.

#include <cstddef>

namespace aligngraph {

/// An amount of money in the model's currency. Outflows and inflows are both stored
/// as non-negative amounts; the sign convention of the finance functions is theirs.
using Money = double;
/// A rate per year or per period, as a fraction (0.08 is 8%).
using Rate = double;
/// A weight in [0, 1] (goal weights, contribution strengths, shares).
using Weight = double;
/// A score (alignment, priority).
using Score = double;
/// A period index on the model's horizon; period 0 is the first.
using Period = int;
/// A count of periods (durations, lags).
using Periods = int;
/// A position in one of the model's dense tables (initiatives, goals, teams, budgets).
using Index = std::ptrdiff_t;

}  // namespace aligngraph
