"""Wording shared by the rules' messages."""
from __future__ import annotations

MAX_RELATED = 5  # related locations listed with one finding, at most


def times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")
