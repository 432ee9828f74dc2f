// The compiled library: the steering committee's report (what it needs, and its HTML).

#include "aligngraph/report/briefing-inl.hpp"
#include "aligngraph/io/html_report-inl.hpp"
