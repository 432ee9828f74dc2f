#pragma once
// Priority scores, ranks, sensitivity intervals and rank comparison.

#include "aligngraph/scoring/priority.hpp"
#include "aligngraph/weights/goal_weights.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <utility>

#include "aligngraph/finance/financials.hpp"
#include "aligngraph/model/graph.hpp"

namespace aligngraph {

namespace detail {

inline Index criterion_column(const Portfolio& p, const std::string& name, const char* fn) {
    const auto& names = p.criterion_names();
    auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end()) {
        std::string known;
        for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
        throw ValidationError(fmt::format("{}(): unknown criterion '{}'; the model has: {}", fn, name,
                                          known.empty() ? std::string("none") : known));
    }
    return it - names.begin();
}

inline Eigen::VectorXd criterion_values(const Portfolio& p, const std::string& name, const char* fn) {
    const Index c = criterion_column(p, name, fn);
    Eigen::VectorXd v = p.criteria().col(c);
    for (Index i = 0; i < v.size(); ++i)
        if (std::isnan(v(i)))
            throw ValidationError(fmt::format("{}(): initiative '{}' has no score for criterion '{}'", fn,
                                              p.initiative_ids()[i], name));
    return v;
}

inline Eigen::VectorXd min_max(const Eigen::VectorXd& v, Direction d) {
    if (v.size() == 0) return v;
    const double lo = v.minCoeff(), hi = v.maxCoeff();
    if (hi == lo) return Eigen::VectorXd::Ones(v.size());
    return d == Direction::benefit ? Eigen::VectorXd((v.array() - lo) / (hi - lo))
                                   : Eigen::VectorXd((hi - v.array()) / (hi - lo));
}

inline Eigen::VectorXd checked_effort(const Portfolio& p, const char* fn) {
    Eigen::VectorXd e = p.efforts();
    for (Index i = 0; i < e.size(); ++i)
        if (!(e(i) > 0))
            throw ValidationError(fmt::format("{}(): initiative '{}' has effort {}, expected > 0 (the job size)", fn,
                                              p.initiative_ids()[i], e(i)));
    return e;
}

/// The normalised criteria matrix (n x C) and weights (sum 1) of weighted scoring.
inline std::pair<Eigen::MatrixXd, Eigen::VectorXd> normalised(const Portfolio& p, const std::vector<Criterion>& criteria) {
    if (criteria.empty()) throw ValidationError("weighted_score(): no criteria given");
    Eigen::MatrixXd n(p.initiative_count(), static_cast<Index>(criteria.size()));
    Eigen::VectorXd w(static_cast<Index>(criteria.size()));
    for (std::size_t c = 0; c < criteria.size(); ++c) {
        if (!(std::isfinite(criteria[c].weight) && criteria[c].weight > 0))
            throw ValidationError(fmt::format("weighted_score(): criterion '{}' has weight {}, expected a finite weight > 0",
                                              criteria[c].name, criteria[c].weight));
        n.col(static_cast<Index>(c)) =
            min_max(criterion_values(p, criteria[c].name, "weighted_score"), criteria[c].direction);
        w(static_cast<Index>(c)) = criteria[c].weight;
    }
    return {n, w / w.sum()};
}

/// The weighted score's total alone (no rank): the criteria part of the composite score.
inline Eigen::VectorXd normalised_total(const Portfolio& p, const std::vector<Criterion>& criteria) {
    const auto [n, w] = normalised(p, criteria);
    return n * w;
}

/// The interval of t in [0, 1] over which every "winner" stays at or above every "loser",
/// scores being linear in t: s_i(t) = alpha_i + beta_i t.
inline std::pair<double, double> stable_interval(const Eigen::VectorXd& alpha, const Eigen::VectorXd& beta,
                                          const std::vector<Index>& winners, const std::vector<char>& is_winner) {
    double lo = 0, hi = 1;
    // Each pair (i winner, j loser) needs (beta_i - beta_j) t >= alpha_j - alpha_i. For a
    // fixed winner only the extreme losers matter, but a plain loop is clear and O(k n).
    for (Index i : winners)
        for (Index j = 0; j < alpha.size(); ++j) {
            if (is_winner[j]) continue;
            const double slope = beta(i) - beta(j), gap = alpha(j) - alpha(i);
            if (slope > 0) lo = std::max(lo, gap / slope);
            else if (slope < 0) hi = std::min(hi, gap / slope);
            else if (gap > 0) return {1, 0};  // already violated: empty
        }
    return {lo, hi};
}

/// Sensitivity for scores s = sum_m w_m G_m with weights w summing to 1.
inline WeightSensitivity sensitivity_of(const std::string& item, double w, const Eigen::VectorXd& total, const Eigen::VectorXd& g,
                                 Index k, const std::vector<std::string>& ids) {
    WeightSensitivity s{item, w, 0, 1, 0, 1};
    if (w >= 1) return s;
    // Weight of item -> t, the others scaled by (1 - t) / (1 - w):
    // s(t) = (total - w g) (1 - t) / (1 - w) + t g = alpha + beta t.
    const Eigen::VectorXd alpha = (total - w * g) / (1 - w);
    const Eigen::VectorXd beta = g - alpha;
    const auto order = rank_order(total, ids);
    const Index n = total.size();
    k = std::clamp<Index>(k, 1, n);
    std::vector<char> top1(static_cast<std::size_t>(n), 0), topk(static_cast<std::size_t>(n), 0);
    top1[order[0]] = 1;
    for (Index r = 0; r < k; ++r) topk[order[r]] = 1;
    std::tie(s.top1_low, s.top1_high) = stable_interval(alpha, beta, {order[0]}, top1);
    std::vector<Index> winners(order.begin(), order.begin() + k);
    std::tie(s.topk_low, s.topk_high) = stable_interval(alpha, beta, winners, topk);
    return s;
}

}  // namespace detail

ALIGNGRAPH_INLINE ScoreTable weighted_score(const Portfolio& p, const std::vector<Criterion>& criteria) {
    const auto [n, w] = detail::normalised(p, criteria);
    ScoreTable s;
    s.parts = n * w.asDiagonal();
    s.total = s.parts.rowwise().sum();
    for (const auto& c : criteria) s.labels.push_back(c.name);
    s.rank = ranks(s.total, p.initiative_ids());
    return s;
}

ALIGNGRAPH_INLINE ScoreTable wsjf(const Portfolio& p, const WsjfOptions& o) {
    const Eigen::VectorXd size = detail::checked_effort(p, "wsjf");
    ScoreTable s;
    s.kind = ScoreKind::wsjf;
    s.labels = {o.business_value, o.time_criticality, o.risk_reduction};
    s.parts.resize(p.initiative_count(), 3);
    for (Index c = 0; c < 3; ++c)
        s.parts.col(c) = detail::criterion_values(p, s.labels[static_cast<std::size_t>(c)], "wsjf").cwiseQuotient(size);
    s.total = s.parts.rowwise().sum();
    s.rank = ranks(s.total, p.initiative_ids());
    return s;
}

ALIGNGRAPH_INLINE ScoreTable rice(const Portfolio& p, const RiceOptions& o) {
    const Eigen::VectorXd effort = detail::checked_effort(p, "rice");
    ScoreTable s;
    s.kind = ScoreKind::rice;
    s.total = detail::criterion_values(p, o.reach, "rice").cwiseProduct(detail::criterion_values(p, o.impact, "rice"))
                  .cwiseProduct(detail::criterion_values(p, o.confidence, "rice"))
                  .cwiseQuotient(effort);
    s.parts = s.total;
    s.labels = {"rice"};
    s.rank = ranks(s.total, p.initiative_ids());
    return s;
}

ALIGNGRAPH_INLINE ScoreTable composite_score(const Portfolio& p, const CompositeWeights& cw, const std::vector<Criterion>& criteria,
                      const AlignmentOptions& ao) {
    for (auto [w, part] : {std::pair{cw.alignment, "alignment"}, {cw.financial, "financial"}, {cw.criteria, "criteria"}})
        if (!(std::isfinite(w) && w >= 0))
            throw ValidationError(
                fmt::format("composite priority: {} weight {}, expected a finite weight >= 0", part, w));
    // No criteria (the model has none, or the caller gave none): the other parts share the weight.
    const double criteria_weight = criteria.empty() ? 0.0 : cw.criteria;
    const double sum = cw.alignment + cw.financial + criteria_weight;
    if (!(sum > 0))
        throw ValidationError(criteria.empty() && cw.criteria > 0
                                  ? "composite priority: the model has no criteria, and the alignment and financial "
                                    "weights are 0"
                                  : "composite priority: all weights are 0");
    const Index n = p.initiative_count();
    ScoreTable s;
    s.kind = ScoreKind::composite;
    s.labels = {"alignment", "financial", "criteria"};
    s.parts = Eigen::MatrixXd::Zero(n, 3);
    const auto al = alignment(p, ao);
    const double top = al.total.size() ? al.total.maxCoeff() : 0;
    if (top > 0) s.parts.col(0) = cw.alignment / sum * al.total / top;
    if (cw.financial > 0) {
        const auto f = initiative_financials(p);
        Eigen::VectorXd per_cost(n);
        for (Index i = 0; i < n; ++i) per_cost(i) = f.total_cost(i) > 0 ? f.npv(i) / f.total_cost(i) : 0.0;
        s.parts.col(1) = cw.financial / sum * detail::min_max(per_cost, Direction::benefit);
    }
    if (criteria_weight > 0) s.parts.col(2) = criteria_weight / sum * detail::normalised_total(p, criteria);
    s.total = s.parts.rowwise().sum();
    s.rank = ranks(s.total, p.initiative_ids());
    return s;
}

ALIGNGRAPH_INLINE ScoreOptions ScoreOptions::from_scenario(const Portfolio& p, const std::string& id, ScoreKind kind) {
    ScoreOptions o;
    o.kind = kind;
    o.alignment = AlignmentOptions::from_scenario(p, id);
    for (const auto& s : p.scenarios())
        if (s.id == id)
            for (const auto& [name, w] : s.criterion_weights) o.criteria.push_back({name, w, Direction::benefit});
    return o;
}

ALIGNGRAPH_INLINE ScoreTable score(const Portfolio& p, const ScoreOptions& o) {
    std::vector<Criterion> criteria = o.criteria;
    if (criteria.empty())
        for (const auto& name : p.criterion_names()) criteria.push_back({name, 1.0, Direction::benefit});
    switch (o.kind) {
        case ScoreKind::wsjf: return wsjf(p, o.wsjf);
        case ScoreKind::rice: return rice(p, o.rice);
        case ScoreKind::score: return weighted_score(p, criteria);
        case ScoreKind::composite:
            return composite_score(p, o.composite, o.composite.criteria > 0 ? criteria : std::vector<Criterion>{},
                                   o.alignment);
        case ScoreKind::alignment: break;
    }
    AlignmentOptions ranked = o.alignment;
    ranked.rank = true;  // its rank is the table's
    const auto al = alignment(p, ranked);
    std::vector<Index> used;
    std::vector<Index> column(static_cast<std::size_t>(p.goal_count()), -1);
    for (const auto& c : p.contributions())
        if (column[c.goal] < 0) column[c.goal] = 0;
    for (Index g = 0; g < p.goal_count(); ++g)
        if (column[g] == 0) {
            column[g] = static_cast<Index>(used.size());
            used.push_back(g);
        }
    ScoreTable t;
    t.kind = ScoreKind::alignment;
    t.total = al.total;
    t.parts = Eigen::MatrixXd::Zero(p.initiative_count(), static_cast<Index>(used.size()) + 1);
    for (const auto& c : p.contributions()) t.parts(c.initiative, column[c.goal]) += c.strength * al.goal_weights(c.goal);
    t.parts.col(static_cast<Index>(used.size())) = al.enabler;
    for (Index g : used) t.labels.push_back(p.goal(g).id);
    t.labels.push_back("enabler credit");
    t.rank = al.rank;
    return t;
}

ALIGNGRAPH_INLINE std::vector<WeightSensitivity> goal_weight_sensitivity(const Portfolio& p, Index k, const AlignmentOptions& o) {
    const auto al = alignment(p, o);
    // Alignment is linear in the goal weights: total = sum_g w_g G_g, G_g the total
    // alignment when goal g alone has weight 1 (its contribution column, with enabler credit).
    const Eigen::MatrixXd s = Eigen::MatrixXd(p.contribution_matrix());
    std::vector<Index> used;
    for (Index g = 0; g < p.goal_count(); ++g)
        if ((s.col(g).array() != 0).any()) used.push_back(g);
    Eigen::MatrixXd direct(p.initiative_count(), static_cast<Index>(used.size()));
    for (std::size_t c = 0; c < used.size(); ++c) direct.col(static_cast<Index>(c)) = s.col(used[c]);
    const Eigen::MatrixXd g = with_enabler_credit(p, direct, al.enabler_share);
    std::vector<WeightSensitivity> out;
    for (std::size_t c = 0; c < used.size(); ++c)
        out.push_back(detail::sensitivity_of(p.goal(used[c]).id, al.goal_weights(used[c]), al.total, g.col(static_cast<Index>(c)),
                                     k, p.initiative_ids()));
    return out;
}

ALIGNGRAPH_INLINE std::vector<WeightSensitivity> criterion_weight_sensitivity(const Portfolio& p, const std::vector<Criterion>& criteria,
                                                            Index k) {
    const auto [n, w] = detail::normalised(p, criteria);
    const Eigen::VectorXd total = n * w;
    std::vector<WeightSensitivity> out;
    for (std::size_t c = 0; c < criteria.size(); ++c)
        out.push_back(detail::sensitivity_of(criteria[c].name, w(static_cast<Index>(c)), total, n.col(static_cast<Index>(c)), k,
                                     p.initiative_ids()));
    return out;
}

ALIGNGRAPH_INLINE RankComparison compare_rankings(const Eigen::VectorXd& a, const Eigen::VectorXd& b, const std::vector<std::string>& ids) {
    if (a.size() != b.size() || a.size() != static_cast<Index>(ids.size()))
        throw ValidationError(fmt::format("compare_rankings(): {} and {} scores for {} initiatives", a.size(), b.size(), ids.size()));
    RankComparison c;
    c.rank_a = ranks(a, ids);
    c.rank_b = ranks(b, ids);
    c.change = c.rank_b - c.rank_a;
    const Index n = a.size();
    if (n < 2) return c;
    long long concordant = 0, discordant = 0;
    for (Index i = 0; i < n; ++i)
        for (Index j = i + 1; j < n; ++j) {
            const long long s = static_cast<long long>(c.rank_a(i) - c.rank_a(j)) * (c.rank_b(i) - c.rank_b(j));
            (s > 0 ? concordant : discordant) += 1;
        }
    c.kendall_tau = static_cast<double>(concordant - discordant) / static_cast<double>(concordant + discordant);
    return c;
}

}  // namespace aligngraph
