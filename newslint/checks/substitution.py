"""substitution: a bad -> good map; every match gets the good form as its suggestion.

    extends: substitution
    message: "the agency is '{suggestion}', not '%s'"
    swap: {Afp: AFP, Reuter: Reuters}
    ignorecase: false
    regex: false         # true: the keys are regular expressions, values may use \\1
    safe_fix: false      # true: --fix may apply the suggestion without a human look
    in_compounds: true   # false: skip a match a hyphen joins to a word ("right know-how")
"""
from __future__ import annotations

import re
from typing import Iterator

from ..core.diagnostic import Diagnostic
from ..core.errors import OptionError
from ..core.options import Option
from ..core.patterns import compile_pattern
from ..core.rule import Rule
from ..document.model import Document
from .shared.check import BuildContext, Check
from .shared.fixes import match_case
from .shared.phrases import on_word_boundaries


class Substitution(Check):
    NAME = "substitution"
    DESCRIPTION = "Flags a word or phrase and suggests its replacement."
    OPTIONS = {
        "swap": Option("mapping", help="bad form -> good form"),
        "ignorecase": Option("bool", False, "match regardless of case"),
        "nonword": Option("bool", False, "match inside words too, not only whole words"),
        "regex": Option("bool", False, "the keys are regular expressions"),
        "safe_fix": Option("bool", False, "the replacement is safe for --fix to apply"),
        "in_compounds": Option("bool", True, "also match where a hyphen joins the match to a word ('right know' in "
                               "'the right know-how'); false skips those"),
    }
    PLACEHOLDERS = ("match", "suggestion")

    @classmethod
    def validate_patterns(cls, options: dict) -> None:
        if options["regex"]:
            for pattern in options["swap"]:
                try:
                    compile_pattern(pattern)
                except OptionError as exc:
                    raise OptionError(str(exc), "swap", pattern) from None

    def __init__(self, rule: Rule, context: BuildContext):
        super().__init__(rule, context)
        opts = self.options
        self.swap = opts["swap"]
        self.whole_words = not opts["nonword"]
        self.lower_swap = {k.lower(): v for k, v in self.swap.items()}
        if opts["regex"]:
            flags = re.IGNORECASE if opts["ignorecase"] else 0
            self.patterns = [(compile_pattern(k, flags, rule), v, required_word(k)) for k, v in self.swap.items()]
            self.handle = None
        else:
            self.patterns = []
            self.handle = context.phrases.register(list(self.swap), ignorecase=opts["ignorecase"],
                                                   whole_words=self.whole_words)

    def _matches(self, doc: Document) -> Iterator[tuple[int, int, str]]:
        if self.handle is not None:
            for m in self.handle.find(doc):
                yield m.start, m.end, self.swap.get(m.phrase) or self.lower_swap[m.phrase.lower()]
        seen = set()  # two patterns may find the same span: "more popular then ever"
        lowered = doc.lowered if self.patterns else ""
        for pattern, good, word in self.patterns:
            if word is not None and word not in lowered:
                continue  # a text without the word needs no search (nor the pattern compiled)
            for m in pattern.finditer(doc.view):
                if m.end() > m.start() and m.span() not in seen and (
                        not self.whole_words or on_word_boundaries(doc.view, m.start(), m.end())):
                    seen.add(m.span())
                    yield m.start(), m.end(), m.expand(good)

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        spans = None
        for start, end, good in self._matches(doc):
            if spans is None and self.rule.scope != "document":
                spans = self.spans(doc)
            if not self.wanted(doc, start, end, spans):
                continue
            if not self.options["in_compounds"] and joined_by_hyphen(doc.view, start, end):
                continue
            suggestion = match_case(doc.view[start:end], good)
            fix = self.replacement_fix(doc, start, end, suggestion, self.options["safe_fix"])
            yield self.report(doc, start, end, suggestions=[suggestion], fix=fix, suggestion=suggestion)


def joined_by_hyphen(view: str, start: int, end: int) -> bool:
    """A hyphen between the match and a word beside it makes the match part of a compound."""
    return (view[end:end + 1] == "-" and view[end + 1:end + 2].isalnum()) or (
        start >= 2 and view[start - 1] == "-" and view[start - 2].isalnum())


_LOOKAROUND = re.compile(r"\(\?<?[=!]")
_ONE_WORD = re.compile(r"(?:\\b)?(?:\[([A-Za-z])([A-Za-z])\])?([a-z]+)(?:\\b)?")


def required_word(pattern: str) -> str | None:
    """The word, in lower case, that every match of a pattern is made of, when the pattern is one
    word between lookarounds: "(?<=\\b[Ff]ree )reign\\b" -> "reign", "\\b[Ii]ts(?= ...)" -> "its".
    None for any other pattern, which is searched in every text."""
    rest, i = [], 0
    while i < len(pattern):
        if _LOOKAROUND.match(pattern, i):
            depth = 0
            while i < len(pattern):  # skip the group, escapes and classes included
                ch = pattern[i]
                if ch == "\\":
                    i += 2
                    continue
                if ch == "[":
                    i = pattern.index("]", i + 2)
                elif ch == "(":
                    depth += 1
                elif ch == ")":
                    depth -= 1
                    if depth == 0:
                        break
                i += 1
            i += 1
            continue
        rest.append(pattern[i])
        i += 1
    m = _ONE_WORD.fullmatch("".join(rest))
    if m is None or (m.group(1) and m.group(1).lower() != m.group(2).lower()):
        return None
    return ((m.group(2) or "") + m.group(3)).lower()
