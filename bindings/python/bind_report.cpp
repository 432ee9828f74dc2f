// The steering committee's report: what it needs (Briefing) and its HTML.

#include <pybind11/eigen.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <optional>
#include <string>
#include <vector>

#include "aligngraph/detail/sha256.hpp"
#include "aligngraph/io/html_report.hpp"
#include "aligngraph/report/briefing.hpp"
#include "bindings.hpp"
#include "interrupt.hpp"
#include "model_access.hpp"

namespace py = pybind11;

namespace aligngraph::python {

void define_report(py::module_& m) {
    py::class_<Progress>(m, "Progress", "How far a long computation has got (what progress= callbacks receive).")
        .def_property_readonly("task", [](const Progress& p) { return std::string(p.task); },
                               "'optimize', 'frontier', 'roadmap' or 'simulate'.")
        .def_readonly("done", &Progress::done, "Units done: nodes (optimize, roadmap), levels (frontier), samples (simulate).")
        .def_readonly("total", &Progress::total, "Units in all; -1 when not known ahead (a search's nodes).")
        .def_readonly("seconds", &Progress::seconds, "Since the computation started.");
    m.def("_set_progress", [](py::object callback) { progress_callback() = std::move(callback); }, py::arg("callback"),
          "Set (or clear, with None) this thread's progress callback for the calls that follow (aligngraph._progress).");
    py::class_<Briefing>(m, "BriefingCore", "Everything the report shows, computed (see aligngraph.Briefing).")
        .def_readonly("title", &Briefing::title)
        .def_readonly("currency", &Briefing::currency)
        .def_readonly("discount_rate", &Briefing::discount_rate, "Yearly, as used (the scenario's when it sets one).")
        .def_readonly("period_labels", &Briefing::period_labels)
        .def_readonly("global_weights", &Briefing::global_weights)
        .def_readonly("local_weights", &Briefing::local_weights)
        .def_readonly("coverage", &Briefing::coverage, "Per goal: the share the funded portfolio serves.")
        .def_readonly("unserved", &Briefing::unserved, "Goals (indices) the funded portfolio does not serve at all.")
        .def_readonly("weight_served", &Briefing::weight_served)
        .def_readonly("optimal", &Briefing::optimal)
        .def_readonly("plan_level", &Briefing::plan_level)
        .def_readonly("frontier", &Briefing::frontier, "By NPV at each budget factor (1: the plan).")
        .def_readonly("roadmap", &Briefing::roadmap)
        .def_readonly("roadmap_note", &Briefing::roadmap_note)
        .def_readonly("risk", &Briefing::risk)
        .def_readonly("risk_note", &Briefing::risk_note)
        .def_readonly("model_sha256", &Briefing::model_sha256)
        .def_property_readonly("model_file_sha256", [](const Briefing& b) { return b.options.model_file_sha256; })
        .def_readonly("version", &Briefing::version);

    m.def("brief_core", [](const Portfolio& p, const std::string& scenario, ScoreKind by, Index explained, std::vector<double> levels,
                           bool roadmap, bool risk, long long samples, std::uint64_t seed, int threads, double time_limit,
                           const std::string& model_file, const std::string& model_file_sha256) {
        ReportOptions o;
        o.scenario = scenario;
        o.ranking = by;
        o.explained = explained;
        o.frontier_levels = std::move(levels);
        o.roadmap = roadmap;
        o.risk = risk;
        o.samples = samples;
        o.seed = seed;
        o.threads = threads;
        o.time_limit = time_limit;
        o.model_file = model_file;
        o.model_file_sha256 = model_file_sha256;
        return interruptible(&p, [&](Cancellation cancel) {
            o.cancel = std::move(cancel);
            return brief(p, o);
        });
    }, py::arg("portfolio"), py::arg("scenario"), py::arg("by"), py::arg("explained"), py::arg("levels"), py::arg("roadmap"),
       py::arg("risk"), py::arg("samples"), py::arg("seed"), py::arg("threads"), py::arg("time_limit"), py::arg("model_file"),
       py::arg("model_file_sha256"));
    m.def("report_html", [](const Portfolio& p, const Briefing& b) {
        const auto lock = reading(p);
        return report_html(p, b);
    }, py::arg("portfolio"), py::arg("briefing"));
    m.def("write_report", [](const std::filesystem::path& path, const Portfolio& p, const Briefing& b) {
        const auto lock = reading(p);
        py::gil_scoped_release release;
        write_report(path, p, b);
    }, py::arg("path"), py::arg("portfolio"), py::arg("briefing"));
    m.def("sha256_hex", [](py::bytes data) { return detail::sha256_hex(std::string(data)); }, py::arg("data"),
          "SHA-256 of the bytes as hex (what sha256sum prints).");
}

}  // namespace aligngraph::python
