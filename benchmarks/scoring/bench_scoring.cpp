// C++ side of benchmarks/scoring/bench_scoring.py: the scoring pipeline on a generated
// model, each stage timed. Prints one JSON object.
//
//   bench_scoring N GOALS CONTRIBUTIONS_PER_INITIATIVE EDGES SEED

#include <aligngraph/aligngraph.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>

namespace {

double since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 6) {
        std::fprintf(stderr, "usage: bench_scoring N GOALS CONTRIBUTIONS EDGES SEED\n");
        return 2;
    }
    const long n = std::atol(argv[1]), goals = std::atol(argv[2]), per = std::atol(argv[3]), edges = std::atol(argv[4]);
    std::mt19937_64 rng(std::strtoull(argv[5], nullptr, 10));
    using aligngraph::Index;
    auto t0 = std::chrono::steady_clock::now();
    aligngraph::Portfolio p{aligngraph::Horizon{4, 0.25, "2027Q1"}};
    for (long g = 0; g < goals; ++g) p.add_goal({.id = "G" + std::to_string(g), .weight = 1.0 + static_cast<double>(g % 7)});
    std::vector<std::string> ids(static_cast<std::size_t>(n)), departments(static_cast<std::size_t>(n), "IT");
    for (long i = 0; i < n; ++i) ids[static_cast<std::size_t>(i)] = "I" + std::to_string(i);
    p.add_initiatives(ids, departments);
    std::vector<Index> ci, cg;
    std::vector<double> cs;
    std::uniform_int_distribution<long> goal(0, goals - 1);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (long i = 0; i < n; ++i)
        for (long k = 0; k < per; ++k) {
            ci.push_back(i);
            cg.push_back((goal(rng) / per) * per + k);  // distinct goals per initiative
            cs.push_back(unit(rng));
        }
    p.add_contributions(ci, cg, cs);
    std::vector<Index> dep, pre;
    for (long e = 0; e < edges; ++e) {
        const long i = 1 + static_cast<long>(unit(rng) * static_cast<double>(n - 1));
        dep.push_back(i);
        pre.push_back(static_cast<long>(unit(rng) * static_cast<double>(i)));  // prerequisite earlier: acyclic
    }
    p.add_requirements(dep, pre);
    std::vector<double> bv(static_cast<std::size_t>(n));
    for (auto& x : bv) x = unit(rng) * 10;
    p.set_criterion("business_value", bv);
    const double build_s = since(t0);

    t0 = std::chrono::steady_clock::now();
    p.check();
    const double validate_s = since(t0);
    t0 = std::chrono::steady_clock::now();
    const auto w = aligngraph::goal_weights(p);
    const double weights_s = since(t0);
    t0 = std::chrono::steady_clock::now();
    const auto order = aligngraph::topological_order(p);
    const double topo_s = since(t0);
    t0 = std::chrono::steady_clock::now();
    (void)p.contribution_matrix();  // built once per model change
    const double matrix_s = since(t0);
    t0 = std::chrono::steady_clock::now();
    const Eigen::VectorXd direct = p.contribution_matrix() * w;
    const double direct_s = since(t0);
    t0 = std::chrono::steady_clock::now();
    const auto al = aligngraph::alignment(p);
    const double alignment_s = since(t0);
    t0 = std::chrono::steady_clock::now();
    const auto composite = aligngraph::composite_score(p, {0.7, 0.0, 0.3}, {{"business_value", 1.0}});
    const double composite_s = since(t0);
    t0 = std::chrono::steady_clock::now();
    const auto ranked = composite.order();  // the table carries its rank (computed in the composite stage)
    const double rank_s = since(t0);
    std::printf("{\"build\": %.6f, \"validate\": %.6f, \"goal_weights\": %.6f, \"topological_order\": %.6f, "
                "\"contribution_matrix\": %.6f, \"direct_alignment\": %.6f, \"alignment\": %.6f, \"composite\": %.6f, \"rank\": %.6f, \"first\": \"%s\", \"order0\": %ld, "
                "\"weights_sum\": %.12f, \"alignment_sum\": %.12g}\n",
                build_s, validate_s, weights_s, topo_s, matrix_s, direct_s, alignment_s, composite_s, rank_s,
                p.initiative_ids()[static_cast<std::size_t>(ranked[0])].c_str(), static_cast<long>(order[0]), w.sum(),
                al.total.sum());
    return 0;
}
