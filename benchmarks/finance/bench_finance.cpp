// C++ side of benchmarks/finance/bench_finance.py: times NPV and IRR over a matrix of
// series the Python driver wrote (raw float64, row-major), and a streaming read for
// the memory bandwidth, and prints one JSON object.
//
//   bench_finance FILE ROWS COLS RATE THREADS

#include <aligngraph/aligngraph.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <vector>

namespace {

template <class F>
double best_seconds(int repeats, F f) {
    double best = 1e300;
    for (int k = 0; k < repeats; ++k) {
        const auto t0 = std::chrono::steady_clock::now();
        f();
        const auto t1 = std::chrono::steady_clock::now();
        best = std::min(best, std::chrono::duration<double>(t1 - t0).count());
    }
    return best;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 6) {
        std::fprintf(stderr, "usage: bench_finance FILE ROWS COLS RATE THREADS\n");
        return 2;
    }
    const long rows = std::atol(argv[2]), cols = std::atol(argv[3]);
    const double rate = std::atof(argv[4]);
    const int threads = std::atoi(argv[5]);
    aligngraph::SeriesMatrix m(rows, cols);
    std::ifstream in(argv[1], std::ios::binary);
    in.read(reinterpret_cast<char*>(m.data()), static_cast<std::streamsize>(sizeof(double) * rows * cols));
    if (!in) {
        std::fprintf(stderr, "bench_finance: cannot read %ld x %ld doubles from %s\n", rows, cols, argv[1]);
        return 1;
    }
    volatile double sink = 0;
    const double read_s = best_seconds(5, [&] { sink = sink + m.sum(); });
    Eigen::VectorXd npv;
    const double npv_s = best_seconds(5, [&] { npv = aligngraph::npv(rate, m, aligngraph::NpvConvention::numpy, false); });
    aligngraph::IrrBatch irr;
    const double irr_s = best_seconds(3, [&] { irr = aligngraph::irr(m, {}, threads); });
    std::printf("{\"rows\": %ld, \"cols\": %ld, \"read_seconds\": %.9g, \"npv_seconds\": %.9g, \"irr_seconds\": %.9g, "
                "\"threads\": %d, \"npv_checksum\": %.17g, \"irr_first\": %.17g}\n",
                rows, cols, read_s, npv_s, irr_s, threads, npv.sum(), irr.rate(0));
    return 0;
}
