#pragma once
/// @file report.hpp
/// Human- and machine-readable summaries of a model, as the command line prints them.

#include <string>
#include <vector>

#include "aligngraph/error.hpp"
#include "aligngraph/model/portfolio.hpp"

namespace aligngraph {

/// Goal tree with global weights, initiatives table, budgets per period, as aligned
/// text for a terminal of `width` columns (>= 60).
std::string summary_text(const Portfolio& p, int width = 100);

/// The same content as a JSON document.
std::string summary_json(const Portfolio& p);

/// A list of problems as text, one per line, each prefixed by `source: pointer:`.
std::string problems_text(const std::vector<Problem>& problems, const std::string& source);

/// A list of problems as JSON: {"valid": bool, "errors": [{"pointer", "message"}]}.
std::string problems_json(const std::vector<Problem>& problems, const std::string& source);

}  // namespace aligngraph
