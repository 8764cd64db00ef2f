"""boilerplate-block: web page furniture left in an article, found by its shape.

Plain text has no markup and no link density, so this type reads what plain text keeps of a
page: lines. It borrows from jusText and trafilatura what survives that: page furniture comes
as short lines with few function words and no closing full stop; it clusters (a heading, then
a run of headlines; a bar of one-word links); it sits at the top or the tail, or is glued to a
paragraph it does not continue; and some of it has a recognisable form (a credit line, a
byline, an HTML entity). Each rule turns on the features it wants and sets their thresholds:

    extends: boilerplate-block
    message: "{what} from a web page, not part of the article"
    features: [widget, headlines]   # caption, byline, widget, headlines, links, stray, markup
    headings: ['related (?:articles|stories)', ...]   # widget headings (whole line, any case)
    headline_max_words: 20

Features (every threshold is an option; see OPTIONS):
  caption    photo captions and credits: "(L)"/"(R)" markers, "Photo:" lines, credit lines
             ("Name | Agency | Getty Images", "AFP via Getty Images"), the caption above a credit
  byline     bylines, datelines and timestamps standing as lines ("By Jane Smith", "Updated ...")
  widget     a heading-like line ("Related Articles", "More from ...") and the run of short
             headline-like lines under it: ONE finding for the block, anchored at the heading
  headlines  a run of headline-like lines without a heading, about other things than the article
  links      runs of very short link-like lines (menus, share bars) and "A | B | C" menu lines
  stray      short lines glued to a paragraph they do not continue, in an article that writes one
             paragraph per line (page furniture that lost its blank line in the copy)
  markup     leftover HTML tags and comments, entities (caf&#233;, &nbsp;), shortcodes
             ([caption ...]) and mis-decoded UTF-8 ("â€™"), inside the text

Every line finding carries a fix that deletes exactly its lines (see base.delete_lines); markup
findings carry a fix that decodes the entity or removes the tag. Line findings join the family's
line claims (claims.py): a line that a phrase rule or an earlier feature has flagged is not
flagged again, so one piece of furniture gives one finding.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

from ..core.diagnostic import Diagnostic, Edit, Fix
from ..core.errors import OptionError
from ..core.options import Option
from ..core.patterns import any_pattern, compile_pattern, split_anchored
from ..core.rule import Rule
from ..document.model import Document
from .shared.check import BuildContext, Check
from .shared.claims import cached_findings, claims_for
from .shared.layout import CLOSERS, Layout, Line, layout
from .shared.markup_debris import find_markup_debris, leading_literal

FEATURES = ("caption", "byline", "widget", "headlines", "links", "stray", "markup")
# blocks anchored by a heading rank before phrase rules, which rank
# before the other shapes: a widget is one finding even when its heading is a phrase rule's
ANCHORED = ("widget",)
WHAT = {
    "caption": "a photo caption or credit",
    "byline": "a byline or timestamp",
    "widget": "a related-articles widget",
    "headlines": "a list of other stories' headlines",
    "links": "a menu or share bar",
    "stray": "a stray line",
    "markup": "markup debris",
}

_WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")
_MENU_SEPARATOR = re.compile(r"\s+[|•·»/]\s+|\s*[|•·]\s*")
# a line that names who or what and says it in a sentence: "Tulsa: Hosts Rice on Wednesday."
_LABELLED_SENTENCE = re.compile(r"[A-Z][^:\n]{0,40}: [A-Z].*[.!?]")


class LinePatterns:
    """A rule's patterns for one line (see split_anchored), and all of them as one alternation
    for a whole-line match."""

    def __init__(self, patterns: list[str], flags: int, rule: Rule | None = None):
        self.anchored, self.floating = split_anchored(patterns, flags, rule)
        self.whole = any_pattern([p[1:] if p.startswith("^") else p for p in patterns], flags, rule)

    def search(self, text: str) -> bool:
        return any(p.match(text) for p in self.anchored) or any(p.search(text) for p in self.floating)

    def fullmatch(self, text: str) -> bool:
        return any(p.fullmatch(text) for p in self.whole)


def any_of(patterns: list[str], flags: int, rule: Rule | None = None) -> LinePatterns | None:
    return LinePatterns(patterns, flags, rule) if patterns else None


class BoilerplateBlock(Check):
    NAME = "boilerplate-block"
    DESCRIPTION = "Finds web page furniture by its shape: widgets, menus, captions, bylines, stray lines, markup."
    SCOPES = ("document",)
    DEFAULT_SCOPE = "document"
    PLACEHOLDERS = ("match", "what", "lines")
    OPTIONS = {
        "features": Option("strings", help="what to look for: " + ", ".join(FEATURES)),
        "safe_fix": Option("bool", False, "--fix may delete the flagged lines unreviewed"),
        "stopwords": Option("strings", [], "function words (jusText's stop-word density; 'is this prose?')"),
        # widget and headlines
        "headings": Option("regexes", [], "widget headings: patterns a whole line must match (any case)"),
        "max_heading_words": Option("int", 8, "a widget heading has at most this many words", minimum=1),
        "headline_max_words": Option("int", 20, "a headline-like line has at most this many words", minimum=1),
        "min_headlines": Option("int", 2, "headlines under a heading that has a blank line after it", minimum=1),
        "sentence_min_words": Option("int", 12, "a line of this many words that ends like a sentence is the"
                                                " article's: it ends a widget glued under its heading", minimum=1),
        "min_headlines_alone": Option("int", 3, "headlines in a run without a heading", minimum=2),
        "max_overlap": Option("number", 0.34, "a headline run is about other things: at most this share of its"
                                              " content words appear elsewhere in the article", minimum=0),
        # links
        "link_max_words": Option("int", 3, "a link-like line has at most this many words", minimum=1),
        "link_max_chars": Option("int", 30, "... and at most this many characters", minimum=1),
        "min_links": Option("int", 3, "link-like lines (or menu items on one line) that make a bar", minimum=2),
        # stray
        "stray_max_words": Option("int", 16, "a stray line has at most this many words", minimum=1),
        "body_min_words": Option("int", 20, "a paragraph line that anchors a group has at least this many words",
                                 minimum=1),
        "max_glued_prose": Option("int", 2, "pairs of long lines glued together beyond which the article is"
                                            " hard-wrapped (and stray lines are not looked for)", minimum=0),
        # caption and byline
        "caption_patterns": Option("regexes", [], "a line holding one of these is a caption (any case)"),
        "credit_patterns": Option("regexes", [], "a short line holding one of these is a credit (any case)"),
        "caption_max_words": Option("int", 45, "a caption has at most this many words", minimum=1),
        "credit_max_words": Option("int", 10, "a credit line has at most this many words", minimum=1),
        "byline_patterns": Option("regexes", [], "patterns a whole line must match to be a byline or timestamp"),
        "byline_max_words": Option("int", 14, "a byline or timestamp line has at most this many words", minimum=1),
        # markup
        "markup_patterns": Option("regexes", [], "markup debris: tags, comments, shortcodes (deleted by the fix)"),
        "entities": Option("bool", False, "flag HTML entities (caf&#233;, &nbsp;); the fix decodes them"),
        "mojibake": Option("bool", False, "flag UTF-8 text decoded as Windows-1252 ('â€™'); the fix re-decodes"),
    }

    @classmethod
    def validate_options(cls, options: dict) -> None:
        unknown = [f for f in options["features"] if f not in FEATURES]
        if unknown or not options["features"]:
            raise OptionError(f"features: expected some of {', '.join(FEATURES)}"
                              + (f", got {', '.join(map(repr, unknown))}" if unknown else ""))
        if "widget" in options["features"] and not options["headings"]:
            raise OptionError("the widget feature needs 'headings'")
        if "byline" in options["features"] and not options["byline_patterns"]:
            raise OptionError("the byline feature needs 'byline_patterns'")
        if "caption" in options["features"] and not (options["caption_patterns"] or options["credit_patterns"]):
            raise OptionError("the caption feature needs 'caption_patterns' or 'credit_patterns'")
        if "markup" in options["features"] and not (options["markup_patterns"] or options["entities"]
                                                     or options["mojibake"]):
            raise OptionError("the markup feature needs 'markup_patterns', 'entities' or 'mojibake'")

    def __init__(self, rule: Rule, context: BuildContext):
        super().__init__(rule, context)
        o = self.options
        self.features = [f for f in FEATURES if f in o["features"]]
        self.line_features = [f for f in self.features if f != "markup"]
        self.stopwords = context.shared(("stopwords", tuple(o["stopwords"])),
                                        lambda: frozenset(w.lower() for w in o["stopwords"]))
        ic = re.IGNORECASE
        self.heading = any_of(o["headings"], ic, rule)
        self.caption = any_of(o["caption_patterns"], ic, rule)
        self.credit = any_of(o["credit_patterns"], ic, rule)
        self.byline = any_of(o["byline_patterns"], 0, rule)
        # (pattern, a character every match opens with, if known: a cheap test before the scan)
        self.markup_patterns = [(compile_pattern(p, 0, rule), leading_literal(p)) for p in o["markup_patterns"]]
        if self.line_features:
            self.claims = claims_for(context, rule.family)
            self.findings_key = f"_findings_{id(self)}"
            first = self.line_features[0]
            self.claims.join(self, (0 if first in ANCHORED else 2, FEATURES.index(first), rule.id))

    # running ---------------------------------------------------------------------------

    def check(self, doc: Document) -> Iterable[Diagnostic]:
        found = []
        if self.line_features:
            self.claims.settle(doc)
            found = cached_findings(doc, self)
        if "markup" in self.features:
            found = found + list(self._markup(doc))
        return found

    def find(self, doc: Document) -> Iterator[Diagnostic]:
        """The line findings (what the family's line claims see)."""
        lay = layout(doc)
        if not lay.lines:
            return
        taken = set(self.claims.claimed(doc, self))
        blocks: list[tuple[int, int, str]] = []
        for feature in self.line_features:
            for first, last in getattr(self, "_" + feature)(lay, taken):
                blocks.append((first, last, feature))
                taken.update(range(lay.lines[first].number, lay.lines[last].number + 1))
        blocks.sort()
        for first, last, feature in blocks:
            a, b = lay.lines[first], lay.lines[last]
            fix = self.delete_lines_fix(doc, a.number, b.number, self.options["safe_fix"], (a.start, b.end))
            yield self.report(doc, a.start, b.end, fix=fix, what=WHAT[feature], lines=last - first + 1, match=a.text)

    # helpers ---------------------------------------------------------------------------

    @staticmethod
    def _runs(lay: Layout, taken: set[int], marked) -> Iterator[tuple[int, int]]:
        """Runs of consecutive lines of one group, free and `marked`: (first, last) indexes."""
        first = last = -1
        for line in lay.lines:
            if line.number not in taken and marked(line):
                if first >= 0 and lay.lines[last].group == line.group:
                    last = line.index
                    continue
                if first >= 0:
                    yield first, last
                first = last = line.index
            elif first >= 0:
                yield first, last
                first = -1
        if first >= 0:
            yield first, last

    def _headline_like(self, line: Line) -> bool:
        """Short, opening like a title, not closing like a sentence."""
        if line.words < 2 or line.words > self.options["headline_max_words"]:
            return False
        t = line.text.rstrip(CLOSERS + " ")
        if not t or t[-1] in ".,;:" or t.endswith(("-", "–", "—")):
            return False
        first = line.text.lstrip(CLOSERS + "\"“‘'(")[:1]
        return first.isupper() or first.isdigit()

    @staticmethod
    def _is_title(lay: Layout, line: Line) -> bool:
        """The first line, when it reads as a headline (no closing full stop; '...' may close it)."""
        if line.index != 0 or line.words > 25:
            return False
        t = line.text.rstrip(CLOSERS + " ")
        return not t.endswith(".") or t.endswith(("...", "…"))

    def _where_furniture_sits(self, lay: Layout, first: int, last: int) -> bool:
        """Whether lines first..last sit where page furniture does: glued to a paragraph or to the
        title (they lost their blank line), or above the article's first sentence or below its
        last. Lists between two paragraphs are the article's own."""
        for line in lay.groups[lay.lines[first].group]:
            if (line.index < first or line.index > last) and (line.prose or self._is_title(lay, line)):
                return True
        prose = lay.prose_span
        return prose is None or last < prose[0] or first > prose[1]

    # features (each yields (first index, last index) of the blocks it finds) -----------------

    def _caption(self, lay: Layout, taken: set[int]) -> Iterator[tuple[int, int]]:
        o = self.options
        marked: set[int] = set()
        for line in lay.lines:
            if line.number in taken or line.words > o["caption_max_words"] or self._is_title(lay, line):
                continue
            if line.words <= o["credit_max_words"] and self.credit and self.credit.search(line.text):
                marked.add(line.index)
                above = lay.before(line)
                if above is not None and above.number not in taken and not above.bullet \
                        and above.words <= o["caption_max_words"] and not self._is_title(lay, above):
                    marked.add(above.index)
            elif self.caption and self.caption.search(line.text):
                marked.add(line.index)
        if marked:
            yield from self._runs(lay, taken, lambda line: line.index in marked)

    def _byline(self, lay: Layout, taken: set[int]) -> Iterator[tuple[int, int]]:
        limit = self.options["byline_max_words"]
        byline = self.byline
        assert byline is not None, "validate_options requires byline_patterns for the byline feature"
        yield from self._runs(lay, taken, lambda line: line.words <= limit and byline.fullmatch(line.text))

    def _is_heading(self, line: Line) -> bool:
        if line.words > self.options["max_heading_words"]:
            return False
        assert self.heading is not None, "validate_options requires headings for the widget feature"
        return bool(self.heading.fullmatch(line.text.rstrip(" :.-–—|»>")))

    def _widget(self, lay: Layout, taken: set[int]) -> Iterator[tuple[int, int]]:
        o = self.options
        lines = lay.lines
        for line in lines:
            if line.number in taken or not self._is_heading(line):
                continue
            last = line.index
            j = line.index + 1
            if j < len(lines) and lines[j].group != line.group:
                # a heading on its own: the widget is the next group, if it is all headlines
                group = lay.groups[lines[j].group]
                if all(_LABELLED_SENTENCE.fullmatch(g.text) for g in group):
                    continue  # a wire story's own "UP NEXT" over "Tulsa: Hosts Rice on Wednesday."
                if len(group) >= o["min_headlines"] and all(
                        g.number not in taken and self._headline_like(g) for g in group):
                    last = group[-1].index
            else:
                # glued under the heading: short lines, up to a sentence that reads as the article's
                while j < len(lines) and lines[j].group == line.group and lines[j].number not in taken \
                        and lines[j].words <= o["headline_max_words"] \
                        and not (lines[j].ends_sentence and lines[j].words >= o["sentence_min_words"]):
                    last = j
                    j += 1
            taken.update(range(line.number, lines[last].number + 1))
            yield line.index, last

    def _headlines(self, lay: Layout, taken: set[int]) -> Iterator[tuple[int, int]]:
        """Runs of headline-like lines about other things than the article, where page furniture
        sits. A run that a line ending in ':' introduces is the article's own list."""
        o = self.options

        def marked(line: Line) -> bool:
            return not line.bullet and self._headline_like(line) and not self._is_title(lay, line)

        for first, last in self._runs(lay, taken, marked):
            if last - first + 1 < o["min_headlines_alone"]:
                continue
            before = lay.before(lay.lines[first])
            if before is not None and before.text.endswith(":"):
                continue
            if not self._where_furniture_sits(lay, first, last):
                continue
            vocab = lay.vocabulary(self.stopwords)
            shared = total = 0
            for line in lay.lines[first:last + 1]:
                for w in lay.content_words(line, self.stopwords):
                    total += 1
                    if any(i < first or i > last for i in vocab.get(w, ())):
                        shared += 1
            if total and shared / total <= o["max_overlap"]:
                yield first, last

    def _links(self, lay: Layout, taken: set[int]) -> Iterator[tuple[int, int]]:
        o = self.options
        max_words, max_chars = o["link_max_words"], o["link_max_chars"]

        def link_like(line: Line) -> bool:
            if line.link_share >= 0.9:
                return True  # Markdown: a line that is all link
            text = line.text
            return (line.words <= max_words and len(text) <= max_chars and not line.bullet
                    and not text.endswith(".") and ":" not in text.rstrip(":")
                    and not any(c.isdigit() for c in text))

        for first, last in self._runs(lay, taken, link_like):
            if last - first + 1 >= o["min_links"] and self._where_furniture_sits(lay, first, last):
                yield first, last
        for line in lay.lines:
            text = line.text
            if line.number in taken or not ("|" in text or "•" in text or "·" in text or " / " in text
                                             or "»" in text):
                continue
            items = [i for i in _MENU_SEPARATOR.split(text) if i.strip()]
            if len(items) >= o["min_links"] and all(len(i.split()) <= max_words for i in items):
                yield line.index, line.index

    def _stray(self, lay: Layout, taken: set[int]) -> Iterator[tuple[int, int]]:
        """Short lines at the head or the tail of a paragraph group whose anchor is a paragraph
        line (or the title), when the article writes one paragraph per line. Lines that other
        rules have flagged count as furniture too: the stray lines next to them are flagged."""
        o = self.options
        groups = [g for g in lay.groups if len(g) > 1]
        if not groups or self._glued_prose_pairs(groups) > o["max_glued_prose"]:
            return

        def furniture(line: Line) -> bool:
            return line.number in taken or (not line.bullet and line.words <= o["stray_max_words"])

        for group in groups:
            if all(line.bullet for line in group):
                continue
            if self._is_title(lay, group[0]):
                head, tail = [], group[1:]
                k = 0
                while k < len(tail) and furniture(tail[k]):
                    k += 1
                tail = tail[:k]
            else:
                anchors = self._anchors(group, taken)
                if not anchors:
                    continue
                head = group[:anchors[0]]
                tail = group[anchors[-1] + 1:]
                if not all(furniture(line) for line in head):
                    head = []
                if not all(furniture(line) for line in tail):
                    tail = []
            for segment in (head, tail):
                run: list[Line] = []
                for line in segment + [None]:
                    if line is not None and line.number not in taken:
                        run.append(line)
                    elif run:
                        yield run[0].index, run[-1].index
                        run = []

    def _glued_prose_pairs(self, groups: list[list[Line]]) -> int:
        """Pairs of long lines with no blank line between them: many mean a hard-wrapped text."""
        long_ = self.options["body_min_words"] // 2
        return sum(1 for g in groups for a, b in zip(g, g[1:])
                   if not a.bullet and not b.bullet and a.words >= long_ and b.words >= long_)

    def _anchors(self, group: list[Line], taken: set[int]) -> list[int]:
        """Positions of a group's paragraph lines: long lines, or else its longest line when that
        reads as a sentence and is at least twice as long as each line that does not (lines that
        other rules flagged anchor nothing)."""
        o = self.options
        free = [i for i, line in enumerate(group) if line.number not in taken]
        body = [i for i in free if group[i].words >= o["body_min_words"]]
        if body or not free:
            return body
        longest = max(free, key=lambda i: group[i].words)
        anchor = group[longest]
        opening = anchor.text.lstrip(CLOSERS + "\"“‘'(")[:1]
        if anchor.bullet or not anchor.ends_sentence or not (opening.isupper() or opening.isdigit()):
            return []
        if any(group[i].ends_sentence or 2 * group[i].words > anchor.words for i in free if i != longest):
            return []
        return [longest]

    # markup ------------------------------------------------------------------------------

    def _markup(self, doc: Document) -> Iterator[Diagnostic]:
        o = self.options
        for start, end, replacement, safe in find_markup_debris(doc.view, doc.format, self.markup_patterns,
                                                                o["entities"], o["mojibake"]):
            s, e = doc.source_span(start, end)
            fix = Fix((Edit(s, e - s, replacement),), safe=safe)
            yield self.report(doc, start, end, fix=fix, what=WHAT["markup"], lines=1)
