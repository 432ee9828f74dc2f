// The compiled library: the model (periods, goals and initiatives, their graphs, validation), and the memory cap.

#include "aligngraph/memory-inl.hpp"
#include "aligngraph/model/horizon-inl.hpp"
#include "aligngraph/model/graph-inl.hpp"
#include "aligngraph/model/portfolio-inl.hpp"
#include "aligngraph/model/validation-inl.hpp"
#include "aligngraph/model/what_if-inl.hpp"
