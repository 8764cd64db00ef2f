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

from typing import Any, Callable

from ...core.diagnostic import Diagnostic, Edit, Fix
from ...document.model import Document
from ...document.readers.masking import lines


class LineClaims:
    def __init__(self) -> None:
        self._members: list[tuple[tuple, object]] = []
        self._positions: dict[int, int] = {}
        self._key = f"_line_claims_{id(self)}"

    def join(self, check: object, rank: tuple) -> None:
        self._members.append((rank, check))
        self._members.sort(key=lambda m: m[0])
        self._positions = {id(member): i for i, (_, member) in enumerate(self._members)}

    def claimed(self, doc: Document, check: object) -> frozenset[int]:
        """Source lines (1-based) flagged by the members ranked before `check`."""
        # prefix[i]: the lines of members[:i], grown as far as asked, once per document
        prefix = doc.__dict__.get(self._key)
        if prefix is None:
            prefix = doc.__dict__[self._key] = [frozenset()]
        position = self._positions[id(check)]
        while len(prefix) <= position:
            member = self._members[len(prefix) - 1][1]
            lines = {n for d in cached_findings(doc, member) for n in range(d.line, d.end_line + 1)}
            prefix.append(prefix[-1] | lines if lines else prefix[-1])
        return prefix[position]

    def claimed_by(self, doc: Document, check: object, which: Callable[[Any], bool]) -> set[int]:
        """Source lines flagged by the members ranked before `check` that `which` picks."""
        position = self._positions[id(check)]
        return {n for _, member in self._members[:position] if which(member)
                for d in cached_findings(doc, member) for n in range(d.line, d.end_line + 1)}

    def settle(self, doc: Document) -> None:
        """Once per document, after every member's findings: the fixes of findings whose lines
        touch lines that other findings flag delete the run together (see base.delete_lines)."""
        key = self._key + "_settled"
        if doc.__dict__.get(key):
            return
        doc.__dict__[key] = True
        if not self._members or doc.format not in SAME_LAYOUT:
            return
        last = self._members[-1][1]
        flagged = self.claimed(doc, last) | {n for d in cached_findings(doc, last)
                                             for n in range(d.line, d.end_line + 1)}
        if not flagged:
            return
        from .fixes import delete_lines
        for _, member in self._members:
            for d in cached_findings(doc, member):
                if d.fix is None or not d.fix.edits or d.fix.edits[0].replacement:
                    continue
                top, bottom = d.line, d.end_line
                while top - 1 in flagged:
                    top -= 1
                while bottom + 1 in flagged:
                    bottom += 1
                if (top, bottom) != (d.line, d.end_line):
                    s, e = delete_lines(doc, d.line, d.end_line, (top, bottom))
                    d.fix = Fix((Edit(s, e - s, ""),), safe=d.fix.safe)


def claims_for(context, family: str) -> LineClaims:
    return context.shared(f"line-claims:{family}", LineClaims)


def cached_findings(doc: Document, check) -> list[Diagnostic]:
    """The check's findings on `doc`, computed once (the check defines `find(doc)` and `findings_key`)."""
    key = check.findings_key
    found = doc.__dict__.get(key)
    if found is None:
        found = list(check.find(doc))
        doc.__dict__[key] = found
    return found


def line_table(doc: Document) -> list[tuple[int, int, int, int, int]]:
    """(start, end, source line, words, view line) of every non-blank line of the view, trimmed
    of blanks: view offsets, the 1-based line of the original file, whitespace-separated words,
    and the 0-based line of the view (two lines are glued when their view lines are next to each
    other). Read once per document, for every line rule."""
    table = doc.__dict__.get("_line_table")
    if table is not None:
        return table
    view = doc.view
    table = []
    same = doc.format in SAME_LAYOUT and "\r" not in view  # the view's lines are the file's
    for index, (position, end, _) in enumerate(lines(view)):
        segment = view[position:end]
        stripped = segment.strip()
        if stripped:
            s = position + len(segment) - len(segment.lstrip())
            # a very long line is long either way: count its spaces instead of splitting it
            words = len(stripped.split()) if len(stripped) < 600 else stripped.count(" ") + 1
            table.append((s, s + len(stripped), index + 1 if same else doc.line_of(s), words, index))
    doc.__dict__["_line_table"] = table
    return table


# formats whose view is a same-length copy of the file (a view line is a line of the file)
SAME_LAYOUT = ("text", "markdown")
