// The compiled library: alignment and priority scores.

#include "aligngraph/scoring/alignment-inl.hpp"
#include "aligngraph/scoring/priority-inl.hpp"
#include "aligngraph/scoring/ranks-inl.hpp"
#include "aligngraph/scoring/score_explanation-inl.hpp"
