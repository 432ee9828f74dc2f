// The compiled library: AHP and goal weights (local and global).

#include "aligngraph/weights/ahp-inl.hpp"
#include "aligngraph/weights/goal_weights-inl.hpp"
