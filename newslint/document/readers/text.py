"""Plain text: paragraphs are separated by blank lines.

The first paragraph is the headline when it is one line, not ending like a sentence, with the
article below it: the layout of a story exported from a CMS. A long line of several sentences
is the article's first paragraph, whatever it ends with ("... It was a triumph!").
"""
from __future__ import annotations

import re

from ..reading import Block, Reading
from .masking import blank, front_matter, paragraphs, prose_debris


def read_text(text: str) -> Reading:
    metadata, fm_end = front_matter(text, strict=False)
    masked = prose_debris(text)
    if fm_end:
        masked.append((0, fm_end))
    view = blank(text, masked)
    blocks = paragraphs(view)
    if len(blocks) > 1 and is_headline(view[blocks[0].start:blocks[0].end]):
        blocks[0] = Block("heading", blocks[0].start, blocks[0].end)
    return Reading(view, blocks, metadata)


# a headline is short; a longer first line with a sentence break inside is a paragraph
HEADLINE_WORDS = 25
_SENTENCE_BREAK = re.compile(r"[a-z0-9][.!?…][\"”’)]*\s+[\"“‘(]?[A-Z]")


def is_headline(first: str) -> bool:
    if "\n" in first or "\r" in first or first[-1] in ".,;:":
        return False
    return len(first.split()) <= HEADLINE_WORDS or not _SENTENCE_BREAK.search(first)
