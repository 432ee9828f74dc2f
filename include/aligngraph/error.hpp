#pragma once
/// @file error.hpp
/// The exception hierarchy of aligngraph. Every error message names the function or
/// file, the item, the offending value and what was expected.

#include "aligngraph/export.hpp"
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace aligngraph {

/// Base of every exception thrown by aligngraph.
class ALIGNGRAPH_API Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// How serious a problem is: an error makes a model invalid; a warning is worth a look
/// but changes nothing.
enum class Severity { error, warning };

/// One thing wrong with a model: where it is and what is wrong.
struct Problem {
    /// JSON pointer into the model file format (`/initiatives/3/costs/capex/2`),
    /// valid for a model loaded from a file and for the file `save()` would write.
    std::string pointer;
    /// What is wrong, naming the item by its id (`initiative 'I-7' requires unknown initiative 'I-99'`).
    std::string message;
    /// For a cycle, the ids along it, first id repeated at the end; empty otherwise.
    std::vector<std::string> cycle;
    Severity severity = Severity::error;
};

/// A model, a model file or an argument is invalid. Carries every problem found.
class ALIGNGRAPH_API ValidationError : public Error {
public:
    explicit ValidationError(std::string what, std::vector<Problem> problems = {})
        : Error(std::move(what)), problems_(std::move(problems)) {}
    /// Every problem found, in model order; may be empty for a single argument error.
    const std::vector<Problem>& problems() const noexcept { return problems_; }

private:
    std::vector<Problem> problems_;
};

/// A cycle among goals or `requires` links. `cycle()` holds the ids along it,
/// with the first id repeated at the end: {"I-3", "I-9", "I-3"}.
class ALIGNGRAPH_API CycleError : public ValidationError {
public:
    CycleError(std::string what, std::vector<std::string> cycle, std::vector<Problem> problems = {})
        : ValidationError(std::move(what), std::move(problems)), cycle_(std::move(cycle)) {}
    const std::vector<std::string>& cycle() const noexcept { return cycle_; }

private:
    std::vector<std::string> cycle_;
};

/// The constraints of a problem cannot all be met (e.g. mandatory initiatives alone overrun a budget).
class ALIGNGRAPH_API InfeasibleError : public Error {
public:
    using Error::Error;
};

/// A solver stopped without any solution (e.g. a limit reached before the first feasible point).
class ALIGNGRAPH_API NoSolutionError : public Error {
public:
    using Error::Error;
};

/// A model or a request would need more memory than memory_limit() allows (memory.hpp):
/// refused before allocating, saying what is too big and how to raise the limit.
class ALIGNGRAPH_API ResourceError : public Error {
public:
    using Error::Error;
};

}  // namespace aligngraph
