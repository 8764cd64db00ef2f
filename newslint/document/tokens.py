"""News-aware tokens: one compiled pattern, one pass over the view.

Kinds:
  word          letters with inner apostrophes and hyphens: "Blinken’s", "high-stakes", "rock’n’roll"
  abbreviation  letters with dots: "U.S.", "D.C.", "e.g."
  number        digits, separators and a unit or ordinal suffix: "1,200", "3.5", "21st", "1990s", "10m"
  mixed         letters and digits: "G-20", "Covid-19", "MP3"
  handle        "@newsdesk"
  hashtag       "#election"
URLs and e-mail addresses never reach the tokenizer: the readers blank them.
"""
from __future__ import annotations

import re
from typing import NamedTuple

_L = r"[^\W\d_]"  # a letter, in any script
_APOSTROPHE = r"['’]"
_WORD = rf"{_L}+(?:{_APOSTROPHE}{_L}+)*(?:-{_L}+(?:{_APOSTROPHE}{_L}+)*)*{_APOSTROPHE}?"
# Words, the common case, are tried early; "(?=(?P<w>...))(?P=w)" takes a word whole (no
# backtracking into it), so "Covid-19" and "MP3" fall through to `mixed` instead of splitting.
_TOKEN = re.compile(
    rf"(?P<abbreviation>(?:{_L}\.){{2,}})"
    rf"|(?=(?P<w>{_WORD}))(?P<word>(?P=w))(?!-?\d)"
    rf"|(?P<number>\d+(?:[.,:]\d+)*(?:st|nd|rd|th|s|m|bn|k|km|kg|%)?(?!\w))"
    rf"|(?P<mixed>(?:{_L}+-?\d+|\d+-?{_L}+)(?:[-\w]*\w)?)"
    rf"|(?P<handle>(?<![\w@])@\w+)"
    rf"|(?P<hashtag>(?<![\w#])#{_L}\w*)"
)


class Token(NamedTuple):
    """A token: a tuple, because an article has thousands and they are made on every run."""

    start: int
    end: int
    kind: str
    text: str

    def parts(self) -> list[tuple[int, int, str]]:
        """A word's hyphenated parts, each (start, end, text) with a possessive 's stripped."""
        text = self.text
        if "-" not in text and text[-1] not in "'’sS":
            return [(self.start, self.end, text)]
        out = []
        pos = self.start
        for piece in self.text.split("-"):
            bare = strip_possessive(piece)
            if bare:
                out.append((pos, pos + len(bare), bare))
            pos += len(piece) + 1
        return out


def strip_possessive(word: str) -> str:
    """Blinken’s -> Blinken, cats’ -> cats."""
    if len(word) > 2 and word[-2] in "'’" and word[-1] in "sS":
        return word[:-2]
    if word and word[-1] in "'’":
        return word[:-1]
    return word


def tokenize(view: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(view) if end is None else end
    make = Token._make
    return [make((m.start(), m.end(), m.lastgroup, m.group())) for m in _TOKEN.finditer(view, start, end)]
