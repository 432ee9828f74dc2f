// The compiled library: the text and JSON reports.

#include "aligngraph/io/model_report-inl.hpp"
#include "aligngraph/io/finance_report-inl.hpp"
#include "aligngraph/io/ranking_report-inl.hpp"
#include "aligngraph/io/selection_report-inl.hpp"
#include "aligngraph/io/schedule_report-inl.hpp"
#include "aligngraph/io/risk_report-inl.hpp"
#include "aligngraph/io/robust_report-inl.hpp"
#include "aligngraph/io/compare_report-inl.hpp"
#include "aligngraph/io/svg-inl.hpp"
#include "aligngraph/io/notebook_html-inl.hpp"
