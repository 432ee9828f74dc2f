// A program that uses aligngraph as an outside project would.

#include <aligngraph/aligngraph.hpp>
#include <aligngraph/io/sample_portfolio.hpp>

#include <cmath>
#include <cstdio>

double consumer_part_npv();       // consumer_part.cpp
long consumer_part_makespan();   // consumer_part.cpp

int main() {
    aligngraph::Portfolio p{aligngraph::Horizon{4, 0.25, "2027Q1"}};
    p.add_goal({.id = "G1", .name = "Grow", .weight = 3.0});
    p.add_goal({.id = "G2", .name = "Comply", .weight = 1.0});
    p.add_initiative({.id = "I-1", .name = "App", .department = "IT", .duration = 2, .capex = {100, 50}});
    p.add_contribution("I-1", "G1", aligngraph::Strength::strong);
    p.check();
    const auto w = aligngraph::goal_weights(p);
    const auto sample = aligngraph::sample_portfolio();
    // 3 / (3 + 1) by hand.
    if (std::abs(w(0) - 0.75) > 1e-15 || sample.initiative_count() < 30) return 1;
    // -100 + 110 / 1.1 = 0 by hand.
    if (std::abs(consumer_part_npv()) > 1e-12) return 2;
    // 2 + 3 periods, one job after the other, by hand.
    if (consumer_part_makespan() != 5) return 3;
#ifdef ALIGNGRAPH_HEADER_ONLY
    const char* mode = "header-only";
#else
    const char* mode = "compiled";
#endif
    std::printf("consumer ok (aligngraph %s, %s)\n", aligngraph::version_string, mode);
    return 0;
}
