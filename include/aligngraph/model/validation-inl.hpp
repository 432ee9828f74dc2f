#pragma once
// Validation of a model: every problem, each with where it is and how serious.

#include "aligngraph/model/validation.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <tuple>

#include "aligngraph/detail/estimate.hpp"
#include "aligngraph/detail/text.hpp"
#include "aligngraph/model/graph.hpp"
#include "aligngraph/detail/pairwise.hpp"

namespace aligngraph {

namespace detail {


inline bool finite_nonnegative(double v) { return std::isfinite(v) && v >= 0; }
inline bool amount_ok(double v) { return v >= 0 && v <= max_amount; }  // NaN fails both

// What is wrong with an amount: negative or not finite, or too large; "" when it is fine.
inline std::string amount_problem(double v) {
    if (!finite_nonnegative(v)) return "expected a finite amount >= 0";
    if (v > max_amount) return fmt::format("more than {:g}, the largest amount a model holds", max_amount);
    return {};
}

/// First entry of a row that is not a finite amount >= 0, or -1.
template <class Row>
inline Index first_bad_amount(const Row& row) {
    for (Index t = 0; t < row.size(); ++t)
        if (!amount_ok(row(t))) return t;
    return -1;
}

}  // namespace detail

ALIGNGRAPH_INLINE std::string judgments_problem(const Portfolio& p, Index parent, const Judgments& j) {
    const auto& id = p.goal(parent).id;
    const auto n = j.children.size();
    if (n == 0) return fmt::format("goal '{}' has judgments over no children", id);
    if (j.matrix.size() != n) return fmt::format("goal '{}' has {} children but a matrix of {} rows", id, n, j.matrix.size());
    std::size_t linked = 0;
    for (const auto& l : p.goal_links())
        if (l.parent == parent) ++linked;
    for (std::size_t k = 0; k < n; ++k) {
        const auto c = p.find_goal(j.children[k]);
        if (!c) return fmt::format("goal '{}' judges unknown goal '{}'", id, j.children[k]);
        const auto& links = p.goal_links();
        if (std::none_of(links.begin(), links.end(), [&](const GoalLink& l) { return l.parent == parent && l.child == *c; }))
            return fmt::format("goal '{}' judges '{}', which is not one of its children", id, j.children[k]);
        if (j.matrix[k].size() != n)
            return fmt::format("row {} of goal '{}''s matrix has {} values, expected {}", k, id, j.matrix[k].size(), n);
    }
    if (linked != n) return fmt::format("goal '{}' has {} children but judges {}", id, linked, n);
    if (auto why = detail::pairwise_problem(judgment_matrix(j), detail::model_reciprocal_tolerance); !why.empty())
        return fmt::format("goal '{}': {}", id, why);
    return {};
}

ALIGNGRAPH_INLINE Eigen::MatrixXd judgment_matrix(const Judgments& j) {
    const auto n = static_cast<Index>(j.children.size());
    Eigen::MatrixXd m(n, n);
    for (Index r = 0; r < n; ++r)
        for (Index c = 0; c < n; ++c)
            m(r, c) = j.matrix[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)].value_or(
                std::numeric_limits<double>::quiet_NaN());
    return m;
}

ALIGNGRAPH_INLINE std::vector<Problem> errors_of(std::vector<Problem> problems) {
    std::erase_if(problems, [](const Problem& q) { return q.severity != Severity::error; });
    return problems;
}

namespace detail {

inline std::vector<Problem> problems_of(const Portfolio& p, bool warnings) {
    std::vector<Problem> out;
    auto add = [&](std::string pointer, std::string message) { out.push_back({std::move(pointer), std::move(message), {}}); };
    auto warn = [&](std::string pointer, std::string message) {
        if (!warnings) return;
        out.push_back({std::move(pointer), std::move(message), {}, Severity::warning});
    };
    const auto P = p.horizon().periods;
    const auto n = p.initiative_count();
    const auto capex = p.capex();
    const auto opex = p.opex();
    const auto benefits = p.benefits();

    if (!std::isfinite(p.settings().discount_rate) || p.settings().discount_rate <= -1)
        add("/settings/discount_rate",
            fmt::format("discount rate {} per year, expected a finite rate > -1 (-100%)", p.settings().discount_rate));
    if (!(p.settings().enabler_share >= 0 && p.settings().enabler_share <= 1))
        add("/settings/enabler_share", fmt::format("enabler share {}, expected a number in [0, 1]", p.settings().enabler_share));

    // Goals and their links.
    std::vector<int> parent_count(p.goals().size(), 0);
    for (const auto& l : p.goal_links()) ++parent_count[l.child];
    for (std::size_t g = 0; g < p.goals().size(); ++g) {
        const auto& goal = p.goals()[g];
        const auto where = fmt::format("/goals/{}", g);
        if (goal.weight) {
            if (parent_count[g] > 0)
                add(where + "/weight", fmt::format("goal '{}' has a top-level weight but has parents; "
                                                   "weight applies to root goals only (use the link weights)",
                                                   goal.id));
            else if (!std::isfinite(*goal.weight) || *goal.weight <= 0)
                add(where + "/weight",
                    fmt::format("goal '{}' has weight {}, expected a finite weight > 0", goal.id, *goal.weight));
        }
        if (goal.kpi && (!std::isfinite(goal.kpi->baseline) || !std::isfinite(goal.kpi->target)))
            add(where + "/kpi", fmt::format("goal '{}' has a KPI baseline or target that is not finite", goal.id));
    }
    {
        std::vector<int> seen(p.goals().size(), 0);
        std::set<std::pair<Index, Index>> pairs;
        for (const auto& l : p.goal_links()) {
            const auto k = seen[l.child]++;
            const auto where = fmt::format("/goals/{}/parents/{}", l.child, k);
            if (!std::isfinite(l.weight) || l.weight <= 0)
                add(where + "/weight", fmt::format("link '{}' -> '{}' has weight {}, expected a finite weight > 0",
                                                   p.goals()[l.parent].id, p.goals()[l.child].id, l.weight));
            if (!pairs.emplace(l.parent, l.child).second)
                add(where, fmt::format("goal '{}' is linked to parent '{}' twice", p.goals()[l.child].id,
                                       p.goals()[l.parent].id));
        }
    }
    // Local weights that look like fractions (all at most 1) but do not add up to 1 are
    // normalised as the spec says; say so, since 0.5 given for a single child becomes 1.
    if (warnings) {
        std::vector<std::vector<std::size_t>> links_of(p.goals().size());
        for (std::size_t k = 0; k < p.goal_links().size(); ++k) links_of[p.goal_links()[k].parent].push_back(k);
        for (std::size_t g = 0; g < p.goals().size(); ++g) {
            if (links_of[g].empty() || p.goals()[g].judgments) continue;
            double sum = 0;
            bool fractions = true, below_one = false;  // 1 and 1 are raw equal weights, not fractions
            for (std::size_t k : links_of[g]) {
                const double w = p.goal_links()[k].weight;
                if (!(std::isfinite(w) && w > 0 && w <= 1)) fractions = false;
                below_one = below_one || w < 1;
                sum += w;
            }
            if (!fractions || !below_one || std::abs(sum - 1) <= 1e-9) continue;
            std::vector<std::string> result;
            for (std::size_t k : links_of[g]) {
                const auto& l = p.goal_links()[k];
                result.push_back(fmt::format("'{}' {:g} -> {:.4g}", p.goals()[l.child].id, l.weight, l.weight / sum));
            }
            warn(fmt::format("/goals/{}", g),
                 fmt::format("goal '{}' gives its children local weights that add up to {:g}, not 1; they are "
                             "normalised: {}", p.goals()[g].id, sum, fmt::join(result, ", ")));
        }
    }
    if (auto cycle = find_goal_cycle(p)) {
        const auto g = *p.find_goal(cycle->front());
        out.push_back({fmt::format("/goals/{}/parents", g),
                       fmt::format("goal cycle: {}", fmt::join(*cycle, " -> ")), *cycle});
    }

    // Initiatives.
    for (Index i = 0; i < n; ++i) {
        const auto& id = p.initiative_ids()[i];
        const auto where = [i] { return fmt::format("/initiatives/{}", i); };
        if (p.starts()(i) < 0) add(where() + "/start", fmt::format("'{}' starts in period {}, expected >= 0", id, p.starts()(i)));
        if (p.durations()(i) < 1)
            add(where() + "/duration", fmt::format("'{}' has duration {}, expected >= 1 period", id, p.durations()(i)));
        else if (p.starts()(i) >= 0 && std::int64_t{p.starts()(i)} + p.durations()(i) > P)  // no int overflow
            add(where() + "/duration",
                fmt::format("'{}' runs from period {} for {} periods, past the horizon's {} periods", id, p.starts()(i),
                            p.durations()(i), P));
        {
            // The roadmap's start window.
            const auto& w = p.windows()[static_cast<std::size_t>(i)];
            const std::int64_t d = p.durations()(i), first = w.earliest.value_or(p.starts()(i));
            if (w.earliest && *w.earliest < 0) add(where() + "/earliest_start", fmt::format("'{}' has earliest start {}, expected >= 0", id, *w.earliest));
            else if (first + d > P)
                add(where() + "/earliest_start", fmt::format("'{}' cannot finish within the horizon's {} periods from its earliest start {} "
                                                             "(duration {})", id, P, first, d));
            if (w.latest && *w.latest + d > P)
                add(where() + "/latest_start", fmt::format("'{}' has latest start {}: it would finish (period {}) past the horizon's {} periods",
                                                           id, *w.latest, *w.latest + d, P));
            else if (w.latest && *w.latest < first)
                add(where() + "/latest_start", fmt::format("the window of '{}' closes (latest start {}) before it opens (earliest start {})",
                                                           id, *w.latest, first));
            if (w.deadline && (*w.deadline > P || *w.deadline < 1))
                add(where() + "/deadline", fmt::format("'{}' has deadline {}, expected 1 to the horizon's {} periods", id, *w.deadline, P));
            else if (w.deadline && *w.deadline - d < first)
                add(where() + "/deadline", fmt::format("'{}' cannot finish by its deadline {} from its earliest start {} (duration {})", id,
                                                       *w.deadline, first, d));
            const auto status = p.statuses()[static_cast<std::size_t>(i)];
            if ((status == Status::running || status == Status::completed) && (w.earliest || w.latest || w.deadline))
                warn(where() + "/status", fmt::format("'{}' is {}: the roadmap keeps its start ({}) and ignores its start window", id,
                                                      to_string(status), p.starts()(i)));
        }
        if (!finite_nonnegative(p.efforts()(i)))
            add(where() + "/effort", fmt::format("'{}' has effort {}, expected a finite number >= 0", id, p.efforts()(i)));
        for (auto [m, path] : {std::pair{&capex, "/costs/capex"}, {&opex, "/costs/opex"}, {&benefits, "/benefits"}}) {
            const auto t = first_bad_amount(m->row(i));
            if (t >= 0)
                add(fmt::format("{}{}/{}", where(), path, t),
                    fmt::format("'{}' has {} in period {}, {}", id, (*m)(i, t), t, detail::amount_problem((*m)(i, t))));
        }
        for (std::size_t c = 0; c < p.criterion_names().size(); ++c) {
            const double v = p.criteria()(i, static_cast<Index>(c));
            if (std::isinf(v))
                add(fmt::format("{}/criteria/{}", where(), detail::pointer_token(p.criterion_names()[c])),
                    fmt::format("'{}' has criterion '{}' = {}, expected a finite score", id, p.criterion_names()[c], v));
        }
        const auto& f = p.flags()[i];
        if (f.forced_in && f.forced_out)
            add(where() + "/forced_out", fmt::format("'{}' is both forced in and forced out", id));
        if (f.mandatory && f.forced_out)
            add(where() + "/forced_out", fmt::format("'{}' is both mandatory and forced out", id));
        if (const auto& u = p.uncertainties()[i]) {
            if (!(u->success_probability >= 0 && u->success_probability <= 1))
                add(where() + "/uncertainty/success_probability",
                    fmt::format("'{}' has success probability {}, expected a number in [0, 1]", id, u->success_probability));
            for (auto [e, name] : {std::pair{&u->cost, "cost"}, {&u->benefit, "benefit"}, {&u->delay, "delay"}}) {
                if (!*e) continue;
                if (auto why = estimate_problem(**e); !why.empty())
                    add(fmt::format("{}/uncertainty/{}", where(), name), fmt::format("'{}' has a {} estimate {}", id, name, why));
                else if (std::string_view(name) != "delay")
                    if (auto w = estimate_warning(**e); !w.empty())
                        warn(fmt::format("{}/uncertainty/{}", where(), name), fmt::format("'{}' has a {} multiplier that {}", id, name, w));
            }
            const auto status = p.statuses()[static_cast<std::size_t>(i)];
            if (u->delay && (status == Status::running || status == Status::completed))
                warn(where() + "/uncertainty/delay", fmt::format("'{}' is {}: it has started, so risk analysis does not delay it", id,
                                                                 to_string(status)));
        }
    }
    for (const auto& d : p.demands()) {
        for (std::size_t k = 0; k < d.per_period.size(); ++k)
            if (!finite_nonnegative(d.per_period[k])) {
                add(fmt::format("/initiatives/{}/demand/{}/{}", d.initiative, detail::pointer_token(p.teams()[d.team].id), k),
                    fmt::format("'{}' demands {} of team '{}' in its running period {}, expected a finite number >= 0",
                                p.initiative_ids()[d.initiative], d.per_period[k], p.teams()[d.team].id, k));
                break;
            }
    }

    // Contributions. Duplicates are found in linear time: contributions grouped by
    // initiative (counting sort), then a per-goal stamp of the last initiative seen.
    {
        auto where = [&](const Contribution& c) {
            return fmt::format("/initiatives/{}/contributes/{}", c.initiative, detail::pointer_token(p.goals()[c.goal].id));
        };
        for (const auto& c : p.contributions())
            if (!(c.strength >= 0 && c.strength <= 1))
                add(where(c), fmt::format("'{}' contributes {} to goal '{}', expected a strength in [0, 1]",
                                          p.initiative_ids()[c.initiative], c.strength, p.goals()[c.goal].id));
        std::vector<std::size_t> start(static_cast<std::size_t>(n) + 1, 0), by_initiative(p.contributions().size());
        for (const auto& c : p.contributions()) ++start[static_cast<std::size_t>(c.initiative) + 1];
        for (std::size_t k = 1; k < start.size(); ++k) start[k] += start[k - 1];
        auto fill = start;
        for (std::size_t k = 0; k < p.contributions().size(); ++k)
            by_initiative[fill[static_cast<std::size_t>(p.contributions()[k].initiative)]++] = k;
        std::vector<Index> stamp(p.goals().size(), -1);
        for (Index i = 0; i < n; ++i)
            for (std::size_t k = start[static_cast<std::size_t>(i)]; k < start[static_cast<std::size_t>(i) + 1]; ++k) {
                const auto& c = p.contributions()[by_initiative[k]];
                if (stamp[c.goal] == i)
                    add(where(c), fmt::format("'{}' contributes to goal '{}' twice", p.initiative_ids()[c.initiative], p.goals()[c.goal].id));
                stamp[c.goal] = i;
            }
    }

    // Requires: cycles, then decisions that contradict the links.
    auto requires_cycle = find_requires_cycle(p);
    if (requires_cycle) {
        const auto i = *p.find_initiative(requires_cycle->front());
        out.push_back({fmt::format("/initiatives/{}/requires", i),
                       fmt::format("requires cycle: {}", fmt::join(*requires_cycle, " -> ")), *requires_cycle});
    } else {
        // `requires` is finish-to-start: the dependant's planned start is at or after the
        // prerequisite's finish (start + duration).
        if (warnings) {
            std::vector<int> seen_links(static_cast<std::size_t>(n), 0);
            for (const auto& r : p.requirements()) {
                const auto k = seen_links[static_cast<std::size_t>(r.dependant)]++;
                const std::int64_t finish = std::int64_t{p.starts()(r.prerequisite)} + p.durations()(r.prerequisite);
                const std::int64_t earliest = finish + r.lag;
                if (p.starts()(r.prerequisite) < 0 || p.durations()(r.prerequisite) < 1 || p.starts()(r.dependant) >= earliest) continue;
                warn(fmt::format("/initiatives/{}/requires/{}", r.dependant, k),
                     fmt::format("'{}' starts in period {} ({}) but requires '{}', which runs until period {} ({}): a "
                                "dependant starts after its prerequisite finishes{}, in period {} ({}) or later",
                                p.initiative_ids()[r.dependant], p.starts()(r.dependant), p.horizon().label(p.starts()(r.dependant)),
                                p.initiative_ids()[r.prerequisite], finish - 1, p.horizon().label(finish - 1),
                                r.lag > 0 ? fmt::format(" and its lag of {} period{} has passed", r.lag, r.lag == 1 ? "" : "s") : "",
                                earliest, p.horizon().label(static_cast<Period>(std::min<std::int64_t>(earliest, max_periods)))));
            }
        }
        for (Index q = 0; q < n; ++q) {
            if (!p.flags()[q].forced_out) continue;
            for (Index d : dependants(p, q)) {
                if (p.flags()[d].forced_in || p.flags()[d].mandatory)
                    add(fmt::format("/initiatives/{}/requires", d),
                        fmt::format("'{}' is {} but requires '{}', which is forced out", p.initiative_ids()[d],
                                    p.flags()[d].forced_in ? "forced in" : "mandatory", p.initiative_ids()[q]));
            }
        }
    }

    // Exclusion groups.
    for (std::size_t k = 0; k < p.exclusions().size(); ++k) {
        std::vector<std::string> decided;
        for (Index m : p.exclusions()[k].members)
            if (p.flags()[m].forced_in || p.flags()[m].mandatory) decided.push_back(p.initiative_ids()[m]);
        if (decided.size() > 1)
            add(fmt::format("/excludes/{}/members", k),
                fmt::format("exclusion group '{}' has {} members forced in or mandatory ({}); at most one may be selected",
                            p.exclusions()[k].id, decided.size(), fmt::join(decided, ", ")));
    }

    // Budgets and teams.
    std::set<std::string> departments(p.departments().begin(), p.departments().end());
    for (std::size_t b = 0; b < p.budgets().size(); ++b) {
        const auto& budget = p.budgets()[b];
        for (std::size_t t = 0; t < budget.limits.size(); ++t)
            if (!detail::amount_ok(budget.limits[t])) {
                add(fmt::format("/budgets/{}/limits/{}", b, t),
                    fmt::format("budget '{}' has limit {} in period {}, {}", budget.id, budget.limits[t], t,
                                detail::amount_problem(budget.limits[t])));
                break;
            }
        if (!budget.department.empty() && !departments.count(budget.department))
            add(fmt::format("/budgets/{}/department", b),
                fmt::format("budget '{}' is for department '{}', which no initiative belongs to", budget.id,
                            budget.department));
    }
    for (std::size_t k = 0; k < p.teams().size(); ++k)
        for (std::size_t t = 0; t < p.teams()[k].capacity.size(); ++t)
            if (!finite_nonnegative(p.teams()[k].capacity[t])) {
                add(fmt::format("/teams/{}/capacity/{}", k, t),
                    fmt::format("team '{}' has capacity {} in period {}, expected a finite number >= 0", p.teams()[k].id,
                                p.teams()[k].capacity[t], t));
                break;
            }

    // Scenarios.
    for (std::size_t s = 0; s < p.scenarios().size(); ++s) {
        const auto& sc = p.scenarios()[s];
        const auto where = fmt::format("/scenarios/{}", s);
        if (sc.discount_rate && (!std::isfinite(*sc.discount_rate) || *sc.discount_rate <= -1))
            add(where + "/discount_rate", fmt::format("scenario '{}' has discount rate {}, expected a finite rate > -1",
                                                      sc.id, *sc.discount_rate));
        for (auto [v, name] : {std::pair{&sc.budget_factor, "budget_factor"}, {&sc.cost_overrun, "cost_overrun"}})
            if (*v && (!std::isfinite(**v) || **v <= 0))
                add(fmt::format("{}/{}", where, name),
                    fmt::format("scenario '{}' has {} {}, expected a finite factor > 0", sc.id, name, **v));
        if (sc.enabler_share && !(*sc.enabler_share >= 0 && *sc.enabler_share <= 1))
            add(where + "/enabler_share",
                fmt::format("scenario '{}' has enabler share {}, expected a number in [0, 1]", sc.id, *sc.enabler_share));
        for (const auto& [goal, w] : sc.goal_weights) {
            const auto gw = fmt::format("{}/goal_weights/{}", where, detail::pointer_token(goal));
            auto g = p.find_goal(goal);
            if (!g) add(gw, fmt::format("scenario '{}' weighs unknown goal '{}'", sc.id, goal));
            else if (parent_count[*g] > 0)
                add(gw, fmt::format("scenario '{}' gives goal '{}' a top-level weight, but it is not a root goal", sc.id, goal));
            if (!std::isfinite(w) || w <= 0)
                add(gw, fmt::format("scenario '{}' gives goal '{}' weight {}, expected a finite weight > 0", sc.id, goal, w));
        }
        for (const auto& [criterion, w] : sc.criterion_weights) {
            const auto cw = fmt::format("{}/criterion_weights/{}", where, detail::pointer_token(criterion));
            if (std::find(p.criterion_names().begin(), p.criterion_names().end(), criterion) == p.criterion_names().end())
                add(cw, fmt::format("scenario '{}' weighs unknown criterion '{}'", sc.id, criterion));
            if (!std::isfinite(w) || w <= 0)
                add(cw, fmt::format("scenario '{}' gives criterion '{}' weight {}, expected a finite weight > 0", sc.id,
                                    criterion, w));
        }
        for (const auto& [goal, j] : sc.judgments) {
            const auto jw = fmt::format("{}/judgments/{}", where, detail::pointer_token(goal));
            if (!p.find_goal(goal)) {
                add(jw, fmt::format("scenario '{}' judges the children of unknown goal '{}'", sc.id, goal));
                continue;
            }
            if (auto why = judgments_problem(p, *p.find_goal(goal), j); !why.empty())
                add(jw, fmt::format("scenario '{}': {}", sc.id, why));
        }
        for (auto [list, name] : {std::pair{&sc.forced_in, "forced_in"}, {&sc.forced_out, "forced_out"}})
            for (std::size_t k = 0; k < list->size(); ++k)
                if (!p.find_initiative((*list)[k]))
                    add(fmt::format("{}/{}/{}", where, name, k),
                        fmt::format("scenario '{}' names unknown initiative '{}'", sc.id, (*list)[k]));
        for (const auto& id : sc.forced_in)
            if (std::find(sc.forced_out.begin(), sc.forced_out.end(), id) != sc.forced_out.end())
                add(where, fmt::format("scenario '{}' forces '{}' both in and out", sc.id, id));
    }

    // Correlations: coefficients in [-1, 1], one coefficient per pair and kind, members with an estimate.
    std::map<std::tuple<Index, Index, int>, std::pair<double, std::size_t>> pair_coefficient;
    for (std::size_t c = 0; c < p.correlations().size(); ++c) {
        const auto& cor = p.correlations()[c];
        const auto where = fmt::format("/correlations/{}", c);
        if (!(cor.coefficient >= -1 && cor.coefficient <= 1)) {
            add(where + "/coefficient", fmt::format("correlation {} has coefficient {}, expected a number in [-1, 1]", c, cor.coefficient));
            continue;
        }
        for (int kind = 0; kind < 2; ++kind) {
            if ((kind == 0 && cor.on == CorrelationOn::benefit) || (kind == 1 && cor.on == CorrelationOn::cost)) continue;
            const char* what = kind == 0 ? "cost" : "benefit";
            for (std::size_t a = 0; a < cor.initiatives.size(); ++a) {
                const auto i = p.find_initiative(cor.initiatives[a]);
                if (!i) continue;
                const auto& u = p.uncertainties()[static_cast<std::size_t>(*i)];
                if (!u || !(kind == 0 ? u->cost : u->benefit))
                    warn(fmt::format("{}/initiatives/{}", where, a),
                         fmt::format("correlation {} links the {} multiplier of '{}', which has no {} estimate (it stays as planned)", c,
                                     what, cor.initiatives[a], what));
                for (std::size_t b = 0; b < a; ++b) {
                    const auto j = p.find_initiative(cor.initiatives[b]);
                    if (!j) continue;
                    const auto key = std::tuple{std::min(*i, *j), std::max(*i, *j), kind};
                    auto [it, fresh] = pair_coefficient.emplace(key, std::pair{cor.coefficient, c});
                    if (!fresh && it->second.first != cor.coefficient)
                        add(where, fmt::format("correlation {} gives the {} multipliers of '{}' and '{}' coefficient {}, correlation {} "
                                               "gave them {}",
                                               c, what, cor.initiatives[b], cor.initiatives[a], cor.coefficient, it->second.second,
                                               it->second.first));
                }
            }
        }
    }
    // Risk events.
    for (std::size_t k = 0; k < p.risk_events().size(); ++k) {
        const auto& e = p.risk_events()[k];
        const auto where = fmt::format("/risk_events/{}", k);
        if (!(e.probability >= 0 && e.probability <= 1))
            add(where + "/probability", fmt::format("risk event '{}' has probability {}, expected a number in [0, 1]", e.id, e.probability));
        for (auto [est, name] : {std::pair{&e.cost, "cost"}, {&e.delay, "delay"}})
            if (*est)
                if (auto why = estimate_problem(**est); !why.empty())
                    add(fmt::format("{}/{}", where, name), fmt::format("risk event '{}' has a {} impact {}", e.id, name, why));
        if (!e.cost && !e.delay)
            warn(where, fmt::format("risk event '{}' has neither a cost nor a delay impact: it changes nothing", e.id));
    }
    return out;
}

}  // namespace detail

ALIGNGRAPH_INLINE std::vector<Problem> validate(const Portfolio& p) { return detail::problems_of(p, true); }

ALIGNGRAPH_INLINE std::vector<Problem> validate_errors(const Portfolio& p) { return detail::problems_of(p, false); }

}  // namespace aligngraph
