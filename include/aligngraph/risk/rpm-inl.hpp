#pragma once
// Robust Portfolio Modeling (rpm.hpp): the weight set's extreme points, validation, the
// order of decision and the starting portfolios; the search is rpm_search.hpp's.

#include "aligngraph/risk/rpm.hpp"

#include <Eigen/LU>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <numeric>
#include <queue>
#include <random>
#include <thread>

#include "aligngraph/detail/digraph.hpp"
#include "aligngraph/detail/limits.hpp"
#include "aligngraph/error.hpp"
#include "aligngraph/risk/detail/rpm_search.hpp"
#include "aligngraph/selection/portfolio_selection.hpp"

namespace aligngraph {

ALIGNGRAPH_INLINE void RpmProblem::add_rank_order(const std::vector<Index>& order) {
    const Index C = score_low.cols() > 0 ? score_low.cols() : static_cast<Index>(criteria.size());
    if (weight_rows.size() == 0) weight_rows.resize(0, C);
    for (std::size_t j = 0; j + 1 < order.size(); ++j) {
        for (Index c : {order[j], order[j + 1]})
            if (c < 0 || c >= C) throw ValidationError(fmt::format("rpm(): rank order names criterion {}, expected 0..{}", c, C - 1));
        const Index r = weight_rows.rows();
        weight_rows.conservativeResize(r + 1, C);
        weight_bounds.conservativeResize(r + 1);
        weight_rows.row(r).setZero();
        weight_rows(r, order[j]) = 1;
        weight_rows(r, order[j + 1]) = -1;
        weight_bounds(r) = 0;
    }
}

ALIGNGRAPH_INLINE std::vector<Index> RpmResult::portfolio(Index k) const {
    std::vector<Index> out;
    for (Index i = 0; i < portfolios.cols(); ++i)
        if (portfolios(k, i)) out.push_back(i);
    return out;
}

ALIGNGRAPH_INLINE Eigen::MatrixXd extreme_weights(Index C, const Eigen::MatrixXd& rows, const Eigen::VectorXd& bounds) {
    if (C < 1) throw ValidationError("rpm(): no criteria");
    if (rows.size() > 0 && rows.cols() != C)
        throw ValidationError(fmt::format("rpm(): weight rows have {} columns, expected one per criterion ({})", rows.cols(), C));
    if (rows.rows() != bounds.size())
        throw ValidationError(fmt::format("rpm(): {} weight rows but {} bounds", rows.rows(), bounds.size()));
    if (!rows.allFinite() || !bounds.allFinite()) throw ValidationError("rpm(): weight rows and bounds must be finite");
    // Every constraint g.w >= h: w_c >= 0, then the caller's rows. A vertex of the set (with
    // sum w = 1) is where C - 1 independent ones hold with equality.
    const Index m = C + rows.rows();
    Eigen::MatrixXd G(m, C);
    Eigen::VectorXd h(m);
    G.topRows(C).setIdentity();
    h.head(C).setZero();
    if (rows.rows() > 0) {
        G.bottomRows(rows.rows()) = rows;
        h.tail(rows.rows()) = bounds;
    }
    double combinations = 1;
    for (Index j = 0; j < C - 1; ++j) combinations = combinations * static_cast<double>(m - j) / static_cast<double>(j + 1);
    if (combinations > 2e6)
        throw ValidationError(fmt::format("rpm(): {} criteria with {} weight rows: too many to enumerate the weight set's "
                                          "extreme points (at most 2 million combinations)", C, rows.rows()));
    const double tol = 1e-9;
    std::vector<Eigen::VectorXd> found;
    std::vector<Index> pick(static_cast<std::size_t>(C - 1));
    std::iota(pick.begin(), pick.end(), Index{0});
    Eigen::MatrixXd M(C, C);
    Eigen::VectorXd rhs(C);
    for (bool more = true; more;) {
        for (Index j = 0; j < C - 1; ++j) {
            M.row(j) = G.row(pick[static_cast<std::size_t>(j)]);
            rhs(j) = h(pick[static_cast<std::size_t>(j)]);
        }
        M.row(C - 1).setOnes();
        rhs(C - 1) = 1;
        Eigen::FullPivLU<Eigen::MatrixXd> lu(M);
        if (lu.rank() == C) {
            Eigen::VectorXd w = lu.solve(rhs);
            for (Index c = 0; c < C; ++c)
                if (std::abs(w(c)) < tol) w(c) = 0;
            if (((G * w - h).array() >= -tol).all()) {
                const bool seen = std::any_of(found.begin(), found.end(), [&](const Eigen::VectorXd& f) {
                    return (f - w).cwiseAbs().maxCoeff() < tol;
                });
                if (!seen) found.push_back(w);
            }
        }
        // The next combination of C - 1 of the m constraints, in lexicographic order.
        more = false;
        for (Index j = C - 2; j >= 0; --j) {
            auto& pj = pick[static_cast<std::size_t>(j)];
            if (pj < m - (C - 1) + j) {
                ++pj;
                for (Index l = j + 1; l < C - 1; ++l) pick[static_cast<std::size_t>(l)] = pick[static_cast<std::size_t>(l - 1)] + 1;
                more = true;
                break;
            }
        }
    }
    if (found.empty()) throw ValidationError("rpm(): the weight constraints admit no weights (w >= 0, sum w = 1 and the rows)");
    // A fixed order whatever the enumeration met first: lexicographically descending.
    std::sort(found.begin(), found.end(), [](const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
        return std::lexicographical_compare(b.data(), b.data() + b.size(), a.data(), a.data() + a.size());
    });
    Eigen::MatrixXd out(static_cast<Index>(found.size()), C);
    for (std::size_t k = 0; k < found.size(); ++k) out.row(static_cast<Index>(k)) = found[k].transpose();
    return out;
}

namespace detail {

inline bool has(const std::uint64_t* bits, Index i) { return (bits[i / 64] >> (i % 64)) & 1U; }

}  // namespace detail

namespace detail {

ALIGNGRAPH_INLINE RpmResult rpm_impl(const RpmProblem& q, const RpmLimits& lim, double table_bytes) {
    const auto t0 = std::chrono::steady_clock::now();
    const Index n = q.score_low.rows(), C = q.score_low.cols(), R = q.budgets.size();
    const auto crit = [&](Index c) { return c < static_cast<Index>(q.criteria.size()) ? q.criteria[static_cast<std::size_t>(c)] : fmt::format("criterion {}", c); };
    // Validation, naming the item.
    if (lim.threads < 0) throw ValidationError(fmt::format("rpm(): threads {}, expected >= 0 (0: every hardware thread)", lim.threads));
    const int threads = lim.threads > 0 ? lim.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    if (q.score_high.rows() != n || q.score_high.cols() != C)
        throw ValidationError(fmt::format("rpm(): score_high is {} x {}, expected {} x {} like score_low", q.score_high.rows(),
                                          q.score_high.cols(), n, C));
    if (!q.criteria.empty() && static_cast<Index>(q.criteria.size()) != C)
        throw ValidationError(fmt::format("rpm(): {} criterion names for {} score columns", q.criteria.size(), C));
    if (!q.ids.empty() && static_cast<Index>(q.ids.size()) != n)
        throw ValidationError(fmt::format("rpm(): {} ids for {} initiatives", q.ids.size(), n));
    if (q.costs.rows() != n || q.costs.cols() != R)
        throw ValidationError(fmt::format("rpm(): costs are {} x {}, expected {} x {} (initiatives x budget rows)", q.costs.rows(),
                                          q.costs.cols(), n, R));
    for (Index i = 0; i < n; ++i)
        for (Index c = 0; c < C; ++c) {
            const double lo = q.score_low(i, c), hi = q.score_high(i, c);
            if (!std::isfinite(lo) || !std::isfinite(hi))
                throw ValidationError(fmt::format("rpm(): score of '{}' on '{}' is not finite", q.id(i), crit(c)));
            if (lo > hi)
                throw ValidationError(fmt::format("rpm(): score of '{}' on '{}' has low {} > high {}", q.id(i), crit(c), lo, hi));
        }
    for (Index r = 0; r < R; ++r) {
        if (!(std::isfinite(q.budgets(r)) && q.budgets(r) >= 0))
            throw ValidationError(fmt::format("rpm(): limit of '{}' is {}, expected a finite limit >= 0", q.budget_name(r), q.budgets(r)));
        for (Index i = 0; i < n; ++i)
            if (!(std::isfinite(q.costs(i, r)) && q.costs(i, r) >= 0))
                throw ValidationError(fmt::format("rpm(): cost of '{}' in '{}' is {}, expected a finite cost >= 0", q.id(i),
                                                  q.budget_name(r), q.costs(i, r)));
    }
    const auto check_index = [&](Index i, const char* what) {
        if (i < 0 || i >= n) throw ValidationError(fmt::format("rpm(): {} names initiative {}, expected 0..{}", what, i, n - 1));
    };
    for (const auto& [d, pre] : q.requires_links) check_index(d, "a requires link"), check_index(pre, "a requires link");
    if (!q.requires_any.empty()) throw ValidationError("rpm(): 'requires one of' groups are not supported");
    for (const auto& g : q.excludes)
        for (Index i : g) check_index(i, "an excludes group");
    for (Index i : q.forced_in) check_index(i, "forced_in");
    for (Index i : q.forced_out) check_index(i, "forced_out");
    const Eigen::MatrixXd W = extreme_weights(C, q.weight_rows, q.weight_bounds);
    const Index K = W.rows();

    RpmResult out;
    out.ids = q.ids;
    if (out.ids.empty())
        for (Index i = 0; i < n; ++i) out.ids.push_back(q.id(i));
    for (Index c = 0; c < C; ++c) out.criteria.push_back(crit(c));
    out.scenario = q.scenario;
    out.extreme_weights = W;

    // Each initiative's value under each extreme weight at its low and high scores (n x K, row-major).
    std::vector<double> a(static_cast<std::size_t>(n * K)), b(static_cast<std::size_t>(n * K));
    double scale = 0;
    for (Index i = 0; i < n; ++i)
        for (Index k = 0; k < K; ++k) {
            a[static_cast<std::size_t>(i * K + k)] = W.row(k).dot(q.score_low.row(i));
            b[static_cast<std::size_t>(i * K + k)] = W.row(k).dot(q.score_high.row(i));
            scale += std::max(std::abs(a[static_cast<std::size_t>(i * K + k)]), std::abs(b[static_cast<std::size_t>(i * K + k)]));
        }
    // Sums that differ by less than this are ties (rounding of sums taken in other orders).
    const double eps = 1e-11 * std::max(1.0, scale);

    // The forced decisions, propagated: a forced-out prerequisite keeps its dependants out,
    // a forced-in dependant brings its prerequisites, a forced-in member keeps its group out.
    std::vector<signed char> fixed(static_cast<std::size_t>(n), 0);  // 1 in, -1 out
    const auto fix = [&](Index i, signed char v, const std::string& why) -> bool {
        auto& f = fixed[static_cast<std::size_t>(i)];
        if (f == v) return false;
        if (f != 0)
            throw InfeasibleError(fmt::format("rpm(): '{}' must be both in and out ({})", q.id(i), why));
        f = v;
        return true;
    };
    for (Index i : q.forced_in) fix(i, 1, "forced in");
    for (Index i : q.forced_out) fix(i, -1, "forced out");
    for (bool changed = true; changed;) {
        changed = false;
        for (const auto& [d, pre] : q.requires_links) {
            if (fixed[static_cast<std::size_t>(d)] == 1)
                changed |= fix(pre, 1, fmt::format("'{}' is in and requires it", q.id(d)));
            if (fixed[static_cast<std::size_t>(pre)] == -1)
                changed |= fix(d, -1, fmt::format("it requires '{}', which is out", q.id(pre)));
        }
        for (const auto& g : q.excludes)
            for (Index i : g)
                if (fixed[static_cast<std::size_t>(i)] == 1)
                    for (Index j : g)
                        if (j != i) changed |= fix(j, -1, fmt::format("it excludes '{}', which is in", q.id(i)));
    }
    // A budget row's limit as every test here reads it (the rounding of sums of costs allowed for).
    const auto row_limit = [&](Index r) { return q.budgets(r) * (1 + 1e-12) + 1e-9; };
    Eigen::VectorXd base_cost = Eigen::VectorXd::Zero(R);
    for (Index i = 0; i < n; ++i)
        if (fixed[static_cast<std::size_t>(i)] == 1) base_cost += q.costs.row(i).transpose();
    for (Index r = 0; r < R; ++r)
        if (base_cost(r) > row_limit(r))
            throw InfeasibleError(fmt::format("rpm(): the forced initiatives alone use {} of '{}', over its limit {}", base_cost(r),
                                              q.budget_name(r), q.budgets(r)));

    // The order of decision: prerequisites first; among the ready ones, the most value under
    // its best extreme weight per share of the budgets first (good portfolios are met
    // early; an initiative excellent under one weighting is decided
    // early: at 100 initiatives with exact scores 2.3-5.9 times fewer nodes than by the sum
    // over the extreme weights).
    std::vector<std::vector<Index>> prereqs(static_cast<std::size_t>(n)), dependants(static_cast<std::size_t>(n));
    for (const auto& [d, pre] : q.requires_links) {
        prereqs[static_cast<std::size_t>(d)].push_back(pre);
        dependants[static_cast<std::size_t>(pre)].push_back(d);
    }
    std::vector<double> priority(static_cast<std::size_t>(n));
    for (Index i = 0; i < n; ++i) {
        double value = -std::numeric_limits<double>::infinity(), share = 1e-9;
        for (Index k = 0; k < K; ++k) value = std::max(value, a[static_cast<std::size_t>(i * K + k)] + b[static_cast<std::size_t>(i * K + k)]);
        for (Index r = 0; r < R; ++r) share += q.costs(i, r) / std::max(q.budgets(r), 1e-9);
        priority[static_cast<std::size_t>(i)] = value / share;
    }
    {
        // A prerequisite as urgent as its most urgent dependant (transitively), so that a
        // valuable dependant is decided early, with its prerequisites (at 50 initiatives
        // with 5 requires, 6 times fewer nodes of the exact-score search).
        for (Index pass = 0; pass < n; ++pass) {
            bool changed = false;
            for (const auto& [d, pre] : q.requires_links)
                if (priority[static_cast<std::size_t>(d)] > priority[static_cast<std::size_t>(pre)]) {
                    priority[static_cast<std::size_t>(pre)] = priority[static_cast<std::size_t>(d)];
                    changed = true;
                }
            if (!changed) break;
        }
    }
    std::vector<Index> order;
    {
        std::vector<int> waiting(static_cast<std::size_t>(n), 0);
        for (const auto& [d, pre] : q.requires_links) ++waiting[static_cast<std::size_t>(d)];
        const auto later = [&](Index x, Index y) {
            const double px = priority[static_cast<std::size_t>(x)], py = priority[static_cast<std::size_t>(y)];
            return px != py ? px < py : x > y;
        };
        std::priority_queue<Index, std::vector<Index>, decltype(later)> ready(later);
        for (Index i = 0; i < n; ++i)
            if (!waiting[static_cast<std::size_t>(i)]) ready.push(i);
        std::vector<Index> all;
        while (!ready.empty()) {
            const Index i = ready.top();
            ready.pop();
            all.push_back(i);
            for (Index d : dependants[static_cast<std::size_t>(i)])
                if (--waiting[static_cast<std::size_t>(d)] == 0) {
                    // Decided right after its last prerequisite (the search's bounds then
                    // know that it stays out with that one).
                    priority[static_cast<std::size_t>(d)] = std::numeric_limits<double>::infinity();
                    ready.push(d);
                }
        }
        if (static_cast<Index>(all.size()) != n) {
            std::vector<std::pair<std::size_t, std::size_t>> edges;
            for (const auto& [d, pre] : q.requires_links) edges.emplace_back(static_cast<std::size_t>(d), static_cast<std::size_t>(pre));
            const auto ids = detail::named_cycle(static_cast<std::size_t>(n), std::move(edges),
                                                 [&](std::size_t v) { return q.id(static_cast<Index>(v)); });
            throw CycleError(fmt::format("rpm(): the requires links form a cycle: {} (each requires the next)", fmt::join(ids, " -> ")),
                             ids);
        }
        for (Index i : all)
            if (!fixed[static_cast<std::size_t>(i)]) order.push_back(i);
    }
    std::vector<std::vector<Index>> groups_of(static_cast<std::size_t>(n));
    for (std::size_t g = 0; g < q.excludes.size(); ++g)
        for (Index i : q.excludes[g]) groups_of[static_cast<std::size_t>(i)].push_back(static_cast<Index>(g));

    const Index words = (n + 63) / 64;
    detail::Limits limits(lim.time_limit, std::numeric_limits<long long>::max(), &lim.cancel, t0);

    // Complete portfolios the search starts from (its first candidates): the optimum at each
    // extreme weight with the low scores, at the centre weight with the middle scores, then
    // at weights drawn inside the set (a fixed generator: the same answer every run) at low,
    // middle and high scores (the selection solver).
    std::vector<std::vector<std::uint64_t>> seeds;
    {
        SelectionProblem sp = static_cast<const SelectionProblem&>(q);
        sp.requires_any.clear();
        sp.forced_in.clear(), sp.forced_out.clear();
        for (Index i = 0; i < n; ++i) {
            if (fixed[static_cast<std::size_t>(i)] == 1) sp.forced_in.push_back(i);
            if (fixed[static_cast<std::size_t>(i)] == -1) sp.forced_out.push_back(i);
        }
        Cancellation quiet = lim.cancel;
        quiet.progress = nullptr;  // rpm() reports its own search's nodes, not these solves'
        std::mt19937_64 draw(0x5eed);
        std::uniform_real_distribution<double> unit(0, 1);
        const Index tries = K + 1 + std::min<Index>(60, 4 * K + n / 2);
        const Eigen::MatrixXd mid = (q.score_low + q.score_high) / 2;
        for (Index k = 0; k < tries; ++k) {
            sp.values.resize(n);
            if (k < K) {
                for (Index i = 0; i < n; ++i) sp.values(i) = a[static_cast<std::size_t>(i * K + k)];
            } else {
                Eigen::RowVectorXd w = W.colwise().mean();
                if (k > K) {
                    Eigen::VectorXd mix(K);
                    for (Index l = 0; l < K; ++l) mix(l) = -std::log(std::max(unit(draw), 1e-300));
                    w = (mix / mix.sum()).transpose() * W;
                }
                const Eigen::MatrixXd& v = k == K || k % 3 == 0 ? mid : k % 3 == 1 ? q.score_low : q.score_high;
                sp.values = v * w.transpose();
            }
            const double left = lim.time_limit - std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            if (left <= 0 || limits.reached()) break;
            SelectionResult best;
            try {
                best = select_portfolio(sp, {.time_limit = std::min(k <= K ? 1.0 : 0.1, left), .cancel = quiet, .explain = false});
            } catch (const Error&) {
                continue;  // no portfolio found in time: one fewer to start from
            }
            std::vector<std::uint64_t> bits(static_cast<std::size_t>(words), 0);
            Eigen::VectorXd use = Eigen::VectorXd::Zero(R);
            for (Index i : best.selected) {
                bits[static_cast<std::size_t>(i / 64)] |= std::uint64_t{1} << (i % 64);
                use += q.costs.row(i).transpose();
            }
            bool feasible = true;
            for (Index r = 0; r < R; ++r) feasible = feasible && use(r) <= row_limit(r);
            if (feasible && std::find(seeds.begin(), seeds.end(), bits) == seeds.end()) seeds.push_back(std::move(bits));
        }
    }

    // The non-dominated portfolios, by branch and bound (rpm_search.hpp).
    detail::RpmSearchInput in;
    in.n = n, in.K = K, in.R = R;
    in.value = &a;
    in.high = &b;
    in.costs = &q.costs;
    for (Index r = 0; r < R; ++r) in.limit.push_back(row_limit(r));
    in.order = order;
    in.prereqs = prereqs;
    in.dependants = dependants;
    in.excludes = &q.excludes;
    in.groups_of = groups_of;
    in.base_bits.assign(static_cast<std::size_t>(words), 0);
    for (Index i = 0; i < n; ++i)
        if (fixed[static_cast<std::size_t>(i)] == 1) in.base_bits[static_cast<std::size_t>(i / 64)] |= std::uint64_t{1} << (i % 64);
    in.base_cost.assign(base_cost.data(), base_cost.data() + R);
    in.seeds = std::move(seeds);
    in.eps = eps;
    in.candidate_limit = lim.state_limit;
    in.table_bytes = table_bytes;
    in.threads = threads;
    detail::RpmSearch search(in, limits);
    const detail::RpmSearchOutput found = search.run();
    limits.progress("rpm", found.nodes, -1, true);

    // The answer: by descending best value, then least value, then members.
    const std::size_t P = found.portfolios.size();
    const auto lowest = [&](std::size_t s) { return *std::min_element(found.values[s].begin(), found.values[s].end()); };
    const auto highest = [&](std::size_t s) { return *std::max_element(found.highs[s].begin(), found.highs[s].end()); };
    std::vector<std::size_t> idx(P);
    std::iota(idx.begin(), idx.end(), std::size_t{0});
    std::sort(idx.begin(), idx.end(), [&](std::size_t x, std::size_t y) {
        if (highest(x) != highest(y)) return highest(x) > highest(y);
        if (lowest(x) != lowest(y)) return lowest(x) > lowest(y);
        return found.portfolios[x] < found.portfolios[y];
    });
    out.portfolios.resize(static_cast<Index>(P), n);
    out.value_low.resize(static_cast<Index>(P));
    out.value_high.resize(static_cast<Index>(P));
    out.core_index = Eigen::VectorXd::Zero(n);
    for (std::size_t r = 0; r < P; ++r) {
        const std::size_t s = idx[r];
        for (Index i = 0; i < n; ++i) {
            const bool in_s = detail::has(found.portfolios[s].data(), i);
            out.portfolios(static_cast<Index>(r), i) = in_s ? 1 : 0;
            if (in_s) out.core_index(i) += 1;
        }
        out.value_low(static_cast<Index>(r)) = lowest(s);
        out.value_high(static_cast<Index>(r)) = highest(s);
    }
    if (P > 0) out.core_index /= static_cast<double>(P);
    for (Index i = 0; i < n; ++i) {
        const double ci = out.core_index(i);
        out.classes.push_back(P > 0 && ci >= 1 ? CoreClass::core : ci <= 0 ? CoreClass::exterior : CoreClass::borderline);
    }
    out.states = found.nodes;
    out.threads = threads;
    out.peak_states = found.peak;
    out.seconds = limits.seconds();
    return out;
}

}  // namespace detail

ALIGNGRAPH_INLINE RpmResult rpm(const RpmProblem& q, const RpmLimits& lim) { return detail::rpm_impl(q, lim, 64e6); }

ALIGNGRAPH_INLINE RpmProblem rpm_problem(const Portfolio& p, const RpmOptions& o) {
    if (!(o.score_spread >= 0 && o.score_spread <= 1))
        throw ValidationError(fmt::format("rpm(): score spread {}, expected 0 <= spread <= 1", o.score_spread));
    p.check();
    OptimizeOptions so;
    so.scenario = o.scenario;
    RpmProblem q;
    static_cast<SelectionProblem&>(q) = selection_problem(p, so);
    std::vector<Criterion> criteria = o.criteria;
    if (criteria.empty())
        for (const auto& name : p.criterion_names()) criteria.push_back({name, 1, Direction::benefit});
    if (criteria.empty()) throw ValidationError("rpm(): the model has no criterion scores to weigh");
    const Index n = p.initiative_count(), C = static_cast<Index>(criteria.size());
    q.score_low.resize(n, C);
    q.score_high.resize(n, C);
    for (Index c = 0; c < C; ++c) {
        Criterion one = criteria[static_cast<std::size_t>(c)];
        one.weight = 1;
        // Weighted scoring over this criterion alone is its min-max normalisation.
        const Eigen::VectorXd v = weighted_score(p, {one}).total;
        q.score_low.col(c) = (v.array() - o.score_spread).max(0.0).matrix();
        q.score_high.col(c) = (v.array() + o.score_spread).min(1.0).matrix();
        q.criteria.push_back(one.name);
    }
    std::vector<Index> rank;
    for (const auto& name : o.rank_order) {
        const auto it = std::find(q.criteria.begin(), q.criteria.end(), name);
        if (it == q.criteria.end())
            throw ValidationError(fmt::format("rpm(): rank order names '{}', which is not one of the criteria ({})", name,
                                              fmt::join(q.criteria, ", ")));
        const Index c = static_cast<Index>(it - q.criteria.begin());
        if (std::find(rank.begin(), rank.end(), c) != rank.end())
            throw ValidationError(fmt::format("rpm(): rank order names '{}' twice", name));
        rank.push_back(c);
    }
    if (o.weight_rows.size() > 0 || o.weight_bounds.size() > 0) {
        if (o.weight_rows.cols() != C)
            throw ValidationError(fmt::format("rpm(): weight rows have {} columns, expected one per criterion ({})", o.weight_rows.cols(), C));
        q.weight_rows = o.weight_rows;
        q.weight_bounds = o.weight_bounds;
    }
    q.add_rank_order(rank);
    return q;
}

ALIGNGRAPH_INLINE RpmResult rpm(const Portfolio& p, const RpmOptions& o) {
    return rpm(rpm_problem(p, o), RpmLimits{o.time_limit, o.state_limit, o.cancel, o.threads});
}

}  // namespace aligngraph
