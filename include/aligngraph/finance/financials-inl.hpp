#pragma once
// Finance measures over all initiatives at once (structure of arrays).

#include "aligngraph/finance/financials.hpp"
#include "aligngraph/memory.hpp"
#include "aligngraph/detail/constants.hpp"

#include <fmt/format.h>

#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <string>

namespace aligngraph {

namespace detail {


inline Financials compute_financials(const SeriesMatrix& capex, const SeriesMatrix& opex, const SeriesMatrix& benefits,
                   const Eigen::VectorXi& starts, const Portfolio& p, const FinanceOptions& o) {
    const double years = p.horizon().period_years;
    const Rate yearly = o.discount_rate.value_or(p.settings().discount_rate);
    const Rate r = period_rate(yearly, years);
    const Rate fin = period_rate(o.finance_rate.value_or(yearly), years);
    const Rate re = period_rate(o.reinvest_rate.value_or(yearly), years);
    const SeriesMatrix costs = capex + opex;
    const SeriesMatrix net = benefits - costs;

    Financials f;
    f.currency = p.settings().currency;
    f.period_years = years;
    f.yearly_rate = yearly;
    f.finance_rate = o.finance_rate.value_or(yearly);
    f.reinvest_rate = o.reinvest_rate.value_or(yearly);
    f.convention = o.convention;
    f.period_rate = r;
    f.capex = capex.rowwise().sum();
    f.opex = opex.rowwise().sum();
    f.total_cost = costs.rowwise().sum();
    f.total_benefit = benefits.rowwise().sum();
    f.pv_costs = npv(r, costs, o.convention, false);
    f.pv_benefits = npv(r, benefits, o.convention, false);
    f.npv = f.pv_benefits - f.pv_costs;
    const auto irr_batch = irr(net, o.irr, o.threads);
    f.irr = irr_batch.rate;
    f.irr_roots = irr_batch.root_count;
    // An IRR too large for a double (a cost of 1e-320 against a benefit of 1e18) is inf: so is its yearly rate.
    f.irr_annual = f.irr.unaryExpr([years](double v) { return std::isnan(v) ? nan : std::isinf(v) ? v : annual_rate(v, years); });
    f.mirr = mirr(net, fin, re);
    f.mirr_annual = f.mirr.unaryExpr([years](double v) { return std::isnan(v) || v <= -1 ? nan : std::isinf(v) ? v : annual_rate(v, years); });
    f.payback = payback(net) - starts.cast<double>();
    f.discounted_payback = payback(net, r) - starts.cast<double>();
    const Eigen::ArrayXd cost = f.total_cost.array(), pv_cost = f.pv_costs.array();
    f.roi = (cost > 0).select((f.total_benefit.array() - cost) / cost, nan).matrix();
    f.profitability_index = (pv_cost > 0).select(f.pv_benefits.array() / pv_cost, nan).matrix();
    return f;
}

}  // namespace detail

ALIGNGRAPH_INLINE Financials initiative_financials(const Portfolio& p, const FinanceOptions& o) {
    p.check();
    // Net flows, their discounted and cumulative forms: a few initiatives x periods matrices.
    detail::check_memory(fmt::format("initiative_financials(): the flows of {} initiatives x {} periods", p.initiative_count(),
                                     p.horizon().periods),
                         4.0 * sizeof(double) * static_cast<double>(p.initiative_count()) * static_cast<double>(p.horizon().periods));
    auto f = detail::compute_financials(p.capex(), p.opex(), p.benefits(), p.starts(), p, o);
    f.ids = p.initiative_ids();
    f.names = p.names();
    return f;
}

ALIGNGRAPH_INLINE Financials portfolio_financials(const Portfolio& p, const std::vector<Index>& selection, const FinanceOptions& o) {
    p.check();
    const auto P = p.horizon().periods;
    SeriesMatrix capex = SeriesMatrix::Zero(1, P), opex = SeriesMatrix::Zero(1, P), benefits = SeriesMatrix::Zero(1, P);
    std::vector<char> seen(static_cast<std::size_t>(p.initiative_count()), 0);
    for (Index i : selection) {
        if (i < 0 || i >= p.initiative_count())
            throw ValidationError(fmt::format("portfolio_financials(): initiative index {} out of range [0, {})", i,
                                              p.initiative_count()));
        if (seen[i]++) throw ValidationError(fmt::format("portfolio_financials(): '{}' selected twice", p.initiative_ids()[i]));
        capex += p.capex().row(i);
        opex += p.opex().row(i);
        benefits += p.benefits().row(i);
    }
    auto f = detail::compute_financials(capex, opex, benefits, Eigen::VectorXi::Zero(1), p, o);
    f.ids = {"portfolio"};
    f.names = {fmt::format("{} initiatives", selection.size())};
    for (Index i : selection) f.members.push_back(p.initiative_ids()[i]);
    return f;
}

ALIGNGRAPH_INLINE std::string rate_above_one(double rate) {
    if (!(rate > 1)) return {};
    return fmt::format("rate {:g} is above 1, i.e. {:g}% a year: write \"{:g}%\" for {:g} percent (or {:g})", rate,
                       100 * rate, rate, rate, rate / 100);
}

ALIGNGRAPH_INLINE Rate parse_rate(std::string_view text) {
    std::string t(text);
    while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back()))) t.pop_back();
    while (!t.empty() && std::isspace(static_cast<unsigned char>(t.front()))) t.erase(t.begin());
    const bool percent = !t.empty() && t.back() == '%';
    if (percent) t.pop_back();
    double v = 0;
    const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (t.empty() || ec != std::errc() || end != t.data() + t.size() || !std::isfinite(v))
        throw ValidationError(fmt::format("rate '{}': expected a fraction such as 0.08 or a percentage such as 8%", text));
    if (percent) v /= 100;
    else if (const auto why = rate_above_one(v); !why.empty())
        throw ValidationError(why);
    if (!(v > -1)) throw ValidationError(fmt::format("rate '{}': expected a rate above -100%", text));
    return v;
}

}  // namespace aligngraph
