// The compiled library: the model file (reading, writing, replacing a file atomically).

#include "aligngraph/io/atomic_file-inl.hpp"
#include "aligngraph/io/model_reader-inl.hpp"
#include "aligngraph/io/model_writer-inl.hpp"
