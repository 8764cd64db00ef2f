"""sentence-length: sentences longer than `max` words.

    extends: sentence-length
    message: "sentence of {count} words; the limit is {max}"
    max: 35
"""
from __future__ import annotations

from typing import Iterator

from ..core.diagnostic import Diagnostic
from ..core.options import Option
from ..document.model import Document
from ..document.segment import count_words
from .shared.check import Check


class SentenceLength(Check):
    NAME = "sentence-length"
    DESCRIPTION = "Flags sentences with more words than a limit."
    OPTIONS = {"max": Option("int", 35, "the most words a sentence may have", minimum=1)}
    SCOPES = ("sentence",)
    PLACEHOLDERS = ("match", "count", "max")

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        limit = self.options["max"]
        view = doc.view
        for start, end in doc.sentences:
            if end - start <= limit:  # fewer characters than the limit cannot hold more words
                continue
            count = count_words(view, start, end)
            if count > limit and not (self.rule.exclude_quotes and doc.in_quote(start, end)):
                yield self.report(doc, start, end, count=count, max=limit)
