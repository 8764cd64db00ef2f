"""quote-balance: a quotation opened and never closed within its paragraph (or a closing mark
that closes nothing).

News style lets a quotation run on into the next paragraph: the paragraph leaves the closing
mark off and the next one opens with a quote mark again. That is legal. Curly and straight
double quotes are both read; apostrophes (’s, ’90s, rock ’n’ roll) are never quotes.
"""
from __future__ import annotations

import re
from typing import Iterator

from ..core.diagnostic import Diagnostic
from ..core.options import Option
from ..document.model import Document
from .shared.check import Check

_MARK = re.compile(r"[“”\"]")
_OPENS_WITH_QUOTE = re.compile(r"\s*[“\"]")
_FEET_INCHES = re.compile(r"\d'\s?\d{1,2}\Z")


class QuoteBalance(Check):
    NAME = "quote-balance"
    DESCRIPTION = "Flags a quotation that is opened and never closed, or closed and never opened."
    OPTIONS = {
        "straight": Option("bool", True, "also read straight double quotes (\")"),
    }
    SCOPES = ("paragraph",)
    DEFAULT_SCOPE = "paragraph"
    PLACEHOLDERS = ("match", "problem")

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        view = doc.view
        blocks = doc.blocks
        pending = -1  # a quotation left open by an earlier paragraph, not re-opened in the next
        for i, block in enumerate(blocks):
            continued = i + 1 < len(blocks) and _OPENS_WITH_QUOTE.match(view, blocks[i + 1].start) is not None
            pending = yield from self._block(doc, block.start, block.end, continued, pending)
        if pending >= 0:
            yield self._unclosed(doc, pending)

    def _block(self, doc: Document, start: int, end: int, continued: bool, pending: int):
        """One paragraph: a second opening mark while a quotation is open is the news-style
        re-opening of a quotation that ran on, not a new one. A quotation an earlier paragraph
        left open may be closed here (the paragraphs between lost their marks): that pairs up.
        Returns the quotation this paragraph leaves open for the next ones, or -1."""
        view = doc.view
        opened = -1
        for m in _MARK.finditer(view, start, end):
            ch, at = m.group(), m.start()
            if ch == '"':
                if not self.options["straight"] or _FEET_INCHES.search(view, max(start, at - 6), at):
                    continue  # 5' 10" is a height, not a quotation
                if at > start and view[at - 1].isdigit() and opened < 0 and pending < 0:
                    continue  # a 34" screen: an inch mark, outside any quotation
                ch = _direction(view, at, start, end, opened >= 0 or pending >= 0)
            if ch == "“":
                if pending >= 0:
                    yield self._unclosed(doc, pending)
                    pending = -1
                if opened < 0:
                    opened = at
            elif opened >= 0:
                opened = -1
            elif pending >= 0:
                pending = -1
            else:
                yield self.report(doc, at, at + 1, problem="closes a quotation that was never opened")
        if opened >= 0 and not continued:
            if pending >= 0:
                yield self._unclosed(doc, pending)
            return opened
        return pending

    def _unclosed(self, doc: Document, at: int) -> Diagnostic:
        return self.report(doc, at, at + 1, problem="opens a quotation that is never closed")


def _direction(view: str, at: int, start: int, end: int, inside: bool) -> str:
    """Whether a straight double quote opens (“) or closes (”), from the characters around it;
    a mark with space (or nothing) on both sides goes by whether a quotation is open."""
    before = view[at - 1] if at > start else " "
    after = view[at + 1] if at + 1 < end else " "
    if after in ",.;:!?)]}":
        return "”"  # "madness ", saying
    if before.isspace() == after.isspace():
        if not after.isspace() and not before.isalnum() and after.isalnum():
            return "“"  # said:"We ... or ("We ...
        return "”" if inside else "“"
    return "“" if before.isspace() else "”"
