"""Markdown: the prose of a CommonMark-style document, with every piece of syntax blanked.

Front matter, fenced and indented code, HTML comments and tags, link targets, images, code
spans, emphasis markers, heading and list markers are blanked out, so rules see the words a
reader sees, at the offsets where they stand in the file. Headings and list items are blocks
of their own.
"""
from __future__ import annotations

import re

from . import Block, Reading
from .masking import blank, front_matter, lines, prose_debris, trimmed_block

_HTML_COMMENT = re.compile(r"<!--[\s\S]*?(?:-->|$)")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r" {0,3}(#{1,6})(?=\s|$)[^\S\r\n]*")
_ATX_CLOSE = re.compile(r"(?:\s+#+)?\s*$")
_SETEXT = re.compile(r" {0,3}(?:=+|-+)\s*$")
_THEMATIC = re.compile(r" {0,3}([-*_])(?:[^\S\r\n]*\1){2,}\s*$")
_LIST_ITEM = re.compile(r"[^\S\r\n]*(?:[-*+]|\d{1,9}[.)])(?:[^\S\r\n]+|$)")
_QUOTE_MARKS = re.compile(r"(?: {0,3}>[^\S\r\n]?)+")
_LINK_DEFINITION = re.compile(r" {0,3}\[[^\]]+\]:\s*\S.*$")
_TABLE_SEPARATOR = re.compile(r"\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")

_CODE_SPAN = re.compile(r"(`+)[\s\S]+?\1")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_INLINE_LINK = re.compile(r"(\[)[^\]\n]*(\]\([^)\n]*\))")
_REFERENCE_LINK = re.compile(r"(\[)[^\]\n]*(\]\[[^\]\n]*\])")
_AUTOLINK = re.compile(r"<(?:[a-zA-Z][\w+.\-]*:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9\-]*(?:\s[^<>]*)?/?>")
_EMPHASIS = re.compile(r"(?<!\\)(\*{1,3}|(?<!\w)_{1,3}|~~)(?=\S)[^\n]*?(?<=[^\s\\])(\1)(?!\w)")
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")
_TABLE_PIPE = re.compile(r"\|")


def read_markdown(text: str) -> Reading:
    metadata, fm_end = front_matter(text, strict=True)
    masked: list[tuple[int, int]] = [(0, fm_end)] if fm_end else []
    masked += [m.span() for m in _HTML_COMMENT.finditer(text, fm_end)]
    hidden = blank(text, masked)  # comments blanked, so that block parsing ignores them

    raw_blocks: list[list] = []  # [kind, start, end]
    current: list | None = None
    fence = ""
    previous_blank = True
    for start, end, _ in lines(hidden):
        if start < fm_end:
            continue
        line = hidden[start:end]
        if fence:
            masked.append((start, end))
            if line.strip().startswith(fence):
                fence = ""
            continue
        m = _FENCE.match(line)
        if m:
            fence = m.group(1)[0] * 3
            masked.append((start, end))
            current = None
            continue
        if not line.strip():
            current, previous_blank = None, True
            continue
        if previous_blank and current is None and line.startswith(("    ", "\t")) \
                and not (raw_blocks and raw_blocks[-1][0] == "item"):
            masked.append((start, end))  # indented code block
            continue
        previous_blank = False
        q = _QUOTE_MARKS.match(line)
        if q and q.end() > 0:
            masked.append((start, start + q.end()))
        body = start + (q.end() if q else 0)
        rest = hidden[body:end]
        if _SETEXT.match(rest) and current is not None and current[0] == "paragraph":
            current[0] = "heading"
            masked.append((body, end))
            current = None
            continue
        if _THEMATIC.match(rest) or _TABLE_SEPARATOR.match(rest) and "|" in rest:
            masked.append((body, end))
            current = None
            continue
        if _LINK_DEFINITION.match(rest):
            masked.append((body, end))
            continue
        h = _ATX.match(rest)
        if h:
            close = _ATX_CLOSE.search(rest, h.end())
            masked.append((body, body + h.end()))
            if close and close.start() < len(rest):
                masked.append((body + close.start(), end))
            raw_blocks.append(["heading", body + h.end(), end])
            current = None
            continue
        li = _LIST_ITEM.match(rest)
        if li:
            masked.append((body, body + li.end()))
            current = ["item", body + li.end(), end]
            raw_blocks.append(current)
            continue
        if current is None:
            current = ["paragraph", body, end]
            raw_blocks.append(current)
        else:
            current[2] = end

    for block in raw_blocks:
        masked += _inline_syntax(hidden, block[1], block[2])
    masked += prose_debris(hidden)
    view = blank(text, masked)
    blocks = [b for b in (trimmed_block(view, kind, s, e) for kind, s, e in raw_blocks) if b is not None]
    return Reading(view, blocks, metadata)


def _inline_syntax(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    taken: list[tuple[int, int]] = []
    for m in _CODE_SPAN.finditer(text, start, end):
        spans.append(m.span())
        taken.append(m.span())

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken)

    for pattern in (_IMAGE, _AUTOLINK, _HTML_TAG):
        for m in pattern.finditer(text, start, end):
            if free(*m.span()):
                spans.append(m.span())
                taken.append(m.span())
    for pattern in (_INLINE_LINK, _REFERENCE_LINK):
        for m in pattern.finditer(text, start, end):
            if free(*m.span()):
                spans += [m.span(1), m.span(2)]
    for m in _EMPHASIS.finditer(text, start, end):
        if free(*m.span()):
            spans += [m.span(1), m.span(2)]
    spans += [m.span() for m in _ESCAPE.finditer(text, start, end)]
    if "|" in text[start:end]:
        spans += [m.span() for m in _TABLE_PIPE.finditer(text, start, end)]
    return spans
