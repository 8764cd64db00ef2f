"""Applying fixes to text: all edits in one pass, never two on the same characters."""
from __future__ import annotations

from typing import Iterable

from .diagnostic import Edit


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, int]:
    """`text` with the edits applied, and how many were. Edits are taken by offset; one that
    overlaps an edit already taken is left out (run again to apply it to the new text)."""
    out: list[str] = []
    pos = 0
    applied = 0
    for edit in sorted(edits, key=lambda e: (e.offset, e.length)):
        if edit.offset < pos or edit.offset + edit.length > len(text):
            continue
        out.append(text[pos:edit.offset])
        out.append(edit.replacement)
        pos = edit.offset + edit.length
        applied += 1
    out.append(text[pos:])
    return "".join(out), applied
