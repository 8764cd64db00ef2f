"""doubled-word: the same word twice in a row ("the the"), as typing and editing leave it.

    extends: doubled-word
    allow: [had, that]    # legitimate doubles: "he had had enough", "he said that that was all"
    safe_words: [the, a]  # grammar never doubles these: deleting one is certain

The two words may be separated by spaces or one line break, not by punctuation or a blank
line. Doubles in which both words are capitalised are names (Duran Duran, Walla Walla), and so
is a word that ends a hyphenated name ("Moon Jae-in in Seoul"). Grammar doubles a few words
too, and these are left alone (a finding an editor would call wrong costs more than a miss):
  - a word after its own prefixed form, which is wordplay: "a non-endorsement endorsement";
  - a preposition stranded at the end of a relative clause, before a phrase that opens with the
    same preposition: "the cause (that) she fought for for 20 years", "what it stood for for";
  - a particle that closes a verb, before a stretch of time or a set phrase: "workers clocked in
    in the last week", "they have been asking for for years", "they held on on the final day",
    "ballots can be turned in in person" (a bare year or month after the pair is a slip's usual
    place, "died in in 2010", and stays flagged, unless the verb takes the particle: "was sworn in
    in January 2011");
  - an ordinal after a determiner that starts a title: "the first first husband";
  - a word said three times or more, as chants and songs repeat it: "Na na na na".
A post embedded whole (a tweet with its signature) is quoted as its writer wrote it: not flagged;
nor is a paragraph with `transcript_doubles` doubles or more, a verbatim transcript whose stutters
("He he can certainly say", "and and so") are the speaker's, as edited copy never has them.
The fix removes the second word; it is safe for `safe_words` only, since other words double in
good English too ("he gave in in the end"), and never inside a quotation, which keeps its
writer's words.
"""
from __future__ import annotations

import bisect
import operator
import re
from collections import Counter
from typing import Iterator

from ..core.diagnostic import Diagnostic, Edit, Fix
from ..core.options import Option
from ..core.rule import Rule
from ..document.model import Document
from .shared.check import BuildContext, Check

# marks that may touch a doubled word, made spaces for the cheap test: "a non-endorsement endorsement."
_APART = str.maketrans(dict.fromkeys("-.,;:!?\"“”()", " "))
# a prefix that makes a word's opposite or kin: "non-denial denial", "ex-wife wife"
_PREFIXED = re.compile(r"(?i)(?<![\w-])(?:non|anti|un|pseudo|quasi|semi|counter|ex|post|pre|neo)-\Z")
# hyphens may touch the pair: "head-to to-head" is a double too
_DOUBLE = re.compile(r"(?<![\w'’@#])([^\W\d_]+)([ \t]+|[ \t]*\r?\n[ \t]*)(\1)(?![\w'’])", re.IGNORECASE)
# prepositions a clause may end with ("what she fought for", "workers clocked in"); "to" and "of"
# end one too seldom to outweigh their slips
_STRANDABLE = frozenset(("for", "in", "on", "with", "about", "at", "by", "up", "out", "off", "over", "down",
                         "through", "around"))
# a relative word, then its clause's subject, a verb and nothing else before the stranded
# preposition: "that my husband fought", "what it stood", "which the firm had paid"
_OBJECT_RELATIVE = re.compile(
    r"\b(?i:that|which|what|whatever|whom)\s+(?:(?i:i|you|he|she|it|we|they|my|your|his|her|its|our|their|the|this)"
    r"|[A-Z][\w'’-]*)(?:\s+[\w'’-]+){1,4}\s*\Z")
# where a slip's doubled preposition usually stands: before a year, a month or a day ("died in in 2010")
_POINT_IN_TIME = re.compile(r"\s+(?:\d{4}\b|(?:January|February|March|April|May|June|July|August|September|"
                            r"October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                            r"Sunday)\b)")
# a set phrase the second word opens: "can be turned in in person", "paid up up front"
_SET_PHRASE = re.compile(r"\s+(?:person|full|cash|kind|writing|public|private|advance|front|time|charge|place|"
                         r"effect|force|line|touch|hand|court|office)\b")
# verbs whose particle "in" a date may follow: "sworn in in January", "phased in in 2026"
_SWORN_IN = re.compile(r"\b(?:sworn|swore|swear|swears|phased|ushered|voted|checked|logged|moved|locked|kicked|"
                       r"handed|turned|plugged|caved|gave|given)\s*\Z", re.IGNORECASE)
_VERB_ENDING = re.compile(r"[^\W\d_]{2,}(?:ed|ing)\s*\Z")
# a stretch of time after the pair: "the last week", "the past two years", "recent months"
_STRETCH_OF_TIME = re.compile(
    r"\s+(?:(?:the|this|that)\s+(?:last|past|first|final|next|same|coming|following|previous|early|closing|"
    r"opening)|recent|past|coming)(?:\s+(?:\d+|two|three|four|five|six|few|several))?\s+"
    r"(?:minutes?|hours?|days?|nights?|weeks?|weekends?|months?|years?|decades?|seasons?|quarters?|"
    r"rounds?|innings|half|period)\b"
    # or a bare stretch: "asking for for years", "waited for for 20 years", "for many months"
    r"|\s+(?:\d+\s+|many\s+|several\s+|a\s+few\s+)?(?:minutes|hours|days|weeks|months|years|decades|ages)\b",
    re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")
# the word next to a pair, across a space or a comma: "Na na na", "hey hey, hey"
_REPEAT_AFTER = re.compile(r",?[ \t]+([^\W\d_]+)")
_REPEAT_BEFORE = re.compile(r"(?<![\w'’])([^\W\d_]+),?[ \t]+\Z")
_ORDINALS = frozenset(("first", "second", "third", "last"))
_DETERMINER = re.compile(r"\b(?:the|a|an|its|his|her|their|our|your|this|[\w-]+['’]s)\s+\Z", re.IGNORECASE)


class DoubledWord(Check):
    NAME = "doubled-word"
    DESCRIPTION = "Flags a word written twice in a row."
    OPTIONS = {
        "allow": Option("strings", [], "words that may legitimately be doubled (had had, that that)"),
        "safe_words": Option("strings", [], "words never doubled in good English: their fix is safe"),
        "transcript_doubles": Option("int", 3, "doubles in one paragraph that make it a verbatim transcript of "
                                     "speech, whose doubles are not reported", minimum=2),
    }
    DEFAULT_SCOPE = "sentence"
    PLACEHOLDERS = ("match", "word")

    def __init__(self, rule: Rule, context: BuildContext):
        super().__init__(rule, context)
        self.allow = {w.lower() for w in self.options["allow"]}
        self.safe_words = {w.lower() for w in self.options["safe_words"]}

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        # cheap test first (all in C): any whitespace token equal to the next one?
        words = doc.lowered.translate(_APART).split()
        if not any(map(operator.eq, words, words[1:])):
            return
        found = list(self._doubles(doc))  # (view offset, finding)
        limit = self.options["transcript_doubles"]
        if len(found) >= limit:
            starts = [b.start for b in doc.blocks]
            block = {at: bisect.bisect_right(starts, at) for at, _ in found}
            per_block = Counter(block.values())
            found = [(at, d) for at, d in found if per_block[block[at]] < limit]
        yield from (d for _, d in found)

    def _doubles(self, doc: Document) -> Iterator[tuple[int, Diagnostic]]:
        spans = None
        view = doc.view
        for m in _DOUBLE.finditer(view):
            first, second = m.group(1), m.group(3)
            if first.lower() in self.allow or (first[0].isupper() and second[0].isupper()):
                continue
            if first != second and not (first[0].isupper() and first.lower() == second):
                continue  # "The the" is a double; "the The" is a sentence joined to a heading
            if first != second and not _opens_a_sentence(view, m.start()):
                continue  # "the Rustic Drive In in Smithfield": a name's last word, then the word
            if self._ends_a_name(view, m.start()) or self._grammatical(view, m, first.lower()) \
                    or _PREFIXED.search(view, max(0, m.start() - 8), m.start()) or _chanted(view, m):
                continue
            if view[m.end():m.end() + 1] == "-" and view[m.start() - 1:m.start()] != "-" \
                    and first.lower() in _STRANDABLE:
                continue  # "more common than in in-person voting": the second opens a compound
            if spans is None and self.rule.scope != "document":
                spans = self.spans(doc)
            start, end = m.start(), m.end()
            if not self.wanted(doc, start, end, spans) or doc.in_post(start, end):
                continue
            s, e = doc.source_span(m.end(1), m.end(3))
            safe = first.lower() in self.safe_words and not doc.in_quote(start, end)
            fix = Fix((Edit(s, e - s, ""),), safe=safe)
            yield start, self.report(doc, start, end, suggestions=[first], fix=fix, word=first)

    @staticmethod
    def _grammatical(view: str, m: re.Match, word: str) -> bool:
        """Whether grammar doubles the word here (see the module's docstring)."""
        before = view[max(0, m.start() - 80):m.start()]
        if word in _ORDINALS:
            nxt = view[m.end():m.end() + 3].lstrip(" \t-")  # "the first first husband", "last last-minute"
            return bool(_DETERMINER.search(before)) and nxt[:1].islower()
        if word not in _STRANDABLE:
            return False
        if _POINT_IN_TIME.match(view, m.end()):
            # "died in in 2010" is a slip; "was sworn in in January" a verb that takes its particle
            return word == "in" and _SWORN_IN.search(before) is not None
        if _OBJECT_RELATIVE.search(before):
            return True
        return bool(_VERB_ENDING.search(before)) and (_STRETCH_OF_TIME.match(view, m.end()) is not None
                                                      or _SET_PHRASE.match(view, m.end()) is not None)

    @staticmethod
    def _ends_a_name(view: str, start: int) -> bool:
        """Whether the word at `start` ends a hyphenated name ("Jae-in", "Abdel-Aziz") or a
        hyphenated noun made with a particle, before the preposition it is ("a drive-in in years",
        "the sit-in on campus")."""
        if start < 2 or view[start - 1] != "-":
            return False
        word = _WORD.match(view, start)
        if word is not None and word.group().lower() in _STRANDABLE:
            return True
        begin = start - 1
        while begin > 0 and (view[begin - 1].isalpha() or view[begin - 1] in "-'’"):
            begin -= 1
        return view[begin].isupper()


def _chanted(view: str, m: re.Match) -> bool:
    """Whether the pair is part of a word said three times or more, as a chant or a song repeats
    it ("Na na na na", "hey hey, hey"): typing doubles a word, it does not triple it."""
    word = m.group(1).lower()
    after = _REPEAT_AFTER.match(view, m.end())
    before = _REPEAT_BEFORE.search(view, max(0, m.start() - len(word) - 3), m.start())
    return (after is not None and after.group(1).lower() == word) or \
        (before is not None and before.group(1).lower() == word)


def _opens_a_sentence(view: str, start: int) -> bool:
    """Whether the word at `start` may open a sentence or a line: it does not follow a word, a
    comma or a semicolon in its line ("the Rustic Drive In in": inside a name)."""
    k = start
    while k > 0 and view[k - 1] in " \t":
        k -= 1
    return k == 0 or not (view[k - 1].isalnum() or view[k - 1] in ",;")
