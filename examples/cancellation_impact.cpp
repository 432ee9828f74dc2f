// What does cancelling the API platform take with it?
//
//   I-01 API platform <-- I-02 Mobile app <-- I-22 Chatbot
//                     <-- I-03 Open banking
//                     <-- ...
//
// Loads the sample portfolio (or a file given on the command line), validates it and
// prints the initiatives stranded and the goals that lose contributions.

#include <aligngraph/aligngraph.hpp>
#include <aligngraph/io/sample_portfolio.hpp>

#include <cstdio>

int main(int argc, char** argv) {
    try {
        const auto p = argc > 1 ? aligngraph::load_model(argv[1]) : aligngraph::sample_portfolio();
        const auto id = argc > 2 ? argv[2] : "I-01";
        const auto impact = aligngraph::cancellation_impact(p, p.initiative_index(id));
        std::printf("Cancelling %s strands %zu initiatives:\n", id, impact.stranded.size());
        for (auto i : impact.stranded) std::printf("  %s  %s\n", p.initiative_ids()[i].c_str(), p.names()[i].c_str());
        std::printf("Goals that lose contributions:\n");
        for (const auto& g : impact.goals)
            std::printf("  %-4s lost %.2f, kept %.2f%s\n", p.goal(g.goal).id.c_str(), g.lost_strength,
                        g.remaining_strength, g.unserved ? "  (now unserved)" : "");
    } catch (const aligngraph::Error& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
}
