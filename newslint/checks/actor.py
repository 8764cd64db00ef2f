"""actor: the same event attributed to two people.

An article establishes who makes a trip (a visit, a speech...): possessives ("Blinken’s
two-day visit"), by-phrases ("the trip by Blinken") and subjects ("Blinken ... met", a headline
"Blinken meets ... on trip to Beijing"). When a sentence gives the same event (same event
class, same destination) to another person named in the article ("Biden’s visit to Beijing"),
that is flagged, with the places that establish the real actor as related locations.

Distinct events are left alone: another destination, a time of its own ("next month", "in
November"), or a cue such as "also", "after" or "own" near the mention. Event nouns, verbs and
cue words are the rule's YAML.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..core.diagnostic import Diagnostic
from ..core.errors import OptionError
from ..core.options import Option
from ..document.dates import MONTHS, WEEKDAYS, YEAR
from ..document.model import Document
from ..document.people import People, bare, capitalised, people, possessive
from ..document.tokens import Token
from .shared.check import Check

_TIME_WORDS = {m for m in MONTHS if len(m) > 3}
_CALENDAR = set(WEEKDAYS) | {m.capitalize() for m in MONTHS}
# cue words that mark a time of its own when they follow the event phrase
_TIME_CUES = {"next", "last", "earlier", "later", "ago", "previous", "upcoming", "week", "month", "year",
              "tomorrow", "yesterday"}


@dataclass(frozen=True)
class Mention:
    actor: str
    event: str           # the event class
    noun: str            # the word used
    start: int           # the actor's span
    end: int
    kind: str            # possessive, by, subject (of a sentence naming the event), verb
    destination: str | None  # attached to the event phrase
    sentence: tuple[int, int]
    phrase_end: int      # where the event phrase ("visit to Beijing") ends


class Actor(Check):
    NAME = "actor"
    DESCRIPTION = "Flags an event attributed to one person in most places and to another in one."
    OPTIONS = {
        "events": Option("mapping_of_lists", help="event class -> the nouns that name it"),
        "verbs": Option("mapping_of_lists", {}, "event class -> verbs whose subject makes the event"),
        "distinct": Option("strings", [], "words near a mention that make it a different event"),
        "window": Option("int", 5, "words after the mention read for distinct cues and times", minimum=0),
        "min_evidence": Option("int", 2, "mentions needed to establish who makes the event", minimum=1),
    }
    SCOPES = ("document",)
    DEFAULT_SCOPE = "document"
    PLACEHOLDERS = ("match", "event", "actor", "other", "lines")

    def __init__(self, rule, context):
        super().__init__(rule, context)
        self.noun_class = {n.lower(): cls for cls, nouns in self.options["events"].items() for n in nouns}
        self.verb_class = {v.lower(): cls for cls, verbs in self.options["verbs"].items() for v in verbs}
        self.distinct = {w.lower() for w in self.options["distinct"]}
        words = self.noun_class.keys() | self.verb_class.keys()
        self.event_words = context.phrases.register(sorted(words | {w + "s" for w in words}), ignorecase=True)

    @classmethod
    def validate_options(cls, options: dict) -> None:
        if not options["events"]:
            raise OptionError("an actor rule needs at least one event class in 'events'")

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        mentions = list(self._mentions(doc))
        by_event: dict[str, list[Mention]] = {}
        for m in mentions:
            by_event.setdefault(m.event, []).append(m)
        cast = people(doc)
        for group in by_event.values():
            counts: dict[str, int] = {}
            for m in group:
                counts[m.actor] = counts.get(m.actor, 0) + 1
            ranked = sorted(counts.items(), key=lambda kv: -kv[1])
            main, main_count = ranked[0]
            if main_count < self.options["min_evidence"] or (len(ranked) > 1 and ranked[1][1] == main_count):
                continue
            established = [m for m in group if m.actor == main]
            places = {m.destination for m in established if m.destination} | \
                {d for m in established for d in self._sentence_places(doc, m.sentence)}
            for m in group:
                if m.actor == main or m.kind in ("subject", "verb") or m.destination not in places \
                        or m.actor not in cast.persons:
                    continue
                if self._distinct(doc, m):
                    continue
                evidence = self._one_per_line(doc, established, doc.line_of(m.start))
                lines = [doc.line_of(e.start) for e in evidence]
                yield self.report(
                    doc, m.start, m.end, suggestions=[main],
                    related=[(e.start, e.end, _note(e)) for e in evidence[:6]],
                    event=f"{m.noun} to {m.destination}", actor=main, other=m.actor,
                    lines=", ".join(str(n) for n in lines))

    # evidence -------------------------------------------------------------------------------

    def _mentions(self, doc: Document) -> Iterator[Mention]:
        tokens = doc.tokens
        view = doc.view
        hits = [m.start for m in self.event_words.find(doc)]
        if not hits:
            return
        cast = people(doc)
        sentences = doc.sentences
        with_events = sorted({doc.sentence_index(at) for at in hits})
        for s_start, s_end in (sentences[k] for k in with_events if k >= 0):
            idx = list(doc.token_range(s_start, s_end))
            subject = next((tokens[i] for n, i in enumerate(idx) if _nameable(tokens[i], cast)
                            and not (n + 1 < len(idx) and capitalised(tokens[idx[n + 1]]))), None)
            claimed: set[int] = set()
            for j, i in enumerate(idx):
                tok = tokens[i]
                word = tok.text.lower()
                cls = self.noun_class.get(word) or self.noun_class.get(word.rstrip("s"))
                if cls is None:
                    continue
                dest, phrase_end = self._destination(tokens, idx[j + 1:], view)
                phrase_end = max(phrase_end, tok.end)
                # possessive: "Blinken’s two-day visit"
                owner = next((tokens[k] for k in reversed(idx[max(0, j - 3):j])
                              if possessive(tokens[k]) and _nameable(tokens[k], cast)), None)
                if owner is not None:
                    claimed.add(owner.start)
                    claimed.add(tok.start)
                    yield self._mention(owner, cls, tok.text, "possessive", dest, (s_start, s_end), phrase_end)
                    continue
                # by-phrase: "the trip (to Beijing) by (Nancy) Pelosi"
                by_actor = self._by_actor(tokens, idx[j + 1:j + 8], cast)
                if by_actor is not None:
                    claimed.add(tok.start)
                    yield self._mention(by_actor, cls, tok.text, "by", dest, (s_start, s_end), by_actor.end)
                    continue
                if subject is not None and subject.start < tok.start and subject.start not in claimed:
                    claimed.add(tok.start)
                    yield self._mention(subject, cls, tok.text, "subject", dest, (s_start, s_end), phrase_end)
            if subject is not None:
                for n, i in enumerate(idx):
                    cls = self.verb_class.get(tokens[i].text.lower())
                    if cls is not None and tokens[i].start > subject.start and tokens[i].start not in claimed:
                        dest, phrase_end = self._destination(tokens, idx[n + 1:], view)
                        yield self._mention(subject, cls, tokens[i].text, "verb", dest, (s_start, s_end),
                                            max(phrase_end, tokens[i].end))
                        break

    @staticmethod
    def _one_per_line(doc: Document, mentions: list[Mention], skip_line: int) -> list[Mention]:
        """The strongest evidence on each line: a possessive or by-phrase before a subject."""
        best: dict[int, Mention] = {}
        for e in mentions:
            line = doc.line_of(e.start)
            weak = ("subject", "verb")
            if line != skip_line and (line not in best or (best[line].kind in weak and e.kind not in weak)):
                best[line] = e
        return [best[line] for line in sorted(best)]

    @staticmethod
    def _mention(token, cls, noun, kind, dest, sentence, phrase_end) -> Mention:
        name = bare(token)
        return Mention(name, cls, noun, token.start, token.end, kind, dest, sentence, phrase_end)

    @staticmethod
    def _destination(tokens, following: list[int], view: str) -> tuple[str | None, int]:
        """'to Beijing' or 'in San Francisco' within the two words after the event word, and
        where that phrase ends (-1 when there is none)."""
        for n, k in enumerate(following[:3]):
            if tokens[k].text.lower() in ("to", "in") and n + 1 < len(following):
                words, end = [], -1
                for m in following[n + 1:n + 4]:
                    if not capitalised(tokens[m]):
                        break
                    words.append(bare(tokens[m]))
                    end = tokens[m].end
                return (" ".join(words) or None), end
        return None, -1

    @staticmethod
    def _by_actor(tokens: list[Token], following: list[int], cast: People) -> Token | None:
        for n, k in enumerate(following):
            if tokens[k].text == "by":
                name = None
                for m in following[n + 1:n + 4]:
                    if not capitalised(tokens[m]):
                        break
                    name = tokens[m]
                return name if name is not None and _nameable(name, cast) else None
        return None

    def _sentence_places(self, doc: Document, sentence: tuple[int, int]) -> set[str]:
        cast = people(doc)
        tokens = doc.tokens
        return {bare(tokens[i]) for i in doc.token_range(*sentence) if bare(tokens[i]) in cast.places}

    def _distinct(self, doc: Document, m: Mention) -> bool:
        """Cues that make the mention an event of its own: a cue word from just before the actor
        to the end of the event phrase ("Biden’s own visit", "after Biden’s visit"), or a time
        right after it ("visit to Beijing next month", "... in 2019")."""
        view = doc.view
        before = view[max(m.sentence[0], m.start - 40):m.start].split()[-3:]
        inside = view[m.start:m.phrase_end].split()
        after = view[m.phrase_end:m.sentence[1]].split()[:self.options["window"]]
        words = {_clean(w) for w in before + inside}
        if self.distinct & words or _TIME_WORDS & words:
            return True
        later = {_clean(w) for w in after[:3]}
        return bool(_TIME_WORDS & later or self.distinct & later & _TIME_CUES
                    or any(YEAR.fullmatch(w) for w in later))


def _nameable(token, cast) -> bool:
    """A capitalised word that may name who makes an event: not a place or a day or month.
    The person who is said to make it instead must also be known as a person."""
    return capitalised(token) and bare(token) not in cast.places and bare(token) not in _CALENDAR


def _note(e: Mention) -> str:
    return f"{e.actor} {e.noun} here" if e.kind == "verb" else f"the {e.noun} is {e.actor}'s here"


def _clean(word: str) -> str:
    return word.strip(",.;:()\"“”'’").lower()
