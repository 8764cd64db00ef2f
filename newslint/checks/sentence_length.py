"""sentence-length: sentences longer than `max` words, where they stand out.

    extends: sentence-length
    message: "sentence of {count} words; the limit is {max}"
    max: 35
    stand_out: 3          # an article with at most this many sentences over max: each is reported
    run_on_words: 45      # in one with more, a sentence over this many words that strings
    run_on_joins: 2       #   this many clauses together (", and", ", but", ", while", "; ") ...
    long_copy_max: 70     #   ... or any sentence over this many words

Wire and newspaper copy writes four or five sentences over 35 words an article (BBC copy under
one): reporting each would bury the one that matters. A long sentence is worth an editor's look
where it stands out from the article's own style; where the style itself runs long, only where
it is also hard: a run-on that strings clauses together, or a sentence that runs away (see the
README for the measurements). `stand_out: 0` reports every sentence over `max`.
"""
from __future__ import annotations

import re
from typing import Iterator

from ..core.diagnostic import Diagnostic
from ..core.options import Option
from ..document.model import Document
from ..document.segment import count_words
from .shared.check import Check

# where a sentence strings another clause on: ", and he said", ", while prices fell", "; then"
_CLAUSE_JOIN = re.compile(r", (?:and|but|while|so|yet|or|whereas) |; ")


class SentenceLength(Check):
    NAME = "sentence-length"
    DESCRIPTION = "Flags sentences with more words than a limit, where they stand out from the article's style."
    OPTIONS = {
        "max": Option("int", 35, "the most words a sentence may have", minimum=1),
        "stand_out": Option("int", 0, "an article with at most this many long sentences has each reported "
                                      "(0: every long sentence is)", minimum=0),
        "run_on_words": Option("int", 45, "in an article with more, a sentence over this many words ...", minimum=1),
        "run_on_joins": Option("int", 2, "... that strings this many clauses together is reported", minimum=1),
        "long_copy_max": Option("int", 70, "in an article with more, a sentence over this many words is reported",
                                minimum=1),
    }
    SCOPES = ("sentence",)
    PLACEHOLDERS = ("match", "count", "max")

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        limit = self.options["max"]
        view = doc.view
        long = []
        for start, end in doc.sentences:
            if end - start <= limit:  # fewer characters than the limit cannot hold more words
                continue
            count = count_words(view, start, end)
            if count > limit and not (self.rule.exclude_quotes and doc.in_quote(start, end)):
                long.append((count, start, end))
        few = self.options["stand_out"]
        if few and len(long) > few:
            long = [item for item in long if self._hard(view, *item)]
        for count, start, end in long:
            yield self.report(doc, start, end, count=count, max=limit)

    def _hard(self, view: str, count: int, start: int, end: int) -> bool:
        """A long sentence that is hard too: it runs away, or it is a run-on."""
        opts = self.options
        if count > opts["long_copy_max"]:
            return True
        return count > opts["run_on_words"] and \
            len(_CLAUSE_JOIN.findall(view, start, end)) >= opts["run_on_joins"]
