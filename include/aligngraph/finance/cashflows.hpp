#pragma once
/// @file cashflows.hpp
/// Discounted cash-flow measures of one series or of many at once: NPV, IRR, MIRR,
/// payback. Conventions (numpy-financial's where they overlap):
///
/// - A series v_0 .. v_{N-1} has one signed amount per period, outflows negative.
/// - NPV(r) = sum_t v_t / (1 + r)^t: the first flow is at t = 0 and is not discounted
///   (NpvConvention::numpy, the default). NpvConvention::excel discounts the first flow
///   by one period, as Excel's NPV() does: NPV_excel = NPV / (1 + r).
/// - Rates are per period of the series; `period_rate()` converts a yearly rate.
/// - IRR: every real root of NPV(r) = 0 with r > -1 is found (none is missed: roots
///   are isolated between the critical points of the NPV polynomial and each is
///   bracketed and solved by TOMS 748). By default the root numpy-financial picks is
///   returned: with roots of both signs the non-negative ones are kept, then the one
///   smallest in magnitude.
///
///     std::vector<double> v{-100, 230, -132};
///     auto r = aligngraph::irr_roots(v);   // r.roots == {0.1, 0.2}, r.rate == 0.1, r.several() == true

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_FINANCE_CASHFLOWS
#endif

#include "aligngraph/export.hpp"
#include <Eigen/Core>

#include <limits>
#include <span>
#include <string>
#include <vector>

#include "aligngraph/names.hpp"
#include "aligngraph/types.hpp"

namespace aligngraph {

/// Many series at once: one series per row, periods along the row (C order, as numpy).
using SeriesMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
/// A read-only view of such a matrix (numpy arrays bind to it without a copy).
using SeriesRef = Eigen::Ref<const SeriesMatrix>;

/// Where the first flow of a series sits.
enum class NpvConvention {
    numpy,  ///< first flow at t = 0, undiscounted (numpy-financial, the default)
    excel,  ///< first flow at t = 1, discounted one period (Excel's NPV())
};

template <>
struct EnumNames<NpvConvention> {
    static constexpr std::string_view type = "NpvConvention";
    static constexpr std::array table{std::pair{NpvConvention::numpy, std::string_view("numpy")},
                                      std::pair{NpvConvention::excel, std::string_view("excel")}};
};

/// The rate per period equivalent to a yearly rate: (1 + yearly)^period_years - 1.
/// @throws ValidationError for a rate <= -1 or not finite, or a period length <= 0.
ALIGNGRAPH_API Rate period_rate(Rate yearly, double period_years);

/// The yearly rate equivalent to a rate per period: (1 + r)^(1 / period_years) - 1.
ALIGNGRAPH_API Rate annual_rate(Rate per_period, double period_years);

/// NPV of one series at rate r per period.
/// @throws ValidationError for an empty series, a non-finite flow (naming its period)
///         or a rate <= -1.
ALIGNGRAPH_API double npv(Rate r, std::span<const double> flows, NpvConvention convention = NpvConvention::numpy);

/// NPV of every row at rate r, in one pass (a matrix-vector product over the rows).
/// Returns NaN for every row when r <= -1 (numpy-financial's answer for r = -1).
/// @throws ValidationError naming the first row and period holding a non-finite flow
///         when `check_finite` (the default).
ALIGNGRAPH_API Eigen::VectorXd npv(Rate r, const SeriesRef& flows, NpvConvention convention = NpvConvention::numpy,
                    bool check_finite = true);

/// Named parameters of the IRR solver.
struct IrrOptions {
    /// Each root is solved until its bracket is this narrow, relative to the solver's
    /// variable u in (0, 2): u = 1/(1+r) for r >= 0 and u = 1 - r for r < 0.
    double tolerance = 4 * std::numeric_limits<double>::epsilon();
    /// TOMS 748 iterations allowed per root.
    int max_iterations = 200;
    /// Only roots in (lower, upper) are reported; the default is every rate > -1.
    Rate lower = -1.0;
    Rate upper = std::numeric_limits<double>::infinity();
};

/// Why a series has no IRR, or that it has several.
enum class IrrStatus {
    one_root,        ///< exactly one IRR
    several_roots,   ///< more than one IRR: `rate` is numpy-financial's pick, `roots` has all
    no_sign_change,  ///< the flows never change sign: NPV has no root
    no_root,         ///< the flows change sign but NPV has no root in the bracket
};

template <>
struct EnumNames<IrrStatus> {
    static constexpr std::string_view type = "IrrStatus";
    static constexpr std::array table{std::pair{IrrStatus::one_root, std::string_view("one_root")},
                                      std::pair{IrrStatus::several_roots, std::string_view("several_roots")},
                                      std::pair{IrrStatus::no_sign_change, std::string_view("no_sign_change")},
                                      std::pair{IrrStatus::no_root, std::string_view("no_root")}};
};

/// Every IRR of a series and the one chosen.
struct IrrResult {
    Rate rate = std::numeric_limits<double>::quiet_NaN();  ///< chosen root, NaN when none
    std::vector<Rate> roots;                               ///< every root in the bracket, ascending
    IrrStatus status = IrrStatus::no_root;
    bool several() const noexcept { return roots.size() > 1; }
};

/// Every IRR of one series (per period). Never throws for "no IRR": see `status`.
/// @throws ValidationError for an empty series or a non-finite flow.
ALIGNGRAPH_API IrrResult irr_roots(std::span<const double> flows, const IrrOptions& options = {});

/// The IRR of one series (per period), numpy-financial's choice among several.
/// @throws NoSolutionError with the reason when there is none
///         (`irr(): cash flows never change sign (5 flows, all >= 0)`); ValidationError as irr_roots.
ALIGNGRAPH_API Rate irr(std::span<const double> flows, const IrrOptions& options = {});

/// IRRs of every row: `rate` (NaN where none) and `root_count` (0 none, > 1 several).
struct IrrBatch {
    Eigen::VectorXd rate;
    Eigen::VectorXi root_count;
};

/// IRR of every row, rows solved in parallel on `threads` threads (0: all cores).
/// The result is the same, bit for bit, whatever the number of threads.
/// @throws ValidationError naming the first row and period holding a non-finite flow.
ALIGNGRAPH_API IrrBatch irr(const SeriesRef& flows, const IrrOptions& options = {}, int threads = 0);

/// Modified IRR per period: (|NPV(reinvest, positive flows)| / |NPV(finance, negative flows)|)^(1/(N-1))
/// * (1 + reinvest) - 1, N the number of flows. NaN unless the series has both signs.
/// @throws ValidationError for an empty series, a non-finite flow or a rate <= -1.
ALIGNGRAPH_API double mirr(std::span<const double> flows, Rate finance_rate, Rate reinvest_rate);

/// MIRR of every row.
ALIGNGRAPH_API Eigen::VectorXd mirr(const SeriesRef& flows, Rate finance_rate, Rate reinvest_rate);

/// Simple payback in periods from period 0 of the series, interpolated: with C_t the
/// cumulative flow and t the first period where C_t >= 0 after C has been negative,
/// payback = (t - 1) + (-C_{t-1}) / v_t. 0 when C is never negative; NaN when it never
/// recovers within the series.
ALIGNGRAPH_API double payback(std::span<const double> flows);

/// Discounted payback: payback() of the flows discounted at r per period (v_t / (1+r)^t).
ALIGNGRAPH_API double discounted_payback(std::span<const double> flows, Rate r);

/// payback() of every row; discounted when `r` is given (not NaN).
ALIGNGRAPH_API Eigen::VectorXd payback(const SeriesRef& flows, Rate r = std::numeric_limits<double>::quiet_NaN());

}  // namespace aligngraph

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_FINANCE_CASHFLOWS
#ifdef ALIGNGRAPH_OUTERMOST_FINANCE_CASHFLOWS
#undef ALIGNGRAPH_OUTERMOST_FINANCE_CASHFLOWS
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
