#pragma once
// The limits of one long computation, checked together and cheaply: elapsed time against
// the time limit, nodes against the node limit, and the caller's cancellation (its token
// at every check, its poll at most every poll_seconds). Once one is met the computation
// stays stopped, with that reason. Not public API: the options carry the limits
// (SelectionOptions, OptimizeOptions), the results the reason (StopReason).

#include "aligngraph/stop.hpp"

#include <chrono>
#include <limits>
#include <string_view>

namespace aligngraph::detail {

class Limits {
public:
    using clock = std::chrono::steady_clock;

    Limits() = default;
    Limits(double time_limit, long long node_limit, const Cancellation* cancel, clock::time_point start = clock::now())
        : start_(start), last_poll_(start), last_progress_(start), time_limit_(time_limit), node_limit_(node_limit), cancel_(cancel) {}

    /// True once a limit is met (and from then on), counting `nodes` against the node limit.
    bool reached(long long nodes) {
        if (reason_ == StopReason::none && nodes >= node_limit_) return stop(StopReason::node_limit);
        return reached();
    }

    /// True once the time limit is reached or a stop is asked for (and from then on, or
    /// once the node limit was met): what work other than counting nodes checks.
    bool reached() {
        if (reason_ != StopReason::none) return true;
        const auto now = clock::now();
        if (std::chrono::duration<double>(now - start_).count() > time_limit_) return stop(StopReason::time_limit);
        if (cancel_) {
            if (cancel_->token.stop_requested()) return stop(StopReason::interrupted);
            if (cancel_->poll && std::chrono::duration<double>(now - last_poll_).count() >= cancel_->poll_seconds) {
                last_poll_ = now;
                if (cancel_->poll()) return stop(StopReason::interrupted);
            }
        }
        return false;
    }

    /// Tells the caller's progress callback how far `task` has got, at most every
    /// progress_seconds (`last`: now, whatever the time: the task is done).
    void progress(std::string_view task, long long done, long long total = -1, bool last = false) {
        if (!cancel_ || !cancel_->progress) return;
        const auto now = clock::now();
        if (!last && std::chrono::duration<double>(now - last_progress_).count() < cancel_->progress_seconds) return;
        last_progress_ = now;
        cancel_->progress(Progress{task, done, total, std::chrono::duration<double>(now - start_).count()});
    }

    bool stopped() const noexcept { return reason_ != StopReason::none; }
    /// Carry a stop asked for over from an earlier phase with its own limits (the search's
    /// to the explanation's): the caller's poll said stop once, and is not asked again.
    void interrupted_by(const Limits& earlier) {
        if (reason_ == StopReason::none && earlier.reason_ == StopReason::interrupted) reason_ = StopReason::interrupted;
    }
    StopReason reason() const noexcept { return reason_; }
    long long node_limit() const noexcept { return node_limit_; }
    double seconds() const { return std::chrono::duration<double>(clock::now() - start_).count(); }
    clock::time_point start() const noexcept { return start_; }

private:
    bool stop(StopReason why) {
        reason_ = why;
        return true;
    }

    clock::time_point start_ = clock::now(), last_poll_ = start_, last_progress_ = start_;
    double time_limit_ = std::numeric_limits<double>::infinity();
    long long node_limit_ = std::numeric_limits<long long>::max();
    const Cancellation* cancel_ = nullptr;
    StopReason reason_ = StopReason::none;
};

}  // namespace aligngraph::detail
