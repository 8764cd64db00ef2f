"""doubled-word: the same word twice in a row ("the the"), as typing and editing leave it.

    extends: doubled-word
    allow: [had, that]    # legitimate doubles: "he had had enough", "he said that that was all"
    safe_words: [the, a]  # grammar never doubles these: deleting one is certain

The two words may be separated by spaces or one line break, not by punctuation or a blank
line. Doubles in which both words are capitalised are names (Duran Duran, Walla Walla), and so
is a word that ends a hyphenated name ("Moon Jae-in in Seoul"). The fix removes the second
word; it is safe for `safe_words` only, since other words double in good English too ("he gave
in in the end", "the first First Lady").
"""
from __future__ import annotations

import operator
import re
from typing import Iterator

from ..core.diagnostic import Diagnostic, Edit, Fix
from ..core.options import Option
from ..core.rule import Rule
from ..document.model import Document
from .shared.check import BuildContext, Check

# hyphens may touch the pair: "head-to to-head" is a double too
_DOUBLE = re.compile(r"(?<![\w'’@#])([^\W\d_]+)([ \t]+|[ \t]*\r?\n[ \t]*)(\1)(?![\w'’])", re.IGNORECASE)


class DoubledWord(Check):
    NAME = "doubled-word"
    DESCRIPTION = "Flags a word written twice in a row."
    OPTIONS = {
        "allow": Option("strings", [], "words that may legitimately be doubled (had had, that that)"),
        "safe_words": Option("strings", [], "words never doubled in good English: their fix is safe"),
    }
    DEFAULT_SCOPE = "sentence"
    PLACEHOLDERS = ("match", "word")

    def __init__(self, rule: Rule, context: BuildContext):
        super().__init__(rule, context)
        self.allow = {w.lower() for w in self.options["allow"]}
        self.safe_words = {w.lower() for w in self.options["safe_words"]}

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        # cheap test first (all in C): any whitespace token equal to the next one?
        words = doc.lowered.replace("-", " ").split()
        if not any(map(operator.eq, words, words[1:])):
            return
        spans = None
        view = doc.view
        for m in _DOUBLE.finditer(view):
            first, second = m.group(1), m.group(3)
            if first.lower() in self.allow or (first[0].isupper() and second[0].isupper()):
                continue
            if first != second and not (first[0].isupper() and first.lower() == second):
                continue  # "The the" is a double; "the The" is a sentence joined to a heading
            if self._ends_a_name(view, m.start()):
                continue
            if spans is None and self.rule.scope != "document":
                spans = self.spans(doc)
            start, end = m.start(), m.end()
            if not self.wanted(doc, start, end, spans):
                continue
            s, e = doc.source_span(m.end(1), m.end(3))
            fix = Fix((Edit(s, e - s, ""),), safe=first.lower() in self.safe_words)
            yield self.report(doc, start, end, suggestions=[first], fix=fix, word=first)

    @staticmethod
    def _ends_a_name(view: str, start: int) -> bool:
        """Whether the word at `start` ends a hyphenated name: "Jae-in", "Abdel-Aziz"."""
        if start < 2 or view[start - 1] != "-":
            return False
        begin = start - 1
        while begin > 0 and (view[begin - 1].isalpha() or view[begin - 1] in "-'’"):
            begin -= 1
        return view[begin].isupper()
