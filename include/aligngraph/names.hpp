#pragma once
/// @file names.hpp
/// One name table per enum. `to_string`, `from_string`, the model file, the command line's
/// choices and the Python enums all read the same table, so a value has one name
/// everywhere:
///
///     aligngraph::to_string(aligngraph::Objective::npv)             // "npv"
///     aligngraph::from_string<aligngraph::Objective>("alignment")   // Objective::alignment
///
/// A header that declares an enum specialises EnumNames for it beside the declaration.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace aligngraph {

/// The names of an enum's values: `table`, an array of (value, name) pairs in declaration
/// order, and `type`, the enum's name. Specialised beside each enum.
template <class E>
struct EnumNames;

/// An enum with a name table.
template <class E>
concept NamedEnum = requires { EnumNames<E>::table; };

/// The value's name ("on_hold", "npv"). Every value of a named enum has one.
template <NamedEnum E>
constexpr std::string_view to_string(E value) {
    for (const auto& [v, name] : EnumNames<E>::table)
        if (v == value) return name;
    return "?";
}

/// The value of a name, or nothing for an unknown name (names are case-sensitive).
template <NamedEnum E>
constexpr std::optional<E> from_string(std::string_view name) {
    for (const auto& [v, n] : EnumNames<E>::table)
        if (n == name) return v;
    return std::nullopt;
}

/// Every name of the enum, in declaration order, joined by `separator` ("npv, alignment, composite").
template <NamedEnum E>
std::string names_of(std::string_view separator = ", ") {
    std::string out;
    for (const auto& [v, n] : EnumNames<E>::table) {
        if (!out.empty()) out += separator;
        out += n;
    }
    return out;
}

}  // namespace aligngraph
