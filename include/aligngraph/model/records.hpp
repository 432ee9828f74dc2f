#pragma once
/// @file records.hpp
/// The plain records the builder takes and the model hands back: one goal, one
/// initiative, one budget, one team, one scenario. The model itself stores their
/// numbers as structure of arrays (see portfolio.hpp).

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "aligngraph/names.hpp"
#include "aligngraph/types.hpp"

namespace aligngraph {

/// A goal's key performance indicator.
struct Kpi {
    std::string metric;  ///< what is measured ("cost-income ratio")
    std::string unit;    ///< its unit ("%")
    double baseline = 0; ///< value today
    double target = 0;   ///< value aimed for
    friend bool operator==(const Kpi&, const Kpi&) = default;
};

/// Pairwise comparisons of a goal's children (AHP): matrix[i][j] = how many times children[i]
/// matters more than children[j]; an empty cell is a missing judgment. The children's link
/// weights are the AHP weights (principal eigenvector) of this matrix.
struct Judgments {
    std::vector<std::string> children;
    std::vector<std::vector<std::optional<double>>> matrix;
    friend bool operator==(const Judgments&, const Judgments&) = default;
};

/// A node of the goal hierarchy (enterprise goal, business objective, IT goal...).
struct Goal {
    std::string id;
    std::string name;
    std::string level;   ///< free label of the level, e.g. "enterprise", "business", "it"
    std::string owner;   ///< owning department, may be empty
    std::optional<Kpi> kpi;
    /// Top-level weight, for root goals only (> 0; roots are normalised to sum 1).
    /// A root without one counts as 1 (equal weights).
    std::optional<Weight> weight;
    /// When set, the local weights of this goal's links to its children come from AHP.
    std::optional<Judgments> judgments;
    friend bool operator==(const Goal&, const Goal&) = default;
};

/// Lifecycle status of an initiative.
enum class Status { proposed, approved, running, completed, cancelled, on_hold };

/// How risk analysis samples a three-point estimate.
enum class Distribution { triangular, pert, uniform, normal, lognormal };

/// A three-point estimate: low <= mode <= high. For cost and benefit these are
/// multipliers of the planned flows (1 = as planned); for delay, periods.
struct Estimate {
    Distribution distribution = Distribution::triangular;
    double low = 1;
    double mode = 1;
    double high = 1;
    friend bool operator==(const Estimate&, const Estimate&) = default;
};

/// What is uncertain about an initiative. A failed initiative (probability
/// 1 - success_probability) spends its cost and returns no benefit.
struct Uncertainty {
    std::optional<Estimate> cost;
    std::optional<Estimate> benefit;
    std::optional<Estimate> delay;
    double success_probability = 1;
    friend bool operator==(const Uncertainty&, const Uncertainty&) = default;
};

/// Which multipliers of the initiatives a correlation links.
enum class CorrelationOn { cost, benefit, both };

/// Correlation between initiatives' multipliers, sampled through a Gaussian copula: every
/// pair of the members has this coefficient (a pair is a group of two). `on` says which
/// multipliers: the cost multipliers among themselves, the benefit multipliers among
/// themselves, or both (each kind with its own kind; cost and benefit are not linked).
/// Members without an estimate of that kind are sampled as planned (multiplier 1).
struct Correlation {
    std::vector<std::string> initiatives;  ///< at least two distinct ids
    double coefficient = 0;                ///< in [-1, 1]
    CorrelationOn on = CorrelationOn::both;
    friend bool operator==(const Correlation&, const Correlation&) = default;
};

/// A risk event of the register (as Safran Risk and Primavera Risk Analysis keep them): in
/// each sample it happens with `probability`, and then hits every listed initiative: its
/// cost grows by the drawn fraction (`cost`, 0.2 = +20% of its cost; one draw for the event,
/// shared by the initiatives it hits) and it starts the drawn number of periods late (`delay`).
struct RiskEvent {
    std::string id;
    std::string name;
    double probability = 0;                ///< in [0, 1]
    std::vector<std::string> initiatives;  ///< at least one id
    std::optional<Estimate> cost;          ///< extra cost as a fraction of the initiative's cost
    std::optional<Estimate> delay;         ///< periods
    friend bool operator==(const RiskEvent&, const RiskEvent&) = default;
};

/// Decision flags of an initiative.
struct Flags {
    bool mandatory = false;   ///< must be funded (regulatory, contractual)
    bool forced_in = false;   ///< decided in by the board
    bool forced_out = false;  ///< decided out by the board
    friend bool operator==(const Flags&, const Flags&) = default;
};

/// When an initiative may start, for the roadmap (schedule/roadmap.hpp). Unset: the
/// earliest start is its planned `start`, the latest lets it finish within the horizon.
/// A deadline is the period by which it must have finished (its finish, start + duration,
/// is at most the deadline); it sets the latest start when that is earlier.
struct StartWindow {
    std::optional<Period> earliest;  ///< file: earliest_start
    std::optional<Period> latest;    ///< file: latest_start
    std::optional<Period> deadline;  ///< file: deadline
    friend bool operator==(const StartWindow&, const StartWindow&) = default;
};

/// An initiative: an IT or business project that costs, returns and serves goals.
///
/// Flows are per period of the horizon, from period 0; a list shorter than the
/// horizon is followed by zeros. Amounts are non-negative: costs are outflows,
/// benefits inflows.
struct Initiative {
    std::string id;
    std::string name;
    std::string department;
    Period start = 0;       ///< first period the initiative runs
    Periods duration = 1;   ///< periods it runs (>= 1); start + duration <= horizon
    double effort = 0;      ///< size or effort (person-days, story points...; >= 0)
    std::vector<Money> capex;
    std::vector<Money> opex;
    std::vector<Money> benefits;
    /// Named criterion scores for weighted scoring, e.g. {"risk_reduction", 7}.
    std::map<std::string, double> criteria;
    std::optional<Uncertainty> uncertainty;
    Flags flags;
    Status status = Status::proposed;
    /// Demand on teams while it runs: team id -> one value per running period
    /// (length = duration).
    std::map<std::string, std::vector<double>> demand;
    /// When it may start (the roadmap moves it within this window; its flows and demand move with it).
    StartWindow window;
    friend bool operator==(const Initiative&, const Initiative&) = default;
};

/// Which costs a budget limits.
enum class CostKind { all, capex, opex };

/// A per-period limit on the costs of one funding pool: the initiatives of one
/// department (or all when `department` is empty), counting capex, opex or both.
/// The budget with no department and kind `all` is the total budget.
struct Budget {
    std::string id;
    std::string department;        ///< empty: every department
    CostKind kind = CostKind::all;
    std::vector<Money> limits;     ///< one per period
    friend bool operator==(const Budget&, const Budget&) = default;
};

/// A team whose capacity (FTE, hours...) initiatives draw on while they run.
struct Team {
    std::string id;
    std::string name;
    std::vector<double> capacity;  ///< one per period
    friend bool operator==(const Team&, const Team&) = default;
};

/// A named overlay on the model. Fields left empty change nothing.
struct Scenario {
    std::string id;
    std::string name;
    std::optional<Rate> discount_rate;          ///< replaces the yearly discount rate
    std::optional<double> budget_factor;        ///< scales every budget limit (> 0)
    std::optional<double> cost_overrun;         ///< scales every cost flow (> 0)
    std::optional<Weight> enabler_share;        ///< replaces beta, in [0, 1]
    std::map<std::string, Weight> goal_weights; ///< root goal id -> top-level weight
    std::map<std::string, double> criterion_weights;  ///< criterion name -> weight in weighted scoring
    std::map<std::string, Judgments> judgments;       ///< goal id -> judgments over its children, replacing its link weights
    std::vector<std::string> forced_in;         ///< initiative ids decided in
    std::vector<std::string> forced_out;        ///< initiative ids decided out
    friend bool operator==(const Scenario&, const Scenario&) = default;
};

/// Model-wide settings.
struct Settings {
    Rate discount_rate = 0.10;     ///< per year; converted to the period length where used
    Weight enabler_share = 0.5;    ///< beta: share of a dependant's alignment credited to its prerequisites
    std::string currency = "EUR";
    friend bool operator==(const Settings&, const Settings&) = default;
};

/// A contribution's strength on the named scale of QFD matrices.
enum class Strength { none, weak, medium, strong };

/// The strength in [0, 1]: none/weak/medium/strong = 0/1/3/9, over 9.
constexpr Weight strength_of(Strength s) {
    switch (s) {
        case Strength::weak: return 1.0 / 9.0;
        case Strength::medium: return 3.0 / 9.0;
        case Strength::strong: return 1.0;
        case Strength::none: break;
    }
    return 0.0;
}

// Names of the enum values as the model file writes them ("on_hold", "pert", "capex"):
// to_string() and from_string<E>() of names.hpp read these tables.
template <>
struct EnumNames<Status> {
    static constexpr std::string_view type = "Status";
    static constexpr std::array table{std::pair{Status::proposed, std::string_view("proposed")},
                                      std::pair{Status::approved, std::string_view("approved")},
                                      std::pair{Status::running, std::string_view("running")},
                                      std::pair{Status::completed, std::string_view("completed")},
                                      std::pair{Status::cancelled, std::string_view("cancelled")},
                                      std::pair{Status::on_hold, std::string_view("on_hold")}};
};

template <>
struct EnumNames<CorrelationOn> {
    static constexpr std::string_view type = "CorrelationOn";
    static constexpr std::array table{std::pair{CorrelationOn::cost, std::string_view("cost")},
                                      std::pair{CorrelationOn::benefit, std::string_view("benefit")},
                                      std::pair{CorrelationOn::both, std::string_view("both")}};
};

template <>
struct EnumNames<Distribution> {
    static constexpr std::string_view type = "Distribution";
    static constexpr std::array table{std::pair{Distribution::triangular, std::string_view("triangular")},
                                      std::pair{Distribution::pert, std::string_view("pert")},
                                      std::pair{Distribution::uniform, std::string_view("uniform")},
                                      std::pair{Distribution::normal, std::string_view("normal")},
                                      std::pair{Distribution::lognormal, std::string_view("lognormal")}};
};

template <>
struct EnumNames<Strength> {
    static constexpr std::string_view type = "Strength";
    static constexpr std::array table{std::pair{Strength::none, std::string_view("none")},
                                      std::pair{Strength::weak, std::string_view("weak")},
                                      std::pair{Strength::medium, std::string_view("medium")},
                                      std::pair{Strength::strong, std::string_view("strong")}};
};

template <>
struct EnumNames<CostKind> {
    static constexpr std::string_view type = "CostKind";
    static constexpr std::array table{std::pair{CostKind::all, std::string_view("all")},
                                      std::pair{CostKind::capex, std::string_view("capex")},
                                      std::pair{CostKind::opex, std::string_view("opex")}};
};

}  // namespace aligngraph
