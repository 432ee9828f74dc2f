#pragma once
// Where the public benchmark data with published answers lives: the environment
// variable ALIGNGRAPH_REFERENCE_DATA, else ../shared/data beside the source tree.

#include <cstdlib>
#include <filesystem>
#include <string>

namespace reference_data {

inline std::filesystem::path root() {
    if (const char* env = std::getenv("ALIGNGRAPH_REFERENCE_DATA"); env && *env) return env;
    return ALIGNGRAPH_REFERENCE_DATA_DEFAULT;
}

/// The path of a reference file, or empty when it is absent (the caller then says it skipped).
inline std::filesystem::path find(const std::string& relative) {
    auto p = root() / relative;
    return std::filesystem::exists(p) ? p : std::filesystem::path{};
}

}  // namespace reference_data
