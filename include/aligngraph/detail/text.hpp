#pragma once
// Small text helpers shared by the model, its file format, the analyses' explanations and
// the reports. Not public API.

#include <fmt/format.h>

#include <cmath>
#include <string>
#include <string_view>
#include <vector>

namespace aligngraph::detail {

/// Length of the well-formed UTF-8 sequence at the start of `s` (1 to 4), or 0 when its
/// first byte does not start one (a stray continuation byte, a truncated sequence, an
/// overlong form, a surrogate, a code point past U+10FFFF).
inline std::size_t utf8_sequence_length(std::string_view s) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const auto lead = byte(0);
    if (lead < 0x80) return 1;
    std::size_t n = 0;
    unsigned lo = 0x80, hi = 0xbf;  // the range of the second byte, narrowed to refuse overlongs and surrogates
    if (lead >= 0xc2 && lead <= 0xdf) n = 2;
    else if (lead >= 0xe0 && lead <= 0xef) n = 3, lo = lead == 0xe0 ? 0xa0 : 0x80, hi = lead == 0xed ? 0x9f : 0xbf;
    else if (lead >= 0xf0 && lead <= 0xf4) n = 4, lo = lead == 0xf0 ? 0x90 : 0x80, hi = lead == 0xf4 ? 0x8f : 0xbf;
    else return 0;
    if (s.size() < n || byte(1) < lo || byte(1) > hi) return 0;
    for (std::size_t k = 2; k < n; ++k)
        if (byte(k) < 0x80 || byte(k) > 0xbf) return 0;
    return n;
}

/// `s` with every control character (below 0x20, and 0x7f) written as an escape (\n, \t,
/// \x1b), and every byte that is not part of well-formed UTF-8 as \xNN: what the user gave,
/// printable without moving the cursor or forging a line, and valid UTF-8 for any reader
/// (Python decodes an error message as UTF-8).
inline std::string escaped(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t k = 0; k < s.size();) {
        const char c = s[k];
        const auto u = static_cast<unsigned char>(c);
        if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else if (c == '\r') out += "\\r";
        else if (u < 0x20 || u == 0x7f) out += fmt::format("\\x{:02x}", u);
        else if (u < 0x80) out += c;
        else if (const auto n = utf8_sequence_length(s.substr(k)); n > 0) {
            out.append(s.substr(k, n));
            k += n;
            continue;
        } else {
            out += fmt::format("\\x{:02x}", u);
        }
        ++k;
    }
    return out;
}

/// Why text of the model (an id, a name, a label) is refused: it has a control character,
/// or bytes that are not UTF-8; or "" when it is printable. `what` names the field.
inline std::string control_character_problem(std::string_view what, std::string_view s) {
    for (std::size_t k = 0; k < s.size();) {
        const auto u = static_cast<unsigned char>(s[k]);
        if (u < 0x20 || u == 0x7f)
            return fmt::format("{} \"{}\" has a control character (\\x{:02x}) at position {}; text in a model is printable", what,
                               escaped(s), u, k);
        const auto n = utf8_sequence_length(s.substr(k));
        if (n == 0)
            return fmt::format("{} \"{}\" is not UTF-8 at byte {} (\\x{:02x}); text in a model is UTF-8", what, escaped(s), k, u);
        k += n;
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

/// An amount with its currency after it ("2.56M EUR"), or alone when there is none.
inline std::string with_unit(double v, const std::string& currency) { return money(v) + (currency.empty() ? "" : " " + currency); }

/// A share as a percentage with one decimal ("12.5%"); "-" for NaN.
inline std::string percent(double v) { return std::isnan(v) ? std::string("-") : fmt::format("{:.1f}%", 100 * v); }

/// The ids of `items` (indices into `ids`), comma-separated; "none" when there are none.
template <class Indices>
std::string id_list(const std::vector<std::string>& ids, const Indices& items) {
    std::string out;
    for (auto i : items) out += (out.empty() ? "" : ", ") + ids[static_cast<std::size_t>(i)];
    return out.empty() ? std::string("none") : out;
}

}  // namespace aligngraph::detail
