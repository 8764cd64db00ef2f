"""The Check base class every rule type extends, and what checks share while they are built."""
from __future__ import annotations

import bisect
import re
import string
from dataclasses import dataclass, field
from typing import Any, Callable, ClassVar, Hashable, Iterable

from ...core.diagnostic import Diagnostic, Edit, Fix, Related
from ...core.errors import OptionError, with_article
from ...core.options import Option
from ...core.rule import SCOPES, Rule
from ...document.model import Document
from .fixes import delete_lines
from .phrases import PhraseIndex


class Check:
    """Base of every rule type. Subclasses set NAME, OPTIONS, PLACEHOLDERS and define check()."""

    NAME: ClassVar[str] = ""
    DESCRIPTION: ClassVar[str] = ""
    OPTIONS: ClassVar[dict[str, Option]] = {}
    SCOPES: ClassVar[tuple[str, ...]] = SCOPES
    DEFAULT_SCOPE: ClassVar[str] = "sentence"
    PLACEHOLDERS: ClassVar[tuple[str, ...]] = ("match",)

    registered: ClassVar[dict[str, type["Check"]]] = {}  # NAME -> class, filled as modules are imported

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.NAME:
            Check.registered[cls.NAME] = cls

    def __init__(self, rule: Rule, context: "BuildContext"):
        self.rule = rule
        self.options = rule.options
        self.message = rule.message.replace("%s", "{match}")

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        raise NotImplementedError

    @classmethod
    def reports_as(cls, rule: Rule, rule_id: str) -> bool:
        """Whether `rule` may report under `rule_id`, an id other than its own (so that a
        suppression comment may name it)."""
        return False

    @classmethod
    def validate_message(cls, message: str) -> None:
        """Raise OptionError for a message with unknown placeholders or unbalanced braces."""
        try:
            fields = [(name, spec, conversion) for _, name, spec, conversion
                      in string.Formatter().parse(message.replace("%s", "{match}")) if name is not None]
        except ValueError as exc:
            raise OptionError(f"{exc} (write a literal brace as {{{{ or }}}})") from None
        for name, spec, conversion in fields:
            if name not in cls.PLACEHOLDERS:
                allowed = ", ".join("{" + p + "}" for p in cls.PLACEHOLDERS)
                raise OptionError(f"unknown placeholder {{{name}}}; {with_article(cls.NAME)} rule offers "
                                  f"{allowed} and %s")
            if conversion not in (None, "r", "s", "a"):
                raise OptionError(f"{{{name}!{conversion}}}: unknown conversion (use !r, !s or !a)")
            if spec and ("{" in spec or _WIDE.search(spec)):  # {match:{x}}, {match:>99999999999}
                raise OptionError(f"{{{name}:{spec}}}: a format may not hold a placeholder, "
                                  "nor a width of 1000 or more")

    # helpers for subclasses -------------------------------------------------------------

    def spans(self, doc: Document) -> list[tuple[int, int]]:
        return list(doc.spans(self.rule.scope))

    def wanted(self, doc: Document, start: int, end: int, spans: list[tuple[int, int]] | None) -> bool:
        """Whether a match lies inside one unit of the rule's scope and, if asked, outside quotes."""
        if self.rule.exclude_quotes and doc.in_quote(start, end):
            return False
        if spans is None:
            return True
        i = bisect.bisect_right(spans, (start, float("inf"))) - 1
        return i >= 0 and spans[i][0] <= start and end <= spans[i][1]

    def report(self, doc: Document, start: int, end: int, *, suggestions: Iterable[str] = (),
               related: Iterable[tuple[int, int, str]] = (), fix: Fix | None = None,
               **fields: Any) -> Diagnostic:
        """A Diagnostic for the view span [start, end); `fields` fill the message placeholders."""
        loc = doc.locate(start, end)
        fields.setdefault("match", doc.view[start:end])
        rel = []
        for rs, re_, note in related:
            r = doc.locate(rs, re_)
            rel.append(Related(r.line, r.column, note, r.offset, r.length, r.end_line, r.end_column))
        return Diagnostic(
            rule=self.rule.id, level=self.rule.level, message=_formatted(self.message, fields),
            line=loc.line, column=loc.column, end_line=loc.end_line, end_column=loc.end_column,
            offset=loc.offset, length=loc.length, path=doc.path, suggestions=list(suggestions),
            related=rel, fix=fix, link=self.rule.link)

    def replacement_fix(self, doc: Document, start: int, end: int, replacement: str, safe: bool) -> Fix:
        s, e = doc.source_span(start, end)
        return Fix((Edit(s, e - s, replacement),), safe=safe)

    def delete_lines_fix(self, doc: Document, first: int, last: int, safe: bool,
                         span: tuple[int, int] | None = None) -> Fix:
        """Delete source lines first..last (1-based) with their line breaks (see delete_lines).
        In a format whose lines are not the file's (HTML), only the flagged text, `span` in view
        offsets, is deleted: its markup stays."""
        if doc.format in ("text", "markdown") or span is None:
            s, e = delete_lines(doc, first, last)
        else:
            s, e = doc.source_span(*span)
        return Fix((Edit(s, e - s, ""),), safe=safe)


_WIDE = re.compile(r"\d{4,}")


def _formatted(message: str, fields: dict[str, Any]) -> str:
    """The message with its placeholders filled; a format that does not suit the value (a user's
    {match:d}, where match is text) shows the value as it is instead of ending the run."""
    try:
        return message.format(**fields)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        try:
            return _PLAIN_FIELD.sub(r"{\1}", message).format(**fields)
        except (ValueError, TypeError, KeyError, IndexError, AttributeError):
            return message


_PLAIN_FIELD = re.compile(r"(?<!\{)\{(\w+)[^{}]*\}")


@dataclass
class BuildContext:
    """What checks may share while they are built: the phrase index, settings and resources."""

    phrases: PhraseIndex
    settings: dict[str, Any] = field(default_factory=dict)
    cache: dict[Hashable, Any] = field(default_factory=dict)

    def shared(self, key: Hashable, factory: Callable[[], Any]) -> Any:
        """One instance of an expensive resource (a dictionary, a client) per engine."""
        if key not in self.cache:
            self.cache[key] = factory()
        return self.cache[key]
