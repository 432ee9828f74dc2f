#pragma once
// Re-solving a selection after a small change, from the repaired previous selection.

#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "aligngraph/detail/selection_links.hpp"
#include "aligngraph/error.hpp"
#include "aligngraph/selection/knapsack.hpp"

namespace aligngraph {

ALIGNGRAPH_INLINE Reoptimizer::Reoptimizer(SelectionProblem problem, SelectionOptions options)
    : problem_(std::move(problem)), options_(std::move(options)) {}

ALIGNGRAPH_INLINE void Reoptimizer::check_initiative(Index i, const char* what) const {
    if (i < 0 || i >= problem_.values.size())
        throw ValidationError(fmt::format("Reoptimizer::{}(): initiative index {} out of range [0, {})", what, i,
                                          problem_.values.size()));
}

ALIGNGRAPH_INLINE void Reoptimizer::force_in(Index i) {
    check_initiative(i, "force_in");
    release(i);
    problem_.forced_in.push_back(i);
}

ALIGNGRAPH_INLINE void Reoptimizer::force_out(Index i) {
    check_initiative(i, "force_out");
    release(i);
    problem_.forced_out.push_back(i);
}

ALIGNGRAPH_INLINE void Reoptimizer::release(Index i) {
    check_initiative(i, "release");
    std::erase(problem_.forced_in, i);
    std::erase(problem_.forced_out, i);
}

ALIGNGRAPH_INLINE void Reoptimizer::set_budget(Index k, double limit) {
    if (k < 0 || k >= problem_.budgets.size())
        throw ValidationError(fmt::format("Reoptimizer::set_budget(): budget index {} out of range [0, {})", k,
                                          problem_.budgets.size()));
    if (!(std::isfinite(limit) && limit >= 0))
        throw ValidationError(fmt::format("Reoptimizer::set_budget(): limit {}, expected a finite amount >= 0", limit));
    problem_.budgets(k) = limit;
}

ALIGNGRAPH_INLINE void Reoptimizer::set_value(Index i, double value) {
    check_initiative(i, "set_value");
    if (!std::isfinite(value)) throw ValidationError(fmt::format("Reoptimizer::set_value(): value {}, expected a finite number", value));
    problem_.values(i) = value;
}

ALIGNGRAPH_INLINE std::vector<Index> Reoptimizer::repaired_start() const {
    const auto& p = problem_;
    const Index n = p.values.size();
    const detail::SelectionLinks links(p);
    const auto& prereq = links.prerequisites;
    const auto& dependants = links.dependants;
    const auto& partners = links.alternatives;
    std::vector<signed char> in(static_cast<std::size_t>(n), 0), locked(static_cast<std::size_t>(n), 0);
    for (Index i : result_.selected) in[i] = 1;
    // A dropped initiative takes its selected dependants with it.
    auto drop = [&](Index i) {
        if (!in[i]) return;
        for (Index x : detail::reach(i, dependants, [&](Index d) { return in[d] != 0; })) in[x] = 0;
    };
    for (Index i : p.forced_out) drop(i);
    // A forced-in one comes with its prerequisites, and their alternatives leave.
    const auto brought = detail::reach(p.forced_in, prereq, [](Index) { return true; });
    for (Index x : brought) locked[x] = in[x] = 1;
    for (Index x : brought)
        for (Index y : partners[x])
            if (!locked[y]) drop(y);
    // Over a budget: drop the weakest value per unit of what is broken until it fits.
    for (;;) {
        Eigen::VectorXd use = Eigen::VectorXd::Zero(p.budgets.size());
        for (Index i = 0; i < n; ++i)
            if (in[i]) use += p.costs.row(i).transpose();
        Eigen::VectorXd over = (use - p.budgets).cwiseMax(0.0);
        if (p.budgets.size() == 0 || over.maxCoeff() <= 1e-9 * std::max(1.0, p.budgets.maxCoeff())) break;
        Index worst = -1;
        double ratio = std::numeric_limits<double>::infinity();
        for (Index i = 0; i < n; ++i) {
            if (!in[i] || locked[i]) continue;
            const double relief = p.costs.row(i).dot((over.array() > 0).cast<double>().matrix());
            if (relief <= 0) continue;
            const double r = p.values(i) / relief;
            if (r < ratio) {
                ratio = r;
                worst = i;
            }
        }
        if (worst < 0) break;  // only locked ones left: the solve reports the infeasibility
        drop(worst);
    }
    std::vector<Index> out;
    for (Index i = 0; i < n; ++i)
        if (in[i]) out.push_back(i);
    return out;
}

ALIGNGRAPH_INLINE const SelectionResult& Reoptimizer::solve() {
    SelectionOptions o = options_;
    if (solved_) o.start = repaired_start();
    result_ = select_portfolio(problem_, o, &memory_);
    solved_ = true;
    return result_;
}

}  // namespace aligngraph
