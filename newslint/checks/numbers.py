"""number: the same quantity stated twice, differently.

  ages       "Smith, 57," or "the 57-year-old" ... "the 56-year-old" for the same person
             ("the N-year-old" is the person named last before it)
  durations  "three-day summit" ... "the two-day summit" (event classes from the YAML)
  counts     "1,200 jobs will be cut" ... "2,100 jobs will be cut": the same noun with the same
             verb, in different sentences

A change stated as such ("rose from 1,200 to 2,100", "revised", "another 300") is not a
contradiction: the change cues are the rule's YAML.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from ..diagnostic import Diagnostic
from ..document import Document
from ..document.people import bare, capitalised, people
from ..document.tokens import strip_possessive
from .base import Check, Option

NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
_NUM = r"(?:\d[\d,]*|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|" \
       r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)"
_AGE_AFTER_NAME = re.compile(r",\s(?:aged\s)?(\d{1,3}),")
_YEAR_OLD = re.compile(rf"\b(?P<n>{_NUM})-year-old\b(?:\s+(?P<name>[A-Z][\w’'-]+))?", re.IGNORECASE)


@dataclass(frozen=True)
class Quantity:
    key: str         # what is counted: a person, an event class, a noun + verb
    value: int
    start: int       # the number's span
    end: int
    sentence: int    # index of the sentence


def _value(text: str) -> int | None:
    text = text.lower().replace(",", "")
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text]
    return int(text) if text.isdigit() else None


class NumberConsistency(Check):
    NAME = "number"
    DESCRIPTION = "Flags the same age, duration or count stated twice with different numbers."
    OPTIONS = {
        "durations": Option("mapping_of_lists", {}, "event class -> nouns whose length is compared"),
        "units": Option("strings", ["hour", "day", "week", "month", "year"], "units of a duration"),
        "counts": Option("strings", [], "nouns whose counts are compared"),
        "count_verbs": Option("strings", [], "verbs that make two counts the same thing (cut, killed...)"),
        "change_cues": Option("strings", [], "words that state a change, so that two numbers do not contradict"),
    }
    SCOPES = ("document",)
    DEFAULT_SCOPE = "document"
    PLACEHOLDERS = ("match", "what", "other", "line")

    def __init__(self, rule, context):
        super().__init__(rule, context)
        opts = self.options
        self.duration_class = {n.lower(): cls for cls, nouns in opts["durations"].items() for n in nouns}
        self.change = {w.lower() for w in opts["change_cues"]}
        self.count_verbs = {w.lower() for w in opts["count_verbs"]}
        units = "|".join(re.escape(u) for u in opts["units"])
        self.duration = re.compile(rf"\b(?P<n>{_NUM})[- ](?P<unit>{units})s?(?:[- ]long)?\s+(?P<noun>[a-z]+)",
                                   re.IGNORECASE) if units else None
        nouns = "|".join(re.escape(n) for n in sorted(opts["counts"], key=len, reverse=True))
        self.count = re.compile(rf"\b(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d{{2,}})\s+(?:[a-z]+\s+)?(?P<noun>{nouns})\b") \
            if nouns else None

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        sentences = doc.sentences
        if not sentences:
            return
        quantities = list(self._ages(doc)) + list(self._durations(doc)) + list(self._counts(doc))
        by_key: dict[str, list[Quantity]] = {}
        for q in quantities:
            by_key.setdefault(q.key, []).append(q)
        for key, group in by_key.items():
            values = {q.value for q in group}
            if len(values) < 2:
                continue
            first = group[0]
            for q in group[1:]:
                if q.value == first.value or q.sentence == first.sentence \
                        or self._changed(doc, q) or self._changed(doc, first):
                    continue
                yield self.report(doc, q.start, q.end, suggestions=[doc.view[first.start:first.end]],
                                  related=[(first.start, first.end, f"{key}: {doc.view[first.start:first.end]} here")],
                                  what=key, other=doc.view[first.start:first.end], line=doc.line_of(first.start))

    def _sentence_of(self, doc: Document, offset: int) -> int:
        import bisect
        return max(0, bisect.bisect_right(doc.sentences, (offset, float("inf"))) - 1)

    def _changed(self, doc: Document, q: Quantity) -> bool:
        s, e = doc.sentences[q.sentence]
        words = {w.strip(",.;:()\"“”'’").lower() for w in doc.view[s:e].split()}
        return bool(self.change & words)

    def _ages(self, doc: Document) -> Iterator[Quantity]:
        cast = people(doc)
        view = doc.view
        named: list[Quantity] = []
        anaphoric: list[tuple[int, int, int]] = []
        for t in doc.tokens:
            if capitalised(t) and bare(t) not in cast.places:  # "Okafor, 57," names a person by itself
                m = _AGE_AFTER_NAME.match(view, t.end)
                if m and 0 < int(m.group(1)) < 120:
                    named.append(Quantity(f"the age of {bare(t)}", int(m.group(1)), m.start(1), m.end(1),
                                          self._sentence_of(doc, m.start(1))))
        for m in _YEAR_OLD.finditer(view):
            value = _value(m.group("n"))
            if value is None:
                continue
            name = strip_possessive(m.group("name") or "")
            if name in cast.persons:
                named.append(Quantity(f"the age of {name}", value, m.start("n"), m.end("n"),
                                      self._sentence_of(doc, m.start())))
            else:
                anaphoric.append((m.start("n"), m.end("n"), value))
        known_ages = {q.value for q in named}
        aged = {q.key for q in named}
        persons_at = [(t.start, bare(t)) for t in doc.tokens if capitalised(t)
                      and (bare(t) in cast.persons or f"the age of {bare(t)}" in aged)]
        for start, end, value in anaphoric:
            before = [name for at, name in persons_at if at < start]
            if not before:
                continue
            person = before[-1]
            stated = {q.value for q in named if q.key == f"the age of {person}"}
            if stated and value not in stated and value in known_ages:
                continue  # the age of someone else: "the 45-year-old" after another person's name
            named.append(Quantity(f"the age of {person}", value, start, end, self._sentence_of(doc, start)))
        yield from sorted(named, key=lambda q: q.start)

    def _durations(self, doc: Document) -> Iterator[Quantity]:
        if self.duration is None:
            return
        for m in self.duration.finditer(doc.view):
            cls = self.duration_class.get(m.group("noun").lower())
            value = _value(m.group("n"))
            if cls is None or value is None:
                continue
            unit = m.group("unit").lower()
            yield Quantity(f"the length of the {cls} in {unit}s", value, m.start(), m.end("unit"),
                           self._sentence_of(doc, m.start()))

    def _counts(self, doc: Document) -> Iterator[Quantity]:
        if self.count is None or not self.count_verbs:
            return
        view = doc.view
        seen_sentences: dict[str, set[int]] = {}
        for m in self.count.finditer(view):
            sentence = self._sentence_of(doc, m.start())
            s, e = doc.sentences[sentence]
            words = [w.strip(",.;:()\"“”'’").lower() for w in view[m.end():e].split()[:5]]
            verbs = self.count_verbs & set(words)
            if len(verbs) != 1:
                continue
            key = f"the number of {m.group('noun')} {verbs.pop()}"
            if sentence in seen_sentences.setdefault(key, set()):
                continue  # two counts in one sentence are a breakdown, not a restatement
            seen_sentences[key].add(sentence)
            yield Quantity(key, _value(m.group("n")) or 0, m.start("n"), m.end("n"), sentence)
