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
#include "aligngraph/risk/detail/scenario_draws.hpp"
#include "aligngraph/risk/detail/scenarios.hpp"
#include "aligngraph/risk/portfolio_risk.hpp"
#include "aligngraph/selection/portfolio_selection.hpp"

namespace aligngraph {

namespace detail {

// What a run and a join both finish with: the means over the block sums (added up block by
// block, in order, so any chunking gives the same bits), the frequency, and the portfolio
// best in expectation (solved from the optimum as planned, without search memory).
ALIGNGRAPH_INLINE void finish_selection_frequency(SelectionFrequency& f, const SelectionProblem& base, SelectionOptions sel,
                                                  double time_left) {
    const Index n = static_cast<Index>(base.costs.rows()), m = static_cast<Index>(base.costs.cols());
    const auto done = static_cast<double>(f.scenarios);
    Eigen::VectorXd npv = Eigen::VectorXd::Zero(n);
    Eigen::VectorXd cost = Eigen::VectorXd::Zero(n * m);
    for (Index b = 0; b < f.npv_block_sums.rows(); ++b) {
        npv += f.npv_block_sums.row(b).transpose();
        cost += f.cost_block_sums.row(b).transpose();
    }
    f.mean_npv = npv / done;
    f.frequency.resize(n);
    for (Index i = 0; i < n; ++i) {
        long long count = 0;
        for (Index k = 0; k < f.selected.rows(); ++k) count += f.selected(k, i);
        f.frequency(i) = static_cast<double>(count) / done;
    }
    SelectionProblem e = base;
    e.values = f.mean_npv;
    e.costs = Eigen::Map<const Eigen::MatrixXd>(cost.data(), n, m) / done;
    sel.start = f.planned_selection;
    sel.time_limit = time_left;
    const SelectionResult best = select_portfolio(e, sel);
    f.expected_selection = best.selected;
    f.expected_value = best.value;
    f.expected_proven = best.proven;
}

ALIGNGRAPH_INLINE void check_robust_options(const RobustOptions& o, const char* what) {
    if (!(o.time_limit > 0)) throw ValidationError(fmt::format("{}: time limit {} s, expected > 0", what, o.time_limit));
    if (!(o.solve_time_limit > 0))
        throw ValidationError(fmt::format("{}: solve time limit {} s, expected > 0", what, o.solve_time_limit));
}

}  // namespace detail

ALIGNGRAPH_INLINE SelectionFrequency selection_frequency(const Portfolio& p, const RobustOptions& o) {
    const auto t0 = std::chrono::steady_clock::now();
    if (o.scenarios < 1) throw ValidationError(fmt::format("selection_frequency(): {} scenarios, expected at least 1", o.scenarios));
    if (o.first < 0) throw ValidationError(fmt::format("selection_frequency(): first scenario {}, expected >= 0", o.first));
    detail::check_robust_options(o, "selection_frequency()");
    p.check();
    const Index n = p.initiative_count();
    detail::Limits limits(o.time_limit, std::numeric_limits<long long>::max(), &o.cancel, t0);
    const auto left = [&] {
        return std::min(o.solve_time_limit,
                        std::max(1e-3, o.time_limit - std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count()));
    };

    const RiskResult mc = detail::scenario_draws(p, o.scenario, o.scenarios, o.seed, o.first, o.cancel);

    OptimizeOptions so;
    so.objective = Objective::npv;
    so.scenario = o.scenario;
    const SelectionProblem base = selection_problem(p, so);
    SelectionOptions sel;
    sel.explain = false;
    sel.cancel = o.cancel;
    sel.cancel.progress = nullptr;  // the study reports its scenarios, not each solve's nodes
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
    const Index m = static_cast<Index>(base.costs.cols());
    constexpr long long B = SelectionFrequency::block_size;
    const auto block_of = [&](long long k) { return static_cast<Index>((o.first + k) / B - o.first / B); };
    detail::check_memory(fmt::format("the selections of {} scenarios x {} initiatives", K, n),
                         static_cast<double>(K) * static_cast<double>(n) + 8.0 * static_cast<double>(block_of(K - 1) + 1) *
                                                                                 static_cast<double>(n) * static_cast<double>(m + 1));
    f.selected = Eigen::Matrix<std::uint8_t, Eigen::Dynamic, Eigen::Dynamic>::Zero(K, n);
    f.optimum = Eigen::VectorXd::Zero(K);
    f.npv_block_sums = Eigen::MatrixXd::Zero(block_of(K - 1) + 1, n);
    f.cost_block_sums = Eigen::MatrixXd::Zero(block_of(K - 1) + 1, n * m);

    Eigen::VectorXi starts(n);
    for (Index i = 0; i < n; ++i) starts(i) = static_cast<int>(p.starts()(i));
    SelectionProblem s = base;
    std::vector<double> multiplier(static_cast<std::size_t>(n));
    std::vector<int> shift(static_cast<std::size_t>(n));
    SearchMemory memory;  // pseudocosts only: every scenario has its own values and costs
    memory.keep_root = false;
    std::vector<Index> start = planned.selected;
    long long done = 0;
    for (long long k = 0; k < K; ++k) {
        limits.progress("selection_frequency", k, K);
        if (k > 0 && limits.reached()) {
            f.stop_reason = limits.reason();
            break;
        }
        if (k > 0 && (o.first + k) % B == 0) {  // a new block starts afresh, as it would in a chunk of its own
            start = planned.selected;
            memory = SearchMemory{};
            memory.keep_root = false;
        }
        for (Index i = 0; i < n; ++i) {
            multiplier[static_cast<std::size_t>(i)] = mc.item_cost_samples(k, i);
            shift[static_cast<std::size_t>(i)] = mc.item_shift_samples(k, i);
        }
        s.values = mc.item_npv_samples.row(k).transpose();
        detail::scenario_costs(base, starts, multiplier.data(), shift.data(), s.costs);
        const Index b = block_of(k);
        f.npv_block_sums.row(b) += s.values.transpose();
        f.cost_block_sums.row(b) += Eigen::Map<const Eigen::RowVectorXd>(s.costs.data(), n * m);
        sel.start = start;
        sel.time_limit = left();
        const SelectionResult r = select_portfolio(s, sel, &memory);
        if (r.proven) ++f.proven;
        for (Index i : r.selected) f.selected(k, i) = 1;
        f.optimum(k) = r.value;
        start = r.selected;
        ++done;
    }
    limits.progress("selection_frequency", done, K, true);
    if (done == 0) throw NoSolutionError("selection_frequency(): stopped before the first scenario");
    f.scenarios = done;
    if (done < K) {
        f.selected.conservativeResize(done, n);
        f.optimum.conservativeResize(done);
        f.npv_block_sums.conservativeResize(block_of(done - 1) + 1, n);
        f.cost_block_sums.conservativeResize(block_of(done - 1) + 1, n * m);
    }
    detail::finish_selection_frequency(f, base, sel, left());
    f.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return f;
}

ALIGNGRAPH_INLINE SelectionFrequency join_selection_frequency(const Portfolio& p, const std::vector<SelectionFrequency>& parts,
                                                              const RobustOptions& o) {
    const auto t0 = std::chrono::steady_clock::now();
    const char* what = "join_selection_frequency()";
    if (parts.empty()) throw ValidationError(fmt::format("{}: no parts to join", what));
    detail::check_robust_options(o, what);
    p.check();
    const SelectionFrequency& a = parts.front();
    const Index n = p.initiative_count();
    constexpr long long B = SelectionFrequency::block_size;
    if (a.ids != p.initiative_ids()) throw ValidationError(fmt::format("{}: part 0 is of another model (other initiatives)", what));
    long long total = 0, proven = 0;
    Index blocks = 0;
    double seconds = 0;
    for (std::size_t j = 0; j < parts.size(); ++j) {
        const SelectionFrequency& x = parts[j];
        if (x.ids != a.ids) throw ValidationError(fmt::format("{}: part {} is of another model (other initiatives)", what, j));
        if (x.seed != a.seed) throw ValidationError(fmt::format("{}: part {} has seed {}, part 0 seed {}", what, j, x.seed, a.seed));
        if (x.scenario != a.scenario)
            throw ValidationError(fmt::format("{}: part {} is of scenario '{}', part 0 of '{}'", what, j, x.scenario, a.scenario));
        if (x.scenarios < 1 || x.selected.rows() != x.scenarios || x.selected.cols() != n || x.optimum.size() != x.scenarios ||
            x.npv_block_sums.cols() != n || x.cost_block_sums.rows() != x.npv_block_sums.rows() ||
            x.npv_block_sums.rows() != (x.first + x.scenarios - 1) / B - x.first / B + 1)
            throw ValidationError(fmt::format("{}: part {} is not a whole result (its arrays do not match its {} scenarios)", what, j,
                                              x.scenarios));
        if (x.cost_block_sums.cols() != a.cost_block_sums.cols())
            throw ValidationError(fmt::format("{}: part {} has other budget rows than part 0", what, j));
        if (j > 0) {
            const SelectionFrequency& y = parts[j - 1];
            const long long end = y.first + y.scenarios;
            if (x.first != end)
                throw ValidationError(fmt::format("{}: part {} starts at scenario {}, expected {} (where part {} ended{})", what, j, x.first,
                                                  end, j - 1, y.stop_reason != StopReason::none ? ", stopped early" : ""));
            if (end % B != 0)
                throw ValidationError(fmt::format("{}: part {} ends at scenario {}, inside a block of {} (chunks end at multiples of {})",
                                                  what, j - 1, end, B, B));
        }
        total += x.scenarios;
        proven += x.proven;
        blocks += static_cast<Index>(x.npv_block_sums.rows());
        seconds += x.seconds;
    }
    SelectionFrequency f;
    f.ids = a.ids;
    f.currency = a.currency;
    f.scenario = a.scenario;
    f.seed = a.seed;
    f.first = a.first;
    f.scenarios = total;
    f.proven = proven;
    f.stop_reason = parts.back().stop_reason;
    f.planned_npv = a.planned_npv;
    f.planned_selection = a.planned_selection;
    f.selected.resize(total, n);
    f.optimum.resize(total);
    f.npv_block_sums.resize(blocks, n);
    f.cost_block_sums.resize(blocks, a.cost_block_sums.cols());
    long long at = 0;
    Index b = 0;
    for (const SelectionFrequency& x : parts) {
        f.selected.middleRows(at, x.scenarios) = x.selected;
        f.optimum.segment(at, x.scenarios) = x.optimum;
        f.npv_block_sums.middleRows(b, x.npv_block_sums.rows()) = x.npv_block_sums;
        f.cost_block_sums.middleRows(b, x.cost_block_sums.rows()) = x.cost_block_sums;
        at += x.scenarios;
        b += static_cast<Index>(x.npv_block_sums.rows());
    }

    OptimizeOptions so;
    so.objective = Objective::npv;
    so.scenario = a.scenario;
    const SelectionProblem base = selection_problem(p, so);
    if (base.costs.size() != a.cost_block_sums.cols())
        throw ValidationError(fmt::format("{}: the parts have {} budget cells, the model {}", what, a.cost_block_sums.cols(), base.costs.size()));
    SelectionOptions sel;
    sel.explain = false;
    sel.cancel = o.cancel;
    detail::finish_selection_frequency(f, base, sel, std::max(1e-3, std::min(o.solve_time_limit, o.time_limit)));
    f.seconds = seconds + std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return f;
}

}  // namespace aligngraph
