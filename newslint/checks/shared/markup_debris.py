"""Markup debris inside the text: leftover tags, comments and shortcodes (rule patterns), HTML
entities, and UTF-8 decoded as Windows-1252 ("â€™"), each with its replacement."""
from __future__ import annotations

import re
from typing import Any

_ENTITY = re.compile(r"&(#\d{2,7}|#[xX][0-9a-fA-F]{2,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# UTF-8 read as Windows-1252: a lead byte shown as Â..Å or â, then characters of bytes 0x80-0xBF
_CONTINUATION = "[\u00a0-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]"
_MOJIBAKE_CP1252 = "cp1252"
_MOJIBAKE_LEADS = "ÂÃÄÅâ"  # the pre-check looks for every lead the pattern accepts
_MOJIBAKE = re.compile(f"(?:[ÂÃÄÅ]{_CONTINUATION}|â{_CONTINUATION}{{2}})+")


def leading_literal(pattern: str) -> str:
    """The character every match of the pattern opens with, when it is a plain literal ('' if not)."""
    if pattern.startswith("(?-i:"):
        pattern = pattern[5:]
    if pattern[:1] == "\\" and len(pattern) > 1 and not pattern[1].isalnum():
        return pattern[1]
    if pattern[:1] and pattern[:1] not in ".^$*+?{}[]\\|()" and pattern[1:2] not in ("*", "?", "{"):
        return pattern[0]
    return ""


def find_markup_debris(view: str, fmt: str, patterns: list[tuple[Any, str]], entities: bool,
                       mojibake: bool) -> list[tuple[int, int, str, bool]]:
    """(start, end, replacement, safe) of each piece of debris in the view, in order, none
    overlapping one before it. `patterns` are (pattern, leading literal) pairs: the literal, when
    known, is a cheap test before the scan."""
    found: list[tuple[int, int, str, bool]] = []  # start, end, replacement, safe
    for pattern, lead in patterns:
        if lead and lead not in view:
            continue
        for m in pattern.finditer(view):
            if m.end() > m.start():
                found.append((m.start(), m.end(), "", False))
    if entities and "&" in view:
        import html
        markdown = fmt == "markdown"
        for m in _ENTITY.finditer(view):
            name = m.group(1)
            if markdown and name.lower() in ("lt", "gt", "amp", "quot"):
                continue  # Markdown's own escapes for markup characters
            decoded = html.unescape(m.group())
            if decoded == m.group():
                continue
            decoded = decoded.replace("\u00a0", " ")
            found.append((m.start(), m.end(), decoded, True))
    if mojibake and any(c in view for c in _MOJIBAKE_LEADS):
        for m in _MOJIBAKE.finditer(view):
            try:
                repaired = m.group().encode(_MOJIBAKE_CP1252).decode("utf-8")
            except UnicodeError:
                continue
            found.append((m.start(), m.end(), repaired, False))
    found.sort()
    kept, reach = [], -1
    for start, end, replacement, safe in found:
        if start >= reach:
            kept.append((start, end, replacement, safe))
            reach = end
    return kept
