#pragma once
// The Python package's threading contract for a Portfolio (Portfolio::access_mutex()):
// calls that read a model without the GIL (saving, optimising, frontiers) hold its lock
// shared; a change takes it exclusively, and is refused with a clear error while such a
// call runs in another thread, instead of resizing arrays under it. A reader takes the lock
// while it still holds the GIL, and a change holds the GIL throughout, so neither waits
// for the other with the GIL taken.

#include <mutex>
#include <shared_mutex>
#include <utility>

#include "aligngraph/error.hpp"
#include "aligngraph/model/portfolio.hpp"

namespace aligngraph::python {

inline std::unique_lock<std::shared_mutex> changing(Portfolio& p) {
    std::unique_lock lock(p.access_mutex(), std::try_to_lock);
    if (!lock)
        throw Error("this Portfolio is in use by another thread (being saved or analysed); change it when that call has "
                    "returned, or change a copy (Portfolio(other))");
    return lock;
}

inline std::shared_lock<std::shared_mutex> reading(const Portfolio& p) { return std::shared_lock(p.access_mutex()); }

/// A member function that changes the model, called under changing().
template <class R, class... A>
auto changing_call(R (Portfolio::*f)(A...)) {
    return [f](Portfolio& p, A... a) -> R {
        const auto lock = changing(p);
        return (p.*f)(std::forward<A>(a)...);
    };
}

}  // namespace aligngraph::python
