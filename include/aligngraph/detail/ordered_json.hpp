#pragma once
// The JSON type the writers use: nlohmann's, keeping keys in the order written. Not public API.

#include <nlohmann/json.hpp>

namespace aligngraph::detail {

using ojson = nlohmann::ordered_json;

}  // namespace aligngraph::detail
