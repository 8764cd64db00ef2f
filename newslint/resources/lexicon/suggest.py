"""Corrections for a word that is not in the dictionary: every word one edit away, ranked.

An edit is a deletion, an insertion, a substitution or a swap of two neighbours (Damerau-
Levenshtein distance 1). Each candidate's score is its frequency times the likelihood of the
slip: a key next to the intended one, a doubled or a dropped letter and a swap are the usual
slips of the fingers and weigh 1; an arbitrary substitution weighs less.
"""
from __future__ import annotations

from typing import Callable

_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
NEIGHBOURS: dict[str, frozenset[str]] = {}
for _r, _row in enumerate(_ROWS):
    for _c, _ch in enumerate(_row):
        _near = set()
        for _dr in (-1, 0, 1):
            if 0 <= _r + _dr < len(_ROWS):
                for _dc in (-1, 0, 1):
                    if 0 <= _c + _dc < len(_ROWS[_r + _dr]) and (_dr, _dc) != (0, 0):
                        _near.add(_ROWS[_r + _dr][_c + _dc])
        NEIGHBOURS[_ch] = frozenset(_near)
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_NOWHERE: frozenset[str] = frozenset()

SLIP, DROPPED, OTHER = 1.0, 0.8, 0.3


def edits(word: str) -> dict[str, float]:
    """Every string one edit from `word` (lower case) -> the likelihood weight of that slip."""
    out: dict[str, float] = {}

    def add(candidate: str, weight: float) -> None:
        if out.get(candidate, 0.0) < weight:
            out[candidate] = weight

    n = len(word)
    for i in range(n):
        ch = word[i]
        # an extra letter: doubled ("occurr"), or a neighbouring key hit with the right one
        doubled = (i > 0 and word[i - 1] == ch) or (i + 1 < n and word[i + 1] == ch)
        near = (i > 0 and ch in NEIGHBOURS.get(word[i - 1], _NOWHERE)) or \
               (i + 1 < n and ch in NEIGHBOURS.get(word[i + 1], _NOWHERE))
        add(word[:i] + word[i + 1:], SLIP if doubled or near else DROPPED)
        if i + 1 < n and word[i + 1] != ch:
            add(word[:i] + word[i + 1] + ch + word[i + 2:], SLIP)
        near_keys = NEIGHBOURS.get(ch, _NOWHERE)
        for c in _LETTERS:
            if c != ch:
                add(word[:i] + c + word[i + 1:], SLIP if c in near_keys else OTHER)
    for i in range(n + 1):
        for c in _LETTERS:
            doubled = (i > 0 and word[i - 1] == c) or (i < n and word[i] == c)
            add(word[:i] + c + word[i:], SLIP if doubled else DROPPED)
    # a missing apostrophe: didnt -> didn't, theyre -> they're
    for i in range(1, n):
        add(word[:i] + "'" + word[i:], SLIP)
    return out


def rank(word: str, frequency: Callable[[str], float], limit: int = 5) -> list[tuple[str, float]]:
    """Dictionary words one edit from `word`, best first, as (word, score)."""
    lower = word.lower()
    scored = []
    for candidate, weight in edits(lower).items():
        f = frequency(candidate)
        if f > 0.0:
            scored.append((candidate, f * weight))
    scored.sort(key=lambda item: (-item[1], item[0]))
    return scored[:limit]
