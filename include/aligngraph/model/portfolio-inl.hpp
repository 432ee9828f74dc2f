#pragma once
// The portfolio model: builder, accessors, validation and equality.

#include "aligngraph/model/portfolio.hpp"
#include "aligngraph/memory.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "aligngraph/detail/text.hpp"
#include "aligngraph/model/validation.hpp"

namespace aligngraph {

namespace detail {


template <class Map>
inline std::optional<Index> lookup_index(const Map& m, std::string_view id) {
    auto it = m.find(std::string(id));
    if (it == m.end()) return std::nullopt;
    return it->second;
}

// Text of the model is printable: a control character in an id, a name or a label is refused
// where it enters, so that nothing prints it raw later.
inline void check_text(const char* fn, std::string_view what, std::string_view text) {
    if (auto why = control_character_problem(what, text); !why.empty()) throw ValidationError(fmt::format("{}(): {}", fn, why));
}

}  // namespace detail

ALIGNGRAPH_INLINE Portfolio::Portfolio(Horizon horizon) : horizon_(std::move(horizon)) {
    detail::check_text("Portfolio", "label of the first period", horizon_.first_label);
    if (horizon_.periods < 1 || horizon_.periods > max_periods)
        throw ValidationError(fmt::format("Portfolio(): horizon has {} periods, expected 1 to {}", horizon_.periods, max_periods),
                              {{"/horizon/periods", fmt::format("{} periods, expected 1 to {}", horizon_.periods, max_periods), {}}});
    if (!(horizon_.period_years > 0 && horizon_.period_years <= max_period_years))
        throw ValidationError(
            fmt::format("Portfolio(): period length {} years, expected a number > 0 and at most {}", horizon_.period_years,
                        max_period_years),
            {{"/horizon/period_years", fmt::format("expected a number > 0 and at most {}", max_period_years), {}}});
    const auto P = horizon_.periods;
    capex_.setZero(0, P);
    opex_.setZero(0, P);
    benefits_.setZero(0, P);
}

// ---- builder --------------------------------------------------------------------

ALIGNGRAPH_INLINE void Portfolio::set_name(std::string name) {
    detail::check_text("set_name", "model name", name);
    name_ = std::move(name);
    touch();
}

ALIGNGRAPH_INLINE void Portfolio::set_settings(Settings s) {
    detail::check_text("set_settings", "currency", s.currency);
    settings_ = std::move(s);
    touch();
}

ALIGNGRAPH_INLINE Index Portfolio::add_goal(Goal goal) {
    touch();
    if (goal.id.empty()) throw ValidationError("add_goal(): goal id is empty");
    detail::check_text("add_goal", "goal id", goal.id);
    detail::check_text("add_goal", "goal name", goal.name);
    detail::check_text("add_goal", "goal level", goal.level);
    detail::check_text("add_goal", "goal owner", goal.owner);
    if (goal.kpi) {
        detail::check_text("add_goal", "KPI metric", goal.kpi->metric);
        detail::check_text("add_goal", "KPI unit", goal.kpi->unit);
    }
    if (goal_index_.count(goal.id)) throw ValidationError(fmt::format("add_goal(): duplicate goal id '{}'", goal.id));
    const auto g = goal_count();
    goal_index_.emplace(goal.id, g);
    goals_.push_back(std::move(goal));
    return g;
}

ALIGNGRAPH_INLINE void Portfolio::link_goals(std::string_view parent, std::string_view child, Weight local_weight) {
    touch();
    auto p = find_goal(parent);
    auto c = find_goal(child);
    if (!p) throw ValidationError(fmt::format("link_goals(): unknown parent goal '{}' of goal '{}'", detail::escaped(parent), detail::escaped(child)));
    if (!c) throw ValidationError(fmt::format("link_goals(): unknown child goal '{}' of goal '{}'", detail::escaped(child), detail::escaped(parent)));
    goal_links_.push_back({*p, *c, local_weight});
}

ALIGNGRAPH_INLINE void Portfolio::set_goal_judgments(std::string_view parent, Judgments j) {
    touch();
    const auto p = find_goal(parent);
    if (!p) throw ValidationError(fmt::format("set_goal_judgments(): unknown goal '{}'", detail::escaped(parent)));
    if (auto why = judgments_problem(*this, *p, j); !why.empty())
        throw ValidationError(fmt::format("set_goal_judgments(): {}", why));
    // The judged links' own weights are not used (local_goal_weights() takes the judgments);
    // they are 1, as when read from a file, where they have none, so a saved model loads equal.
    for (auto& l : goal_links_)
        if (l.parent == *p) l.weight = 1.0;
    goals_[static_cast<std::size_t>(*p)].judgments = std::move(j);
}

ALIGNGRAPH_INLINE void Portfolio::reserve_rows(Index n) {
    const auto capacity = capex_.rows();
    if (n <= capacity) return;
    const auto P = horizon_.periods;
    const auto C = criteria_.cols();
    // Three flows and the criteria per initiative: checked against the memory cap before
    // growing; the doubling stops short of the cap (exactly n rows then).
    const auto bytes = [&](Index rows) { return static_cast<double>(rows) * (3.0 * P + static_cast<double>(C)) * sizeof(double); };
    detail::check_memory(fmt::format("the flows of {} initiatives x {} periods", n, P), bytes(n));
    auto grown = std::max<Index>(n, std::max<Index>(16, 2 * capacity));
    if (bytes(grown) > static_cast<double>(memory_limit())) grown = n;
    for (FlowMatrix* m : {&capex_, &opex_, &benefits_}) {
        m->conservativeResize(grown, P);
        m->bottomRows(grown - capacity).setZero();
    }
    criteria_.conservativeResize(grown, C);
    criteria_.bottomRows(grown - capacity).setConstant(std::numeric_limits<double>::quiet_NaN());
    starts_.conservativeResize(grown);
    durations_.conservativeResize(grown);
    efforts_.conservativeResize(grown);
}

ALIGNGRAPH_INLINE void Portfolio::copy_flow(FlowMatrix& m, Index row, const std::vector<Money>& flow) {
    for (std::size_t t = 0; t < flow.size(); ++t) m(row, static_cast<Index>(t)) = flow[t];
}

ALIGNGRAPH_INLINE Index Portfolio::add_initiative(const Initiative& in) {
    touch();
    if (in.id.empty()) throw ValidationError("add_initiative(): initiative id is empty");
    detail::check_text("add_initiative", "initiative id", in.id);
    detail::check_text("add_initiative", "initiative name", in.name);
    detail::check_text("add_initiative", "department", in.department);
    for (const auto& [name, score] : in.criteria) detail::check_text("add_initiative", "criterion name", name);
    if (initiative_index_.count(in.id))
        throw ValidationError(fmt::format("add_initiative(): duplicate initiative id '{}'", in.id));
    const auto P = static_cast<std::size_t>(horizon_.periods);
    for (auto [flow, what] : {std::pair{&in.capex, "capex"}, {&in.opex, "opex"}, {&in.benefits, "benefits"}})
        if (flow->size() > P)
            throw ValidationError(fmt::format("add_initiative(): {} of '{}' has {} periods, more than the horizon's {}",
                                              what, in.id, flow->size(), P));
    for (const auto& [team, values] : in.demand) {
        if (!find_team(team))
            throw ValidationError(fmt::format("add_initiative(): '{}' demands unknown team '{}'", in.id, detail::escaped(team)));
        if (static_cast<Index>(values.size()) != in.duration)
            throw ValidationError(fmt::format(
                "add_initiative(): demand of '{}' on team '{}' has {} values, expected one per running period ({})",
                in.id, team, values.size(), in.duration));
    }

    const auto i = initiative_count();
    reserve_rows(i + 1);
    initiative_index_.emplace(in.id, i);
    ids_.push_back(in.id);
    names_.push_back(in.name);
    departments_.push_back(in.department);
    copy_flow(capex_, i, in.capex);
    copy_flow(opex_, i, in.opex);
    copy_flow(benefits_, i, in.benefits);
    starts_(i) = in.start;
    durations_(i) = in.duration;
    efforts_(i) = in.effort;
    flags_.push_back(in.flags);
    statuses_.push_back(in.status);
    windows_.push_back(in.window);
    uncertainties_.push_back(in.uncertainty);
    for (const auto& [criterion, score] : in.criteria) {
        auto it = std::find(criterion_names_.begin(), criterion_names_.end(), criterion);
        Index c = it - criterion_names_.begin();
        if (it == criterion_names_.end()) {
            criterion_names_.push_back(criterion);
            criteria_.conservativeResize(criteria_.rows(), c + 1);
            criteria_.col(c).setConstant(std::numeric_limits<double>::quiet_NaN());
        }
        criteria_(i, c) = score;
    }
    for (const auto& [team, values] : in.demand) demands_.push_back({i, *find_team(team), values});
    return i;
}

ALIGNGRAPH_INLINE void Portfolio::add_initiatives(const std::vector<std::string>& ids, const std::vector<std::string>& departments) {
    touch();
    if (ids.size() != departments.size())
        throw ValidationError(fmt::format("add_initiatives(): {} ids but {} departments", ids.size(), departments.size()));
    for (const auto& id : ids) {
        if (id.empty()) throw ValidationError("add_initiatives(): an initiative id is empty");
        detail::check_text("add_initiatives", "initiative id", id);
        if (initiative_index_.count(id)) throw ValidationError(fmt::format("add_initiatives(): duplicate initiative id '{}'", id));
    }
    const auto first = initiative_count();
    const auto n = static_cast<Index>(ids.size());
    reserve_rows(first + n);
    initiative_index_.reserve(static_cast<std::size_t>(first + n));
    for (Index k = 0; k < n; ++k) {
        const auto i = first + k;
        if (!initiative_index_.emplace(ids[k], i).second) {
            // a duplicate within the new ids: undo what was added
            for (Index u = 0; u < k; ++u) initiative_index_.erase(ids[u]);
            throw ValidationError(fmt::format("add_initiatives(): duplicate initiative id '{}'", ids[k]));
        }
    }
    ids_.insert(ids_.end(), ids.begin(), ids.end());
    names_.insert(names_.end(), ids.begin(), ids.end());
    departments_.insert(departments_.end(), departments.begin(), departments.end());
    starts_.segment(first, n).setZero();
    durations_.segment(first, n).setOnes();
    efforts_.segment(first, n).setZero();
    flags_.resize(static_cast<std::size_t>(first + n));
    statuses_.resize(static_cast<std::size_t>(first + n), Status::proposed);
    windows_.resize(static_cast<std::size_t>(first + n));
    uncertainties_.resize(static_cast<std::size_t>(first + n));
}

ALIGNGRAPH_INLINE void Portfolio::add_contributions(std::span<const Index> initiatives, std::span<const Index> goals,
                                  std::span<const double> strengths) {
    touch();
    if (initiatives.size() != goals.size() || goals.size() != strengths.size())
        throw ValidationError(fmt::format("add_contributions(): {} initiatives, {} goals, {} strengths; expected equal lengths",
                                          initiatives.size(), goals.size(), strengths.size()));
    for (std::size_t k = 0; k < initiatives.size(); ++k) {
        if (initiatives[k] < 0 || initiatives[k] >= initiative_count())
            throw ValidationError(fmt::format("add_contributions(): entry {}: initiative index {} out of range [0, {})", k,
                                              initiatives[k], initiative_count()));
        if (goals[k] < 0 || goals[k] >= goal_count())
            throw ValidationError(fmt::format("add_contributions(): entry {}: goal index {} out of range [0, {})", k, goals[k],
                                              goal_count()));
    }
    contributions_.reserve(contributions_.size() + initiatives.size());
    for (std::size_t k = 0; k < initiatives.size(); ++k) contributions_.push_back({initiatives[k], goals[k], strengths[k]});
}

ALIGNGRAPH_INLINE void Portfolio::add_requirements(std::span<const Index> dependants, std::span<const Index> prerequisites) {
    touch();
    if (dependants.size() != prerequisites.size())
        throw ValidationError(fmt::format("add_requirements(): {} dependants but {} prerequisites", dependants.size(),
                                          prerequisites.size()));
    for (std::size_t k = 0; k < dependants.size(); ++k)
        for (Index v : {dependants[k], prerequisites[k]})
            if (v < 0 || v >= initiative_count())
                throw ValidationError(fmt::format("add_requirements(): entry {}: initiative index {} out of range [0, {})", k,
                                                  v, initiative_count()));
    requirements_.reserve(requirements_.size() + dependants.size());
    for (std::size_t k = 0; k < dependants.size(); ++k) requirements_.push_back({dependants[k], prerequisites[k]});
}

ALIGNGRAPH_INLINE void Portfolio::set_criterion(const std::string& name, std::span<const double> scores) {
    touch();
    if (static_cast<Index>(scores.size()) != initiative_count())
        throw ValidationError(fmt::format("set_criterion(): {} scores for {} initiatives", scores.size(), initiative_count()));
    detail::check_text("set_criterion", "criterion name", name);
    auto it = std::find(criterion_names_.begin(), criterion_names_.end(), name);
    Index c = it - criterion_names_.begin();
    if (it == criterion_names_.end()) {
        criterion_names_.push_back(name);
        criteria_.conservativeResize(criteria_.rows(), c + 1);
        criteria_.col(c).setConstant(std::numeric_limits<double>::quiet_NaN());
    }
    for (Index i = 0; i < initiative_count(); ++i) criteria_(i, c) = scores[static_cast<std::size_t>(i)];
}

ALIGNGRAPH_INLINE void Portfolio::set_efforts(std::span<const double> efforts) {
    touch();
    if (static_cast<Index>(efforts.size()) != initiative_count())
        throw ValidationError(fmt::format("set_efforts(): {} efforts for {} initiatives", efforts.size(), initiative_count()));
    for (Index i = 0; i < initiative_count(); ++i) efforts_(i) = efforts[static_cast<std::size_t>(i)];
}

ALIGNGRAPH_INLINE void Portfolio::add_contribution(std::string_view initiative, std::string_view goal, Weight strength) {
    touch();
    auto i = find_initiative(initiative);
    auto g = find_goal(goal);
    if (!i) throw ValidationError(fmt::format("add_contribution(): unknown initiative '{}'", detail::escaped(initiative)));
    if (!g) throw ValidationError(fmt::format("add_contribution(): '{}' contributes to unknown goal '{}'", initiative, detail::escaped(goal)));
    contributions_.push_back({*i, *g, strength});
}

ALIGNGRAPH_INLINE void Portfolio::add_contribution(std::string_view initiative, std::string_view goal, Strength strength) {
    add_contribution(initiative, goal, strength_of(strength));
}

ALIGNGRAPH_INLINE void Portfolio::add_requires(std::string_view dependant, std::string_view prerequisite, Periods lag) {
    touch();
    auto d = find_initiative(dependant);
    auto p = find_initiative(prerequisite);
    if (!d) throw ValidationError(fmt::format("add_requires(): unknown initiative '{}'", detail::escaped(dependant)));
    if (!p)
        throw ValidationError(
            fmt::format("add_requires(): '{}' requires unknown initiative '{}'", dependant, detail::escaped(prerequisite)));
    if (lag < 0 || lag > max_periods)
        throw ValidationError(fmt::format("add_requires(): '{}' requires '{}' with lag {}, expected a whole number of periods from 0 "
                                          "to {}",
                                          dependant, prerequisite, lag, max_periods));
    requirements_.push_back({*d, *p, lag});
}

ALIGNGRAPH_INLINE void Portfolio::add_exclusion(std::string id, const std::vector<std::string>& members) {
    touch();
    for (const auto& e : exclusions_)
        if (!id.empty() && e.id == id) throw ValidationError(fmt::format("add_exclusion(): duplicate group id '{}'", id));
    detail::check_text("add_exclusion", "group id", id);
    ExclusionGroup group{std::move(id), {}};
    for (const auto& m : members) {
        auto i = find_initiative(m);
        if (!i) throw ValidationError(fmt::format("add_exclusion(): group '{}' names unknown initiative '{}'", group.id, detail::escaped(m)));
        if (std::find(group.members.begin(), group.members.end(), *i) != group.members.end())
            throw ValidationError(fmt::format("add_exclusion(): group '{}' names '{}' twice", group.id, m));
        group.members.push_back(*i);
    }
    if (group.members.size() < 2)
        throw ValidationError(fmt::format("add_exclusion(): group '{}' has {} member(s), expected at least 2", group.id,
                                          group.members.size()));
    exclusions_.push_back(std::move(group));
}

namespace detail {

// The members of a correlation or risk event: known, each once, at least `least`.
ALIGNGRAPH_INLINE void check_members(const Portfolio& p, std::string_view what, std::string_view item,
                                     const std::vector<std::string>& members, std::size_t least) {
    std::set<std::string_view> seen;
    for (const auto& m : members) {
        if (!p.find_initiative(m)) throw ValidationError(fmt::format("{}(): {} names unknown initiative '{}'", what, item, escaped(m)));
        if (!seen.insert(m).second) throw ValidationError(fmt::format("{}(): {} names '{}' twice", what, item, m));
    }
    if (members.size() < least)
        throw ValidationError(fmt::format("{}(): {} names {} initiative(s), expected at least {}", what, item, members.size(), least));
}

}  // namespace detail

ALIGNGRAPH_INLINE void Portfolio::add_correlation(Correlation c) {
    touch();
    detail::check_members(*this, "add_correlation", fmt::format("correlation {}", correlations_.size()), c.initiatives, 2);
    correlations_.push_back(std::move(c));
}

ALIGNGRAPH_INLINE void Portfolio::add_risk_event(RiskEvent e) {
    touch();
    if (e.id.empty()) throw ValidationError("add_risk_event(): risk event id is empty");
    detail::check_text("add_risk_event", "risk event id", e.id);
    detail::check_text("add_risk_event", "risk event name", e.name);
    for (const auto& x : risk_events_)
        if (x.id == e.id) throw ValidationError(fmt::format("add_risk_event(): duplicate risk event id '{}'", e.id));
    detail::check_members(*this, "add_risk_event", fmt::format("risk event '{}'", e.id), e.initiatives, 1);
    risk_events_.push_back(std::move(e));
}

ALIGNGRAPH_INLINE Index Portfolio::add_budget(Budget budget) {
    touch();
    if (budget.id.empty()) throw ValidationError("add_budget(): budget id is empty");
    detail::check_text("add_budget", "budget id", budget.id);
    detail::check_text("add_budget", "department", budget.department);
    if (find_budget(budget.id)) throw ValidationError(fmt::format("add_budget(): duplicate budget id '{}'", budget.id));
    if (static_cast<Index>(budget.limits.size()) != horizon_.periods)
        throw ValidationError(fmt::format("add_budget(): budget '{}' has {} limits, expected one per period ({})",
                                          budget.id, budget.limits.size(), horizon_.periods));
    budgets_.push_back(std::move(budget));
    return budget_count() - 1;
}

ALIGNGRAPH_INLINE Index Portfolio::add_team(Team team) {
    touch();
    if (team.id.empty()) throw ValidationError("add_team(): team id is empty");
    detail::check_text("add_team", "team id", team.id);
    detail::check_text("add_team", "team name", team.name);
    if (find_team(team.id)) throw ValidationError(fmt::format("add_team(): duplicate team id '{}'", team.id));
    if (static_cast<Index>(team.capacity.size()) != horizon_.periods)
        throw ValidationError(fmt::format("add_team(): team '{}' has {} capacities, expected one per period ({})",
                                          team.id, team.capacity.size(), horizon_.periods));
    teams_.push_back(std::move(team));
    return team_count() - 1;
}

ALIGNGRAPH_INLINE void Portfolio::set_demand(std::string_view initiative, std::string_view team, std::vector<double> per_period) {
    touch();
    auto i = find_initiative(initiative);
    auto t = find_team(team);
    if (!i) throw ValidationError(fmt::format("set_demand(): unknown initiative '{}'", detail::escaped(initiative)));
    if (!t) throw ValidationError(fmt::format("set_demand(): '{}' demands unknown team '{}'", initiative, detail::escaped(team)));
    if (static_cast<Index>(per_period.size()) != durations_(*i))
        throw ValidationError(fmt::format(
            "set_demand(): demand of '{}' on team '{}' has {} values, expected one per running period ({})",
            initiative, team, per_period.size(), durations_(*i)));
    for (auto& d : demands_)
        if (d.initiative == *i && d.team == *t) {
            d.per_period = std::move(per_period);
            return;
        }
    demands_.push_back({*i, *t, std::move(per_period)});
}

ALIGNGRAPH_INLINE void Portfolio::add_scenario(Scenario scenario) {
    touch();
    if (scenario.id.empty()) throw ValidationError("add_scenario(): scenario id is empty");
    detail::check_text("add_scenario", "scenario id", scenario.id);
    detail::check_text("add_scenario", "scenario name", scenario.name);
    for (const auto& s : scenarios_)
        if (s.id == scenario.id) throw ValidationError(fmt::format("add_scenario(): duplicate scenario id '{}'", s.id));
    scenarios_.push_back(std::move(scenario));
}

// ---- lookups ----------------------------------------------------------------------

ALIGNGRAPH_INLINE std::vector<std::string> Portfolio::goal_ids() const {
    std::vector<std::string> out;
    out.reserve(goals_.size());
    for (const auto& g : goals_) out.push_back(g.id);
    return out;
}

ALIGNGRAPH_INLINE std::optional<Index> Portfolio::find_initiative(std::string_view id) const { return detail::lookup_index(initiative_index_, id); }
ALIGNGRAPH_INLINE std::optional<Index> Portfolio::find_goal(std::string_view id) const { return detail::lookup_index(goal_index_, id); }

ALIGNGRAPH_INLINE std::optional<Index> Portfolio::find_team(std::string_view id) const {
    for (std::size_t t = 0; t < teams_.size(); ++t)
        if (teams_[t].id == id) return static_cast<Index>(t);
    return std::nullopt;
}

ALIGNGRAPH_INLINE std::optional<Index> Portfolio::find_budget(std::string_view id) const {
    for (std::size_t b = 0; b < budgets_.size(); ++b)
        if (budgets_[b].id == id) return static_cast<Index>(b);
    return std::nullopt;
}

ALIGNGRAPH_INLINE Index Portfolio::initiative_index(std::string_view id) const {
    if (auto i = find_initiative(id)) return *i;
    throw ValidationError(fmt::format("unknown initiative '{}'", detail::escaped(id)));
}

ALIGNGRAPH_INLINE Index Portfolio::goal_index(std::string_view id) const {
    if (auto g = find_goal(id)) return *g;
    throw ValidationError(fmt::format("unknown goal '{}'", id));
}

ALIGNGRAPH_INLINE Initiative Portfolio::initiative(Index i) const {
    if (i < 0 || i >= initiative_count())
        throw ValidationError(fmt::format("initiative(): index {} out of range [0, {})", i, initiative_count()));
    Initiative r;
    r.id = ids_[i];
    r.name = names_[i];
    r.department = departments_[i];
    r.start = starts_(i);
    r.duration = durations_(i);
    r.effort = efforts_(i);
    const auto P = horizon_.periods;
    auto row = [&](const FlowMatrix& m) {
        std::vector<Money> v(static_cast<std::size_t>(P));
        for (Index t = 0; t < P; ++t) v[static_cast<std::size_t>(t)] = m(i, t);
        return v;
    };
    r.capex = row(capex_);
    r.opex = row(opex_);
    r.benefits = row(benefits_);
    for (std::size_t c = 0; c < criterion_names_.size(); ++c) {
        const double v = criteria_(i, static_cast<Index>(c));
        if (!std::isnan(v)) r.criteria.emplace(criterion_names_[c], v);
    }
    r.uncertainty = uncertainties_[i];
    r.flags = flags_[i];
    r.status = statuses_[i];
    r.window = windows_[i];
    for (const auto& d : demands_)
        if (d.initiative == i) r.demand.emplace(teams_[d.team].id, d.per_period);
    return r;
}

// ---- derived arrays ---------------------------------------------------------------

ALIGNGRAPH_INLINE const Eigen::SparseMatrix<double, Eigen::RowMajor>& Portfolio::contribution_matrix() const {
    std::lock_guard<std::mutex> lock(contribution_cache_.mutex);
    if (!contribution_cache_.matrix || contribution_cache_.revision != revision_) {
        std::vector<Eigen::Triplet<double>> triplets;
        triplets.reserve(contributions_.size());
        for (const auto& c : contributions_) triplets.emplace_back(c.initiative, c.goal, c.strength);
        auto m = std::make_shared<Eigen::SparseMatrix<double, Eigen::RowMajor>>(initiative_count(), goal_count());
        m->setFromTriplets(triplets.begin(), triplets.end());
        contribution_cache_.matrix = std::move(m);
        contribution_cache_.revision = revision_;
    }
    return *contribution_cache_.matrix;
}

ALIGNGRAPH_INLINE FlowMatrix Portfolio::budget_costs(Index b) const {
    const Budget& budget = budgets_.at(static_cast<std::size_t>(b));
    FlowMatrix m;
    switch (budget.kind) {
        case CostKind::all: m = capex() + opex(); break;
        case CostKind::capex: m = capex(); break;
        case CostKind::opex: m = opex(); break;
    }
    if (!budget.department.empty())
        for (Index i = 0; i < initiative_count(); ++i)
            if (departments_[i] != budget.department) m.row(i).setZero();
    return m;
}

ALIGNGRAPH_INLINE Eigen::MatrixXd Portfolio::budget_limits() const {
    Eigen::MatrixXd m(budget_count(), horizon_.periods);
    for (Index b = 0; b < budget_count(); ++b)
        for (Index t = 0; t < horizon_.periods; ++t) m(b, t) = budgets_[b].limits[t];
    return m;
}

ALIGNGRAPH_INLINE Eigen::MatrixXd Portfolio::team_capacities() const {
    Eigen::MatrixXd m(team_count(), horizon_.periods);
    for (Index k = 0; k < team_count(); ++k)
        for (Index t = 0; t < horizon_.periods; ++t) m(k, t) = teams_[k].capacity[t];
    return m;
}

ALIGNGRAPH_INLINE void Portfolio::check() const {
    if (checked_revision_.value.load(std::memory_order_acquire) == revision_) return;
    auto problems = validate_errors(*this);
    if (problems.empty()) {
        checked_revision_.value.store(revision_, std::memory_order_release);
        return;
    }
    std::string what = problems.size() == 1 ? "invalid model: " : fmt::format("invalid model, {} problems:", problems.size());
    for (const auto& p : problems)
        what += problems.size() == 1 ? fmt::format("{}: {}", p.pointer, p.message)
                                     : fmt::format("\n  {}: {}", p.pointer, p.message);
    for (const auto& p : problems)
        if (!p.cycle.empty()) {
            auto cycle = p.cycle;
            throw CycleError(std::move(what), std::move(cycle), std::move(problems));
        }
    throw ValidationError(std::move(what), std::move(problems));
}

ALIGNGRAPH_INLINE bool Portfolio::operator==(const Portfolio& o) const {
    const auto n = initiative_count();
    auto same_rows = [n](const auto& a, const auto& b) { return (a.topRows(n).array() == b.topRows(n).array()).all(); };
    if (!(horizon_ == o.horizon_ && name_ == o.name_ && settings_ == o.settings_ && goals_ == o.goals_ &&
          goal_links_ == o.goal_links_ && ids_ == o.ids_ && names_ == o.names_ && departments_ == o.departments_ &&
          flags_ == o.flags_ && statuses_ == o.statuses_ && windows_ == o.windows_ && uncertainties_ == o.uncertainties_ &&
          contributions_ == o.contributions_ && requirements_ == o.requirements_ && exclusions_ == o.exclusions_ &&
          budgets_ == o.budgets_ && teams_ == o.teams_ && demands_ == o.demands_ && scenarios_ == o.scenarios_ &&
          correlations_ == o.correlations_ && risk_events_ == o.risk_events_))
        return false;
    if (!same_rows(capex_, o.capex_) || !same_rows(opex_, o.opex_) || !same_rows(benefits_, o.benefits_)) return false;
    if ((starts() != o.starts()) || (durations() != o.durations())) return false;
    if (!(efforts().array() == o.efforts().array()).all()) return false;
    // Criteria compare by name (column order may differ), NaN meaning "no score".
    for (Index i = 0; i < n; ++i)
        if (initiative(i).criteria != o.initiative(i).criteria) return false;
    return true;
}

}  // namespace aligngraph
