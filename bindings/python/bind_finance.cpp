// Bindings of the finance engine. The numpy-financial-compatible signatures are in
// aligngraph/__init__.py; these take plain arrays and named options.

#include <pybind11/eigen.h>
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "aligngraph/finance/cashflows.hpp"
#include "aligngraph/finance/dated.hpp"
#include "aligngraph/finance/financials.hpp"
#include "aligngraph/finance/tvm.hpp"
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

py::dict financials_dict(const Financials& f) {
    py::dict d;
    d["period_rate"] = f.period_rate;
    d["capex"] = f.capex;
    d["opex"] = f.opex;
    d["total_cost"] = f.total_cost;
    d["total_benefit"] = f.total_benefit;
    d["pv_costs"] = f.pv_costs;
    d["pv_benefits"] = f.pv_benefits;
    d["npv"] = f.npv;
    d["irr"] = f.irr;
    d["irr_annual"] = f.irr_annual;
    d["irr_roots"] = f.irr_roots;
    d["mirr"] = f.mirr;
    d["mirr_annual"] = f.mirr_annual;
    d["payback"] = f.payback;
    d["discounted_payback"] = f.discounted_payback;
    d["roi"] = f.roi;
    d["profitability_index"] = f.profitability_index;
    return d;
}

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
        return py::make_tuple(r.rate, r.roots, std::string(to_string(r.status)));
    }, py::arg("flows"), py::arg("tolerance"), py::arg("max_iterations"), py::arg("lower"), py::arg("upper"),
       "(chosen rate, every root ascending, status).");

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
        return py::make_tuple(r.rate, r.roots, std::string(to_string(r.status)));
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
        return financials_dict(initiative_financials(p, finance_options(rate, convention, finance_rate, reinvest_rate, threads)));
    }, py::arg("portfolio"), py::arg("rate") = py::none(), py::arg("convention") = NpvConvention::numpy, py::arg("finance_rate") = py::none(),
       py::arg("reinvest_rate") = py::none(), py::arg("threads") = 0);
    m.def("portfolio_financials", [](const Portfolio& p, const std::vector<std::string>& ids, std::optional<Rate> rate,
                                     NpvConvention convention, std::optional<Rate> finance_rate, std::optional<Rate> reinvest_rate) {
        std::vector<Index> selection;
        for (const auto& id : ids) selection.push_back(p.initiative_index(id));
        return financials_dict(
            portfolio_financials(p, selection, finance_options(rate, convention, finance_rate, reinvest_rate, 0)));
    }, py::arg("portfolio"), py::arg("ids"), py::arg("rate") = py::none(), py::arg("convention") = NpvConvention::numpy,
       py::arg("finance_rate") = py::none(), py::arg("reinvest_rate") = py::none());
}

}  // namespace aligngraph::python
