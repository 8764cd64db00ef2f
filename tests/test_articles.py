"""Whole articles written for the tests: each in contradictions/ holds one contradiction, named
by `expect:` in its front matter, and must give exactly that finding, on the slip's paragraph (or
pointing there) when `where:` names the slip; each in clean/ is full of
traps (two people's trips, stated changes, Oxford spellings, run-on quotations) and must give
none in the families the quality instrument charges."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES

import newslint

ARTICLES = FIXTURES / "articles"
CHARGED = ("spelling", "grammar", "consistency", "boilerplate", "style")


def expected_rule(path: Path) -> str:
    front = path.read_text(encoding="utf-8").split("---")[1]
    return yaml.safe_load(front)["expect"]


def slip_lines(path: Path) -> set[int]:
    """The lines of the paragraph that holds the slip, where the front matter names it (`where:`
    the wrong words as the text has them); empty when it does not."""
    text = path.read_text(encoding="utf-8")
    where = yaml.safe_load(text.split("---")[1]).get("where")
    if not where:
        return set()
    body = text.index("---", 3) + 3
    at = text.index(where, body)
    start = text.rfind("\n\n", 0, at) + 2
    end = text.find("\n\n", at)
    end = len(text) if end < 0 else end
    first = text.count("\n", 0, start) + 1
    return set(range(first, first + text.count("\n", start, end) + 1))


@pytest.mark.parametrize("path", sorted((ARTICLES / "contradictions").glob("*.md")), ids=lambda p: p.stem)
def test_the_one_contradiction_is_found(path):
    found = [d for d in newslint.check_file(path) if d.family in CHARGED]
    assert [d.rule for d in found] == [expected_rule(path)], [f"{d.line}: {d.message}" for d in found]
    # the finding names the other place it contradicts, where there is one in the text
    assert found[0].related or found[0].rule in ("consistency/quote-balance", "consistency/weekday-date")
    # and it is found for the right reason: on the slip's paragraph, or pointing there
    lines = slip_lines(path)
    if lines:
        assert {found[0].line, *(r.line for r in found[0].related)} & lines, \
            f"found on line {found[0].line}, the slip is on lines {sorted(lines)}: {found[0].message}"


@pytest.mark.parametrize("path", sorted((ARTICLES / "clean").glob("*.md")), ids=lambda p: p.stem)
def test_clean_articles_stay_clean(path):
    found = [d for d in newslint.check_file(path) if d.family in CHARGED]
    assert found == [], [f"{d.line}: {d.rule} {d.message}" for d in found]
