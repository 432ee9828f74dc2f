// aligngraph's scheduler over PSPLIB files, one thread: one CSV line per file
// (file, makespan, bound, proven, nodes, seconds). bench_schedule.py runs it beside CP-SAT.
//
//   bench_schedule TIME_LIMIT FILE...

#include <aligngraph/schedule/psplib.hpp>

#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <string>

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_schedule TIME_LIMIT FILE...\n");
        return 2;
    }
    const double limit = std::stod(argv[1]);
    std::printf("file,makespan,bound,proven,nodes,seconds\n");
    for (int i = 2; i < argc; ++i) {
        try {
            const auto q = aligngraph::read_psplib(argv[i]);
            const auto t0 = std::chrono::steady_clock::now();
            const auto r = aligngraph::schedule(q, {.time_limit = limit, .explain = false});
            const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            std::printf("%s,%d,%.0f,%d,%lld,%.6f\n", std::filesystem::path(argv[i]).filename().c_str(), r.makespan, r.bound,
                        r.proven ? 1 : 0, r.nodes, s);
            std::fflush(stdout);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "%s: %s\n", argv[i], e.what());
            return 1;
        }
    }
}
