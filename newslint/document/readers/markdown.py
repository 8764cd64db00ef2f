"""Markdown: the prose of a CommonMark-style document, with every piece of syntax blanked.

Front matter, fenced and indented code, HTML comments and tags, link targets, images, code
spans, emphasis markers, heading and list markers are blanked out, so rules see the words a
reader sees, at the offsets where they stand in the file. Headings and list items are blocks
of their own.
"""
from __future__ import annotations

import bisect
import re

from ..reading import Reading
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
_AUTOLINK = re.compile(r"<(?:[a-zA-Z][\w+.\-]*:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9\-]*(?:\s[^<>]*)?/?>")
_DELIMITER = re.compile(r"[*_~]")
_BRACKET_STOP = re.compile(r"[\]\n]")
_TARGET_STOP = {")": re.compile(r"[)\n]"), "]": _BRACKET_STOP}
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
    taken = [m.span() for m in _CODE_SPAN.finditer(text, start, end)]  # sorted, never overlapping
    spans += taken

    images = [(i, q) for i, _, _, q in bracketed(text, start, end, "![", "(", ")")]
    for candidates in (images, [m.span() for m in _AUTOLINK.finditer(text, start, end)],
                       [m.span() for m in _HTML_TAG.finditer(text, start, end)]):
        free = [span for span, clear in zip(candidates, _clear_of(taken, candidates)) if clear]
        spans += free
        taken = sorted(taken + free)
    for middle, close in (("(", ")"), ("[", "]")):  # inline links [text](url), references [text][ref]
        links = bracketed(text, start, end, "[", middle, close)
        for (i, _, p, q), clear in zip(links, _clear_of(taken, [(i, q) for i, _, _, q in links])):
            if clear:
                spans += [(i, i + 1), (p, q)]
    emphases = _emphasis(text, start, end)
    for (i, e, p, q), clear in zip(emphases, _clear_of(taken, [(i, q) for i, e, p, q in emphases])):
        if clear:
            spans += [(i, e), (p, q)]
    spans += [m.span() for m in _ESCAPE.finditer(text, start, end)]
    if "|" in text[start:end]:
        spans += [m.span() for m in _TABLE_PIPE.finditer(text, start, end)]
    return spans


# Every scan below is linear in the length of the block, whatever the text: a pattern retried
# from every '[' or '*' of a long line that never closes them would be quadratic (a 1 MB line
# of '[' took hours).

def _clear_of(taken: list[tuple[int, int]], spans: list[tuple[int, int]]) -> list[bool]:
    """For spans in text order: whether each overlaps none of `taken` (sorted, disjoint)."""
    out = []
    k = 0
    for s, e in spans:
        while k < len(taken) and taken[k][1] <= s:
            k += 1
        out.append(not (k < len(taken) and taken[k][0] < e))
    return out


def bracketed(text: str, start: int, end: int, opener: str, middle: str, close: str) -> list[tuple[int, int, int, int]]:
    r"""`opener`text`]` `middle`target`close` in [start, end), neither text nor target holding a
    line break or `]` (the target: `close`): (opener start, text start, `]` position, end).
    The matches of the regex opener[^\]\n]*\]middle[^close\n]*close, found left to right."""
    out: list[tuple[int, int, int, int]] = []
    pos = start
    target_fails_before = -1  # a target scanned from before here runs into a line break or the end
    while True:
        i = text.find(opener, pos, end)
        if i == -1:
            return out
        stop = _BRACKET_STOP.search(text, i + len(opener), end)
        if stop is None:
            return out
        p = stop.start()
        # every opener before p ends its text at p too: they all match here or none does
        if text[p] == "]" and text.startswith(middle, p + 1, end) and p + 2 > target_fails_before:
            target = _TARGET_STOP[close].search(text, p + 2, end)
            q = target.start() if target else end
            if q < end and text[q] == close:
                out.append((i, i + len(opener), p, q + 1))
                pos = q + 1
                continue
            target_fails_before = q
        pos = p + 1


def _emphasis(text: str, start: int, end: int) -> list[tuple[int, int, int, int]]:
    r"""Emphasis: (opener start, opener end, closer start, closer end), left to right. An opener
    is 1-3 `*`, 1-3 `_` after no word character, or `~~`, not after a backslash and before a
    non-space; its closer is the nearest same run on the line after a non-space that is not a
    backslash, before no word character. The matches of the regex
    (?<!\\)(\*{1,3}|(?<!\w)_{1,3}|~~)(?=\S)[^\n]*?(?<=[^\s\\])(\1)(?!\w)."""
    out: list[tuple[int, int, int, int]] = []
    closers: dict[tuple[str, int], list[int]] = {}  # (run, line end) -> closer positions

    def closer_positions(run: str, line_end: int) -> list[int]:
        key = (run, line_end)
        found = closers.get(key)
        if found is None:
            found = closers[key] = []
            size = len(run)
            p = text.rfind("\n", 0, line_end) + 1
            while True:
                p = text.find(run, p, line_end)
                if p == -1:
                    break
                after = p + size
                if p > 0 and not text[p - 1].isspace() and text[p - 1] != "\\" and after <= line_end \
                        and not (after < end and _is_word(text[after])):
                    found.append(p)
                p += 1
        return found

    pos = start
    while True:
        m = _DELIMITER.search(text, pos, end)
        if m is None:
            return out
        i = m.start()
        char = text[i]
        runs: tuple[str, ...] = ()
        if i == 0 or text[i - 1] != "\\":
            if char == "*":
                runs = tuple(r for r in ("***", "**", "*") if text.startswith(r, i) and i + len(r) <= end)
            elif char == "_":
                if i == 0 or not _is_word(text[i - 1]):
                    runs = tuple(r for r in ("___", "__", "_") if text.startswith(r, i) and i + len(r) <= end)
            elif text.startswith("~~", i) and i + 2 <= end:
                runs = ("~~",)
        pos = i + 1
        for run in runs:
            e = i + len(run)
            if e >= end or text[e].isspace():
                continue
            line_end = text.find("\n", e, end)
            line_end = end if line_end == -1 else line_end
            candidates = closer_positions(run, line_end)
            k = bisect.bisect_left(candidates, e)
            if k < len(candidates):
                p = candidates[k]
                out.append((i, e, p, p + len(run)))
                pos = p + len(run)
                break


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"
