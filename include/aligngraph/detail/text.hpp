#pragma once
// Small text helpers shared by the model and its file format. Not public API.

#include <string>
#include <string_view>

namespace aligngraph::detail {

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

}  // namespace aligngraph::detail
