#include <catch2/catch.hpp>

#include <aligngraph/error.hpp>
#include <aligngraph/io/sample_portfolio.hpp>
#include <aligngraph/risk/rpm.hpp>
#include <aligngraph/selection/portfolio_selection.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <numeric>
#include <optional>
#include <random>
#include <set>
#include <vector>

using namespace aligngraph;

namespace {

// Brute force, written from the definition (Liesiö, Mild & Salo 2007): every subset of the
// initiatives, the feasible ones kept, and p dominates q when V(p) >= V(q) for every extreme
// weight and every score in its interval (the least difference: p's own members at their
// low scores, q's own at their high ones, the common ones cancel), and V(p) > V(q) for one.
struct Brute {
    std::vector<std::uint32_t> feasible, nondominated;
};

Brute brute_force(const RpmProblem& q, const Eigen::MatrixXd& W) {
    const int n = static_cast<int>(q.score_low.rows());
    const Index K = W.rows();
    // Sums of each subset's values under each extreme weight, at low and at high scores.
    const std::uint32_t subsets = 1u << n;
    Eigen::MatrixXd lo = Eigen::MatrixXd::Zero(subsets, K), hi = Eigen::MatrixXd::Zero(subsets, K);
    for (std::uint32_t s = 1; s < subsets; ++s) {
        const int i = __builtin_ctz(s);
        const std::uint32_t rest = s & (s - 1);
        for (Index k = 0; k < K; ++k) {
            lo(s, k) = lo(rest, k) + W.row(k).dot(q.score_low.row(i));
            hi(s, k) = hi(rest, k) + W.row(k).dot(q.score_high.row(i));
        }
    }
    Brute b;
    for (std::uint32_t s = 0; s < subsets; ++s) {
        const auto in = [&](Index i) { return (s >> i) & 1u; };
        bool ok = true;
        Eigen::VectorXd use = Eigen::VectorXd::Zero(q.budgets.size());
        for (int i = 0; i < n; ++i)
            if (in(i)) use += q.costs.row(i).transpose();
        for (Index r = 0; r < use.size(); ++r) ok = ok && use(r) <= q.budgets(r) + 1e-9;
        for (const auto& [d, pre] : q.requires_links) ok = ok && (!in(d) || in(pre));
        for (const auto& g : q.excludes) {
            int count = 0;
            for (Index i : g) count += static_cast<int>(in(i));
            ok = ok && count <= 1;
        }
        for (Index i : q.forced_in) ok = ok && in(i);
        for (Index i : q.forced_out) ok = ok && !in(i);
        if (ok) b.feasible.push_back(s);
    }
    const auto dominates = [&](std::uint32_t p, std::uint32_t x) {
        const std::uint32_t only_p = p & ~x, only_x = x & ~p;
        bool strict = false;
        for (Index k = 0; k < K; ++k) {
            if (lo(only_p, k) < hi(only_x, k) - 1e-9) return false;
            strict = strict || hi(only_p, k) > lo(only_x, k) + 1e-9;
        }
        return strict;
    };
    for (std::uint32_t x : b.feasible) {
        bool dominated = false;
        for (std::uint32_t p : b.feasible)
            if (p != x && dominates(p, x)) {
                dominated = true;
                break;
            }
        if (!dominated) b.nondominated.push_back(x);
    }
    return b;
}

std::set<std::uint32_t> as_masks(const RpmResult& r) {
    std::set<std::uint32_t> out;
    for (Index k = 0; k < r.portfolio_count(); ++k) {
        std::uint32_t m = 0;
        for (Index i : r.portfolio(k)) m |= 1u << i;
        out.insert(m);
    }
    return out;
}

RpmProblem random_problem(std::mt19937_64& rng, int n) {
    std::uniform_real_distribution<double> u(0, 1);
    RpmProblem q;
    const int C = 2 + static_cast<int>(rng() % 3), R = 1 + static_cast<int>(rng() % 3);
    q.score_low.resize(n, C);
    q.score_high.resize(n, C);
    for (int i = 0; i < n; ++i)
        for (int c = 0; c < C; ++c) {
            const double v = std::round(u(rng) * 20) / 20;  // a grid, so ties happen
            const double spread = rng() % 3 == 0 ? 0.0 : std::round(u(rng) * 4) / 20;
            q.score_low(i, c) = std::max(0.0, v - spread);
            q.score_high(i, c) = v + spread;
        }
    q.costs.resize(n, R);
    q.budgets.resize(R);
    for (int r = 0; r < R; ++r) {
        for (int i = 0; i < n; ++i) q.costs(i, r) = std::round(1 + u(rng) * 9);
        q.budgets(r) = std::round(q.costs.col(r).sum() * (0.25 + 0.35 * u(rng)));
    }
    for (int d = 1; d < n; ++d)
        if (rng() % 4 == 0) q.requires_links.emplace_back(d, static_cast<Index>(rng() % static_cast<unsigned>(d)));
    if (rng() % 2) {
        const auto x = static_cast<Index>(rng() % static_cast<unsigned>(n));
        q.excludes.push_back({x, (x + 1 + static_cast<Index>(rng() % static_cast<unsigned>(n - 1))) % n});
    }
    if (rng() % 5 == 0) q.forced_out.push_back(static_cast<Index>(rng() % n));
    std::vector<Index> order(static_cast<std::size_t>(C));
    std::iota(order.begin(), order.end(), Index{0});
    std::shuffle(order.begin(), order.end(), rng);
    switch (rng() % 3) {
        case 0: break;                                  // any weights
        case 1: q.add_rank_order(order); break;         // a full rank order
        default:                                        // a partial order and a lower bound
            q.add_rank_order({order[0], order[1]});
            q.weight_rows.conservativeResize(q.weight_rows.rows() + 1, C);
            q.weight_bounds.conservativeResize(q.weight_bounds.size() + 1);
            q.weight_rows.bottomRows(1).setZero();
            q.weight_rows(q.weight_rows.rows() - 1, order[C - 1]) = 1;
            q.weight_bounds(q.weight_bounds.size() - 1) = 0.1;
    }
    return q;
}

// A project-shaped instance as bench_rpm.py makes them: three criteria in the rank order
// 0 > 1 > 2, each score uniform on [0, 1] and known within +- spread (cut to [0, 1]), two
// budgets at 30% of the total cost, the first growing with what an initiative is worth.
RpmProblem project_shaped(std::mt19937_64& rng, Index n, double spread) {
    std::uniform_real_distribution<double> u(0, 1);
    RpmProblem q;
    q.score_low.resize(n, 3);
    q.score_high.resize(n, 3);
    for (Index i = 0; i < n; ++i)
        for (Index c = 0; c < 3; ++c) {
            const double mid = u(rng);
            q.score_low(i, c) = std::max(0.0, mid - spread), q.score_high(i, c) = std::min(1.0, mid + spread);
        }
    q.costs.resize(n, 2);
    for (Index i = 0; i < n; ++i) q.costs(i, 0) = std::round(100 * (0.3 + q.score_low.row(i).mean()) * (0.5 + u(rng))), q.costs(i, 1) = std::round(60 * (0.2 + 1.6 * u(rng)));
    q.budgets = (q.costs.colwise().sum() * 0.3).transpose().array().round();
    q.add_rank_order({0, 1, 2});
    return q;
}

// rpm() on q with the bound tables and with the fractional bound instead (table_bytes 0),
// on one thread and (with the tables) on three, each against brute force: the same non-dominated set, core indices, classes and each
// portfolio's least and greatest value over the information set. Brute force's answer, or
// none when the forced decisions cannot hold (brute force then finds nothing feasible).
std::optional<Brute> check_against_brute_force(const RpmProblem& q) {
    const Index n = q.score_low.rows();
    const Eigen::MatrixXd W = extreme_weights(q.score_low.cols(), q.weight_rows, q.weight_bounds);
    const Brute b = brute_force(q, W);
    for (const auto& [table_bytes, threads] : {std::pair{64e6, 1}, std::pair{0.0, 1}, std::pair{64e6, 3}}) {
        INFO("table bytes " << table_bytes << ", threads " << threads);
        RpmResult r;
        try {
            r = detail::rpm_impl(q, {.threads = threads}, table_bytes);
        } catch (const InfeasibleError&) {
            REQUIRE(b.feasible.empty());
            return std::nullopt;
        }
        REQUIRE(as_masks(r) == std::set<std::uint32_t>(b.nondominated.begin(), b.nondominated.end()));
        REQUIRE(r.portfolio_count() == static_cast<Index>(b.nondominated.size()));
        for (Index i = 0; i < n; ++i) {
            double share = 0;
            for (std::uint32_t s : b.nondominated) share += (s >> i) & 1u;
            share /= static_cast<double>(b.nondominated.size());
            REQUIRE(r.core_index(i) == Approx(share).margin(1e-12));
            REQUIRE(r.classes[static_cast<std::size_t>(i)] ==
                    (share == 1 ? CoreClass::core : share == 0 ? CoreClass::exterior : CoreClass::borderline));
        }
        for (Index k = 0; k < r.portfolio_count(); ++k) {
            Eigen::VectorXd lo = Eigen::VectorXd::Zero(W.rows()), hi = lo;
            for (Index i : r.portfolio(k)) lo += W * q.score_low.row(i).transpose(), hi += W * q.score_high.row(i).transpose();
            REQUIRE(r.value_low(k) == Approx(lo.minCoeff()).margin(1e-12));
            REQUIRE(r.value_high(k) == Approx(hi.maxCoeff()).margin(1e-12));
        }
    }
    return b;
}

}  // namespace

TEST_CASE("rpm: the extreme points of the weight set", "[rpm]") {
    SECTION("no information: each criterion alone") {
        const Eigen::MatrixXd W = extreme_weights(3, Eigen::MatrixXd(0, 3), Eigen::VectorXd(0));
        REQUIRE(W.rows() == 3);
        REQUIRE((W * W.transpose()).isApprox(Eigen::Matrix3d::Identity()));
        REQUIRE(W.minCoeff() == 0);
        REQUIRE((W.rowwise().sum().array() - 1).abs().maxCoeff() < 1e-12);
    }
    SECTION("a rank order w1 >= w2 >= w3: (1,0,0), (1/2,1/2,0), (1/3,1/3,1/3)") {
        RpmProblem q;
        q.score_low.resize(1, 3);
        q.add_rank_order({0, 1, 2});
        const Eigen::MatrixXd W = extreme_weights(3, q.weight_rows, q.weight_bounds);
        REQUIRE(W.rows() == 3);
        const std::vector<std::vector<double>> expect{{1, 0, 0}, {0.5, 0.5, 0}, {1.0 / 3, 1.0 / 3, 1.0 / 3}};
        for (const auto& e : expect) {
            bool found = false;
            for (Index k = 0; k < 3; ++k)
                found = found || (W.row(k) - Eigen::RowVector3d(e[0], e[1], e[2])).cwiseAbs().maxCoeff() < 1e-12;
            REQUIRE(found);
        }
    }
    SECTION("w1 >= 0.6 and w2 >= w3 in three criteria: a triangle worked out by hand") {
        Eigen::MatrixXd A(2, 3);
        A << 1, 0, 0, 0, 1, -1;
        const Eigen::MatrixXd W = extreme_weights(3, A, Eigen::Vector2d(0.6, 0));
        // Vertices: (1,0,0), (0.6,0.4,0), (0.6,0.2,0.2).
        REQUIRE(W.rows() == 3);
        REQUIRE(W.col(0).minCoeff() == Approx(0.6));
        REQUIRE((W.col(1) - W.col(2)).minCoeff() >= -1e-12);
        REQUIRE(W.col(2).maxCoeff() == Approx(0.2));
        REQUIRE(W.col(1).maxCoeff() == Approx(0.4));
    }
    SECTION("refusals") {
        Eigen::MatrixXd A(1, 2);
        A << 1, 0;
        REQUIRE_THROWS_WITH(extreme_weights(2, A, Eigen::VectorXd::Constant(1, 1.5)), Catch::Contains("admit no weights"));
        REQUIRE_THROWS_WITH(extreme_weights(3, A, Eigen::VectorXd::Constant(1, 0.5)), Catch::Contains("2 columns, expected one per criterion (3)"));
        REQUIRE_THROWS_WITH(extreme_weights(2, A, Eigen::VectorXd(0)), Catch::Contains("1 weight rows but 0 bounds"));
    }
}

TEST_CASE("rpm: non-dominated portfolios and core indices against brute force", "[rpm]") {
    // Interval scores (a third of them points), each instance solved with the exact knapsack
    // bounds and with the fractional ones; now and then no budget row at all.
    std::mt19937_64 rng(20070101);
    int with_borderline = 0, checked = 0;
    for (int trial = 0; trial < 100; ++trial) {
        const int n = 5 + trial % 9;
        RpmProblem q = random_problem(rng, n);
        if (trial % 3 == 2) {  // a twin with point scores: the last initiative a copy of the first
            q.score_low.row(n - 1) = q.score_low.row(0);
            q.score_high.row(0) = q.score_high.row(n - 1) = q.score_low.row(0);
            q.costs.row(n - 1) = q.costs.row(0);
        }
        if (trial % 15 == 4) {
            q.costs.resize(n, 0);
            q.budgets.resize(0);
        }
        if (trial % 10 == 9) {  // six criteria, any weights: six extreme weights (more than four at a time)
            std::uniform_real_distribution<double> u(0, 0.5);
            const Index C = q.score_low.cols();
            q.score_low.conservativeResize(n, 6), q.score_high.conservativeResize(n, 6);
            for (Index i = 0; i < n; ++i)
                for (Index c = C; c < 6; ++c) q.score_low(i, c) = u(rng), q.score_high(i, c) = q.score_low(i, c) + u(rng) / 4;
            q.weight_rows.resize(0, 6), q.weight_bounds.resize(0);
        }
        INFO("trial " << trial << ", n " << n << ", rows " << q.budgets.size() << ", criteria " << q.score_low.cols());
        const std::optional<Brute> b = check_against_brute_force(q);
        if (!b) continue;
        for (Index i = 0; i < n; ++i) {
            int in = 0;
            for (std::uint32_t s : b->nondominated) in += static_cast<int>((s >> i) & 1u);
            with_borderline += in > 0 && in < static_cast<int>(b->nondominated.size());
        }
        ++checked;
    }
    REQUIRE(checked >= 75);
    REQUIRE(with_borderline > 0);
}

TEST_CASE("rpm: interval scores: a better initiative replaces a worse one only when better at its worst", "[rpm]") {
    // One budget for one of the two. A is worth 0.5 for sure; B between 0.3 and 0.7: B's best
    // beats A, A's best beats B's worst, so neither portfolio dominates the other. With B at
    // most 0.5, A's worst beats B's best (and its best B's worst): only {A} is left.
    RpmProblem q;
    q.score_low.resize(2, 1);
    q.score_high.resize(2, 1);
    q.score_low << 0.5, 0.3;
    q.score_high << 0.5, 0.7;
    q.costs = Eigen::MatrixXd::Ones(2, 1);
    q.budgets = Eigen::VectorXd::Ones(1);
    REQUIRE(as_masks(rpm(q)) == std::set<std::uint32_t>{1u, 2u});
    q.score_high(1, 0) = 0.5;
    REQUIRE(as_masks(rpm(q)) == std::set<std::uint32_t>{1u});
    // And at 0.3 to 0.5 against 0.5 to 0.5, with both fitting, {A, B} is the one.
    q.budgets(0) = 2;
    REQUIRE(as_masks(rpm(q)) == std::set<std::uint32_t>{3u});
    // A twin of A (a tie: both stay) and C between 0.2 and 0.6, one fits: all three are left.
    q.score_low.resize(3, 1);
    q.score_high.resize(3, 1);
    q.score_low << 0.5, 0.5, 0.2;
    q.score_high << 0.5, 0.5, 0.6;
    q.costs = Eigen::MatrixXd::Ones(3, 1);
    q.budgets(0) = 1;
    REQUIRE(as_masks(rpm(q)) == std::set<std::uint32_t>{1u, 2u, 4u});
}

TEST_CASE("rpm: sixteen initiatives with two budgets, requires and an excludes group, against brute force", "[rpm]") {
    std::mt19937_64 rng(16);
    for (int trial = 0; trial < 2; ++trial) {
        RpmProblem q = random_problem(rng, 16);
        q.costs.conservativeResize(16, 2);
        q.budgets.conservativeResize(2);
        for (Index r = 0; r < 2; ++r) {
            for (Index i = 0; i < 16; ++i) q.costs(i, r) = 1 + static_cast<double>((i * 7 + r * 3 + trial) % 9);
            q.budgets(r) = std::round(q.costs.col(r).sum() * 0.3);
        }
        q.forced_in.clear(), q.forced_out.clear();
        q.excludes = {{2, 9}};
        q.requires_links = {{5, 1}, {12, 5}, {14, 3}};
        const RpmResult r = rpm(q);
        const Brute b = brute_force(q, extreme_weights(q.score_low.cols(), q.weight_rows, q.weight_bounds));
        REQUIRE(as_masks(r) == std::set<std::uint32_t>(b.nondominated.begin(), b.nondominated.end()));
    }
}

TEST_CASE("rpm: exact scores (the branch and bound) against brute force, ties and both bounds", "[rpm]") {
    // Every score a point on a grid of twentieths (ties between portfolios happen), now and
    // then an initiative worth nothing on any criterion (a portfolio with and without it tie:
    // both are non-dominated) or twin initiatives, and now and then no budget row at all.
    std::mt19937_64 rng(20261204);
    int checked = 0, with_ties = 0;
    for (int trial = 0; trial < 90; ++trial) {
        const int n = 5 + trial % 9;
        RpmProblem q = random_problem(rng, n);
        q.score_high = q.score_low;
        if (trial % 4 == 1) q.score_low.row(static_cast<Index>(rng() % static_cast<unsigned>(n))).setZero();
        if (trial % 3 == 2) {  // a twin: the last initiative a copy of the first
            q.score_low.row(n - 1) = q.score_low.row(0);
            q.costs.row(n - 1) = q.costs.row(0);
        }
        q.score_high = q.score_low;
        if (trial % 15 == 7) {
            q.costs.resize(n, 0);
            q.budgets.resize(0);
        }
        INFO("trial " << trial << ", n " << n << ", rows " << q.budgets.size());
        const std::optional<Brute> b = check_against_brute_force(q);
        if (!b) continue;
        // Two portfolios worth the same under every extreme weight: a tie both sides of which stay.
        const Eigen::MatrixXd W = extreme_weights(q.score_low.cols(), q.weight_rows, q.weight_bounds);
        const auto& nd = b->nondominated;
        bool tie = false;
        for (std::size_t x = 0; x < nd.size() && !tie; ++x)
            for (std::size_t y = x + 1; y < nd.size() && !tie; ++y) {
                Eigen::VectorXd d = Eigen::VectorXd::Zero(W.rows());
                for (Index i = 0; i < n; ++i) {
                    const double sign = static_cast<double>((nd[x] >> i) & 1u) - static_cast<double>((nd[y] >> i) & 1u);
                    if (sign != 0) d += sign * (W * q.score_low.row(i).transpose());
                }
                tie = d.cwiseAbs().maxCoeff() < 1e-9;
            }
        with_ties += tie;
        ++checked;
    }
    REQUIRE(checked >= 70);
    REQUIRE(with_ties > 5);
}

TEST_CASE("rpm: exact scores: a better initiative does not replace a worse one where the swap is not allowed", "[rpm]") {
    // Two criteria, no weight information: the non-dominated portfolios are the Pareto set of
    // the two scores. Initiative 1 (1, 1) beats initiative 2 (1, 0.5) at the same cost, so a
    // portfolio with 2 and without 1 is dominated by swapping them -- unless 1 may not join
    // (its excludes partner is in, or its prerequisite does not fit) or something in it needs
    // 2. Each case has such a portfolio in its Pareto set, best under no weighting of the two
    // (so only the search finds it, not the weighted optima rpm() starts from); the sets were
    // enumerated apart and are checked against brute force too.
    const auto problem = [](std::vector<std::array<double, 2>> scores, std::vector<double> costs, double budget) {
        RpmProblem q;
        const auto n = static_cast<Index>(scores.size());
        q.score_low.resize(n, 2);
        for (Index i = 0; i < n; ++i) q.score_low.row(i) << scores[static_cast<std::size_t>(i)][0], scores[static_cast<std::size_t>(i)][1];
        q.score_high = q.score_low;
        q.costs = Eigen::Map<Eigen::VectorXd>(costs.data(), n);
        q.budgets = Eigen::VectorXd::Constant(1, budget);
        return q;
    };
    const auto mask = [](std::initializer_list<int> items) {
        std::uint32_t m = 0;
        for (int i : items) m |= 1u << i;
        return m;
    };
    const auto check = [&](const RpmProblem& q, const std::set<std::uint32_t>& expect) {
        REQUIRE(as_masks(rpm(q)) == expect);
        const Brute b = brute_force(q, extreme_weights(2, q.weight_rows, q.weight_bounds));
        REQUIRE(std::set<std::uint32_t>(b.nondominated.begin(), b.nondominated.end()) == expect);
    };
    {  // 0 and 1 exclude each other: {0, 2, 4} (4, 3.5) stays
        RpmProblem q = problem({{3, 0}, {1, 1}, {1, 0.5}, {2, 3}, {0, 3}, {0, 2}}, {1, 1, 1, 2, 1, 1}, 3);
        q.excludes = {{0, 1}};
        check(q, {mask({0, 3}), mask({0, 2, 4}), mask({3, 4}), mask({0, 4, 5})});
    }
    {  // 1 needs 3, which does not fit beside 5: {2, 5} (5, 4.5) stays
        RpmProblem q = problem({{3, 0}, {1, 1}, {1, 0.5}, {0, 0.1}, {0, 1}, {4, 4}}, {1, 1, 1, 2, 1, 2}, 3);
        q.requires_links = {{1, 3}};
        check(q, {mask({0, 5}), mask({2, 5}), mask({4, 5})});
    }
    {  // 3 (free) needs 2: {2, 3, 5} (5, 2.5) stays
        RpmProblem q = problem({{3, 0}, {1, 1}, {1, 0.5}, {0, 2}, {1, 4}, {4, 0}, {3, 1}}, {1, 1, 1, 0, 2, 1, 1}, 2);
        q.requires_links = {{3, 2}};
        check(q, {mask({4}), mask({2, 3, 5}), mask({2, 3, 6}), mask({5, 6})});
    }
    {  // nothing in the way: {0, 2} (4, 0.5) gives way to {0, 1} (4, 1); {1, 2} (2, 1.5) stays
        RpmProblem q = problem({{3, 0}, {1, 1}, {1, 0.5}}, {1, 1, 1}, 2);
        check(q, {mask({0, 1}), mask({1, 2})});
    }
}

TEST_CASE("rpm: exact scores at fifty initiatives with two budgets: the non-dominated set against the optimum at every extreme weight", "[rpm]") {
    // Too many for brute force; what must hold: every optimum of an extreme weight's
    // value (the selection solver, a proven optimum) is worth no more than some portfolio
    // of the answer under that weight, the best of the answer reaches it, no portfolio of the
    // answer dominates another, each fits the budgets, requires and excludes.
    std::mt19937_64 rng(50);
    RpmProblem q = project_shaped(rng, 50, 0.0);
    q.requires_links = {{10, 3}, {20, 7}, {33, 20}, {41, 2}};
    q.excludes = {{5, 15, 25}};
    const RpmResult r = rpm(q);
    const Eigen::MatrixXd& W = r.extreme_weights;
    REQUIRE(r.portfolio_count() > 1);
    std::vector<Eigen::VectorXd> f;
    for (Index p = 0; p < r.portfolio_count(); ++p) {
        const auto in = r.portfolio(p);
        Eigen::VectorXd use = Eigen::VectorXd::Zero(2), value = Eigen::VectorXd::Zero(W.rows());
        for (Index i : in) use += q.costs.row(i).transpose(), value += W * q.score_low.row(i).transpose();
        REQUIRE((use.array() <= q.budgets.array() + 1e-9).all());
        for (const auto& [d, pre] : q.requires_links) REQUIRE((!r.portfolios(p, d) || r.portfolios(p, pre)));
        REQUIRE(r.portfolios(p, 5) + r.portfolios(p, 15) + r.portfolios(p, 25) <= 1);
        f.push_back(value);
    }
    for (std::size_t x = 0; x < f.size(); ++x)
        for (std::size_t y = 0; y < f.size(); ++y)
            if (x != y) REQUIRE_FALSE(((f[x].array() >= f[y].array() - 1e-9).all() && (f[x].array() > f[y].array() + 1e-9).any()));
    for (Index k = 0; k < W.rows(); ++k) {
        SelectionProblem sp = static_cast<const SelectionProblem&>(q);
        sp.values = q.score_low * W.row(k).transpose();
        const SelectionResult best = select_portfolio(sp);
        REQUIRE(best.proven);
        double top = -1;
        for (const auto& fx : f) top = std::max(top, fx(k));
        REQUIRE(top == Approx(best.value).epsilon(1e-12));
    }
}

TEST_CASE("rpm: interval scores at thirty initiatives with two budgets: every unique optimum is in the answer", "[rpm]") {
    // Too many for brute force; what must hold: the optimum at any admissible weight and any
    // scores within the intervals (the selection solver, proven, and with random reals
    // unique) is dominated by nothing, so it is one of the answer's portfolios; no portfolio
    // of the answer dominates another (the definition, written here); each one fits.
    std::mt19937_64 rng(30);
    std::uniform_real_distribution<double> u(0, 1);
    const Index n = 30;
    RpmProblem q = project_shaped(rng, n, 0.05);
    q.requires_links = {{10, 3}, {20, 7}, {25, 20}};
    q.excludes = {{5, 15, 22}};
    const RpmResult r = rpm(q);
    const Eigen::MatrixXd& W = r.extreme_weights;
    REQUIRE(r.portfolio_count() > 10);
    std::set<std::vector<Index>> answer;
    for (Index p = 0; p < r.portfolio_count(); ++p) {
        Eigen::VectorXd use = Eigen::VectorXd::Zero(2);
        for (Index i : r.portfolio(p)) use += q.costs.row(i).transpose();
        REQUIRE((use.array() <= q.budgets.array() + 1e-9).all());
        for (const auto& [d, pre] : q.requires_links) REQUIRE((!r.portfolios(p, d) || r.portfolios(p, pre)));
        REQUIRE(r.portfolios(p, 5) + r.portfolios(p, 15) + r.portfolios(p, 22) <= 1);
        answer.insert(r.portfolio(p));
    }
    const auto dominates = [&](Index x, Index y) {
        bool strict = false;
        for (Index k = 0; k < W.rows(); ++k) {
            double worst = 0, best = 0;
            for (Index i = 0; i < n; ++i) {
                const double lo = W.row(k).dot(q.score_low.row(i)), hi = W.row(k).dot(q.score_high.row(i));
                if (r.portfolios(x, i) && !r.portfolios(y, i)) worst += lo, best += hi;
                if (r.portfolios(y, i) && !r.portfolios(x, i)) worst -= hi, best -= lo;
            }
            if (worst < -1e-9) return false;
            strict = strict || best > 1e-9;
        }
        return strict;
    };
    for (Index x = 0; x < r.portfolio_count(); ++x)
        for (Index y = 0; y < r.portfolio_count(); ++y)
            if (x != y) REQUIRE_FALSE(dominates(x, y));
    for (int draw = 0; draw < 20; ++draw) {
        // A weight inside the set (a random mix of the extreme ones) and scores within the intervals.
        Eigen::VectorXd mix(W.rows());
        for (Index k = 0; k < W.rows(); ++k) mix(k) = -std::log(u(rng));
        const Eigen::VectorXd w = W.transpose() * (mix / mix.sum());
        Eigen::MatrixXd v(n, 3);
        for (Index i = 0; i < n; ++i)
            for (Index c = 0; c < 3; ++c) v(i, c) = q.score_low(i, c) + u(rng) * (q.score_high(i, c) - q.score_low(i, c));
        SelectionProblem sp = static_cast<const SelectionProblem&>(q);
        sp.values = v * w;
        const SelectionResult best = select_portfolio(sp, {.explain = false});
        REQUIRE(best.proven);
        std::vector<Index> chosen = best.selected;
        std::sort(chosen.begin(), chosen.end());
        INFO("draw " << draw);
        REQUIRE(answer.count(chosen) == 1);
    }
}

TEST_CASE("rpm: on several threads the answer is the one of one thread", "[rpm]") {
    // Instances with 10^4 to 10^5 nodes, so that the workers give subtrees away to each
    // other many times (every 1024 nodes a busy one may): the same portfolios in the same
    // order, core indices and values, on 2, 3 and 4 threads as on one; interval scores and
    // exact ones.
    std::mt19937_64 rng(2007);
    int portfolios = 0, large = 0;
    for (int trial = 0; trial < 6; ++trial) {
        const bool exact = trial % 3 == 2;
        const Index n = exact ? 70 : 28 + trial % 3;
        RpmProblem q = project_shaped(rng, n, exact ? 0.0 : 0.05);
        q.requires_links = {{10, 3}, {20, 7}, {n - 1, 12}};
        q.excludes = {{5, 15, 22}};
        const RpmResult one = rpm(q, {.threads = 1});
        REQUIRE(one.threads == 1);
        large += one.states > 10000;
        portfolios += static_cast<int>(one.portfolio_count());
        for (int threads : {2, 3, 4}) {
            INFO("trial " << trial << ", n " << n << ", threads " << threads);
            const RpmResult r = rpm(q, {.threads = threads});
            REQUIRE(r.threads == threads);
            REQUIRE(r.portfolios == one.portfolios);
            REQUIRE(r.core_index == one.core_index);
            REQUIRE(r.value_low == one.value_low);
            REQUIRE(r.value_high == one.value_high);
            REQUIRE(r.classes == one.classes);
        }
    }
    REQUIRE(portfolios > 500);
    REQUIRE(large >= 5);
    REQUIRE_THROWS_WITH(rpm(project_shaped(rng, 10, 0.1), {.threads = -1}), Catch::Contains("threads -1, expected >= 0"));
}

TEST_CASE("rpm: exact scores and one criterion leave only the optimal portfolios", "[rpm]") {
    // Values 5, 4, 3, 3 and costs 3, 2, 2, 2 within 4: the optimum is {1 (4), 2 or 3 (3)}
    // worth 7, two portfolios tied; {0} is worth 5.
    RpmProblem q;
    q.score_low = Eigen::Vector4d(5, 4, 3, 3);
    q.score_high = q.score_low;
    q.costs = Eigen::Vector4d(3, 2, 2, 2);
    q.budgets = Eigen::VectorXd::Constant(1, 4);
    const RpmResult r = rpm(q);
    REQUIRE(as_masks(r) == std::set<std::uint32_t>{0b0110u, 0b1010u});
    REQUIRE(r.core_index(1) == 1);
    REQUIRE(r.core_index(2) == 0.5);
    REQUIRE(r.classes[0] == CoreClass::exterior);
    REQUIRE(r.value_low(0) == 7);

    SECTION("an interval on the first initiative lets it back in") {
        q.score_high(0) = 8;  // 5..8 against 7: {0} is no longer dominated
        const RpmResult wide = rpm(q);
        REQUIRE(as_masks(wide) == std::set<std::uint32_t>{0b0001u, 0b0110u, 0b1010u});
        REQUIRE(wide.classes[0] == CoreClass::borderline);
    }
    SECTION("forced decisions hold") {
        q.forced_in = {0};
        REQUIRE(as_masks(rpm(q)) == std::set<std::uint32_t>{0b0001u});
        q.forced_in = {0, 1};
        REQUIRE_THROWS_WITH(rpm(q), Catch::Contains("forced initiatives alone use 5") && Catch::Contains("over its limit 4"));
    }
}

TEST_CASE("rpm: refusals name the item", "[rpm]") {
    RpmProblem q;
    q.ids = {"A", "B"};
    q.criteria = {"value"};
    q.score_low = Eigen::Vector2d(1, 2);
    q.score_high = Eigen::Vector2d(2, 1);
    q.costs = Eigen::Vector2d(1, 1);
    q.budgets = Eigen::VectorXd::Constant(1, 1);
    REQUIRE_THROWS_WITH(rpm(q), "rpm(): score of 'B' on 'value' has low 2 > high 1");
    q.score_high(1) = 3;
    q.costs(0) = -1;
    REQUIRE_THROWS_WITH(rpm(q), Catch::Contains("cost of 'A'") && Catch::Contains("expected a finite cost >= 0"));
    q.costs(0) = 1;
    q.requires_links = {{0, 1}, {1, 0}};
    REQUIRE_THROWS_AS(rpm(q), CycleError);
    q.requires_links = {{0, 7}};
    REQUIRE_THROWS_WITH(rpm(q), Catch::Contains("names initiative 7"));
    q.requires_links.clear();
    q.forced_in = {0};
    q.forced_out = {0};
    REQUIRE_THROWS_WITH(rpm(q), Catch::Contains("'A' must be both in and out"));
}

TEST_CASE("rpm: a limit reached gives no answer, and says how far it got", "[rpm]") {
    std::mt19937_64 rng(3);
    RpmProblem q = random_problem(rng, 12);
    q.forced_in.clear(), q.forced_out.clear();
    REQUIRE_THROWS_AS(rpm(q, {.time_limit = 60, .state_limit = 1}), NoSolutionError);
    REQUIRE_THROWS_WITH(rpm(q, {.time_limit = 60, .state_limit = 1}), Catch::Contains("state limit reached: more than 1 non-dominated portfolios so far"));
    // On several threads: the limits stop every worker, and the time limit is kept.
    std::mt19937_64 big(31);
    const RpmProblem hard = project_shaped(big, 100, 0.05);
    for (int threads : {1, 2}) {
        INFO("threads " << threads);
        REQUIRE_THROWS_WITH(rpm(hard, {.time_limit = 0.5, .threads = threads}), Catch::Contains("time limit reached after"));
        REQUIRE_THROWS_WITH(rpm(hard, {.time_limit = 60, .state_limit = 20, .threads = threads}),
                            Catch::Contains("state limit reached: more than 20"));
    }
}

TEST_CASE("rpm: the sample model", "[rpm]") {
    const Portfolio p = sample_portfolio();
    RpmOptions o;
    o.rank_order = {"business_value", "risk_reduction", "time_criticality"};
    o.criteria = {{"business_value"}, {"risk_reduction"}, {"time_criticality"}};
    o.score_spread = 0.05;
    const RpmResult r = rpm(p, o);
    REQUIRE(r.portfolio_count() > 0);
    REQUIRE(r.extreme_weights.rows() == 3);
    const SelectionProblem sp = selection_problem(p);
    // Every non-dominated portfolio is feasible, and nothing more fits in it (every score is
    // >= 0 and each initiative is worth more than nothing somewhere, so adding one dominates).
    for (Index k = 0; k < r.portfolio_count(); ++k) {
        const auto sel = r.portfolio(k);
        Eigen::VectorXd use = Eigen::VectorXd::Zero(sp.budgets.size());
        for (Index i : sel) use += sp.costs.row(i).transpose();
        REQUIRE(((use - sp.budgets).array() <= 1e-6).all());
        for (Index i : sp.forced_in) REQUIRE(std::find(sel.begin(), sel.end(), i) != sel.end());
    }
    // The optimum for a weight inside the set at the middle scores, found by the selection
    // solver, is not dominated: it is one of them.
    const RpmProblem q = rpm_problem(p, o);
    const Eigen::RowVector3d w = r.extreme_weights.colwise().mean();
    SelectionProblem middle = sp;
    middle.values = (q.score_low + q.score_high) / 2 * w.transpose();
    const SelectionResult best = select_portfolio(middle, {.explain = false});
    REQUIRE(best.proven);
    bool found = false;
    for (Index k = 0; k < r.portfolio_count() && !found; ++k) found = r.portfolio(k) == best.selected;
    REQUIRE(found);
    REQUIRE_THROWS_WITH(rpm(p, RpmOptions{.rank_order = {"nope"}}), Catch::Contains("rank order names 'nope'"));
    REQUIRE_THROWS_WITH(rpm(p, RpmOptions{.score_spread = 2}), Catch::Contains("score spread 2"));
}
