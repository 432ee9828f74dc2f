#pragma once
// Small text helpers shared by the model, its file format, the analyses' explanations and
// the reports. Not public API.

#include <fmt/format.h>

#include <cmath>
#include <string>
#include <string_view>

namespace aligngraph::detail {

/// `s` with every control character (below 0x20, and 0x7f) written as an escape (\n, \t,
/// \x1b): what the user gave, printable without moving the cursor or forging a line.
inline std::string escaped(std::string_view s) {
    std::string out;
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else if (c == '\r') out += "\\r";
        else if (u < 0x20 || u == 0x7f) out += fmt::format("\\x{:02x}", u);
        else out += c;
    }
    return out;
}

/// Why text of the model (an id, a name, a label) is refused: it has a control character;
/// or "" when it has none. `what` names the field.
inline std::string control_character_problem(std::string_view what, std::string_view s) {
    for (std::size_t k = 0; k < s.size(); ++k) {
        const auto u = static_cast<unsigned char>(s[k]);
        if (u < 0x20 || u == 0x7f)
            return fmt::format("{} \"{}\" has a control character (\\x{:02x}) at position {}; text in a model is printable", what,
                               escaped(s), u, k);
    }
    return {};
}

/// One reference token of a JSON pointer (RFC 6901): '~' as "~0", '/' as "~1".
inline std::string pointer_token(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

/// An amount as every text output writes it (money and other amounts alike): four
/// significant digits below a thousand (950, 12.5, 0.01234), then thousands, millions,
/// billions and trillions with a suffix (12.5k, 3.40M, -1.20B, 5.00T); "-" for NaN, "0"
/// for anything below 0.0001 in size (never an exponent).
/// The JSON outputs carry the exact numbers.
inline std::string money(double v) {
    if (std::isnan(v)) return "-";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    const double a = std::abs(v);
    if (a < 1e-4) return "0";  // below a ten-thousandth of a unit: nothing to show (and no exponent)
    // Each step up starts where the step below would round to 1000 of its unit.
    if (a < 999.95e3) return a < 999.95 ? fmt::format("{:.4g}", v) : fmt::format("{:.1f}k", v / 1e3);
    if (a < 999.995e6) return fmt::format("{:.2f}M", v / 1e6);
    if (a < 999.995e9) return fmt::format("{:.2f}B", v / 1e9);
    return fmt::format("{:.2f}T", v / 1e12);
}

}  // namespace aligngraph::detail
