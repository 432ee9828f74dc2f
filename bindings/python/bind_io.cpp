// Bindings of the model file and reports.

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "aligngraph/io/model_file.hpp"
#include "aligngraph/io/report.hpp"
#include "aligngraph/io/sample_portfolio.hpp"
#include "bindings.hpp"
#include "model_access.hpp"

namespace py = pybind11;

namespace aligngraph::python {

void define_io(py::module_& m) {
    m.attr("model_format_version") = model_format_version;
    m.def("load_model", &load_model, py::arg("path"), py::call_guard<py::gil_scoped_release>());
    m.def("model_from_json", [](std::string_view text, std::string_view source) { return model_from_json(text, source); },
          py::arg("text"), py::arg("source") = "<string>", py::call_guard<py::gil_scoped_release>());
    m.def("model_to_json", &model_to_json, py::arg("portfolio"), py::arg("indent") = 2);
    m.def("save_model", [](const Portfolio& p, const std::filesystem::path& path) {
        const auto lock = reading(p);  // taken with the GIL held; a change meanwhile is refused
        py::gil_scoped_release release;
        save_model(p, path);
    }, py::arg("portfolio"), py::arg("path"));
    m.def("sample_portfolio", &sample_portfolio);
    m.def("sample_portfolio_json", [] { return std::string(sample_portfolio_json()); });
    m.def("summary_text", &summary_text, py::arg("portfolio"), py::arg("width") = 100);
    m.def("summary_json", &summary_json, py::arg("portfolio"));
}

}  // namespace aligngraph::python
