#pragma once
// Small models shared by the tests.

#include <aligngraph/aligngraph.hpp>
#include <aligngraph/io/sample_portfolio.hpp>

#include <string>
#include <vector>

namespace fixtures {

/// Problem messages, for matching.
inline std::vector<std::string> messages(const std::vector<aligngraph::Problem>& problems) {
    std::vector<std::string> out;
    for (const auto& p : problems) out.push_back(p.pointer + ": " + p.message);
    return out;
}

/// True when some problem's "pointer: message" contains `text`.
inline bool has_problem(const std::vector<aligngraph::Problem>& problems, const std::string& text) {
    for (const auto& m : messages(problems))
        if (m.find(text) != std::string::npos) return true;
    return false;
}

/// A 4-period model with three goals and three initiatives, valid.
///   goals: G1 (root) -> G2, G3
///   initiatives: A; B requires A; C
inline aligngraph::Portfolio small_model() {
    using namespace aligngraph;
    Portfolio p{Horizon{4, 0.25, "2027Q1"}};
    p.add_goal({.id = "G1", .name = "Grow", .level = "enterprise"});
    p.add_goal({.id = "G2", .name = "Digital", .level = "business"});
    p.add_goal({.id = "G3", .name = "Comply", .level = "business"});
    p.link_goals("G1", "G2", 3);
    p.link_goals("G1", "G3", 1);
    p.add_team({.id = "dev", .name = "Developers", .capacity = {5, 5, 5, 5}});
    p.add_initiative({.id = "A", .name = "Platform", .department = "IT", .duration = 2, .capex = {100, 100}});
    p.add_initiative({.id = "B", .name = "App", .department = "Retail", .start = 2, .duration = 2,
                      .capex = {0, 0, 50, 50}, .benefits = {0, 0, 0, 400}});
    p.add_initiative({.id = "C", .name = "Reports", .department = "IT", .duration = 1, .opex = {30}});
    p.add_requires("B", "A");
    p.add_contribution("A", "G2", aligngraph::Strength::weak);
    p.add_contribution("B", "G2", 1.0);
    p.add_contribution("C", "G3", aligngraph::Strength::medium);
    p.add_budget({.id = "total", .limits = {150, 150, 150, 150}});
    return p;
}

/// Links of a goal DAG with a shared sub-goal (goals R1, R2, A, B, C, S, T must exist):
///   R1 -> A (2), R1 -> B (2); R2 -> B (1), R2 -> C (3); A -> S (1); B -> S (1), B -> T (1).
/// With root weights R1 = 3, R2 = 1 the global weights are, by hand: R1 0.75, R2 0.25,
/// A 0.375, B 0.4375, C 0.1875, S 0.59375, T 0.21875.
inline void link_shared_subgoal_dag(aligngraph::Portfolio& p) {
    p.link_goals("R1", "A", 2);
    p.link_goals("R1", "B", 2);
    p.link_goals("R2", "B", 1);
    p.link_goals("R2", "C", 3);
    p.link_goals("A", "S", 1);
    p.link_goals("B", "S", 1);
    p.link_goals("B", "T", 1);
}

}  // namespace fixtures
