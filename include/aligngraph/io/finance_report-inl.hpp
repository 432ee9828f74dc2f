#pragma once
// Finance as text and JSON: every measure per initiative and for the whole portfolio.

#include "aligngraph/io/finance_report.hpp"

#include "aligngraph/detail/ordered_json.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>

#include "aligngraph/detail/layout.hpp"
#include "aligngraph/detail/text.hpp"

namespace aligngraph {

namespace detail {

inline std::string periods(double v) { return std::isnan(v) ? std::string("never") : fmt::format("{:.2f}", v); }
inline std::string ratio(double v) { return std::isnan(v) ? std::string("-") : fmt::format("{:.2f}", v); }

}  // namespace detail

ALIGNGRAPH_INLINE std::string financials_text(const Financials& f, const Financials& total, int width) {
    width = std::max(width, 60);
    std::string out = fmt::format("Finance at {:.2f}% per year ({:.3f}% per period of {:g} years); money in {}\n",
                                  100 * f.yearly_rate, 100 * f.period_rate, f.period_years, f.currency);
    out += f.convention == NpvConvention::excel ? "NPV discounts the first period too (Excel's NPV).\n"
                                                : "NPV leaves the first period undiscounted (numpy-financial's npv).\n";
    out += "IRR and MIRR per year; * marks several IRRs (the one shown is numpy-financial's choice);\n"
           "payback in periods from the initiative's start, 'never' within the horizon.\n\n";
    const std::size_t id_w = 8, num_w = 9, pct_w = 8, pb_w = 8, r_w = 7;
    const std::size_t fixed = id_w + 3 * num_w + 2 * pct_w + pb_w + 2 * r_w + 9;
    const std::size_t name_w = static_cast<std::size_t>(width) > fixed + 8 ? static_cast<std::size_t>(width) - fixed : 8;
    auto row = [&](const std::string& id, const std::string& name, const std::string& cost, const std::string& benefit,
                   const std::string& npv, const std::string& irr, const std::string& mirr, const std::string& pb,
                   const std::string& roi, const std::string& pi) {
        out += fmt::format("{} {} {:>{}} {:>{}} {:>{}} {:>{}} {:>{}} {:>{}} {:>{}} {:>{}}\n", detail::pad(detail::fit(id, id_w), id_w),
                           detail::pad(detail::fit(name, name_w), name_w), cost, num_w, benefit, num_w, npv, num_w, irr, pct_w, mirr,
                           pct_w, pb, pb_w, roi, r_w, pi, r_w);
    };
    row("ID", "Initiative", "cost", "benefit", "NPV", "IRR", "MIRR", "payback", "ROI", "PI");
    for (Index i = 0; i < static_cast<Index>(f.ids.size()); ++i)
        row(f.ids[i], f.names[i], detail::money(f.total_cost(i)), detail::money(f.total_benefit(i)),
            detail::money(f.npv(i)), fmt::format("{}{}", detail::percent(f.irr_annual(i)), f.irr_roots(i) > 1 ? "*" : ""), detail::percent(f.mirr_annual(i)),
            detail::periods(f.payback(i)), detail::percent(f.roi(i)), detail::ratio(f.profitability_index(i)));
    row("ALL", total.names.empty() ? std::string() : total.names[0], detail::money(total.total_cost(0)),
        detail::money(total.total_benefit(0)), detail::money(total.npv(0)),
        fmt::format("{}{}", detail::percent(total.irr_annual(0)), total.irr_roots(0) > 1 ? "*" : ""), detail::percent(total.mirr_annual(0)),
        detail::periods(total.payback(0)), detail::percent(total.roi(0)), detail::ratio(total.profitability_index(0)));
    return out;
}

ALIGNGRAPH_INLINE std::string financials_json(const Financials& f, const Financials& total) {
    auto value = [](double v) { return std::isnan(v) ? detail::ojson(nullptr) : detail::ojson(v); };
    auto entry = [&](const Financials& x, Index i) {
        return detail::ojson{{"capex", x.capex(i)},
                     {"opex", x.opex(i)},
                     {"total_cost", x.total_cost(i)},
                     {"total_benefit", x.total_benefit(i)},
                     {"pv_costs", x.pv_costs(i)},
                     {"pv_benefits", x.pv_benefits(i)},
                     {"npv", x.npv(i)},
                     {"irr", value(x.irr(i))},
                     {"irr_annual", value(x.irr_annual(i))},
                     {"irr_roots", x.irr_roots(i)},
                     {"mirr", value(x.mirr(i))},
                     {"mirr_annual", value(x.mirr_annual(i))},
                     {"payback", value(x.payback(i))},
                     {"discounted_payback", value(x.discounted_payback(i))},
                     {"roi", value(x.roi(i))},
                     {"profitability_index", value(x.profitability_index(i))}};
    };
    detail::ojson initiatives = detail::ojson::array();
    for (Index i = 0; i < static_cast<Index>(f.ids.size()); ++i) {
        detail::ojson e{{"id", f.ids[i]}};
        e.update(entry(f, i));
        initiatives.push_back(e);
    }
    detail::ojson portfolio{{"initiatives", total.members}};
    portfolio.update(entry(total, 0));
    return detail::ojson{{"currency", f.currency},
                         {"period_years", f.period_years},
                         {"yearly_rate", f.yearly_rate},
                         {"period_rate", f.period_rate},
                         {"convention", to_string(f.convention)},
                         {"initiatives", initiatives},
                         {"portfolio", portfolio}}
               .dump(2) +
           "\n";
}

}  // namespace aligngraph
