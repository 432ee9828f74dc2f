#pragma once
// Reading the JSON model file, section by section, with every problem located by a JSON
// pointer. Format: docs/model-format.md.

#include "aligngraph/io/model_file.hpp"
#include "aligngraph/memory.hpp"

#include "aligngraph/detail/text.hpp"
#include "aligngraph/finance/financials.hpp"
#include "aligngraph/model/validation.hpp"

#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <fstream>
#include <initializer_list>
#include <map>
#include <set>
#include <sstream>

namespace aligngraph {

namespace detail {

using json = nlohmann::json;

inline std::string kind_of(const json& j) {
    if (j.is_null()) return "null";
    if (j.is_boolean()) return j.get<bool>() ? "true" : "false";
    if (j.is_number()) return j.dump();
    if (j.is_string()) return "a string";
    if (j.is_array()) return fmt::format("an array of {}", j.size());
    return "an object";
}

// Reads one document, collecting every problem instead of stopping at the first.
class Reader {
public:
    explicit Reader(std::string source) : source_(std::move(source)) {}

    void fail(const std::string& ptr, std::string message) { problems_.push_back({ptr, std::move(message), {}}); }
    std::vector<Problem>& problems() { return problems_; }
    const std::string& source() const noexcept { return source_; }

    bool expect_object(const json& j, const std::string& ptr) {
        if (j.is_object()) return true;
        fail(ptr, fmt::format("expected an object, got {}", kind_of(j)));
        return false;
    }
    bool expect_array(const json& j, const std::string& ptr) {
        if (j.is_array()) return true;
        fail(ptr, fmt::format("expected an array, got {}", kind_of(j)));
        return false;
    }
    /// Reports keys of `obj` that are not in `allowed` (a typo is never silently ignored).
    void known_keys(const json& obj, const std::string& ptr, std::initializer_list<std::string_view> allowed) {
        for (const auto& [key, value] : obj.items()) {
            bool ok = false;
            for (auto a : allowed) ok = ok || a == key;
            if (!ok) {
                std::string list;
                for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
                fail(ptr + "/" + detail::pointer_token(key), fmt::format("unknown key '{}'; expected one of: {}", key, list));
            }
        }
    }
    const json* member(const json& obj, const std::string& key, const std::string& ptr, bool required) {
        auto it = obj.find(key);
        if (it == obj.end()) {
            if (required) fail(ptr, fmt::format("missing required key '{}'", key));
            return nullptr;
        }
        return &*it;
    }
    std::optional<std::string> string(const json& obj, const std::string& key, const std::string& ptr, bool required,
                                      bool non_empty = false) {
        const json* j = member(obj, key, ptr, required);
        if (!j) return std::nullopt;
        if (!j->is_string()) {
            fail(ptr + "/" + detail::pointer_token(key), fmt::format("expected a string, got {}", kind_of(*j)));
            return std::nullopt;
        }
        auto s = j->get<std::string>();
        if (non_empty && s.empty()) {
            fail(ptr + "/" + detail::pointer_token(key), "expected a non-empty string");
            return std::nullopt;
        }
        return s;
    }
    std::optional<double> number(const json& j, const std::string& ptr) {
        if (!j.is_number()) {
            fail(ptr, fmt::format("expected a number, got {}", kind_of(j)));
            return std::nullopt;
        }
        return j.get<double>();
    }
    std::optional<double> number(const json& obj, const std::string& key, const std::string& ptr, bool required) {
        const json* j = member(obj, key, ptr, required);
        if (!j) return std::nullopt;
        return number(*j, ptr + "/" + detail::pointer_token(key));
    }
    /// A yearly rate: a number at most 1 (a fraction), or a percentage as text ("12%").
    std::optional<double> rate(const json& obj, const std::string& key, const std::string& ptr) {
        const json* j = member(obj, key, ptr, false);
        if (!j) return std::nullopt;
        const auto where = ptr + "/" + detail::pointer_token(key);
        if (j->is_string()) {
            try {
                return parse_rate(j->get<std::string>());
            } catch (const ValidationError& e) {
                fail(where, e.what());
                return std::nullopt;
            }
        }
        auto v = number(*j, where);
        if (v && *v > 1) {
            fail(where, rate_above_one(*v));
            return std::nullopt;
        }
        return v;
    }
    /// A whole number in [lo, hi]: anything else (a fraction, a number past the range, one
    /// too large for 64 bits) is refused naming the field, the value and the range.
    std::optional<long long> integer(const json& obj, const std::string& key, const std::string& ptr, bool required,
                                     long long lo, long long hi) {
        const json* j = member(obj, key, ptr, required);
        if (!j) return std::nullopt;
        const auto where = ptr + "/" + detail::pointer_token(key);
        if (!j->is_number_integer()) {
            fail(where, fmt::format("expected a whole number, got {}", kind_of(*j)));
            return std::nullopt;
        }
        const bool huge = j->is_number_unsigned() && j->get<std::uint64_t>() > static_cast<std::uint64_t>(hi);
        if (huge || j->get<long long>() < lo || j->get<long long>() > hi) {
            fail(where, fmt::format("{} {} is out of range: expected a whole number from {} to {}", key, j->dump(), lo, hi));
            return std::nullopt;
        }
        return j->get<long long>();
    }
    std::optional<bool> boolean(const json& obj, const std::string& key, const std::string& ptr) {
        const json* j = member(obj, key, ptr, false);
        if (!j) return std::nullopt;
        if (!j->is_boolean()) {
            fail(ptr + "/" + detail::pointer_token(key), fmt::format("expected true or false, got {}", kind_of(*j)));
            return std::nullopt;
        }
        return j->get<bool>();
    }
    /// A list of numbers, at most `max_len` long (exactly when `exact`); a single number
    /// stands for that number in each of `max_len` places when `scalar_ok`.
    std::optional<std::vector<double>> numbers(const json& j, const std::string& ptr, std::size_t max_len, bool exact,
                                               bool scalar_ok, const char* per) {
        if (scalar_ok && j.is_number()) return std::vector<double>(max_len, j.get<double>());
        if (!j.is_array()) {
            fail(ptr, fmt::format("expected {}an array of numbers, got {}", scalar_ok ? "a number or " : "", kind_of(j)));
            return std::nullopt;
        }
        if (exact ? j.size() != max_len : j.size() > max_len) {
            fail(ptr, fmt::format("has {} values, expected {} {} ({})", j.size(), exact ? "one" : "at most one", per,
                                  max_len));
            return std::nullopt;
        }
        std::vector<double> out;
        bool ok = true;
        for (std::size_t k = 0; k < j.size(); ++k) {
            auto v = number(j[k], fmt::format("{}/{}", ptr, k));
            ok = ok && v.has_value();
            out.push_back(v.value_or(0));
        }
        if (!ok) return std::nullopt;
        return out;
    }
    std::vector<std::string> id_list(const json& j, const std::string& ptr) {
        std::vector<std::string> out;
        if (!expect_array(j, ptr)) return out;
        for (std::size_t k = 0; k < j.size(); ++k) {
            if (j[k].is_string()) out.push_back(j[k].get<std::string>());
            else fail(fmt::format("{}/{}", ptr, k), fmt::format("expected an id (a string), got {}", kind_of(j[k])));
        }
        return out;
    }

private:
    std::string source_;
    std::vector<Problem> problems_;
};

inline std::optional<Judgments> read_judgments(Reader& r, const json& jj, const std::string& ptr) {
    if (!r.expect_object(jj, ptr)) return std::nullopt;
    r.known_keys(jj, ptr, {"children", "matrix"});
    Judgments j;
    if (const json* cj = r.member(jj, "children", ptr, true)) j.children = r.id_list(*cj, ptr + "/children");
    bool ok = true;
    if (const json* mj = r.member(jj, "matrix", ptr, true); mj && r.expect_array(*mj, ptr + "/matrix")) {
        for (std::size_t a = 0; a < mj->size(); ++a) {
            const auto rptr = fmt::format("{}/matrix/{}", ptr, a);
            if (!r.expect_array((*mj)[a], rptr)) {
                ok = false;
                continue;
            }
            std::vector<std::optional<double>> row;
            for (std::size_t b = 0; b < (*mj)[a].size(); ++b) {
                const json& cell = (*mj)[a][b];
                if (cell.is_null()) row.emplace_back();
                else if (auto v = r.number(cell, fmt::format("{}/{}", rptr, b))) row.emplace_back(*v);
                else ok = false;
            }
            j.matrix.push_back(std::move(row));
        }
    } else {
        ok = false;
    }
    if (!ok) return std::nullopt;
    return j;
}

inline std::optional<Estimate> read_estimate(Reader& r, const json& j, const std::string& ptr) {
    if (!r.expect_object(j, ptr)) return std::nullopt;
    r.known_keys(j, ptr, {"distribution", "low", "mode", "high"});
    Estimate e;
    if (auto d = r.string(j, "distribution", ptr, false)) {
        if (auto dist = from_string<Distribution>(*d)) e.distribution = *dist;
        else r.fail(ptr + "/distribution",
                    fmt::format("unknown distribution '{}'; expected triangular, pert, uniform, normal or lognormal", *d));
    }
    auto low = r.number(j, "low", ptr, true);
    auto mode = r.number(j, "mode", ptr, true);
    auto high = r.number(j, "high", ptr, true);
    if (!low || !mode || !high) return std::nullopt;
    e.low = *low;
    e.mode = *mode;
    e.high = *high;
    return e;
}

// Expands the compact form into flows (docs/model-format.md, "Compact form").
inline void expand_compact(Reader& r, const json& j, const std::string& ptr, const Horizon& h, Initiative& in) {
    if (!r.expect_object(j, ptr)) return;
    r.known_keys(j, ptr, {"total_cost", "capex_share", "yearly_benefit", "lifetime_years", "yearly_run_cost"});
    auto total = r.number(j, "total_cost", ptr, true);
    auto share = r.number(j, "capex_share", ptr, true);
    auto yearly = r.number(j, "yearly_benefit", ptr, false).value_or(0.0);
    auto run = r.number(j, "yearly_run_cost", ptr, false).value_or(0.0);
    auto lifetime = r.number(j, "lifetime_years", ptr, yearly > 0 || run > 0);
    bool ok = total && share;
    auto bad = [&](const char* key, std::string msg) {
        r.fail(ptr + "/" + key, std::move(msg));
        ok = false;
    };
    if (total && !(std::isfinite(*total) && *total >= 0)) bad("total_cost", fmt::format("total cost {}, expected a finite amount >= 0", *total));
    if (share && !(*share >= 0 && *share <= 1)) bad("capex_share", fmt::format("capex share {}, expected a number in [0, 1]", *share));
    if (!(std::isfinite(yearly) && yearly >= 0)) bad("yearly_benefit", fmt::format("yearly benefit {}, expected a finite amount >= 0", yearly));
    if (!(std::isfinite(run) && run >= 0)) bad("yearly_run_cost", fmt::format("yearly run cost {}, expected a finite amount >= 0", run));
    if (lifetime && !(std::isfinite(*lifetime) && *lifetime > 0)) bad("lifetime_years", fmt::format("lifetime {} years, expected a finite number > 0", *lifetime));
    // start and duration are each within [0, max_periods] (read as such), so their sum fits.
    if (!ok || in.duration < 1 || in.start < 0 || in.start + in.duration > h.periods) return;

    const auto P = static_cast<std::size_t>(h.periods);
    in.capex.assign(P, 0.0);
    in.opex.assign(P, 0.0);
    in.benefits.assign(P, 0.0);
    const double per_period = *total / in.duration;
    for (Period t = in.start; t < in.start + in.duration; ++t) {
        in.capex[t] = *share * per_period;
        in.opex[t] = per_period - in.capex[t];
    }
    if (lifetime) {
        // The benefits run for the lifetime (rounded to whole periods) or to the horizon's end,
        // whichever comes first; counted in double, so that no lifetime overflows.
        const double life = std::round(*lifetime / h.period_years);
        const Period begin = in.start + in.duration;
        const Period end = static_cast<Period>(std::min<double>(h.periods, begin + life));
        for (Period t = begin; t < end; ++t) {
            in.benefits[t] = yearly * h.period_years;
            in.opex[t] += run * h.period_years;
        }
    }
}

// Format version, horizon, name and settings: the model that the other sections fill.
inline Portfolio read_horizon(Reader& r, const json& doc) {
    const std::string root;
    // Horizon first: everything else is sized by it.
    Horizon h;
    if (const json* hj = r.member(doc, "horizon", root, true); hj && r.expect_object(*hj, "/horizon")) {
        r.known_keys(*hj, "/horizon", {"periods", "period_years", "first"});
        if (auto v = r.integer(*hj, "periods", "/horizon", true, 1, max_periods)) h.periods = static_cast<Periods>(*v);
        if (auto v = r.number(*hj, "period_years", "/horizon", true)) {
            if (!(*v > 0 && *v <= max_period_years))
                r.fail("/horizon/period_years", fmt::format("period length {} years, expected a number > 0 and at most {}", *v, max_period_years));
            else h.period_years = *v;
        }
        if (auto v = r.string(*hj, "first", "/horizon", true)) h.first_label = *v;
    }
    Portfolio p{h};
    if (auto v = r.string(doc, "name", root, false)) p.set_name(*v);

    if (const json* sj = r.member(doc, "settings", root, false); sj && r.expect_object(*sj, "/settings")) {
        r.known_keys(*sj, "/settings", {"discount_rate", "enabler_share", "currency"});
        Settings s;
        if (auto v = r.rate(*sj, "discount_rate", "/settings")) s.discount_rate = *v;
        if (auto v = r.number(*sj, "enabler_share", "/settings", false)) s.enabler_share = *v;
        if (auto v = r.string(*sj, "currency", "/settings", false)) s.currency = *v;
        p.set_settings(s);
    }
    return p;
}

// Goals, their links and their judgments.
inline void read_goals(Reader& r, const json& doc, Portfolio& p) {
    const std::string root;
    // Goals, then their links (a parent may come after its child in the file).
    struct PendingLink { std::string parent, child; double weight; std::string ptr; };
    std::vector<PendingLink> links;
    if (const json* gj = r.member(doc, "goals", root, true); gj && r.expect_array(*gj, "/goals")) {
        for (std::size_t k = 0; k < gj->size(); ++k) {
            const json& g = (*gj)[k];
            const auto ptr = fmt::format("/goals/{}", k);
            if (!r.expect_object(g, ptr)) continue;
            r.known_keys(g, ptr, {"id", "name", "level", "owner", "kpi", "weight", "parents", "judgments"});
            Goal goal;
            auto id = r.string(g, "id", ptr, true, true);
            goal.name = r.string(g, "name", ptr, true).value_or("");
            goal.level = r.string(g, "level", ptr, false).value_or("");
            goal.owner = r.string(g, "owner", ptr, false).value_or("");
            goal.weight = r.number(g, "weight", ptr, false);
            if (const json* kj = r.member(g, "kpi", ptr, false); kj && r.expect_object(*kj, ptr + "/kpi")) {
                r.known_keys(*kj, ptr + "/kpi", {"metric", "unit", "baseline", "target"});
                Kpi kpi;
                kpi.metric = r.string(*kj, "metric", ptr + "/kpi", true).value_or("");
                kpi.unit = r.string(*kj, "unit", ptr + "/kpi", false).value_or("");
                kpi.baseline = r.number(*kj, "baseline", ptr + "/kpi", true).value_or(0);
                kpi.target = r.number(*kj, "target", ptr + "/kpi", true).value_or(0);
                goal.kpi = kpi;
            }
            if (!id) continue;
            goal.id = *id;
            if (p.find_goal(goal.id)) {
                r.fail(ptr + "/id", fmt::format("duplicate goal id '{}'", goal.id));
                continue;
            }
            p.add_goal(goal);
            if (const json* pj = r.member(g, "parents", ptr, false); pj && r.expect_array(*pj, ptr + "/parents")) {
                for (std::size_t q = 0; q < pj->size(); ++q) {
                    const auto lptr = fmt::format("{}/parents/{}", ptr, q);
                    const json& l = (*pj)[q];
                    if (!r.expect_object(l, lptr)) continue;
                    r.known_keys(l, lptr, {"goal", "weight"});
                    auto parent = r.string(l, "goal", lptr, true);
                    auto w = r.number(l, "weight", lptr, false);
                    // No weight: the parent's judgments give it (checked below).
                    if (parent) links.push_back({*parent, goal.id, w.value_or(std::numeric_limits<double>::quiet_NaN()), lptr});
                }
            }
        }
    }
    // Judgments of each goal over its children, read before the links are checked.
    std::map<std::string, std::pair<Judgments, std::string>> judged;
    if (const json* gj = doc.is_object() ? r.member(doc, "goals", root, false) : nullptr; gj && gj->is_array()) {
        for (std::size_t k = 0; k < gj->size(); ++k) {
            const json& g = (*gj)[k];
            if (!g.is_object() || !g.contains("judgments") || !g.contains("id") || !g["id"].is_string()) continue;
            const auto ptr = fmt::format("/goals/{}/judgments", k);
            auto j = read_judgments(r, g["judgments"], ptr);
            if (j) judged.emplace(g["id"].get<std::string>(), std::pair{std::move(*j), ptr});
        }
    }
    for (const auto& l : links) {
        if (!p.find_goal(l.parent)) {
            r.fail(l.ptr + "/goal", fmt::format("goal '{}' has unknown parent goal '{}'", l.child, l.parent));
            continue;
        }
        const bool by_judgments = judged.count(l.parent) > 0;
        if (std::isnan(l.weight) && !by_judgments) {
            r.fail(l.ptr, fmt::format("link '{}' -> '{}' has no weight; give one, or judgments on goal '{}'", l.parent,
                                      l.child, l.parent));
            continue;
        }
        if (!std::isnan(l.weight) && by_judgments) {
            r.fail(l.ptr + "/weight", fmt::format("link '{}' -> '{}' has a weight, but goal '{}' has judgments that give it",
                                                  l.parent, l.child, l.parent));
            continue;
        }
        p.link_goals(l.parent, l.child, std::isnan(l.weight) ? 1.0 : l.weight);
    }
    for (auto& [goal, jp] : judged) {
        const auto g = p.find_goal(goal);
        if (!g) continue;
        if (auto why = judgments_problem(p, *g, jp.first); !why.empty()) r.fail(jp.second, why);
        else p.set_goal_judgments(goal, jp.first);
    }
}

// Teams and their capacities.
inline void read_teams(Reader& r, const json& doc, Portfolio& p) {
    const std::string root;
    const auto P = static_cast<std::size_t>(p.horizon().periods);
    if (const json* tj = r.member(doc, "teams", root, false); tj && r.expect_array(*tj, "/teams")) {
        for (std::size_t k = 0; k < tj->size(); ++k) {
            const json& t = (*tj)[k];
            const auto ptr = fmt::format("/teams/{}", k);
            if (!r.expect_object(t, ptr)) continue;
            r.known_keys(t, ptr, {"id", "name", "capacity"});
            auto id = r.string(t, "id", ptr, true, true);
            auto name = r.string(t, "name", ptr, false).value_or("");
            std::optional<std::vector<double>> cap;
            if (const json* cj = r.member(t, "capacity", ptr, true)) cap = r.numbers(*cj, ptr + "/capacity", P, true, true, "per period");
            if (!id || !cap) continue;
            if (p.find_team(*id)) r.fail(ptr + "/id", fmt::format("duplicate team id '{}'", *id));
            else p.add_team({*id, name, *cap});
        }
    }
}

// Initiatives, then their contributions and `requires` links (a prerequisite may come later).
inline void read_initiatives(Reader& r, const json& doc, Portfolio& p) {
    const std::string root;
    const auto P = static_cast<std::size_t>(p.horizon().periods);
    const Horizon& h = p.horizon();
    // Initiatives, then the links between them (a prerequisite may come later in the file).
    struct PendingContribution { std::string initiative, goal; double strength; std::string ptr; };
    struct PendingRequires { std::string dependant, prerequisite; std::string ptr; Periods lag = 0; };
    std::vector<PendingContribution> contributions;
    std::vector<PendingRequires> requires_links;
    if (const json* ij = r.member(doc, "initiatives", root, true); ij && r.expect_array(*ij, "/initiatives")) {
        // The model's flows are initiatives x periods, three of them: refused before any is
        // allocated when past the memory cap (a 1.5 MB file can ask for 48 GB).
        detail::check_memory(fmt::format("{}: the flows of {} initiatives x {} periods", r.source(), ij->size(), p.horizon().periods),
                             3.0 * sizeof(double) * static_cast<double>(ij->size()) * static_cast<double>(p.horizon().periods));
        for (std::size_t k = 0; k < ij->size(); ++k) {
            const json& j = (*ij)[k];
            const auto ptr = fmt::format("/initiatives/{}", k);
            if (!r.expect_object(j, ptr)) continue;
            r.known_keys(j, ptr, {"id", "name", "department", "start", "duration", "effort", "costs", "benefits",
                                  "compact", "criteria", "contributes", "requires", "demand", "uncertainty",
                                  "mandatory", "forced_in", "forced_out", "status", "earliest_start", "latest_start",
                                  "deadline"});
            Initiative in;
            auto id = r.string(j, "id", ptr, true, true);
            const std::string shown = id.value_or(fmt::format("#{}", k));
            in.name = r.string(j, "name", ptr, true).value_or("");
            in.department = r.string(j, "department", ptr, true).value_or("");
            bool ok = id.has_value();
            // Within the type's range here; within the horizon is validation's check.
            if (auto v = r.integer(j, "start", ptr, false, 0, max_periods)) in.start = static_cast<Period>(*v);
            else if (j.contains("start")) ok = false;
            if (auto v = r.integer(j, "duration", ptr, true, 1, max_periods)) in.duration = static_cast<Periods>(*v);
            else ok = false;
            if (auto v = r.number(j, "effort", ptr, false)) in.effort = *v;
            for (auto [key, field] : {std::pair{"earliest_start", &StartWindow::earliest}, std::pair{"latest_start", &StartWindow::latest},
                                      std::pair{"deadline", &StartWindow::deadline}}) {
                if (auto v = r.integer(j, key, ptr, false, 0, max_periods)) in.window.*field = static_cast<Period>(*v);
                else if (j.contains(key)) ok = false;
            }
            in.flags.mandatory = r.boolean(j, "mandatory", ptr).value_or(false);
            in.flags.forced_in = r.boolean(j, "forced_in", ptr).value_or(false);
            in.flags.forced_out = r.boolean(j, "forced_out", ptr).value_or(false);
            if (auto s = r.string(j, "status", ptr, false)) {
                if (auto st = from_string<Status>(*s)) in.status = *st;
                else r.fail(ptr + "/status", fmt::format("unknown status '{}'; expected proposed, approved, running, "
                                                         "completed, cancelled or on_hold", *s));
            }

            const json* costs = r.member(j, "costs", ptr, false);
            const json* compact = r.member(j, "compact", ptr, false);
            if (costs && compact) {
                r.fail(ptr + "/compact", fmt::format("'{}' has both 'costs' and 'compact'; give one of them", shown));
                ok = false;
            } else if (!costs && !compact) {
                r.fail(ptr, fmt::format("'{}' has neither 'costs' nor 'compact'; give one of them", shown));
                ok = false;
            } else if (compact) {
                if (r.member(j, "benefits", ptr, false)) {
                    r.fail(ptr + "/benefits", fmt::format("'{}' has both 'benefits' and 'compact'; the compact form gives the benefits", shown));
                    ok = false;
                }
                expand_compact(r, *compact, ptr + "/compact", h, in);
            } else if (r.expect_object(*costs, ptr + "/costs")) {
                r.known_keys(*costs, ptr + "/costs", {"capex", "opex"});
                for (auto [key, flow] : {std::pair{"capex", &in.capex}, {"opex", &in.opex}})
                    if (const json* fj = r.member(*costs, key, ptr + "/costs", false)) {
                        auto v = r.numbers(*fj, ptr + "/costs/" + key, P, false, false, "per period of the horizon");
                        if (v) *flow = *v;
                        else ok = false;
                    }
            }
            if (const json* bj = r.member(j, "benefits", ptr, false); bj && !compact) {
                auto v = r.numbers(*bj, ptr + "/benefits", P, false, false, "per period of the horizon");
                if (v) in.benefits = *v;
                else ok = false;
            }
            if (const json* cj = r.member(j, "criteria", ptr, false); cj && r.expect_object(*cj, ptr + "/criteria"))
                for (const auto& [name, value] : cj->items())
                    if (auto v = r.number(value, ptr + "/criteria/" + detail::pointer_token(name))) in.criteria.emplace(name, *v);
            if (const json* dj = r.member(j, "demand", ptr, false); dj && r.expect_object(*dj, ptr + "/demand")) {
                for (const auto& [team, value] : dj->items()) {
                    const auto dptr = ptr + "/demand/" + detail::pointer_token(team);
                    if (!p.find_team(team)) {
                        r.fail(dptr, fmt::format("'{}' demands unknown team '{}'", shown, team));
                        continue;
                    }
                    if (in.duration < 1) continue;
                    auto v = r.numbers(value, dptr, static_cast<std::size_t>(in.duration), true, true, "per running period");
                    if (v) in.demand.emplace(team, *v);
                }
            }
            if (const json* uj = r.member(j, "uncertainty", ptr, false); uj && r.expect_object(*uj, ptr + "/uncertainty")) {
                const auto uptr = ptr + "/uncertainty";
                r.known_keys(*uj, uptr, {"cost", "benefit", "delay", "success_probability"});
                Uncertainty u;
                if (const json* e = r.member(*uj, "cost", uptr, false)) u.cost = read_estimate(r, *e, uptr + "/cost");
                if (const json* e = r.member(*uj, "benefit", uptr, false)) u.benefit = read_estimate(r, *e, uptr + "/benefit");
                if (const json* e = r.member(*uj, "delay", uptr, false)) u.delay = read_estimate(r, *e, uptr + "/delay");
                if (auto v = r.number(*uj, "success_probability", uptr, false)) u.success_probability = *v;
                in.uncertainty = u;
            }
            if (const json* cj = r.member(j, "contributes", ptr, false); cj && r.expect_object(*cj, ptr + "/contributes")) {
                for (const auto& [goal, value] : cj->items()) {
                    const auto cptr = ptr + "/contributes/" + detail::pointer_token(goal);
                    if (value.is_string()) {
                        if (auto s = from_string<Strength>(value.get<std::string>()))
                            contributions.push_back({shown, goal, strength_of(*s), cptr});
                        else
                            r.fail(cptr, fmt::format("strength '{}' is not one of none, weak, medium, strong or a "
                                                     "number in [0, 1]", value.get<std::string>()));
                    } else if (auto v = r.number(value, cptr)) {
                        contributions.push_back({shown, goal, *v, cptr});
                    }
                }
            }
            // Each entry an id, or {"id": ..., "lag": periods} (finish-to-start with a lag).
            if (const json* rj = r.member(j, "requires", ptr, false); rj && r.expect_array(*rj, ptr + "/requires")) {
                for (std::size_t q = 0; q < rj->size(); ++q) {
                    const auto& e = (*rj)[q];
                    const std::string eptr = fmt::format("{}/requires/{}", ptr, q);
                    if (e.is_string()) {
                        requires_links.push_back({shown, e.get<std::string>(), eptr, 0});
                    } else if (e.is_object()) {
                        r.known_keys(e, eptr, {"id", "lag"});
                        const auto pre = r.string(e, "id", eptr, true, true);
                        const auto lag = r.integer(e, "lag", eptr, false, 0, max_periods);
                        if (pre) requires_links.push_back({shown, *pre, eptr + "/id", static_cast<Periods>(lag.value_or(0))});
                    } else {
                        r.fail(eptr, fmt::format("expected an id (a string) or {{\"id\": ..., \"lag\": periods}}, got {}", kind_of(e)));
                    }
                }
            }
            if (!ok) continue;
            if (p.find_initiative(*id)) {
                r.fail(ptr + "/id", fmt::format("duplicate initiative id '{}'", *id));
                continue;
            }
            in.id = *id;
            p.add_initiative(in);
        }
    }
    for (const auto& c : contributions) {
        if (!p.find_initiative(c.initiative)) continue;  // its own problem is already reported
        if (!p.find_goal(c.goal)) r.fail(c.ptr, fmt::format("'{}' contributes to unknown goal '{}'", c.initiative, c.goal));
        else p.add_contribution(c.initiative, c.goal, c.strength);
    }
    for (const auto& l : requires_links) {
        if (!p.find_initiative(l.dependant)) continue;
        if (!p.find_initiative(l.prerequisite))
            r.fail(l.ptr, fmt::format("'{}' requires unknown initiative '{}'", l.dependant, l.prerequisite));
        else p.add_requires(l.dependant, l.prerequisite, l.lag);
    }
}

// Exclusion groups.
inline void read_excludes(Reader& r, const json& doc, Portfolio& p) {
    const std::string root;
    if (const json* xj = r.member(doc, "excludes", root, false); xj && r.expect_array(*xj, "/excludes")) {
        std::set<std::string> group_ids;
        for (std::size_t k = 0; k < xj->size(); ++k) {
            const json& x = (*xj)[k];
            const auto ptr = fmt::format("/excludes/{}", k);
            if (!r.expect_object(x, ptr)) continue;
            r.known_keys(x, ptr, {"id", "members"});
            auto id = r.string(x, "id", ptr, true, true);
            std::vector<std::string> members;
            if (const json* mj = r.member(x, "members", ptr, true)) members = r.id_list(*mj, ptr + "/members");
            if (!id) continue;
            bool ok = true;
            std::set<std::string> seen;
            for (std::size_t q = 0; q < members.size(); ++q) {
                if (!p.find_initiative(members[q])) {
                    r.fail(fmt::format("{}/members/{}", ptr, q), fmt::format("exclusion group '{}' names unknown initiative '{}'", *id, members[q]));
                    ok = false;
                } else if (!seen.insert(members[q]).second) {
                    r.fail(fmt::format("{}/members/{}", ptr, q), fmt::format("exclusion group '{}' names '{}' twice", *id, members[q]));
                    ok = false;
                }
            }
            if (ok && members.size() < 2) {
                r.fail(ptr + "/members", fmt::format("exclusion group '{}' has {} member(s), expected at least 2", *id, members.size()));
                ok = false;
            }
            if (!group_ids.insert(*id).second) {
                r.fail(ptr + "/id", fmt::format("duplicate exclusion group id '{}'", *id));
                ok = false;
            }
            if (ok) p.add_exclusion(*id, members);
        }
    }
}

// Budgets per pool and period.
inline void read_budgets(Reader& r, const json& doc, Portfolio& p) {
    const std::string root;
    const auto P = static_cast<std::size_t>(p.horizon().periods);
    if (const json* bj = r.member(doc, "budgets", root, false); bj && r.expect_array(*bj, "/budgets")) {
        for (std::size_t k = 0; k < bj->size(); ++k) {
            const json& b = (*bj)[k];
            const auto ptr = fmt::format("/budgets/{}", k);
            if (!r.expect_object(b, ptr)) continue;
            r.known_keys(b, ptr, {"id", "department", "kind", "limits"});
            Budget budget;
            auto id = r.string(b, "id", ptr, true, true);
            budget.department = r.string(b, "department", ptr, false).value_or("");
            bool ok = id.has_value();
            if (auto kind = r.string(b, "kind", ptr, false)) {
                if (auto ck = from_string<CostKind>(*kind)) budget.kind = *ck;
                else {
                    r.fail(ptr + "/kind", fmt::format("unknown budget kind '{}'; expected all, capex or opex", *kind));
                    ok = false;
                }
            }
            if (const json* lj = r.member(b, "limits", ptr, true)) {
                auto v = r.numbers(*lj, ptr + "/limits", P, true, true, "per period");
                if (v) budget.limits = *v;
                else ok = false;
            } else {
                ok = false;
            }
            if (!ok) continue;
            budget.id = *id;
            if (p.find_budget(budget.id)) r.fail(ptr + "/id", fmt::format("duplicate budget id '{}'", budget.id));
            else p.add_budget(budget);
        }
    }
}

// Scenarios.
inline void read_scenarios(Reader& r, const json& doc, Portfolio& p) {
    const std::string root;
    if (const json* sj = r.member(doc, "scenarios", root, false); sj && r.expect_array(*sj, "/scenarios")) {
        std::set<std::string> ids;
        for (std::size_t k = 0; k < sj->size(); ++k) {
            const json& s = (*sj)[k];
            const auto ptr = fmt::format("/scenarios/{}", k);
            if (!r.expect_object(s, ptr)) continue;
            r.known_keys(s, ptr, {"id", "name", "discount_rate", "budget_factor", "cost_overrun", "enabler_share",
                                  "goal_weights", "criterion_weights", "judgments", "forced_in", "forced_out"});
            Scenario sc;
            auto id = r.string(s, "id", ptr, true, true);
            sc.name = r.string(s, "name", ptr, false).value_or("");
            sc.discount_rate = r.rate(s, "discount_rate", ptr);
            sc.budget_factor = r.number(s, "budget_factor", ptr, false);
            sc.cost_overrun = r.number(s, "cost_overrun", ptr, false);
            sc.enabler_share = r.number(s, "enabler_share", ptr, false);
            if (const json* gw = r.member(s, "goal_weights", ptr, false); gw && r.expect_object(*gw, ptr + "/goal_weights"))
                for (const auto& [goal, value] : gw->items())
                    if (auto v = r.number(value, ptr + "/goal_weights/" + detail::pointer_token(goal))) sc.goal_weights.emplace(goal, *v);
            if (const json* cw = r.member(s, "criterion_weights", ptr, false); cw && r.expect_object(*cw, ptr + "/criterion_weights"))
                for (const auto& [name, value] : cw->items())
                    if (auto v = r.number(value, ptr + "/criterion_weights/" + detail::pointer_token(name))) sc.criterion_weights.emplace(name, *v);
            if (const json* jj = r.member(s, "judgments", ptr, false); jj && r.expect_object(*jj, ptr + "/judgments"))
                for (const auto& [goal, value] : jj->items())
                    if (auto j = read_judgments(r, value, ptr + "/judgments/" + detail::pointer_token(goal))) sc.judgments.emplace(goal, *j);
            if (const json* fj = r.member(s, "forced_in", ptr, false)) sc.forced_in = r.id_list(*fj, ptr + "/forced_in");
            if (const json* fj = r.member(s, "forced_out", ptr, false)) sc.forced_out = r.id_list(*fj, ptr + "/forced_out");
            if (!id) continue;
            sc.id = *id;
            if (!ids.insert(sc.id).second) r.fail(ptr + "/id", fmt::format("duplicate scenario id '{}'", sc.id));
            else p.add_scenario(sc);
        }
    }
}

// Correlations between initiatives' multipliers and the risk event register.
inline void read_risk(Reader& r, const json& doc, Portfolio& p) {
    const std::string root;
    // Known initiatives, each once; a problem is reported at the member's pointer.
    const auto members = [&](const json& x, const std::string& ptr, const std::string& item, std::size_t least) {
        std::vector<std::string> ids;
        if (const json* mj = r.member(x, "initiatives", ptr, true)) ids = r.id_list(*mj, ptr + "/initiatives");
        else return std::optional<std::vector<std::string>>{};
        bool ok = true;
        std::set<std::string> seen;
        for (std::size_t q = 0; q < ids.size(); ++q) {
            if (!p.find_initiative(ids[q])) {
                r.fail(fmt::format("{}/initiatives/{}", ptr, q), fmt::format("{} names unknown initiative '{}'", item, ids[q]));
                ok = false;
            } else if (!seen.insert(ids[q]).second) {
                r.fail(fmt::format("{}/initiatives/{}", ptr, q), fmt::format("{} names '{}' twice", item, ids[q]));
                ok = false;
            }
        }
        if (ok && ids.size() < least) {
            r.fail(ptr + "/initiatives", fmt::format("{} names {} initiative(s), expected at least {}", item, ids.size(), least));
            ok = false;
        }
        return ok ? std::optional{ids} : std::nullopt;
    };
    if (const json* cj = r.member(doc, "correlations", root, false); cj && r.expect_array(*cj, "/correlations")) {
        for (std::size_t k = 0; k < cj->size(); ++k) {
            const json& c = (*cj)[k];
            const auto ptr = fmt::format("/correlations/{}", k);
            if (!r.expect_object(c, ptr)) continue;
            r.known_keys(c, ptr, {"initiatives", "coefficient", "on"});
            Correlation cor;
            auto ids = members(c, ptr, fmt::format("correlation {}", k), 2);
            auto coefficient = r.number(c, "coefficient", ptr, true);
            bool ok = ids && coefficient;
            if (auto on = r.string(c, "on", ptr, false)) {
                if (auto o = from_string<CorrelationOn>(*on)) cor.on = *o;
                else {
                    r.fail(ptr + "/on", fmt::format("unknown correlation kind '{}'; expected cost, benefit or both", *on));
                    ok = false;
                }
            }
            if (!ok) continue;
            cor.initiatives = *ids;
            cor.coefficient = *coefficient;
            p.add_correlation(cor);
        }
    }
    if (const json* ej = r.member(doc, "risk_events", root, false); ej && r.expect_array(*ej, "/risk_events")) {
        std::set<std::string> ids;
        for (std::size_t k = 0; k < ej->size(); ++k) {
            const json& e = (*ej)[k];
            const auto ptr = fmt::format("/risk_events/{}", k);
            if (!r.expect_object(e, ptr)) continue;
            r.known_keys(e, ptr, {"id", "name", "probability", "initiatives", "cost", "delay"});
            RiskEvent ev;
            auto id = r.string(e, "id", ptr, true, true);
            ev.name = r.string(e, "name", ptr, false).value_or("");
            auto probability = r.number(e, "probability", ptr, true);
            auto hit = members(e, ptr, fmt::format("risk event '{}'", id.value_or(std::to_string(k))), 1);
            bool ok = id && probability && hit;
            if (const json* x = r.member(e, "cost", ptr, false)) {
                ev.cost = read_estimate(r, *x, ptr + "/cost");
                ok = ok && ev.cost;
            }
            if (const json* x = r.member(e, "delay", ptr, false)) {
                ev.delay = read_estimate(r, *x, ptr + "/delay");
                ok = ok && ev.delay;
            }
            if (!ok) continue;
            ev.id = *id;
            ev.probability = *probability;
            ev.initiatives = *hit;
            if (!ids.insert(ev.id).second) r.fail(ptr + "/id", fmt::format("duplicate risk event id '{}'", ev.id));
            else p.add_risk_event(ev);
        }
    }
}

inline Portfolio read_document(Reader& r, const json& doc) {
    std::string root;
    if (!doc.is_object()) {
        r.fail("", fmt::format("expected the model object, got {}", kind_of(doc)));
        return Portfolio{};
    }
    r.known_keys(doc, root, {"$schema", "format_version", "name", "horizon", "settings", "goals", "teams",
                             "initiatives", "excludes", "budgets", "scenarios", "correlations", "risk_events"});
    if (auto v = r.integer(doc, "format_version", root, false, 1, std::numeric_limits<int>::max()); v && *v != model_format_version)
        r.fail("/format_version", fmt::format("format version {}, this library reads version {}", *v, model_format_version));

    Portfolio p = read_horizon(r, doc);
    read_goals(r, doc, p);
    read_teams(r, doc, p);
    read_initiatives(r, doc, p);
    read_excludes(r, doc, p);
    read_budgets(r, doc, p);
    read_scenarios(r, doc, p);
    read_risk(r, doc, p);
    return p;
}

// Follows the parser through the document: the JSON pointer of the value being read (for
// an error the parser throws without one), and keys given twice in one object (the parser
// would keep the last without a word), with both values.
class ParseTracker {
public:
    std::vector<Problem> duplicates;
    std::vector<Problem> unprintable;  // strings and keys with a control character

    bool operator()(int, json::parse_event_t event, json& parsed) {
        using E = json::parse_event_t;
        switch (event) {
            case E::object_start: frames_.push_back({false}); break;
            case E::array_start: frames_.push_back({true}); break;
            case E::key: {
                auto& f = frames_.back();
                f.key = parsed.get<std::string>();
                if (auto why = control_character_problem("key", f.key); !why.empty()) unprintable.push_back({pointer(), why, {}});
                if (auto it = f.seen.find(f.key); it != f.seen.end()) f.duplicate = it->second;
                else f.duplicate.reset();
                break;
            }
            case E::value:
                if (parsed.is_string())
                    if (auto why = control_character_problem("text", parsed.get_ref<const std::string&>()); !why.empty())
                        unprintable.push_back({pointer(), why, {}});
                completed(short_text(parsed));
                break;
            case E::object_end:
            case E::array_end:
                frames_.pop_back();
                completed(short_text(parsed));
                break;
        }
        return true;
    }

    /// The pointer of the value being read now.
    std::string pointer() const {
        std::string out;
        for (const auto& f : frames_) {
            if (f.is_array) {
                out += fmt::format("/{}", f.index);
            } else if (!f.key.empty() || !f.seen.empty()) {  // an object's first key not read yet: no step
                out += '/';
                out += pointer_token(f.key);
            }
        }
        return out;
    }

private:
    struct Frame {
        bool is_array;
        std::size_t index = 0;                     // arrays: the element being read
        std::string key;                           // objects: the key being read
        std::map<std::string, std::string> seen;   // objects: keys read, with their values (short)
        std::optional<std::string> duplicate;      // the first value of `key`, when it is given again
    };

    static std::string short_text(const json& j) {
        if (j.is_object()) return "an object";
        if (j.is_array()) return fmt::format("an array of {}", j.size());
        auto s = j.dump();
        return s.size() > 40 ? s.substr(0, 37) + "..." : s;
    }

    void completed(std::string text) {
        if (frames_.empty()) return;
        auto& f = frames_.back();
        if (f.is_array) {
            ++f.index;
            return;
        }
        if (f.duplicate) {
            const std::string where = pointer();
            duplicates.push_back({where, fmt::format("key '{}' is given twice in one object (first {}, then {}); give it once",
                                                     f.key, *f.duplicate, text), {}});
            f.duplicate.reset();
        } else {
            f.seen.emplace(f.key, std::move(text));
        }
    }

    std::vector<Frame> frames_;
};

// Where `token` first appears in `text`, as "line L, column C" (1-based), or "" when it does not.
inline std::string location_of(std::string_view text, std::string_view token) {
    const auto at = token.empty() ? std::string_view::npos : text.find(token);
    if (at == std::string_view::npos) return {};
    const auto before = text.substr(0, at);
    const auto line = 1 + std::count(before.begin(), before.end(), '\n');
    const auto line_start = before.rfind('\n');
    const auto column = at - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1;
    return fmt::format("line {}, column {}", line, column);
}

inline std::string format_problems(const std::vector<Problem>& problems, std::string_view source) {
    std::string what;
    for (const auto& p : problems)
        what += fmt::format("{}{}: {}: {}", what.empty() ? "" : "\n", source, p.pointer.empty() ? "/" : p.pointer, p.message);
    return what;
}

}  // namespace detail

ALIGNGRAPH_INLINE Portfolio model_from_json(std::string_view text, std::string_view source) {
    detail::json doc;
    detail::ParseTracker tracker;
    try {
        doc = detail::json::parse(text.begin(), text.end(), std::ref(tracker));
    } catch (const detail::json::parse_error& e) {
        // nlohmann's message reads "[json.exception.parse_error.101] parse error at line 3, column 5: ...".
        std::string msg = e.what();
        if (auto at = msg.find("parse error"); at != std::string::npos) msg = msg.substr(at);
        msg = detail::escaped(msg);  // "last read: '...'" quotes the raw bytes, maybe half a UTF-8 sequence
        throw ValidationError(fmt::format("{}: {}", source, msg), {{"", msg, {}}});
    } catch (const detail::json::out_of_range& e) {
        // A number past a double's range (1e400, a 400-digit integer): "number overflow parsing '1e400'".
        std::string msg = e.what();
        std::string token;
        if (auto a = msg.find('\''), b = msg.rfind('\''); a != std::string::npos && b > a) token = msg.substr(a + 1, b - a - 1);
        const auto where = detail::location_of(text, token);
        const auto pointer = tracker.pointer();
        const auto what = fmt::format("{}{}number {} is out of range (a number is at most {:g} in size)", where,
                                      where.empty() ? "" : ": ", token.size() > 40 ? token.substr(0, 37) + "..." : token,
                                      std::numeric_limits<double>::max());
        throw ValidationError(fmt::format("{}: {}: {}", source, pointer.empty() ? "/" : pointer, what), {{pointer, what, {}}});
    }
    if (!tracker.unprintable.empty()) {
        // Refused before the model is built: no id or name of it is printed raw anywhere.
        auto problems = std::move(tracker.unprintable);
        throw ValidationError(detail::format_problems(problems, source), std::move(problems));
    }
    detail::Reader reader{std::string(source)};
    Portfolio p = detail::read_document(reader, doc);
    auto problems = std::move(tracker.duplicates);
    for (auto& q : reader.problems()) problems.push_back(std::move(q));
    for (auto& q : validate_errors(p)) problems.push_back(std::move(q));
    if (problems.empty()) return p;
    auto what = detail::format_problems(problems, source);
    for (const auto& q : problems)
        if (!q.cycle.empty()) {
            auto cycle = q.cycle;
            throw CycleError(std::move(what), std::move(cycle), std::move(problems));
        }
    throw ValidationError(std::move(what), std::move(problems));
}

ALIGNGRAPH_INLINE Portfolio load_model(const std::filesystem::path& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw Error(fmt::format("load_model(): '{}' is a directory, expected a model file", path.string()));
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(fmt::format("load_model(): cannot open '{}': {}", path.string(), std::strerror(errno)));
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) throw Error(fmt::format("load_model(): cannot read '{}'", path.string()));
    return model_from_json(ss.str(), path.string());
}


}  // namespace aligngraph
