#pragma once
// Writing the JSON model file in a fixed key order (explicit flows), and saving it.

#include "aligngraph/detail/ordered_json.hpp"

#include <fmt/format.h>

#include <string>

#include "aligngraph/io/atomic_file.hpp"
#include "aligngraph/io/model_file.hpp"

namespace aligngraph {

namespace detail {


inline ojson judgments_json(const Judgments& j) {
    ojson m = ojson::array();
    for (const auto& row : j.matrix) {
        ojson cells = ojson::array();
        for (const auto& cell : row) cells.push_back(cell ? ojson(*cell) : ojson(nullptr));
        m.push_back(cells);
    }
    ojson children = ojson::array();
    for (const auto& c : j.children) children.push_back(c);
    return ojson{{"children", children}, {"matrix", m}};
}


inline ojson estimate_json(const Estimate& e) {
    ojson j;
    j["distribution"] = to_string(e.distribution);
    j["low"] = e.low;
    j["mode"] = e.mode;
    j["high"] = e.high;
    return j;
}

template <class V>
inline ojson list_json(const V& v) {
    ojson a = ojson::array();
    for (const auto& x : v) a.push_back(x);
    return a;
}

}  // namespace detail

ALIGNGRAPH_INLINE std::string model_to_json(const Portfolio& p, int indent) {
    detail::ojson doc;
    doc["format_version"] = model_format_version;
    if (!p.name().empty()) doc["name"] = p.name();
    const auto& h = p.horizon();
    doc["horizon"] = {{"periods", h.periods}, {"period_years", h.period_years}, {"first", h.first_label}};
    const auto& s = p.settings();
    doc["settings"] = {{"discount_rate", s.discount_rate}, {"enabler_share", s.enabler_share}, {"currency", s.currency}};

    std::vector<std::vector<const GoalLink*>> parents(static_cast<std::size_t>(p.goal_count()));
    for (const auto& l : p.goal_links()) parents[l.child].push_back(&l);
    detail::ojson goals = detail::ojson::array();
    for (Index g = 0; g < p.goal_count(); ++g) {
        const auto& goal = p.goal(g);
        detail::ojson j;
        j["id"] = goal.id;
        j["name"] = goal.name;
        if (!goal.level.empty()) j["level"] = goal.level;
        if (!goal.owner.empty()) j["owner"] = goal.owner;
        if (goal.weight) j["weight"] = *goal.weight;
        if (goal.kpi)
            j["kpi"] = {{"metric", goal.kpi->metric}, {"unit", goal.kpi->unit}, {"baseline", goal.kpi->baseline},
                        {"target", goal.kpi->target}};
        if (goal.judgments) j["judgments"] = detail::judgments_json(*goal.judgments);
        if (!parents[g].empty()) {
            detail::ojson a = detail::ojson::array();
            for (const auto* l : parents[g]) {
                if (p.goal(l->parent).judgments) a.push_back({{"goal", p.goal(l->parent).id}});  // weight from judgments
                else a.push_back({{"goal", p.goal(l->parent).id}, {"weight", l->weight}});
            }
            j["parents"] = a;
        }
        goals.push_back(j);
    }
    doc["goals"] = goals;

    detail::ojson teams = detail::ojson::array();
    for (const auto& t : p.teams()) teams.push_back({{"id", t.id}, {"name", t.name}, {"capacity", detail::list_json(t.capacity)}});
    if (!teams.empty()) doc["teams"] = teams;

    std::vector<std::vector<const Contribution*>> contributes(static_cast<std::size_t>(p.initiative_count()));
    for (const auto& c : p.contributions()) contributes[c.initiative].push_back(&c);
    std::vector<std::vector<const Requirement*>> requires_of(static_cast<std::size_t>(p.initiative_count()));
    for (const auto& r : p.requirements()) requires_of[r.dependant].push_back(&r);
    detail::ojson initiatives = detail::ojson::array();
    for (Index i = 0; i < p.initiative_count(); ++i) {
        const auto in = p.initiative(i);
        detail::ojson j;
        j["id"] = in.id;
        j["name"] = in.name;
        j["department"] = in.department;
        j["start"] = in.start;
        j["duration"] = in.duration;
        j["effort"] = in.effort;
        if (in.window.earliest) j["earliest_start"] = *in.window.earliest;
        if (in.window.latest) j["latest_start"] = *in.window.latest;
        if (in.window.deadline) j["deadline"] = *in.window.deadline;
        j["costs"] = {{"capex", detail::list_json(in.capex)}, {"opex", detail::list_json(in.opex)}};
        j["benefits"] = detail::list_json(in.benefits);
        if (!in.criteria.empty()) {
            detail::ojson c = detail::ojson::object();
            for (const auto& [k, v] : in.criteria) c[k] = v;
            j["criteria"] = c;
        }
        if (!contributes[i].empty()) {
            detail::ojson c = detail::ojson::object();
            for (const auto* k : contributes[i]) c[p.goal(k->goal).id] = k->strength;
            j["contributes"] = c;
        }
        if (!requires_of[i].empty()) {
            detail::ojson a = detail::ojson::array();
            for (const auto* r : requires_of[i]) {
                const auto& id = p.initiative_ids()[r->prerequisite];
                if (r->lag > 0) a.push_back(detail::ojson{{"id", id}, {"lag", r->lag}});
                else a.push_back(id);
            }
            j["requires"] = a;
        }
        if (!in.demand.empty()) {
            detail::ojson d = detail::ojson::object();
            for (const auto& [team, v] : in.demand) d[team] = detail::list_json(v);
            j["demand"] = d;
        }
        if (in.uncertainty) {
            detail::ojson u;
            if (in.uncertainty->cost) u["cost"] = detail::estimate_json(*in.uncertainty->cost);
            if (in.uncertainty->benefit) u["benefit"] = detail::estimate_json(*in.uncertainty->benefit);
            if (in.uncertainty->delay) u["delay"] = detail::estimate_json(*in.uncertainty->delay);
            u["success_probability"] = in.uncertainty->success_probability;
            j["uncertainty"] = u;
        }
        if (in.flags.mandatory) j["mandatory"] = true;
        if (in.flags.forced_in) j["forced_in"] = true;
        if (in.flags.forced_out) j["forced_out"] = true;
        j["status"] = to_string(in.status);
        initiatives.push_back(j);
    }
    doc["initiatives"] = initiatives;

    detail::ojson excludes = detail::ojson::array();
    for (const auto& x : p.exclusions()) {
        detail::ojson m = detail::ojson::array();
        for (Index i : x.members) m.push_back(p.initiative_ids()[i]);
        excludes.push_back({{"id", x.id}, {"members", m}});
    }
    if (!excludes.empty()) doc["excludes"] = excludes;

    detail::ojson budgets = detail::ojson::array();
    for (const auto& b : p.budgets()) {
        detail::ojson j;
        j["id"] = b.id;
        if (!b.department.empty()) j["department"] = b.department;
        j["kind"] = to_string(b.kind);
        j["limits"] = detail::list_json(b.limits);
        budgets.push_back(j);
    }
    if (!budgets.empty()) doc["budgets"] = budgets;

    detail::ojson scenarios = detail::ojson::array();
    for (const auto& sc : p.scenarios()) {
        detail::ojson j;
        j["id"] = sc.id;
        if (!sc.name.empty()) j["name"] = sc.name;
        if (sc.discount_rate) j["discount_rate"] = *sc.discount_rate;
        if (sc.budget_factor) j["budget_factor"] = *sc.budget_factor;
        if (sc.cost_overrun) j["cost_overrun"] = *sc.cost_overrun;
        if (sc.enabler_share) j["enabler_share"] = *sc.enabler_share;
        if (!sc.goal_weights.empty()) {
            detail::ojson gw = detail::ojson::object();
            for (const auto& [g, w] : sc.goal_weights) gw[g] = w;
            j["goal_weights"] = gw;
        }
        if (!sc.criterion_weights.empty()) {
            detail::ojson cw = detail::ojson::object();
            for (const auto& [c, w] : sc.criterion_weights) cw[c] = w;
            j["criterion_weights"] = cw;
        }
        if (!sc.judgments.empty()) {
            detail::ojson jj = detail::ojson::object();
            for (const auto& [g, v] : sc.judgments) jj[g] = detail::judgments_json(v);
            j["judgments"] = jj;
        }
        if (!sc.forced_in.empty()) j["forced_in"] = detail::list_json(sc.forced_in);
        if (!sc.forced_out.empty()) j["forced_out"] = detail::list_json(sc.forced_out);
        scenarios.push_back(j);
    }
    if (!scenarios.empty()) doc["scenarios"] = scenarios;

    detail::ojson correlations = detail::ojson::array();
    for (const auto& c : p.correlations())
        correlations.push_back({{"initiatives", detail::list_json(c.initiatives)}, {"coefficient", c.coefficient}, {"on", to_string(c.on)}});
    if (!correlations.empty()) doc["correlations"] = correlations;
    detail::ojson events = detail::ojson::array();
    for (const auto& e : p.risk_events()) {
        detail::ojson j;
        j["id"] = e.id;
        if (!e.name.empty()) j["name"] = e.name;
        j["probability"] = e.probability;
        j["initiatives"] = detail::list_json(e.initiatives);
        if (e.cost) j["cost"] = detail::estimate_json(*e.cost);
        if (e.delay) j["delay"] = detail::estimate_json(*e.delay);
        events.push_back(j);
    }
    if (!events.empty()) doc["risk_events"] = events;
    return doc.dump(indent) + "\n";
}

ALIGNGRAPH_INLINE void save_model(const Portfolio& p, const std::filesystem::path& path) { write_file_atomically(path, model_to_json(p)); }

}  // namespace aligngraph
