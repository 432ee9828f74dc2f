// A second translation unit with some of the same headers: in header-only mode the program
// links only if every inline definition is the same in both (no duplicate symbols).

#include <aligngraph/finance/cashflows.hpp>
#include <aligngraph/model/portfolio.hpp>
#include <aligngraph/selection/knapsack.hpp>

#include <array>
#include <span>

double consumer_part_npv() {
    const std::array<double, 2> flows{-100, 110};
    return aligngraph::npv(0.1, std::span<const double>(flows));
}
