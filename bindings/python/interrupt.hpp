#pragma once
// Ctrl-C during a long call from Python. The call runs with the GIL released; the
// Cancellation it is given polls Python's signal handlers every 50 ms, taking the GIL for
// the check. When a handler raises (KeyboardInterrupt for SIGINT), the computation stops
// at once and, back with the GIL, the call raises that exception instead of returning.
// Only the main thread runs signal handlers: from another thread the poll finds nothing.

#include <pybind11/pybind11.h>

#include <exception>
#include <shared_mutex>

#include "aligngraph/stop.hpp"
#include "model_access.hpp"

namespace aligngraph::python {

/// The progress callback Python set for the calls this thread makes (aligngraph._progress
/// sets and clears it around a call made with progress=...); None when there is none.
inline pybind11::object& progress_callback() {
    thread_local pybind11::object callback;
    return callback;
}

class PythonInterrupt {
public:
    /// The cancellation to put in the options; valid while this object lives. Made with the
    /// GIL held: it takes this thread's progress callback, called with the GIL taken; an
    /// exception it raises stops the computation and is raised once it has returned.
    Cancellation cancellation() {
        Cancellation c;
        c.poll_seconds = 0.05;
        c.poll = [this] {
            if (raised_) return true;
            pybind11::gil_scoped_acquire gil;
            raised_ = PyErr_CheckSignals() != 0;  // the handler's exception stays set on this thread
            return raised_;
        };
        if (progress_callback() && !progress_callback().is_none()) {
            callback_ = progress_callback();
            c.progress = [this](const Progress& p) {
                if (raised_) return;
                pybind11::gil_scoped_acquire gil;
                try {
                    callback_(p);
                } catch (pybind11::error_already_set& e) {
                    e.restore();  // raised by raise_if_interrupted() once the computation has stopped
                    raised_ = true;
                }
            };
            c.progress_seconds = 0.1;
        }
        return c;
    }

    ~PythonInterrupt() {
        if (callback_) {
            pybind11::gil_scoped_acquire gil;
            callback_ = pybind11::object();
        }
    }

    /// Call with the GIL held, after the computation: raises what a signal handler raised.
    void raise_if_interrupted() const {
        if (raised_) throw pybind11::error_already_set();
    }

private:
    bool raised_ = false;
    pybind11::object callback_;
};

/// `analysis(cancel)` with the GIL released (reading `model` under its lock, when given):
/// Ctrl-C cancels it, and raises KeyboardInterrupt once it has returned, also when the
/// stop made it throw (an all-or-nothing analysis such as rpm() raises NoSolutionError when
/// interrupted: KeyboardInterrupt wins, which Python already holds set).
template <class F>
auto interruptible(const Portfolio* model, F&& analysis) {
    PythonInterrupt interrupt;
    decltype(analysis(interrupt.cancellation())) out;
    Cancellation cancel = interrupt.cancellation();  // with the GIL: it takes the progress callback
    std::exception_ptr failed;
    {
        std::shared_lock<std::shared_mutex> lock;
        if (model) lock = reading(*model);
        pybind11::gil_scoped_release release;
        try {
            out = analysis(std::move(cancel));
        } catch (...) {
            failed = std::current_exception();
        }
    }
    interrupt.raise_if_interrupted();
    if (failed) std::rethrow_exception(failed);
    return out;
}

}  // namespace aligngraph::python
