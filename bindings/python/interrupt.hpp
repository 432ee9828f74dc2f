#pragma once
// Ctrl-C during a long call from Python. The call runs with the GIL released; the
// Cancellation it is given polls Python's signal handlers every 50 ms, taking the GIL for
// the check. When a handler raises (KeyboardInterrupt for SIGINT), the computation stops
// at once and, back with the GIL, the call raises that exception instead of returning.
// Only the main thread runs signal handlers: from another thread the poll finds nothing.

#include <pybind11/pybind11.h>

#include <shared_mutex>

#include "aligngraph/stop.hpp"
#include "model_access.hpp"

namespace aligngraph::python {

class PythonInterrupt {
public:
    /// The cancellation to put in the options; valid while this object lives.
    Cancellation cancellation() {
        Cancellation c;
        c.poll_seconds = 0.05;
        c.poll = [this] {
            if (raised_) return true;
            pybind11::gil_scoped_acquire gil;
            raised_ = PyErr_CheckSignals() != 0;  // the handler's exception stays set on this thread
            return raised_;
        };
        return c;
    }

    /// Call with the GIL held, after the computation: raises what a signal handler raised.
    void raise_if_interrupted() const {
        if (raised_) throw pybind11::error_already_set();
    }

private:
    bool raised_ = false;
};

/// `analysis(cancel)` with the GIL released (reading `model` under its lock, when given):
/// Ctrl-C cancels it, and raises KeyboardInterrupt once it has returned.
template <class F>
auto interruptible(const Portfolio* model, F&& analysis) {
    PythonInterrupt interrupt;
    decltype(analysis(interrupt.cancellation())) out;
    {
        std::shared_lock<std::shared_mutex> lock;
        if (model) lock = reading(*model);
        pybind11::gil_scoped_release release;
        out = analysis(interrupt.cancellation());
    }
    interrupt.raise_if_interrupted();
    return out;
}

}  // namespace aligngraph::python
