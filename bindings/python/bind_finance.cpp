// Bindings of the finance engine. The numpy-financial-compatible signatures are in
// aligngraph/__init__.py; these take plain arrays and named options.

#include <fmt/format.h>
#include <pybind11/eigen.h>
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "aligngraph/finance/cashflows.hpp"
#include "aligngraph/finance/dated.hpp"
#include "aligngraph/finance/financials.hpp"
#include "aligngraph/finance/tvm.hpp"
#include "aligngraph/io/finance_report.hpp"
#include "bindings.hpp"

namespace py = pybind11;

namespace aligngraph::python {

namespace {

using CArray = py::array_t<double, py::array::c_style | py::array::forcecast>;

SeriesRef as_series(const CArray& a, const char* fn) {
    if (a.ndim() != 2) throw ValidationError(std::string(fn) + "(): expected a 2-D array of series (one per row)");
    return Eigen::Map<const SeriesMatrix>(a.data(), a.shape(0), a.shape(1));
}

IrrOptions irr_options(double tolerance, int max_iterations, double lower, double upper) {
    IrrOptions o;
    o.tolerance = tolerance;
    o.max_iterations = max_iterations;
    o.lower = lower;
    o.upper = upper;
    return o;
}

When when_of(double w) { return w != 0 ? When::begin : When::end; }

FinanceOptions finance_options(std::optional<Rate> rate, NpvConvention convention, std::optional<Rate> finance_rate,
                               std::optional<Rate> reinvest_rate, int threads) {
    FinanceOptions o;
    o.discount_rate = rate;
    o.convention = convention;
    o.finance_rate = finance_rate;
    o.reinvest_rate = reinvest_rate;
    o.threads = threads;
    return o;
}

}  // namespace

void define_finance(py::module_& m) {
    py::enum_<When>(m, "When", "When payments fall within each period.")
        .value("end", When::end)
        .value("begin", When::begin);
    bind_enum<NpvConvention>(m, "Where the first flow of a series sits: numpy (t = 0, undiscounted) or excel (t = 1).");
    bind_enum<IrrStatus>(m, "How many IRRs a series has.");

    py::class_<IrrResult>(m, "IrrResult", "Every IRR of one series: the chosen one, all roots ascending, and how many there are.")
        .def_readonly("rate", &IrrResult::rate, "The chosen root (numpy-financial's pick); NaN when none.")
        .def_readonly("roots", &IrrResult::roots, "Every root in the bracket, ascending.")
        .def_readonly("status", &IrrResult::status)
        .def("__repr__", [](const IrrResult& r) {
            return fmt::format("<IrrResult rate={} roots={} status={}>", r.rate, r.roots.size(), to_string(r.status));
        });

    py::class_<Financials>(m, "Financials",
                           "Finance measures, one entry per row (initiatives, or one 'portfolio' row), with what they "
                           "were computed for and under which terms.")
        .def_readonly("ids", &Financials::ids)
        .def_readonly("names", &Financials::names)
        .def_readonly("members", &Financials::members, "portfolio_financials: the selection's ids.")
        .def_readonly("currency", &Financials::currency)
        .def_readonly("period_years", &Financials::period_years)
        .def_readonly("yearly_rate", &Financials::yearly_rate)
        .def_readonly("finance_rate", &Financials::finance_rate)
        .def_readonly("reinvest_rate", &Financials::reinvest_rate)
        .def_readonly("convention", &Financials::convention)
        .def_readonly("period_rate", &Financials::period_rate)
        .def_readonly("capex", &Financials::capex)
        .def_readonly("opex", &Financials::opex)
        .def_readonly("total_cost", &Financials::total_cost)
        .def_readonly("total_benefit", &Financials::total_benefit)
        .def_readonly("pv_costs", &Financials::pv_costs)
        .def_readonly("pv_benefits", &Financials::pv_benefits)
        .def_readonly("npv", &Financials::npv)
        .def_readonly("irr", &Financials::irr)
        .def_readonly("irr_annual", &Financials::irr_annual)
        .def_readonly("irr_roots", &Financials::irr_roots)
        .def_readonly("mirr", &Financials::mirr)
        .def_readonly("mirr_annual", &Financials::mirr_annual)
        .def_readonly("payback", &Financials::payback)
        .def_readonly("discounted_payback", &Financials::discounted_payback)
        .def_readonly("roi", &Financials::roi)
        .def_readonly("profitability_index", &Financials::profitability_index)
        .def("text", [](const Financials& f, const Financials& total, int width) { return financials_text(f, total, width); },
             py::arg("total"), py::arg("width") = 100, "The finance table with `total` (a portfolio row) at the end.")
        .def("to_json", [](const Financials& f, const Financials& total) { return financials_json(f, total); }, py::arg("total"))
        .def("__repr__", [](const Financials& f) {
            return fmt::format("<Financials: {} rows at {:.2f}% a year, money in {}>", f.ids.size(), 100 * f.yearly_rate, f.currency);
        });

    m.def("period_rate", &period_rate, py::arg("yearly"), py::arg("period_years"),
          "The rate per period equivalent to a yearly rate: (1 + yearly)^period_years - 1.");
    m.def("annual_rate", &annual_rate, py::arg("per_period"), py::arg("period_years"));

    m.def("npv_rows", [](double rate, const CArray& flows, NpvConvention convention) {
        return npv(rate, as_series(flows, "npv"), convention);
    }, py::arg("rate"), py::arg("flows"), py::arg("convention") = NpvConvention::numpy, "NPV of every row (NaN for every row when rate <= -1).");

    m.def("irr_rows", [](const CArray& flows, double tolerance, int max_iterations, double lower, double upper, int threads) {
        const auto series = as_series(flows, "irr");
        IrrBatch b;
        {
            py::gil_scoped_release release;
            b = irr(series, irr_options(tolerance, max_iterations, lower, upper), threads);
        }
        return py::make_tuple(b.rate, b.root_count);
    }, py::arg("flows"), py::arg("tolerance"), py::arg("max_iterations"), py::arg("lower"), py::arg("upper"),
       py::arg("threads") = 0, "(rate per row, root count per row).");

    m.def("irr_roots", [](const CArray& flows, double tolerance, int max_iterations, double lower, double upper) {
        if (flows.ndim() != 1) throw ValidationError("irr_roots(): expected one series (a 1-D array)");
        const auto r = irr_roots(std::span<const double>(flows.data(), static_cast<std::size_t>(flows.size())),
                                 irr_options(tolerance, max_iterations, lower, upper));
        return r;
    }, py::arg("flows"), py::arg("tolerance"), py::arg("max_iterations"), py::arg("lower"), py::arg("upper"),
       "Every IRR of one series (IrrResult).");

    m.def("irr_one", [](const CArray& flows, double tolerance, int max_iterations, double lower, double upper) {
        return irr(std::span<const double>(flows.data(), static_cast<std::size_t>(flows.size())),
                   irr_options(tolerance, max_iterations, lower, upper));
    }, py::arg("flows"), py::arg("tolerance"), py::arg("max_iterations"), py::arg("lower"), py::arg("upper"),
       "The IRR of one series; raises NoSolutionError with the reason when there is none.");

    m.def("mirr_rows", [](const CArray& flows, double finance_rate, double reinvest_rate) {
        return mirr(as_series(flows, "mirr"), finance_rate, reinvest_rate);
    }, py::arg("flows"), py::arg("finance_rate"), py::arg("reinvest_rate"));

    m.def("payback_rows", [](const CArray& flows, std::optional<double> rate) {
        return payback(as_series(flows, "payback"), rate.value_or(std::numeric_limits<double>::quiet_NaN()));
    }, py::arg("flows"), py::arg("rate") = py::none(), "Payback of every row in periods; discounted when rate is given.");

    m.def("xnpv", [](double rate, const CArray& flows, const py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>& days) {
        return xnpv(rate, std::span<const double>(flows.data(), static_cast<std::size_t>(flows.size())),
                    std::span<const std::int64_t>(days.data(), static_cast<std::size_t>(days.size())));
    }, py::arg("rate"), py::arg("flows"), py::arg("days"));
    m.def("xirr_roots", [](const CArray& flows, const py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>& days,
                           double tolerance, int max_iterations, double lower, double upper) {
        const auto r = xirr_roots(std::span<const double>(flows.data(), static_cast<std::size_t>(flows.size())),
                                  std::span<const std::int64_t>(days.data(), static_cast<std::size_t>(days.size())),
                                  irr_options(tolerance, max_iterations, lower, upper));
        return r;
    }, py::arg("flows"), py::arg("days"), py::arg("tolerance"), py::arg("max_iterations"), py::arg("lower"), py::arg("upper"));

    m.def("xirr_one", [](const CArray& flows, const py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>& days,
                         double tolerance, int max_iterations, double lower, double upper) {
        return xirr(std::span<const double>(flows.data(), static_cast<std::size_t>(flows.size())),
                    std::span<const std::int64_t>(days.data(), static_cast<std::size_t>(days.size())),
                    irr_options(tolerance, max_iterations, lower, upper));
    }, py::arg("flows"), py::arg("days"), py::arg("tolerance"), py::arg("max_iterations"), py::arg("lower"), py::arg("upper"));

    // Time value of money, broadcast over numpy arrays; `when` is 0 (end) or 1 (begin).
    m.def("tvm_fv", py::vectorize([](double r, double n, double p, double v, double w) { return fv(r, n, p, v, when_of(w)); }));
    m.def("tvm_pv", py::vectorize([](double r, double n, double p, double f, double w) { return pv(r, n, p, f, when_of(w)); }));
    m.def("tvm_pmt", py::vectorize([](double r, double n, double v, double f, double w) { return pmt(r, n, v, f, when_of(w)); }));
    m.def("tvm_nper", py::vectorize([](double r, double p, double v, double f, double w) { return nper(r, p, v, f, when_of(w)); }));
    m.def("tvm_ipmt", py::vectorize([](double r, double per, double n, double v, double f, double w) {
        return ipmt(r, per, n, v, f, when_of(w));
    }));
    m.def("tvm_ppmt", py::vectorize([](double r, double per, double n, double v, double f, double w) {
        return ppmt(r, per, n, v, f, when_of(w));
    }));
    m.def("tvm_rate", py::vectorize([](double n, double p, double v, double f, double w, double guess, double tol, int maxiter) {
        return rate(n, p, v, f, when_of(w), RateOptions{guess, tol, maxiter});
    }));

    m.def("initiative_financials", [](const Portfolio& p, std::optional<Rate> rate, NpvConvention convention,
                                      std::optional<Rate> finance_rate, std::optional<Rate> reinvest_rate, int threads) {
        return initiative_financials(p, finance_options(rate, convention, finance_rate, reinvest_rate, threads));
    }, py::arg("portfolio"), py::arg("rate") = py::none(), py::arg("convention") = NpvConvention::numpy, py::arg("finance_rate") = py::none(),
       py::arg("reinvest_rate") = py::none(), py::arg("threads") = 0);
    m.def("portfolio_financials", [](const Portfolio& p, const std::vector<std::string>& ids, std::optional<Rate> rate,
                                     NpvConvention convention, std::optional<Rate> finance_rate, std::optional<Rate> reinvest_rate) {
        std::vector<Index> selection;
        for (const auto& id : ids) selection.push_back(p.initiative_index(id));
        return portfolio_financials(p, selection, finance_options(rate, convention, finance_rate, reinvest_rate, 0));
    }, py::arg("portfolio"), py::arg("ids"), py::arg("rate") = py::none(), py::arg("convention") = NpvConvention::numpy,
       py::arg("finance_rate") = py::none(), py::arg("reinvest_rate") = py::none());
}

}  // namespace aligngraph::python
