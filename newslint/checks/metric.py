"""metric: a readability formula from textstat, with a threshold, per document or paragraph.

    extends: metric
    message: "{formula} is {value:.1f}; keep it at most {max:g}"
    formula: flesch_kincaid_grade
    max: 16
    min_words: 100
    scope: document
"""
from __future__ import annotations

from typing import Iterator

from ..core.diagnostic import Diagnostic
from ..core.errors import OptionError
from ..core.options import Option
from ..document.model import Document
from ..document.segment import WORD
from ..resources.readability import FORMULAS, measure
from .shared.check import Check


class Metric(Check):
    NAME = "metric"
    DESCRIPTION = "Flags a document or paragraph whose readability score passes a threshold."
    OPTIONS = {
        "formula": Option("choice", choices=tuple(FORMULAS), help="a textstat formula"),
        "max": Option("number", None, "flag a score above this"),
        "min": Option("number", None, "flag a score below this"),
        "min_words": Option("int", 100, "skip units with fewer words than this", minimum=0),
    }
    SCOPES = ("document", "paragraph")
    DEFAULT_SCOPE = "document"
    PLACEHOLDERS = ("match", "formula", "value", "max", "min", "words")

    @classmethod
    def validate_options(cls, options: dict) -> None:
        if options["max"] is None and options["min"] is None:
            raise OptionError("a metric rule needs 'max' or 'min'")

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        opts = self.options
        for start, end in self._units(doc):
            prose = _prose(doc, start, end)
            words = len(WORD.findall(prose))
            if words < opts["min_words"] or words == 0:
                continue
            value = measure(opts["formula"], prose)
            too_high = opts["max"] is not None and value > opts["max"]
            too_low = opts["min"] is not None and value < opts["min"]
            if too_high or too_low:
                anchor_start, anchor_end = (start, end) if self.rule.scope == "paragraph" else _first_block(doc)
                yield self.report(doc, anchor_start, anchor_end, formula=FORMULAS[opts["formula"]],
                                  value=value, max=opts["max"], min=opts["min"], words=words)

    def _units(self, doc: Document) -> Iterator[tuple[int, int]]:
        if self.rule.scope == "document":
            if doc.blocks:
                yield doc.blocks[0].start, doc.blocks[-1].end
        else:
            yield from doc.spans("paragraph")


def _prose(doc: Document, start: int, end: int) -> str:
    """The paragraphs between start and end, one per line, as textstat expects plain prose."""
    return "\n".join(doc.view[b.start:b.end] for b in doc.blocks
                     if b.kind != "heading" and start <= b.start and b.end <= end)


def _first_block(doc: Document) -> tuple[int, int]:
    first = doc.blocks[0]
    return first.start, first.end
