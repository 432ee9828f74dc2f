#pragma once
// Where the public benchmark data with published answers lives: the environment
// variable ALIGNGRAPH_REFERENCE_DATA, else ../shared/data beside the source tree.

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

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

/// The path of a reference file. When it is absent: in CI (CI=true) the test fails, since a
/// reference test that passes without its data proves nothing; elsewhere the test prints
/// "SKIPPED: reference data" (ctest reports it as skipped) and the caller returns on empty.
inline std::filesystem::path require(const std::string& relative) {
    auto p = find(relative);
    if (!p.empty()) return p;
    const char* ci = std::getenv("CI");
    if (ci && std::string_view(ci) == "true")
        FAIL("reference data " << relative << " not found under " << root() << " (set ALIGNGRAPH_REFERENCE_DATA)");
    WARN("SKIPPED: reference data " << relative << " not found under " << root() << " (set ALIGNGRAPH_REFERENCE_DATA)");
    return {};
}

}  // namespace reference_data
