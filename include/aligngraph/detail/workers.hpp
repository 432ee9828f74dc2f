#pragma once
// Work shared by threads, with their errors brought home. Not public API.

#include <algorithm>
#include <exception>
#include <thread>
#include <vector>

namespace aligngraph::detail {

// Runs work(me) for me = 0 .. count - 1, number 0 on the caller's thread and each other on
// a thread of its own, and returns when all are done. An exception thrown by any of them is
// rethrown here, on the caller's thread (the first by number): never std::terminate().
template <class Work>
void on_threads(int count, Work&& work) {
    count = std::max(count, 1);
    std::vector<std::exception_ptr> errors(static_cast<std::size_t>(count));
    const auto guarded = [&](int me) {
        try {
            work(me);
        } catch (...) {
            errors[static_cast<std::size_t>(me)] = std::current_exception();
        }
    };
    std::vector<std::thread> pool;
    pool.reserve(static_cast<std::size_t>(count - 1));
    try {
        for (int t = 1; t < count; ++t) pool.emplace_back(guarded, t);
    } catch (...) {  // no thread to be had: the ones started finish first
        for (auto& t : pool) t.join();
        throw;
    }
    guarded(0);
    for (auto& t : pool) t.join();
    for (const auto& e : errors)
        if (e) std::rethrow_exception(e);
}

}  // namespace aligngraph::detail
