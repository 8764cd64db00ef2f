"""Patterns rewritten for speed match exactly what their readable forms match.

A regular expression that starts with a character class or literal characters lets Python's
engine skip, in C, every position where no match can start; one that starts with a boundary
(\\b), a lookbehind or an alternation of groups is tried at every position. Some hot patterns are
therefore written "first character, then a lookbehind for what must not precede it". Each such
pattern is held here to its readable form, on chosen texts and on random ones.
"""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.checks import number as numbers
from newslint.checks.shared import article_model
from newslint.document import dates, segment, tokens

_PIECES = list("aZé’'-.,:;@#_ 09\n½²ßİ\u0301中🙂$£€%") + [
    "st", "km", "bn", "U.S.", "G-20", "MP3", "@x", "#y", "’90s", "Monday", "Sunday", "1999", "2023",
    "Smith, 57,", "aged ", "1,200 jobs", "12 people", "x1,200 jobs", "U.S.", "...", "?!", " A", '" ', "”"]
_COUNT_NOUNS = "jobs|people|workers"


def _pairs():
    return {
        "tokens": (tokens._TOKEN, re.compile(tokens.READABLE)),
        "weekday": (dates.WEEKDAY, re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")),
        "year": (dates.YEAR, re.compile(rf"(?<![\d.,$£€-]){dates._YEAR}(?![\d%]|-\d)")),
        "age": (article_model._AGE_AFTER_NAME,
                re.compile(r"\b(?P<name>[A-Z][a-z][\w’'-]*), (?:aged )?(?P<age>\d{1,3}),")),
        "boundary": (segment._BOUNDARY, re.compile(r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])|\n")),
        "count": (numbers.count_pattern(_COUNT_NOUNS),
                  re.compile(rf"\b(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d{{2,}})\s+(?:[a-z]+\s+)?(?P<noun>{_COUNT_NOUNS})\b")),
    }


PAIRS = _pairs()


def _same(name: str, text: str) -> None:
    fast, readable = PAIRS[name]
    got = [(m.span(), m.group()) for m in fast.finditer(text)]
    want = [(m.span(), m.group()) for m in readable.finditer(text)]
    assert got == want
    if name == "tokens":  # the kind is the name of the last group
        assert [m.lastgroup for m in fast.finditer(text)] == [m.lastgroup for m in readable.finditer(text)]
    else:
        for f, r in zip(fast.finditer(text), readable.finditer(text)):
            assert f.groupdict() == r.groupdict() and all(f.span(g) == r.span(g) for g in r.groupdict())


@pytest.mark.parametrize("name", sorted(PAIRS))
@pytest.mark.parametrize("text", [
    "", "Blinken’s U.S. trip: 1,200 on the 21st; G-20 and Covid-19 @desk #vote",
    "_a a_ @@x #1 x#y 3-D 10km 2.5bn e.g. rock’n’roll cats’ A.B.C. 90s.",
    "On Monday, xMonday and Mondays; in 1999, $2023, 2024%, 2023-5 and -2024; Okafor, 57, and aged 9,",
    "Smith, aged 57, said 1,200 jobs and 12 new jobs, x12 jobs and 1,2000 people will go"])
def test_fast_pattern_matches_its_readable_form(name, text):
    _same(name, text)


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_fast_pattern_matches_its_readable_form_on_any_text(name):
    @settings(max_examples=1500, deadline=None)
    @given(st.lists(st.one_of(st.sampled_from(_PIECES), st.characters()), max_size=16).map("".join))
    def same(text):
        _same(name, text)

    same()


def test_the_word_before_a_period_is_found_from_its_run():
    """segment._ends_sentence searches _WORD_BEFORE_PERIOD from the start of the run of word
    characters and dots before the period, not from every position of its 40-character window."""
    @settings(max_examples=3000, deadline=None)
    @given(st.lists(st.one_of(st.sampled_from(list("ab1_. \n’é") + ["Mr", "U.S", "e.g", ".."]), st.characters()),
                    max_size=30).map("".join), st.integers(0, 60))
    def same(text, cut):
        text = text[:cut] + "."
        p = len(text) - 1
        window = max(0, p - 40)
        want = segment._WORD_BEFORE_PERIOD.search(text, window, p + 1)
        run = segment._RUN_BEFORE_PERIOD.search(text, window, p + 1)
        got = segment._WORD_BEFORE_PERIOD.search(text, run.start(), p + 1)
        assert (got and (got.span(), got.group(1))) == (want and (want.span(), want.group(1)))

    same()


def _lines_by_walk(text: str) -> list[tuple[int, int, int]]:
    """The lines, one character at a time: a line ends at \r\n, \r or \n (nothing else), and
    a text that ends with a line break has no empty line after it (an empty text has one)."""
    out, start, i = [], 0, 0
    while i < len(text):
        if text[i] in "\r\n":
            end = i + 2 if text.startswith("\r\n", i) else i + 1
            out.append((start, i, end))
            start = i = end
        else:
            i += 1
    if start < len(text) or not out:
        out.append((start, len(text), len(text)))
    return out


@pytest.mark.parametrize("text", ["", "\n", "a", "a\n", "a\n\n", "\n\na\nb", "a\r\nb\rc\n", "a\x0bb\u2028c\n"])
def test_lines_split_like_the_walk(text):
    from newslint.document.readers.masking import lines
    assert lines(text) == _lines_by_walk(text)


def test_lines_split_like_the_walk_on_any_text():
    from newslint.document.readers.masking import lines

    @settings(max_examples=2000, deadline=None)
    @given(st.lists(st.one_of(st.sampled_from(["a", " ", "\n", "\r", "\r\n", "\x0b", "\u2028"]), st.characters()),
                    max_size=20).map("".join))
    def same(text):
        assert lines(text) == _lines_by_walk(text)

    same()


_BOUNDS = {  # (lookbehind class, lookahead class, the functions that stand for them)
    "letters": (r"[^\W\d_]", r"[^\W\d_]", "is_letter", "is_letter"),
    "whitespace": (r"\S", r"\S", "spelling", "spelling"),
    "dialect": (r"[\w’'-]", r"[\w-]", "dialect-before", "dialect-after"),
}


def _joins(name: str):
    from newslint.checks import dialect, spelling
    from newslint.checks.shared import phrases
    return {"is_letter": phrases.is_letter, "spelling": spelling._joins,
            "dialect-before": dialect._joins_before, "dialect-after": dialect._joins_after}[name]


@pytest.mark.parametrize("bounds", sorted(_BOUNDS))
def test_bounded_occurrences_are_the_lookaround_pattern(bounds):
    from newslint.checks.shared.phrases import bounded_occurrences
    behind, ahead, before, after = _BOUNDS[bounds]

    @settings(max_examples=1500, deadline=None)
    @given(st.lists(st.sampled_from(["a", "aa", "b", "’", "'", "-", "_", "1", "²", " ", "\n", "é", "x"]),
                    max_size=20).map("".join),
           st.lists(st.sampled_from(["a", "b", "’", "'", "-", "é"]), min_size=1, max_size=3).map("".join))
    def same(text, needle):
        want = [m.start() for m in re.finditer(rf"(?<!{behind}){re.escape(needle)}(?!{ahead})", text)]
        assert list(bounded_occurrences(text, needle, _joins(before), _joins(after))) == want

    same()


def test_a_substitution_pattern_of_one_word_is_searched_only_where_the_word_is():
    from newslint.checks.substitution import required_word
    assert required_word(r"(?<=\b[Ff]ree )reign\b") == "reign"
    assert required_word(r"(?<!\bmuch )\b[Ll]ess(?= (?:people|cars)\b)") == "less"
    assert required_word(r"\b[Ii]ts(?= (?:a|not)\b(?!-))") == "its"
    assert required_word(r"\b[Ii]t['’]s(?= own\b)") is None  # not one plain word
    assert required_word(r"(?:then|than)\b") is None
    assert required_word(r"[Ab]bc") is None  # a class that is no letter's two cases


def test_the_required_word_is_what_every_match_of_the_shipped_patterns_is():
    """Skipping a text without the word loses no match: each match is the word itself."""
    from pathlib import Path

    import regex
    import yaml

    from newslint.checks.substitution import required_word
    root = Path(__file__).resolve().parent.parent
    swap = yaml.safe_load((root / "rules/grammar/confused-words.yaml").read_text(encoding="utf-8"))["swap"]
    cases = yaml.safe_load((root / "tests/fixtures/rules/grammar/confused-words.yaml").read_text(encoding="utf-8"))
    texts = [c.get("fail_str") or c.get("pass_str") or "" for c in cases["cases"].values()]
    checked = 0
    for pattern in swap:
        word = required_word(pattern)
        if word is None:
            continue
        for text in texts:
            for m in regex.finditer(pattern, text, regex.VERSION0):
                assert m.group().lower() == word, (pattern, m.group())
                checked += 1
    assert checked >= 30
