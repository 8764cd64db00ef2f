"""Helpers the readers share: blanking non-prose, front matter, and grouping lines into blocks."""
from __future__ import annotations

import re
from typing import Any

from ...core.errors import InputError
from ..reading import Block

_NOT_LINE_BREAK = re.compile(r"[^\r\n]")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
URL = re.compile(r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"“”‘’]+[^\s<>\"“”‘’.,;:!?)\]}']")
EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
SUPPRESSION_COMMENT = re.compile(r"<!--\s*newslint-[\s\S]*?-->")
_DATE_KEY = re.compile(r"['\"]?date['\"]?[ \t]*:[ \t]*")
_FRONT_MATTER = re.compile(r"---[^\S\r\n]*(?:\r\n|\r|\n)([\s\S]*?)"
                           r"(?:\r\n|\r|\n)(?:---|\.\.\.)[^\S\r\n]*(?:\r\n|\r|\n|$)")


def blank(text: str, ranges: list[tuple[int, int]]) -> str:
    """`text` with every character in `ranges` except line breaks replaced by a space."""
    if not ranges:
        return text
    parts, pos = [], 0
    for start, end in sorted(ranges):
        start = max(start, pos)
        if end <= start:
            continue
        parts.append(text[pos:start])
        parts.append(_NOT_LINE_BREAK.sub(" ", text[start:end]))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


# a link's hover card pasted into the sentence with the name it hangs on, as text extraction
# leaves it: "President Trump Donald John TrumpGOP senators balk at ... votes MORE’s staff",
# "Kelly John Francis KellyMORE’s departure". The card (glued to the full name that follows the
# name as written, headlines without a sentence end, closed by the link word MORE) is blanked.
HOVER_CARD = re.compile(r"\b([A-Z][a-z]+)(?:[ \t]+[A-Z(][\w'’.()-]*){1,4}?[ \t]+\1"
                        r"(MORE|[A-Z](?:(?![a-z]{2}[.!?][ \t])[^\n]){0,1000}?[ \t]MORE)(?!\w)")
_DEBRIS = ((("://", "www."), URL), (("@",), EMAIL), (("newslint-",), SUPPRESSION_COMMENT))


def prose_debris(text: str) -> list[tuple[int, int]]:
    """URLs, e-mail addresses, newslint comments and hover cards: never prose, in any format."""
    spans = [m.span() for needles, pattern in _DEBRIS if any(n in text for n in needles)
             for m in pattern.finditer(text)]
    if "MORE" in text:
        spans += [m.span(2) for m in HOVER_CARD.finditer(text)]
    return spans


def front_matter(text: str, strict: bool) -> tuple[dict[str, Any], int]:
    """YAML front matter at the top of the file: (metadata, length of the block) or ({}, 0).

    Strict readers (Markdown) report front matter that does not parse, or whose `date` is no
    date (as static site generators refuse it); the text reader treats such front matter as
    ordinary text, since a plain article may well start with a row of dashes.
    """
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, 0
    import yaml

    from ...core.yamlfile import NotADate, safe_data
    try:
        data = safe_data(m.group(1))
    except yaml.YAMLError as exc:
        if not strict:
            return {}, 0
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", exc)
        raise InputError(f"front matter: {problem}" if isinstance(exc, NotADate)
                         else f"front matter is not valid YAML: {problem}", None,
                         mark.line + 2 if mark else 1, mark.column + 1 if mark else None) from None
    except RecursionError:  # brackets nested thousands deep: PyYAML's composer recurses
        if not strict:
            return {}, 0
        raise InputError("front matter is not valid YAML: nested too deeply", None, 1, 1) from None
    if not isinstance(data, dict):
        if strict and data is not None:
            raise InputError("front matter must be a mapping of keys to values", None, 1, 1)
        return {}, 0 if not strict else m.end()
    if data.get("date") is not None:
        from ..dates import read_date
        try:
            read_date(data["date"])
        except ValueError as exc:
            if not strict:
                return {}, 0
            line, column = _date_position(m.group(1))
            raise InputError(f"front matter: {exc}", None, line + 1, column) from None
    return {str(k): v for k, v in data.items()}, m.end()


def _date_position(block: str) -> tuple[int, int]:
    """1-based line and column, within a front matter block, of the top-level `date` value."""
    for number, (start, end, _) in enumerate(lines(block), 1):
        found = _DATE_KEY.match(block, start, end)
        if found:
            return number, found.end() - start + 1
    return 1, 1


def lines(text: str) -> list[tuple[int, int, int]]:
    """(start, end without terminator, end with terminator) of every line."""
    if "\r" not in text:  # the common case, in one split
        out = []
        pos = 0
        for segment in text.split("\n"):
            end = pos + len(segment)
            out.append((pos, end, end + 1 if end < len(text) else end))
            pos = end + 1
        if len(out) > 1 and out[-1][0] == len(text):
            out.pop()  # the text ends with a line break: no empty line after it
        return out
    out = []
    for m in _LINE.finditer(text):
        if m.start() == len(text) and out:
            break
        body_end = m.end()
        while body_end > m.start() and text[body_end - 1] in "\r\n":
            body_end -= 1
        out.append((m.start(), body_end, m.end()))
        if m.end() == len(text):
            break
    return out


def trimmed_block(view: str, kind: str, start: int, end: int) -> Block | None:
    while start < end and view[start].isspace():
        start += 1
    while end > start and view[end - 1].isspace():
        end -= 1
    return Block(kind, start, end) if end > start else None


def paragraphs(view: str) -> list[Block]:
    """Blocks of consecutive non-blank lines."""
    blocks, first = [], -1
    last_end = 0
    for start, end, _ in lines(view):
        if view[start:end].strip():
            if first < 0:
                first = start
            last_end = end
        elif first >= 0:
            blocks.append(trimmed_block(view, "paragraph", first, last_end))
            first = -1
    if first >= 0:
        blocks.append(trimmed_block(view, "paragraph", first, last_end))
    return [b for b in blocks if b is not None]
