#pragma once
// Robust selection (robust.hpp): the optimum of each sampled scenario, warm-started.

#include "aligngraph/risk/robust.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <limits>
#include <numeric>

#include "aligngraph/detail/limits.hpp"
#include "aligngraph/error.hpp"
#include "aligngraph/memory.hpp"
#include "aligngraph/risk/detail/scenarios.hpp"
#include "aligngraph/risk/portfolio_risk.hpp"
#include "aligngraph/selection/portfolio_selection.hpp"

namespace aligngraph {

ALIGNGRAPH_INLINE SelectionFrequency selection_frequency(const Portfolio& p, const RobustOptions& o) {
    const auto t0 = std::chrono::steady_clock::now();
    if (o.scenarios < 1) throw ValidationError(fmt::format("selection_frequency(): {} scenarios, expected at least 1", o.scenarios));
    if (o.first < 0) throw ValidationError(fmt::format("selection_frequency(): first scenario {}, expected >= 0", o.first));
    if (!(o.time_limit > 0)) throw ValidationError(fmt::format("selection_frequency(): time limit {} s, expected > 0", o.time_limit));
    if (!(o.solve_time_limit > 0))
        throw ValidationError(fmt::format("selection_frequency(): solve time limit {} s, expected > 0", o.solve_time_limit));
    p.check();
    const Index n = p.initiative_count();
    detail::Limits limits(o.time_limit, std::numeric_limits<long long>::max(), &o.cancel, t0);
    const auto left = [&] {
        return std::min(o.solve_time_limit,
                        std::max(1e-3, o.time_limit - std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count()));
    };

    // The scenarios: the Monte Carlo of every initiative at its planned start.
    std::vector<Index> all(static_cast<std::size_t>(n));
    std::iota(all.begin(), all.end(), Index{0});
    const RiskProblem q = risk_problem(p, all, {}, o.scenario);
    RiskOptions ro;
    ro.samples = o.scenarios;
    ro.seed = o.seed;
    ro.first = o.first;
    ro.sensitivity = false;
    ro.keep_use_samples = false;
    ro.keep_item_samples = true;
    ro.cancel = o.cancel;
    const RiskResult mc = simulate(q, ro);

    OptimizeOptions so;
    so.objective = Objective::npv;
    so.scenario = o.scenario;
    const SelectionProblem base = selection_problem(p, so);
    SelectionOptions sel;
    sel.explain = false;
    sel.cancel = o.cancel;
    sel.time_limit = left();
    const SelectionResult planned = select_portfolio(base, sel);

    SelectionFrequency f;
    f.ids = p.initiative_ids();
    f.currency = p.settings().currency;
    f.scenario = o.scenario;
    f.seed = o.seed;
    f.first = o.first;
    f.planned_npv = base.values;
    f.planned_selection = planned.selected;
    const long long K = mc.samples;
    detail::check_memory(fmt::format("the selections of {} scenarios x {} initiatives", K, n), static_cast<double>(K) * static_cast<double>(n));
    f.selected = Eigen::Matrix<std::uint8_t, Eigen::Dynamic, Eigen::Dynamic>::Zero(K, n);
    f.optimum = Eigen::VectorXd::Zero(K);

    Eigen::VectorXi starts(n);
    for (Index i = 0; i < n; ++i) starts(i) = static_cast<int>(p.starts()(i));
    SelectionProblem s = base;
    Eigen::MatrixXd cost_sum = Eigen::MatrixXd::Zero(base.costs.rows(), base.costs.cols());
    std::vector<double> multiplier(static_cast<std::size_t>(n));
    std::vector<int> shift(static_cast<std::size_t>(n));
    SearchMemory memory;
    std::vector<Index> start = planned.selected;
    long long done = 0;
    for (long long k = 0; k < K; ++k) {
        if (k > 0 && limits.reached()) {
            f.stop_reason = limits.reason();
            break;
        }
        for (Index i = 0; i < n; ++i) {
            multiplier[static_cast<std::size_t>(i)] = mc.item_cost_samples(k, i);
            shift[static_cast<std::size_t>(i)] = mc.item_shift_samples(k, i);
        }
        s.values = mc.item_npv_samples.row(k).transpose();
        detail::scenario_costs(base, starts, multiplier.data(), shift.data(), s.costs);
        cost_sum += s.costs;
        sel.start = start;
        sel.time_limit = left();
        const SelectionResult r = select_portfolio(s, sel, &memory);
        if (r.proven) ++f.proven;
        for (Index i : r.selected) f.selected(k, i) = 1;
        f.optimum(k) = r.value;
        start = r.selected;
        ++done;
    }
    if (done == 0) throw NoSolutionError("selection_frequency(): stopped before the first scenario");
    f.scenarios = done;
    if (done < K) {
        f.selected.conservativeResize(done, n);
        f.optimum.conservativeResize(done);
    }
    f.frequency = f.selected.cast<double>().colwise().mean().transpose();
    f.mean_npv = mc.item_npv_samples.topRows(done).colwise().mean().transpose();

    // The portfolio best in expectation.
    SelectionProblem e = base;
    e.values = f.mean_npv;
    e.costs = cost_sum / static_cast<double>(done);
    sel.start = planned.selected;
    sel.time_limit = left();
    const SelectionResult best = select_portfolio(e, sel);
    f.expected_selection = best.selected;
    f.expected_value = best.value;
    f.expected_proven = best.proven;
    if (f.stop_reason == StopReason::none && !best.proven) f.stop_reason = best.stop_reason;
    f.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return f;
}

}  // namespace aligngraph
