#pragma once
/// @file atomic_file.hpp
/// Replacing a file so that a reader (or a crash) sees the old content or the new, never a
/// mix: the content goes to a temporary file beside the target, is flushed to disk, and
/// the temporary file then replaces the target in one step (rename(2) on POSIX,
/// ReplaceFileW / MoveFileExW on Windows).
///
///     aligngraph::write_file_atomically("report.html", html);

#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)
// The outermost aligngraph header: its implementations come at its end (export.hpp).
#define ALIGNGRAPH_DECLARING
#define ALIGNGRAPH_OUTERMOST_IO_ATOMIC_FILE
#endif

#include "aligngraph/export.hpp"
#include <filesystem>
#include <string_view>

namespace aligngraph {

/// Replace `path` atomically by `content`. The temporary file is removed on failure. A
/// symbolic link is followed to the file it names (the link stays); a replaced file keeps
/// its permissions (and owner, where allowed); temporaries left by killed saves of the same
/// file are removed.
/// @throws Error naming the file, the step that failed and the system's reason.
ALIGNGRAPH_API void write_file_atomically(const std::filesystem::path& path, std::string_view content);

}  // namespace aligngraph

#ifdef ALIGNGRAPH_HEADER_ONLY
#define ALIGNGRAPH_INL_IO_ATOMIC_FILE
#ifdef ALIGNGRAPH_OUTERMOST_IO_ATOMIC_FILE
#undef ALIGNGRAPH_OUTERMOST_IO_ATOMIC_FILE
#include "aligngraph/detail/implementations.hpp"
#endif
#endif
