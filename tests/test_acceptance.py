"""Acceptance: what newslint must report on the seed article (../shared/examples), and on a
story of our own written in the same shape, for the parts the core engine covers."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO, run_cli

import newslint


def shared_dir() -> Path | None:
    for candidate in (os.environ.get("NEWSLINT_SHARED"), REPO.parent / "shared", Path("/work/shared")):
        if candidate and (Path(candidate) / "examples" / "seed-article.txt").is_file():
            return Path(candidate)
    return None


SHARED = shared_dir()
needs_seed = pytest.mark.skipif(SHARED is None, reason="the seed article (../shared/examples) is not on this machine")


def found(diagnostics, family):
    return {(d.line, d.column, d.end_line, d.end_column) for d in diagnostics if d.family == family}


@needs_seed
def test_seed_article_core_rows():
    diags = newslint.check_file(SHARED / "examples" / "seed-article.txt")
    by_rule = {(d.rule, d.line, d.column, d.end_column) for d in diags}
    assert ("consistency/abbreviations", 3, 1, 3) in by_rule          # "US" among "U.S."
    assert ("style/agency-names", 4, 15, 18) in by_rule               # Afp -> AFP
    assert ("style/stacked-hedges", 20, 26, 45) in by_rule            # could also possibly
    # the "Articles You May Like" widget is one block: heading (28) to the last headline (34)
    assert ("boilerplate/related-links", 28, 1, 34, 100) in {(d.rule, d.line, d.column, d.end_line, d.end_column)
                                                             for d in diags}
    assert ("boilerplate/comment-form", 36, 1, 14) in by_rule         # Leave a Reply
    assert {d.line for d in diags if d.family == "boilerplate"} >= {28, 36, 38}
    long_sentences = {d.line for d in diags if d.rule == "readability/sentence-length"}
    assert long_sentences == {6, 14, 20}
    # names, places and the house style's curly quotes are not flagged; the one typo is
    spelling = [d for d in diags if d.family == "spelling"]
    assert [(d.rule, d.line, d.column, d.end_column, d.suggestions) for d in spelling] == [
        ("spelling/unknown-word", 12, 106, 116, ["previously"])]
    assert spelling[0].fix is not None and spelling[0].fix.safe
    assert not [d for d in diags if d.family == "grammar"]


@needs_seed
def test_seed_statistics_include_the_grade():
    code, out, _ = run_cli("check", str(SHARED / "examples" / "seed-article.txt"), "--statistics")
    stats = next(line for line in out.splitlines() if ": statistics:" in line)
    assert "flesch kincaid grade" in stats and "flesch reading ease" in stats


def test_own_story_in_the_seed_shape():
    diags = newslint.check_file(FIXTURES / "articles" / "trip-story.txt")
    by_rule = {(d.rule, d.line, d.column) for d in diags}
    assert ("consistency/abbreviations", 3, 1) in by_rule      # UK among U.K. x4
    assert ("style/agency-names", 4, 14) in by_rule
    assert ("style/stacked-hedges", 12, 11) in by_rule
    assert ("boilerplate/related-links", 14, 1) in by_rule
    assert ("boilerplate/comment-form", 19, 1) in by_rule
    assert ("boilerplate/comment-form", 21, 1) in by_rule
    assert {d.line for d in diags if d.rule == "readability/sentence-length"} == {6, 12}
    # the headline and the list of related headlines are not sentences to measure
    assert not {1, 16, 17} & {d.line for d in diags if d.rule == "readability/sentence-length"}
