"""page-furniture: blocks of a whole web page's furniture around (and inside) its article.

Text extracted from a whole page is mostly menus, pagers, other stories' headlines and banners,
with the article somewhere in the middle. This type scores every line with the page-furniture
score (checks/shared/page.py, docs/pages.md) and reports each run of furniture lines as ONE
finding, whose fix deletes the run and leaves the article:

    extends: page-furniture
    message: "page furniture ({lines}) from a web page, not part of the article: '%s'"
    auto_min_lines: 20

In page mode (`newslint check --page`, `page: true` in the configuration, `page=True` in the
Python API and the HTTP service) every block is reported and its fix is safe: the user said the
text is a whole page. Otherwise a document is taken for a whole page only when most of it, and
at least `auto_min_lines` lines, is furniture, with `auto_min_side` lines of it on each side of
the article's prose; then only lines scoring `auto_min_score` count, and the fixes wait for
review.

On a whole page, lines that other rules of the family flag count as furniture too (a cookie
banner inside a menu is one block) and the block's finding replaces theirs; findings of the
other families on a block's lines are dropped (a menu's words are not spelling mistakes); and
the family's line findings on lines the score reads as the article's are dropped.
"""
from __future__ import annotations

from typing import Iterator

from ..core.diagnostic import Diagnostic
from ..core.options import Option
from ..core.rule import Rule
from ..document.model import Document
from .shared.check import BuildContext, Check
from .shared.claims import cached_findings, claims_for
from .shared.layout import Line, layout
from .shared.page import SCORE_KEY, SHORT_MAX_WORDS, PageScore, page_score

SHOWN_CHARS = 60  # of a block's first line, in the message
WHOLE_PAGE_KEY = "_whole_page"  # on a document in page mode or taken for a whole page
VOUCHED_KEY = "_page_vouched"  # the source lines a whole page's score reads as the article's


class PageFurniture(Check):
    NAME = "page-furniture"
    DESCRIPTION = "Finds blocks of a whole web page's furniture (menus, pagers, headline lists) by a line score."
    SCOPES = ("document",)
    DEFAULT_SCOPE = "document"
    PLACEHOLDERS = ("match", "lines")
    OPTIONS = {
        "auto_min_lines": Option("int", 20, "outside page mode, a document is taken for a whole page when at"
                                            " least this many of its lines are furniture ...", minimum=1),
        "auto_min_share": Option("number", 0.5, "... and they are at least this share of its lines ...", minimum=0),
        "auto_min_score": Option("number", 0.8, "outside page mode, the score from which a line is furniture"
                                                " (in page mode: 0.6, docs/pages.md)"),
        "auto_min_side": Option("int", 3, "... and at least this many stand before the article's prose and as many"
                                          " after it", minimum=0),
        "doubted": Option("strings", [], "on a whole page, rules of the family whose line findings stand only where"
                                         " the score leans to furniture ..."),
        "doubted_max_score": Option("number", 0.5, "... above this score (their evidence is a line's shape, which"
                                                   " the score weighs better on a page)"),
    }

    def __init__(self, rule: Rule, context: BuildContext):
        super().__init__(rule, context)
        self.page = bool(context.settings.get("page"))
        self.repeated: frozenset[str] = context.settings.get("repeated") or frozenset()
        self.claims = claims_for(context, rule.family)
        self.findings_key = f"_findings_{id(self)}"
        self.claims.join(self, (9, 0, rule.id))  # after every other line rule: it sees their lines

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        found = cached_findings(doc, self)
        self.claims.settle(doc)
        return iter(found)

    def find(self, doc: Document) -> Iterator[Diagnostic]:
        lines = layout(doc).lines
        if not self.page and sum(line.words <= SHORT_MAX_WORDS for line in lines) < self.options["auto_min_lines"]:
            return  # too few short lines to be a whole page: spare the score
        score = page_score(doc, self.repeated)
        own = score.furniture
        if not self.page and not self._whole_page(score):
            return
        doc.__dict__[WHOLE_PAGE_KEY] = True  # page mode, or taken for a whole page: see refine
        if not self.page:  # unasked, only the surer lines
            own = [value >= self.options["auto_min_score"] for value in score.scores]
        taken = self.claims.claimed(doc, self)
        article = score.article_like | self._doubted_lines(doc, score)
        doc.__dict__[VOUCHED_KEY] = {lines[i].number for i in article}  # for refine
        debris = [f or (line.number in taken and i not in article) for i, (f, line) in enumerate(zip(own, lines))]
        i = 0
        while i < len(lines):
            if not debris[i]:
                i += 1
                continue
            j = i
            while j < len(lines) and debris[j]:
                j += 1
            block = lines[i:j]
            # on a whole page a run of other rules' findings becomes one block too
            if j - i > 1 or any(own[k] and lines[k].number not in taken for k in range(i, j)):
                yield self._finding(doc, block)
            i = j

    def _doubted_lines(self, doc: Document, score: PageScore) -> set[int]:
        """Lines (indexes of the layout) that only `doubted` rules flag and the score does not
        lean to furniture: a short line glued to prose is how every line of a page stands, so
        there the score is the better judge of it."""
        doubted = set(self.options["doubted"])
        if not doubted:
            return set()
        by_others = self.claims.claimed_by(doc, self, lambda check: check.rule.id not in doubted)
        by_doubted = self.claims.claimed_by(doc, self, lambda check: check.rule.id in doubted)
        ceiling = self.options["doubted_max_score"]
        return {i for i, line in enumerate(score.layout.lines)
                if line.number in by_doubted and line.number not in by_others and score.scores[i] <= ceiling}

    def _whole_page(self, score: PageScore) -> bool:
        """Whether a text is a whole page without page mode saying so: most of it furniture, and
        furniture on both sides of the article (a page's header and its footer; an article that
        ends with a long list has furniture on one side at most)."""
        own, span = score.furniture, score.span
        furniture = sum(own)
        if furniture < self.options["auto_min_lines"] or furniture < self.options["auto_min_share"] * len(own):
            return False
        if span is None:
            return True
        side = self.options["auto_min_side"]
        return sum(own[:span[0]]) >= side and sum(own[span[1] + 1:]) >= side

    def _finding(self, doc: Document, block: list[Line]) -> Diagnostic:
        first, last = block[0], block[-1]
        shown = first.text if len(first.text) <= SHOWN_CHARS else first.text[:SHOWN_CHARS - 1] + "…"
        fix = self.delete_lines_fix(doc, first.number, last.number, self.page, (first.start, last.end))
        count = f"{len(block)} line{'' if len(block) == 1 else 's'}"
        return self.report(doc, first.start, last.end, match=shown, lines=count, fix=fix)

    def refine(self, found: list[Diagnostic], doc: Document) -> list[Diagnostic]:
        """Drop what other rules report on a block's lines: the block's finding stands for the
        family's, and the other families' findings on furniture are noise. On a whole page the
        score vouches for the article too: the family's line findings on lines it reads as the
        article's (its headline, its prose, a list it introduces), and those of `doubted` rules
        where it does not lean to furniture, are dropped."""
        blocks = [(d.line, d.end_line) for d in found if d.rule == self.rule.id]
        score: PageScore | None = doc.__dict__.get(SCORE_KEY) if doc.__dict__.get(WHOLE_PAGE_KEY) else None
        if not blocks and score is None:
            return found
        family = self.rule.family + "/"
        vouched: set[int] = doc.__dict__.get(VOUCHED_KEY, set()) if score is not None else set()
        starts: dict[int, int] = {}  # source line -> the column its text starts at
        if score is not None:
            starts = {line.number: doc.locate(line.start, line.start).column for line in score.layout.lines}

        def dropped(d: Diagnostic) -> bool:
            ours = d.rule.startswith(family)
            if ours and starts.get(d.line) == d.column and any(n in vouched for n in range(d.line, d.end_line + 1)):
                return True  # a line finding on the article's lines
            end = d.end_line if ours else d.line
            return any(a <= d.line and end <= b for a, b in blocks)

        return [d for d in found if d.rule == self.rule.id or not dropped(d)]
