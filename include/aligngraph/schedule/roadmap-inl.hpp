#pragma once
// The roadmap and the plan of a model (roadmap.hpp).

#include "aligngraph/schedule/roadmap.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <set>

#include "aligngraph/error.hpp"
#include "aligngraph/finance/cashflows.hpp"
#include "aligngraph/selection/portfolio_selection.hpp"

namespace aligngraph {

namespace detail {

ALIGNGRAPH_INLINE const Scenario* roadmap_scenario(const Portfolio& p, const std::string& id, std::string_view what) {
    if (id.empty()) return nullptr;
    for (const auto& s : p.scenarios())
        if (s.id == id) return &s;
    throw ValidationError(fmt::format("{}(): unknown scenario '{}'", what, id));
}

}  // namespace detail

ALIGNGRAPH_INLINE ScheduleProblem roadmap_problem(const Portfolio& p, const std::vector<Index>& initiatives,
                                                  const RoadmapOptions& o, bool optional) {
    p.check();
    const Scenario* scenario = detail::roadmap_scenario(p, o.scenario, "roadmap");
    const Index P = p.horizon().periods;
    const auto n = initiatives.size();
    std::vector<Index> job_of(static_cast<std::size_t>(p.initiative_count()), -1);
    for (std::size_t k = 0; k < n; ++k) {
        const Index i = initiatives[k];
        if (i < 0 || i >= p.initiative_count()) throw ValidationError(fmt::format("roadmap(): initiative {} out of range", i));
        if (job_of[static_cast<std::size_t>(i)] >= 0)
            throw ValidationError(fmt::format("roadmap(): '{}' is listed twice", p.initiative_ids()[static_cast<std::size_t>(i)]));
        job_of[static_cast<std::size_t>(i)] = static_cast<Index>(k);
    }
    const auto id = [&](Index i) { return p.initiative_ids()[static_cast<std::size_t>(i)]; };
    const double overrun = scenario && scenario->cost_overrun ? *scenario->cost_overrun : 1.0;
    const double factor = scenario && scenario->budget_factor ? *scenario->budget_factor : 1.0;
    const Rate yearly = scenario && scenario->discount_rate ? *scenario->discount_rate : p.settings().discount_rate;

    ScheduleProblem q;
    q.objective = o.objective;
    q.scenario = o.scenario;
    q.currency = p.settings().currency;
    q.horizon = static_cast<Periods>(P);
    q.rate = period_rate(yearly, p.horizon().period_years);
    q.use_after_finish = true;
    for (Index t = 0; t < P; ++t) q.periods.push_back(p.horizon().label(static_cast<Period>(t)));

    // Resources: the budgets and teams some job uses.
    struct Source {
        bool team;
        Index index;
        FlowMatrix costs;  // budgets: what it counts, n x P
    };
    std::vector<Source> sources;
    for (Index b = 0; b < p.budget_count(); ++b) sources.push_back({false, b, p.budget_costs(b) * overrun});
    for (Index t = 0; t < p.team_count(); ++t) sources.push_back({true, t, {}});
    std::vector<std::vector<std::vector<double>>> demand(n);  // job -> team -> per period
    for (auto& d : demand) d.assign(static_cast<std::size_t>(p.team_count()), {});
    for (const auto& d : p.demands())
        if (job_of[static_cast<std::size_t>(d.initiative)] >= 0)
            demand[static_cast<std::size_t>(job_of[static_cast<std::size_t>(d.initiative)])][static_cast<std::size_t>(d.team)] = d.per_period;
    std::vector<Source> used;
    for (auto& s : sources) {
        bool any = false;
        for (std::size_t k = 0; k < n && !any; ++k) {
            const Index i = initiatives[k];
            if (s.team) {
                for (double x : demand[k][static_cast<std::size_t>(s.index)]) any = any || x > 0;
            } else {
                for (Index t = p.starts()(i); t < P; ++t) any = any || s.costs(i, t) > 0;
            }
        }
        if (any) used.push_back(std::move(s));
    }
    const Index R = static_cast<Index>(used.size());
    q.capacity.resize(R, P);
    for (Index r = 0; r < R; ++r) {
        const auto& s = used[static_cast<std::size_t>(r)];
        if (s.team) {
            const auto& team = p.teams()[static_cast<std::size_t>(s.index)];
            q.resources.push_back("team " + team.id);
            q.resource_kinds.push_back("team");
            q.resource_ids.push_back(team.id);
            for (Index t = 0; t < P; ++t) q.capacity(r, t) = team.capacity[static_cast<std::size_t>(t)];
        } else {
            const auto& budget = p.budgets()[static_cast<std::size_t>(s.index)];
            q.resources.push_back("budget " + budget.id);
            q.resource_kinds.push_back("budget");
            q.resource_ids.push_back(budget.id);
            for (Index t = 0; t < P; ++t) q.capacity(r, t) = factor * budget.limits[static_cast<std::size_t>(t)];
        }
    }

    // Jobs.
    const FlowMatrix net = p.benefits() - overrun * (p.capex() + p.opex());
    std::set<Index> forced_in;
    for (Index i = 0; i < p.initiative_count(); ++i)
        if (p.flags()[static_cast<std::size_t>(i)].mandatory || p.flags()[static_cast<std::size_t>(i)].forced_in) forced_in.insert(i);
    if (scenario)
        for (const auto& f : scenario->forced_in) forced_in.insert(p.initiative_index(f));
    q.weights.resize(static_cast<Index>(n));
    for (std::size_t k = 0; k < n; ++k) {
        const Index i = initiatives[k];
        const Period start = p.starts()(i);
        const Periods d = p.durations()(i);
        q.ids.push_back(id(i));
        q.durations.push_back(d);
        const auto& w = p.windows()[static_cast<std::size_t>(i)];
        const auto status = p.statuses()[static_cast<std::size_t>(i)];
        Period first = w.earliest.value_or(start), last = w.latest.value_or(static_cast<Period>(P) - d);
        if (w.deadline) last = std::min(last, *w.deadline - d);
        if (status == Status::running || status == Status::completed) first = last = start;
        q.earliest.push_back(first);
        q.latest.push_back(last);
        // Use from the planned start on, by offset from it.
        const Index span = std::max<Index>(d, P - start);
        Eigen::MatrixXd u = Eigen::MatrixXd::Zero(R, span);
        for (Index r = 0; r < R; ++r) {
            const auto& s = used[static_cast<std::size_t>(r)];
            if (s.team) {
                const auto& dm = demand[k][static_cast<std::size_t>(s.index)];
                for (std::size_t t = 0; t < dm.size() && static_cast<Index>(t) < span; ++t) u(r, static_cast<Index>(t)) = dm[t];
            } else {
                for (Index t = start; t < P; ++t) u(r, t - start) = s.costs(i, t);
            }
        }
        // Trim the periods after the last use (past the duration).
        Index keep = span;
        while (keep > d && (u.col(keep - 1).array() == 0).all()) --keep;
        q.usage.push_back(u.leftCols(keep));
        Eigen::VectorXd f = net.row(i).segment(start, P - start).transpose();
        q.flows.push_back(f);
        double weight = 0;
        if (auto it = o.weights.find(id(i)); it != o.weights.end()) weight = it->second;
        else weight = std::max(0.0, p.benefits().row(i).sum() / static_cast<double>(std::max<Index>(P, 1)));
        if (!(weight >= 0)) throw ValidationError(fmt::format("roadmap(): weight of '{}' is {}; expected >= 0", id(i), weight));
        q.weights[static_cast<Index>(k)] = weight;
        if (optional) q.optional.push_back(!forced_in.count(i));
    }
    for (const auto& [wid, _] : o.weights)
        if (!p.find_initiative(wid)) throw ValidationError(fmt::format("roadmap(): weights name unknown initiative '{}'", wid));
    for (const auto& r : p.requirements()) {
        const Index d = job_of[static_cast<std::size_t>(r.dependant)], pre = job_of[static_cast<std::size_t>(r.prerequisite)];
        if (d < 0) continue;
        if (pre < 0)
            throw ValidationError(fmt::format("roadmap(): '{}' requires '{}', which is not in the selection", id(r.dependant),
                                              id(r.prerequisite)));
        q.precedences.push_back({.dependant = d, .prerequisite = pre, .lag = r.lag});
    }
    if (optional)
        for (const auto& x : p.exclusions()) {
            std::vector<Index> g;
            for (Index m : x.members)
                if (job_of[static_cast<std::size_t>(m)] >= 0) g.push_back(job_of[static_cast<std::size_t>(m)]);
            if (g.size() > 1) q.excludes.push_back(std::move(g));
        }
    return q;
}

namespace detail {

// RoadmapOptions::start as ScheduleOptions::start over q's jobs (initiatives by id).
ALIGNGRAPH_INLINE std::vector<Period> roadmap_start(const Portfolio& p, const ScheduleProblem& q, const RoadmapOptions& o,
                                                    std::string_view what) {
    if (o.start.empty()) return {};
    std::vector<Period> start(q.ids.size(), -1);
    for (const auto& [id, period] : o.start) {
        const auto at = std::find(q.ids.begin(), q.ids.end(), id);
        if (at == q.ids.end()) {
            if (!p.find_initiative(id)) throw ValidationError(fmt::format("{}(): start names unknown initiative '{}'", what, id));
            throw ValidationError(fmt::format("{}(): start names '{}', which is not {}", what, id,
                                              what == "plan" ? "a candidate (it is forced out)" : "in the selection"));
        }
        if (period < -1)
            throw ValidationError(fmt::format("{}(): start gives '{}' period {}: a start is a period index from 0 (or -1: left out)",
                                              what, id, period));
        start[static_cast<std::size_t>(at - q.ids.begin())] = period;
    }
    return start;
}

ALIGNGRAPH_INLINE void check_roadmap_limits(const RoadmapOptions& o, std::string_view what) {
    if (!(o.time_limit >= 0))  // NaN too
        throw ValidationError(fmt::format("{}(): time limit {} s, expected >= 0 (0: the first schedule found)", what, o.time_limit));
    if (o.node_limit < 0) throw ValidationError(fmt::format("{}(): node limit {}, expected >= 0", what, o.node_limit));
}

}  // namespace detail

ALIGNGRAPH_INLINE ScheduleResult roadmap(const Portfolio& p, const RoadmapOptions& o) {
    const auto t0 = std::chrono::steady_clock::now();
    detail::check_roadmap_limits(o, "roadmap");
    std::vector<Index> chosen;
    if (o.selection) {
        for (const auto& s : *o.selection) {
            const auto i = p.find_initiative(s);
            if (!i) throw ValidationError(fmt::format("roadmap(): the selection names unknown initiative '{}'", s));
            chosen.push_back(*i);
        }
        std::sort(chosen.begin(), chosen.end());
    } else {
        OptimizeOptions so;
        so.objective = Objective::npv;
        // Half the time (0: the selection solver's first selection, at its smallest limit).
        so.time_limit = o.time_limit > 0 ? o.time_limit / 2 : std::numeric_limits<double>::min();
        so.node_limit = o.node_limit;
        so.scenario = o.scenario;
        so.cancel = o.cancel;
        auto s = select_portfolio(selection_problem(p, so), [&] {
            auto x = so.selection();
            x.explain = false;
            return x;
        }());
        chosen = s.selected;
    }
    const auto q = roadmap_problem(p, chosen, o);
    auto start = detail::roadmap_start(p, q, o, "roadmap");
    const double spent = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return schedule(q, {.time_limit = std::max(0.0, o.time_limit - spent), .node_limit = o.node_limit, .cancel = o.cancel,
                        .explain = o.explain, .start = std::move(start)});
}

ALIGNGRAPH_INLINE ScheduleResult plan(const Portfolio& p, const RoadmapOptions& o) {
    detail::check_roadmap_limits(o, "plan");
    if (o.objective != ScheduleObjective::npv)
        throw ValidationError(fmt::format("plan(): the plan maximises NPV; objective {} schedules a given selection (roadmap())",
                                          to_string(o.objective)));
    const Scenario* scenario = detail::roadmap_scenario(p, o.scenario, "plan");
    std::set<Index> out;
    for (Index i = 0; i < p.initiative_count(); ++i)
        if (p.flags()[static_cast<std::size_t>(i)].forced_out) out.insert(i);
    if (scenario)
        for (const auto& f : scenario->forced_out) out.insert(p.initiative_index(f));
    // A forced-out prerequisite takes its dependants out too.
    for (bool more = true; more;) {
        more = false;
        for (const auto& r : p.requirements())
            if (out.count(r.prerequisite) && !out.count(r.dependant)) more = out.insert(r.dependant).second;
    }
    std::vector<Index> candidates;
    for (Index i = 0; i < p.initiative_count(); ++i)
        if (!out.count(i)) candidates.push_back(i);
    const auto q = roadmap_problem(p, candidates, o, true);
    return schedule(q, {.time_limit = o.time_limit, .node_limit = o.node_limit, .cancel = o.cancel, .explain = o.explain,
                        .start = detail::roadmap_start(p, q, o, "plan")});
}

}  // namespace aligngraph
