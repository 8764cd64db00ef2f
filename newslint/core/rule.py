"""The validated Rule: a rule file's common keys plus its type's own options."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .diagnostic import Level

SCOPES = ("document", "paragraph", "sentence", "line", "heading")


@dataclass
class Rule:
    """A validated rule file: the common keys plus the type's own options."""

    id: str
    extends: str
    message: str
    level: Level
    scope: str
    options: dict[str, Any]
    path: str = ""
    link: str | None = None
    description: str = ""  # the rule file's, or else its type's
    enabled: bool = True
    exclude_quotes: bool = False
    template_text: bool = False  # what it reports the newsroom did not write: only typos are reported in it
    example: dict[str, list[str]] = field(default_factory=dict)

    @property
    def family(self) -> str:
        return self.id.split("/", 1)[0]

