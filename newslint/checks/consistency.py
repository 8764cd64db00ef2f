"""consistency: either/or variants, of which one article should use one form only.

    extends: consistency
    message: "'%s' here, but the article writes '{other}' {count} times"
    either: {U.S.: US, U.K.: UK}
    ignorecase: false

When an article uses both forms of a pair, every occurrence of the rarer form is flagged,
with the majority form as the suggestion and its first occurrences as related locations.
On a tie the form the article used first is the house form. With `safe_fix`, the fix is safe
outside quotations only: a quoted tweet or statement keeps its own spelling.
"""
from __future__ import annotations

from typing import Iterator

from ..core.diagnostic import Diagnostic
from ..core.options import Option
from ..core.rule import Rule
from ..document.model import Document
from .shared.check import BuildContext, Check
from .shared.fixes import match_case
from .shared.messages import MAX_RELATED, times


class Consistency(Check):
    NAME = "consistency"
    DESCRIPTION = "Flags the minority form when an article mixes two variants of one word."
    OPTIONS = {
        "either": Option("mapping", help="one form -> the other form"),
        "ignorecase": Option("bool", False, "match regardless of case"),
        "nonword": Option("bool", False, "match inside words too, not only whole words"),
        "safe_fix": Option("bool", True, "--fix may rewrite the minority form to the majority form (outside quotations)"),
    }
    DEFAULT_SCOPE = "document"
    SCOPES = ("document", "paragraph")
    PLACEHOLDERS = ("match", "other", "count", "times")

    def __init__(self, rule: Rule, context: BuildContext):
        super().__init__(rule, context)
        opts = self.options
        self.ignorecase = opts["ignorecase"]
        self.pairs = list(opts["either"].items())
        forms = [form for pair in self.pairs for form in pair]
        self.handle = context.phrases.register(forms, ignorecase=self.ignorecase,
                                               whole_words=not opts["nonword"])

    def _key(self, form: str) -> str:
        return form.lower() if self.ignorecase else form

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        matches = self.handle.find(doc)
        if len(matches) < 2:
            return
        for span_start, span_end in doc.spans(self.rule.scope):
            by_form: dict[str, list[tuple[int, int]]] = {}
            for m in matches:
                if span_start <= m.start and m.end <= span_end and not (
                        self.rule.exclude_quotes and doc.in_quote(m.start, m.end)):
                    by_form.setdefault(self._key(m.phrase), []).append((m.start, m.end))
            for a, b in self.pairs:
                yield from self._pair(doc, a, by_form.get(self._key(a), []), b, by_form.get(self._key(b), []))

    def _pair(self, doc: Document, a: str, at_a: list, b: str, at_b: list) -> Iterator[Diagnostic]:
        if not at_a or not at_b:
            return
        # the majority form wins; on a tie, the form the article used first
        a_wins = len(at_a) > len(at_b) or (len(at_a) == len(at_b) and at_a[0] < at_b[0])
        (major, at_major), at_minor = ((a, at_a), at_b) if a_wins else ((b, at_b), at_a)
        related = [(s, e, f"'{doc.view[s:e]}' here") for s, e in at_major[:MAX_RELATED]]
        for start, end in at_minor:
            suggestion = match_case(doc.view[start:end], major)
            safe = self.options["safe_fix"] and not doc.in_quote(start, end)
            fix = self.replacement_fix(doc, start, end, suggestion, safe)
            yield self.report(doc, start, end, suggestions=[suggestion], related=related, fix=fix,
                              other=major, count=len(at_major), times=times(len(at_major)))
