"""consistency: either/or variants, of which one article should use one form only.

    extends: consistency
    message: "'%s' here, but the article writes '{other}' {count} times"
    either: {U.S.: US, U.K.: UK}
    ignorecase: false

When an article uses both forms of a pair, every occurrence of the rarer form is flagged,
with the majority form as the suggestion and its first occurrences as related locations.
On a tie the form the article used first is the house form. With `safe_fix`, the fix is safe
outside quotations only: a quoted tweet or statement keeps its own spelling. Quotations of
writing (a statement, a letter, a note, a post: see Document.written_quotes) neither count nor
are flagged; speech, which the reporter writes down in the house style, does both.

Headlines and subheads (a line of their own that does not end like a sentence: "US FALLS",
"Apple to shift assembly from US to China") follow headline style and neither count nor are
flagged. With `names: true`, a form that belongs to a name is left alone too: after a
capitalised word ("Norbulk Shipping UK", "T-Mobile US Inc"; not an English word that opens the
sentence: "The US") or glued to a colon ("US:CLU19") it is not counted;
before a capitalised word that never follows the other form in the article it is counted but
not flagged ("the U.S. Open" among "US" officials; "US Secretary of State" beside "U.S.
Secretary of State" is a variant), unless that word is a person's title ("US President" among
"US" officials is a variant), or the article dots the abbreviation, the form is undotted and it
modifies the name after it: a name of several words ("US Centers for Disease Control"), an acronym
("US ICE"), or a word the article also writes on its own ("US Democrats" beside "Democrats"):
among "U.S." officials those are variants, "US Airways" a name (and a quotation keeps its
writer's form).
"""
from __future__ import annotations

import re
from typing import Iterator

from ..core.diagnostic import Diagnostic
from ..core.options import Option
from ..core.rule import Rule
from ..document.model import Document
from ..document.people import vocabulary
from ..document.tokens import strip_possessive
from .shared.check import BuildContext, Check
from .shared.fixes import match_case
from .shared.messages import MAX_RELATED, times

_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_][\w'’-]*)")
_PREVIOUS_WORD = re.compile(r"([^\W\d_][\w'’-]*)[ \t]+\Z")
_SENTENCE_OPENERS = ".!?:;\"“‘(—–\n"
HEADLINE_WORDS = 20  # a subhead or a repeated headline is shorter than this
BYLINE_WORDS = 8  # lines this short under a headline are its byline or a site's words


def _opens_sentence(view: str, at: int) -> bool:
    """Whether only spaces and an opening mark or sentence end stand before `at`."""
    before = view[max(0, at - 10):at].rstrip(" \t")
    return not before or before[-1] in _SENTENCE_OPENERS


# a body's name of several words after the form: "US Centers for Disease Control", "US Immigration
# and Customs Enforcement", "US Government Accountability Office", "US Middle East"
_LONG_NAME = re.compile(r"[ \t]+[^\W\d_][\w'’-]*(?:[ \t]+(?:for|and|of|on)\b)?[ \t]+[A-Z]")


def _modifies(view: str, end: int, word: str, after_forms: set[int]) -> bool:
    """Whether the form ending at `end` modifies the name after it rather than opens it: the name
    runs on past one word, is an acronym ("US ICE statistics"), or the article writes it on its
    own too ("US Democrats" beside "Democrats"); a one-word name that never stands alone is the
    form's own ("US Airways", "UN Women")."""
    return bool(_LONG_NAME.match(view, end)) or (len(word) > 1 and word.isupper()) or \
        _written_alone(view, word, after_forms)


def _written_alone(view: str, word: str, after_forms: set[int]) -> bool:
    """Whether the article writes the capitalised word somewhere other than right after a form
    of the pair or at a sentence's start ("Democrats" on its own, not "UN Women" and "Women
    voted")."""
    for m in re.finditer(rf"(?<![\w’'-]){re.escape(word)}(?![\w’'-])", view):
        k = m.start()
        while k > 0 and view[k - 1] in " \t":
            k -= 1
        if k not in after_forms and not _opens_sentence(view, m.start()):
            return True
    return False


def _common_word(word: str) -> bool:
    """Whether a capitalised word opening a sentence is an English word ("The US"), not a name
    ("T-Mobile US Inc")."""
    from ..resources import lexicon
    return lexicon.get().is_word(word.lower())


def _headline_lines(doc: Document) -> list[tuple[int, int]]:
    """The headlines and subheads: heading blocks, paragraphs of one short line that does not
    end like a sentence ("US FALLS", a headline repeated in the body), and such a line opening
    the text, whatever follows it without a blank line (a byline: "Top US general says ..."
    over "By Jane Doe"). A photo caption is the article's, whoever took the photo: its "US"
    among "U.S." is the house's to mend."""
    cached = doc.__dict__.get("_headline_lines")
    if cached is None:
        cached = []
        for k, b in enumerate(doc.blocks):
            # the block, or the first line of the text's first block over short lines (a byline, a
            # site's word), not a hard-wrapped paragraph's first line
            newline = doc.view.find("\n", b.start, b.end) if k == 0 else -1
            end = b.end if newline < 0 or any(len(line.split()) > BYLINE_WORDS
                                              for line in doc.view[newline + 1:b.end].split("\n")) else newline
            text = doc.view[b.start:end].strip()
            if b.kind == "heading" or (text and "\n" not in text and len(text.split()) <= HEADLINE_WORDS
                                       and text[-1] not in ".!?:;,\"”’)…"):
                cached.append((b.start, end))
        doc.__dict__["_headline_lines"] = cached
    return cached


class Consistency(Check):
    NAME = "consistency"
    DESCRIPTION = "Flags the minority form when an article mixes two variants of one word."
    OPTIONS = {
        "either": Option("mapping", help="one form -> the other form"),
        "ignorecase": Option("bool", False, "match regardless of case"),
        "nonword": Option("bool", False, "match inside words too, not only whole words"),
        "safe_fix": Option("bool", True,
                           "--fix may rewrite the minority form to the majority form (outside quotations)"),
        "names": Option("bool", False, "leave a form alone where it belongs to a name (US Open, Shipping UK); "
                        "in an article that dots the abbreviation, an undotted one outside quotations that "
                        "modifies the name after it is no name (US Centers for Disease Control, US Democrats)"),
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
        headlines = _headline_lines(doc)
        matches = [m for m in matches if not any(s <= m.start < e for s, e in headlines)]
        named = self._named(doc, matches) if self.options["names"] else (set(), set(), set())
        matches = [m for m in matches if m.start not in named[0]]
        for span_start, span_end in doc.spans(self.rule.scope):
            by_form: dict[str, list[tuple[int, int]]] = {}
            for m in matches:
                if span_start <= m.start and m.end <= span_end and not doc.in_quote(
                        m.start, m.end, written=not self.rule.exclude_quotes):
                    by_form.setdefault(self._key(m.phrase), []).append((m.start, m.end))
            for a, b in self.pairs:
                yield from self._pair(doc, a, by_form.get(self._key(a), []), b, by_form.get(self._key(b), []),
                                      named[1], named[2])

    def _named(self, doc: Document, matches: list) -> tuple[set[int], set[int], set[int]]:
        """Where a form belongs to a name (see the module's docstring): the starts of the
        matches not to count, of those to count but not to flag, and of those among the latter
        whose next word the article also writes on its own ("US Democrats" beside "Democrats":
        the form is a modifier there, not part of a name as in "US Airways")."""
        view = doc.view
        followers: dict[str, set[str]] = {}  # form -> capitalised words the article writes after it
        after: dict[int, str | None] = {}
        for m in matches:
            nxt = _NEXT_WORD.match(view, m.end)
            after[m.start] = nxt.group(1) if nxt and nxt.group(1)[0].isupper() else None
            follower = after[m.start]
            if follower:
                followers.setdefault(self._key(m.phrase), set()).add(follower)
        others = {self._key(a): self._key(b) for a, b in self.pairs}
        others |= {self._key(b): self._key(a) for a, b in self.pairs}
        uncounted, unflagged, modifying = set(), set(), set()
        ends = {m.end for m in matches}
        for m in matches:
            prev = _PREVIOUS_WORD.search(view, max(0, m.start - 60), m.start)
            if (view.startswith(":", m.end) and view[m.end + 1:m.end + 2].isalnum()) or (
                    prev and prev.group(1)[0].isupper() and not prev.group(1).endswith(("'s", "’s"))
                    and not (_opens_sentence(view, prev.start(1)) and _common_word(prev.group(1)))):
                uncounted.add(m.start)  # a ticker (US:CLU19), the end of a name (Norbulk Shipping UK)
            elif (follower := after[m.start]) and \
                    follower not in followers.get(others.get(self._key(m.phrase), ""), ()) \
                    and strip_possessive(follower).rstrip(".") not in vocabulary()["titles"]:
                unflagged.add(m.start)  # perhaps the start of a name: the US Open (not "US President")
                if _modifies(view, m.end, follower, ends):
                    modifying.add(m.start)
        return uncounted, unflagged, modifying

    def _pair(self, doc: Document, a: str, at_a: list, b: str, at_b: list,
              unflagged: set[int], modifying: set[int]) -> Iterator[Diagnostic]:
        if not at_a or not at_b:
            return
        # the majority form wins; on a tie, the form the article used first
        a_wins = len(at_a) > len(at_b) or (len(at_a) == len(at_b) and at_a[0] < at_b[0])
        (major, at_major), at_minor = ((a, at_a), at_b) if a_wins else ((b, at_b), at_a)
        related = [(s, e, f"'{doc.view[s:e]}' here") for s, e in at_major[:MAX_RELATED]]
        # a house that dots its abbreviations dots them before the bodies it names on their own too
        # ("US Democrats" beside "Democrats"), not in a name ("US Airways"), nor in a quotation,
        # which keeps its writer's form (a tweet, a cable's subject line); names that keep their dots
        # stand in undotted copy ("U.S. Steel" among "US" officials)
        minor = b if major == a else a
        dotted_house = "." in major and "." not in minor
        for start, end in at_minor:
            if start in unflagged and not (dotted_house and start in modifying and not doc.in_quote(start, end)):
                continue
            suggestion = match_case(doc.view[start:end], major)
            safe = self.options["safe_fix"] and not doc.in_quote(start, end)
            fix = self.replacement_fix(doc, start, end, suggestion, safe)
            yield self.report(doc, start, end, suggestions=[suggestion], related=related, fix=fix,
                              other=major, count=len(at_major), times=times(len(at_major)))
