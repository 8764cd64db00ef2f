"""Inline suppression comments, the same in every format:

    <!-- newslint-disable [RULE ...] -->            off from this line on (all rules, or those named)
    <!-- newslint-enable [RULE ...] -->             back on
    <!-- newslint-disable-next-line [RULE ...] -->  off for the next line only

RULE is a rule id (style/agency-names) or a family (spelling). In plain text the comment stands
on a line of its own; it is never linted as prose.
"""
from __future__ import annotations

import re

from .positions import LineIndex

_DIRECTIVE = re.compile(r"<!--\s*newslint-(disable-next-line|disable|enable)\b([^>]*?)-->")
_NAME = re.compile(r"[^\s,]+")


class Suppressions:
    """Which rules are switched off on which lines, and every name the comments give, with its
    offset (a name that is no rule id or family is a typo the engine reports)."""

    def __init__(self, text: str, lines: LineIndex):
        # (first line, last line, rules or None for all)
        self.ranges: list[tuple[int, int, frozenset[str] | None]] = []
        self.names: list[tuple[str, int]] = []
        open_ranges: dict[frozenset[str] | None, int] = {}
        if "newslint-" not in text:
            return
        for m in _DIRECTIVE.finditer(text):
            kind = m.group(1)
            named = [(n.group(), m.start(2) + n.start()) for n in _NAME.finditer(m.group(2))]
            self.names += named
            names = frozenset(name for name, _ in named) or None
            line = lines.position(m.start())[0]
            if kind == "disable-next-line":
                self.ranges.append((line + 1, line + 1, names))
            elif kind == "disable":
                open_ranges.setdefault(names, line)
            else:
                for key in [k for k in open_ranges if names is None or k == names]:
                    self.ranges.append((open_ranges.pop(key), line, key))
        for key, first in open_ranges.items():
            self.ranges.append((first, len(lines.starts) + 1, key))

    def suppressed(self, rule: str, line: int) -> bool:
        family = rule.split("/", 1)[0]
        for first, last, names in self.ranges:
            if first <= line <= last and (names is None or rule in names or family in names):
                return True
        return False
