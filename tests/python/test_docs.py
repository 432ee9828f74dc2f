"""The README and the docs link only to what the repository holds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)\s]+)\)")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_relative_links_stay_in_the_repository(page):
    for target in LINK.findall(page.read_text()):
        if re.match(r"[a-z]+:", target) or target.startswith("#"):
            continue
        path = (page.parent / target.split("#")[0]).resolve()
        assert path.is_relative_to(ROOT), f"{page.name} links outside the repository: {target}"
        assert path.exists(), f"{page.name} links to a missing file: {target}"


def test_the_error_catalogue_names_tests_that_exist():
    root = Path(__file__).resolve().parents[2]
    catalogue = (root / "docs" / "errors.md").read_text()
    python_tests = "".join(p.read_text() for p in (root / "tests" / "python").glob("test_*.py"))
    named = set(re.findall(r"`(?:tests/python/\w+\.py::)?(test_\w+)`", catalogue))
    assert len(named) >= 8
    for name in named:
        assert f"def {name}(" in python_tests, f"docs/errors.md names {name}, which no test defines"
    # The test column (the last cell of each row) names C++ and CLI tests by their titles.
    cpp_tests = "".join(p.read_text() for p in (root / "tests" / "cpp").glob("test_*.cpp"))
    cli_tests = (root / "tests" / "CMakeLists.txt").read_text()
    titles = []
    for line in catalogue.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")] if line.startswith("|") else []
        if len(cells) >= 3 and not set(cells[-1]) <= set("-"):
            titles += [t.rstrip("…") for t in re.findall(r'"([^"]+)"', cells[-1])]
    assert len(titles) >= 8
    for title in titles:
        assert title in cpp_tests or title in cli_tests, f"docs/errors.md names the test '{title}', which is not there"
