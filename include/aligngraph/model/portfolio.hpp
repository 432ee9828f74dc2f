#pragma once
/// @file portfolio.hpp
/// The portfolio model: goals, initiatives, contributions, dependencies, budgets,
/// teams and scenarios. Numbers are stored as structure of arrays (Eigen), one row
/// per initiative in insertion order, so analyses run over all initiatives at once.
///
///     aligngraph::Portfolio p{aligngraph::Horizon{4, 0.25, "2027Q1"}};
///     p.add_goal({.id = "G1", .name = "Grow deposits"});
///     p.add_initiative({.id = "I-1", .name = "Mobile app", .department = "Retail",
///                       .duration = 2, .capex = {100, 50}, .benefits = {0, 0, 80, 80}});
///     p.add_contribution("I-1", "G1", aligngraph::Strength::strong);
///     p.check();   // throws ValidationError listing every problem

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_MODEL_PORTFOLIO
#endif

#include "aligngraph/export.hpp"
#include <Eigen/Core>
#include <Eigen/SparseCore>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "aligngraph/error.hpp"
#include "aligngraph/model/horizon.hpp"
#include "aligngraph/model/records.hpp"
#include "aligngraph/types.hpp"

namespace aligngraph {

/// A parent -> child link of the goal hierarchy with its (raw) local weight.
struct GoalLink {
    Index parent;
    Index child;
    Weight weight;  ///< > 0; normalised among the links of one parent where used
    friend bool operator==(const GoalLink&, const GoalLink&) = default;
};

/// Initiative -> goal contribution with strength in [0, 1].
struct Contribution {
    Index initiative;
    Index goal;
    Weight strength;
    friend bool operator==(const Contribution&, const Contribution&) = default;
};

/// `dependant` requires `prerequisite`: it can be selected only if the prerequisite
/// is, and starts after it finishes.
struct Requirement {
    Index dependant;
    Index prerequisite;
    Periods lag = 0;  ///< the dependant starts no earlier than `lag` periods after the prerequisite finishes
    friend bool operator==(const Requirement&, const Requirement&) = default;
};

/// Alternatives: at most one member may be selected.
struct ExclusionGroup {
    std::string id;
    std::vector<Index> members;
    friend bool operator==(const ExclusionGroup&, const ExclusionGroup&) = default;
};

/// Demand of one initiative on one team, one value per running period.
struct TeamDemand {
    Index initiative;
    Index team;
    std::vector<double> per_period;
    friend bool operator==(const TeamDemand&, const TeamDemand&) = default;
};

/// Row-per-initiative matrix of money flows (n x P).
using FlowMatrix = Eigen::MatrixXd;

/// The portfolio model. The builder methods check shapes and references at once
/// (a ValidationError for an unknown or duplicate id, a flow longer than the
/// horizon); values (signs, ranges, cycles, conflicting flags) are checked by
/// `validate(p)` (model/validation.hpp), which reports every problem, and `check()`, which throws the errors.
class ALIGNGRAPH_API Portfolio {
public:
    explicit Portfolio(Horizon horizon = {});

    // ---- whole model -------------------------------------------------------------
    const Horizon& horizon() const noexcept { return horizon_; }
    const std::string& name() const noexcept { return name_; }
    /// @throws ValidationError for a control character (as every text of the model).
    void set_name(std::string name);
    const Settings& settings() const noexcept { return settings_; }
    void set_settings(Settings s);

    // ---- builder -----------------------------------------------------------------
    /// Add a goal. @throws ValidationError on an empty or duplicate id.
    Index add_goal(Goal goal);
    /// Link parent -> child with a raw local weight (> 0, checked by validate()).
    /// @throws ValidationError naming an unknown goal id.
    void link_goals(std::string_view parent, std::string_view child, Weight local_weight);
    /// Keep a pairwise comparison matrix of `parent`'s children in the model: their local
    /// weights come from it (AHP, principal eigenvector; missing judgments completed),
    /// computed where they are used (local_goal_weights(), goal_weights()); the parent's
    /// links get weight 1, which nothing reads. Every child must already be linked to the
    /// parent, and the children must be all of the parent's children.
    /// @throws ValidationError naming the goal, an unknown or unlinked child, or what is wrong with the matrix.
    void set_goal_judgments(std::string_view parent, Judgments judgments);
    /// Add an initiative with its flows, criteria, flags and team demand.
    /// @throws ValidationError on an empty or duplicate id, a flow longer than the
    ///         horizon, or a demand on an unknown team.
    Index add_initiative(const Initiative& initiative);
    /// Initiative -> goal contribution, strength in [0, 1] (checked by validate()).
    /// @throws ValidationError naming an unknown initiative or goal.
    void add_contribution(std::string_view initiative, std::string_view goal, Weight strength);
    /// Same, with a strength on the named scale (Strength::weak is 1/9...).
    void add_contribution(std::string_view initiative, std::string_view goal, Strength strength);
    /// `dependant` requires `prerequisite` (finish-to-start: for the roadmap it starts no earlier
    /// than `lag` periods after the prerequisite finishes). @throws ValidationError naming an
    /// unknown id, or a lag below 0 or past the largest horizon.
    void add_requires(std::string_view dependant, std::string_view prerequisite, Periods lag = 0);
    // ---- bulk builder, by index (for generated or very large models) -------------
    /// Add initiatives with these ids and departments (duration 1, no flows).
    /// @throws ValidationError on an empty or duplicate id, or lists of different lengths.
    void add_initiatives(const std::vector<std::string>& ids, const std::vector<std::string>& departments);
    /// Contributions (initiative index, goal index, strength), all at once.
    /// @throws ValidationError naming an index out of range or lists of different lengths.
    void add_contributions(std::span<const Index> initiatives, std::span<const Index> goals, std::span<const double> strengths);
    /// `requires` links (dependant index, prerequisite index), all at once.
    void add_requirements(std::span<const Index> dependants, std::span<const Index> prerequisites);
    /// Set one criterion's score for every initiative (NaN: no score).
    void set_criterion(const std::string& name, std::span<const double> scores);
    /// Set every initiative's effort.
    void set_efforts(std::span<const double> efforts);
    /// A group of alternatives (at least two distinct members).
    /// @throws ValidationError on an unknown member, a duplicate group id or fewer than two members.
    void add_exclusion(std::string id, const std::vector<std::string>& members);
    /// A per-period budget. @throws ValidationError on a duplicate id or a limit list
    /// whose length is not the horizon's.
    Index add_budget(Budget budget);
    /// A team with per-period capacity. @throws as add_budget.
    Index add_team(Team team);
    /// Demand of an initiative on a team, one value per running period (length = duration).
    /// @throws ValidationError naming an unknown id or a wrong length.
    void set_demand(std::string_view initiative, std::string_view team, std::vector<double> per_period);
    /// Add a scenario (its ids are checked by validate()). @throws ValidationError on a duplicate id.
    void add_scenario(Scenario scenario);
    /// Correlate initiatives' cost or benefit multipliers (risk analysis; its coefficient and
    /// whether the whole matrix is a correlation matrix are checked by validate()).
    /// @throws ValidationError naming an unknown or repeated initiative, or fewer than two.
    void add_correlation(Correlation correlation);
    /// Add a risk event to the register (its probability and impacts are checked by validate()).
    /// @throws ValidationError on an empty or duplicate id, or an unknown or repeated initiative.
    void add_risk_event(RiskEvent event);

    // ---- sizes and ids -----------------------------------------------------------
    Index initiative_count() const noexcept { return static_cast<Index>(ids_.size()); }
    Index goal_count() const noexcept { return static_cast<Index>(goals_.size()); }
    Index budget_count() const noexcept { return static_cast<Index>(budgets_.size()); }
    Index team_count() const noexcept { return static_cast<Index>(teams_.size()); }
    const std::vector<std::string>& initiative_ids() const noexcept { return ids_; }
    std::vector<std::string> goal_ids() const;
    /// Index of an initiative / goal / team / budget id, or nothing.
    std::optional<Index> find_initiative(std::string_view id) const;
    std::optional<Index> find_goal(std::string_view id) const;
    std::optional<Index> find_team(std::string_view id) const;
    std::optional<Index> find_budget(std::string_view id) const;
    /// Index of an initiative id. @throws ValidationError naming the unknown id.
    Index initiative_index(std::string_view id) const;
    /// Index of a goal id. @throws ValidationError naming the unknown id.
    Index goal_index(std::string_view id) const;

    // ---- records (copies, for reports, I/O and bindings) -------------------------
    Initiative initiative(Index i) const;
    const Goal& goal(Index g) const { return goals_.at(static_cast<std::size_t>(g)); }
    const std::vector<Goal>& goals() const noexcept { return goals_; }
    const std::vector<Budget>& budgets() const noexcept { return budgets_; }
    const std::vector<Team>& teams() const noexcept { return teams_; }
    const std::vector<Scenario>& scenarios() const noexcept { return scenarios_; }
    const std::vector<Correlation>& correlations() const noexcept { return correlations_; }
    const std::vector<RiskEvent>& risk_events() const noexcept { return risk_events_; }
    const std::vector<GoalLink>& goal_links() const noexcept { return goal_links_; }
    const std::vector<Contribution>& contributions() const noexcept { return contributions_; }
    const std::vector<Requirement>& requirements() const noexcept { return requirements_; }
    const std::vector<ExclusionGroup>& exclusions() const noexcept { return exclusions_; }
    const std::vector<TeamDemand>& demands() const noexcept { return demands_; }

    // ---- structure of arrays (n = initiative_count(), P = horizon periods) -------
    const std::vector<std::string>& names() const noexcept { return names_; }
    const std::vector<std::string>& departments() const noexcept { return departments_; }
    /// Capital expenditure, n x P.
    auto capex() const { return capex_.topRows(initiative_count()); }
    /// Operating expenditure, n x P.
    auto opex() const { return opex_.topRows(initiative_count()); }
    /// Benefits (inflows), n x P.
    auto benefits() const { return benefits_.topRows(initiative_count()); }
    /// capex + opex, n x P.
    FlowMatrix costs() const { return capex() + opex(); }
    /// benefits - capex - opex, n x P (outflows negative).
    FlowMatrix net_flows() const { return benefits() - capex() - opex(); }
    auto starts() const { return starts_.head(initiative_count()); }
    auto durations() const { return durations_.head(initiative_count()); }
    auto efforts() const { return efforts_.head(initiative_count()); }
    const std::vector<Flags>& flags() const noexcept { return flags_; }
    const std::vector<Status>& statuses() const noexcept { return statuses_; }
    /// Each initiative's start window (for the roadmap).
    const std::vector<StartWindow>& windows() const noexcept { return windows_; }
    const std::vector<std::optional<Uncertainty>>& uncertainties() const noexcept { return uncertainties_; }
    /// Names of the criteria, in the order of the columns of criteria().
    const std::vector<std::string>& criterion_names() const noexcept { return criterion_names_; }
    /// Criterion scores, n x C; NaN where an initiative has no score for a criterion.
    auto criteria() const { return criteria_.topRows(initiative_count()); }
    /// Contribution strengths as a sparse n x G matrix (row-major), built once per change
    /// of the model and shared by later calls (safe from several threads).
    const Eigen::SparseMatrix<double, Eigen::RowMajor>& contribution_matrix() const;
    /// Costs counted by budget b, n x P (capex, opex or both, of its department or all).
    FlowMatrix budget_costs(Index b) const;
    /// Budget limits, B x P.
    Eigen::MatrixXd budget_limits() const;
    /// Team capacities, T x P.
    Eigen::MatrixXd team_capacities() const;

    // ---- validation --------------------------------------------------------------
    /// The errors of validate(p) (model/validation.hpp), thrown.
    /// @throws CycleError when the errors include a cycle, else ValidationError
    ///         when there is any error; the message lists them all. A model that passed
    ///         is not validated again until it changes.
    void check() const;

    /// Field-by-field equality (exact for numbers).
    bool operator==(const Portfolio& other) const;

    // ---- threads -----------------------------------------------------------------
    /// Threads: like a standard container, any number of threads may call const members
    /// and analyses on one model at once; a change while another thread uses the model is
    /// the caller's to prevent. This lock is for callers who share a model between threads:
    /// readers hold it shared, changes exclusively. The Python package does so: a change
    /// while another thread saves or analyses the model raises a clear error (never a torn
    /// read). A copy of the model has its own lock.
    std::shared_mutex& access_mutex() const noexcept { return access_.mutex; }

private:
    void reserve_rows(Index n);
    void touch() noexcept { ++revision_; }
    static void copy_flow(FlowMatrix& m, Index row, const std::vector<Money>& flow);

    Horizon horizon_;
    std::string name_;
    Settings settings_;

    std::vector<Goal> goals_;
    std::unordered_map<std::string, Index> goal_index_;
    std::vector<GoalLink> goal_links_;

    std::vector<std::string> ids_, names_, departments_;
    std::unordered_map<std::string, Index> initiative_index_;
    FlowMatrix capex_, opex_, benefits_;
    Eigen::VectorXi starts_, durations_;
    Eigen::VectorXd efforts_;
    std::vector<Flags> flags_;
    std::vector<Status> statuses_;
    std::vector<StartWindow> windows_;
    std::vector<std::optional<Uncertainty>> uncertainties_;
    std::vector<std::string> criterion_names_;
    Eigen::MatrixXd criteria_;

    std::vector<Contribution> contributions_;
    std::vector<Requirement> requirements_;
    std::vector<ExclusionGroup> exclusions_;
    std::vector<Budget> budgets_;
    std::vector<Team> teams_;
    std::vector<TeamDemand> demands_;
    std::vector<Scenario> scenarios_;
    std::vector<Correlation> correlations_;
    std::vector<RiskEvent> risk_events_;
    // Validation cache: the revision that last passed check(); every mutator bumps revision_.
    struct Revision {  // an atomic that copies its value
        std::atomic<std::uint64_t> value{0};
        Revision() = default;
        Revision(const Revision& o) : value(o.value.load()) {}
        Revision& operator=(const Revision& o) {
            value.store(o.value.load());
            return *this;
        }
    };
    std::uint64_t revision_ = 1;
    mutable Revision checked_revision_;
    struct SparseCache {  // not copied: a copy builds its own
        std::mutex mutex;
        std::uint64_t revision = 0;
        std::shared_ptr<const Eigen::SparseMatrix<double, Eigen::RowMajor>> matrix;
        SparseCache() = default;
        SparseCache(const SparseCache&) {}
        SparseCache& operator=(const SparseCache&) { return *this; }
    };
    mutable SparseCache contribution_cache_;
    struct AccessLock {  // not copied: a copy has its own
        mutable std::shared_mutex mutex;
        AccessLock() = default;
        AccessLock(const AccessLock&) {}
        AccessLock& operator=(const AccessLock&) { return *this; }
    };
    AccessLock access_;
};

}  // namespace aligngraph

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_MODEL_PORTFOLIO
#ifdef ALIGNGRAPH_OUTERMOST_MODEL_PORTFOLIO
#undef ALIGNGRAPH_OUTERMOST_MODEL_PORTFOLIO
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
