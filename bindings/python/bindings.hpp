#pragma once
// One define_x(py::module_&) per area, called from module.cpp.

#include <pybind11/pybind11.h>

namespace aligngraph::python {

void define_errors(pybind11::module_& m);
void define_model(pybind11::module_& m);
void define_graph(pybind11::module_& m);
void define_io(pybind11::module_& m);
void define_finance(pybind11::module_& m);
void define_scoring(pybind11::module_& m);
void define_selection(pybind11::module_& m);
void define_schedule(pybind11::module_& m);
void define_risk(pybind11::module_& m);
void define_report(pybind11::module_& m);
void define_display(pybind11::module_& m);  // last: reprs and notebook HTML of the classes the others defined

}  // namespace aligngraph::python

#include <string>

#include "aligngraph/names.hpp"

namespace aligngraph::python {

/// The Python enum of a named enum, its values named by the enum's one name table.
template <NamedEnum E>
pybind11::enum_<E> bind_enum(pybind11::module_& m, const char* doc) {
    pybind11::enum_<E> e(m, std::string(EnumNames<E>::type).c_str(), doc);
    for (const auto& [value, name] : EnumNames<E>::table) e.value(std::string(name).c_str(), value);
    return e;
}

}  // namespace aligngraph::python
