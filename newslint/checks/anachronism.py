"""anachronism: a year later than the article's own date.

Usually a sign of pasted-in text (a related-headlines widget) or of a wrong date. Years that look
ahead on purpose ("by 2030", "until 2026", "by the end of 2026", "the 2024 election", a sentence
that says "will" before it) are left alone: the words that mark them are the rule's YAML. So is a
year used as a label, right before the words it qualifies and after no preposition ("2020
Democratic presidential hopeful Beto O'Rourke", "the 2024 season"): it names a thing, not a
time. After a preposition it is a date again ("sales in 2021 lifted the shares"). Silent when
the article's date is unknown. One finding an article, the other late years its related
locations: where every year looks late, the date is what is wrong, and one finding says so.
"""
from __future__ import annotations

import re
from typing import Iterator

from ..core.diagnostic import Diagnostic
from ..core.options import Option
from ..document.dates import YEAR, article_date
from ..document.model import Document
from .shared.check import Check

_LABELLED = re.compile(r"[ \t]+[^\W\d_]")  # a word follows the year, no punctuation between


class Anachronism(Check):
    NAME = "anachronism"
    DESCRIPTION = "Flags a year later than the article's own date."
    OPTIONS = {
        "ahead_before": Option("strings", [], "words that, just before a year, mark it as looked ahead to"),
        "ahead_after": Option("strings", [], "words that, just after a year, mark it as looked ahead to"),
        "window": Option("int", 3, "how many words before the year are read for ahead_before", minimum=0),
        "ahead_in_sentence": Option("strings", [], "words that, anywhere before a year in its sentence, make the "
                                    "sentence look ahead: will ('will have a new pool when it reopens in 2027')"),
        "date_before": Option("strings", [], "prepositions that make a year followed by a word a date, not a label"),
    }
    SCOPES = ("document", "paragraph", "sentence", "line")
    DEFAULT_SCOPE = "document"
    PLACEHOLDERS = ("match", "date")

    def __init__(self, rule, context):
        super().__init__(rule, context)
        self.before = {w.lower() for w in self.options["ahead_before"]}
        self.after = {w.lower() for w in self.options["ahead_after"]}
        self.date_before = {w.lower() for w in self.options["date_before"]}
        self.ahead_in_sentence = {w.lower() for w in self.options["ahead_in_sentence"]}

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        around = article_date(doc)
        if around is None:
            return
        view = doc.view
        spans = None
        late = []
        for m in YEAR.finditer(view):
            if int(m.group()) <= around.year:
                continue
            words = view[max(0, m.start() - 80):m.start()].lower().split()
            window = self.options["window"]
            if "of" in words[-2:]:
                window += 3  # "by the end of 2026", "by the first half of 2026": the cue stands before the part
            before = words[-window:]
            after = view[m.end():m.end() + 40].lower().replace("-", " ").split()[:2]  # "2020 election-security"
            if self.before & {w.strip(",.;:()\"“”'’") for w in before} or \
                    self.after & {w.strip(",.;:()\"“”'’") for w in after}:
                continue
            if _LABELLED.match(view, m.end()) and not (before and before[-1] in self.date_before):
                continue  # "2020 Democratic presidential hopeful": a label, not a date
            if self.ahead_in_sentence and self.ahead_in_sentence & {
                    w.strip(",.;:()\"“”'’") for w in view[doc.sentence_at(m.start())[0]:m.start()].lower().split()}:
                continue  # "will have a new pool ... when it reopens in the autumn of 2027"
            if spans is None:
                spans = list(doc.spans(self.rule.scope)) if self.rule.scope != "document" else None
            if self.wanted(doc, m.start(), m.end(), spans):
                late.append((m.start(), m.end()))
        if late:
            (start, end), *others = late
            yield self.report(doc, start, end, date=f"{around:%B} {around.day}, {around.year}",
                              related=[(s, e, "also later than the article's date") for s, e in others])
