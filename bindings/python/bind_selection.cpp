// Bindings of portfolio selection: the problem, the result and its explanations, and the
// frontier as classes; frontiers also as columns for a pandas frame.

#include <pybind11/eigen.h>
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <limits>

#include "aligngraph/io/report.hpp"
#include "aligngraph/selection/knapsack.hpp"
#include "aligngraph/selection/portfolio_selection.hpp"
#include "aligngraph/selection/scenario_comparison.hpp"
#include "bindings.hpp"
#include "interrupt.hpp"
#include "model_access.hpp"

namespace py = pybind11;

namespace aligngraph::python {

namespace {

// A frontier as columns for a pandas frame: numpy arrays, `selected` a list per level (ids
// when the problem has them, else indices) and one column per pool ("budget POOL").
// Column-wise is several times faster for pandas than a row per level.
py::dict frontier_columns(const std::vector<FrontierPoint>& points) {
    const auto k = static_cast<Index>(points.size());
    Eigen::VectorXd factor(k), total(k), value(k), upper(k), marginal(k), seconds(k);
    py::array_t<bool> feasible(k), proven(k), knee(k);
    auto f = feasible.mutable_unchecked<1>();
    auto p = proven.mutable_unchecked<1>();
    auto kn = knee.mutable_unchecked<1>();
    py::list selected, reasons, stops;
    const std::vector<std::string> pools = points.empty() ? std::vector<std::string>{} : points.front().result.pools;
    Eigen::MatrixXd pool_budgets(k, static_cast<Index>(pools.size()));
    for (Index i = 0; i < k; ++i) {
        const auto& pt = points[static_cast<std::size_t>(i)];
        factor(i) = pt.factor;
        total(i) = pt.total_budget;
        value(i) = pt.result.value;
        upper(i) = pt.result.upper_bound;
        marginal(i) = pt.marginal;
        seconds(i) = pt.result.seconds;
        f(i) = pt.feasible;
        p(i) = pt.result.proven;
        kn(i) = pt.knee;
        for (std::size_t c = 0; c < pools.size() && c < pt.pool_budgets.size(); ++c)
            pool_budgets(i, static_cast<Index>(c)) = pt.pool_budgets[c];
        py::list chosen;
        for (Index j : pt.result.selected) {
            if (pt.result.ids.empty()) chosen.append(py::int_(j));
            else chosen.append(py::str(pt.result.id(j)));
        }
        selected.append(chosen);
        reasons.append(pt.feasible ? py::object(py::none()) : py::object(py::str(pt.infeasible_reason)));
        stops.append(py::str(std::string(to_string(pt.result.stop_reason))));
    }
    py::dict d;
    d["factor"] = factor;
    d["total_budget"] = total;
    for (std::size_t c = 0; c < pools.size(); ++c)
        d[py::str("budget " + pools[c])] = Eigen::VectorXd(pool_budgets.col(static_cast<Index>(c)));
    d["feasible"] = feasible;
    d["value"] = value;
    d["upper_bound"] = upper;
    d["proven"] = proven;
    d["stop_reason"] = stops;
    d["marginal"] = marginal;
    d["knee"] = knee;
    d["selected"] = selected;
    d["infeasible_reason"] = reasons;
    d["seconds"] = seconds;
    return d;
}

SelectionProblem make_problem(const Eigen::VectorXd& values, const Eigen::MatrixXd& costs, const Eigen::VectorXd& budgets,
                              std::vector<std::pair<Index, Index>> requires_links,
                              std::vector<std::pair<Index, std::vector<Index>>> requires_any, std::vector<std::vector<Index>> excludes,
                              std::vector<Index> forced_in, std::vector<Index> forced_out, std::vector<std::string> ids,
                              std::vector<std::string> budget_names) {
    SelectionProblem sp;
    sp.values = values;
    sp.costs = costs;
    sp.budgets = budgets;
    sp.requires_links = std::move(requires_links);
    sp.requires_any = std::move(requires_any);
    sp.excludes = std::move(excludes);
    sp.forced_in = std::move(forced_in);
    sp.forced_out = std::move(forced_out);
    sp.ids = std::move(ids);
    sp.budget_names = std::move(budget_names);
    return sp;
}

template <class T>
void def_labels(py::class_<T>& c) {
    c.def_readonly("ids", &T::ids, "Initiative ids (empty when the problem had none).")
        .def_readonly("budget_names", &T::budget_names, "One per budget row.")
        .def_readonly("pools", &T::pools, "The model's budget ids when the rows are pools x periods, pool-major.")
        .def_readonly("periods", &T::periods, "Period labels of the rows.")
        .def_readonly("total_pools", &T::total_pools, "Pools whose limits add up to the money there is.")
        .def_readonly("objective", &T::objective, "What the values are (None over plain arrays).")
        .def_readonly("scenario", &T::scenario)
        .def_readonly("currency", &T::currency);
}

}  // namespace

void define_frontier(py::module_& m);

void define_selection(py::module_& m) {
    bind_enum<Objective>(m, "What the portfolio selection maximises.");
    bind_enum<LeftOutReason>(m, "Why an initiative is not in the selection.");
    bind_enum<Sweep>(m, "How the frontier varies the budget: scale every limit, or one total budget.");
    bind_enum<StopReason>(m, "Why a computation ended before it had proven its answer.");

    py::class_<LeftOut>(m, "LeftOut", "One left-out initiative and the reason.")
        .def_readonly("initiative", &LeftOut::initiative)
        .def_readonly("reason", &LeftOut::reason)
        .def_readonly("needs", &LeftOut::needs, "Unselected prerequisites that would come with it.")
        .def_readonly("blocked_by", &LeftOut::blocked_by, "Selected alternatives, or forced-out prerequisites.")
        .def_readonly("overruns", &LeftOut::overruns, "(budget row, amount over the limit), most binding first.")
        .def_readonly("value", &LeftOut::value)
        .def_readonly("text", &LeftOut::text)
        .def("__repr__", [](const LeftOut& l) {
            return "<LeftOut #" + std::to_string(l.initiative) + " " + std::string(to_string(l.reason)) + ": " + l.text + ">";
        });
    py::class_<Displacement>(m, "Displacement", "What a selected initiative's funding buys, against its next best use.")
        .def_readonly("initiative", &Displacement::initiative)
        .def_readonly("locked", &Displacement::locked)
        .def_readonly("with_", &Displacement::with, "Selected dependants that would go with it.")
        .def_readonly("value", &Displacement::value)
        .def_readonly("displaces", &Displacement::displaces)
        .def_readonly("displaced_value", &Displacement::displaced_value)
        .def_readonly("margin", &Displacement::margin)
        .def_readonly("text", &Displacement::text)
        .def_readonly("explained", &Displacement::explained, "False when a limit left no time to work it out.");
    py::class_<SelectionResult> result(m, "SelectionResultCore",
                                       "The best selection found, how good it is proven to be, and what its numbers are.");
    def_labels(result);
    result.def_readonly("selected", &SelectionResult::selected)
        .def_readonly("value", &SelectionResult::value)
        .def_readonly("upper_bound", &SelectionResult::upper_bound)
        .def_readonly("gap", &SelectionResult::gap)
        .def_readonly("proven", &SelectionResult::proven)
        .def_readonly("stop_reason", &SelectionResult::stop_reason)
        .def_readonly("explained", &SelectionResult::explained)
        .def_readonly("nodes", &SelectionResult::nodes)
        .def_readonly("seconds", &SelectionResult::seconds)
        .def_readonly("values", &SelectionResult::values)
        .def_readonly("budgets", &SelectionResult::budgets)
        .def_readonly("budget_use", &SelectionResult::budget_use)
        .def_readonly("slack", &SelectionResult::slack)
        .def_readonly("left_out", &SelectionResult::left_out)
        .def_readonly("displaced", &SelectionResult::displaced)
        .def_property_readonly("total_budget", &SelectionResult::total_budget)
        .def_property_readonly("total_use", &SelectionResult::total_use)
        .def("pool_budget", &SelectionResult::pool_budget, py::arg("pool"), "Pool q's limits over the horizon (NaN: no such pool).")
        .def("pool_use", &SelectionResult::pool_use, py::arg("pool"), "What the selection uses of pool q over the horizon.")
        .def(py::pickle(
            [](const SelectionResult& r) {  // every field by name: a result sent to or from another process
                py::dict d;
                d["ids"] = r.ids;
                d["budget_names"] = r.budget_names;
                d["pools"] = r.pools;
                d["periods"] = r.periods;
                d["total_pools"] = r.total_pools;
                d["objective"] = r.objective ? py::cast(std::string(to_string(*r.objective))) : py::none();
                d["scenario"] = r.scenario;
                d["currency"] = r.currency;
                d["selected"] = r.selected;
                d["value"] = r.value;
                d["upper_bound"] = r.upper_bound;
                d["gap"] = r.gap;
                d["proven"] = r.proven;
                d["stop_reason"] = std::string(to_string(r.stop_reason));
                d["nodes"] = r.nodes;
                d["seconds"] = r.seconds;
                d["values"] = r.values;
                d["budgets"] = r.budgets;
                d["budget_use"] = r.budget_use;
                d["slack"] = r.slack;
                py::list left_out, displaced;
                for (const auto& l : r.left_out)
                    left_out.append(py::make_tuple(l.initiative, std::string(to_string(l.reason)), l.needs, l.blocked_by, l.overruns,
                                                   l.value, l.text));
                for (const auto& x : r.displaced)
                    displaced.append(py::make_tuple(x.initiative, x.locked, x.with, x.value, x.displaces, x.displaced_value, x.margin,
                                                    x.text, x.explained));
                d["left_out"] = left_out;
                d["displaced"] = displaced;
                d["explained"] = r.explained;
                return d;
            },
            [](const py::dict& d) {
                SelectionResult r;
                const auto get = [&](const char* key, auto& field) { field = d[key].cast<std::decay_t<decltype(field)>>(); };
                const auto named = [](auto tag, const std::string& text) {
                    using E = decltype(tag);
                    const auto e = from_string<E>(text);
                    if (!e) throw ValidationError("SelectionResult: a pickle of another version (" + std::string(EnumNames<E>::type) + " '" +
                                                  text + "')");
                    return *e;
                };
                get("ids", r.ids);
                get("budget_names", r.budget_names);
                get("pools", r.pools);
                get("periods", r.periods);
                get("total_pools", r.total_pools);
                if (!d["objective"].is_none()) r.objective = named(Objective{}, d["objective"].cast<std::string>());
                get("scenario", r.scenario);
                get("currency", r.currency);
                get("selected", r.selected);
                get("value", r.value);
                get("upper_bound", r.upper_bound);
                get("gap", r.gap);
                get("proven", r.proven);
                r.stop_reason = named(StopReason{}, d["stop_reason"].cast<std::string>());
                get("nodes", r.nodes);
                get("seconds", r.seconds);
                get("values", r.values);
                get("budgets", r.budgets);
                get("budget_use", r.budget_use);
                get("slack", r.slack);
                for (const auto& t : d["left_out"].cast<py::list>()) {
                    const auto l = t.cast<std::tuple<Index, std::string, std::vector<Index>, std::vector<Index>,
                                                     std::vector<std::pair<Index, double>>, double, std::string>>();
                    r.left_out.push_back({std::get<0>(l), named(LeftOutReason{}, std::get<1>(l)), std::get<2>(l), std::get<3>(l),
                                          std::get<4>(l), std::get<5>(l), std::get<6>(l)});
                }
                for (const auto& t : d["displaced"].cast<py::list>()) {
                    const auto x = t.cast<std::tuple<Index, bool, std::vector<Index>, double, std::vector<Index>, double, double,
                                                     std::string, bool>>();
                    r.displaced.push_back({std::get<0>(x), std::get<1>(x), std::get<2>(x), std::get<3>(x), std::get<4>(x),
                                           std::get<5>(x), std::get<6>(x), std::get<7>(x), std::get<8>(x)});
                }
                get("explained", r.explained);
                return r;
            }));
    py::class_<FrontierPoint>(m, "FrontierPoint", "One level of the efficient frontier.")
        .def_readonly("factor", &FrontierPoint::factor)
        .def_readonly("sweep", &FrontierPoint::sweep)
        .def_readonly("total_budget", &FrontierPoint::total_budget)
        .def_readonly("pool_budgets", &FrontierPoint::pool_budgets)
        .def_readonly("result", &FrontierPoint::result)
        .def_readonly("feasible", &FrontierPoint::feasible)
        .def_readonly("infeasible_reason", &FrontierPoint::infeasible_reason)
        .def_readonly("marginal", &FrontierPoint::marginal)
        .def_readonly("knee", &FrontierPoint::knee);
    py::class_<SelectionProblem> problem(m, "SelectionProblem", "A selection problem over arrays, with its labels.");
    def_labels(problem);
    problem.def_readonly("values", &SelectionProblem::values)
        .def_readonly("costs", &SelectionProblem::costs)
        .def_readonly("budgets", &SelectionProblem::budgets)
        .def_readonly("requires", &SelectionProblem::requires_links)
        .def_readonly("requires_any", &SelectionProblem::requires_any)
        .def_readonly("excludes", &SelectionProblem::excludes)
        .def_readonly("forced_in", &SelectionProblem::forced_in)
        .def_readonly("forced_out", &SelectionProblem::forced_out);
    define_frontier(m);

    py::class_<ScenarioComparison>(m, "ScenarioComparisonCore", "Two scenarios side by side.")
        .def_readonly("ids", &ScenarioComparison::ids)
        .def_readonly("names", &ScenarioComparison::names)
        .def_readonly("scenario_a", &ScenarioComparison::scenario_a)
        .def_readonly("scenario_b", &ScenarioComparison::scenario_b)
        .def_readonly("currency", &ScenarioComparison::currency)
        .def_readonly("by", &ScenarioComparison::by)
        .def_readonly("a", &ScenarioComparison::a)
        .def_readonly("b", &ScenarioComparison::b)
        .def_readonly("score_a", &ScenarioComparison::score_a)
        .def_readonly("score_b", &ScenarioComparison::score_b)
        .def_property_readonly("rank_a", [](const ScenarioComparison& c) { return c.ranks.rank_a; })
        .def_property_readonly("rank_b", [](const ScenarioComparison& c) { return c.ranks.rank_b; })
        .def_property_readonly("change", [](const ScenarioComparison& c) { return c.ranks.change; })
        .def_property_readonly("kendall_tau", [](const ScenarioComparison& c) { return c.ranks.kendall_tau; })
        .def_readonly("both", &ScenarioComparison::both)
        .def_readonly("only_a", &ScenarioComparison::only_a)
        .def_readonly("only_b", &ScenarioComparison::only_b)
        .def_readonly("value_difference", &ScenarioComparison::value_difference)
        .def(py::pickle(
            [](const ScenarioComparison& c) {  // every field by name; the two results pickle themselves
                py::dict d;
                d["ids"] = c.ids;
                d["names"] = c.names;
                d["scenario_a"] = c.scenario_a;
                d["scenario_b"] = c.scenario_b;
                d["currency"] = c.currency;
                d["by"] = std::string(to_string(c.by));
                d["a"] = py::cast(c.a);
                d["b"] = py::cast(c.b);
                d["score_a"] = c.score_a;
                d["score_b"] = c.score_b;
                d["rank_a"] = c.ranks.rank_a;
                d["rank_b"] = c.ranks.rank_b;
                d["change"] = c.ranks.change;
                d["kendall_tau"] = c.ranks.kendall_tau;
                d["both"] = c.both;
                d["only_a"] = c.only_a;
                d["only_b"] = c.only_b;
                d["value_difference"] = c.value_difference;
                return d;
            },
            [](const py::dict& d) {
                ScenarioComparison c;
                const auto get = [&](const char* key, auto& field) { field = d[key].cast<std::decay_t<decltype(field)>>(); };
                get("ids", c.ids);
                get("names", c.names);
                get("scenario_a", c.scenario_a);
                get("scenario_b", c.scenario_b);
                get("currency", c.currency);
                const auto by = from_string<ScoreKind>(d["by"].cast<std::string>());
                if (!by) throw ValidationError("ScenarioComparison: a pickle of another version");
                c.by = *by;
                get("a", c.a);
                get("b", c.b);
                get("score_a", c.score_a);
                get("score_b", c.score_b);
                get("rank_a", c.ranks.rank_a);
                get("rank_b", c.ranks.rank_b);
                get("change", c.ranks.change);
                get("kendall_tau", c.ranks.kendall_tau);
                get("both", c.both);
                get("only_a", c.only_a);
                get("only_b", c.only_b);
                get("value_difference", c.value_difference);
                return c;
            }));
    m.def("compare_scenarios_core", [](const Portfolio& p, const std::string& a, const std::string& b, Objective objective, ScoreKind by,
                                       double time_limit) {
        CompareOptions o;
        o.objective = objective;
        o.by = by;
        o.time_limit = time_limit;
        return interruptible(&p, [&](Cancellation cancel) {
            o.cancel = std::move(cancel);
            return compare_scenarios(p, a, b, o);
        });
    }, py::arg("portfolio"), py::arg("a"), py::arg("b"), py::arg("objective"), py::arg("by"), py::arg("time_limit"));
    m.def("compare_text", &compare_text, py::arg("comparison"), py::arg("width") = 100, py::arg("rows") = 15);
    m.def("compare_json", &compare_json, py::arg("comparison"));

    m.def("select_core", [](const Eigen::VectorXd& values, const Eigen::MatrixXd& costs, const Eigen::VectorXd& budgets,
                            std::vector<std::pair<Index, Index>> requires_links,
                            std::vector<std::pair<Index, std::vector<Index>>> requires_any, std::vector<std::vector<Index>> excludes,
                            std::vector<Index> forced_in, std::vector<Index> forced_out, double time_limit,
                            long long node_limit, std::vector<std::string> ids, std::vector<std::string> budget_names,
                            std::vector<Index> start, bool explain, int gomory_rounds, int node_cut_rounds,
                            bool group_covers, bool mir_cuts, bool plunge) {
        const auto sp = make_problem(values, costs, budgets, std::move(requires_links), std::move(requires_any), std::move(excludes),
                                     std::move(forced_in), std::move(forced_out), std::move(ids), std::move(budget_names));
        PythonInterrupt interrupt;
        const Cancellation cancel = interrupt.cancellation();  // with the GIL: it takes the progress callback
        SelectionResult r;
        {
            py::gil_scoped_release release;
            r = select_portfolio(sp, {.time_limit = time_limit, .node_limit = node_limit, .cancel = cancel,
                                      .start = std::move(start), .explain = explain, .gomory_rounds = gomory_rounds,
                                      .node_cut_rounds = node_cut_rounds, .group_covers = group_covers,
                                      .mir_cuts = mir_cuts, .plunge = plunge});
        }
        interrupt.raise_if_interrupted();
        return r;
    }, py::arg("values"), py::arg("costs"), py::arg("budgets"), py::arg("requires"), py::arg("requires_any"), py::arg("excludes"),
       py::arg("forced_in"), py::arg("forced_out"), py::arg("time_limit"), py::arg("node_limit"), py::arg("ids"),
       py::arg("budget_names"), py::arg("start"), py::arg("explain"), py::arg("gomory_rounds") = 0,
       py::arg("node_cut_rounds") = 0, py::arg("group_covers") = false, py::arg("mir_cuts") = false,
       py::arg("plunge") = true);

    m.def("select_frontier_core", [](const Eigen::VectorXd& values, const Eigen::MatrixXd& costs, const Eigen::VectorXd& budgets,
                                     std::vector<std::pair<Index, Index>> requires_links,
                                     std::vector<std::pair<Index, std::vector<Index>>> requires_any,
                                     std::vector<std::vector<Index>> excludes, std::vector<Index> forced_in,
                                     std::vector<Index> forced_out, std::vector<double> factors, double time_limit,
                                     long long node_limit) {
        const auto sp = make_problem(values, costs, budgets, std::move(requires_links), std::move(requires_any), std::move(excludes),
                                     std::move(forced_in), std::move(forced_out), {}, {});
        std::vector<FrontierPoint> points;
        PythonInterrupt interrupt;
        const Cancellation cancel = interrupt.cancellation();  // with the GIL: it takes the progress callback
        {
            py::gil_scoped_release release;
            points = frontier(sp, std::move(factors),
                              SelectionOptions{.time_limit = time_limit, .node_limit = node_limit, .cancel = cancel});
        }
        interrupt.raise_if_interrupted();
        return frontier_columns(points);
    }, py::arg("values"), py::arg("costs"), py::arg("budgets"), py::arg("requires"), py::arg("requires_any"), py::arg("excludes"),
       py::arg("forced_in"), py::arg("forced_out"), py::arg("factors"), py::arg("time_limit"), py::arg("node_limit"));

    m.def("selection_problem_core", [](const Portfolio& p, Objective objective, std::string scenario) {
        return selection_problem(p, {.objective = objective, .scenario = std::move(scenario)});
    }, py::arg("portfolio"), py::arg("objective"), py::arg("scenario"));

    py::class_<Reoptimizer>(m, "ReoptimizerCore", "A selection problem kept between solves (see aligngraph.Reoptimizer).")
        .def(py::init([](const Eigen::VectorXd& values, const Eigen::MatrixXd& costs, const Eigen::VectorXd& budgets,
                         std::vector<std::pair<Index, Index>> requires_links,
                         std::vector<std::pair<Index, std::vector<Index>>> requires_any, std::vector<std::vector<Index>> excludes,
                         std::vector<Index> forced_in, std::vector<Index> forced_out, double time_limit, long long node_limit,
                         std::vector<std::string> ids, std::vector<std::string> budget_names) {
                 return Reoptimizer(make_problem(values, costs, budgets, std::move(requires_links), std::move(requires_any), std::move(excludes),
                                                 std::move(forced_in), std::move(forced_out), std::move(ids),
                                                 std::move(budget_names)),
                                    {.time_limit = time_limit, .node_limit = node_limit});
             }),
             py::arg("values"), py::arg("costs"), py::arg("budgets"), py::arg("requires"), py::arg("requires_any"), py::arg("excludes"),
             py::arg("forced_in"), py::arg("forced_out"), py::arg("time_limit"), py::arg("node_limit"), py::arg("ids"),
             py::arg("budget_names"))
        .def("solve", [](Reoptimizer& r) {
            PythonInterrupt interrupt;
            r.options().cancel = interrupt.cancellation();
            SelectionResult result;
            {
                py::gil_scoped_release release;
                try {
                    result = r.solve();
                } catch (...) {
                    r.options().cancel = {};
                    throw;
                }
            }
            r.options().cancel = {};  // its poll refers to this call
            interrupt.raise_if_interrupted();
            return result;
        })
        .def("force_in", &Reoptimizer::force_in, py::arg("index"))
        .def("force_out", &Reoptimizer::force_out, py::arg("index"))
        .def("release", &Reoptimizer::release, py::arg("index"))
        .def("set_budget", &Reoptimizer::set_budget, py::arg("index"), py::arg("limit"))
        .def("set_value", &Reoptimizer::set_value, py::arg("index"), py::arg("value"))
        .def("set_limits", [](Reoptimizer& r, double time_limit, long long node_limit) {
            r.options().time_limit = time_limit;
            r.options().node_limit = node_limit;
        }, py::arg("time_limit"), py::arg("node_limit"))
        .def_property_readonly("ids", [](const Reoptimizer& r) { return r.problem().ids; })
        .def_property_readonly("budget_names", [](const Reoptimizer& r) { return r.problem().budget_names; })
        .def_property_readonly("budgets", [](const Reoptimizer& r) { return r.problem().budgets; })
        .def_property_readonly("values", [](const Reoptimizer& r) { return r.problem().values; });

    m.def("reoptimizer_core", [](const Portfolio& p, Objective objective, double time_limit, long long node_limit,
                                 std::string scenario) {
        OptimizeOptions o{objective, time_limit, node_limit, std::move(scenario)};
        return Reoptimizer(selection_problem(p, o), {.time_limit = time_limit, .node_limit = node_limit});
    }, py::arg("portfolio"), py::arg("objective"), py::arg("time_limit"), py::arg("node_limit"), py::arg("scenario"));

    m.def("optimize_core", [](const Portfolio& p, Objective objective, double time_limit, long long node_limit,
                              std::string scenario) {
        PythonInterrupt interrupt;
        const OptimizeOptions o{objective, time_limit, node_limit, std::move(scenario), interrupt.cancellation()};
        SelectionResult r;
        {
            const auto lock = reading(p);
            py::gil_scoped_release release;
            r = optimize(p, o);
        }
        interrupt.raise_if_interrupted();
        return r;
    }, py::arg("portfolio"), py::arg("objective"), py::arg("time_limit"), py::arg("node_limit"), py::arg("scenario"));

    m.def("selection_text", &selection_text, py::arg("result"), py::arg("width") = 100, py::arg("displaced") = true,
          "The optimal portfolio as aligned text (what `aligngraph optimize` prints).");
    m.def("selection_json", &selection_json, py::arg("result"));
}

void define_frontier(py::module_& m) {
    m.def("frontier_core", [](const Portfolio& p, std::vector<double> levels, Sweep sweep, bool amounts, Objective objective,
                              double time_limit, std::string scenario) {
        PythonInterrupt interrupt;
        OptimizeOptions o{objective, time_limit, std::numeric_limits<long long>::max(), std::move(scenario), interrupt.cancellation()};
        std::vector<FrontierPoint> points;
        {
            const auto lock = reading(p);
            py::gil_scoped_release release;
            points = sweep == Sweep::total && amounts ? frontier_total(p, std::move(levels), o)
                                                      : frontier(p, std::move(levels), sweep, o);
        }
        interrupt.raise_if_interrupted();
        return frontier_columns(points);
    }, py::arg("portfolio"), py::arg("levels"), py::arg("sweep"), py::arg("amounts"), py::arg("objective"),
       py::arg("time_limit"), py::arg("scenario"));
}

}  // namespace aligngraph::python
