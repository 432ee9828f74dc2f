// Risk analysis: each distribution against its closed-form moments, PERT's table against
// Boost.Math's beta quantile, the sample model's mean and variance against the closed form
// written here, the copula (a rank correlation recovered, rho = 1 comonotone to the bit), delays
// pushing dependants, risk events, the tornado by hand, bit-identity on 1, 2 and 4 threads and
// across chunks, the convergence stop, Latin hypercube strata, and the errors.

#include <catch2/catch.hpp>

#include <aligngraph/detail/workers.hpp>
#include <aligngraph/error.hpp>
#include <aligngraph/io/model_file.hpp>
#include <aligngraph/io/sample_portfolio.hpp>
#include <aligngraph/model/validation.hpp>
#include <aligngraph/risk/chance.hpp>
#include <aligngraph/risk/detail/marginal.hpp>
#include <aligngraph/risk/detail/random.hpp>
#include <aligngraph/risk/portfolio_risk.hpp>
#include <aligngraph/risk/risk.hpp>

#include <boost/math/distributions/lognormal.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/special_functions/beta.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <numeric>

#include "fixtures.hpp"

using namespace aligngraph;
using Catch::Matchers::Contains;

namespace {

constexpr double z95 = 1.6448536269514722;

struct Moments {
    double mean, variance;
};

// The closed forms, written from the definitions (docs/risk.md).
Moments moments_of(const Estimate& e) {
    const double a = e.low, c = e.mode, b = e.high;
    switch (e.distribution) {
        case Distribution::uniform: return {(a + b) / 2, (b - a) * (b - a) / 12};
        case Distribution::triangular: return {(a + b + c) / 3, (a * a + b * b + c * c - a * b - a * c - b * c) / 18};
        case Distribution::pert: {
            const double m = (a + 4 * c + b) / 6;
            return {m, (m - a) * (b - m) / 7};
        }
        case Distribution::normal: {
            const double sd = (b - a) / (2 * z95);
            return {c, sd * sd};
        }
        case Distribution::lognormal: {
            const double mu = 0.5 * (std::log(a) + std::log(b)), s = (std::log(b) - std::log(a)) / (2 * z95);
            return {std::exp(mu + s * s / 2), (std::exp(s * s) - 1) * std::exp(2 * mu + s * s)};
        }
    }
    return {0, 0};
}

double mean_of(const Eigen::VectorXd& x) { return x.mean(); }
double variance_of(const Eigen::VectorXd& x) {
    const double m = x.mean();
    return (x.array() - m).square().sum() / static_cast<double>(x.size() - 1);
}

// A problem of n items over T periods: item i costs cost[i] in period 0 and returns benefit[i]
// in period 1, each with its own resource (its cost counted by a budget of its own).
RiskProblem small_problem(const std::vector<double>& cost, const std::vector<double>& benefit, Periods T = 4) {
    RiskProblem q;
    const auto n = static_cast<Index>(cost.size());
    q.horizon = T;
    q.costs = Eigen::MatrixXd::Zero(n, T);
    q.benefits = Eigen::MatrixXd::Zero(n, T);
    q.capacity = Eigen::MatrixXd::Constant(n, T, 1e9);
    for (Index i = 0; i < n; ++i) {
        q.ids.push_back(std::string("X").append(std::to_string(i)));
        q.starts.push_back(0);
        q.durations.push_back(1);
        q.costs(i, 0) = cost[static_cast<std::size_t>(i)];
        q.benefits(i, 1) = benefit[static_cast<std::size_t>(i)];
        Eigen::MatrixXd u = Eigen::MatrixXd::Zero(n, T);
        u(i, 0) = cost[static_cast<std::size_t>(i)];
        q.usage.push_back(u);
        q.scales_with_cost.push_back(true);
        q.resources.push_back(std::string("budget X").append(std::to_string(i)));
    }
    q.uncertainty.assign(static_cast<std::size_t>(n), Uncertainty{});
    return q;
}

// Spearman's rho, written here: Pearson's correlation of the ranks (no ties expected).
double spearman(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
    const auto rank = [](const Eigen::VectorXd& x) {
        std::vector<Index> idx(static_cast<std::size_t>(x.size()));
        std::iota(idx.begin(), idx.end(), 0);
        std::sort(idx.begin(), idx.end(), [&](Index i, Index j) { return x(i) < x(j); });
        Eigen::VectorXd r(x.size());
        for (std::size_t k = 0; k < idx.size(); ++k) r(idx[k]) = static_cast<double>(k);
        return r;
    };
    const Eigen::VectorXd ra = rank(a), rb = rank(b);
    const Eigen::ArrayXd da = ra.array() - ra.mean(), db = rb.array() - rb.mean();
    return (da * db).sum() / std::sqrt((da * da).sum() * (db * db).sum());
}

}  // namespace

TEST_CASE("risk: each distribution has its closed-form mean and variance", "[risk]") {
    const std::vector<Estimate> cases = {
        {Distribution::uniform, 0.8, 1.0, 1.5},   {Distribution::triangular, 0.9, 1.0, 1.6}, {Distribution::triangular, 1.0, 1.0, 2.0},
        {Distribution::pert, 0.9, 1.0, 1.6},      {Distribution::pert, 1.0, 1.0, 1.4},       {Distribution::pert, 0.5, 1.9, 2.0},
        {Distribution::normal, 0.8, 1.0, 1.2},    {Distribution::lognormal, 0.8, 1.0, 1.25}, {Distribution::lognormal, 0.5, std::sqrt(0.5 * 3), 3},
    };
    const long long N = 400000;
    for (const auto& e : cases) {
        CAPTURE(to_string(e.distribution), e.low, e.mode, e.high);
        const auto x = draws(e, N, 11);
        const auto m = moments_of(e);
        const double se = std::sqrt(m.variance / N);
        CHECK(std::abs(mean_of(x) - m.mean) < 4.5 * se);
        // The variance's standard error is about sqrt((kurtosis - 1) / N) of it; 4% is over 4 of them here.
        CHECK(variance_of(x) == Approx(m.variance).epsilon(0.04));
        CHECK(x.minCoeff() >= (e.distribution == Distribution::normal || e.distribution == Distribution::lognormal ? -1e300 : e.low));
        CHECK(x.maxCoeff() <= (e.distribution == Distribution::normal || e.distribution == Distribution::lognormal ? 1e300 : e.high));
    }
    // Degenerate: low = high is that value.
    CHECK((draws({Distribution::pert, 2, 2, 2}, 10, 1).array() == 2).all());
    // The same seed and index, the same draw; a chunk is the same numbers.
    const Estimate e{Distribution::pert, 0.9, 1.0, 1.6};
    CHECK(draws(e, 100, 5) == draws(e, 100, 5));
    CHECK(draws(e, 100, 5).segment(40, 60) == draws(e, 60, 5, 40));
    CHECK(draws(e, 100, 5) != draws(e, 100, 6));
}

TEST_CASE("risk: PERT's quantiles agree with Boost.Math's beta quantile", "[risk]") {
    for (const auto& e : {Estimate{Distribution::pert, 0.9, 1.0, 1.6}, Estimate{Distribution::pert, 1.0, 1.0, 2.0},
                          Estimate{Distribution::pert, 0, 3.9, 4}}) {
        const detail::Marginal m(e);
        const double alpha = 1 + 4 * (e.mode - e.low) / (e.high - e.low), beta = 1 + 4 * (e.high - e.mode) / (e.high - e.low);
        double worst = 0;
        for (int k = 1; k < 4000; ++k) {
            const double u = k / 4000.0;
            const double exact = e.low + (e.high - e.low) * boost::math::ibeta_inv(alpha, beta, u);
            worst = std::max(worst, std::abs(m.quantile(u) - exact));
        }
        for (double u : {1e-9, 1e-6, 1e-4, 1 - 1e-4, 1 - 1e-6}) {
            const double exact = e.low + (e.high - e.low) * boost::math::ibeta_inv(alpha, beta, u);
            worst = std::max(worst, std::abs(m.quantile(u) - exact));
        }
        // Deep in the tails (below what a 32-bit draw reaches; a Latin hypercube's draws get
        // to 2^-43), and at the ends of the octaves' table, where the lookup changes side.
        for (double u : {1e-13, 0x1p-48, 0x1p-47 * 1.01, 0.5, std::nextafter(0.5, 1.0), std::nextafter(0.5, 0.0), 1 - 0x1p-33}) {
            const double exact = e.low + (e.high - e.low) * boost::math::ibeta_inv(alpha, beta, u);
            worst = std::max(worst, std::abs(m.quantile(u) - exact));
        }
        CAPTURE(e.low, e.mode, e.high);
        CHECK(worst < 1e-8 * (e.high - e.low));
        // The copula's way in, by the normal score (its own table over [-9, 9]).
        double worst_z = 0;
        for (int k = 1; k < 4000; ++k) {
            const double u = k / 4000.0;
            const double exact = e.low + (e.high - e.low) * boost::math::ibeta_inv(alpha, beta, u);
            worst_z = std::max(worst_z, std::abs(m.from_normal(boost::math::quantile(boost::math::normal(), u)) - exact));
        }
        CHECK(worst_z < 1e-8 * (e.high - e.low));
        // The table's nodes (found by Halley's method between Boost's inverse at each octave's
        // start) are Boost's inverse itself, to the last digits.
        const auto table = detail::pert_table(alpha, beta);
        double worst_node = 0;
        for (int k = 0; k <= detail::OctaveTable::nodes; ++k) {
            const double w = detail::OctaveTable::node(k);
            const double below = boost::math::ibeta_inv(alpha, beta, w), above = boost::math::ibetac_inv(alpha, beta, w);
            worst_node = std::max(worst_node, std::abs(table->by_u()(w) - below) / below);
            if (w < 0.5) worst_node = std::max(worst_node, std::abs(table->by_u()(1 - w) - above) / std::max(above, 1e-300));
        }
        CHECK(worst_node < 1e-13);
    }
}

TEST_CASE("risk: PERT near the largest double, and an error on a worker thread comes home", "[risk]") {
    // Found by fuzzing: 4 (mode - low) overflowed to infinity in the shape, Boost.Math's
    // lgamma threw on a thread of the PERT tables, and std::terminate() ended the process.
    const Estimate e{Distribution::pert, 7.403637083039078e+307, 1.2901091909011912e+308, std::numeric_limits<double>::max()};
    const double share = (e.mode - e.low) / (e.high - e.low);
    const double alpha = 1 + 4 * share, beta = 1 + 4 * (1 - share);
    const detail::Marginal m(e);
    for (double u : {1e-6, 0.1, 0.5, 0.9, 1 - 1e-6}) {
        const double exact = e.low + (e.high - e.low) * boost::math::ibeta_inv(alpha, beta, u);
        CAPTURE(u);
        REQUIRE(std::isfinite(m.quantile(u)));
        CHECK(std::abs(m.quantile(u) - exact) <= 1e-8 * (e.high - e.low));
    }
    auto q = small_problem({10, 10}, {30, 30});
    q.uncertainty[0].delay = e;
    q.uncertainty[1].cost = Estimate{Distribution::pert, 0.5, 1.0, 1.5};
    RiskOptions o;
    o.samples = 5000;
    o.threads = 2;
    const auto r = simulate(q, o);
    // The delay is whole periods, at most 10^6.
    CHECK(r.delay_mean(0) == 1e6);
    CHECK(std::isfinite(r.summary.mean));

    std::atomic<int> ran{0};
    CHECK_THROWS_WITH(detail::on_threads(3, [&](int me) {
        ++ran;
        if (me == 2) throw ValidationError("thread 2 refuses");
    }), Contains("thread 2 refuses"));
    CHECK(ran == 3);
}

TEST_CASE("risk: the normal and lognormal quantiles agree with Boost.Math's", "[risk]") {
    const Estimate n{Distribution::normal, 0.8, 1.0, 1.2}, ln{Distribution::lognormal, 0.5, std::sqrt(0.5 * 3), 3};
    const detail::Marginal mn(n), mln(ln);
    const double z95 = boost::math::quantile(boost::math::normal(), 0.95);
    const boost::math::normal normal((n.low + n.high) / 2, (n.high - n.low) / (2 * z95));
    const boost::math::lognormal lognormal((std::log(ln.low) + std::log(ln.high)) / 2, (std::log(ln.high) - std::log(ln.low)) / (2 * z95));
    std::vector<double> us;
    for (int k = 1; k < 20000; ++k) us.push_back(k / 20000.0);
    for (double u = 1e-14; u < 1e-3; u *= 1.01) {
        us.push_back(u);
        us.push_back(1 - u);
    }
    for (double u : {0x1p-48, 0x1p-33, 0.5, std::nextafter(0.5, 1.0), std::nextafter(0.5, 0.0), 1e-300}) us.push_back(u);
    double worst_n = 0, worst_ln = 0;
    for (double u : us) {
        CAPTURE(u);
        worst_n = std::max(worst_n, std::abs(mn.quantile(u) - boost::math::quantile(normal, u)));
        worst_ln = std::max(worst_ln, std::abs(mln.quantile(u) / boost::math::quantile(lognormal, u) - 1));
    }
    // The octaves' table is within about 6e-9 of a standard score of AS 241 (2e-9 of high - low here).
    CHECK(worst_n < 1e-8 * (n.high - n.low));
    CHECK(worst_ln < 1e-8);
    CHECK(mn.quantile(0.5) == 1.0);  // the median exactly
}

TEST_CASE("risk: the sample model's mean NPV and variance match the closed form", "[risk]") {
    // The sample without correlations, risk events and requires (so that no delay pushes
    // another): each initiative's NPV is then independent of the others, and
    //   NPV_i = d^s (S B PVB - C PVC), with C, B, S (success), s (delay) independent,
    // E[NPV_i] = E[d^s] (p E[B] PVB - E[C] PVC),
    // E[NPV_i^2] = E[d^2s] (p E[B^2] PVB^2 - 2 p E[B] E[C] PVB PVC + E[C^2] PVC^2).
    auto doc = nlohmann::json::parse(sample_portfolio_json());
    doc.erase("correlations");
    doc.erase("risk_events");
    for (auto& in : doc["initiatives"]) in.erase("requires");
    const auto p = model_from_json(doc.dump());
    std::vector<std::string> all = p.initiative_ids();
    RiskOptions o;
    o.samples = 200000;
    o.seed = 3;
    o.selection = all;
    o.sensitivity = false;
    o.keep_use_samples = false;
    const auto r = simulate(p, o);

    const double d = 1 / (1 + std::pow(1 + p.settings().discount_rate, 0.25) - 1);
    double mean = 0, variance = 0;
    for (Index i = 0; i < p.initiative_count(); ++i) {
        const auto in = p.initiative(i);
        double pvc = 0, pvb = 0;
        for (Index t = 0; t < p.horizon().periods; ++t) {
            pvc += (p.capex()(i, t) + p.opex()(i, t)) * std::pow(d, static_cast<double>(t));
            pvb += p.benefits()(i, t) * std::pow(d, static_cast<double>(t));
        }
        const Uncertainty u = in.uncertainty.value_or(Uncertainty{});
        const auto mc = u.cost ? moments_of(*u.cost) : Moments{1, 0};
        const auto mb = u.benefit ? moments_of(*u.benefit) : Moments{1, 0};
        const double ps = u.success_probability;
        // The delay: a triangular rounded to whole periods, P(k) = F(k + 1/2) - F(k - 1/2).
        double ed = 1, ed2 = 1;
        if (u.delay && in.status != Status::running && in.status != Status::completed) {
            const double a = u.delay->low, c = u.delay->mode, b = u.delay->high;
            REQUIRE(u.delay->distribution == Distribution::triangular);
            const auto F = [&](double x) {
                if (x <= a) return 0.0;
                if (x >= b) return 1.0;
                return x <= c ? (x - a) * (x - a) / ((b - a) * (c - a)) : 1 - (b - x) * (b - x) / ((b - a) * (b - c));
            };
            ed = ed2 = 0;
            for (int k = 0; k <= static_cast<int>(b) + 1; ++k) {
                const double pk = F(k + 0.5) - (k == 0 ? 0.0 : F(k - 0.5));
                ed += pk * std::pow(d, k);
                ed2 += pk * std::pow(d, 2 * k);
            }
        }
        const double m1 = ed * (ps * mb.mean * pvb - mc.mean * pvc);
        const double eb2 = mb.variance + mb.mean * mb.mean, ec2 = mc.variance + mc.mean * mc.mean;
        const double m2 = ed2 * (ps * eb2 * pvb * pvb - 2 * ps * mb.mean * mc.mean * pvb * pvc + ec2 * pvc * pvc);
        mean += m1;
        variance += m2 - m1 * m1;
    }
    CAPTURE(mean, r.summary.mean, variance, r.summary.sd * r.summary.sd);
    CHECK(std::abs(r.summary.mean - mean) < 4 * std::sqrt(variance / o.samples));
    CHECK(r.summary.sd * r.summary.sd == Approx(variance).epsilon(0.02));
    CHECK(r.summary.standard_error == Approx(r.summary.sd / std::sqrt(200000.0)));
    // The planned NPV: every multiplier 1, no delay, all succeed.
    double planned = 0;
    for (Index i = 0; i < p.initiative_count(); ++i)
        for (Index t = 0; t < p.horizon().periods; ++t)
            planned += (p.benefits()(i, t) - p.capex()(i, t) - p.opex()(i, t)) * std::pow(d, static_cast<double>(t));
    CHECK(r.planned_npv == Approx(planned).epsilon(1e-12));
    // Percentiles and tail against the samples, counted here.
    Eigen::VectorXd s = r.npv;
    std::sort(s.data(), s.data() + s.size());
    CHECK(r.summary.min == s(0));
    CHECK(r.summary.p50 == Approx(0.5 * (s(99999) + s(100000))));
    CHECK(r.summary.cvar5 == Approx(s.head(10000).mean()));
    CHECK(r.summary.p_negative == Approx(static_cast<double>((r.npv.array() < 0).count()) / 200000.0));
    CHECK(r.summary.p_negative_low <= r.summary.p_negative);
    CHECK(r.summary.p_negative_high >= r.summary.p_negative);
    CHECK(std::accumulate(r.histogram_counts.begin(), r.histogram_counts.end(), 0LL) == 200000);
    // Failure rates near the probabilities.
    for (Index i = 0; i < p.initiative_count(); ++i) {
        const double q = 1 - p.initiative(i).uncertainty.value_or(Uncertainty{}).success_probability;
        CHECK(std::abs(r.failure_rate(i) - q) < 4.5 * std::sqrt(q * (1 - q) / 200000.0) + 1e-12);
    }
}

TEST_CASE("risk: a correlated pair's rank correlation is recovered, and rho = 1 is comonotone", "[risk]") {
    auto q = small_problem({100, 100, 100}, {0, 0, 0});
    q.uncertainty[0].cost = Estimate{Distribution::triangular, 0.8, 1.0, 1.6};
    q.uncertainty[1].cost = Estimate{Distribution::pert, 0.9, 1.0, 1.5};
    q.uncertainty[2].cost = Estimate{Distribution::triangular, 0.8, 1.0, 1.6};
    q.correlations = {{{0, 1}, 0.7, CorrelationOn::cost}};
    RiskOptions o;
    o.samples = 100000;
    o.sensitivity = false;
    const auto r = simulate(q, o);
    // Each budget counts one item's cost: its use is that item's multiplier x 100.
    const Eigen::VectorXd a = r.use_samples.col(0 * 4), b = r.use_samples.col(1 * 4), c = r.use_samples.col(2 * 4);
    // A Gaussian copula with rho has Spearman's rho (6 / pi) asin(rho / 2).
    CHECK(spearman(a, b) == Approx(6 / M_PI * std::asin(0.35)).margin(0.01));
    CHECK(std::abs(spearman(a, c)) < 0.01);

    q.correlations = {{{0, 2}, 1.0, CorrelationOn::both}};
    const auto one = simulate(q, o);
    CHECK(one.use_samples.col(0) == one.use_samples.col(8));  // the same marginal, the same draw: to the bit
    // Correlation on benefit only leaves the costs apart.
    q.correlations = {{{0, 2}, 1.0, CorrelationOn::benefit}};
    const auto apart = simulate(q, o);
    CHECK(std::abs(spearman(apart.use_samples.col(0), apart.use_samples.col(8))) < 0.01);
}

TEST_CASE("risk: a correlation matrix that is not positive semi-definite is refused or repaired", "[risk]") {
    auto q = small_problem({100, 100, 100}, {0, 0, 0});
    for (auto& u : q.uncertainty) u.cost = Estimate{Distribution::triangular, 0.8, 1.0, 1.6};
    q.correlations = {{{0, 1}, 0.9, CorrelationOn::cost}, {{0, 2}, 0.9, CorrelationOn::cost}, {{1, 2}, -0.9, CorrelationOn::cost}};
    RiskOptions o;
    o.samples = 2000;
    CHECK_THROWS_WITH(simulate(q, o), Contains("not positive semi-definite") && Contains("'X0' cost and 'X1' cost (0.9)") &&
                                          Contains("'X1' cost and 'X2' cost (-0.9)") && Contains("repair_correlations"));
    o.repair_correlations = true;
    const auto r = simulate(q, o);
    REQUIRE(r.notes.size() == 1);
    CHECK_THAT(r.notes[0], Contains("nearest correlation matrix"));
}

TEST_CASE("risk: a delay pushes dependants by what it eats of the gap, and finish probabilities", "[risk]") {
    // A (duration 1, start 0) -> B (start 2, a gap of 1 period) -> C (start 3).
    auto q = small_problem({10, 10, 10}, {0, 0, 0}, 12);
    q.starts = {0, 2, 3};
    q.precedences = {{1, 0}, {2, 1}};
    q.uncertainty[0].delay = Estimate{Distribution::uniform, 0, 1, 4};  // rounds to 0..4: 0 and 4 half as likely
    RiskOptions o;
    o.samples = 100000;
    o.sensitivity = false;
    const auto r = simulate(q, o);
    // P(delay of A = k) = 1/8, 1/4, 1/4, 1/4, 1/8 for k = 0..4; B is pushed by max(0, k - 1), C as B.
    const double pk[] = {0.125, 0.25, 0.25, 0.25, 0.125};
    double ea = 0, eb = 0;
    for (int k = 0; k < 5; ++k) {
        ea += k * pk[k];
        eb += std::max(0, k - 1) * pk[k];
    }
    const double tol = 4.5 * std::sqrt(2.0 / o.samples);
    CHECK(std::abs(r.delay_mean(0) - ea) < tol);
    CHECK(std::abs(r.delay_mean(1) - eb) < tol);
    CHECK(r.delay_mean(2) == r.delay_mean(1));
    // P(A finishes by period 2) = P(k <= 1); B (planned finish 3) by 3: P(k <= 1); C by 5: P(k <= 2).
    CHECK(std::abs(r.finish_by(0, 2) - 0.375) < 0.01);
    CHECK(std::abs(r.finish_by(1, 3) - 0.375) < 0.01);
    CHECK(std::abs(r.finish_by(2, 5) - 0.625) < 0.01);
    CHECK(r.finish_by(2, 3) == 0);
    // Started items are neither delayed nor pushed.
    q.started = {false, true, false};
    const auto s = simulate(q, o);
    CHECK(s.delay_mean(1) == 0);
    CHECK(s.delay_mean(2) == 0);
}

TEST_CASE("risk: risk events add cost and delay to the initiatives they hit", "[risk]") {
    auto q = small_problem({100, 50}, {0, 0}, 8);
    q.events = {{"vendor", 0.3, {0, 1}, Estimate{Distribution::uniform, 0.2, 0.3, 0.4}, Estimate{Distribution::uniform, 2, 2, 2}}};
    RiskOptions o;
    o.samples = 100000;
    o.sensitivity = false;
    const auto r = simulate(q, o);
    // Rate 0: E[NPV] = -(150) (1 + 0.3 x 0.3); both hit together, delayed 2 periods.
    const double se = 150 * std::sqrt(0.3 * 0.09 + 0.3 * 0.7 * 0.09) / std::sqrt(o.samples);
    CHECK(std::abs(r.summary.mean + 150 * (1 + 0.09)) < 5 * se);
    CHECK(std::abs(r.delay_mean(0) - 0.6) < 0.01);
    CHECK(r.delay_mean(1) == r.delay_mean(0));
    // A cost of 100 x (1.2 .. 1.4) lands in period 2 when it happens: the budget is over its limit 110 then.
    q.capacity.setConstant(110);
    const auto over = simulate(q, o);
    CHECK(std::abs(over.p_over(0, 2) - 0.3) < 0.01);
    CHECK(over.p_over(0, 0) == 0);
}

TEST_CASE("risk: the tornado moves one input at a time to its 10th and 90th percentile", "[risk]") {
    auto q = small_problem({100, 40}, {150, 60}, 4);
    q.rate = 0.0;
    q.uncertainty[0].cost = Estimate{Distribution::uniform, 0.5, 1.0, 1.5};  // P10 0.6, P50 1.0, P90 1.4
    q.uncertainty[1].benefit = Estimate{Distribution::uniform, 0, 1, 2};     // P10 0.2, P50 1, P90 1.8
    q.uncertainty[1].success_probability = 0.5;
    RiskOptions o;
    o.samples = 5000;
    const auto r = simulate(q, o);
    // Base: item 0 at cost 1.0 (NPV 50), item 1 at benefit 1 and success (NPV 20): 70.
    REQUIRE(r.tornado.size() == 3);
    const auto find = [&](Index item, const std::string& v) {
        return *std::find_if(r.tornado.begin(), r.tornado.end(), [&](const TornadoBar& b) { return b.item == item && b.variable == v; });
    };
    const auto cost = find(0, "cost"), benefit = find(1, "benefit"), success = find(1, "success");
    CHECK(cost.npv_low == Approx(150 - 60 + 20));   // cost at 0.6
    CHECK(cost.npv_high == Approx(150 - 140 + 20)); // cost at 1.4
    CHECK(benefit.npv_low == Approx(50 + 12 - 40));
    CHECK(benefit.npv_high == Approx(50 + 108 - 40));
    CHECK(success.npv_low == Approx(50 - 40));
    CHECK(success.npv_high == Approx(70));
    CHECK(r.tornado[0].swing >= r.tornado[1].swing);
    CHECK(r.tornado[1].swing >= r.tornado[2].swing);
    // Rank correlations: the cost multiplier lowers the NPV, the benefit and success raise it.
    for (const auto& c : r.rank_correlations) {
        if (c.variable == "cost") CHECK(c.rho < -0.3);
        else CHECK(c.rho > 0.3);
    }
}

TEST_CASE("risk: the same samples on 1, 2 and 4 threads and in chunks, to the bit", "[risk]") {
    const auto p = sample_portfolio();
    RiskOptions o;
    o.samples = 5000;
    o.seed = 42;
    o.threads = 1;
    const auto q = risk_problem(p, o);
    const auto one = simulate(q, o);
    for (int t : {2, 4}) {
        o.threads = t;
        const auto r = simulate(q, o);
        CHECK(r.npv == one.npv);
        CHECK(r.use_samples == one.use_samples);
        CHECK(r.summary.mean == one.summary.mean);
        CHECK(r.summary.sd == one.summary.sd);
        CHECK(r.item_npv_mean == one.item_npv_mean);
        CHECK(r.p_over == one.p_over);
        CHECK(r.rank_correlations.size() == one.rank_correlations.size());
        for (std::size_t k = 0; k < r.rank_correlations.size(); ++k) CHECK(r.rank_correlations[k].rho == one.rank_correlations[k].rho);
    }
    // Chunks [0, 2048), [2048, 4096), [4096, 5000) joined: the same as one run.
    std::vector<RiskResult> chunks;
    for (auto [first, n] : {std::pair{0LL, 2048LL}, {2048LL, 2048LL}, {4096LL, 904LL}}) {
        RiskOptions c = o;
        c.first = first;
        c.samples = n;
        chunks.push_back(simulate(q, c));
    }
    CHECK(chunks[1].npv == one.npv.segment(2048, 2048));
    const auto joined = join(q, chunks, o);
    CHECK(joined.samples == 5000);
    CHECK(joined.npv == one.npv);
    CHECK(joined.summary.mean == one.summary.mean);
    CHECK(joined.summary.p5 == one.summary.p5);
    CHECK(joined.item_npv_mean == one.item_npv_mean);
    CHECK(joined.item_npv_sd == one.item_npv_sd);
    CHECK(joined.use_mean == one.use_mean);
    CHECK(joined.use_p95 == one.use_p95);
    CHECK(joined.finish_by == one.finish_by);
    // Chunks that do not fit are refused.
    CHECK_THROWS_WITH(join(q, {chunks[0], chunks[2]}, o), Contains("starts at sample 4096, expected 2048"));
    RiskOptions odd = o;
    odd.samples = 1000;
    CHECK_THROWS_WITH(join(q, {simulate(q, odd), chunks[1]}, o), Contains("not a multiple of 1024"));
    // Another seed, other samples.
    RiskOptions other = o;
    other.seed = 43;
    CHECK(simulate(q, other).npv != one.npv);
}

TEST_CASE("risk: the convergence stop and Latin hypercube strata", "[risk]") {
    const auto p = sample_portfolio();
    RiskOptions o;
    o.samples = 200000;
    o.convergence = 0.01;
    o.check_every = 2048;
    o.sensitivity = false;
    const auto q = risk_problem(p, o);
    const auto r = simulate(q, o);
    CHECK(r.converged);
    CHECK(r.samples < 200000);
    CHECK(r.samples % 2048 == 0);
    CHECK(r.summary.standard_error <= 0.01 * std::abs(r.summary.mean));
    RiskOptions all = o;
    all.convergence = 0;
    all.samples = r.samples;
    const auto full = simulate(q, all);
    CHECK(full.npv == r.npv);
    // One check earlier it had not converged.
    all.samples = r.samples - 2048;
    const auto before = simulate(q, all);
    CHECK(before.summary.standard_error > 0.002 * std::abs(before.summary.mean));

    // Latin hypercube: in each block of 1024 samples one draw per stratum of each variable.
    auto u = small_problem({100}, {0});
    u.uncertainty[0].cost = Estimate{Distribution::uniform, 0, 1, 2};
    RiskOptions l;
    l.samples = 3000;
    l.latin_hypercube = true;
    l.sensitivity = false;
    const auto lhs = simulate(u, l);
    for (Index b = 0; b < 2; ++b) {
        std::vector<int> strata;
        for (Index s = 0; s < 1024; ++s) strata.push_back(static_cast<int>(std::floor(lhs.use_samples(b * 1024 + s, 0) / 200 * 1024)));
        std::sort(strata.begin(), strata.end());
        std::vector<int> expected(1024);
        std::iota(expected.begin(), expected.end(), 0);
        CHECK(strata == expected);
    }
    // The last block (952 samples) is stratified over its own length.
    std::vector<int> last;
    for (Index s = 2048; s < 3000; ++s) last.push_back(static_cast<int>(std::floor(lhs.use_samples(s, 0) / 200 * 952)));
    std::sort(last.begin(), last.end());
    CHECK(last.front() == 0);
    CHECK(last.back() == 951);
    CHECK(std::adjacent_find(last.begin(), last.end()) == last.end());
}

TEST_CASE("risk: bad input is refused naming the item", "[risk]") {
    auto q = small_problem({100, 100}, {0, 0});
    RiskOptions o;
    o.samples = 0;
    CHECK_THROWS_WITH(simulate(q, o), Contains("samples 0, expected at least 1"));
    o.samples = 100;
    q.uncertainty[1].cost = Estimate{Distribution::triangular, 1.2, 1.0, 1.5};
    CHECK_THROWS_WITH(simulate(q, o), Contains("'X1' has a cost estimate") && Contains("low <= mode <= high"));
    q.uncertainty[1].cost = Estimate{Distribution::normal, 0.8, 1.0, 1.5};
    CHECK_THROWS_WITH(simulate(q, o), Contains("a normal is symmetric") && Contains("mode should be 1.15"));
    q.uncertainty[1].cost = Estimate{Distribution::lognormal, 0.8, 1.0, 1.5};
    CHECK_THROWS_WITH(simulate(q, o), Contains("geometric") && Contains("mode should be 1.09545"));
    q.uncertainty[1].cost.reset();
    q.uncertainty[0].success_probability = 1.5;
    CHECK_THROWS_WITH(simulate(q, o), Contains("'X0' has success probability 1.5"));
    q.uncertainty[0].success_probability = 1;
    q.correlations = {{{0, 1}, 1.5, CorrelationOn::cost}};
    CHECK_THROWS_WITH(simulate(q, o), Contains("coefficient 1.5"));
    q.correlations.clear();
    q.events = {{"fire", -0.1, {0}, {}, {}}};
    CHECK_THROWS_WITH(simulate(q, o), Contains("risk event 'fire' has probability -0.1"));
    q.events.clear();
    // Found by fuzzing: a start before the first period wrote before the finish counts (a
    // segmentation fault at -505282561, silent damage at -5).
    q.starts[1] = -5;
    CHECK_THROWS_WITH(simulate(q, o), Contains("'X1' starts in period -5, expected 0 to 1000000"));
    q.starts[1] = 0;
    q.durations[0] = 2'000'000'000;
    CHECK_THROWS_WITH(simulate(q, o), Contains("'X0' has duration 2000000000, expected 0 to 1000000 periods"));
    q.durations[0] = 1;
    q.starts.pop_back();
    CHECK_THROWS_WITH(simulate(q, o), Contains("starts has 1 entries, expected 2"));

    // In a model: the builder and validate() name the initiative and the field.
    auto p = sample_portfolio();
    CHECK_THROWS_WITH(p.add_correlation({{"I-01", "I-99"}, 0.5}), Contains("unknown initiative 'I-99'"));
    CHECK_THROWS_WITH(p.add_correlation({{"I-01", "I-01"}, 0.5}), Contains("names 'I-01' twice"));
    CHECK_THROWS_WITH(p.add_risk_event({.id = "e", .probability = 0.5, .initiatives = {}}), Contains("expected at least 1"));
    p.add_correlation({{"I-01", "I-02"}, -1.5, CorrelationOn::cost});
    p.add_risk_event({.id = "strike", .probability = 2, .initiatives = {"I-03"}, .delay = Estimate{Distribution::uniform, 3, 2, 1}});
    const auto problems = fixtures::messages(validate(p));
    CHECK(fixtures::has_problem(validate(p), "coefficient -1.5"));
    CHECK(fixtures::has_problem(validate(p), "risk event 'strike' has probability 2"));
    CHECK(fixtures::has_problem(validate(p), "risk event 'strike' has a delay impact"));
    RiskOptions m;
    m.samples = 10;
    m.selection = std::vector<std::string>{"I-01", "I-02"};
    CHECK_THROWS_AS(simulate(p, m), ValidationError);
    m.selection = std::vector<std::string>{"I-99"};
    CHECK_THROWS_WITH(simulate(sample_portfolio(), m), Contains("unknown initiative 'I-99'"));
    // A time limit that is not > 0, in simulate()'s words (it was the selection solver's).
    RiskOptions t;
    t.samples = 10;
    for (const double bad : {0.0, -1.0, std::nan("")})
        CHECK_THROWS_WITH(simulate(sample_portfolio(), [&] { auto x = t; x.time_limit = bad; return x; }()),
                          Contains("simulate(): time limit") && Contains("expected > 0"));
}

TEST_CASE("risk: a model's correlations and risk events survive the file", "[risk]") {
    const auto p = sample_portfolio();
    REQUIRE(!p.correlations().empty());
    REQUIRE(!p.risk_events().empty());
    CHECK(model_from_json(model_to_json(p)) == p);
    auto q = p;
    q.add_correlation({{"I-05", "I-06"}, 0.3, CorrelationOn::benefit});
    CHECK(!(q == p));
    CHECK(model_from_json(model_to_json(q)) == q);
}

TEST_CASE("risk: the vectorised draws are the scalar ones, bit for bit", "[risk]") {
    using namespace aligngraph::detail;
    // Philox: every lane, a sample index whose low word wraps inside a batch, odd counts.
    std::vector<std::uint32_t> scratch;
    // 45 = 16 + 16 (AVX-512) + 8 (AVX2) + 4 (SSE2) + 1, on a processor with them all.
    for (const std::size_t count : {std::size_t{37}, std::size_t{45}})
    for (const std::uint64_t first : {std::uint64_t{0}, std::uint64_t{12345}, std::uint64_t{0xFFFFFFFFull - 5}, std::uint64_t{1} << 40}) {
        std::vector<double> u0(count), u1(count), u2(count), u3(count);
        philox_uniforms(99, first, count, 7, RiskStream::item, {u0.data(), u1.data(), u2.data(), u3.data()}, scratch);
        std::vector<std::uint32_t> w0(count), w1(count), w2(count), w3(count);
        philox_batch(99, first, count, 7, RiskStream::item, w0.data(), w1.data(), w2.data(), w3.data());
        for (std::size_t s = 0; s < count; ++s) {
            const auto r = philox_words(99, first + s, 7, RiskStream::item);
            CHECK(w0[s] == r[0]);
            CHECK(w3[s] == r[3]);
            CHECK(u0[s] == open_uniform(r[0]));
            CHECK(u1[s] == open_uniform(r[1]));
            CHECK(u2[s] == open_uniform(r[2]));
            CHECK(u3[s] == open_uniform(r[3]));
        }
    }
    // Random123's own published vector for Philox4x32-10 (kat_vectors: pi digits).
    {
        r123::Philox4x32 rng;
        const r123::Philox4x32::ctr_type c = {{0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344}};
        const r123::Philox4x32::key_type k = {{0xa4093822, 0x299f31d0}};
        const auto r = rng(c, k);
        CHECK(r[0] == 0xd16cfe09u);
        CHECK(r[1] == 0x94fdccebu);
        CHECK(r[2] == 0x5001e420u);
        CHECK(r[3] == 0x24126ea1u);
        std::vector<std::uint32_t> w0(8), w1(8), w2(8), w3(8);
        // The same counter through philox_batch: sample = (c1 << 32) | c0, item c2, stream c3.
        philox_batch(0x299f31d0a4093822ull, 0x85a308d3243f6a88ull, 8, 0x13198a2e, static_cast<RiskStream>(0x03707344), w0.data(), w1.data(),
                     w2.data(), w3.data());
        CHECK(w0[0] == 0xd16cfe09u);
        CHECK(w3[0] == 0x24126ea1u);
    }
    // The normal quantile over arrays, and each marginal's batch quantiles.
    std::vector<double> p(4000), z(4000);
    for (std::size_t s = 0; s < p.size(); ++s) p[s] = open_uniform(philox_words(3, s, 0, RiskStream::item)[0]);
    p[0] = 1e-300;
    p[1] = 0.5;
    p[2] = 0.075;
    p[3] = 0.925;
    normal_quantiles(p.data(), z.data(), p.size());
    for (std::size_t s = 0; s < p.size(); ++s) CHECK(z[s] == normal_quantile(p[s]));
    for (const Distribution d : {Distribution::triangular, Distribution::pert, Distribution::uniform, Distribution::normal,
                                 Distribution::lognormal}) {
        const Marginal m(Estimate{d, 0.8, 1.0, 1.25});
        std::vector<double> out(p.size());
        m.quantiles(p.data(), out.data(), p.size());
        for (std::size_t s = 0; s < p.size(); ++s) CHECK(out[s] == m.quantile(p[s]));
    }
}

// Eight initiatives, one budget over four quarters, B requires A; costs, benefits, success
// and a delay uncertain: robust selection's tests enumerate its 256 selections.
const char* const eight_initiatives = R"({
  "format_version": 1,
  "horizon": {"periods": 4, "period_years": 0.25, "first": "2027Q1"},
  "settings": {"discount_rate": 0.08, "currency": "EUR"},
  "goals": [{"id": "G", "name": "Goal"}],
  "budgets": [{"id": "all", "limits": [260, 260, 200, 200]}],
  "initiatives": [
    {"id": "A", "name": "A", "department": "IT", "duration": 2, "costs": {"capex": [100, 60]}, "benefits": [0, 0, 120, 120], "contributes": {"G": "weak"},
     "uncertainty": {"cost": {"distribution": "pert", "low": 0.8, "mode": 1.0, "high": 1.6}, "success_probability": 0.9}},
    {"id": "B", "name": "B", "department": "IT", "start": 1, "duration": 2, "costs": {"capex": [0, 80, 40]}, "benefits": [0, 0, 0, 200], "requires": ["A"],
     "contributes": {"G": "weak"},
     "uncertainty": {"benefit": {"distribution": "triangular", "low": 0.3, "mode": 1.0, "high": 1.4}}},
    {"id": "C", "name": "C", "department": "IT", "duration": 1, "costs": {"capex": [120]}, "benefits": [0, 60, 60, 60], "contributes": {"G": "weak"},
     "uncertainty": {"cost": {"distribution": "uniform", "low": 0.9, "mode": 1.0, "high": 1.5},
                     "delay": {"distribution": "triangular", "low": 0, "mode": 0, "high": 2}}},
    {"id": "D", "name": "D", "department": "IT", "duration": 2, "costs": {"capex": [70, 70]}, "benefits": [0, 0, 100, 110], "contributes": {"G": "weak"},
     "uncertainty": {"benefit": {"distribution": "normal", "low": 0.7, "mode": 1.0, "high": 1.3}, "success_probability": 0.8}},
    {"id": "E", "name": "E", "department": "IT", "start": 2, "duration": 1, "costs": {"capex": [0, 0, 90]}, "benefits": [0, 0, 0, 130], "contributes": {"G": "weak"},
     "uncertainty": {"cost": {"distribution": "lognormal", "low": 0.8, "mode": 1.0, "high": 1.25}}},
    {"id": "F", "name": "F", "department": "IT", "duration": 1, "costs": {"capex": [50]}, "benefits": [0, 20, 20, 20], "contributes": {"G": "weak"}},
    {"id": "G1", "name": "G1", "department": "IT", "duration": 3, "costs": {"capex": [60, 60, 60]}, "benefits": [0, 0, 0, 260], "contributes": {"G": "weak"},
     "uncertainty": {"benefit": {"distribution": "pert", "low": 0.2, "mode": 1.0, "high": 1.2}, "success_probability": 0.85}},
    {"id": "H", "name": "H", "department": "IT", "start": 1, "duration": 1, "costs": {"capex": [0, 40]}, "benefits": [0, 0, 30, 30], "contributes": {"G": "weak"},
     "uncertainty": {"cost": {"distribution": "triangular", "low": 0.9, "mode": 1.0, "high": 2.5}}}
  ]
})";

TEST_CASE("risk: selection frequency against enumeration of every scenario's optimum", "[risk]") {
    // Each scenario's optimum found here by trying all 256 selections.
    const auto p = model_from_json(eight_initiatives);
    const Index n = p.initiative_count();
    RobustOptions o;
    o.scenarios = 60;
    o.seed = 11;
    const auto f = selection_frequency(p, o);
    REQUIRE(f.scenarios == 60);
    CHECK(f.proven == 60);
    // The same scenarios, by the engine (tested against closed forms above).
    std::vector<Index> all(static_cast<std::size_t>(n));
    std::iota(all.begin(), all.end(), Index{0});
    RiskOptions ro;
    ro.samples = 60;
    ro.seed = 11;
    ro.keep_item_samples = true;
    ro.sensitivity = false;
    const auto mc = simulate(risk_problem(p, all), ro);
    const std::vector<std::vector<double>> planned = {{100, 60, 0, 0},  {0, 80, 40, 0}, {120, 0, 0, 0}, {70, 70, 0, 0},
                                                      {0, 0, 90, 0},    {50, 0, 0, 0},  {60, 60, 60, 0}, {0, 40, 0, 0}};
    const std::vector<int> start = {0, 1, 0, 0, 2, 0, 0, 1};
    const double limits[4] = {260, 260, 200, 200};
    Eigen::VectorXd frequency = Eigen::VectorXd::Zero(n);
    Eigen::MatrixXd mean_cost = Eigen::MatrixXd::Zero(n, 4);  // per initiative and quarter, over the scenarios
    for (Index k = 0; k < 60; ++k)
        for (Index i = 0; i < n; ++i)
            for (int t = 0; t < 4; ++t) {
                const int to = t >= start[static_cast<std::size_t>(i)] ? t + mc.item_shift_samples(k, i) : t;
                if (to < 4) mean_cost(i, to) += mc.item_cost_samples(k, i) * planned[static_cast<std::size_t>(i)][static_cast<std::size_t>(t)] / 60;
            }
    {
        double best = -1e300;
        unsigned best_set = 0;
        for (unsigned set = 0; set < (1u << n); ++set) {
            if ((set & 2u) && !(set & 1u)) continue;
            double value = 0;
            bool fits = true;
            for (int t = 0; t < 4; ++t) {
                double use = 0;
                for (Index i = 0; i < n; ++i) use += (set & (1u << i)) ? mean_cost(i, t) : 0.0;
                fits = fits && use <= limits[t] + 1e-9;
            }
            for (Index i = 0; i < n; ++i) value += (set & (1u << i)) ? mc.item_npv_samples.col(i).mean() : 0.0;
            if (fits && value > best + 1e-9) {
                best = value;
                best_set = set;
            }
        }
        std::vector<Index> expected;
        for (Index i = 0; i < n; ++i)
            if (best_set & (1u << i)) expected.push_back(i);
        CHECK(f.expected_selection == expected);
        CHECK(f.expected_value == Approx(best).epsilon(1e-9));
        CHECK(f.expected_proven);
    }
    for (Index k = 0; k < 60; ++k) {
        double best = -1e300;
        unsigned best_set = 0;
        for (unsigned set = 0; set < (1u << n); ++set) {
            if ((set & 2u) && !(set & 1u)) continue;  // B requires A
            double use[4] = {0, 0, 0, 0}, value = 0;
            for (Index i = 0; i < n; ++i) {
                if (!(set & (1u << i))) continue;
                value += mc.item_npv_samples(k, i);
                for (int t = 0; t < 4; ++t) {
                    const int to = t >= start[static_cast<std::size_t>(i)] ? t + mc.item_shift_samples(k, i) : t;
                    if (to < 4) use[to] += mc.item_cost_samples(k, i) * planned[static_cast<std::size_t>(i)][static_cast<std::size_t>(t)];
                }
            }
            bool fits = true;
            for (int t = 0; t < 4; ++t) fits = fits && use[t] <= limits[t] + 1e-9;
            if (fits && value > best + 1e-9) {
                best = value;
                best_set = set;
            }
        }
        CHECK(f.optimum(k) == Approx(best).epsilon(1e-9));
        for (Index i = 0; i < n; ++i) {
            CHECK(static_cast<bool>(f.selected(k, i)) == static_cast<bool>(best_set & (1u << i)));
            frequency(i) += (best_set & (1u << i)) ? 1.0 / 60 : 0.0;
        }
    }
    for (Index i = 0; i < n; ++i) CHECK(f.frequency(i) == Approx(frequency(i)).margin(1e-12));
    // Some initiative is neither always nor never in: the scenarios matter.
    CHECK(((f.frequency.array() > 0) && (f.frequency.array() < 1)).any());
    // An initiative without uncertainty: its mean NPV is the planned one (the two engines agree).
    CHECK(f.mean_npv(5) == Approx(f.planned_npv(5)).epsilon(1e-9));
    // Errors.
    RobustOptions none;
    none.scenarios = 0;
    CHECK_THROWS_WITH(selection_frequency(p, none), Contains("0 scenarios"));
    RobustOptions instant;
    instant.solve_time_limit = 0;
    CHECK_THROWS_WITH(selection_frequency(p, instant), Contains("solve time limit 0 s, expected > 0"));
}

TEST_CASE("risk: selection frequency in chunks joins into the single run, to the bit", "[risk]") {
    const auto p = model_from_json(eight_initiatives);
    constexpr long long B = SelectionFrequency::block_size;
    RobustOptions o;
    o.scenarios = 3 * B + 17;
    o.seed = 4;
    o.first = 40;  // the first block is scenarios 40..63
    const auto whole = selection_frequency(p, o);
    REQUIRE(whole.scenarios == o.scenarios);
    REQUIRE(whole.npv_block_sums.rows() == 4);  // 40..63, 64..127, 128..191, 192..248
    // Chunks ending on block boundaries: 40..63 | 64..191 | 192..248.
    std::vector<SelectionFrequency> parts;
    for (const auto& [first, count] : std::vector<std::pair<long long, long long>>{{40, 24}, {64, 2 * B}, {192, o.scenarios - 24 - 2 * B}}) {
        RobustOptions c = o;
        c.first = first;
        c.scenarios = count;
        parts.push_back(selection_frequency(p, c));
    }
    const auto joined = join_selection_frequency(p, parts, o);
    CHECK(joined.first == 40);
    CHECK(joined.scenarios == whole.scenarios);
    CHECK(joined.proven == whole.proven);
    CHECK(joined.selected == whole.selected);
    CHECK((joined.optimum.array() == whole.optimum.array()).all());
    CHECK((joined.npv_block_sums.array() == whole.npv_block_sums.array()).all());
    CHECK((joined.cost_block_sums.array() == whole.cost_block_sums.array()).all());
    CHECK((joined.mean_npv.array() == whole.mean_npv.array()).all());
    CHECK((joined.frequency.array() == whole.frequency.array()).all());
    CHECK(joined.expected_selection == whole.expected_selection);
    CHECK(joined.expected_value == whole.expected_value);
    CHECK(joined.planned_selection == whole.planned_selection);
    // Block sums, independently: each block's summed NPV is the engine's item NPVs over it.
    std::vector<Index> all(static_cast<std::size_t>(p.initiative_count()));
    std::iota(all.begin(), all.end(), Index{0});
    RiskOptions ro;
    ro.samples = o.scenarios;
    ro.seed = 4;
    ro.first = 40;
    ro.keep_item_samples = true;
    ro.sensitivity = false;
    const auto mc = simulate(risk_problem(p, all), ro);
    CHECK(whole.npv_block_sums.row(1).sum() == Approx(mc.item_npv_samples.middleRows(24, B).sum()).epsilon(1e-12));
    CHECK(whole.mean_npv(0) == Approx(mc.item_npv_samples.col(0).mean()).epsilon(1e-12));

    // Parts that do not fit are refused, naming the part.
    auto gap = parts;
    gap.erase(gap.begin() + 1);
    CHECK_THROWS_WITH(join_selection_frequency(p, gap, o), Contains("part 1 starts at scenario 192, expected 64"));
    RobustOptions mid = o;
    mid.first = 40;
    mid.scenarios = 30;  // ends at 70, inside a block
    RobustOptions rest = o;
    rest.first = 70;
    rest.scenarios = 20;
    CHECK_THROWS_WITH(join_selection_frequency(p, {selection_frequency(p, mid), selection_frequency(p, rest)}, o),
                      Contains("part 0 ends at scenario 70, inside a block"));
    auto seeded = parts;
    RobustOptions other = o;
    other.seed = 5;
    other.first = 64;
    other.scenarios = 2 * B;
    seeded[1] = selection_frequency(p, other);
    CHECK_THROWS_WITH(join_selection_frequency(p, seeded, o), Contains("part 1 has seed 5"));
    CHECK_THROWS_WITH(join_selection_frequency(p, {}, o), Contains("no parts"));
}

TEST_CASE("risk: chance-constrained budgets against enumeration of every selection", "[risk]") {
    // The eight initiatives' 256 selections tried here over the engine's scenarios (tested
    // against closed forms above): the best mean NPV whose spend is over a quarter's limit in
    // at most floor(alpha x S) scenarios (each quarter on its own, or any quarter, joint).
    const auto p = model_from_json(eight_initiatives);
    const Index n = p.initiative_count();
    const long long S = 200, F = 300;
    std::vector<Index> all(static_cast<std::size_t>(n));
    std::iota(all.begin(), all.end(), Index{0});
    RiskOptions ro;
    ro.samples = S + F;
    ro.seed = 5;
    ro.keep_item_samples = true;
    ro.sensitivity = false;
    const auto mc = simulate(risk_problem(p, all), ro);
    const std::vector<std::vector<double>> planned = {{100, 60, 0, 0},  {0, 80, 40, 0}, {120, 0, 0, 0}, {70, 70, 0, 0},
                                                      {0, 0, 90, 0},    {50, 0, 0, 0},  {60, 60, 60, 0}, {0, 40, 0, 0}};
    const std::vector<int> start = {0, 1, 0, 0, 2, 0, 0, 1};
    const double limits[4] = {260, 260, 200, 200};
    // Which quarters a selection is over in sample k (bit t), and its NPV there.
    const auto over = [&](unsigned set, Index k) {
        double use[4] = {0, 0, 0, 0};
        for (Index i = 0; i < n; ++i) {
            if (!(set & (1u << i))) continue;
            for (int t = 0; t < 4; ++t) {
                const int to = t >= start[static_cast<std::size_t>(i)] ? t + mc.item_shift_samples(k, i) : t;
                if (to < 4) use[to] += mc.item_cost_samples(k, i) * planned[static_cast<std::size_t>(i)][static_cast<std::size_t>(t)];
            }
        }
        unsigned bits = 0;
        for (int t = 0; t < 4; ++t)
            if (use[t] > limits[t] + 1e-9 * limits[t]) bits |= 1u << t;
        return bits;
    };
    const auto npv = [&](unsigned set, Index from, Index to) {
        double v = 0;
        for (Index k = from; k < to; ++k)
            for (Index i = 0; i < n; ++i) v += (set & (1u << i)) ? mc.item_npv_samples(k, i) : 0.0;
        return v / static_cast<double>(to - from);
    };
    const auto set_of = [](const std::vector<Index>& selection) {
        unsigned set = 0;
        for (Index i : selection) set |= 1u << i;
        return set;
    };
    bool differs_from_plan = false;
    for (const bool joint : {false, true})
        for (const double alpha : {0.0, 0.05, 0.2}) {
            CAPTURE(joint, alpha);
            const long long allowed = static_cast<long long>(std::floor(alpha * S + 1e-9));
            double best = -1e300;
            unsigned best_set = 0;
            for (unsigned set = 0; set < (1u << n); ++set) {
                if ((set & 2u) && !(set & 1u)) continue;  // B requires A
                long long count[4] = {0, 0, 0, 0}, any = 0;
                for (Index k = 0; k < S; ++k) {
                    const unsigned bits = over(set, k);
                    for (int t = 0; t < 4; ++t) count[t] += (bits >> t) & 1u;
                    any += bits != 0;
                }
                const bool fits = joint ? any <= allowed : std::ranges::all_of(count, [&](long long c) { return c <= allowed; });
                const double value = npv(set, 0, S);
                if (fits && value > best + 1e-9) {
                    best = value;
                    best_set = set;
                }
            }
            ChanceOptions o;
            o.alpha = alpha;
            o.joint = joint;
            o.scenarios = S;
            o.fresh = F;
            o.seed = 5;
            const auto c = chance_constrained(p, o);
            CHECK(c.proven);
            CHECK(c.allowed == allowed);
            CHECK(set_of(c.selected) == best_set);
            CHECK(c.expected_value == Approx(best).epsilon(1e-9));
            CHECK(c.bound == Approx(best).epsilon(1e-9));
            // On the fresh samples after the scenarios: its share over each quarter, and the plan's.
            const unsigned plan = set_of(optimize(p).selected);
            CHECK(set_of(c.planned_selection) == plan);
            differs_from_plan = differs_from_plan || best_set != plan;
            double fresh[4] = {0, 0, 0, 0}, plan_fresh[4] = {0, 0, 0, 0}, any = 0;
            for (Index k = S; k < S + F; ++k) {
                const unsigned bits = over(best_set, k), plan_bits = over(plan, k);
                for (int t = 0; t < 4; ++t) {
                    fresh[t] += ((bits >> t) & 1u) / static_cast<double>(F);
                    plan_fresh[t] += ((plan_bits >> t) & 1u) / static_cast<double>(F);
                }
                any += (bits != 0) / static_cast<double>(F);
            }
            REQUIRE(c.fresh_over.size() == 4);
            for (int t = 0; t < 4; ++t) {
                CHECK(c.fresh_over(t) == Approx(fresh[t]).margin(1e-12));
                CHECK(c.planned_fresh_over(t) == Approx(plan_fresh[t]).margin(1e-12));
                CHECK(c.fresh_over_low(t) <= c.fresh_over(t));
                CHECK(c.fresh_over_high(t) >= c.fresh_over(t));
                CHECK(c.sample_over(t) <= (joint ? 1.0 : alpha + 1e-12));
            }
            CHECK(c.fresh_any_over == Approx(any).margin(1e-12));
            double plan_sample[4] = {0, 0, 0, 0};
            for (Index k = 0; k < S; ++k)
                for (int t = 0; t < 4; ++t) plan_sample[t] += ((over(plan, k) >> t) & 1u) / static_cast<double>(S);
            for (int t = 0; t < 4; ++t) CHECK(c.planned_sample_over(t) == Approx(plan_sample[t]).margin(1e-12));
            CHECK(c.fresh_value == Approx(npv(best_set, S, S + F)).epsilon(1e-9));
            CHECK(c.planned_fresh_value == Approx(npv(plan, S, S + F)).epsilon(1e-9));
            if (joint) CHECK(c.sample_any_over <= alpha + 1e-12);
        }
    // The chance constraints matter here: some answer is not the plan's optimum.
    CHECK(differs_from_plan);
}

TEST_CASE("risk: chance-constrained budgets refuse what they cannot do", "[risk]") {
    const auto p = model_from_json(eight_initiatives);
    ChanceOptions o;
    o.scenarios = 50;
    o.fresh = 0;
    o.alpha = 1;
    CHECK_THROWS_AS(chance_constrained(p, o), ValidationError);
    CHECK_THROWS_WITH(chance_constrained(p, o), Contains("alpha 1, expected 0 <= alpha < 1"));
    o.alpha = 0.1;
    o.scenarios = 0;
    CHECK_THROWS_WITH(chance_constrained(p, o), Contains("0 scenarios"));
    o.scenarios = 50;
    o.fresh = -1;
    CHECK_THROWS_WITH(chance_constrained(p, o), Contains("-1 fresh samples"));
    // H's cost reaches 2.5 x 40 = 100 in the second quarter; forced in with everything
    // that starts early, the second quarter (limit 260) breaks in most scenarios.
    auto json = nlohmann::json::parse(eight_initiatives);
    for (auto& i : json["initiatives"])
        if (std::string id = i["id"]; id == "A" || id == "B" || id == "D" || id == "G1" || id == "H") i["mandatory"] = true;
    const auto forced = model_from_json(json.dump());
    o.fresh = 0;
    o.alpha = 0;
    const auto c = [&] { return chance_constrained(forced, o); };
    CHECK_THROWS_AS(c(), InfeasibleError);
    CHECK_THROWS_WITH(c(), Contains("the forced initiatives (A, B, D, G1, H) alone break budget 'all 2027Q2'"));
    // Without fresh samples: no fresh figures.
    o.alpha = 0.1;
    const auto plain = chance_constrained(p, o);
    CHECK(plain.fresh_over.size() == 0);
    CHECK(std::isnan(plain.fresh_value));
}

TEST_CASE("progress: the simulation, the frontier and the search report how far they have got", "[risk][progress]") {
    const auto p = sample_portfolio();
    std::vector<Progress> seen;
    std::vector<std::string> tasks;
    Cancellation c;
    c.progress_seconds = 0;  // every report
    c.progress = [&](const Progress& g) {
        seen.push_back(g);
        tasks.emplace_back(g.task);
    };
    RiskOptions o;
    o.samples = 3 * RiskResult::block_size + 5;
    o.threads = 1;
    o.cancel = c;
    const auto r = simulate(p, o);
    REQUIRE_FALSE(seen.empty());
    CHECK(tasks.front() == "optimize");  // the portfolio is chosen first
    std::vector<Progress> drawn;
    for (std::size_t k = 0; k < seen.size(); ++k)
        if (tasks[k] == "simulate") drawn.push_back(seen[k]);
    REQUIRE_FALSE(drawn.empty());
    for (std::size_t k = 0; k < drawn.size(); ++k) {
        CHECK(drawn[k].total == o.samples);
        if (k) CHECK(drawn[k].done >= drawn[k - 1].done);
    }
    CHECK(drawn.back().done == r.samples);  // the last report: all of it
    seen.clear();
    tasks.clear();
    OptimizeOptions oo;
    oo.cancel = c;
    const auto f = frontier(p, {0.5, 1.0, 1.5}, oo);
    REQUIRE(seen.size() == 4);  // before the first level and after each
    for (long long k = 0; k < 4; ++k) {
        CHECK(tasks[static_cast<std::size_t>(k)] == "frontier");
        CHECK(seen[static_cast<std::size_t>(k)].done == k);
        CHECK(seen[static_cast<std::size_t>(k)].total == 3);
    }
    seen.clear();
    tasks.clear();
    const auto best = optimize(p, oo);
    CHECK(best.proven);
    REQUIRE_FALSE(seen.empty());
    CHECK(tasks.front() == "optimize");
    CHECK(seen.back().total == -1);
    CHECK(seen.back().done <= best.nodes);
}
