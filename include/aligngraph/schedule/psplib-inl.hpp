#pragma once
// Reading PSPLIB .sm files (psplib.hpp).

#include "aligngraph/schedule/psplib.hpp"

#include <fmt/format.h>

#include <charconv>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "aligngraph/detail/constants.hpp"
#include "aligngraph/error.hpp"

namespace aligngraph {

namespace detail {

/// The white-space separated integers of a line; false when a word is not one.
ALIGNGRAPH_INLINE bool psplib_numbers(std::string_view line, std::vector<long long>& out) {
    out.clear();
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
        if (i >= line.size()) break;
        std::size_t k = i;
        while (k < line.size() && line[k] != ' ' && line[k] != '\t' && line[k] != '\r') ++k;
        long long v = 0;
        const auto [end, ec] = std::from_chars(line.data() + i, line.data() + k, v);
        if (ec != std::errc() || end != line.data() + k) return false;
        out.push_back(v);
        i = k;
    }
    return true;
}

ALIGNGRAPH_INLINE std::vector<std::string_view> psplib_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t at = 0;
    while (at <= text.size()) {
        const auto nl = text.find('\n', at);
        const auto end = nl == std::string_view::npos ? text.size() : nl;
        lines.push_back(text.substr(at, end - at));
        if (nl == std::string_view::npos) break;
        at = nl + 1;
    }
    return lines;
}

}  // namespace detail

ALIGNGRAPH_INLINE ScheduleProblem parse_psplib(std::string_view text, std::string_view source) {
    const auto lines = detail::psplib_lines(text);
    const auto fail = [&](std::size_t line, std::string what) {
        throw ValidationError(fmt::format("{}:{}: {}", source, line + 1, what));
    };
    const auto find = [&](std::string_view heading) -> std::size_t {
        for (std::size_t i = 0; i < lines.size(); ++i)
            if (lines[i].find(heading) != std::string_view::npos) return i;
        throw ValidationError(fmt::format("{}: no '{}' section; expected a PSPLIB single-mode (.sm) file", source, heading));
    };
    const auto after_colon = [&](std::size_t i) -> long long {
        const auto colon = lines[i].find(':');
        std::vector<long long> v;
        if (colon == std::string_view::npos || !detail::psplib_numbers(lines[i].substr(colon + 1), v) || v.empty())
            fail(i, "expected a number after ':'");
        return v[0];
    };
    std::vector<long long> v;
    const std::size_t jobs_line = find("jobs (incl. supersource/sink )");
    const long long n = after_colon(jobs_line);
    if (n < 0 || n > 1'000'000) fail(jobs_line, fmt::format("job count {} out of range", n));
    long long horizon = after_colon(find("horizon"));
    const std::size_t renewable_line = find("- renewable");
    const auto colon = lines[renewable_line].find(':');
    long long R = 0;
    {
        std::string_view rest = lines[renewable_line].substr(colon + 1);
        const auto r_at = rest.find('R');
        if (!detail::psplib_numbers(rest.substr(0, r_at), v) || v.size() != 1) fail(renewable_line, "expected the number of renewable resources");
        R = v[0];
    }
    if (R < 0 || R > 10'000) fail(renewable_line, fmt::format("resource count {} out of range", R));

    ScheduleProblem q;
    q.objective = ScheduleObjective::makespan;
    q.durations.assign(static_cast<std::size_t>(n), 0);
    for (long long j = 0; j < n; ++j) q.ids.push_back(std::to_string(j + 1));
    for (long long r = 0; r < R; ++r) q.resources.push_back(fmt::format("R {}", r + 1));

    // PRECEDENCE RELATIONS: job, modes, successor count, successors.
    std::size_t at = find("PRECEDENCE RELATIONS:") + 2;
    for (long long j = 0; j < n; ++j, ++at) {
        if (at >= lines.size() || !detail::psplib_numbers(lines[at], v) || v.size() < 3 || v[0] != j + 1 ||
            static_cast<long long>(v.size()) != 3 + v[2])
            fail(at, fmt::format("expected job {} with its mode count, successor count and successors", j + 1));
        if (v[1] != 1) fail(at, fmt::format("job {} has {} modes; only single-mode (.sm) files are read", j + 1, v[1]));
        for (std::size_t k = 3; k < v.size(); ++k) {
            if (v[k] < 1 || v[k] > n) fail(at, fmt::format("job {} has successor {}, expected 1 to {}", j + 1, v[k], n));
            q.precedences.push_back({.dependant = static_cast<Index>(v[k] - 1), .prerequisite = static_cast<Index>(j)});
        }
    }
    // REQUESTS/DURATIONS: job, mode, duration, demand per resource (after a dashed line).
    at = find("REQUESTS/DURATIONS:") + 1;
    while (at < lines.size() && lines[at].find("---") == std::string_view::npos) ++at;
    ++at;
    Eigen::MatrixXd use = Eigen::MatrixXd::Zero(n, R);
    for (long long j = 0; j < n; ++j, ++at) {
        if (at >= lines.size() || !detail::psplib_numbers(lines[at], v) || static_cast<long long>(v.size()) != 3 + R ||
            v[0] != j + 1)
            fail(at, fmt::format("expected job {} with its mode, duration and {} demands", j + 1, R));
        if (v[2] < 0 || v[2] > detail::max_periods)
            fail(at, fmt::format("job {} has duration {}; expected 0 to {} periods", j + 1, v[2], detail::max_periods));
        q.durations[static_cast<std::size_t>(j)] = static_cast<Periods>(v[2]);
        for (long long r = 0; r < R; ++r) {
            if (v[3 + r] < 0) fail(at, fmt::format("job {} has demand {} on R {}; expected >= 0", j + 1, v[3 + r], r + 1));
            use(j, r) = static_cast<double>(v[3 + r]);
        }
    }
    // RESOURCEAVAILABILITIES: a line of names, then the capacities.
    at = find("RESOURCEAVAILABILITIES:") + 2;
    if (at >= lines.size() || !detail::psplib_numbers(lines[at], v) || static_cast<long long>(v.size()) != R)
        fail(at, fmt::format("expected {} resource capacities", R));
    q.capacity.resize(R, 1);
    for (long long r = 0; r < R; ++r) {
        if (v[r] < 0) fail(at, fmt::format("R {} has capacity {}; expected >= 0", r + 1, v[r]));
        q.capacity(r, 0) = static_cast<double>(v[r]);
    }
    q.usage = constant_usage(q.durations, use);
    long long total = 0;
    for (auto d : q.durations) total += d;
    q.horizon = static_cast<Periods>(std::max(horizon, total));
    return q;
}

ALIGNGRAPH_INLINE ScheduleProblem read_psplib(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ValidationError(fmt::format("{}: cannot be read", path.string()));
    std::stringstream text;
    text << in.rdbuf();
    return parse_psplib(text.str(), path.string());
}

ALIGNGRAPH_INLINE int psplib_critical_path(std::string_view text) {
    const auto lines = detail::psplib_lines(text);
    std::vector<long long> v;
    for (std::size_t i = 0; i + 1 < lines.size(); ++i)
        if (lines[i].find("MPM-Time") != std::string_view::npos && detail::psplib_numbers(lines[i + 1], v) && v.size() >= 6)
            return static_cast<int>(v[5]);
    return -1;
}

}  // namespace aligngraph
