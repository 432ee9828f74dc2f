// Bindings of the model: enums, records and the Portfolio builder and arrays.

#include <fmt/format.h>
#include <pybind11/eigen.h>
#include <pybind11/operators.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "aligngraph/model/portfolio.hpp"
#include "aligngraph/model/validation.hpp"
#include "aligngraph/model/what_if.hpp"
#include "bindings.hpp"
#include "model_access.hpp"

namespace py = pybind11;

namespace aligngraph::python {

namespace {

// Judgments from Python's (children, matrix with NaN for a missing judgment).
Judgments judgments_of(std::vector<std::string> children, const Eigen::MatrixXd& matrix) {
    Judgments j;
    j.children = std::move(children);
    for (Index r = 0; r < matrix.rows(); ++r) {
        std::vector<std::optional<double>> row;
        for (Index c = 0; c < matrix.cols(); ++c)
            row.push_back(std::isnan(matrix(r, c)) ? std::nullopt : std::optional<double>(matrix(r, c)));
        j.matrix.push_back(std::move(row));
    }
    return j;
}

template <class T>
std::string repr_id(const char* type, const T& r) {
    return std::string("<aligngraph.") + type + " '" + r.id + "'>";
}

}  // namespace

void define_model(py::module_& m) {
    bind_enum<Status>(m, "Lifecycle status of an initiative.");
    bind_enum<Distribution>(m, "How risk analysis samples a three-point estimate.");
    bind_enum<CostKind>(m, "Which costs a budget limits.");
    bind_enum<CorrelationOn>(m, "Which multipliers a correlation links: cost, benefit, or both (each with its own kind).");
    bind_enum<Strength>(m, "A contribution's strength on the named scale: none, weak (1/9), medium (3/9), strong (1).");

    py::class_<Horizon>(m, "Horizon", "The planning horizon: `periods` periods of `period_years` years from `first_label`.")
        .def(py::init([](Periods periods, double period_years, std::string first_label) {
                 return Horizon{periods, period_years, std::move(first_label)};
             }),
             py::arg("periods") = 12, py::arg("period_years") = 0.25, py::arg("first_label") = "2027Q1")
        .def_readonly("periods", &Horizon::periods)
        .def_readonly("period_years", &Horizon::period_years)
        .def_readonly("first_label", &Horizon::first_label)
        .def("label", &Horizon::label, py::arg("t"), "Label of period t (0-based).")
        .def("labels", [](const Horizon& h) {
            std::vector<std::string> out;
            for (Period t = 0; t < h.periods; ++t) out.push_back(h.label(t));
            return out;
        }, "Labels of every period.")
        .def(py::self == py::self)
        .def("__repr__", [](const Horizon& h) {
            return "Horizon(periods=" + std::to_string(h.periods) + ", period_years=" + py::repr(py::float_(h.period_years)).cast<std::string>() +
                   ", first_label='" + h.first_label + "')";
        });

    py::class_<Settings>(m, "Settings", "Model-wide settings.")
        .def(py::init([](Rate discount_rate, Weight enabler_share, std::string currency) {
                 return Settings{discount_rate, enabler_share, std::move(currency)};
             }),
             py::arg("discount_rate") = 0.10, py::arg("enabler_share") = 0.5, py::arg("currency") = "EUR")
        .def_readwrite("discount_rate", &Settings::discount_rate, "Discount rate per year.")
        .def_readwrite("enabler_share", &Settings::enabler_share, "beta: share of a dependant's alignment credited to prerequisites.")
        .def_readwrite("currency", &Settings::currency)
        .def(py::self == py::self);

    py::class_<Kpi>(m, "Kpi", "A goal's key performance indicator.")
        .def(py::init([](std::string metric, std::string unit, double baseline, double target) {
                 return Kpi{std::move(metric), std::move(unit), baseline, target};
             }),
             py::arg("metric"), py::arg("unit") = "", py::arg("baseline") = 0.0, py::arg("target") = 0.0)
        .def_readwrite("metric", &Kpi::metric)
        .def_readwrite("unit", &Kpi::unit)
        .def_readwrite("baseline", &Kpi::baseline)
        .def_readwrite("target", &Kpi::target)
        .def(py::self == py::self);

    py::class_<Judgments>(m, "Judgments", "AHP judgments of a goal over its children.")
        .def_readonly("children", &Judgments::children)
        .def_property_readonly("matrix", [](const Judgments& j) { return judgment_matrix(j); },
                               "The matrix, NaN where a judgment is missing.");

    py::class_<Goal>(m, "Goal", "A goal of the hierarchy.")
        .def_readonly("id", &Goal::id)
        .def_readonly("name", &Goal::name)
        .def_readonly("level", &Goal::level)
        .def_readonly("owner", &Goal::owner)
        .def_readonly("kpi", &Goal::kpi)
        .def_readonly("weight", &Goal::weight, "Top-level weight (root goals only), or None.")
        .def_readonly("judgments", &Goal::judgments, "AHP judgments over its children, or None.")
        .def("__repr__", [](const Goal& g) { return repr_id("Goal", g); });

    py::class_<Estimate>(m, "Estimate", "Three-point estimate low <= mode <= high (multipliers; periods for delay).")
        .def(py::init([](double low, double mode, double high, Distribution d) { return Estimate{d, low, mode, high}; }),
             py::arg("low"), py::arg("mode"), py::arg("high"), py::arg("distribution") = Distribution::triangular)
        .def_readwrite("distribution", &Estimate::distribution)
        .def_readwrite("low", &Estimate::low)
        .def_readwrite("mode", &Estimate::mode)
        .def_readwrite("high", &Estimate::high)
        .def(py::self == py::self);

    py::class_<Uncertainty>(m, "Uncertainty", "What is uncertain about an initiative.")
        .def(py::init([](std::optional<Estimate> cost, std::optional<Estimate> benefit, std::optional<Estimate> delay,
                         double success_probability) {
                 return Uncertainty{cost, benefit, delay, success_probability};
             }),
             py::kw_only(), py::arg("cost") = py::none(), py::arg("benefit") = py::none(), py::arg("delay") = py::none(),
             py::arg("success_probability") = 1.0)
        .def_readwrite("cost", &Uncertainty::cost)
        .def_readwrite("benefit", &Uncertainty::benefit)
        .def_readwrite("delay", &Uncertainty::delay)
        .def_readwrite("success_probability", &Uncertainty::success_probability)
        .def(py::self == py::self);

    py::class_<Correlation>(m, "Correlation", "Correlated multipliers of initiatives (a Gaussian copula; every pair has the coefficient).")
        .def_readonly("initiatives", &Correlation::initiatives)
        .def_readonly("coefficient", &Correlation::coefficient)
        .def_readonly("on", &Correlation::on)
        .def(py::self == py::self)
        .def("__repr__", [](const Correlation& c) {
            std::string ids;
            for (const auto& i : c.initiatives) ids += (ids.empty() ? "" : ", ") + i;
            return fmt::format("<aligngraph.Correlation {} of {}: {}>", to_string(c.on), ids, c.coefficient);
        });

    py::class_<RiskEvent>(m, "RiskEvent", "A risk event of the register: its probability, the initiatives it hits, its impacts.")
        .def_readonly("id", &RiskEvent::id)
        .def_readonly("name", &RiskEvent::name)
        .def_readonly("probability", &RiskEvent::probability)
        .def_readonly("initiatives", &RiskEvent::initiatives)
        .def_readonly("cost", &RiskEvent::cost, "Extra cost as a fraction of each initiative's cost (an Estimate), or None.")
        .def_readonly("delay", &RiskEvent::delay, "Periods of delay (an Estimate), or None.")
        .def(py::self == py::self)
        .def("__repr__", [](const RiskEvent& e) { return fmt::format("<aligngraph.RiskEvent '{}' p={}>", e.id, e.probability); });

    py::class_<Initiative>(m, "Initiative", "An initiative's record (a copy; change the model with its builder methods).")
        .def_readonly("id", &Initiative::id)
        .def_readonly("name", &Initiative::name)
        .def_readonly("department", &Initiative::department)
        .def_readonly("start", &Initiative::start)
        .def_readonly("duration", &Initiative::duration)
        .def_readonly("effort", &Initiative::effort)
        .def_readonly("capex", &Initiative::capex)
        .def_readonly("opex", &Initiative::opex)
        .def_readonly("benefits", &Initiative::benefits)
        .def_readonly("criteria", &Initiative::criteria)
        .def_readonly("uncertainty", &Initiative::uncertainty)
        .def_property_readonly("mandatory", [](const Initiative& i) { return i.flags.mandatory; })
        .def_property_readonly("forced_in", [](const Initiative& i) { return i.flags.forced_in; })
        .def_property_readonly("forced_out", [](const Initiative& i) { return i.flags.forced_out; })
        .def_readonly("status", &Initiative::status)
        .def_readonly("demand", &Initiative::demand)
        .def_property_readonly("earliest_start", [](const Initiative& i) { return i.window.earliest; })
        .def_property_readonly("latest_start", [](const Initiative& i) { return i.window.latest; })
        .def_property_readonly("deadline", [](const Initiative& i) { return i.window.deadline; })
        .def("__repr__", [](const Initiative& i) { return repr_id("Initiative", i); });

    py::class_<Budget>(m, "Budget", "A per-period limit on one funding pool's costs.")
        .def_readonly("id", &Budget::id)
        .def_readonly("department", &Budget::department)
        .def_readonly("kind", &Budget::kind)
        .def_readonly("limits", &Budget::limits);

    py::class_<Team>(m, "Team", "A team with per-period capacity.")
        .def_readonly("id", &Team::id)
        .def_readonly("name", &Team::name)
        .def_readonly("capacity", &Team::capacity);

    py::class_<Scenario>(m, "Scenario", "A named overlay on the model.")
        .def_readonly("id", &Scenario::id)
        .def_readonly("name", &Scenario::name)
        .def_readonly("discount_rate", &Scenario::discount_rate)
        .def_readonly("budget_factor", &Scenario::budget_factor)
        .def_readonly("cost_overrun", &Scenario::cost_overrun)
        .def_readonly("enabler_share", &Scenario::enabler_share)
        .def_readonly("goal_weights", &Scenario::goal_weights)
        .def_readonly("criterion_weights", &Scenario::criterion_weights)
        .def_readonly("judgments", &Scenario::judgments)
        .def_readonly("forced_in", &Scenario::forced_in)
        .def_readonly("forced_out", &Scenario::forced_out);

    py::class_<Portfolio>(m, "PortfolioCore", "The compiled portfolio model; use aligngraph.Portfolio.")
        .def(py::init([](Periods periods, double period_years, std::string first_label) {
                 return Portfolio{Horizon{periods, period_years, std::move(first_label)}};
             }),
             py::arg("periods") = 12, py::arg("period_years") = 0.25, py::arg("first_label") = "2027Q1")
        .def(py::init<const Portfolio&>(), py::arg("other"), "A copy of another model.")
        .def_property_readonly("horizon", &Portfolio::horizon)
        .def_property("name", &Portfolio::name, changing_call(&Portfolio::set_name))
        .def_property("settings", &Portfolio::settings, changing_call(&Portfolio::set_settings))
        .def("add_goal",
             [](Portfolio& p, std::string id, std::string name, std::string level, std::string owner,
                std::optional<Weight> weight, std::optional<Kpi> kpi) {
                 const auto lock = changing(p);
                 p.add_goal({std::move(id), std::move(name), std::move(level), std::move(owner), std::move(kpi), weight});
             },
             py::arg("id"), py::arg("name") = "", py::kw_only(), py::arg("level") = "", py::arg("owner") = "",
             py::arg("weight") = py::none(), py::arg("kpi") = py::none(),
             "Add a goal; `weight` is the top-level weight of a root goal.")
        .def("set_goal_judgments",
             [](Portfolio& p, std::string_view parent, std::vector<std::string> children, const Eigen::MatrixXd& matrix) {
                 const auto lock = changing(p);
                 p.set_goal_judgments(parent, judgments_of(std::move(children), matrix));
             },
             py::arg("parent"), py::arg("children"), py::arg("matrix"),
             "Local weights of parent -> children links from an AHP matrix (NaN: missing judgment); the judgments are kept.")
        .def("link_goals", changing_call(&Portfolio::link_goals), py::arg("parent"), py::arg("child"), py::arg("weight"),
             "Link parent -> child with a local weight (> 0, normalised per parent).")
        .def("add_initiative",
             [](Portfolio& p, std::string id, std::string name, std::string department, Period start, Periods duration,
                double effort, std::vector<Money> capex, std::vector<Money> opex, std::vector<Money> benefits,
                std::map<std::string, double> criteria, std::optional<Uncertainty> uncertainty, bool mandatory,
                bool forced_in, bool forced_out, Status status, std::map<std::string, std::vector<double>> demand,
                std::optional<Period> earliest_start, std::optional<Period> latest_start, std::optional<Period> deadline) {
                 const auto lock = changing(p);
                 Initiative in;
                 in.id = std::move(id);
                 in.name = std::move(name);
                 in.department = std::move(department);
                 in.start = start;
                 in.duration = duration;
                 in.effort = effort;
                 in.capex = std::move(capex);
                 in.opex = std::move(opex);
                 in.benefits = std::move(benefits);
                 in.criteria = std::move(criteria);
                 in.uncertainty = std::move(uncertainty);
                 in.flags = {mandatory, forced_in, forced_out};
                 in.status = status;
                 in.demand = std::move(demand);
                 in.window = {earliest_start, latest_start, deadline};
                 p.add_initiative(in);
             },
             py::arg("id"), py::arg("name") = "", py::arg("department") = "", py::kw_only(), py::arg("start") = 0,
             py::arg("duration") = 1, py::arg("effort") = 0.0, py::arg("capex") = std::vector<Money>{},
             py::arg("opex") = std::vector<Money>{}, py::arg("benefits") = std::vector<Money>{},
             py::arg("criteria") = std::map<std::string, double>{}, py::arg("uncertainty") = py::none(),
             py::arg("mandatory") = false, py::arg("forced_in") = false, py::arg("forced_out") = false,
             py::arg("status") = Status::proposed, py::arg("demand") = std::map<std::string, std::vector<double>>{},
             py::arg("earliest_start") = py::none(), py::arg("latest_start") = py::none(), py::arg("deadline") = py::none(),
             "Add an initiative. Flows are per period from period 0 (shorter lists are followed by zeros). "
             "earliest_start, latest_start, deadline: its start window for the roadmap.")
        .def("add_contribution", changing_call(py::overload_cast<std::string_view, std::string_view, Weight>(&Portfolio::add_contribution)),
             py::arg("initiative"), py::arg("goal"), py::arg("strength"))
        .def("add_contribution", changing_call(py::overload_cast<std::string_view, std::string_view, Strength>(&Portfolio::add_contribution)),
             py::arg("initiative"), py::arg("goal"), py::arg("strength"))
        .def("add_contribution",
             [](Portfolio& p, std::string_view initiative, std::string_view goal, std::string_view name) {
                 const auto lock = changing(p);
                 const auto s = from_string<Strength>(name);
                 if (!s)
                     throw ValidationError("add_contribution(): strength '" + std::string(name) + "' of '" +
                                           std::string(initiative) + "' -> '" + std::string(goal) +
                                           "' is not one of " + names_of<Strength>(", "));
                 p.add_contribution(initiative, goal, *s);
             },
             py::arg("initiative"), py::arg("goal"), py::arg("strength"),
             "Initiative -> goal contribution: a number in [0, 1], a Strength, or its name (none, weak, medium, strong).")
        .def("add_initiatives", changing_call(&Portfolio::add_initiatives), py::arg("ids"), py::arg("departments"),
             "Bulk: add initiatives (duration 1, no flows) with these ids and departments.")
        .def("add_contributions",
             [](Portfolio& p, const Eigen::Ref<const Eigen::Matrix<Index, Eigen::Dynamic, 1>>& initiatives,
                const Eigen::Ref<const Eigen::Matrix<Index, Eigen::Dynamic, 1>>& goals, const Eigen::Ref<const Eigen::VectorXd>& strengths) {
                 const auto lock = changing(p);
                 p.add_contributions({initiatives.data(), static_cast<std::size_t>(initiatives.size())},
                                     {goals.data(), static_cast<std::size_t>(goals.size())},
                                     {strengths.data(), static_cast<std::size_t>(strengths.size())});
             },
             py::arg("initiatives"), py::arg("goals"), py::arg("strengths"),
             "Bulk: contributions by index arrays (int64 initiative and goal indices, float strengths).")
        .def("add_requirements",
             [](Portfolio& p, const Eigen::Ref<const Eigen::Matrix<Index, Eigen::Dynamic, 1>>& dependants,
                const Eigen::Ref<const Eigen::Matrix<Index, Eigen::Dynamic, 1>>& prerequisites) {
                 const auto lock = changing(p);
                 p.add_requirements({dependants.data(), static_cast<std::size_t>(dependants.size())},
                                    {prerequisites.data(), static_cast<std::size_t>(prerequisites.size())});
             },
             py::arg("dependants"), py::arg("prerequisites"), "Bulk: requires links by index arrays.")
        .def("set_criterion",
             [](Portfolio& p, const std::string& name, const Eigen::Ref<const Eigen::VectorXd>& scores) {
                 const auto lock = changing(p);
                 p.set_criterion(name, {scores.data(), static_cast<std::size_t>(scores.size())});
             },
             py::arg("name"), py::arg("scores"), "Bulk: one criterion's score for every initiative (NaN: none).")
        .def("set_efforts",
             [](Portfolio& p, const Eigen::Ref<const Eigen::VectorXd>& efforts) {
                 const auto lock = changing(p);
                 p.set_efforts({efforts.data(), static_cast<std::size_t>(efforts.size())});
             },
             py::arg("efforts"), "Bulk: every initiative's effort.")
        .def("add_requires", changing_call(&Portfolio::add_requires), py::arg("dependant"), py::arg("prerequisite"),
             py::arg("lag") = 0,
             "`dependant` requires `prerequisite`: finish-to-start, starting no earlier than `lag` periods after it finishes.")
        .def("add_correlation",
             [](Portfolio& p, std::vector<std::string> initiatives, double coefficient, CorrelationOn on) {
                 const auto lock = changing(p);
                 p.add_correlation({std::move(initiatives), coefficient, on});
             },
             py::arg("initiatives"), py::arg("coefficient"), py::arg("on") = CorrelationOn::both,
             "Correlate the initiatives' multipliers (cost, benefit or both): every pair gets `coefficient` in [-1, 1].")
        .def("add_risk_event",
             [](Portfolio& p, std::string id, double probability, std::vector<std::string> initiatives, std::string name,
                std::optional<Estimate> cost, std::optional<Estimate> delay) {
                 const auto lock = changing(p);
                 p.add_risk_event({std::move(id), std::move(name), probability, std::move(initiatives), cost, delay});
             },
             py::arg("id"), py::arg("probability"), py::arg("initiatives"), py::kw_only(), py::arg("name") = "",
             py::arg("cost") = py::none(), py::arg("delay") = py::none(),
             "A risk event: in each sample it happens with `probability` and hits every listed initiative: `cost` "
             "(an Estimate of the extra cost as a fraction of its cost) and `delay` (an Estimate in periods).")
        .def_property_readonly("correlations", &Portfolio::correlations, "The correlations (copies).")
        .def_property_readonly("risk_events", &Portfolio::risk_events, "The risk event register (copies).")
        .def("add_exclusion", changing_call(&Portfolio::add_exclusion), py::arg("id"), py::arg("members"),
             "A group of alternatives: at most one member may be selected.")
        .def("add_budget",
             [](Portfolio& p, std::string id, std::vector<Money> limits, std::string department, CostKind kind) {
                 const auto lock = changing(p);
                 p.add_budget({std::move(id), std::move(department), kind, std::move(limits)});
             },
             py::arg("id"), py::arg("limits"), py::kw_only(), py::arg("department") = "", py::arg("kind") = CostKind::all)
        .def("add_team",
             [](Portfolio& p, std::string id, std::vector<double> capacity, std::string name) {
                 const auto lock = changing(p);
                 p.add_team({std::move(id), std::move(name), std::move(capacity)});
             },
             py::arg("id"), py::arg("capacity"), py::kw_only(), py::arg("name") = "")
        .def("set_demand", changing_call(&Portfolio::set_demand), py::arg("initiative"), py::arg("team"), py::arg("per_period"))
        .def("add_scenario",
             [](Portfolio& p, std::string id, std::string name, std::optional<Rate> discount_rate,
                std::optional<double> budget_factor, std::optional<double> cost_overrun,
                std::optional<Weight> enabler_share, std::map<std::string, Weight> goal_weights,
                std::map<std::string, double> criterion_weights,
                std::map<std::string, std::pair<std::vector<std::string>, Eigen::MatrixXd>> judgments,
                std::vector<std::string> forced_in, std::vector<std::string> forced_out) {
                 const auto lock = changing(p);
                 std::map<std::string, Judgments> js;
                 for (auto& [goal, jm] : judgments) js.emplace(goal, judgments_of(jm.first, jm.second));
                 p.add_scenario({std::move(id), std::move(name), discount_rate, budget_factor, cost_overrun, enabler_share,
                                 std::move(goal_weights), std::move(criterion_weights), std::move(js), std::move(forced_in),
                                 std::move(forced_out)});
             },
             py::arg("id"), py::arg("name") = "", py::kw_only(), py::arg("discount_rate") = py::none(),
             py::arg("budget_factor") = py::none(), py::arg("cost_overrun") = py::none(),
             py::arg("enabler_share") = py::none(), py::arg("goal_weights") = std::map<std::string, Weight>{},
             py::arg("criterion_weights") = std::map<std::string, double>{},
             py::arg("judgments") = std::map<std::string, std::pair<std::vector<std::string>, Eigen::MatrixXd>>{},
             py::arg("forced_in") = std::vector<std::string>{}, py::arg("forced_out") = std::vector<std::string>{})
        .def("apply_what_if",
             [](Portfolio& p, std::string scenario, std::vector<std::string> force_in, std::vector<std::string> force_out,
                std::optional<double> budget_factor) {
                 const auto lock = changing(p);
                 return apply_what_if(p, {std::move(scenario), std::move(force_in), std::move(force_out), budget_factor});
             },
             py::arg("scenario"), py::arg("force_in"), py::arg("force_out"), py::arg("budget_factor"),
             "Adds the what-if as a scenario of its own and returns its id (see Portfolio.what_if).")
        .def_property_readonly("initiative_count", &Portfolio::initiative_count)
        .def_property_readonly("goal_count", &Portfolio::goal_count)
        .def_property_readonly("initiative_ids", &Portfolio::initiative_ids)
        .def_property_readonly("goal_ids", &Portfolio::goal_ids)
        .def_property_readonly("names", &Portfolio::names)
        .def_property_readonly("departments", &Portfolio::departments)
        .def_property_readonly("criterion_names", &Portfolio::criterion_names)
        .def("initiative", [](const Portfolio& p, std::string_view id) { return p.initiative(p.initiative_index(id)); },
             py::arg("id"), "The record of one initiative.")
        .def("goal", [](const Portfolio& p, std::string_view id) { return p.goal(p.goal_index(id)); }, py::arg("id"))
        .def_property_readonly("goal_records", &Portfolio::goals)
        .def_property_readonly("budget_records", &Portfolio::budgets)
        .def_property_readonly("team_records", &Portfolio::teams)
        .def_property_readonly("scenarios", &Portfolio::scenarios)
        .def_property_readonly("capex", [](const Portfolio& p) { return FlowMatrix(p.capex()); }, "Capex, n x P.")
        .def_property_readonly("opex", [](const Portfolio& p) { return FlowMatrix(p.opex()); }, "Opex, n x P.")
        .def_property_readonly("benefits", [](const Portfolio& p) { return FlowMatrix(p.benefits()); }, "Benefits, n x P.")
        .def_property_readonly("costs", &Portfolio::costs, "capex + opex, n x P.")
        .def_property_readonly("net_flows", &Portfolio::net_flows, "benefits - costs, n x P.")
        .def_property_readonly("starts", [](const Portfolio& p) { return Eigen::VectorXi(p.starts()); })
        .def_property_readonly("durations", [](const Portfolio& p) { return Eigen::VectorXi(p.durations()); })
        .def_property_readonly("efforts", [](const Portfolio& p) { return Eigen::VectorXd(p.efforts()); })
        .def_property_readonly("criteria", [](const Portfolio& p) { return Eigen::MatrixXd(p.criteria()); },
                               "Criterion scores, n x C (columns: criterion_names); NaN where not given.")
        .def_property_readonly("flag_arrays", [](const Portfolio& p) {
            const auto n = p.initiative_count();
            Eigen::Array<bool, Eigen::Dynamic, 3> f(n, 3);
            for (Index i = 0; i < n; ++i)
                f.row(i) << p.flags()[i].mandatory, p.flags()[i].forced_in, p.flags()[i].forced_out;
            return f;
        }, "Columns mandatory, forced_in, forced_out; n x 3 booleans.")
        .def_property_readonly("statuses", &Portfolio::statuses)
        .def("contribution_triplets", [](const Portfolio& p) {
            std::vector<std::tuple<std::string, std::string, double>> out;
            for (const auto& c : p.contributions())
                out.emplace_back(p.initiative_ids()[c.initiative], p.goal(c.goal).id, c.strength);
            return out;
        }, "(initiative, goal, strength) for every contribution.")
        .def("contribution_matrix", [](const Portfolio& p) { return Eigen::MatrixXd(p.contribution_matrix()); },
             "Contribution strengths as a dense n x G array.")
        .def("requirement_pairs", [](const Portfolio& p) {
            std::vector<std::pair<std::string, std::string>> out;
            for (const auto& r : p.requirements())
                out.emplace_back(p.initiative_ids()[r.dependant], p.initiative_ids()[r.prerequisite]);
            return out;
        }, "(dependant, prerequisite) for every requires link.")
        .def("goal_link_triplets", [](const Portfolio& p) {
            std::vector<std::tuple<std::string, std::string, double>> out;
            for (const auto& l : p.goal_links()) out.emplace_back(p.goal(l.parent).id, p.goal(l.child).id, l.weight);
            return out;
        }, "(parent, child, raw local weight) for every goal link.")
        .def("exclusion_groups", [](const Portfolio& p) {
            std::vector<std::pair<std::string, std::vector<std::string>>> out;
            for (const auto& x : p.exclusions()) {
                std::vector<std::string> members;
                for (Index i : x.members) members.push_back(p.initiative_ids()[i]);
                out.emplace_back(x.id, members);
            }
            return out;
        }, "(group id, member ids) for every exclusion group.")
        .def("budget_costs", [](const Portfolio& p, std::string_view id) {
            auto b = p.find_budget(id);
            if (!b) throw ValidationError("budget_costs(): unknown budget '" + std::string(id) + "'");
            return p.budget_costs(*b);
        }, py::arg("budget"), "Costs counted by a budget, n x P.")
        .def("budget_limits", &Portfolio::budget_limits, "Budget limits, B x P.")
        .def("team_capacities", &Portfolio::team_capacities, "Team capacities, T x P.")
        .def("_problems", [](const Portfolio& p) {
            std::vector<std::tuple<std::string, std::string, bool>> out;
            for (const auto& q : validate(p)) out.emplace_back(q.pointer, q.message, q.severity == Severity::warning);
            return out;
        }, "Every problem as (json_pointer, message, is_warning), in model order.")
        .def("check", &Portfolio::check, "Raise ValidationError (or CycleError) listing every problem.")
        .def(py::self == py::self);
}

}  // namespace aligngraph::python
