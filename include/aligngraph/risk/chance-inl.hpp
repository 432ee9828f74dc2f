#pragma once
// Chance-constrained budgets (chance.hpp): sample average approximation, solved by the
// selection solver over a relaxation with cover cuts.

#include "aligngraph/risk/chance.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <numeric>

#include "aligngraph/detail/limits.hpp"
#include "aligngraph/detail/selection_links.hpp"
#include "aligngraph/detail/text.hpp"
#include "aligngraph/error.hpp"
#include "aligngraph/memory.hpp"
#include "aligngraph/risk/detail/scenario_draws.hpp"
#include "aligngraph/risk/detail/scenarios.hpp"
#include "aligngraph/risk/portfolio_risk.hpp"
#include "aligngraph/selection/portfolio_selection.hpp"

namespace aligngraph {

namespace detail {

// A set of initiatives' spend on every budget row in every scenario, and how often it is
// over: the chance constraints of one problem.
class ChanceRows {
public:
    // cost[r]: scenarios x n, each initiative's cost on row r in each scenario.
    ChanceRows(const std::vector<Eigen::MatrixXd>& cost, const Eigen::VectorXd& limits, long long allowed, bool joint)
        : cost_(cost), limits_(limits), allowed_(allowed), joint_(joint),
          spend_(Eigen::MatrixXd::Zero(cost.empty() ? 0 : cost[0].rows(), static_cast<Index>(cost.size()))),
          rows_of_(static_cast<std::size_t>(cost.empty() ? 0 : cost[0].cols())) {
        for (std::size_t r = 0; r < cost.size(); ++r)
            for (Index i = 0; i < cost[r].cols(); ++i)
                if ((cost[r].col(i).array() != 0).any()) rows_of_[static_cast<std::size_t>(i)].push_back(static_cast<Index>(r));
    }

    Index scenarios() const { return spend_.rows(); }
    Index rows() const { return spend_.cols(); }
    bool uses(Index i, Index r) const { return std::ranges::find(rows_of_[static_cast<std::size_t>(i)], r) != rows_of_[static_cast<std::size_t>(i)].end(); }
    const std::vector<Index>& rows_of(Index i) const { return rows_of_[static_cast<std::size_t>(i)]; }

    // Count initiative i in (sign 1) or out (sign -1).
    void add(Index i, double sign = 1) {
        for (Index r : rows_of_[static_cast<std::size_t>(i)]) spend_.col(r) += sign * cost_[static_cast<std::size_t>(r)].col(i);
    }
    void clear() { spend_.setZero(); }
    void set(const std::vector<Index>& selection) {
        clear();
        for (Index i : selection) add(i);
    }

    bool over(double spend, Index r) const { return spend > limits_(r) + 1e-9 * std::max(1.0, limits_(r)); }
    // Scenarios in which row r is over, with `minus` (an initiative, or -1) taken out.
    long long over_count(Index r, Index minus = -1) const {
        long long c = 0;
        for (Index s = 0; s < scenarios(); ++s)
            c += over(spend_(s, r) - (minus >= 0 ? cost_[static_cast<std::size_t>(r)](s, minus) : 0.0), r);
        return c;
    }
    // Scenarios in which some row is over, with `minus` taken out.
    long long any_over_count(Index minus = -1) const {
        long long c = 0;
        for (Index s = 0; s < scenarios(); ++s) {
            bool any = false;
            for (Index r = 0; r < rows() && !any; ++r)
                any = over(spend_(s, r) - (minus >= 0 ? cost_[static_cast<std::size_t>(r)](s, minus) : 0.0), r);
            c += any;
        }
        return c;
    }
    // The rows whose chance constraint is broken (joint: every row over in some scenario, when
    // too many scenarios are over somewhere).
    std::vector<Index> broken() const {
        std::vector<Index> out;
        if (joint_) {
            if (any_over_count() <= allowed_) return out;
            for (Index r = 0; r < rows(); ++r)
                if (over_count(r) > 0) out.push_back(r);
            return out;
        }
        for (Index r = 0; r < rows(); ++r)
            if (over_count(r) > allowed_) out.push_back(r);
        return out;
    }
    bool feasible() const {
        if (joint_) return any_over_count() <= allowed_;
        for (Index r = 0; r < rows(); ++r)
            if (over_count(r) > allowed_) return false;
        return true;
    }
    // Whether the set stays infeasible without initiative i (on row r; joint: any row).
    bool infeasible_without(Index i, Index r) const { return joint_ ? any_over_count(i) > allowed_ : over_count(r, i) > allowed_; }

private:
    const std::vector<Eigen::MatrixXd>& cost_;
    const Eigen::VectorXd& limits_;
    long long allowed_;
    bool joint_;
    Eigen::MatrixXd spend_;  // scenarios x rows
    std::vector<std::vector<Index>> rows_of_;
};

}  // namespace detail

ALIGNGRAPH_INLINE ChanceConstrained chance_constrained(const Portfolio& p, const ChanceOptions& o) {
    const auto t0 = std::chrono::steady_clock::now();
    if (!(o.alpha >= 0 && o.alpha < 1)) throw ValidationError(fmt::format("chance_constrained(): alpha {}, expected 0 <= alpha < 1", o.alpha));
    if (o.scenarios < 1) throw ValidationError(fmt::format("chance_constrained(): {} scenarios, expected at least 1", o.scenarios));
    if (o.fresh < 0) throw ValidationError(fmt::format("chance_constrained(): {} fresh samples, expected >= 0", o.fresh));
    if (o.first < 0) throw ValidationError(fmt::format("chance_constrained(): first scenario {}, expected >= 0", o.first));
    if (!(o.time_limit > 0)) throw ValidationError(fmt::format("chance_constrained(): time limit {} s, expected > 0", o.time_limit));
    p.check();
    const Index n = p.initiative_count();
    const long long S = o.scenarios, F = o.fresh;
    detail::Limits limits(o.time_limit, std::numeric_limits<long long>::max(), &o.cancel, t0);
    const auto left = [&] { return std::max(1e-3, o.time_limit - std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count()); };

    // The scenarios and the fresh samples after them.
    const RiskResult mc = detail::scenario_draws(p, o.scenario, S + F, o.seed, o.first, o.cancel);
    if (mc.samples < S + F) throw NoSolutionError("chance_constrained(): stopped while sampling the scenarios");

    OptimizeOptions so;
    so.objective = Objective::npv;
    so.scenario = o.scenario;
    const SelectionProblem base = selection_problem(p, so);
    const Index m = base.costs.cols();
    Eigen::VectorXi starts(n);
    for (Index i = 0; i < n; ++i) starts(i) = static_cast<int>(p.starts()(i));
    std::vector<double> multiplier(static_cast<std::size_t>(n));
    std::vector<int> shift(static_cast<std::size_t>(n));
    Eigen::MatrixXd scenario_cost;
    const auto costs_of = [&](long long k) {
        for (Index i = 0; i < n; ++i) {
            multiplier[static_cast<std::size_t>(i)] = mc.item_cost_samples(k, i);
            shift[static_cast<std::size_t>(i)] = mc.item_shift_samples(k, i);
        }
        detail::scenario_costs(base, starts, multiplier.data(), shift.data(), scenario_cost);
    };
    detail::check_memory(fmt::format("the costs of {} scenarios x {} initiatives x {} budget rows", S, n, m),
                         static_cast<double>(S) * static_cast<double>(n) * static_cast<double>(m) * 8);
    std::vector<Eigen::MatrixXd> cost(static_cast<std::size_t>(m), Eigen::MatrixXd::Zero(S, n));
    for (long long k = 0; k < S; ++k) {
        costs_of(k);
        for (Index r = 0; r < m; ++r) cost[static_cast<std::size_t>(r)].row(k) = scenario_cost.col(r).transpose();
    }
    const Eigen::VectorXd values = mc.item_npv_samples.topRows(S).colwise().mean().transpose();

    ChanceConstrained c;
    c.ids = p.initiative_ids();
    c.currency = p.settings().currency;
    c.scenario = o.scenario;
    c.seed = o.seed;
    c.first = o.first;
    c.scenarios = S;
    c.fresh = F;
    c.alpha = o.alpha;
    c.joint = o.joint;
    c.allowed = static_cast<long long>(std::floor(o.alpha * static_cast<double>(S) + 1e-9));
    c.budget_names = base.budget_names;
    c.pools = base.pools;
    c.periods = base.periods;
    c.limits = base.budgets;

    const detail::SelectionLinks links(base);
    detail::ChanceRows rows(cost, c.limits, c.allowed, o.joint);
    // Each initiative's mean cost per row, for the repair's and the cuts' order.
    Eigen::MatrixXd mean_cost(n, m);
    for (Index r = 0; r < m; ++r) mean_cost.col(r) = cost[static_cast<std::size_t>(r)].colwise().mean().transpose();

    // What is in whatever happens: the forced initiatives and their prerequisites.
    std::vector<char> locked(static_cast<std::size_t>(n), 0), barred(static_cast<std::size_t>(n), 0);
    const auto forced = detail::reach(base.forced_in, links.prerequisites, [](Index) { return true; });
    for (Index i : forced) locked[static_cast<std::size_t>(i)] = 1;
    for (Index i : detail::reach(base.forced_out, links.dependants, [](Index) { return true; })) barred[static_cast<std::size_t>(i)] = 1;
    {
        std::vector<Index> f = forced;
        std::ranges::sort(f);
        rows.set(f);
        const auto broken = rows.broken();
        if (!broken.empty()) {
            // The row broken most often.
            const Index r = *std::ranges::max_element(broken, {}, [&](Index row) { return rows.over_count(row); });
            const long long over = o.joint ? rows.any_over_count() : rows.over_count(r);
            throw InfeasibleError(fmt::format(
                "chance_constrained(): the forced initiatives ({}) alone break {} in {} of {} scenarios ({:.1f}%), more than alpha = {:g} allows ({})",
                detail::id_list(c.ids, f), o.joint ? "some budget" : fmt::format("budget '{}'", c.budget_names[static_cast<std::size_t>(r)]),
                over, S, 100.0 * static_cast<double>(over) / static_cast<double>(S), o.alpha, c.allowed));
        }
    }

    // The relaxation of each chance constraint: in the scenarios where the row holds (at least
    // S - allowed of them), the mean spend is within the limit, and it is at least each
    // initiative's mean cost over its S - allowed cheapest scenarios (every one of them, joint).
    SelectionProblem master = base;
    master.pools.clear();
    master.periods.clear();
    master.total_pools.clear();
    master.values = values;
    master.costs.resize(n, m);
    {
        const long long keep = S - c.allowed;
        std::vector<double> column(static_cast<std::size_t>(S));
        for (Index r = 0; r < m; ++r)
            for (Index i = 0; i < n; ++i) {
                const auto& col = cost[static_cast<std::size_t>(r)].col(i);
                std::copy(col.data(), col.data() + S, column.begin());
                std::nth_element(column.begin(), column.begin() + (keep - 1), column.end());
                double sum = 0;
                for (long long k = 0; k < keep; ++k) sum += column[static_cast<std::size_t>(k)];
                master.costs(i, r) = sum / static_cast<double>(keep);
            }
    }

    // A cover cut: a set that breaks the chance constraint of row r (joint: of any row), made
    // minimal by dropping its cheapest members while it still breaks it; no more than
    // |C| - 1 of its members together.
    const auto add_cover = [&](const std::vector<Index>& selection, Index r) {
        std::vector<Index> cover;
        for (Index i : selection)
            if (o.joint ? !rows.rows_of(i).empty() : rows.uses(i, r)) cover.push_back(i);
        const auto weight = [&](Index i) { return o.joint ? mean_cost.row(i).sum() : mean_cost(i, r); };
        std::ranges::stable_sort(cover, [&](Index a, Index b) { return weight(a) < weight(b); });
        std::vector<Index> kept;
        for (Index i : cover)
            if (rows.infeasible_without(i, r)) rows.add(i, -1);
            else kept.push_back(i);
        for (Index i : cover)
            if (std::ranges::find(kept, i) == kept.end()) rows.add(i);  // back to the selection's spend
        const Index k = master.costs.cols();
        master.costs.conservativeResize(Eigen::NoChange, k + 1);
        master.costs.col(k).setZero();
        for (Index i : kept) master.costs(i, k) = 1;
        master.budgets.conservativeResize(k + 1);
        master.budgets(k) = static_cast<double>(kept.size()) - 1;
        master.budget_names.push_back(fmt::format("cover {}", ++c.cuts));
    };

    // A selection that breaks a chance constraint made into one that meets them all: drop
    // the weakest value per unit of mean cost on the broken rows (with its dependants), then
    // add back the best value that still fits (with its prerequisites).
    std::vector<char> in(static_cast<std::size_t>(n), 0);
    const auto repaired = [&](const std::vector<Index>& selection) {
        std::ranges::fill(in, 0);
        for (Index i : selection) in[static_cast<std::size_t>(i)] = 1;
        rows.set(selection);
        for (auto broken = rows.broken(); !broken.empty(); broken = rows.broken()) {
            double best = std::numeric_limits<double>::infinity();
            std::vector<Index> drop;
            for (Index i = 0; i < n; ++i) {
                if (!in[static_cast<std::size_t>(i)] || locked[static_cast<std::size_t>(i)]) continue;
                const auto group = detail::reach(i, links.dependants, [&](Index d) { return in[static_cast<std::size_t>(d)] != 0; });
                if (std::ranges::any_of(group, [&](Index g) { return locked[static_cast<std::size_t>(g)] != 0; })) continue;
                double value = 0, use = 0;
                for (Index g : group) {
                    value += values(g);
                    for (Index r : broken) use += mean_cost(g, r);
                }
                if (use <= 0) continue;
                const double score = value / use;
                if (score < best) {
                    best = score;
                    drop = group;
                }
            }
            if (drop.empty()) break;  // cannot happen: the forced set alone meets every constraint
            for (Index g : drop) {
                in[static_cast<std::size_t>(g)] = 0;
                rows.add(g, -1);
            }
        }
        std::vector<Index> order(static_cast<std::size_t>(n));
        std::iota(order.begin(), order.end(), Index{0});
        std::ranges::stable_sort(order, [&](Index a, Index b) { return values(a) > values(b); });
        for (Index i : order) {
            if (in[static_cast<std::size_t>(i)] || barred[static_cast<std::size_t>(i)]) continue;
            const auto group = detail::reach(i, links.prerequisites, [&](Index q) { return in[static_cast<std::size_t>(q)] == 0; });
            double value = 0;
            bool ok = true;
            for (Index g : group) {
                value += values(g);
                ok = ok && !barred[static_cast<std::size_t>(g)];
                for (Index a : links.alternatives[static_cast<std::size_t>(g)])
                    ok = ok && !in[static_cast<std::size_t>(a)] && std::ranges::find(group, a) == group.end();
            }
            if (!ok || !(value > 0)) continue;
            for (Index g : group) rows.add(g);
            if (rows.feasible()) {
                for (Index g : group) in[static_cast<std::size_t>(g)] = 1;
            } else {
                for (Index g : group) rows.add(g, -1);
            }
        }
        std::vector<Index> out;
        for (Index i = 0; i < n; ++i)
            if (in[static_cast<std::size_t>(i)]) out.push_back(i);
        return out;
    };
    const auto value_of = [&](const std::vector<Index>& selection) {
        double v = 0;
        for (Index i : selection) v += values(i);
        return v;
    };

    SelectionOptions sel;
    sel.explain = false;
    sel.cancel = o.cancel;
    SearchMemory memory;
    std::vector<Index> incumbent;
    double incumbent_value = -std::numeric_limits<double>::infinity();
    double bound = std::numeric_limits<double>::infinity();
    const auto take = [&](std::vector<Index> candidate) {
        const double v = value_of(candidate);
        if (v > incumbent_value) {
            incumbent_value = v;
            incumbent = std::move(candidate);
        }
    };
    for (;;) {
        if (c.solves > 0 && limits.reached()) {
            c.stop_reason = limits.reason();
            break;
        }
        sel.start = incumbent;
        sel.time_limit = left();
        const SelectionResult r = select_portfolio(master, sel, &memory);
        ++c.solves;
        bound = std::min(bound, r.upper_bound);
        rows.set(r.selected);
        const auto broken = rows.broken();
        if (broken.empty()) {
            take(r.selected);
            if (!r.proven) c.stop_reason = r.stop_reason;
            c.proven = r.proven;
            if (r.proven) bound = std::min(bound, r.value);
            break;
        }
        if (o.joint) add_cover(r.selected, broken.front());
        else
            for (Index row : broken) add_cover(r.selected, row);
        take(repaired(r.selected));
        if (!r.proven) {
            c.stop_reason = r.stop_reason;
            break;
        }
        if (incumbent_value >= bound - 1e-9 * std::max(1.0, std::abs(bound))) {
            c.proven = true;
            break;
        }
    }
    if (incumbent_value == -std::numeric_limits<double>::infinity()) throw NoSolutionError("chance_constrained(): stopped before a portfolio was found");
    c.selected = incumbent;
    c.expected_value = incumbent_value;
    c.bound = c.proven ? incumbent_value : std::max(bound, incumbent_value);
    c.gap = c.proven ? 0.0 : (c.bound - c.expected_value) / std::max(1.0, std::abs(c.expected_value));
    if (c.proven) c.stop_reason = StopReason::none;

    // How often it breaks each row: in the sample, and on the fresh samples beside the planned optimum.
    rows.set(c.selected);
    c.sample_over.resize(m);
    for (Index r = 0; r < m; ++r) c.sample_over(r) = static_cast<double>(rows.over_count(r)) / static_cast<double>(S);
    c.sample_any_over = static_cast<double>(rows.any_over_count()) / static_cast<double>(S);

    sel.start.clear();
    sel.time_limit = left();
    const SelectionResult planned = select_portfolio(base, sel);
    c.planned_selection = planned.selected;
    c.planned_expected_value = value_of(planned.selected);
    rows.set(c.planned_selection);
    c.planned_sample_over.resize(m);
    for (Index r = 0; r < m; ++r) c.planned_sample_over(r) = static_cast<double>(rows.over_count(r)) / static_cast<double>(S);
    c.planned_sample_any_over = static_cast<double>(rows.any_over_count()) / static_cast<double>(S);

    const double nan = std::numeric_limits<double>::quiet_NaN();
    c.fresh_value = c.planned_fresh_value = c.fresh_any_over = c.planned_fresh_any_over = nan;
    if (F > 0) {
        Eigen::VectorXd over = Eigen::VectorXd::Zero(m), planned_over = Eigen::VectorXd::Zero(m);
        long long any = 0, planned_any = 0;
        double value = 0, planned_value = 0;
        const auto count = [&](const std::vector<Index>& selection, Eigen::VectorXd& per_row, long long& any_row, double& npv, long long k) {
            Eigen::VectorXd spend = Eigen::VectorXd::Zero(m);
            for (Index i : selection) {
                spend += scenario_cost.row(i).transpose();
                npv += mc.item_npv_samples(k, i);
            }
            bool some = false;
            for (Index r = 0; r < m; ++r)
                if (rows.over(spend(r), r)) {
                    per_row(r) += 1;
                    some = true;
                }
            any_row += some;
        };
        for (long long k = S; k < S + F; ++k) {
            costs_of(k);
            count(c.selected, over, any, value, k);
            count(c.planned_selection, planned_over, planned_any, planned_value, k);
        }
        const auto Fd = static_cast<double>(F);
        c.fresh_over = over / Fd;
        c.planned_fresh_over = planned_over / Fd;
        c.fresh_over_low.resize(m);
        c.fresh_over_high.resize(m);
        for (Index r = 0; r < m; ++r) std::tie(c.fresh_over_low(r), c.fresh_over_high(r)) = detail::wilson_interval(c.fresh_over(r), Fd);
        c.fresh_any_over = static_cast<double>(any) / Fd;
        c.planned_fresh_any_over = static_cast<double>(planned_any) / Fd;
        c.fresh_value = value / Fd;
        c.planned_fresh_value = planned_value / Fd;
    }
    c.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return c;
}

}  // namespace aligngraph
