// Bindings of portfolio selection.

#include <pybind11/eigen.h>
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <limits>

#include "aligngraph/selection/knapsack.hpp"
#include "aligngraph/selection/portfolio_selection.hpp"
#include "bindings.hpp"

namespace py = pybind11;

namespace aligngraph::python {

namespace {

py::dict result_dict(const SelectionProblem& sp, const SelectionResult& r) {
    py::dict d;
    d["selected"] = r.selected;
    d["value"] = r.value;
    d["upper_bound"] = r.upper_bound;
    d["gap"] = r.gap;
    d["proven"] = r.proven;
    d["nodes"] = r.nodes;
    d["seconds"] = r.seconds;
    d["budget_use"] = r.budget_use;
    d["slack"] = r.slack;
    d["budgets"] = sp.budgets;
    d["budget_names"] = sp.budget_names;
    d["values"] = sp.values;
    py::list left_out, displaced;
    for (const auto& l : r.left_out) {
        std::vector<std::pair<Index, double>> overruns = l.overruns;
        left_out.append(py::make_tuple(l.initiative, std::string(to_string(l.reason)), l.text, l.needs, l.blocked_by,
                                       overruns, l.value));
    }
    for (const auto& x : r.displaced)
        displaced.append(py::make_tuple(x.initiative, x.locked, x.with, x.value, x.displaces, x.displaced_value, x.margin,
                                        x.text));
    d["left_out"] = left_out;
    d["displaced"] = displaced;
    return d;
}

// A frontier as columns for a pandas frame: numpy arrays, and `selected` a list per level
// (`name` turns an initiative index into what Python sees). Column-wise is several times
// faster for pandas than a row per level.
template <class Name>
py::dict frontier_columns(const std::vector<FrontierPoint>& points, Name name, bool with_seconds) {
    const auto k = static_cast<Index>(points.size());
    Eigen::VectorXd factor(k), total(k), value(k), upper(k), marginal(k), seconds(k);
    py::array_t<bool> feasible(k), proven(k), knee(k);
    auto f = feasible.mutable_unchecked<1>();
    auto p = proven.mutable_unchecked<1>();
    auto kn = knee.mutable_unchecked<1>();
    py::list selected;
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
        py::list chosen;
        for (Index j : pt.result.selected) chosen.append(name(j));
        selected.append(chosen);
    }
    py::dict d;
    d["factor"] = factor;
    d["total_budget"] = total;
    d["feasible"] = feasible;
    d["value"] = value;
    d["upper_bound"] = upper;
    d["proven"] = proven;
    d["marginal"] = marginal;
    d["knee"] = knee;
    d["selected"] = selected;
    if (with_seconds) d["seconds"] = seconds;
    return d;
}

}  // namespace

void define_frontier(py::module_& m);

void define_selection(py::module_& m) {
    py::enum_<Objective>(m, "Objective", "What the portfolio selection maximises.")
        .value("npv", Objective::npv)
        .value("alignment", Objective::alignment)
        .value("composite", Objective::composite);
    define_frontier(m);

    m.def("select_core", [](const Eigen::VectorXd& values, const Eigen::MatrixXd& costs, const Eigen::VectorXd& budgets,
                            std::vector<std::pair<Index, Index>> requires_links, std::vector<std::vector<Index>> excludes,
                            std::vector<Index> forced_in, std::vector<Index> forced_out, double time_limit,
                            long long node_limit, std::vector<std::string> ids, std::vector<std::string> budget_names,
                            std::vector<Index> start, bool explain) {
        SelectionProblem sp{values, costs, budgets, std::move(requires_links), std::move(excludes), std::move(forced_in),
                            std::move(forced_out), std::move(ids), std::move(budget_names)};
        SelectionResult r;
        {
            py::gil_scoped_release release;
            r = select_portfolio(sp, {.time_limit = time_limit, .node_limit = node_limit, .start = std::move(start),
                                      .explain = explain});
        }
        return result_dict(sp, r);
    }, py::arg("values"), py::arg("costs"), py::arg("budgets"), py::arg("requires"), py::arg("excludes"),
       py::arg("forced_in"), py::arg("forced_out"), py::arg("time_limit"), py::arg("node_limit"), py::arg("ids"),
       py::arg("budget_names"), py::arg("start"), py::arg("explain"));

    m.def("select_frontier_core", [](const Eigen::VectorXd& values, const Eigen::MatrixXd& costs, const Eigen::VectorXd& budgets,
                                     std::vector<std::pair<Index, Index>> requires_links,
                                     std::vector<std::vector<Index>> excludes, std::vector<Index> forced_in,
                                     std::vector<Index> forced_out, std::vector<double> factors, double time_limit,
                                     long long node_limit) {
        SelectionProblem sp{values, costs, budgets, std::move(requires_links), std::move(excludes), std::move(forced_in),
                            std::move(forced_out), {}, {}};
        std::vector<FrontierPoint> points;
        {
            py::gil_scoped_release release;
            points = frontier(sp, std::move(factors), SelectionOptions{.time_limit = time_limit, .node_limit = node_limit});
        }
        return frontier_columns(points, [](Index j) { return py::int_(j); }, true);
    }, py::arg("values"), py::arg("costs"), py::arg("budgets"), py::arg("requires"), py::arg("excludes"),
       py::arg("forced_in"), py::arg("forced_out"), py::arg("factors"), py::arg("time_limit"), py::arg("node_limit"));

    m.def("selection_problem_core", [](const Portfolio& p, Objective objective, std::string scenario) {
        const auto sp = selection_problem(p, {.objective = objective, .scenario = std::move(scenario)});
        py::dict d;
        d["values"] = sp.values;
        d["costs"] = sp.costs;
        d["budgets"] = sp.budgets;
        d["requires"] = sp.requires_links;
        d["excludes"] = sp.excludes;
        d["forced_in"] = sp.forced_in;
        d["forced_out"] = sp.forced_out;
        d["ids"] = sp.ids;
        d["budget_names"] = sp.budget_names;
        return d;
    }, py::arg("portfolio"), py::arg("objective"), py::arg("scenario"));

    py::class_<Reoptimizer>(m, "ReoptimizerCore", "A selection problem kept between solves (see aligngraph.Reoptimizer).")
        .def(py::init([](const Eigen::VectorXd& values, const Eigen::MatrixXd& costs, const Eigen::VectorXd& budgets,
                         std::vector<std::pair<Index, Index>> requires_links, std::vector<std::vector<Index>> excludes,
                         std::vector<Index> forced_in, std::vector<Index> forced_out, double time_limit, long long node_limit,
                         std::vector<std::string> ids, std::vector<std::string> budget_names) {
                 SelectionProblem sp{values, costs, budgets, std::move(requires_links), std::move(excludes), std::move(forced_in),
                                     std::move(forced_out), std::move(ids), std::move(budget_names)};
                 return Reoptimizer(std::move(sp), {.time_limit = time_limit, .node_limit = node_limit});
             }),
             py::arg("values"), py::arg("costs"), py::arg("budgets"), py::arg("requires"), py::arg("excludes"),
             py::arg("forced_in"), py::arg("forced_out"), py::arg("time_limit"), py::arg("node_limit"), py::arg("ids"),
             py::arg("budget_names"))
        .def("solve", [](Reoptimizer& r) {
            {
                py::gil_scoped_release release;
                r.solve();
            }
            return result_dict(r.problem(), r.result());
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
        OptimizeOptions o{objective, time_limit, node_limit, std::move(scenario)};
        const auto sp = selection_problem(p, o);
        SelectionResult r;
        {
            py::gil_scoped_release release;
            r = select_portfolio(sp, {.time_limit = time_limit, .node_limit = node_limit});
        }
        return result_dict(sp, r);
    }, py::arg("portfolio"), py::arg("objective"), py::arg("time_limit"), py::arg("node_limit"), py::arg("scenario"));
}

void define_frontier(py::module_& m) {
    m.def("frontier_core", [](const Portfolio& p, std::vector<double> levels, Objective objective, double time_limit,
                              std::string scenario, bool total) {
        OptimizeOptions o{objective, time_limit, std::numeric_limits<long long>::max(), std::move(scenario)};
        std::vector<FrontierPoint> points;
        {
            py::gil_scoped_release release;
            points = total ? frontier_total(p, std::move(levels), o) : frontier(p, std::move(levels), o);
        }
        return frontier_columns(points, [&](Index j) { return py::str(p.initiative_ids()[static_cast<std::size_t>(j)]); },
                                false);
    }, py::arg("portfolio"), py::arg("levels"), py::arg("objective"), py::arg("time_limit"), py::arg("scenario"),
       py::arg("total"));
}

}  // namespace aligngraph::python
