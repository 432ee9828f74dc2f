"""The house's layering, checked on the sources: the model depends on no analysis, and every
header-only mode brings every implementation."""

import re
from pathlib import Path

INCLUDE = Path(__file__).resolve().parents[2] / "include" / "aligngraph"
ANALYSES = ("weights", "scoring", "finance", "selection", "io")


def included(path: Path) -> list[str]:
    return re.findall(r'#include "aligngraph/([^"]+)"', path.read_text())


def test_the_model_includes_no_analysis():
    model = sorted((INCLUDE / "model").glob("*.hpp"))
    assert model, f"no model headers under {INCLUDE}"
    for path in model:
        for header in included(path):
            assert header.split("/")[0] not in ANALYSES, f"{path.name} includes {header}"


def macro_name(relative: str) -> str:
    """model/portfolio-inl.hpp and model/portfolio.hpp -> MODEL_PORTFOLIO."""
    stem = relative.removesuffix(".hpp").removesuffix("-inl")
    return re.sub(r"[^A-Za-z0-9]", "_", stem).upper()


def test_header_only_mode_brings_every_implementation_after_all_declarations():
    # detail/implementations.hpp explains the scheme: a header records its -inl.hpp
    # (ALIGNGRAPH_INL_<NAME>); the outermost header includes what was recorded, in the
    # order of detail/implementation_list.hpp, at its end.
    parts = sorted(str(p.relative_to(INCLUDE)) for p in INCLUDE.rglob("*-inl.hpp"))
    assert len(parts) > 20
    listing = (INCLUDE / "detail" / "implementation_list.hpp").read_text()
    listed = re.findall(r'#if defined\(ALIGNGRAPH_INL_(\w+)\) && !defined\(ALIGNGRAPH_DONE_\1\)\n'
                        r'#define ALIGNGRAPH_DONE_\1\n#define ALIGNGRAPH_INCLUDED_ONE\n'
                        r'#include "aligngraph/([^"]+-inl\.hpp)"\n#endif', listing)
    assert len(listed) == listing.count("#include"), "an entry of implementation_list.hpp is malformed"
    assert all(name == macro_name(part) for name, part in listed)
    # The generated sample's implementation is listed too (it lives in the build tree).
    assert sorted(part for _, part in listed) == sorted(parts + ["io/sample_portfolio-inl.hpp"])

    headers = {str(h.relative_to(INCLUDE)): h.read_text() for h in INCLUDE.rglob("*.hpp")
               if not h.name.endswith("-inl.hpp") and not h.name.startswith("implementation")}
    recorded = {h: re.findall(r"#define ALIGNGRAPH_INL_(\w+)", text) for h, text in headers.items()}
    # Each listed implementation is recorded by a header (detail/digraph.hpp records
    # model/graph's, where its functions are), and only those.
    assert {n for names in recorded.values() for n in names} == {name for name, _ in listed}

    def brings(h: str, seen: set[str]) -> bool:
        seen.add(h)
        return bool(recorded[h]) or any(brings(d, seen) for d in included_by(h) if d in headers and d not in seen)

    def included_by(h: str) -> list[str]:
        return re.findall(r'#include "aligngraph/([^"]+)"', headers[h])

    for h, text in headers.items():
        assert not re.search(r'#include "aligngraph/[^"]+-inl\.hpp"', text), f"{h} includes an implementation itself"
        if not brings(h, set()):
            continue
        name = macro_name(h)
        top = ("#if defined(ALIGNGRAPH_HEADER_ONLY) && !defined(ALIGNGRAPH_DECLARING)\n"
               "// The outermost aligngraph header: its implementations come at its end (export.hpp).\n"
               f"#define ALIGNGRAPH_DECLARING\n#define ALIGNGRAPH_OUTERMOST_{name}\n#endif\n")
        tail = (f"#ifdef ALIGNGRAPH_OUTERMOST_{name}\n#undef ALIGNGRAPH_OUTERMOST_{name}\n"
                '#include "aligngraph/detail/implementations.hpp"\n#endif\n#endif\n')
        assert top in text, f"{h} lacks the header-only lines at its top"
        assert text.index(top) < text.index("#include") if "#include" in text else True, f"{h}: top lines after an include"
        assert text.endswith(tail), f"{h} does not end with the header-only lines"


def test_no_anonymous_namespace_or_using_directive_in_headers():
    # In header-only mode every header is part of the user's translation unit.
    for path in INCLUDE.rglob("*.hpp"):
        text = path.read_text()
        assert not re.search(r"namespace\s*\{", text), f"anonymous namespace in {path.name}"
        assert not re.search(r"^\s*using namespace\b", text, re.M), f"using namespace in {path.name}"


def test_headers_declare_nothing_of_detail_in_the_public_namespace():
    # `using detail::fit;` in an -inl.hpp would put detail's helpers into aligngraph:: for
    # every header-only user.
    for path in INCLUDE.rglob("*.hpp"):
        assert not re.search(r"^using detail::", path.read_text(), re.M), f"using detail:: in {path.name}"
