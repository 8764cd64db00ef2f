"""quote-balance: a quotation opened and never closed within its paragraph (or a closing mark
that closes nothing).

News style lets a quotation run on into the next paragraph: the paragraph leaves the closing
mark off and the next one opens with a quote mark again. That is legal, unless the reporter's
own words stand inside the open quotation (", adding that", ", she said"): it was meant to close. Curly and straight
double quotes are both read; apostrophes (’s, ’90s, rock ’n’ roll) are never quotes, and two
apostrophes (’’ or '', the wire services' closing mark) close an open quotation. A quotation nested in the
other glyph (“...” inside "...") is a quotation within a quotation; so is one in its own glyph
when a second closing mark follows (“... my “wires tapped” in ...,” he tweeted). Not quotes: inch marks after
a number (a 55" screen, 5' 10"), an HTML attribute left in the text (poster="..."). A double prime
(″) after a word closes an open quotation (a typesetting slip the quotation marks' balance is no
place to report); after a figure it is an inch mark. A paragraph
that closes a quotation an earlier one left open, without re-opening it, is reported when it
starts a sentence; single quotation marks are read for sure slips only (two opening marks
with nothing between; a curly one opened inside a double quotation that closes first).
"""
from __future__ import annotations

import re
from typing import Iterator

from ..core.diagnostic import Diagnostic
from ..core.options import Option
from ..document.model import Document
from ..document.people import vocabulary
from .shared.check import Check

_MARK = re.compile(r"(?P<attribute>(?<=\w)=\"[^\"\n]*\")|’’|''|[“”\"″]")
_OPENS_WITH_QUOTE = re.compile(r"\s*([“\"]|”(?=\w))")  # ”Boehner: the wrong glyph, still a re-opening
_TWO_APOSTROPHES = ("’’", "''")  # a typewriter's closing double mark
_FEET_INCHES = re.compile(r"\d['’]\s?\d{1,2}\Z")
_SINGLE = re.compile(r"['‘’]")
_TWO_CLOSING = re.compile(r"['’]['’]")
_DOUBLE = re.compile(r"[“”\"]")
_TEASER = re.compile(r"[^\n\"“”]{8,200}[^\s.!?:;,\"”] Read more:?[ \t]*")  # a one-line headline and its prompt
_NEXT_OPENS_QUOTE = re.compile(r"\s*['‘\"“]")  # the next paragraph carries a quotation on
_SINGLE_OPENING = re.compile(r"['‘][A-Z]")  # led by the mark, which the engine looks for in C
# the reporter's words, which a quotation running on into the next paragraph does not hold:
# 'the pantry as "a lifeline for families, adding that donors had cut back.'
_REPORTED = re.compile(r", (?:adding|(?:he|she|they) (?:said|added|told)|(?:said|says) [A-Z]|"
                       r"[A-Z][a-z]+ (?:said|says)\b)")
# the reporter naming the speaker inside a quotation that closes later in the paragraph: '"I never
# thought I'd see this, said Tomas Medina, who ... the street."' (stricter than _REPORTED, since a
# speaker may report speech: "I asked for a raise and, he said, no chance")
_SPEAKER_INSIDE = re.compile(r", said [A-Z][a-z]+(?: [A-Z][\w’'-]+)*[,.]")
_NOT_REOPENED = "closes a quotation that ran on from an earlier paragraph, which this one did not re-open"


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
        marks: set[int] = set()  # one finding a mark: a closing glyph that opens, and is never closed, is one slip
        for d in self._marks(doc):
            if d.offset not in marks:
                marks.add(d.offset)
                yield d

    def _marks(self, doc: Document) -> Iterator[Diagnostic]:
        view = doc.view
        blocks = [b for b in doc.blocks if not _embedded(doc, b.start, b.end)]
        pending = -1  # a quotation left open by an earlier paragraph, not re-opened in the next
        for i, block in enumerate(blocks):
            continued = i + 1 < len(blocks) and _OPENS_WITH_QUOTE.match(view, blocks[i + 1].start) is not None
            pending = yield from self._block(doc, block.start, block.end, continued, pending)
        if pending >= 0:
            yield self._unclosed(doc, pending)

    def _block(self, doc: Document, start: int, end: int, continued: bool, pending: int):
        """One paragraph: a second opening mark while a quotation is open is the news-style
        re-opening of a quotation that ran on, not a new one, unless it is of the other glyph
        (a quotation within the quotation). A quotation an earlier paragraph left open may be
        closed here (the paragraphs between lost their marks): that pairs up.
        Returns the quotation this paragraph leaves open for the next ones, or -1."""
        view = doc.view
        quote = _Open()
        for m in _MARK.finditer(view, start, end):
            if m.group("attribute"):
                continue
            at = m.start()
            if m.group() in _TWO_APOSTROPHES and quote.at < 0 and pending < 0:
                continue  # two single quotations closing at once (‘... say ‘enough’’)
            read = self._read(doc, m, start, end, quote.at >= 0 or pending >= 0)
            if read is None:
                continue
            ch, glyph, misused = read
            if misused is not None:
                yield misused
            outer = quote.at if not quote.nested else -1
            if ch == "“":
                if pending >= 0:
                    yield self._unclosed(doc, pending)
                    pending = -1
                left = quote.open(at, glyph, view)
                if left is not None:
                    yield self._unclosed(doc, left)
            elif quote.at >= 0 and not quote.nested and _SPEAKER_INSIDE.search(view, quote.at, at):
                yield self._unclosed(doc, quote.at)  # it was meant to close before the reporter spoke
                quote.close(glyph)
            elif quote.close(glyph):
                if outer >= 0 and quote.at < 0 and (inner := _single_left_open(view, outer + 1, at)) >= 0:
                    yield self._unclosed(doc, inner)  # “... said, ‘You shoot it,” she said
                continue
            elif pending >= 0:
                if _starts_a_sentence(view, start):  # not "... like an\n\nagent provocateur\n\nand perhaps ..."
                    yield self.report(doc, at, at + len(ch), problem=_NOT_REOPENED)
                pending = -1
            elif quote.reopened:
                quote.reopened -= 1  # “... my “wires tapped” ...”: it closed a quotation nested in its own glyph
            else:
                yield self.report(doc, at, at + len(ch), problem="closes a quotation that was never opened")
        opened = quote.at
        if self._opens_single_quotes(doc):
            for at in _single_quotes_left_open(view, start, end):
                yield self._unclosed(doc, at)
        if opened >= 0 and continued and _REPORTED.search(view, opened, end):
            yield self._unclosed(doc, opened)  # the reporter speaks inside it: it was meant to close
            return pending
        if opened >= 0 and not continued:
            if pending >= 0:
                yield self._unclosed(doc, pending)
            return opened
        return pending

    def _read(self, doc: Document, m: re.Match, start: int, end: int, inside: bool):
        """A mark as an opening (“) or a closing mark, its glyph, and a finding when a closing
        mark stands where a quotation opens; None for a straight mark that is no quotation."""
        ch, at, view = m.group(), m.start(), doc.view
        if ch == '"':
            if not self.options["straight"] or _is_measure(view, at, start, inside):
                return None  # 5' 10" is a height, a 55" screen a size: not quotations
            return _direction(view, at, start, end, inside), "straight", None
        if ch == "″":  # a double prime: an inch mark, or a closing mark typeset wrong (“a lifeline,″ she said)
            return ("”", "curly", None) if inside and not view[at - 1].isdigit() else None
        if ch == "”" and _FEET_INCHES.search(view, max(start, at - 6), at):
            return None  # a 5’4” man: a height, typeset curly
        if ch == "”" and _opens_a_word(view, at, start, end):
            return "“", "curly", self.report(doc, at, at + 1, problem="is a closing mark where a quotation opens")
        return ch, "curly", None

    @staticmethod
    def _opens_single_quotes(doc: Document) -> bool:
        """Two opening single marks somewhere in the text (once per document): most texts have
        none, and their apostrophes need no reading."""
        found = doc.__dict__.get("_single_openings")
        if found is None:
            view = doc.view
            openings = (m.start() for m in _SINGLE_OPENING.finditer(view))
            found = doc.__dict__["_single_openings"] = sum(
                1 for at in openings if at == 0 or view[at - 1] in " \n\t([—–") > 1
        return found

    def _unclosed(self, doc: Document, at: int) -> Diagnostic:
        return self.report(doc, at, at + 1, problem="opens a quotation that is never closed")


class _Open:
    """The quotation open in a paragraph: where it opened (-1: none), its glyph, the quotations of
    the other glyph inside it, and marks of its own glyph that opened inside it (a re-opening, or
    a nesting; left over, they stay counted: “A “b” c “d” e” nests two)."""

    def __init__(self) -> None:
        self.at, self.glyph, self.nested, self.reopened = -1, "", 0, 0

    def open(self, at: int, glyph: str, view: str) -> int | None:
        """An opening mark; returns a quotation it shows was left open, if any."""
        if self.at < 0:
            self.at, self.glyph, self.nested = at, glyph, 0
        elif glyph != self.glyph:
            self.nested += 1
        elif _REPORTED.search(view, self.at, at):  # “... this team, Reyes said. “The guys: meant to close
            left, self.at, self.nested = self.at, at, 0
            return left
        else:
            self.reopened += 1
        return None

    def close(self, glyph: str) -> bool:
        """A closing mark that closes a quotation inside this one, or this one."""
        if self.nested and glyph != self.glyph:
            self.nested -= 1
        elif self.at >= 0:
            self.at = -1
        else:
            return False
        return True


def _embedded(doc: Document, start: int, end: int) -> bool:
    """A paragraph of a post embedded whole, or its signature, or another story's headline with its
    link prompt: a quotation that runs on goes round it ("... Manchester United." / Club statement
    / — Club (@club) Nov 20, 2019 / "He has won"; '"... the UK's participation' / Brexit extension
    could be until 2020 Read more / '"Let me be clear: ...')."""
    if _TEASER.fullmatch(doc.view, start, end):
        return True
    if not doc.posts:
        return False
    from ..document.segment import is_post_signature
    return doc.in_post(start, end) or is_post_signature(doc.view, start, end)


def _single_quotes_left_open(view: str, start: int, end: int) -> Iterator[int]:
    """Single quotation marks (British copy quotes with them too): an opening mark ("'We", "‘We")
    followed by another with no single mark of any kind between them was never closed, and so was
    one with no single mark after it in a paragraph without double marks, when the next paragraph
    does not open with a quotation (a run-on). Only that: a closing ' is also an apostrophe ("the Smiths' house"), so
    nothing else is certain."""
    if _TWO_CLOSING.search(view, start, end):
        return  # 'It's time to say 'Enough,'' he said: one quotation inside another, both closed
    last_opening = -1
    for at, mark, before, after in _single_marks(view, start, end):
        opening = mark != "’" and (before.isspace() or before in "([—–") and after.isupper() \
            and not _closed_in_its_word(view, at, end)
        if opening and last_opening >= 0 and not _runs_on(view, last_opening, at):
            yield last_opening
        last_opening = at if opening else -1
    if last_opening >= 0 and not _NEXT_OPENS_QUOTE.match(view, end) and not _DOUBLE.search(view, start, end):
        yield last_opening  # (in a paragraph quoting with single marks only: not one nested in "...")


_CONTRACTED = {"s", "re", "ll", "ve", "d", "t", "m"}
_LETTERS = re.compile(r"[a-z]+")


def _closed_in_its_word(view: str, at: int, end: int) -> bool:
    """Whether a curly mark closes the quotation inside the word it opens: a pun ("‘Boo’rish
    fans"), not a contraction ("‘We’re") or a name ("‘O’Brien")."""
    stop = at + 1
    while stop < end and not view[stop].isspace():
        stop += 1
    mark = view.find("’", at + 1, stop)
    rest = _LETTERS.match(view, mark + 1, stop) if mark > 0 else None
    return rest is not None and rest.group() not in _CONTRACTED


def _single_left_open(view: str, start: int, end: int) -> int:
    """A quotation in single marks opened inside a double one and never closed before it
    closes: a curly opening mark (a straight one may be an apostrophe: "stop 'ObamaCare") with a
    space or a bracket before it and a capital after it (not "beat ‘em"), opening a few words
    (one may be a term so marked: "stop ‘ObamaCare.”"), and no mark after it that may close it
    (any not inside a word: "players’" may close one). -1 if none."""
    opened = -1
    for at, mark, before, after in _single_marks(view, start, end):
        if opened < 0 and mark == "‘" and (before.isspace() or before in "([—–“\"") and after.isupper():
            opened = at
        elif opened >= 0:
            return -1
    return opened if view.count(" ", opened, end) >= 2 else -1  # a quoted sentence, not a term ("stop ‘ObamaCare.”")


def _single_marks(view: str, start: int, end: int) -> Iterator[tuple[int, str, str, str]]:
    """(offset, mark, character before, character after) of the single marks between start and
    end that stand outside a word (not "don't", "O'Brien")."""
    for m in _SINGLE.finditer(view, start, end):
        at = m.start()
        before = view[at - 1] if at > start else " "
        after = view[at + 1] if at + 1 < end else " "
        if not (before.isalnum() and after.isalnum()):
            yield at, m.group(), before, after


def _runs_on(view: str, opened: int, reopened: int) -> bool:
    """Whether a second opening mark re-opens the quotation before it, as the paragraphs of a
    long quotation run together in one line do ("'I want to apprise everyone ... today. 'The
    Boxer took defensive action ..."): the first ended a sentence and no reporter spoke between
    ("'It was awful, he said. 'I cried" lost its closing mark)."""
    between = view[opened:reopened].rstrip()
    if not between.endswith((".", "!", "?")):
        return False
    said = vocabulary()["speech_verbs"]
    return not any(w.strip(",.;:!?") in said for w in between.split())


def _starts_a_sentence(view: str, start: int) -> bool:
    """The paragraph at `start` opens a sentence after one that ended: a paragraph of a quotation
    running on should re-open it there. A paragraph that carries on a broken sentence (a line
    break left by extraction) need not."""
    before = view[max(0, start - 8):start].rstrip()
    return start < len(view) and (view[start].isupper() or view[start].isdigit()) and before[-1:] in (".", "!", "?")


def _is_measure(view: str, at: int, start: int, inside: bool) -> bool:
    """A straight double quote that is an inch mark: after feet (5' 10", 5’4"), or right after a number
    when no quotation is open (a 55" screen)."""
    if _FEET_INCHES.search(view, max(start, at - 6), at):
        return True
    return not inside and at > start and view[at - 1].isdigit()


def _opens_a_word(view: str, at: int, start: int, end: int) -> bool:
    """A mark with space (or a paragraph's start) before it and a letter or digit after it."""
    return (at == start or view[at - 1].isspace()) and at + 1 < end and view[at + 1].isalnum()


def _direction(view: str, at: int, start: int, end: int, inside: bool) -> str:
    """Whether a straight double quote opens (“) or closes (”), from the characters around it;
    a mark with space (or nothing) on both sides goes by whether a quotation is open."""
    before = view[at - 1] if at > start else " "
    after = view[at + 1] if at + 1 < end else " "
    if after == "." and (at == start or before.isspace() or before in "(:"):
        rest = view[at + 1:min(end, at + 6)]
        dots = len(rest) - len(rest.lstrip("."))
        rest = rest[dots:].lstrip(" ") if dots >= 3 else rest[dots:]
        if rest[:1].isalnum() or rest[:1] in "@#":
            return "“"  # ".com", "...I think", "... This" or a tweet's ".@handle"
    if after in ",.;:!?)]}":
        return "”"  # "madness ", saying
    if before.isspace() == after.isspace():
        if not after.isspace() and not before.isalnum() and after.isalnum():
            return "“"  # said:"We ... or ("We ...
        return "”" if inside else "“"
    return "“" if before.isspace() else "”"
