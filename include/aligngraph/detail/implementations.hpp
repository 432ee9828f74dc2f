// No #pragma once: header-only mode (ALIGNGRAPH_HEADER_ONLY) includes this at the end of
// each outermost aligngraph header, once every declaration it brings is complete.
//
// Why: an implementation may use any declaration of the headers above it, and headers
// include each other (model/validation.hpp includes model/portfolio.hpp, whose
// implementation calls validate_errors(), declared further down validation.hpp). So a
// header does not include its `-inl.hpp` at its end; while ALIGNGRAPH_DECLARING is
// defined it only records it (ALIGNGRAPH_INL_<NAME>), and the outermost header, when its
// declarations are complete, includes this file, which includes what was recorded.
// An implementation may include headers not yet included; they record theirs too, so the
// list is gone through again until a pass includes nothing new.

#ifndef ALIGNGRAPH_HEADER_ONLY
#error "aligngraph/detail/implementations.hpp is for header-only mode (ALIGNGRAPH_HEADER_ONLY)"
#endif

// Headers an implementation includes only record theirs (this pass or the next includes it).
#ifndef ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_DECLARING
#endif

#undef ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/detail/implementation_list.hpp"
#ifdef ALIGNGRAPH_INCLUDED_ONE
#undef ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/detail/implementation_list.hpp"
#ifdef ALIGNGRAPH_INCLUDED_ONE
#undef ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/detail/implementation_list.hpp"
#ifdef ALIGNGRAPH_INCLUDED_ONE
#undef ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/detail/implementation_list.hpp"
#ifdef ALIGNGRAPH_INCLUDED_ONE
#error "aligngraph: implementations still include new headers after four passes; add a pass in detail/implementations.hpp"
#endif
#endif
#endif
#endif

#undef ALIGNGRAPH_DECLARING
