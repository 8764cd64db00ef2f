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
# The tokens, as written for reading (tests/test_document.py holds _TOKEN to this definition):
# alternatives tried in this order at each position. Words, the common case, are tried early;
# "(?=(?P<w>...))(?P=w)" takes a word whole (no backtracking into it), so "Covid-19" and "MP3"
# fall through to `mixed` instead of splitting.
READABLE = (
    rf"(?P<abbreviation>(?:{_L}\.){{2,}})"
    rf"|(?=(?P<w>{_WORD}))(?P<word>(?P=w))(?!-?\d)"
    rf"|(?P<number>\d+(?:[.,:]\d+)*(?:st|nd|rd|th|s|m|bn|k|km|kg|%)?(?!\w))"
    rf"|(?P<mixed>(?:{_L}+-?\d+|\d+-?{_L}+)(?:[-\w]*\w)?)"
    rf"|(?P<handle>(?<![\w@])@\w+)"
    rf"|(?P<hashtag>(?<![\w#])#{_L}\w*)"
)
# The same tokens, written for speed: every token starts with a character of [\w@#], so the
# pattern starts by taking one, and the regular-expression engine then skips the characters that
# cannot start a token in C instead of trying six alternatives at each of them (a quarter of the
# tokenizing time). Each alternative checks the character it took with a lookbehind, then
# matches the rest of what READABLE's alternative matches; an empty group at its end names the
# kind (`lastgroup`), and the match itself is the token.
_REST_OF_WORD = rf"{_L}*(?:{_APOSTROPHE}{_L}+)*(?:-{_L}+(?:{_APOSTROPHE}{_L}+)*)*{_APOSTROPHE}?"
_TOKEN = re.compile(
    r"[\w@#]"
    rf"(?:(?<={_L})\.(?:{_L}\.)+(?P<abbreviation>)"
    rf"|(?<={_L})(?=(?P<w>{_REST_OF_WORD}))(?P=w)(?!-?\d)(?P<word>)"
    rf"|(?<=\d)\d*(?:[.,:]\d+)*(?:st|nd|rd|th|s|m|bn|k|km|kg|%)?(?!\w)(?P<number>)"
    rf"|(?:(?<={_L}){_L}*-?\d+|(?<=\d)\d*-?{_L}+)(?:[-\w]*\w)?(?P<mixed>)"
    rf"|(?<=@)(?<![\w@]@)\w+(?P<handle>)"
    rf"|(?<=#)(?<![\w#]#){_L}\w*(?P<hashtag>)"
    r")"
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


def straight_apostrophes(word: str) -> str:
    """A word as it is compared, however its apostrophes are typed: O’Connor -> O'Connor, it’s -> it's."""
    return word.replace("’", "'")


def strip_possessive(word: str) -> str:
    """Blinken’s -> Blinken, cats’ -> cats."""
    if len(word) > 2 and word[-2] in "'’" and word[-1] in "sS":
        return word[:-2]
    if word and word[-1] in "'’":
        return word[:-1]
    return word


def tokenize(view: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(view) if end is None else end
    new, token = tuple.__new__, Token  # Token._make, without its Python-level call per token
    return [new(token, (m.start(), m.end(), m.lastgroup, m.group())) for m in _TOKEN.finditer(view, start, end)]
