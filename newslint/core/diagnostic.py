"""The data every part of newslint shares: Diagnostic, Related, Fix and Level.

Plain dataclasses, so that rules, the engine, formatters and every interface (CLI, service,
API) pass the same objects around. Positions are 1-based lines, columns in characters (code
points), end exclusive; offset and length index the original text in characters.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

FAMILIES = ("spelling", "grammar", "consistency", "boilerplate", "readability", "style")


class Level(str, enum.Enum):
    """Severity, ordered: info < warning < error."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]

    def __str__(self) -> str:
        return self.value


_RANK = {Level.INFO: 0, Level.WARNING: 1, Level.ERROR: 2}
LEVEL_NAMES = ("error", "warning", "info")


@dataclass(frozen=True, slots=True)
class Related:
    """Another place in the same file that the finding contradicts or repeats."""

    line: int
    column: int
    message: str
    offset: int
    length: int
    end_line: int
    end_column: int


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace text[offset:offset + length] with `replacement` (offsets in the original text)."""

    offset: int
    length: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Fix:
    """Edits that resolve a finding. `safe` fixes may be applied without a human look."""

    edits: tuple[Edit, ...]
    safe: bool = False


@dataclass(slots=True)
class Diagnostic:
    """One finding, positioned in the original file."""

    rule: str
    level: Level
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    offset: int
    length: int
    path: str | None = None
    suggestions: list[str] = field(default_factory=list)
    related: list[Related] = field(default_factory=list)
    fix: Fix | None = None
    link: str | None = None

    @property
    def family(self) -> str:
        return self.rule.split("/", 1)[0]

    def sort_key(self) -> tuple:
        return (self.offset, self.length, self.rule, self.message)

    def to_dict(self) -> dict:
        """The JSON shape shared by `--format json`, the service and the API."""
        out: dict[str, Any] = {
            "rule": self.rule,
            "family": self.family,
            "level": self.level.value,
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "offset": self.offset,
            "length": self.length,
            "suggestions": list(self.suggestions),
            "related": [
                {"line": r.line, "column": r.column, "end_line": r.end_line,
                 "end_column": r.end_column, "message": r.message}
                for r in self.related
            ],
        }
        if self.fix is not None:
            out["fix"] = {
                "safe": self.fix.safe,
                "edits": [{"offset": e.offset, "length": e.length, "replacement": e.replacement}
                          for e in self.fix.edits],
            }
        if self.link:
            out["link"] = self.link
        return out
