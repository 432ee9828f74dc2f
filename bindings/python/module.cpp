// aligngraph._core: the compiled half of the Python package. The public Python API is
// in aligngraph/__init__.py, which wraps these bindings with numpy and pandas views.

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "aligngraph/error.hpp"
#include "aligngraph/memory.hpp"
#include "aligngraph/version.hpp"
#include "bindings.hpp"

namespace py = pybind11;

namespace aligngraph::python {

namespace {

// Exception classes; created once at import, kept for the translator.
PyObject* error_class = nullptr;
PyObject* validation_error_class = nullptr;
PyObject* cycle_error_class = nullptr;
PyObject* infeasible_error_class = nullptr;
PyObject* no_solution_error_class = nullptr;
PyObject* resource_error_class = nullptr;

PyObject* new_exception(py::module_& m, const char* name, py::tuple bases, const char* doc) {
    const std::string qualified = std::string("aligngraph.") + name;
    PyObject* cls = PyErr_NewExceptionWithDoc(qualified.c_str(), doc, bases.ptr(), nullptr);
    if (!cls) throw py::error_already_set();
    m.add_object(name, py::reinterpret_borrow<py::object>(cls));
    return cls;
}

py::list problems_list(const ValidationError& e) {
    py::list out;
    for (const auto& p : e.problems()) out.append(py::make_tuple(p.pointer, p.message));
    return out;
}

void raise(PyObject* cls, const char* what, const std::function<void(py::object&)>& decorate) {
    py::object exc = py::reinterpret_borrow<py::object>(cls)(what);
    decorate(exc);
    PyErr_SetObject(cls, exc.ptr());
}

}  // namespace

void define_errors(py::module_& m) {
    auto builtins = py::module_::import("builtins");
    error_class = new_exception(m, "Error", py::make_tuple(builtins.attr("Exception")),
                                "Base of every exception raised by aligngraph.");
    validation_error_class = new_exception(
        m, "ValidationError", py::make_tuple(py::handle(error_class), builtins.attr("ValueError")),
        "A model, model file or argument is invalid. `.problems` lists (json_pointer, message) pairs.");
    cycle_error_class = new_exception(m, "CycleError", py::make_tuple(py::handle(validation_error_class)),
                                      "A cycle among goals or requires links; `.cycle` lists its ids.");
    infeasible_error_class =
        new_exception(m, "InfeasibleError", py::make_tuple(py::handle(error_class), builtins.attr("RuntimeError")),
                      "The constraints of a problem cannot all be met.");
    no_solution_error_class =
        new_exception(m, "NoSolutionError", py::make_tuple(py::handle(error_class), builtins.attr("RuntimeError")),
                      "A solver stopped without any solution.");
    resource_error_class =
        new_exception(m, "ResourceError", py::make_tuple(py::handle(error_class), builtins.attr("MemoryError")),
                      "A model or request needs more memory than aligngraph.memory_limit() allows (refused before "
                      "allocating; raise it with aligngraph.set_memory_limit()).");

    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const CycleError& e) {
            raise(cycle_error_class, e.what(), [&](py::object& x) {
                x.attr("problems") = problems_list(e);
                x.attr("cycle") = py::cast(e.cycle());
            });
        } catch (const ValidationError& e) {
            raise(validation_error_class, e.what(), [&](py::object& x) { x.attr("problems") = problems_list(e); });
        } catch (const InfeasibleError& e) {
            raise(infeasible_error_class, e.what(), [](py::object&) {});
        } catch (const NoSolutionError& e) {
            raise(no_solution_error_class, e.what(), [](py::object&) {});
        } catch (const ResourceError& e) {
            raise(resource_error_class, e.what(), [](py::object&) {});
        } catch (const Error& e) {
            raise(error_class, e.what(), [](py::object&) {});
        }
    });
}

}  // namespace aligngraph::python

PYBIND11_MODULE(_core, m) {
    m.doc() = "aligngraph compiled core; use the aligngraph package.";
    m.attr("__version__") = aligngraph::version_string;
    aligngraph::python::define_errors(m);
    m.def("memory_limit", &aligngraph::memory_limit,
          "The cap in bytes on the memory one model or analysis may ask for (see set_memory_limit).");
    m.def("set_memory_limit", [](const pybind11::object& limit) {
        if (pybind11::isinstance<pybind11::str>(limit)) {
            aligngraph::set_memory_limit(aligngraph::parse_memory_size(limit.cast<std::string>()));
            return;
        }
        const auto bytes = limit.cast<long long>();
        if (bytes < 0) throw aligngraph::ValidationError("set_memory_limit(): " + std::to_string(bytes) + " bytes, expected >= 0");
        aligngraph::set_memory_limit(static_cast<std::uint64_t>(bytes));
    }, pybind11::arg("limit"),
          "Set the memory cap for the process: bytes, or a size such as \"64G\" (K, M, G, T: powers of 1024); 0 "
          "returns to ALIGNGRAPH_MEMORY_LIMIT or the default of 8 GiB. What grows with a model's size is checked "
          "against it before it is allocated (ResourceError).");
    aligngraph::python::define_model(m);
    aligngraph::python::define_graph(m);
    aligngraph::python::define_io(m);
    aligngraph::python::define_finance(m);
    aligngraph::python::define_scoring(m);
    aligngraph::python::define_selection(m);
    aligngraph::python::define_schedule(m);
    aligngraph::python::define_risk(m);
    aligngraph::python::define_report(m);
    aligngraph::python::define_display(m);
}
