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

}  // namespace aligngraph::python
