"""One article of an archive through the linter: the only module of newslint.archive that
imports the rest of newslint, so that moving the linter's modules means editing this file.

A record's headline (when there is a headline field) is linted as the article's first line,
a blank line above the body, as a story exported from a CMS reads; every finding is then given
back in the coordinates of the field it is in (`headline` or `body`): line, column and offset
count from the start of that field's own text.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.diagnostic import FAMILIES, Level
from ..core.errors import NewslintError
from ..document import Document, LineIndex
from ..document.dates import parse_date
from ..run.baseline import Baseline, counted, fingerprint, write_entries
from ..run.linter import Linter

__all__ = ["ArticleSettings", "article_linter", "ArticleLinter", "Baseline", "counted", "write_entries",
           "NewslintError", "FAMILIES", "Level", "iso_date", "run_config"]

HEADLINE_GAP = "\n\n"


@dataclass(frozen=True)
class ArticleSettings:
    """What a worker needs to build the same Linter as the client: small, hashable, picklable."""

    config_file: str | None = None  # absolute, resolved on the client (a worker's folder may differ)
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    text_format: str = "text"       # text, markdown or html
    date: str | None = None         # ISO date for articles whose record has none (--date)


def run_config(config: Path | None):
    """The configuration a run on the client uses (explicit, or found from the working
    directory); its file goes to the workers as an absolute path (their folder may differ)."""
    from ..settings.config import config_for
    return config_for(Path.cwd(), config)


def iso_date(value: Any) -> str | None:
    """A record's date field as YYYY-MM-DD (a date, a datetime or a string such as 2023-06-18 or
    June 18, 2023), or None when it is not one."""
    found = parse_date(value)
    return found.isoformat() if found is not None else None


class ArticleLinter:
    """A Linter built once (per worker thread) and the article -> findings step."""

    def __init__(self, settings: ArticleSettings):
        self.settings = settings
        linter = Linter(config_file=Path(settings.config_file) if settings.config_file else None,
                        select=settings.select, ignore=settings.ignore)
        self.engine = linter.engine(None)  # configuration and rule errors are raised here

    def lint(self, body: str, headline: str | None = None, date: str | None = None) -> tuple[list[dict], int]:
        """The findings of one article, as row fields, and its word count."""
        prefix = headline + HEADLINE_GAP if headline else ""
        text = prefix + body
        metadata = {"date": date or self.settings.date}
        if headline:
            metadata["title"] = headline
        doc = Document(text, format=self.settings.text_format, metadata=metadata)
        heading = LineIndex(prefix) if prefix else None
        return [_finding(d, text, heading) for d in self.engine.lint(doc)], doc.words


def _finding(d, text: str, heading: LineIndex | None) -> dict:
    """A diagnostic of the article (headline, gap, body) as row fields in its own field's
    coordinates; a span that runs from the headline into the body is cut at the headline's end."""
    flagged, before, after = fingerprint(text, d.offset, d.length)
    offset, length = d.offset, d.length
    line, column, end_line, end_column = d.line, d.column, d.end_line, d.end_column
    field = "body"
    if heading is not None:
        body_start = heading.length
        headline_end = body_start - len(HEADLINE_GAP)
        if offset < body_start:
            field = "headline"
            if offset + length > headline_end:
                length = max(0, headline_end - offset)
                end_line, end_column = heading.position(offset + length)
        else:
            body_line = heading.position(body_start)[0]
            offset -= body_start
            line, end_line = line - body_line + 1, end_line - body_line + 1
    return {"field": field, "rule": d.rule, "family": d.family, "level": d.level.value, "message": d.message,
            "line": line, "column": column, "end_line": end_line, "end_column": end_column,
            "offset": offset, "length": length, "flagged": flagged, "context_before": before,
            "context_after": after, "suggestions": list(d.suggestions)}


_local = threading.local()


def article_linter(settings: ArticleSettings) -> ArticleLinter:
    """This thread's ArticleLinter for `settings`, built on first use: a worker builds its
    Linter once and keeps it for every partition it is given (linters are not shared across
    threads)."""
    linters = _local.__dict__.setdefault("linters", {})
    linter = linters.get(settings)
    if linter is None:
        linter = linters[settings] = ArticleLinter(settings)
    return linter
