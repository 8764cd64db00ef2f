"""The document: an input's original text, the prose rules may read, and every position.

    Document(text, path=..., format=..., metadata=...)   one input, read once (model.py)
    readers/      decode bytes; one reader per format (text, markdown, html) giving a prose view
    positions.py  offsets <-> line:column, the only place that converts them
    segment.py, tokens.py, dates.py, people.py, suppression.py   what rules read in the prose
"""
from __future__ import annotations

from .model import Document
from .positions import LineIndex, Location
from .readers import FORMATS, decode, format_for_path

__all__ = ["Document", "LineIndex", "Location", "FORMATS", "decode", "format_for_path"]
