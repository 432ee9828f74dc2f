#pragma once
// Text layout shared by the reports: widths in columns of UTF-8 text, cutting, padding,
// wrapping. Not public API.

#include <algorithm>
#include <cstddef>
#include <string>

#include "aligngraph/detail/text.hpp"

namespace aligngraph::detail {

/// `s` cut to `width` characters (UTF-8 aware), with an ellipsis when cut.
/// `raw` in at most `width` columns (cut with "…"), control characters escaped (escaped()).
inline std::string fit(const std::string& raw, std::size_t width) {
    const std::string s = escaped(raw);
    std::size_t chars = 0, cut = s.size();
    for (std::size_t k = 0; k < s.size(); ++k) {
        if ((static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) continue;
        if (chars == width - 1 && cut == s.size()) cut = k;
        if (++chars > width) return s.substr(0, cut) + "…";
    }
    return s;
}

/// Display width of UTF-8 text (one column per code point).
inline std::size_t columns(const std::string& s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

inline std::string pad(const std::string& s, std::size_t width) {
    const auto c = columns(s);
    return c >= width ? s : s + std::string(width - c, ' ');
}

// `head` then `text`, wrapped at spaces to `width` columns, continuation lines indented.
inline std::string wrapped(const std::string& head, const std::string& text, std::size_t indent, std::size_t width) {
    std::string out = head;
    std::size_t used = columns(head);
    bool line_start = true;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        auto end = text.find(' ', pos);
        if (end == std::string::npos) end = text.size();
        const std::string word = text.substr(pos, end - pos);
        pos = end + 1;
        if (word.empty()) continue;
        if (!line_start && used + 1 + columns(word) > width) {
            out += "\n" + std::string(indent, ' ');
            used = indent;
            line_start = true;
        }
        if (!line_start) {
            out += ' ';
            ++used;
        }
        out += word;
        used += columns(word);
        line_start = false;
    }
    return out + "\n";
}


}  // namespace aligngraph::detail
