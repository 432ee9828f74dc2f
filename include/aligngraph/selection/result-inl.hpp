#pragma once
// What a selection's rows and columns are, and the totals a presenter shows.

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "aligngraph/selection/knapsack.hpp"

namespace aligngraph {

ALIGNGRAPH_INLINE std::string SelectionLabels::id(Index i) const {
    return i >= 0 && static_cast<std::size_t>(i) < ids.size() ? ids[static_cast<std::size_t>(i)] : fmt::format("#{}", i);
}

ALIGNGRAPH_INLINE std::string SelectionLabels::budget_name(Index k) const {
    return k >= 0 && static_cast<std::size_t>(k) < budget_names.size() ? budget_names[static_cast<std::size_t>(k)]
                                                                         : fmt::format("budget {}", k);
}

namespace detail {

// Sum of `rows` over the total pools' rows (every row when there are no pools).
inline double over_total_pools(const SelectionLabels& l, const Eigen::VectorXd& rows) {
    if (l.pools.empty()) return rows.sum();
    if (l.total_pools.empty()) return std::numeric_limits<double>::quiet_NaN();
    const Index per_pool = l.periods.empty() ? 1 : static_cast<Index>(l.periods.size());
    double sum = 0;
    for (Index pool : l.total_pools) sum += rows.segment(pool * per_pool, per_pool).sum();
    return sum;
}

// Sum of `rows` over pool q's rows (row q itself when there are no pools).
inline double over_pool(const SelectionLabels& l, const Eigen::VectorXd& rows, Index q) {
    if (l.pools.empty()) return q >= 0 && q < rows.size() ? rows(q) : std::numeric_limits<double>::quiet_NaN();
    const Index per_pool = l.periods.empty() ? 1 : static_cast<Index>(l.periods.size());
    if (q < 0 || (q + 1) * per_pool > rows.size()) return std::numeric_limits<double>::quiet_NaN();
    return rows.segment(q * per_pool, per_pool).sum();
}

}  // namespace detail

ALIGNGRAPH_INLINE double SelectionResult::total_budget() const { return detail::over_total_pools(*this, budgets); }

ALIGNGRAPH_INLINE double SelectionResult::total_use() const { return detail::over_total_pools(*this, budget_use); }

}  // namespace aligngraph

namespace aligngraph {

ALIGNGRAPH_INLINE double SelectionResult::pool_budget(Index q) const { return detail::over_pool(*this, budgets, q); }

ALIGNGRAPH_INLINE double SelectionResult::pool_use(Index q) const { return detail::over_pool(*this, budget_use, q); }

}  // namespace aligngraph
