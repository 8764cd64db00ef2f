"""Fix helpers shared by rule types: carry a capital over, delete whole lines cleanly."""
from __future__ import annotations

from ...document.model import Document


def match_case(template: str, replacement: str) -> str:
    """Carry a capital first letter of the matched text over to its replacement."""
    if template[:1].isupper() and replacement[:1].islower():
        return replacement[0].upper() + replacement[1:]
    return replacement



def delete_lines(doc: Document, first: int, last: int, block: tuple[int, int] | None = None) -> tuple[int, int]:
    """Source span that removes lines first..last (1-based) with their line breaks, and the blank
    lines on one side, so that no double blank line (nor a trailing one) is left behind.

    Blank lines above go when blank lines (or the end of the text) follow; at the top of the text
    the blank lines below go instead. `block` is the run of flagged lines, with no blank line
    between them, that first..last belongs to when other findings flag the lines around it: the
    blank lines above the run go with its first finding, those below it with its last, so that
    the fixes of the run together leave one paragraph break, each alone leaves no double one,
    and no two of them touch the same characters (they apply in one pass).
    """
    text, lines = doc.text, doc.lines
    starts = lines.starts
    count = len(starts)
    top, bottom = block or (first, last)

    def blank(n: int) -> bool:
        s, e = lines.line_span(n, text)
        return not text[s:e].strip()

    before = top - 1
    while before >= 1 and blank(before):
        before -= 1                     # `before`: the last non-blank line above the run, or 0
    after = bottom + 1
    while after <= count and blank(after):
        after += 1                      # `after`: the first non-blank line below the run, or count + 1
    start = starts[first - 1]
    end = starts[last] if last < count else len(text)
    if after > count:                   # nothing below: the text's tail goes, from the line above
        if first == top:
            start = starts[before] if before >= 1 else 0
        if last == bottom:
            end = len(text)
    elif before == 0:                   # nothing above: the blank lines below go too
        if first == top:
            start = 0
        if last == bottom:
            end = starts[after - 1]
    elif first == top and before < top - 1 and after > bottom + 1:
        start = starts[before]          # blank lines on both sides: those above go
    return start, end
