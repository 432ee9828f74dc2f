#pragma once
// Explanations of a selection: why each left-out initiative is out, and what the funding of
// each selected one displaces.

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "aligngraph/detail/selection_links.hpp"
#include "aligngraph/detail/text.hpp"
#include "aligngraph/selection/knapsack.hpp"

namespace aligngraph {

namespace detail {


class Explainer {
public:
    Explainer(const SelectionProblem& p, SelectionResult& r)
        : p_(p), r_(r), n_(p.values.size()), m_(p.budgets.size()), in_(static_cast<std::size_t>(n_), 0),
          forced_in_(static_cast<std::size_t>(n_), 0), forced_out_(static_cast<std::size_t>(n_), 0) {
        detail::SelectionLinks links(p);
        prereq_ = std::move(links.prerequisites);
        dependants_ = std::move(links.dependants);
        partners_ = std::move(links.alternatives);
        any_of_ = std::move(links.any_of);
        any_in_ = std::move(links.any_in);
        for (Index i : r.selected) in_[i] = 1;
        for (Index i : p.forced_in) forced_in_[i] = 1;
        for (Index i : p.forced_out) forced_out_[i] = 1;
        // Locked: forced in, or a prerequisite (transitively) of a forced-in one.
        locked_.assign(static_cast<std::size_t>(n_), 0);
        for (Index x : detail::reach(p.forced_in, prereq_, [](Index) { return true; })) locked_[x] = 1;
        use_ = Eigen::VectorXd::Zero(m_);
        for (Index i : r.selected) use_ += p.costs.row(i).transpose();
    }

    // What adding `from` brings along, given the members `member` (1 = in): `from` first, then
    // its prerequisites, and for each requires_any group none of whose members is in, the
    // member that costs least (not forced out), with what it needs in turn.
    std::vector<Index> needs(Index from, const std::vector<signed char>& member) const {
        auto out = detail::reach(from, prereq_, [&](Index q) { return !member[q]; });
        if (p_.requires_any.empty()) return out;
        std::vector<signed char> in_out(static_cast<std::size_t>(n_), 0);
        for (Index x : out) in_out[x] = 1;
        for (std::size_t c = 0; c < out.size(); ++c)
            for (Index l : any_of_[out[c]]) {
                const auto& group = p_.requires_any[static_cast<std::size_t>(l)].second;
                if (std::any_of(group.begin(), group.end(), [&](Index q) { return member[q] || in_out[q]; })) continue;
                Index best = -1;
                for (Index q : group)
                    if (!forced_out_[q] && (best < 0 || p_.costs.row(q).sum() < p_.costs.row(best).sum())) best = q;
                if (best < 0) best = group.front();  // all forced out: the reason will say so
                for (Index x : detail::reach(best, prereq_, [&](Index q) { return !member[q]; }))
                    if (!in_out[x]) {
                        in_out[x] = 1;
                        out.push_back(x);
                    }
            }
        return out;
    }

    // What dropping `from` takes along among the members: its dependants, and the
    // dependants of requires_any groups left with no member, transitively.
    std::vector<Index> goes_with(Index from, const std::vector<signed char>& member) const {
        auto out = detail::reach(from, dependants_, [&](Index q) { return member[q] != 0; });
        if (p_.requires_any.empty()) return out;
        std::vector<signed char> gone(static_cast<std::size_t>(n_), 0);
        for (Index x : out) gone[x] = 1;
        for (std::size_t c = 0; c < out.size(); ++c)
            for (Index l : any_in_[out[c]]) {
                const auto& [d, group] = p_.requires_any[static_cast<std::size_t>(l)];
                if (!member[d] || gone[d]) continue;
                if (std::any_of(group.begin(), group.end(), [&](Index q) { return member[q] && !gone[q]; })) continue;
                for (Index x : detail::reach(d, dependants_, [&](Index q) { return member[q] != 0; }))
                    if (!gone[x]) {
                        gone[x] = 1;
                        out.push_back(x);
                    }
            }
        return out;
    }

    std::string id(Index i) const { return p_.id(i); }
    std::string budget(Index k) const { return p_.budget_name(k); }
    double tolerance(Index k) const { return p_.budgets(k) * 1e-12 + 1e-9; }

    LeftOut left_out(Index i) const {
        LeftOut l{.initiative = i};
        const auto add = needs(i, in_);
        l.needs.assign(add.begin() + 1, add.end());
        std::sort(l.needs.begin(), l.needs.end());
        for (Index a : add) l.value += p_.values(a);
        auto names = [&](const std::vector<Index>& v) {
            std::vector<std::string> s;
            for (Index x : v) s.push_back(id(x));
            return fmt::format("{}", fmt::join(s, ", "));
        };
        const std::string with = l.needs.empty() ? "" : fmt::format(" with the prerequisites it needs ({})", names(l.needs));
        if (forced_out_[i]) {
            l.reason = LeftOutReason::forced_out;
            l.text = "forced out";
            return l;
        }
        for (Index a : l.needs)
            if (forced_out_[a]) l.blocked_by.push_back(a);
        if (!l.blocked_by.empty()) {
            l.reason = LeftOutReason::prerequisite;
            l.text = fmt::format("needs {}, which is forced out", names(l.blocked_by));
            return l;
        }
        for (Index a : add)
            for (Index b : partners_[a])
                if ((in_[b] || std::find(add.begin(), add.end(), b) != add.end()) &&
                    std::find(l.blocked_by.begin(), l.blocked_by.end(), b) == l.blocked_by.end())
                    l.blocked_by.push_back(b);
        if (!l.blocked_by.empty()) {
            std::sort(l.blocked_by.begin(), l.blocked_by.end());
            l.reason = LeftOutReason::excluded;
            l.text = fmt::format("excluded by {} (alternatives: at most one)", names(l.blocked_by));
            return l;
        }
        Eigen::VectorXd use = use_;
        for (Index a : add) use += p_.costs.row(a).transpose();
        for (Index k = 0; k < m_; ++k)
            if (use(k) > p_.budgets(k) + tolerance(k)) l.overruns.emplace_back(k, use(k) - p_.budgets(k));
        if (!l.overruns.empty()) {
            std::stable_sort(l.overruns.begin(), l.overruns.end(), [&](const auto& a, const auto& b) {
                return a.second / std::max(p_.budgets(a.first), 1e-300) > b.second / std::max(p_.budgets(b.first), 1e-300);
            });
            const auto [k, over] = l.overruns.front();
            l.reason = LeftOutReason::budget;
            l.text = fmt::format("{} binds: adding it{} would exceed it by {}{}", budget(k), with, detail::money(over),
                                 l.overruns.size() > 1 ? fmt::format(" (and {} more budget{})", l.overruns.size() - 1,
                                                                     l.overruns.size() > 2 ? "s" : "")
                                                       : "");
            return l;
        }
        if (l.value <= 1e-9 * std::max(1.0, std::abs(r_.value))) {
            l.reason = LeftOutReason::no_value;
            l.text = fmt::format("fits, but adding it{} is worth {}: nothing gained", with, detail::money(l.value));
            return l;
        }
        l.reason = LeftOutReason::unproven;
        l.text = fmt::format("fits and would add {}{}: the search stopped before taking it", detail::money(l.value), with);
        return l;
    }

    Displacement displaced(Index i, const std::vector<Index>& order) const {
        Displacement d{.initiative = i};
        auto names = [&](const std::vector<Index>& v) {
            std::vector<std::string> s;
            for (Index x : v) s.push_back(id(x));
            return fmt::format("{}", fmt::join(s, ", "));
        };
        if (locked_[i]) {
            d.locked = true;
            d.value = p_.values(i);
            d.margin = std::numeric_limits<double>::quiet_NaN();
            d.text = forced_in_[i] ? "forced in: not a choice" : "needed by a forced-in initiative: not a choice";
            return d;
        }
        const auto drop = goes_with(i, in_);
        for (Index x : drop) {
            d.value += p_.values(x);
            if (locked_[x]) d.locked = true;
        }
        d.with.assign(drop.begin() + 1, drop.end());
        std::sort(d.with.begin(), d.with.end());
        if (d.locked) {
            d.margin = std::numeric_limits<double>::quiet_NaN();
            d.text = "a forced-in initiative depends on it: not a choice";
            return d;
        }
        // Drop it (with its dependants), then buy the best left-out initiatives that fit.
        std::vector<signed char> member = in_;
        Eigen::VectorXd use = use_;
        for (Index x : drop) {
            member[x] = 0;
            use -= p_.costs.row(x).transpose();
        }
        for (Index j : order) {
            if (member[j] || forced_out_[j] || std::find(drop.begin(), drop.end(), j) != drop.end()) continue;
            // Costs are >= 0: when j alone does not fit in what is left, nor does j with its prerequisites.
            bool fits = true;
            for (Index k = 0; k < m_ && fits; ++k) fits = use(k) + p_.costs(j, k) <= p_.budgets(k) + tolerance(k);
            if (!fits) continue;
            const auto add = needs(j, member);
            double value = 0;
            bool ok = true;
            Eigen::VectorXd after = use;
            for (Index a : add) {
                value += p_.values(a);
                after += p_.costs.row(a).transpose();
                ok = ok && !forced_out_[a] && std::find(drop.begin(), drop.end(), a) == drop.end();
                for (Index b : partners_[a]) ok = ok && !member[b] && std::find(add.begin(), add.end(), b) == add.end();
            }
            if (!ok || value <= 0) continue;
            for (Index k = 0; k < m_ && ok; ++k) ok = after(k) <= p_.budgets(k) + tolerance(k);
            if (!ok) continue;
            for (Index a : add) {
                member[a] = 1;
                d.displaces.push_back(a);
            }
            use = after;
            d.displaced_value += value;
        }
        std::sort(d.displaces.begin(), d.displaces.end());
        d.margin = d.value - d.displaced_value;
        const std::string what = d.with.empty() ? "its funding" : fmt::format("its funding (with {})", names(d.with));
        d.text = d.displaces.empty()
                     ? fmt::format("{} would buy nothing else worth having: it displaces nothing", what)
                     : fmt::format("{} would otherwise buy {} worth {}; it earns {} more", what, names(d.displaces),
                                   detail::money(d.displaced_value), detail::money(d.margin));
        return d;
    }

    void run(Limits* limits) {
        // Candidates for freed funding: by value per unit of budget, shares of each limit.
        Eigen::VectorXd weight = Eigen::VectorXd::Zero(n_);
        for (Index k = 0; k < m_; ++k)
            if (p_.budgets(k) > 0) weight += p_.costs.col(k) / p_.budgets(k);
        std::vector<Index> order(static_cast<std::size_t>(n_));
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](Index a, Index b) {
            return p_.values(a) / std::max(weight(a), 1e-12) > p_.values(b) / std::max(weight(b), 1e-12);
        });
        r_.left_out.clear();
        r_.displaced.clear();
        // Why each left-out one is out costs little (its chain and the budgets); what each
        // selected one displaces costs a pass over the candidates, so it is what a limit cuts.
        bool complete = true;
        for (Index i = 0; i < n_; ++i) {
            if (!in_[i]) {
                r_.left_out.push_back(left_out(i));
            } else if (complete && !(limits && limits->reached())) {
                r_.displaced.push_back(displaced(i, order));
            } else {
                complete = false;
                r_.displaced.push_back({.initiative = i, .text = "not explained: the call stopped first", .explained = false});
            }
        }
        r_.explained = complete;
    }

private:
    const SelectionProblem& p_;
    SelectionResult& r_;
    Index n_, m_;
    std::vector<signed char> in_, forced_in_, forced_out_, locked_;
    std::vector<std::vector<Index>> prereq_, dependants_, any_of_, any_in_;
    detail::Alternatives partners_;  // each one's alternatives (excludes groups)
    Eigen::VectorXd use_;
};

}  // namespace detail

namespace detail {

// explain() under a call's limits: the displacements it has no time for are marked unexplained.
ALIGNGRAPH_INLINE void explain_within(const SelectionProblem& problem, SelectionResult& result, Limits& limits) {
    Explainer e(problem, result);
    e.run(&limits);
}

}  // namespace detail

ALIGNGRAPH_INLINE void explain(const SelectionProblem& problem, SelectionResult& result) {
    detail::Explainer e(problem, result);
    e.run(nullptr);
}

}  // namespace aligngraph
