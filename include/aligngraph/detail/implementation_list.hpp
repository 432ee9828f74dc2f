// No #pragma once: included once a pass by implementations.hpp.
// Each implementation (`-inl.hpp`) whose header is included, in an order in which each
// comes after what it uses; its header defines ALIGNGRAPH_INL_<NAME> (header-only mode).

#if defined(ALIGNGRAPH_INL_FINANCE_CASHFLOWS) && !defined(ALIGNGRAPH_DONE_FINANCE_CASHFLOWS)
#define ALIGNGRAPH_DONE_FINANCE_CASHFLOWS
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/finance/cashflows-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_FINANCE_DATED) && !defined(ALIGNGRAPH_DONE_FINANCE_DATED)
#define ALIGNGRAPH_DONE_FINANCE_DATED
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/finance/dated-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_MODEL_HORIZON) && !defined(ALIGNGRAPH_DONE_MODEL_HORIZON)
#define ALIGNGRAPH_DONE_MODEL_HORIZON
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/model/horizon-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_MODEL_PORTFOLIO) && !defined(ALIGNGRAPH_DONE_MODEL_PORTFOLIO)
#define ALIGNGRAPH_DONE_MODEL_PORTFOLIO
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/model/portfolio-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_MEMORY) && !defined(ALIGNGRAPH_DONE_MEMORY)
#define ALIGNGRAPH_DONE_MEMORY
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/memory-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_MODEL_VALIDATION) && !defined(ALIGNGRAPH_DONE_MODEL_VALIDATION)
#define ALIGNGRAPH_DONE_MODEL_VALIDATION
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/model/validation-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_MODEL_GRAPH) && !defined(ALIGNGRAPH_DONE_MODEL_GRAPH)
#define ALIGNGRAPH_DONE_MODEL_GRAPH
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/model/graph-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_FINANCE_FINANCIALS) && !defined(ALIGNGRAPH_DONE_FINANCE_FINANCIALS)
#define ALIGNGRAPH_DONE_FINANCE_FINANCIALS
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/finance/financials-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_FINANCE_TVM) && !defined(ALIGNGRAPH_DONE_FINANCE_TVM)
#define ALIGNGRAPH_DONE_FINANCE_TVM
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/finance/tvm-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_IO_ATOMIC_FILE) && !defined(ALIGNGRAPH_DONE_IO_ATOMIC_FILE)
#define ALIGNGRAPH_DONE_IO_ATOMIC_FILE
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/io/atomic_file-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_IO_MODEL_READER) && !defined(ALIGNGRAPH_DONE_IO_MODEL_READER)
#define ALIGNGRAPH_DONE_IO_MODEL_READER
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/io/model_reader-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_IO_MODEL_WRITER) && !defined(ALIGNGRAPH_DONE_IO_MODEL_WRITER)
#define ALIGNGRAPH_DONE_IO_MODEL_WRITER
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/io/model_writer-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_IO_FINANCE_REPORT) && !defined(ALIGNGRAPH_DONE_IO_FINANCE_REPORT)
#define ALIGNGRAPH_DONE_IO_FINANCE_REPORT
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/io/finance_report-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_WEIGHTS_GOAL_WEIGHTS) && !defined(ALIGNGRAPH_DONE_WEIGHTS_GOAL_WEIGHTS)
#define ALIGNGRAPH_DONE_WEIGHTS_GOAL_WEIGHTS
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/weights/goal_weights-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_WEIGHTS_AHP) && !defined(ALIGNGRAPH_DONE_WEIGHTS_AHP)
#define ALIGNGRAPH_DONE_WEIGHTS_AHP
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/weights/ahp-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_SCORING_ALIGNMENT) && !defined(ALIGNGRAPH_DONE_SCORING_ALIGNMENT)
#define ALIGNGRAPH_DONE_SCORING_ALIGNMENT
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/scoring/alignment-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_SCORING_RANKS) && !defined(ALIGNGRAPH_DONE_SCORING_RANKS)
#define ALIGNGRAPH_DONE_SCORING_RANKS
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/scoring/ranks-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_SCORING_PRIORITY) && !defined(ALIGNGRAPH_DONE_SCORING_PRIORITY)
#define ALIGNGRAPH_DONE_SCORING_PRIORITY
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/scoring/priority-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_SCORING_SCORE_EXPLANATION) && !defined(ALIGNGRAPH_DONE_SCORING_SCORE_EXPLANATION)
#define ALIGNGRAPH_DONE_SCORING_SCORE_EXPLANATION
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/scoring/score_explanation-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_SELECTION_SELECT_PORTFOLIO) && !defined(ALIGNGRAPH_DONE_SELECTION_SELECT_PORTFOLIO)
#define ALIGNGRAPH_DONE_SELECTION_SELECT_PORTFOLIO
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/selection/select_portfolio-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_SELECTION_DETAIL_DUAL_SIMPLEX) && !defined(ALIGNGRAPH_DONE_SELECTION_DETAIL_DUAL_SIMPLEX)
#define ALIGNGRAPH_DONE_SELECTION_DETAIL_DUAL_SIMPLEX
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/selection/detail/dual_simplex-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_SELECTION_DETAIL_LP_RELAXATION) && !defined(ALIGNGRAPH_DONE_SELECTION_DETAIL_LP_RELAXATION)
#define ALIGNGRAPH_DONE_SELECTION_DETAIL_LP_RELAXATION
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/selection/detail/lp_relaxation-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_SELECTION_DETAIL_HEURISTICS) && !defined(ALIGNGRAPH_DONE_SELECTION_DETAIL_HEURISTICS)
#define ALIGNGRAPH_DONE_SELECTION_DETAIL_HEURISTICS
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/selection/detail/heuristics-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_SELECTION_DETAIL_CUTS) && !defined(ALIGNGRAPH_DONE_SELECTION_DETAIL_CUTS)
#define ALIGNGRAPH_DONE_SELECTION_DETAIL_CUTS
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/selection/detail/cuts-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_SELECTION_DETAIL_TREE_SEARCH) && !defined(ALIGNGRAPH_DONE_SELECTION_DETAIL_TREE_SEARCH)
#define ALIGNGRAPH_DONE_SELECTION_DETAIL_TREE_SEARCH
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/selection/detail/tree_search-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_SELECTION_RESULT) && !defined(ALIGNGRAPH_DONE_SELECTION_RESULT)
#define ALIGNGRAPH_DONE_SELECTION_RESULT
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/selection/result-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_SELECTION_EXPLAIN) && !defined(ALIGNGRAPH_DONE_SELECTION_EXPLAIN)
#define ALIGNGRAPH_DONE_SELECTION_EXPLAIN
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/selection/explain-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_SELECTION_REOPTIMIZER) && !defined(ALIGNGRAPH_DONE_SELECTION_REOPTIMIZER)
#define ALIGNGRAPH_DONE_SELECTION_REOPTIMIZER
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/selection/reoptimizer-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_SELECTION_PORTFOLIO_SELECTION) && !defined(ALIGNGRAPH_DONE_SELECTION_PORTFOLIO_SELECTION)
#define ALIGNGRAPH_DONE_SELECTION_PORTFOLIO_SELECTION
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/selection/portfolio_selection-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_SCHEDULE_DETAIL_INSTANCE) && !defined(ALIGNGRAPH_DONE_SCHEDULE_DETAIL_INSTANCE)
#define ALIGNGRAPH_DONE_SCHEDULE_DETAIL_INSTANCE
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/schedule/detail/instance-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_SCHEDULE_DETAIL_DISJUNCTIVE) && !defined(ALIGNGRAPH_DONE_SCHEDULE_DETAIL_DISJUNCTIVE)
#define ALIGNGRAPH_DONE_SCHEDULE_DETAIL_DISJUNCTIVE
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/schedule/detail/disjunctive-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_SCHEDULE_DETAIL_LEARNING) && !defined(ALIGNGRAPH_DONE_SCHEDULE_DETAIL_LEARNING)
#define ALIGNGRAPH_DONE_SCHEDULE_DETAIL_LEARNING
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/schedule/detail/learning-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_SCHEDULE_DETAIL_PRECEDENCE_TREE) && !defined(ALIGNGRAPH_DONE_SCHEDULE_DETAIL_PRECEDENCE_TREE)
#define ALIGNGRAPH_DONE_SCHEDULE_DETAIL_PRECEDENCE_TREE
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/schedule/detail/precedence_tree-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_SCHEDULE_DETAIL_GENETIC) && !defined(ALIGNGRAPH_DONE_SCHEDULE_DETAIL_GENETIC)
#define ALIGNGRAPH_DONE_SCHEDULE_DETAIL_GENETIC
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/schedule/detail/genetic-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_SCHEDULE_DETAIL_TIME_INDEXED) && !defined(ALIGNGRAPH_DONE_SCHEDULE_DETAIL_TIME_INDEXED)
#define ALIGNGRAPH_DONE_SCHEDULE_DETAIL_TIME_INDEXED
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/schedule/detail/time_indexed-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_SCHEDULE_DETAIL_NEIGHBOURHOOD) && !defined(ALIGNGRAPH_DONE_SCHEDULE_DETAIL_NEIGHBOURHOOD)
#define ALIGNGRAPH_DONE_SCHEDULE_DETAIL_NEIGHBOURHOOD
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/schedule/detail/neighbourhood-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_SCHEDULE_SCHEDULE) && !defined(ALIGNGRAPH_DONE_SCHEDULE_SCHEDULE)
#define ALIGNGRAPH_DONE_SCHEDULE_SCHEDULE
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/schedule/schedule-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_SCHEDULE_ROADMAP) && !defined(ALIGNGRAPH_DONE_SCHEDULE_ROADMAP)
#define ALIGNGRAPH_DONE_SCHEDULE_ROADMAP
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/schedule/roadmap-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_RISK_RISK) && !defined(ALIGNGRAPH_DONE_RISK_RISK)
#define ALIGNGRAPH_DONE_RISK_RISK
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/risk/risk-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_RISK_DETAIL_MARGINAL) && !defined(ALIGNGRAPH_DONE_RISK_DETAIL_MARGINAL)
#define ALIGNGRAPH_DONE_RISK_DETAIL_MARGINAL
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/risk/detail/marginal-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_RISK_PORTFOLIO_RISK) && !defined(ALIGNGRAPH_DONE_RISK_PORTFOLIO_RISK)
#define ALIGNGRAPH_DONE_RISK_PORTFOLIO_RISK
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/risk/portfolio_risk-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_REPORT_BRIEFING) && !defined(ALIGNGRAPH_DONE_REPORT_BRIEFING)
#define ALIGNGRAPH_DONE_REPORT_BRIEFING
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/report/briefing-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_IO_HTML_REPORT) && !defined(ALIGNGRAPH_DONE_IO_HTML_REPORT)
#define ALIGNGRAPH_DONE_IO_HTML_REPORT
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/io/html_report-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_IO_SVG) && !defined(ALIGNGRAPH_DONE_IO_SVG)
#define ALIGNGRAPH_DONE_IO_SVG
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/io/svg-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_IO_MODEL_REPORT) && !defined(ALIGNGRAPH_DONE_IO_MODEL_REPORT)
#define ALIGNGRAPH_DONE_IO_MODEL_REPORT
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/io/model_report-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_SELECTION_SCENARIO_COMPARISON) && !defined(ALIGNGRAPH_DONE_SELECTION_SCENARIO_COMPARISON)
#define ALIGNGRAPH_DONE_SELECTION_SCENARIO_COMPARISON
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/selection/scenario_comparison-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_RISK_ROBUST) && !defined(ALIGNGRAPH_DONE_RISK_ROBUST)
#define ALIGNGRAPH_DONE_RISK_ROBUST
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/risk/robust-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_RISK_RPM) && !defined(ALIGNGRAPH_DONE_RISK_RPM)
#define ALIGNGRAPH_DONE_RISK_RPM
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/risk/rpm-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_RISK_CHANCE) && !defined(ALIGNGRAPH_DONE_RISK_CHANCE)
#define ALIGNGRAPH_DONE_RISK_CHANCE
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/risk/chance-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_IO_NOTEBOOK_HTML) && !defined(ALIGNGRAPH_DONE_IO_NOTEBOOK_HTML)
#define ALIGNGRAPH_DONE_IO_NOTEBOOK_HTML
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/io/notebook_html-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_IO_RANKING_REPORT) && !defined(ALIGNGRAPH_DONE_IO_RANKING_REPORT)
#define ALIGNGRAPH_DONE_IO_RANKING_REPORT
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/io/ranking_report-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_IO_RISK_REPORT) && !defined(ALIGNGRAPH_DONE_IO_RISK_REPORT)
#define ALIGNGRAPH_DONE_IO_RISK_REPORT
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/io/risk_report-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_IO_ROBUST_REPORT) && !defined(ALIGNGRAPH_DONE_IO_ROBUST_REPORT)
#define ALIGNGRAPH_DONE_IO_ROBUST_REPORT
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/io/robust_report-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_IO_COMPARE_REPORT) && !defined(ALIGNGRAPH_DONE_IO_COMPARE_REPORT)
#define ALIGNGRAPH_DONE_IO_COMPARE_REPORT
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/io/compare_report-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_IO_SCHEDULE_REPORT) && !defined(ALIGNGRAPH_DONE_IO_SCHEDULE_REPORT)
#define ALIGNGRAPH_DONE_IO_SCHEDULE_REPORT
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/io/schedule_report-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_IO_SELECTION_REPORT) && !defined(ALIGNGRAPH_DONE_IO_SELECTION_REPORT)
#define ALIGNGRAPH_DONE_IO_SELECTION_REPORT
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/io/selection_report-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_MODEL_WHAT_IF) && !defined(ALIGNGRAPH_DONE_MODEL_WHAT_IF)
#define ALIGNGRAPH_DONE_MODEL_WHAT_IF
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/model/what_if-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_SCHEDULE_PSPLIB) && !defined(ALIGNGRAPH_DONE_SCHEDULE_PSPLIB)
#define ALIGNGRAPH_DONE_SCHEDULE_PSPLIB
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/schedule/psplib-inl.hpp"
#endif

#if defined(ALIGNGRAPH_INL_IO_SAMPLE_PORTFOLIO) && !defined(ALIGNGRAPH_DONE_IO_SAMPLE_PORTFOLIO)
#define ALIGNGRAPH_DONE_IO_SAMPLE_PORTFOLIO
#define ALIGNGRAPH_INCLUDED_ONE
#include "aligngraph/io/sample_portfolio-inl.hpp"
#endif
