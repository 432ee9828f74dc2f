// Bindings of the graph queries, speaking ids.

#include <pybind11/eigen.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "aligngraph/model/graph.hpp"
#include "aligngraph/weights/goal_weights.hpp"
#include "bindings.hpp"

namespace py = pybind11;

namespace aligngraph::python {

namespace {

std::vector<std::string> ids(const Portfolio& p, const std::vector<Index>& v) {
    std::vector<std::string> out;
    out.reserve(v.size());
    for (Index i : v) out.push_back(p.initiative_ids()[i]);
    return out;
}

}  // namespace

void define_graph(py::module_& m) {
    m.def("topological_order", [](const Portfolio& p) { return ids(p, topological_order(p)); }, py::arg("portfolio"),
          "Initiative ids, every prerequisite before its dependants. Raises CycleError.");
    m.def("topological_order_indices", [](const Portfolio& p) {
        const auto order = topological_order(p);
        return Eigen::Matrix<Index, Eigen::Dynamic, 1>(Eigen::Map<const Eigen::Matrix<Index, Eigen::Dynamic, 1>>(order.data(), static_cast<Index>(order.size())));
    }, py::arg("portfolio"), "Initiative indices, every prerequisite before its dependants, as a numpy array.");
    m.def("goal_order", [](const Portfolio& p) {
        std::vector<std::string> out;
        for (Index g : goal_order(p)) out.push_back(p.goal(g).id);
        return out;
    }, py::arg("portfolio"), "Goal ids, parents before children. Raises CycleError.");
    m.def("goal_weights", [](const Portfolio& p) { return goal_weights(p); }, py::arg("portfolio"),
          "Global goal weights in goal order.");
    m.def("local_goal_weights", [](const Portfolio& p) { return local_goal_weights(p); }, py::arg("portfolio"),
          "Local weight of every goal link (from the links' weights, or from the parent's judgments), in link order.");
    m.def("find_requires_cycle", &find_requires_cycle, py::arg("portfolio"));
    m.def("find_goal_cycle", &find_goal_cycle, py::arg("portfolio"));
    m.def("prerequisites", [](const Portfolio& p, std::string_view id) {
        return ids(p, prerequisites(p, p.initiative_index(id)));
    }, py::arg("portfolio"), py::arg("id"));
    m.def("dependants", [](const Portfolio& p, std::string_view id) {
        return ids(p, dependants(p, p.initiative_index(id)));
    }, py::arg("portfolio"), py::arg("id"));
    m.def("cancellation_impact", [](const Portfolio& p, std::string_view id) {
        const auto impact = cancellation_impact(p, p.initiative_index(id));
        std::vector<std::tuple<std::string, double, double, bool>> goals;
        for (const auto& g : impact.goals)
            goals.emplace_back(p.goal(g.goal).id, g.lost_strength, g.remaining_strength, g.unserved);
        return py::make_tuple(ids(p, impact.stranded), goals);
    }, py::arg("portfolio"), py::arg("id"), "(stranded ids, [(goal, lost, remaining, unserved)]).");
}

}  // namespace aligngraph::python
