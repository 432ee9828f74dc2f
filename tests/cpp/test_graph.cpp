// Graph queries: orders, cycles, closures, cancellation impact, global goal weights.

#include <catch2/catch.hpp>

#include <algorithm>

#include "fixtures.hpp"

using namespace aligngraph;

namespace {

std::size_t position(const std::vector<Index>& order, Index i) {
    return static_cast<std::size_t>(std::find(order.begin(), order.end(), i) - order.begin());
}

Portfolio diamond() {
    // D requires B and C; B and C require A; E stands alone.
    Portfolio p{Horizon{4, 0.25, "2027Q1"}};
    for (const char* id : {"D", "B", "C", "A", "E"}) p.add_initiative({.id = id, .department = "IT", .duration = 1});
    p.add_requires("D", "B");
    p.add_requires("D", "C");
    p.add_requires("B", "A");
    p.add_requires("C", "A");
    return p;
}

}  // namespace

TEST_CASE("topological order puts prerequisites first", "[graph]") {
    auto p = diamond();
    auto order = topological_order(p);
    REQUIRE(order.size() == 5);
    const Index D = 0, B = 1, C = 2, A = 3;
    CHECK(position(order, A) < position(order, B));
    CHECK(position(order, A) < position(order, C));
    CHECK(position(order, B) < position(order, D));
    CHECK(position(order, C) < position(order, D));
    // Deterministic.
    CHECK(order == topological_order(diamond()));
}

TEST_CASE("transitive prerequisites and dependants", "[graph]") {
    auto p = diamond();
    CHECK(prerequisites(p, 0) == std::vector<Index>{1, 2, 3});  // D needs B, C, A
    CHECK(prerequisites(p, 3).empty());
    CHECK(dependants(p, 3) == std::vector<Index>{0, 1, 2});     // A is needed by D, B, C
    CHECK(dependants(p, 1) == std::vector<Index>{0});
    CHECK(dependants(p, 4).empty());
    REQUIRE_THROWS_WITH(dependants(p, 9), Catch::Contains("initiative index 9 out of range"));
}

TEST_CASE("cancelling an initiative strands its dependants and their goals", "[graph]") {
    auto p = fixtures::small_model();  // B requires A; A -> G2 (weak), B -> G2 (1), C -> G3 (medium)
    auto impact = cancellation_impact(p, *p.find_initiative("A"));
    CHECK(impact.stranded == std::vector<Index>{1});
    REQUIRE(impact.goals.size() == 1);
    CHECK(impact.goals[0].goal == 1);
    CHECK(impact.goals[0].lost_strength == Approx(1.0 / 9 + 1.0));
    CHECK(impact.goals[0].remaining_strength == 0);
    CHECK(impact.goals[0].unserved);

    p.add_initiative({.id = "F", .duration = 1});
    p.add_contribution("F", "G2", 0.5);
    impact = cancellation_impact(p, *p.find_initiative("B"));
    CHECK(impact.stranded.empty());
    REQUIRE(impact.goals.size() == 1);
    CHECK(impact.goals[0].lost_strength == 1.0);
    CHECK(impact.goals[0].remaining_strength == Approx(1.0 / 9 + 0.5));
    CHECK_FALSE(impact.goals[0].unserved);
}

TEST_CASE("a requires cycle names the whole path", "[graph][validation]") {
    Portfolio p{Horizon{4, 0.25, "2027Q1"}};
    for (const char* id : {"I-1", "I-3", "I-9"}) p.add_initiative({.id = id, .duration = 1});
    p.add_requires("I-3", "I-9");
    p.add_requires("I-9", "I-3");
    auto cycle = find_requires_cycle(p);
    REQUIRE(cycle);
    CHECK(*cycle == std::vector<std::string>{"I-3", "I-9", "I-3"});
    REQUIRE_THROWS_AS(topological_order(p), CycleError);
    REQUIRE_THROWS_WITH(topological_order(p), Catch::Contains("requires cycle: I-3 -> I-9 -> I-3"));

    SECTION("an initiative requiring itself") {
        Portfolio q{Horizon{4, 0.25, "2027Q1"}};
        q.add_initiative({.id = "S", .duration = 1});
        q.add_requires("S", "S");
        CHECK(*find_requires_cycle(q) == std::vector<std::string>{"S", "S"});
    }
}

TEST_CASE("a goal cycle names the whole path in parent -> child direction", "[graph][validation]") {
    Portfolio p{Horizon{4, 0.25, "2027Q1"}};
    for (const char* id : {"G1", "G3", "G5", "G7"}) p.add_goal({.id = id});
    p.link_goals("G1", "G3", 1);
    p.link_goals("G3", "G5", 1);
    p.link_goals("G5", "G7", 1);
    p.link_goals("G7", "G3", 1);
    auto cycle = find_goal_cycle(p);
    REQUIRE(cycle);
    REQUIRE(cycle->size() == 4);
    CHECK(cycle->front() == cycle->back());
    auto linked = [&](const std::string& parent, const std::string& child) {
        for (const auto& l : p.goal_links())
            if (p.goal(l.parent).id == parent && p.goal(l.child).id == child) return true;
        return false;
    };
    for (std::size_t k = 0; k + 1 < cycle->size(); ++k) CHECK(linked((*cycle)[k], (*cycle)[k + 1]));
    try {
        p.check();
        FAIL("check() accepted a goal cycle");
    } catch (const CycleError& e) {
        CHECK(e.cycle() == *cycle);
        CHECK_THAT(e.what(), Catch::Contains("goal cycle: "));
    }
    REQUIRE_THROWS_AS(goal_weights(p), CycleError);
}

TEST_CASE("global goal weights over a DAG with a shared sub-goal", "[graph]") {
    // Roots R1 (3) and R2 (1): 0.75 and 0.25.
    // R1 -> A (2), R1 -> B (2): A = 0.375, B gets 0.375.
    // R2 -> B (1), R2 -> C (3): B gets 0.0625 more (0.4375), C = 0.1875.
    // A -> S (1): S gets 0.375.  B -> S (1), B -> T (1): S gets 0.21875 more (0.59375), T = 0.21875.
    Portfolio p{Horizon{4, 0.25, "2027Q1"}};
    p.add_goal({.id = "S"});  // children before parents: order in the model does not matter
    p.add_goal({.id = "T"});
    p.add_goal({.id = "R1", .weight = 3.0});
    p.add_goal({.id = "R2", .weight = 1.0});
    p.add_goal({.id = "A"});
    p.add_goal({.id = "B"});
    p.add_goal({.id = "C"});
    fixtures::link_shared_subgoal_dag(p);
    REQUIRE(validate(p).empty());
    auto w = goal_weights(p);
    auto at = [&](const char* id) { return w(*p.find_goal(id)); };
    CHECK(at("R1") == Approx(0.75).epsilon(1e-15));
    CHECK(at("R2") == Approx(0.25).epsilon(1e-15));
    CHECK(at("A") == Approx(0.375).epsilon(1e-15));
    CHECK(at("B") == Approx(0.4375).epsilon(1e-15));
    CHECK(at("C") == Approx(0.1875).epsilon(1e-15));
    CHECK(at("S") == Approx(0.59375).epsilon(1e-15));
    CHECK(at("T") == Approx(0.21875).epsilon(1e-15));
    // Leaves carry the whole weight.
    CHECK(at("S") + at("T") + at("C") == Approx(1.0).epsilon(1e-15));

    auto local = local_goal_weights(p);
    CHECK(local(0) == 0.5);
    CHECK(local(3) == 0.75);

    auto order = goal_order(p);
    for (const auto& l : p.goal_links()) CHECK(position(order, l.parent) < position(order, l.child));
}

TEST_CASE("roots without a weight count as 1", "[graph]") {
    auto p = fixtures::small_model();  // G1 only root; G1 -> G2 (3), G1 -> G3 (1)
    auto w = goal_weights(p);
    CHECK(w(0) == 1.0);
    CHECK(w(1) == 0.75);
    CHECK(w(2) == 0.25);
}
