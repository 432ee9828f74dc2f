#pragma once
/// @file stop.hpp
/// Stopping a long computation early: a time limit, a node limit, or the caller's
/// cancellation. Every long-running call (select_portfolio, optimize, frontier, the
/// re-optimizer) checks them at least every few milliseconds in every phase, not only in
/// its main loop, and returns its best answer so far with the reason it stopped:
///
///     std::stop_source stop;
///     aligngraph::OptimizeOptions o;
///     o.cancel.token = stop.get_token();      // stop.request_stop() from any thread
///     auto r = aligngraph::optimize(p, o);    // r.stop_reason == StopReason::interrupted, r.proven == false
///
/// A flag set by a signal handler is polled instead (the command-line tool does this for
/// Ctrl-C; Python's signal check is polled the same way):
///
///     static std::atomic<bool> interrupted{false};   // set in the SIGINT handler
///     o.cancel.poll = [] { return interrupted.load(); };

#include "aligngraph/names.hpp"

#include <array>
#include <functional>
#include <stop_token>
#include <string_view>
#include <utility>

namespace aligngraph {

/// Why a computation ended before it had proven its answer.
enum class StopReason {
    none,        ///< it ran to the end: the answer is proven (or, for the explanation, complete)
    time_limit,  ///< its time limit was reached
    node_limit,  ///< its node limit was reached
    interrupted, ///< the caller cancelled it (a stop token, a poll, Ctrl-C)
};

template <>
struct EnumNames<StopReason> {
    static constexpr std::string_view type = "StopReason";
    static constexpr std::array table{std::pair{StopReason::none, std::string_view("none")},
                                      std::pair{StopReason::time_limit, std::string_view("time_limit")},
                                      std::pair{StopReason::node_limit, std::string_view("node_limit")},
                                      std::pair{StopReason::interrupted, std::string_view("interrupted")}};
};

/// How far a long computation has got, as told to Cancellation::progress.
struct Progress {
    std::string_view task;  ///< "optimize", "frontier", "roadmap" or "simulate"
    long long done = 0;     ///< units done: nodes (optimize, roadmap), levels (frontier), samples (simulate)
    long long total = -1;   ///< units in all; -1 when not known ahead (a search's nodes)
    double seconds = 0;     ///< since the computation started
};

/// How a caller cancels a computation, and hears how far it has got. Either way of stopping
/// is checked from the computing thread at least every few milliseconds; the poll is called
/// at most every `poll_seconds`, the progress at most every `progress_seconds` (and once
/// more when a counted task is done).
struct Cancellation {
    /// Stop when its source's request_stop() is called, from any thread (std::jthread gives one).
    std::stop_token token;
    /// Called from the computing thread; true stops, and it is not called again during that
    /// call. For a flag set by a signal handler, or an event loop's own check. Must not throw.
    std::function<bool()> poll;
    double poll_seconds = 0.01;
    /// Called from the computing thread with how far the optimum, frontier, roadmap or
    /// simulation has got (a progress line, a bar). Must not throw; keep it quick.
    std::function<void(const Progress&)> progress;
    double progress_seconds = 0.25;

    /// Whether a stop was asked for: the token's state, then the poll.
    bool requested() const { return token.stop_requested() || (poll && poll()); }
};

}  // namespace aligngraph
