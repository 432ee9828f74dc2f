#pragma once
// The links of a selection problem as adjacency lists per initiative. Not public API.

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_DETAIL_SELECTION_LINKS
#endif

#include <cstddef>
#include <span>
#include <vector>

#include "aligngraph/selection/knapsack.hpp"

namespace aligngraph::detail {

// Each initiative's alternatives (the other members of its excludes groups), kept as the
// groups: a member of a group of g lists the other g - 1 without storing them (a time-indexed
// schedule's job has a group of all its starts, tens of thousands on a long horizon).
// alternatives[x] is a range over them, group by group; a member that shares two groups with x comes twice.
class Alternatives {
public:
    Alternatives() = default;
    Alternatives(const std::vector<std::vector<Index>>& groups, Index n) : groups_(&groups), of_(static_cast<std::size_t>(n)) {
        for (std::size_t g = 0; g < groups.size(); ++g)
            for (Index a : groups[g]) of_[static_cast<std::size_t>(a)].push_back(g);
    }

    class iterator {
    public:
        using value_type = Index;
        using difference_type = std::ptrdiff_t;
        iterator() = default;
        iterator(const Alternatives* owner, Index x, std::size_t group) : owner_(owner), x_(x), group_(group) { settle(); }
        Index operator*() const { return (*owner_->groups_)[owner_->of_[at(x_)][group_]][member_]; }
        iterator& operator++() {
            ++member_;
            settle();
            return *this;
        }
        iterator operator++(int) {
            auto old = *this;
            ++*this;
            return old;
        }
        bool operator==(const iterator& o) const { return group_ == o.group_ && member_ == o.member_; }

    private:
        static std::size_t at(Index i) { return static_cast<std::size_t>(i); }
        // On the next member that is not x, across groups; past the end: (groups, 0).
        void settle() {
            const auto& mine = owner_->of_[at(x_)];
            while (group_ < mine.size()) {
                const auto& g = (*owner_->groups_)[mine[group_]];
                while (member_ < g.size() && g[member_] == x_) ++member_;
                if (member_ < g.size()) return;
                ++group_, member_ = 0;
            }
        }
        const Alternatives* owner_ = nullptr;
        Index x_ = 0;
        std::size_t group_ = 0, member_ = 0;
    };

    struct Range {
        iterator first, last;
        iterator begin() const { return first; }
        iterator end() const { return last; }
        bool empty() const { return first == last; }
    };
    Range operator[](std::size_t x) const {
        const auto i = static_cast<Index>(x);
        return {iterator(this, i, 0), iterator(this, i, of_[x].size())};
    }

    /// The groups x is in (indices into the problem's excludes), ascending.
    const std::vector<std::size_t>& groups_of(Index x) const { return of_[static_cast<std::size_t>(x)]; }

private:
    const std::vector<std::vector<Index>>* groups_ = nullptr;  // the problem's excludes (outlives this)
    std::vector<std::vector<std::size_t>> of_;        // per initiative: the groups it is in
};

struct SelectionLinks {
    std::vector<std::vector<Index>> prerequisites;  ///< what each initiative requires
    std::vector<std::vector<Index>> dependants;     ///< what requires each initiative
    Alternatives alternatives;                      ///< the other members of its excludes groups
    std::vector<std::vector<Index>> any_of;         ///< the requires_any links (indices) it is the dependant of
    std::vector<std::vector<Index>> any_in;         ///< the requires_any links (indices) it is a member of

    explicit SelectionLinks(const SelectionProblem& p)
        : prerequisites(static_cast<std::size_t>(p.values.size())),
          dependants(static_cast<std::size_t>(p.values.size())),
          alternatives(p.excludes, p.values.size()),
          any_of(static_cast<std::size_t>(p.values.size())),
          any_in(static_cast<std::size_t>(p.values.size())) {
        for (std::size_t l = 0; l < p.requires_any.size(); ++l) {
            any_of[static_cast<std::size_t>(p.requires_any[l].first)].push_back(static_cast<Index>(l));
            for (Index q : p.requires_any[l].second) any_in[static_cast<std::size_t>(q)].push_back(static_cast<Index>(l));
        }
        for (auto [d, q] : p.requires_links) {
            prerequisites[static_cast<std::size_t>(d)].push_back(q);
            dependants[static_cast<std::size_t>(q)].push_back(d);
        }
    }
};

/// Every initiative reached from `from` over `links` (an adjacency list: prerequisites,
/// dependants...), following only the ones `take` accepts: `from` first, then in the order
/// reached, each once. The one transitive closure of the solver, its explanations and the
/// Reoptimizer's repairs.
template <class Take>
std::vector<Index> reach(std::span<const Index> from, const std::vector<std::vector<Index>>& links, Take take) {
    std::vector<Index> out;
    std::vector<char> seen(links.size(), 0);
    for (Index i : from)
        if (!seen[static_cast<std::size_t>(i)]) {
            seen[static_cast<std::size_t>(i)] = 1;
            out.push_back(i);
        }
    for (std::size_t c = 0; c < out.size(); ++c)
        for (Index q : links[static_cast<std::size_t>(out[c])])
            if (!seen[static_cast<std::size_t>(q)] && take(q)) {
                seen[static_cast<std::size_t>(q)] = 1;
                out.push_back(q);
            }
    return out;
}

/// reach() from one initiative.
template <class Take>
std::vector<Index> reach(Index from, const std::vector<std::vector<Index>>& links, Take take) {
    return reach(std::span<const Index>(&from, 1), links, take);
}

}  // namespace aligngraph::detail

#ifdef ALIGNGRAPH_HEADER_ONLY
#ifdef ALIGNGRAPH_OUTERMOST_DETAIL_SELECTION_LINKS
#undef ALIGNGRAPH_OUTERMOST_DETAIL_SELECTION_LINKS
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
