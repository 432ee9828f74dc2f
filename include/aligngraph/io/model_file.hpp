#pragma once
/// @file model_file.hpp
/// The JSON model file (docs/model-format.md, schema in schema/aligngraph-model.schema.json).
///
///     auto p = aligngraph::load_model("bank.json");  // throws ValidationError listing every problem
///     aligngraph::save_model(p, "copy.json");        // atomic; load_model("copy.json") == p

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_IO_MODEL_FILE
#endif

#include "aligngraph/export.hpp"
#include <filesystem>
#include <string>
#include <string_view>

#include "aligngraph/io/atomic_file.hpp"
#include "aligngraph/model/portfolio.hpp"

namespace aligngraph {

/// Version of the file format this library writes and reads.
inline constexpr int model_format_version = 1;

/// Parse a model from JSON text. `source` names the text in messages (a file name).
/// Each problem names the source, the JSON pointer and what was expected:
/// `bank.json: /initiatives/3/costs/capex/2: expected a finite amount >= 0, got -5`.
/// @throws CycleError or ValidationError listing every problem found (syntax errors stop at the first).
ALIGNGRAPH_API Portfolio model_from_json(std::string_view text, std::string_view source = "<string>");

/// Read and parse a model file. @throws Error when the file cannot be read;
/// ValidationError / CycleError as model_from_json.
ALIGNGRAPH_API Portfolio load_model(const std::filesystem::path& path);

/// The model as JSON text (explicit flows; compact forms are written expanded).
/// `indent` < 0 writes one line.
ALIGNGRAPH_API std::string model_to_json(const Portfolio& p, int indent = 2);

/// Write the model to a file atomically: a temporary file beside it, flushed to
/// disk, then renamed over the target. @throws Error naming the file and the cause.
ALIGNGRAPH_API void save_model(const Portfolio& p, const std::filesystem::path& path);

}  // namespace aligngraph

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_IO_MODEL_READER
#define ALIGNGRAPH_INL_IO_MODEL_WRITER
#ifdef ALIGNGRAPH_OUTERMOST_IO_MODEL_FILE
#undef ALIGNGRAPH_OUTERMOST_IO_MODEL_FILE
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
