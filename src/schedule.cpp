// The compiled library: scheduling (the checks, the precedence tree, the learning search, the time-indexed model, the explanations).

#include "aligngraph/schedule/detail/instance-inl.hpp"
#include "aligngraph/schedule/detail/disjunctive-inl.hpp"
#include "aligngraph/schedule/detail/learning-inl.hpp"
#include "aligngraph/schedule/detail/precedence_tree-inl.hpp"
#include "aligngraph/schedule/detail/genetic-inl.hpp"
#include "aligngraph/schedule/detail/time_indexed-inl.hpp"
#include "aligngraph/schedule/detail/neighbourhood-inl.hpp"
#include "aligngraph/schedule/schedule-inl.hpp"
#include "aligngraph/schedule/psplib-inl.hpp"
#include "aligngraph/schedule/roadmap-inl.hpp"
