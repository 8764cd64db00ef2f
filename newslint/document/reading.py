"""What a format reader returns: the prose view, its blocks and the metadata it found."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph-level unit of prose, in view offsets: kind is 'paragraph', 'heading' or 'item'."""

    kind: str
    start: int
    end: int


@dataclass(slots=True)
class Reading:
    """What a format reader returns."""

    view: str
    blocks: list[Block]
    metadata: dict[str, Any] = field(default_factory=dict)
    # where each view character comes from, when the view is not a same-length copy:
    # (source start of view char i, source end of view char i)
    source_map: tuple[Sequence[int], Sequence[int]] | None = None
