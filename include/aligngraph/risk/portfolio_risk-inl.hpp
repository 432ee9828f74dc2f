#pragma once
// Risk analysis of a model's portfolio (portfolio_risk.hpp).

#include "aligngraph/risk/portfolio_risk.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

#include "aligngraph/error.hpp"
#include "aligngraph/finance/cashflows.hpp"
#include "aligngraph/schedule/roadmap.hpp"
#include "aligngraph/selection/portfolio_selection.hpp"

namespace aligngraph {

ALIGNGRAPH_INLINE RiskProblem risk_problem(const Portfolio& p, const std::vector<Index>& initiatives, const std::vector<Period>& starts,
                                           const std::string& scenario_id) {
    p.check();
    const Scenario* scenario = nullptr;
    if (!scenario_id.empty()) {
        for (const auto& s : p.scenarios())
            if (s.id == scenario_id) scenario = &s;
        if (!scenario) throw ValidationError(fmt::format("simulate(): unknown scenario '{}'", scenario_id));
    }
    const Index P = p.horizon().periods;
    const auto n = static_cast<Index>(initiatives.size());
    if (!starts.empty() && static_cast<Index>(starts.size()) != n)
        throw ValidationError(fmt::format("risk_problem(): {} starts for {} initiatives", starts.size(), n));
    std::vector<Index> item_of(static_cast<std::size_t>(p.initiative_count()), -1);
    for (Index k = 0; k < n; ++k) {
        const Index i = initiatives[static_cast<std::size_t>(k)];
        if (i < 0 || i >= p.initiative_count()) throw ValidationError(fmt::format("risk_problem(): initiative {} out of range", i));
        if (item_of[static_cast<std::size_t>(i)] >= 0)
            throw ValidationError(fmt::format("risk_problem(): '{}' is listed twice", p.initiative_ids()[static_cast<std::size_t>(i)]));
        item_of[static_cast<std::size_t>(i)] = k;
    }
    const double overrun = scenario && scenario->cost_overrun ? *scenario->cost_overrun : 1.0;
    const double factor = scenario && scenario->budget_factor ? *scenario->budget_factor : 1.0;
    const Rate yearly = scenario && scenario->discount_rate ? *scenario->discount_rate : p.settings().discount_rate;

    RiskProblem q;
    q.horizon = static_cast<Periods>(P);
    q.rate = period_rate(yearly, p.horizon().period_years);
    q.currency = p.settings().currency;
    q.scenario = scenario_id;
    for (Index t = 0; t < P; ++t) q.periods.push_back(p.horizon().label(static_cast<Period>(t)));
    // How far each is moved from its planned start, and so how long the flows run.
    std::vector<Index> moved(static_cast<std::size_t>(n), 0);
    Index width = P;
    for (Index k = 0; k < n; ++k) {
        const Index i = initiatives[static_cast<std::size_t>(k)];
        if (!starts.empty()) moved[static_cast<std::size_t>(k)] = starts[static_cast<std::size_t>(k)] - p.starts()(i);
        width = std::max(width, P + moved[static_cast<std::size_t>(k)]);
    }
    // A row moved by d periods: what was in period t is in t + d (flows before the planned start stay).
    const auto place = [&](const auto& row, Index i, Index d) {
        Eigen::RowVectorXd out = Eigen::RowVectorXd::Zero(width);
        const Index s = p.starts()(i);
        for (Index t = 0; t < row.size(); ++t) {
            const Index to = t >= s ? t + d : t;
            if (to >= 0 && to < out.size()) out(to) += row(t);
        }
        return out;
    };
    q.costs = Eigen::MatrixXd::Zero(n, width);
    q.benefits = Eigen::MatrixXd::Zero(n, width);
    const FlowMatrix costs = overrun * p.costs();
    for (Index k = 0; k < n; ++k) {
        const Index i = initiatives[static_cast<std::size_t>(k)];
        const Index d = moved[static_cast<std::size_t>(k)];
        const auto& in = p.initiative(i);
        q.ids.push_back(in.id);
        q.starts.push_back(static_cast<Period>(p.starts()(i) + d));
        q.durations.push_back(static_cast<Periods>(p.durations()(i)));
        q.costs.row(k) = place(costs.row(i), i, d);
        q.benefits.row(k) = place(p.benefits().row(i), i, d);
        q.uncertainty.push_back(in.uncertainty.value_or(Uncertainty{}));
        q.started.push_back(in.status == Status::running || in.status == Status::completed);
    }
    // Resources: the budgets and teams some initiative uses.
    for (Index b = 0; b < p.budget_count(); ++b) {
        const FlowMatrix counted = overrun * p.budget_costs(b);
        Eigen::MatrixXd u = Eigen::MatrixXd::Zero(n, P);
        for (Index k = 0; k < n; ++k) {
            const Index i = initiatives[static_cast<std::size_t>(k)];
            u.row(k) = place(counted.row(i), i, moved[static_cast<std::size_t>(k)]).head(P);
        }
        if (!(u.array() > 0).any()) continue;
        const auto& budget = p.budgets()[static_cast<std::size_t>(b)];
        q.usage.push_back(std::move(u));
        q.scales_with_cost.push_back(true);
        q.resources.push_back("budget " + budget.id);
        q.resource_kinds.push_back("budget");
        q.resource_ids.push_back(budget.id);
    }
    const Index budgets = static_cast<Index>(q.usage.size());
    std::vector<Eigen::MatrixXd> team_use(static_cast<std::size_t>(p.team_count()), Eigen::MatrixXd::Zero(n, P));
    for (const auto& d : p.demands()) {
        const Index k = item_of[static_cast<std::size_t>(d.initiative)];
        if (k < 0) continue;
        const Index s = q.starts[static_cast<std::size_t>(k)];
        for (std::size_t t = 0; t < d.per_period.size(); ++t)
            if (s + static_cast<Index>(t) < P) team_use[static_cast<std::size_t>(d.team)](k, s + static_cast<Index>(t)) = d.per_period[t];
    }
    for (Index t = 0; t < p.team_count(); ++t) {
        auto& u = team_use[static_cast<std::size_t>(t)];
        if (!(u.array() > 0).any()) continue;
        const auto& team = p.teams()[static_cast<std::size_t>(t)];
        q.usage.push_back(std::move(u));
        q.scales_with_cost.push_back(false);
        q.resources.push_back("team " + team.id);
        q.resource_kinds.push_back("team");
        q.resource_ids.push_back(team.id);
    }
    const auto R = static_cast<Index>(q.usage.size());
    q.capacity.resize(R, P);
    for (Index r = 0; r < R; ++r) {
        if (r < budgets) {
            const auto budget = *p.find_budget(q.resource_ids[static_cast<std::size_t>(r)]);
            for (Index t = 0; t < P; ++t) q.capacity(r, t) = factor * p.budgets()[static_cast<std::size_t>(budget)].limits[static_cast<std::size_t>(t)];
        } else {
            const auto team = *p.find_team(q.resource_ids[static_cast<std::size_t>(r)]);
            for (Index t = 0; t < P; ++t) q.capacity(r, t) = p.teams()[static_cast<std::size_t>(team)].capacity[static_cast<std::size_t>(t)];
        }
    }
    // Precedences, correlations and events among the initiatives given.
    for (const auto& r : p.requirements()) {
        const Index d = item_of[static_cast<std::size_t>(r.dependant)], pre = item_of[static_cast<std::size_t>(r.prerequisite)];
        if (d < 0) continue;
        if (pre < 0)
            throw ValidationError(fmt::format("simulate(): '{}' requires '{}', which is not in the selection",
                                              p.initiative_ids()[static_cast<std::size_t>(r.dependant)],
                                              p.initiative_ids()[static_cast<std::size_t>(r.prerequisite)]));
        q.precedences.push_back({.dependant = d, .prerequisite = pre, .lag = r.lag});
    }
    const auto members = [&](const std::vector<std::string>& ids) {
        std::vector<Index> out;
        for (const auto& id : ids)
            if (const Index k = item_of[static_cast<std::size_t>(p.initiative_index(id))]; k >= 0) out.push_back(k);
        return out;
    };
    for (const auto& c : p.correlations())
        if (auto items = members(c.initiatives); items.size() >= 2) q.correlations.push_back({std::move(items), c.coefficient, c.on});
    for (const auto& e : p.risk_events())
        if (auto items = members(e.initiatives); !items.empty()) q.events.push_back({e.id, e.probability, std::move(items), e.cost, e.delay});
    return q;
}

namespace detail {

struct RiskSelection {
    std::vector<Index> initiatives;
    std::vector<Period> starts;
};

ALIGNGRAPH_INLINE RiskSelection risk_selection(const Portfolio& p, const RiskOptions& o) {
    RiskSelection s;
    const auto t0 = std::chrono::steady_clock::now();
    if (!(o.time_limit > 0))  // NaN too
        throw ValidationError(fmt::format("simulate(): time limit {} s (for choosing the portfolio and its roadmap), expected > 0",
                                          o.time_limit));
    if (o.selection) {
        for (const auto& id : *o.selection) {
            const auto i = p.find_initiative(id);
            if (!i) throw ValidationError(fmt::format("simulate(): the selection names unknown initiative '{}'", id));
            s.initiatives.push_back(*i);
        }
        std::sort(s.initiatives.begin(), s.initiatives.end());
    } else {
        OptimizeOptions so;
        so.objective = Objective::npv;
        so.time_limit = o.roadmap ? o.time_limit / 2 : o.time_limit;
        so.scenario = o.scenario;
        so.cancel = o.cancel;
        auto x = so.selection();
        x.explain = false;
        s.initiatives = select_portfolio(selection_problem(p, so), x).selected;
    }
    if (o.roadmap) {
        RoadmapOptions ro;
        ro.scenario = o.scenario;
        ro.cancel = o.cancel;
        ro.explain = false;
        ro.time_limit = std::max(0.0, o.time_limit - std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        std::vector<std::string> ids;
        for (Index i : s.initiatives) ids.push_back(p.initiative_ids()[static_cast<std::size_t>(i)]);
        ro.selection = ids;
        const auto r = roadmap(p, ro);
        for (std::size_t k = 0; k < r.starts.size(); ++k) s.starts.push_back(r.starts[k]);
    }
    return s;
}

}  // namespace detail

ALIGNGRAPH_INLINE RiskProblem risk_problem(const Portfolio& p, const RiskOptions& o) {
    const auto s = detail::risk_selection(p, o);
    return risk_problem(p, s.initiatives, s.starts, o.scenario);
}

ALIGNGRAPH_INLINE RiskResult simulate(const Portfolio& p, const RiskOptions& o) { return simulate(risk_problem(p, o), o); }

}  // namespace aligngraph
