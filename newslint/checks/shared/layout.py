"""The lines of a document as page furniture is judged: each non-blank line with its shape
(words, list marker, paragraph group, link share), read once per document and shared by every
boilerplate rule."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from ...document.model import Document
from .claims import SAME_LAYOUT, line_table

_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}")
_BULLET = re.compile(r"[ \t]*(?:[-*•·–—+]|\d{1,3}[.)])[ \t]+\S")
_BULLET_OPENERS = frozenset("-*•·–—+0123456789")
CLOSERS = "\"'”’)]*»"
_SENTENCE_END = ".!?…"
_MD_AUTOLINK = re.compile(r"<(?:https?|ftp)://[^\s<>]*>")


@dataclass(slots=True)
class Line:
    """One non-blank line of the view: offsets trimmed of blanks and list markers, and its shape."""

    index: int        # position in Layout.lines
    number: int       # 1-based source line
    start: int        # view offsets of the trimmed text
    end: int
    text: str
    words: int        # whitespace-separated tokens, as everywhere in newslint
    bullet: bool
    group: int        # paragraph group: lines with no blank line between them share one
    link_share: float  # Markdown: share of the line's text inside links

    @property
    def ends_sentence(self) -> bool:
        t = self.text.rstrip(CLOSERS + " ")
        return bool(t) and t[-1] in _SENTENCE_END

    @property
    def prose(self) -> bool:
        """A line of the article's own prose: long, and ending a sentence."""
        return self.words >= 8 and self.ends_sentence


class Layout:
    """The non-blank lines of a document, read once and shared by every boilerplate-block rule."""

    def __init__(self, doc: Document):
        view, text = doc.view, doc.text
        same = doc.format in SAME_LAYOUT
        markdown = doc.format == "markdown"
        self.lines: list[Line] = []
        self.groups: list[list[Line]] = []
        previous = -1
        for s, e, number, words, view_line in line_table(doc):
            bullet = None
            if same:
                # the list marker: in the view in plain text, blanked (so before s) in Markdown
                line_start = text.rfind("\n", 0, s) + 1 if markdown else s
                if text[line_start:s + 1].lstrip()[:1] in _BULLET_OPENERS:
                    bullet = _BULLET.match(text, line_start, e)
                if bullet:
                    if not view[line_start:bullet.end() - 1].isspace():
                        words -= 1
                    s = max(s, bullet.end() - 1)
                    while s < e and view[s].isspace():  # Markdown blanks a link's bracket
                        s += 1
            if not self.groups or view_line != previous + 1:  # a blank line between: a new group
                self.groups.append([])
            previous = view_line
            link_share = 0.0
            if markdown:
                raw_end = text.find("\n", e)
                raw = text[text.rfind("\n", 0, s) + 1:raw_end if raw_end >= 0 else len(text)]
                if "](" in raw or "<http" in raw:
                    link_share = _link_share(raw)
            line = Line(len(self.lines), number, s, e, view[s:e], words, bullet is not None,
                        len(self.groups) - 1, link_share)
            self.lines.append(line)
            self.groups[-1].append(line)

    @cached_property
    def prose_span(self) -> tuple[int, int] | None:
        """Indexes of the first and the last prose line (None without any)."""
        prose = [line.index for line in self.lines if line.prose]
        return (prose[0], prose[-1]) if prose else None

    def before(self, line: Line) -> Line | None:
        """The line just above, when no blank line separates them."""
        if line.index and self.lines[line.index - 1].group == line.group:
            return self.lines[line.index - 1]
        return None

    def content_words(self, line: Line, stopwords: frozenset[str]) -> list[str]:
        return [w for w in (m.group().lower() for m in _CONTENT_WORD.finditer(line.text)) if w not in stopwords]

    def vocabulary(self, stopwords: frozenset[str]) -> dict[str, set[int]]:
        """Content word -> the lines it appears on (for 'is this line about the article?')."""
        cache = self.__dict__.setdefault("_vocab", {})
        key = id(stopwords)
        if key not in cache:
            vocab: dict[str, set[int]] = {}
            for line in self.lines:
                for w in self.content_words(line, stopwords):
                    vocab.setdefault(w, set()).add(line.index)
            cache[key] = vocab
        return cache[key]


def layout(doc: Document) -> Layout:
    found = doc.__dict__.get("_boilerplate_layout")
    if found is None:
        found = doc.__dict__["_boilerplate_layout"] = Layout(doc)
    return found


def _link_share(raw: str) -> float:
    """Markdown: share of a line's visible characters that are link text."""
    from ...document.readers.markdown import (
        bracketed,  # linear: a regex retried from every '[' is not
    )
    found = [(i - (raw[i - 1:i] == "!"), q, i + 1, p) for i, _, p, q in bracketed(raw, 0, len(raw), "[", "(", ")")]
    found += [(m.start(), m.end(), 0, 0) for m in _MD_AUTOLINK.finditer(raw)]
    kept, linked, pos = [], 0, 0
    for s, e, text_start, text_end in sorted(found):  # [text](url) and ![text](src) keep their text
        if s >= pos:
            kept += [raw[pos:s], raw[text_start:text_end]]
            linked += text_end - text_start
            pos = e
    kept.append(raw[pos:])
    visible = len("".join(kept).strip(" \t-*+>#"))
    return linked / visible if visible else 0.0
