// A second translation unit with some of the same headers: in header-only mode the program
// links only if every inline definition is the same in both (no duplicate symbols).
// Its first header is one whose headers include each other's implementations' needs
// (schedule.hpp brings the selection solver, whose implementation needs declarations that
// come after the knapsack header it includes): in header-only mode any header compiles
// included first (aligngraph/detail/implementations.hpp).

#include <aligngraph/schedule/schedule.hpp>
#include <aligngraph/model/validation.hpp>
#include <aligngraph/finance/cashflows.hpp>
#include <aligngraph/model/portfolio.hpp>
#include <aligngraph/selection/knapsack.hpp>

#include <array>
#include <span>

double consumer_part_npv() {
    const std::array<double, 2> flows{-100, 110};
    return aligngraph::npv(0.1, std::span<const double>(flows));
}

long consumer_part_makespan() {
    // Two jobs of 2 and 3 periods that each use the one resource's whole capacity: one after
    // the other, 5 periods.
    aligngraph::ScheduleProblem q;
    q.durations = {2, 3};
    q.capacity = Eigen::MatrixXd::Constant(1, 1, 1.0);
    q.usage = aligngraph::constant_usage(q.durations, Eigen::MatrixXd::Constant(2, 1, 1.0));
    return static_cast<long>(aligngraph::schedule(q).makespan);
}
