"""existence: words, phrases or patterns that should not appear at all.

    extends: existence
    message: "'%s' is left-over comment-form text"
    tokens: [Leave a Reply, Post a comment]   # literal, matched through the shared phrase index
    patterns: ['\\bclick here\\b']            # regular expressions, compiled once
    ignorecase: true
    nonword: false       # true: also match inside words
    exceptions: [...]    # phrases inside which a match is not reported

Line options, for text that is debris only when it stands as a line of its own ("Read more"
as a line under a story, not "read more about the budget" inside a sentence):

    line_start: true     # a token opens its line (after spaces and list markers); patterns say
                         # where they match themselves (^ to open the line)
    line_share: 0.6      # the rule's matches cover at least this share of the line's characters
    max_line_words: 20   # the line has at most this many words

With any of them set, the rule reports the whole line once, with a fix that deletes the line,
and it claims the line: broader rules of its family that flag whole lines leave it to this one
(see claims.py). `safe_fix` lets --fix apply the deletion unreviewed when the rule's matches are
the whole line ("Share this article", "Leave a Reply"): a line they only open ("Follow us, the
crowd chanted") may be the article's, and its deletion waits for review.
"""
from __future__ import annotations

import bisect
import re
from typing import Iterable, Iterator

from ..core.diagnostic import Diagnostic
from ..core.errors import OptionError
from ..core.options import Option
from ..core.patterns import RulePattern, compile_pattern, split_anchored
from ..core.rule import Rule
from ..document.model import Document
from .shared.check import BuildContext, Check
from .shared.claims import cached_findings, claims_for, line_table
from .shared.phrases import PhraseMatch, on_word_boundaries

_LINE_MARKERS = " \t-*•·>#|–—"
# the matches cover (nearly) the whole line: a leftover "*" or "|" does not make it prose
WHOLE_LINE = 0.9


class Existence(Check):
    NAME = "existence"
    DESCRIPTION = "Flags words, phrases or patterns that should not appear."
    OPTIONS = {
        "tokens": Option("strings", [], "literal words or phrases to flag"),
        "patterns": Option("regexes", [], "regular expressions to flag"),
        "ignorecase": Option("bool", False, "match regardless of case"),
        "nonword": Option("bool", False, "match inside words too, not only whole words"),
        "exceptions": Option("strings", [], "phrases inside which a match is not reported"),
        "line_start": Option("bool", False, "a token must open its line (after spaces and list markers);"
                                            " patterns anchor themselves with ^"),
        "line_share": Option("number", 0, "the rule's matches must cover at least this share of their line", minimum=0),
        "max_line_words": Option("int", 0, "the line holding a match may have at most this many words (0: any)",
                                 minimum=0),
        "safe_fix": Option("bool", False, "in line mode: --fix may delete the line unreviewed"),
    }

    @classmethod
    def validate_options(cls, options: dict) -> None:
        if not options["tokens"] and not options["patterns"]:
            raise OptionError("an existence rule needs 'tokens' or 'patterns'")
        if options["line_share"] > 1:
            raise OptionError("line_share is a share of the line: a number from 0 to 1")

    def __init__(self, rule: Rule, context: BuildContext):
        super().__init__(rule, context)
        opts = self.options
        whole = not opts["nonword"]
        self.tokens = context.phrases.register(opts["tokens"], ignorecase=opts["ignorecase"],
                                               whole_words=whole) if opts["tokens"] else None
        flags = (re.IGNORECASE if opts["ignorecase"] else 0) | re.MULTILINE
        self.line_mode = bool(opts["line_start"] or opts["line_share"] or opts["max_line_words"])
        self.anchored: list[RulePattern] = []
        if self.line_mode:  # the ^ patterns are tried at the start of each line, after its indentation
            self.anchored, self.patterns = split_anchored(opts["patterns"], flags, rule)
        else:
            self.patterns = [compile_pattern(p, flags, rule) for p in opts["patterns"]]
        self.exceptions = context.phrases.register(opts["exceptions"], ignorecase=opts["ignorecase"],
                                                   whole_words=whole) if opts["exceptions"] else None
        self.whole_words = whole
        # a rule that reports only its phrases: the engine skips it when the shared scan met none
        self.phrase_key = self.tokens.key if self.tokens and not self.patterns and not self.line_mode else None
        if self.line_mode:
            self.claims = claims_for(context, rule.family)
            self.findings_key = f"_findings_{id(self)}"
            self._rows_key = f"_line_rows_{opts['max_line_words']}"
            self.claims.join(self, (1, 0, rule.id))

    def matches(self, doc: Document, regions: list[tuple[int, int]] | None = None) -> list[PhraseMatch]:
        """Token and pattern matches, leftmost first; patterns only run inside `regions` if given."""
        found = list(self.tokens.find(doc)) if self.tokens else []
        found += self._pattern_matches(doc, regions)
        return self._sorted(doc, found)

    def _pattern_matches(self, doc: Document, regions: list[tuple[int, int]] | None) -> list[PhraseMatch]:
        found: list[PhraseMatch] = []
        view = doc.view
        whole = self.whole_words
        for pattern in self.patterns:
            for start, end in regions if regions is not None else ((0, len(view)),):
                for m in pattern.finditer(view, start, end):
                    if m.end() > m.start() and (not whole or on_word_boundaries(view, m.start(), m.end())):
                        found.append(PhraseMatch(m.start(), m.end(), m.group()))
        for pattern in self.anchored:  # line mode: regions are the lines, trimmed
            for start, end in regions or ():
                m = pattern.match(view, start, end)
                if m and m.end() > m.start() and (not whole or on_word_boundaries(view, m.start(), m.end())):
                    found.append(PhraseMatch(m.start(), m.end(), m.group()))
        return found

    def _sorted(self, doc: Document, found: list[PhraseMatch]) -> list[PhraseMatch]:
        if self.exceptions and found:
            excepted = self.exceptions.find(doc)
            found = [m for m in found if not any(e.start <= m.start and m.end <= e.end for e in excepted)]
        found.sort(key=lambda m: (m.start, -m.end))
        return found

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        if self.line_mode:
            self.claims.settle(doc)
            return cached_findings(doc, self)
        if self.tokens is not None and not self.patterns and not self.tokens.find(doc):
            return ()  # a phrase rule whose phrases the shared scan did not meet (most, most times)
        return self._find_matches(doc)

    def find(self, doc: Document) -> list[Diagnostic]:
        """Line mode: the line findings (what the family's line claims see)."""
        return self._find_lines(doc)

    def _find_matches(self, doc: Document) -> Iterator[Diagnostic]:
        matches = self.matches(doc)
        if not matches:
            return
        spans = None if self.rule.scope == "document" else self.spans(doc)
        for m in matches:
            if self.wanted(doc, m.start, m.end, spans):
                yield self.report(doc, m.start, m.end)

    def _find_lines(self, doc: Document) -> list[Diagnostic]:
        """Lines that the rule's matches open, dominate or sit in (line options); a run of such
        lines with no blank line between them is one finding."""
        # only lines short enough to count are looked at (news paragraphs are long)
        rows = doc.__dict__.get(self._rows_key)
        if rows is None:
            limit = self.options["max_line_words"] or float("inf")
            rows = doc.__dict__[self._rows_key] = [row for row in line_table(doc) if row[3] <= limit]
        if not rows:
            return []
        regions = [(row[0], row[1]) for row in rows]
        starts = [row[0] for row in rows]
        by_line: dict[int, list[PhraseMatch]] = {}
        patterns = self._pattern_matches(doc, regions)
        for m in (self.tokens.find(doc) if self.tokens else []) + patterns:
            i = bisect.bisect_right(starts, m.start) - 1
            if i >= 0 and m.end <= rows[i][1]:
                by_line.setdefault(i, []).append(m)
        if not by_line:
            return []
        anchored = {(m.start, m.end) for m in patterns}  # patterns say themselves where they match
        taken = self.claims.claimed(doc, self)
        runs: list[list] = []  # [first line, last line, start, end, first match, view line, whole]
        for i in sorted(by_line):
            start, end, number, _, view_line = rows[i]
            found = [m for m in self._sorted(doc, by_line[i]) if self.wanted(doc, m.start, m.end, None)]
            span = self._line_span(doc, start, end, found, anchored) if found and number not in taken else None
            if span is None:
                continue
            whole = self._share(doc.view, span[0], span[1], found) >= WHOLE_LINE
            if runs and runs[-1][5] == view_line - 1:
                runs[-1][1], runs[-1][3], runs[-1][5] = number, span[1], view_line
                runs[-1][6] = runs[-1][6] and whole
            else:
                runs.append([number, number, span[0], span[1], found[0], view_line, whole])
        safe = self.options["safe_fix"]
        return [self.report(doc, start, end, fix=self.delete_lines_fix(doc, first, last, safe and whole, (start, end)),
                            match=doc.view[m.start:m.end])
                for first, last, start, end, m, _, whole in runs]

    @staticmethod
    def _share(view: str, start: int, end: int, found: list[PhraseMatch]) -> float:
        """The share of the letters and digits of view[start:end] that the matches cover."""
        covered, reach = 0, start
        for m in found:
            s, e = max(m.start, reach), min(m.end, end)
            if e > s:
                covered += sum(1 for c in view[s:e] if c.isalnum())
                reach = e
        total = sum(1 for c in view[start:end] if c.isalnum())
        return covered / total if total else 1.0

    def _line_span(self, doc: Document, start: int, end: int, found: list[PhraseMatch],
                   patterns: set[tuple[int, int]]) -> tuple[int, int] | None:
        """The line's span after its list marker, if the matches on it meet the line options
        (the finding is the line: what its fix deletes)."""
        opts = self.options
        view = doc.view
        while start < end and view[start] in _LINE_MARKERS:
            start += 1
        while end > start and view[end - 1].isspace():
            end -= 1
        text = view[start:end]
        if not text:
            return None
        if opts["line_start"] and found[0].start != start and not any((m.start, m.end) in patterns for m in found):
            return None
        if opts["max_line_words"] and len(text.split()) > opts["max_line_words"]:
            return None
        if opts["line_share"] and self._share(view, start, end, found) < opts["line_share"]:
            return None
        return start, end
