"""existence: words, phrases or patterns that should not appear at all.

    extends: existence
    message: "'%s' is left-over comment-form text"
    tokens: [Leave a Reply, Post a comment]   # literal, matched through the shared phrase index
    patterns: ['\\bclick here\\b']            # regular expressions, compiled once
    ignorecase: true
    nonword: false       # true: also match inside words
    exceptions: [...]    # phrases inside which a match is not reported
"""
from __future__ import annotations

import re
from typing import Iterator

from ..diagnostic import Diagnostic
from ..document import Document
from .base import BuildContext, Check, Option, OptionError, Rule, compile_pattern
from .phrases import PhraseMatch, on_word_boundaries


class Existence(Check):
    NAME = "existence"
    DESCRIPTION = "Flags words, phrases or patterns that should not appear."
    OPTIONS = {
        "tokens": Option("strings", [], "literal words or phrases to flag"),
        "patterns": Option("regexes", [], "regular expressions to flag"),
        "ignorecase": Option("bool", False, "match regardless of case"),
        "nonword": Option("bool", False, "match inside words too, not only whole words"),
        "exceptions": Option("strings", [], "phrases inside which a match is not reported"),
    }

    @classmethod
    def validate_options(cls, options: dict) -> None:
        if not options["tokens"] and not options["patterns"]:
            raise OptionError("an existence rule needs 'tokens' or 'patterns'")

    def __init__(self, rule: Rule, context: BuildContext):
        super().__init__(rule, context)
        opts = self.options
        whole = not opts["nonword"]
        self.tokens = context.phrases.register(opts["tokens"], ignorecase=opts["ignorecase"],
                                               whole_words=whole) if opts["tokens"] else None
        flags = re.IGNORECASE if opts["ignorecase"] else 0
        self.patterns = [compile_pattern(p, flags | re.MULTILINE) for p in opts["patterns"]]
        self.exceptions = context.phrases.register(opts["exceptions"], ignorecase=opts["ignorecase"],
                                                   whole_words=whole) if opts["exceptions"] else None
        self.whole_words = whole

    def matches(self, doc: Document) -> list[PhraseMatch]:
        found = list(self.tokens.find(doc)) if self.tokens else []
        for pattern in self.patterns:
            for m in pattern.finditer(doc.view):
                if m.end() > m.start() and (not self.whole_words or on_word_boundaries(doc.view, m.start(), m.end())):
                    found.append(PhraseMatch(m.start(), m.end(), m.group()))
        if self.exceptions:
            excepted = self.exceptions.find(doc)
            found = [m for m in found if not any(e.start <= m.start and m.end <= e.end for e in excepted)]
        found.sort(key=lambda m: (m.start, -m.end))
        return found

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        matches = self.matches(doc)
        if not matches:
            return
        spans = None if self.rule.scope == "document" else self.spans(doc)
        for m in matches:
            if self.wanted(doc, m.start, m.end, spans):
                yield self.report(doc, m.start, m.end)
