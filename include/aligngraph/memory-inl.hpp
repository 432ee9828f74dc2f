#pragma once
// The memory cap (memory.hpp).

#include "aligngraph/memory.hpp"

#include "aligngraph/error.hpp"

#include <fmt/format.h>

#include <atomic>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace aligngraph {

namespace detail {

// The cap set by set_memory_limit(); 0 when none was.
inline std::atomic<std::uint64_t>& memory_limit_set() {
    static std::atomic<std::uint64_t> bytes{0};
    return bytes;
}

inline std::string bytes_text(double bytes) {
    const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    int u = 0;
    while (bytes >= 1024 && u < 6) {
        bytes /= 1024;
        ++u;
    }
    return fmt::format("{:.{}f} {}", bytes, u == 0 ? 0 : 1, units[u]);
}

}  // namespace detail

ALIGNGRAPH_INLINE std::uint64_t parse_memory_size(std::string_view text) {
    std::string s(text);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    std::uint64_t scale = 1;
    if (!s.empty()) {
        switch (std::toupper(static_cast<unsigned char>(s.back()))) {
            case 'K': scale = 1ull << 10; break;
            case 'M': scale = 1ull << 20; break;
            case 'G': scale = 1ull << 30; break;
            case 'T': scale = 1ull << 40; break;
            default: break;
        }
        if (scale > 1) s.pop_back();
    }
    char* end = nullptr;
    const double v = s.empty() || !std::isdigit(static_cast<unsigned char>(s.front())) ? -1 : std::strtod(s.c_str(), &end);
    if (!(v > 0) || end != s.c_str() + s.size() || !(v * static_cast<double>(scale) < 1.8e19))
        throw ValidationError(fmt::format("memory limit \"{}\": expected a size in bytes, or with K, M, G or T (\"64G\")",
                                          std::string(text)));
    return static_cast<std::uint64_t>(v * static_cast<double>(scale));
}

ALIGNGRAPH_INLINE std::uint64_t memory_limit() {
    if (const auto set = detail::memory_limit_set().load(); set > 0) return set;
    if (const char* env = std::getenv("ALIGNGRAPH_MEMORY_LIMIT"); env && *env) {
        try {
            return parse_memory_size(env);
        } catch (const ValidationError& e) {
            throw ValidationError(fmt::format("ALIGNGRAPH_MEMORY_LIMIT: {}", e.what()));
        }
    }
    return 8ull << 30;
}

ALIGNGRAPH_INLINE void set_memory_limit(std::uint64_t bytes) { detail::memory_limit_set().store(bytes); }

namespace detail {

ALIGNGRAPH_INLINE void check_memory(std::string_view what, double bytes) {
    const auto limit = memory_limit();
    if (bytes <= static_cast<double>(limit)) return;
    throw ResourceError(fmt::format(
        "{} would need {}, more than the memory limit of {}; raise the limit (ALIGNGRAPH_MEMORY_LIMIT=64G, the command line's "
        "--memory-limit, Python's aligngraph.set_memory_limit()) if the machine has the memory, or make the model smaller",
        what, bytes_text(bytes), bytes_text(static_cast<double>(limit))));
}

}  // namespace detail

}  // namespace aligngraph
