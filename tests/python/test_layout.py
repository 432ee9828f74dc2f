"""The house's layering, checked on the sources: the model depends on no analysis, and every
header with an implementation includes it in header-only mode."""

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


def test_every_implementation_is_included_by_its_header_in_header_only_mode():
    parts = sorted(INCLUDE.rglob("*-inl.hpp"))
    assert len(parts) > 20
    headers = [p for p in INCLUDE.rglob("*.hpp") if not p.name.endswith("-inl.hpp")]
    brought = set()
    for h in headers:
        text = h.read_text()
        if "#ifdef ALIGNGRAPH_HEADER_ONLY" in text:
            tail = text[text.index("#ifdef ALIGNGRAPH_HEADER_ONLY"):]
            brought.update(re.findall(r'#include "aligngraph/([^"]+-inl\.hpp)"', tail))
    for part in parts:
        assert str(part.relative_to(INCLUDE)) in brought, f"no header includes {part.name} in header-only mode"


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
