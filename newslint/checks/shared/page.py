"""The page-furniture score: how much a line of text extracted from a whole web page looks like
the page's furniture (menus, pagers, other stories' headlines, banners) rather than its article.

Plain text keeps no markup, so the score reads what survives extraction (docs/pages.md explains
each signal and its weight):

  position     lines before the first or after the last long prose paragraph of the article's
               span (the run of lines that best holds prose: most prose words, fewest other
               lines) start half-way to furniture; beyond a block of furniture they go further
  short run    a line inside a run of short lines (a menu, a share bar, a pager)
  menu shape   a short line of Title Case or capital words, or a bare number, with no verb-like
               function word and no final punctuation
  headlines    a line in a run of headline-shaped lines (several in a row) about other things
  repetition   a line that many files of the same run hold (a site's menu; counted by the run)
  extraction   HTML only, where trafilatura is installed: a line its extraction leaves out
  article      a line whose content words the article's prose repeats is pulled back (the
               headline, a subhead); a prose sentence is pulled back too

A line is furniture when its score reaches FURNITURE. Runs of furniture lines are blocks.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Iterable

from ...document.model import Document
from .layout import CLOSERS, Layout, Line, layout

FURNITURE = 0.6  # a line's score from which it is furniture
ARTICLE_MAX = 0.2  # a line's score up to which it reads as the article's

# weights of the signals (docs/pages.md)
NEAR = 0.3         # before the article's prose span or after it
FAR = 0.6          # ... and past a block of certain furniture (further from the article)
CERTAIN = 0.7      # a line this sure ...
BOUNDARY_RUN = 2   # ... in a run of this many ends the article's surroundings
SHORT_RUN = 0.2    # in a run of at least SHORT_RUN_MIN short lines
LONG_RUN = 0.3     # in a run of at least LONG_RUN_MIN short lines
MENU = 0.25        # menu or link shape
HEADLINES = 0.3    # in a list of headline-shaped lines
LONG_HEADLINES = 0.4  # in a list of LONG_HEADLINES_MIN or more
REPEATED = 0.45    # seen on many files of the run
EXTRACTED = 0.2    # HTML: left out of trafilatura's extraction (+), or in it (-)
ARTICLE_WORDS = -0.45  # its content words recur in the article's prose
PROSE = -0.4       # a sentence of prose

REPEATED_MIN_FILES = 3  # a line held by this many files of a run ...
REPEATED_MIN_SHARE = 0.02  # ... and by this share of them is furniture
SHORT_MAX_WORDS = 6
SHORT_RUN_MIN = 3
LONG_RUN_MIN = 6
MENU_MAX_WORDS = 4
HEADLINE_MIN_WORDS, HEADLINE_MAX_WORDS = 4, 20
HEADLINES_MIN = 3
LONG_HEADLINES_MIN = 6
HEADLINE_GAP = 1  # short lines between two headlines of a list
TABLE_MIN_FIGURES = 3
CELL_WORDS_PER_FIGURE = 3  # a longer line inside a table holds a figure in this many words at least
FIELDS_MIN = 3  # lines in a row split alike ('Name (Group): value') make a list of fields
MENU_COST, LINE_COST = 1.0, 0.5  # what a menu-shaped line and any other non-prose line cost the prose span
PROSE_MIN_WORDS = 10
WRAPPED_MIN_WORDS = 4  # a hard-wrapped paragraph's lines hold this many words on average
ARTICLE_OVERLAP = 0.5  # share of a line's content words found in the prose span
LEAD_IN = 3  # lines above the prose span where a headline sharing a word with the prose is the article's
BYLINE_REACH = 10  # lines above the prose span where a headline over a byline or date is the article's ...
BYLINE_GAP = 2     # ... the byline or date within this many lines under it
KICKER_LINES = 1   # headline-shaped lines right above the article's headline that may belong to it
STEM = 5  # letters of a content word compared (a crude stemmer)
LIST_KINDS = 3  # the first items of a list give the shapes its items may take
ITEM_BLOCK_MAX = 6  # lines of one item of a list grouped by blank lines (a date, a place, the hours)
INTRO_DISTANCE = 2  # lines after the prose span's last where a list's introduction (a colon) may stand

# function words: a line holding some reads as a phrase or a sentence, not a label
FUNCTION_WORDS = frozenset("""a about after all also am an and any are as at be been before being but by can
could did do does had has have he her his how i if in into is it its may me might more must my no not of on
or our she should so than that the their them then there these they this those to us was we were what when
where which while who will with would you your""".split())
# words a Title Case label may hold in lower case
_LABEL_GLUE = frozenset({"a", "and", "of", "the", "in", "for", "to", "on", "at", "with", "by"})
_VERB_LIKE = frozenset({"is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can",
                        "could", "should", "may", "might", "must", "did", "does", "said", "says"})
_WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")
_CONTENT = re.compile(r"[^\W\d_]{4,}")
_BYLINE = re.compile(r"(?:by|posted|published|updated|written)\b", re.I)
_DATE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d|\d{1,2}:\d\d|\d/\d{1,2}/\d",
                   re.I)
_FIGURE = re.compile(r"[-+−]?[$£€]?\d[\d.,]*\s?%?")
_FIELD = re.compile(r"(?:(?<=[^\W_])|(?<=[.)]))(?::\s|\s\(|,\s)")  # a label's colon, a bracket, a comma after a word
_TRAIL = re.compile(r"[>|»•]")  # a breadcrumb's or a menu line's separators
_PAGER = re.compile(r"(?:\d{1,3}|[«‹<>›»]|next|prev(?:ious)?|first|last|older|newer|page)(?:\W+|$)", re.I)


def normalized(text: str) -> str:
    """A line as repetition across files is counted: its words in lower case, digits kept."""
    return " ".join(w.lower() for w in _WORD.findall(text))


@dataclass(slots=True)
class LineShape:
    words: int
    prose: bool
    short: bool
    menu: bool
    headline: bool
    content: tuple[str, ...]


def shape(line: Line) -> LineShape:
    """The line's shape, read from its text alone."""
    text = line.text
    tokens = _WORD.findall(text)
    lowered = [t.lower() for t in tokens]
    function = sum(t in FUNCTION_WORDS for t in lowered)
    stripped = text.rstrip(CLOSERS + " ")
    final = stripped[-1:] in (".", "!", "?", "…", ":", ";", ",") if stripped else False
    n = line.words
    prose = n >= PROSE_MIN_WORDS and line.ends_sentence and function >= 2
    alpha = [t for t in tokens if t[0].isalpha()]
    titled = [t for t in alpha if t[0].isupper() or t.lower() in _LABEL_GLUE]
    label = bool(alpha) and len(titled) == len(alpha) and not any(t in _VERB_LIKE for t in lowered)
    pager = not alpha or bool(_PAGER.fullmatch(text))
    menu = n <= MENU_MAX_WORDS and not final and (label or pager)
    headline = (HEADLINE_MIN_WORDS <= n <= HEADLINE_MAX_WORDS and not stripped.endswith(".")
                and bool(alpha) and alpha[0][0].isupper())
    # content words cut to a stem's length: 'salutes' and 'saluted' count as one
    content = tuple(w[:STEM] for w in (m.group().lower() for m in _CONTENT.finditer(text)) if w not in FUNCTION_WORDS)
    return LineShape(n, prose, n <= SHORT_MAX_WORDS and not prose, menu, headline, content)


class PageScore:
    """Every non-blank line's furniture score, read once per document (see `page_score`)."""

    def __init__(self, doc: Document, repeated: frozenset[str] = frozenset()):
        self.layout: Layout = layout(doc)
        lines = self.layout.lines
        self.shapes = [shape(line) for line in lines]
        mark_wrapped_paragraphs(self.layout, self.shapes)
        mark_tables(lines, self.shapes)
        self.span = prose_span(self.shapes)
        if self.span is not None:
            mark_field_lists(lines, self.shapes, self.span[0], self.span[1] + INTRO_DISTANCE + 1)
        self.article_lines: set[int] = set()  # the headline and a list the article introduces
        self.repeated_lines: set[int] = set()  # lines many files of the run hold
        self.scores = self._scores(lines, repeated)
        if doc.format == "html":
            extracted = extracted_lines(doc.text)
            if extracted:  # trafilatura is installed and found an article: one more signal
                for i, line in enumerate(lines):
                    self.scores[i] += -EXTRACTED if normalized(line.text) in extracted else EXTRACTED

    @cached_property
    def furniture(self) -> list[bool]:
        return [s >= FURNITURE for s in self.scores]

    @cached_property
    def article_like(self) -> set[int]:
        """Lines the score reads as the article's (no signal of furniture, or the article's
        words): other rules' line findings there are doubted in page mode."""
        return {i for i, s in enumerate(self.scores) if s <= ARTICLE_MAX}

    def _scores(self, lines: list[Line], repeated: frozenset[str]) -> list[float]:
        shapes = self.shapes
        article = self._article_words()
        short_runs = run_lengths([s.short for s in shapes])
        headline_runs = headline_run_lengths(shapes)
        scores = []
        for i, (line, s) in enumerate(zip(lines, shapes)):
            score = 0.0
            if short_runs[i] >= LONG_RUN_MIN:
                score += LONG_RUN
            elif short_runs[i] >= SHORT_RUN_MIN:
                score += SHORT_RUN
            if s.menu:
                score += MENU
            if headline_runs[i] >= LONG_HEADLINES_MIN:
                score += LONG_HEADLINES
            elif headline_runs[i] >= HEADLINES_MIN:
                score += HEADLINES
            if repeated and normalized(line.text) in repeated:
                score += REPEATED
                self.repeated_lines.add(i)
            if s.content and article and sum(w in article for w in s.content) >= ARTICLE_OVERLAP * len(s.content):
                score += ARTICLE_WORDS
            if s.prose:
                score += PROSE
            scores.append(score)
        if self.span is None:
            return [score + NEAR for score in scores]
        self.article_lines.update(self._introduced_list(lines))
        self.article_lines.update(self._titles(lines, article))
        first, last = self.span
        self._add_position(scores, range(first - 1, -1, -1))
        self._add_position(scores, range(last + 1, len(lines)))
        for i in self.article_lines:
            scores[i] = min(scores[i], 0.0)
        return scores

    @staticmethod
    def _add_position(scores: list[float], outward: range) -> None:
        """Lines outside the prose span get NEAR, and those past the first block of certain
        furniture (BOUNDARY_RUN lines in a row that reach CERTAIN) get FAR: between the article
        and that block stand its headline, byline and closing lines."""
        run = 0
        far_from = None
        for k, i in enumerate(outward):
            run = run + 1 if scores[i] + NEAR >= CERTAIN else 0
            if run >= BOUNDARY_RUN:
                far_from = k - run + 1
                break
        for k, i in enumerate(outward):
            scores[i] += FAR if far_from is not None and k >= far_from else NEAR

    def _titles(self, lines: list[Line], article: set[str]) -> set[int]:
        """The article's headline: of the headline-shaped lines before the prose span, the one
        whose content words the prose repeats most (at least half of them; the nearest of
        equals); within LEAD_IN lines above the span, the nearest headline-shaped line that is
        no byline or date, and those further up that share a word with the prose (a headline
        above its standfirst); and the nearest headline over a byline or a date (see
        _headline_over_byline). A line many files of the run share is no headline."""
        assert self.span is not None
        found = set()
        best, best_share = None, ARTICLE_OVERLAP
        for i in range(self.span[0]):
            s = self.shapes[i]
            if s.headline and s.content and not self._dateline(lines[i]) and i not in self.repeated_lines:
                shared = sum(w in article for w in s.content) / len(s.content)
                if shared >= best_share and len(s.content) >= 2:
                    best, best_share = i, shared
        if best is not None:
            found.add(best)
        nearest = True
        for i in range(self.span[0] - 1, max(-1, self.span[0] - 1 - LEAD_IN), -1):
            s = self.shapes[i]
            if s.headline and not self._dateline(lines[i]) and i not in self.repeated_lines:
                if nearest or any(w in article for w in s.content):
                    found.add(i)
                nearest = False
        over_byline = self._headline_over_byline(lines, article)
        if over_byline is not None:
            found.add(over_byline)
            found.update(self._kicker(lines, article, over_byline))
        return found

    def _kicker(self, lines: list[Line], article: set[str], headline: int) -> range:
        """The lines right above a headline the article keeps that belong to it (a headline over
        its deck): at most KICKER_LINES headline-shaped lines sharing a word with the prose, not in
        capitals (a menu's), the line above them no headline (else they end a list of headlines)."""
        top = headline
        while top > 0 and headline - top < KICKER_LINES and self._title_like(lines, top - 1, article):
            top -= 1
        if top == headline or (top > 0 and self.shapes[top - 1].headline):
            return range(0)
        return range(top, headline)

    def _title_like(self, lines: list[Line], i: int, article: set[str]) -> bool:
        s = self.shapes[i]
        text = lines[i].text
        return (s.headline and not text.isupper() and not self._dateline(lines[i]) and i not in self.repeated_lines
                and not _TRAIL.search(text) and any(w in article for w in s.content))

    def _headline_over_byline(self, lines: list[Line], article: set[str]) -> int | None:
        """The nearest line within BYLINE_REACH lines above the prose span that reads as the
        article's headline by what stands under it: headline-shaped, sharing a word with the prose,
        with a byline or a date at most BYLINE_GAP lines below (share bars and photo credits may
        stand between the headline and the first paragraph). No breadcrumb or menu line."""
        assert self.span is not None
        first = self.span[0]
        for i in range(first - 1, max(-1, first - 1 - BYLINE_REACH), -1):
            s = self.shapes[i]
            if (not s.headline or self._dateline(lines[i]) or i in self.repeated_lines or _TRAIL.search(lines[i].text)
                    or not any(w in article for w in s.content)):
                continue
            if any(self._dateline(lines[k]) for k in range(i + 1, min(first, i + 1 + BYLINE_GAP))):
                return i
        return None

    @staticmethod
    def _dateline(line: Line) -> bool:
        """A byline or a date, which stands near the headline but is not it."""
        return bool(_BYLINE.match(line.text) or _DATE.search(line.text))

    def _introduced_list(self, lines: list[Line]) -> range:
        """The list that the article introduces at its end ("The dates:", "Below is the list of
        players:"): the lines after a line ending in a colon at the span's end, as long as they keep
        the shapes of the list's first items (a scoreboard's name, dismissal and runs repeat)."""
        assert self.span is not None
        end = self.span[1]
        intro = next((i for i in range(end, min(end + INTRO_DISTANCE + 1, len(lines)))
                      if lines[i].text.rstrip().endswith(":")), None)
        if intro is None or intro + 1 == len(lines):
            return range(0)
        return range(end + 1, self._grouped_list_end(lines, intro + 1) or self._list_end(lines, intro + 1))

    def _list_end(self, lines: list[Line], first: int) -> int:
        """Past the last line that keeps the shapes of the list's first LIST_KINDS items."""
        kinds = {item_kind(line) for line in lines[first:first + LIST_KINDS]}
        last = first
        while last < len(lines) and item_kind(lines[last]) in kinds and not self.shapes[last].prose:
            last += 1
        return last

    def _grouped_list_end(self, lines: list[Line], first: int) -> int | None:
        """Where blank lines group the items in blocks of two to ITEM_BLOCK_MAX lines (a date, a
        place, an address, the hours), past the last block of as many lines with no prose; None
        unless the list's first two items are such blocks."""
        groups = self.layout.groups
        at = next((k for k, g in enumerate(groups) if g[0] is lines[first]), None)
        if at is None or not 2 <= len(groups[at]) <= ITEM_BLOCK_MAX or at + 1 == len(groups) \
                or len(groups[at + 1]) != len(groups[at]):
            return None
        size, last = len(groups[at]), first
        for group in groups[at:]:
            if len(group) != size or any(self.shapes[last + k].prose for k in range(size)):
                break
            last += size
        return last

    def _article_words(self) -> set[str]:
        if self.span is None:
            return set()
        first, last = self.span
        return {w for s in self.shapes[first:last + 1] if s.prose for w in s.content}


def item_kind(line: Line) -> tuple[bool, bool, bool, int] | str:
    """What a list item looks like: the first separator that splits its fields (see separators),
    or else its digits, commas, brackets, and length (1, 2-4, 5+ words)."""
    text = line.text
    return separators(text)[:1] or (any(c.isdigit() for c in text), "," in text, "(" in text,
                                    min(line.words, 5) if line.words < 2 else (2 if line.words < 5 else 5))


def separators(text: str) -> str:
    """The separators that split a line into fields, in order: a colon, a bracket or a comma after
    a word ('Processor: 1.2GHz' ':', 'Wales (Group E): Second' '(:', 'Kent, Washington' ',')."""
    return "".join(m.group().strip() for m in _FIELD.finditer(text))


def mark_field_lists(lines: list[Line], shapes: list[LineShape], first: int, last_start: int) -> None:
    """FIELDS_MIN or more lines in a row split alike by two separators or more (a roster's
    'Name (Group): value', a schedule's 'Team at Team, time (channel)', 'Company, City, State')
    are a list of fields, not a menu nor other stories' headlines: they lose those shapes. One
    short line may stand between two of them (a day over its games). One separator is not enough:
    a wire's 'Country: headline' list has one. Only lists that start from `first` to `last_start`
    (the article's prose span and the lines right after it) count: elsewhere such lines are a
    scores ticker's ('Memphis 77, Rice 50') as often."""
    skeletons = [separators(line.text) for line in lines]
    i = first
    while i <= min(last_start, len(lines) - 1):
        key = skeletons[i]
        if len(key) < 2:
            i += 1
            continue
        members, j = [i], i + 1
        while j < len(lines):
            if skeletons[j] == key:
                members.append(j)
            elif not (shapes[j].short and j + 1 < len(lines) and skeletons[j + 1] == key):
                break
            j += 1
        if len(members) >= FIELDS_MIN:
            for k in members:
                shapes[k].short = shapes[k].menu = shapes[k].headline = False
        i = j


def mark_wrapped_paragraphs(lay: Layout, shapes: list[LineShape]) -> None:
    """A paragraph hard-wrapped over several lines (no blank line between them, in a text that
    separates its paragraphs with blank lines) is prose as a whole: its lines are prose lines,
    not a run of short ones. Wrapped means filled: no line but the last could have taken the next
    line's first word (a menu or a list between two blank lines is not)."""
    if len(lay.groups) < 2:
        return  # one block per line, no blank lines: nothing is wrapped
    for group in lay.groups:
        if len(group) < 2 or sum(line.words for line in group) < WRAPPED_MIN_WORDS * len(group):
            continue
        if not filled(group):
            continue
        last = group[-1]
        words = sum(line.words for line in group)
        function = sum(t.lower() in FUNCTION_WORDS for line in group for t in _WORD.findall(line.text))
        if words >= PROSE_MIN_WORDS and last.ends_sentence and function >= 2:
            for line in group:
                s = shapes[line.index]
                s.prose, s.short, s.menu, s.headline = True, False, False, False


def filled(group: list[Line]) -> bool:
    """Whether a group's lines were filled to a width, as a hard wrap fills them: each line but the
    last is too long to have taken the first word of the next one."""
    width = max(len(line.text) for line in group)
    return all(len(line.text) + 1 + len(following.text.split(" ", 1)[0]) > width
               for line, following in zip(group, group[1:]))


def mark_tables(lines: list[Line], shapes: list[LineShape]) -> None:
    """A run of short lines with several different figures in it (63, 85%, -12.99; a menu's '2020'
    said thrice is one) that do not count up like a pager's (1, 2, 3) is a table: its lines lose
    their menu and short-run shapes. A longer cell of figures ('7 tackles, 3 assists') before a
    short line does not end the run."""
    i = 0
    while i < len(lines):
        if not shapes[i].short:
            i += 1
            continue
        j = i
        while j < len(lines) and (shapes[j].short or (j + 1 < len(lines) and shapes[j + 1].short and _cell(lines[j]))):
            j += 1
        figures = [lines[k].text for k in range(i, j) if _FIGURE.fullmatch(lines[k].text)]
        if len(set(figures)) >= TABLE_MIN_FIGURES and not _counts_up(figures):
            for k in range(i, j):
                shapes[k].short = shapes[k].menu = False
        i = j


def _cell(line: Line) -> bool:
    """A table's longer cell: two figures or more, one word in three at least."""
    figures = len(_FIGURE.findall(line.text))
    return figures >= 2 and figures * CELL_WORDS_PER_FIGURE >= line.words


def _counts_up(figures: list[str]) -> bool:
    """Figures that number pages: 1, 2, 3 ... each one more than the one before."""
    try:
        numbers = [int(f) for f in figures]
    except ValueError:
        return False
    return all(b == a + 1 for a, b in zip(numbers, numbers[1:]))


def prose_span(shapes: list[LineShape]) -> tuple[int, int] | None:
    """First and last line of the run that holds the most prose: the maximum-sum run of line
    weights, a prose line weighing its words and any other line a small cost (as Finn's Body
    Text Extraction weighs words against tags)."""
    best, best_span = 0.0, None
    total, start = 0.0, 0
    for i, s in enumerate(shapes):
        weight = float(s.words) if s.prose else -(MENU_COST if s.menu else LINE_COST)
        if total <= 0:
            total, start = 0.0, i
        total += weight
        if total > best:
            best, best_span = total, (start, i)
    return best_span


def headline_run_lengths(shapes: list[LineShape]) -> list[int]:
    """For each headline-shaped line, how many headlines its list holds: headline-shaped lines in
    a row, where a short line between two of them (a time, a label, a dash) does not break the
    list; 0 for other lines."""
    out = [0] * len(shapes)
    members: list[int] = []
    gap = 0

    def close() -> None:
        for k in members:
            out[k] = len(members)
        members.clear()

    for i, s in enumerate(shapes):
        if s.headline and not s.prose:
            members.append(i)
            gap = 0
        elif s.short and members and gap < HEADLINE_GAP:
            gap += 1
        else:
            close()
            gap = 0
    close()
    return out


def run_lengths(flags: list[bool]) -> list[int]:
    """For each position, the length of the run of True values it belongs to (0 if False)."""
    out = [0] * len(flags)
    i = 0
    while i < len(flags):
        if not flags[i]:
            i += 1
            continue
        j = i
        while j < len(flags) and flags[j]:
            j += 1
        out[i:j] = [j - i] * (j - i)
        i = j
    return out


def extracted_lines(page_html: str) -> frozenset[str]:
    """The lines (normalized) of trafilatura's extraction of a page's main text, where the
    optional `trafilatura` package is installed (`pip install newslint[pages]`); else none."""
    try:
        import trafilatura
    except ImportError:
        return frozenset()
    text = trafilatura.extract(page_html, include_comments=False, include_tables=True) or ""
    return frozenset(key for key in map(normalized, text.splitlines()) if key)


def run_furniture(paths: Iterable[Path]) -> frozenset[str]:
    """The lines (normalized) that at least REPEATED_MIN_FILES files of a run, and at least
    REPEATED_MIN_SHARE of them, hold: a site's menus and footers. Files that cannot be read
    are left out here (the run reports them)."""
    counts: Counter[str] = Counter()
    files = 0
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        files += 1
        counts.update({key for key in map(normalized, text.splitlines()) if key})
    if files < REPEATED_MIN_FILES:
        return frozenset()
    least = max(REPEATED_MIN_FILES, REPEATED_MIN_SHARE * files)
    return frozenset(key for key, n in counts.items() if n >= least)


SCORE_KEY = "_page_score"


def page_score(doc: Document, repeated: frozenset[str] = frozenset()) -> PageScore:
    """The document's PageScore, computed once."""
    found = doc.__dict__.get(SCORE_KEY)
    if found is None:
        found = doc.__dict__[SCORE_KEY] = PageScore(doc, repeated)
    return found
