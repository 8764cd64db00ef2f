"""Plain text: paragraphs are separated by blank lines.

The first paragraph is the headline when it is one line, not ending like a sentence, with the
article below it: the layout of a story exported from a CMS.
"""
from __future__ import annotations

from ..reading import Block, Reading
from .masking import blank, front_matter, paragraphs, prose_debris


def read_text(text: str) -> Reading:
    metadata, fm_end = front_matter(text, strict=False)
    masked = prose_debris(text)
    if fm_end:
        masked.append((0, fm_end))
    view = blank(text, masked)
    blocks = paragraphs(view)
    if len(blocks) > 1 and _is_headline(view[blocks[0].start:blocks[0].end]):
        blocks[0] = Block("heading", blocks[0].start, blocks[0].end)
    return Reading(view, blocks, metadata)


def _is_headline(first: str) -> bool:
    return "\n" not in first and "\r" not in first and first[-1] not in ".,;:"
