#pragma once
// Everything the report needs, computed (briefing.hpp).

#include "aligngraph/report/briefing.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "aligngraph/detail/sha256.hpp"
#include "aligngraph/error.hpp"
#include "aligngraph/io/model_file.hpp"
#include "aligngraph/scoring/alignment.hpp"
#include "aligngraph/version.hpp"
#include "aligngraph/weights/goal_weights.hpp"

namespace aligngraph {

namespace detail {

inline void check_report_options(const Portfolio& p, const ReportOptions& o) {
    if (!o.scenario.empty() &&
        std::none_of(p.scenarios().begin(), p.scenarios().end(), [&](const Scenario& s) { return s.id == o.scenario; }))
        throw ValidationError(fmt::format("report: the model has no scenario '{}'", o.scenario));
    if (!(o.time_limit > 0)) throw ValidationError(fmt::format("report: time_limit must be a number of seconds > 0, not {}", o.time_limit));
    if (o.risk && o.samples < 1) throw ValidationError(fmt::format("report: samples must be at least 1, not {}", o.samples));
    if (o.explained < 0) throw ValidationError(fmt::format("report: explained must be >= 0, not {}", o.explained));
    for (const double f : o.frontier_levels)
        if (!(f > 0) || !std::isfinite(f)) throw ValidationError(fmt::format("report: a frontier level must be a factor > 0, not {}", f));
}

// A stop asked for ends the report: half of one is not one.
inline void stop_if_interrupted(StopReason why, const char* what) {
    if (why == StopReason::interrupted) throw NoSolutionError(fmt::format("report: interrupted while computing {}", what));
}

}  // namespace detail

ALIGNGRAPH_INLINE Briefing brief(const Portfolio& p, const ReportOptions& options) {
    p.check();
    detail::check_report_options(p, options);
    Briefing b;
    b.options = options;
    b.title = p.name().empty() ? std::string("Portfolio") : p.name();
    b.currency = p.settings().currency;
    b.discount_rate = p.settings().discount_rate;
    for (const auto& s : p.scenarios())
        if (s.id == options.scenario && s.discount_rate) b.discount_rate = *s.discount_rate;
    for (Index t = 0; t < p.horizon().periods; ++t) b.period_labels.push_back(p.horizon().label(t));
    b.version = version_string;
    b.model_sha256 = detail::sha256_hex(model_to_json(p));

    // What to fund: the optimal portfolio by NPV, explained.
    OptimizeOptions oo{.objective = Objective::npv, .time_limit = options.time_limit, .scenario = options.scenario, .cancel = options.cancel};
    b.optimal = optimize(p, oo);
    detail::stop_if_interrupted(b.optimal.stop_reason, "the optimal portfolio");
    std::vector<std::string> funded_ids;
    for (const Index i : b.optimal.selected) funded_ids.push_back(p.initiative_ids()[static_cast<std::size_t>(i)]);

    // The goals and what the funded portfolio serves of them.
    const auto al = alignment(p, options.scenario.empty() ? AlignmentOptions{} : AlignmentOptions::from_scenario(p, options.scenario));
    b.global_weights = al.goal_weights;
    b.local_weights = local_goal_weights(p);
    b.coverage = goal_coverage(p, b.optimal.selected);
    b.unserved = unserved_goals(p, b.optimal.selected);
    std::vector<char> child(static_cast<std::size_t>(p.goal_count()), 0);
    for (const auto& l : p.goal_links()) child[static_cast<std::size_t>(l.child)] = 1;
    for (Index g = 0; g < p.goal_count(); ++g)
        if (!child[static_cast<std::size_t>(g)]) b.weight_served += b.global_weights(g) * b.coverage(g);

    // The ranking and its explanations.
    const auto so = options.scenario.empty() ? ScoreOptions{.kind = options.ranking}
                                             : ScoreOptions::from_scenario(p, options.scenario, options.ranking);
    b.ranking = score(p, so);
    const auto order = b.ranking.order();
    for (std::size_t k = 0; k < order.size() && static_cast<Index>(k) < options.explained; ++k)
        b.explanations.push_back(explain_score(p, so, b.ranking, order[k]));

    // Finance at the discount rate used.
    FinanceOptions fo;
    fo.discount_rate = b.discount_rate;
    b.finance = initiative_financials(p, fo);
    b.funded = portfolio_financials(p, b.optimal.selected, fo);

    // The frontier around the plan.
    if (!options.frontier_levels.empty()) {
        auto levels = options.frontier_levels;
        if (std::find(levels.begin(), levels.end(), 1.0) == levels.end()) levels.push_back(1.0);
        std::sort(levels.begin(), levels.end());
        levels.erase(std::unique(levels.begin(), levels.end()), levels.end());
        b.options.frontier_levels = levels;
        b.frontier = frontier(p, levels, Sweep::scale, oo);
        for (std::size_t k = 0; k < b.frontier.size(); ++k) {
            detail::stop_if_interrupted(b.frontier[k].result.stop_reason, "the frontier");
            if (b.frontier[k].factor == 1.0) b.plan_level = static_cast<std::ptrdiff_t>(k);
        }
    }

    // When: the funded portfolio's roadmap.
    if (!options.roadmap) {
        b.roadmap_note = "not asked for";
    } else if (b.optimal.selected.empty()) {
        b.roadmap_note = "nothing is funded";
    } else {
        RoadmapOptions ro;
        ro.objective = ScheduleObjective::npv;
        ro.time_limit = options.time_limit;
        ro.scenario = options.scenario;
        ro.cancel = options.cancel;
        ro.selection = funded_ids;
        try {
            b.roadmap = roadmap(p, ro);
            detail::stop_if_interrupted(b.roadmap->stop_reason, "the roadmap");
        } catch (const InfeasibleError& e) {
            b.roadmap_note = std::string("no roadmap fits: ") + e.what();
        } catch (const NoSolutionError& e) {
            if (options.cancel.requested()) throw;
            b.roadmap_note = std::string("no roadmap found within the time limit: ") + e.what();
        }
    }

    // How sure: the Monte Carlo of the funded portfolio, at its roadmap's starts when it has one.
    if (!options.risk) {
        b.risk_note = "not asked for";
    } else if (b.optimal.selected.empty()) {
        b.risk_note = "nothing is funded";
    } else {
        RiskOptions mc;
        mc.samples = options.samples;
        mc.seed = options.seed;
        mc.threads = options.threads;
        mc.cancel = options.cancel;
        mc.selection = funded_ids;
        mc.scenario = options.scenario;
        mc.roadmap = b.roadmap.has_value();
        mc.time_limit = options.time_limit;
        b.risk = simulate(p, mc);
        detail::stop_if_interrupted(b.risk->stop_reason, "the Monte Carlo");
    }
    return b;
}

}  // namespace aligngraph
