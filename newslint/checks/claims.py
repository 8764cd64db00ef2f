"""Line claims: rules of one family that flag whole lines do not flag the same line twice.

A rule that reports whole lines (an existence rule with a line option, a boilerplate-block rule)
joins its family's claims when it is built, with a precedence: phrase rules first (they name the
thing precisely), then structural rules in their own order. When a rule checks a document it
asks which lines rules ranked before it have flagged, and leaves those lines alone. Each member's
findings are computed once per document and cached, so the order in which the engine runs the
checks does not matter. Rules that are switched off or not selected never join, and then their
lines stay free for the others.
"""
from __future__ import annotations


from ..diagnostic import Diagnostic
from ..document import Document


class LineClaims:
    def __init__(self) -> None:
        self._members: list[tuple[tuple, object]] = []

    def join(self, check: object, rank: tuple) -> None:
        self._members.append((rank, check))
        self._members.sort(key=lambda m: m[0])

    def claimed(self, doc: Document, check: object) -> set[int]:
        """Source lines (1-based) flagged by the members ranked before `check`."""
        lines: set[int] = set()
        for _, member in self._members:
            if member is check:
                break
            for d in cached_findings(doc, member):
                lines.update(range(d.line, d.end_line + 1))
        return lines


def claims_for(context, family: str) -> LineClaims:
    return context.shared(f"line-claims:{family}", LineClaims)


def cached_findings(doc: Document, check) -> list[Diagnostic]:
    """The check's findings on `doc`, computed once (the check defines `find(doc)`)."""
    key = f"_findings_{id(check)}"
    found = doc.__dict__.get(key)
    if found is None:
        found = list(check.find(doc))
        doc.__dict__[key] = found
    return found


def view_line_words(doc: Document) -> list[int]:
    """Words (whitespace-separated tokens) of each of doc.view_lines, counted once per document."""
    words = doc.__dict__.get("_view_line_words")
    if words is None:
        view = doc.view
        words = doc.__dict__["_view_line_words"] = [len(view[s:e].split()) for s, e in doc.view_lines]
    return words
