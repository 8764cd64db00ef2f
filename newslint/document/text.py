"""Plain text: paragraphs are separated by blank lines; a one-line first paragraph is the headline."""
from __future__ import annotations

from . import Block, Reading
from .masking import blank, front_matter, paragraphs, prose_debris


def read_text(text: str) -> Reading:
    metadata, fm_end = front_matter(text, strict=False)
    masked = prose_debris(text)
    if fm_end:
        masked.append((0, fm_end))
    view = blank(text, masked)
    blocks = paragraphs(view)
    if blocks and "\n" not in view[blocks[0].start:blocks[0].end] and "\r" not in view[blocks[0].start:blocks[0].end]:
        blocks[0] = Block("heading", blocks[0].start, blocks[0].end)
    return Reading(view, blocks, metadata)
