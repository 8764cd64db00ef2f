"""actor: the same event attributed to two people.

An article establishes who makes a trip (a speech, a report, a budget, a ruling...):
possessives ("Blinken’s two-day visit"), by-phrases ("the trip by Blinken"), subjects ("Blinken
... met", a headline "Blinken meets ... on trip to Beijing"; not a negated one: "who was not
invited on the tour") and roles ("the minister's visit", for "Raman, the minister for ...").
When a sentence gives the same event (same event class, same destination) to another person
named in the article ("Biden’s visit to Beijing"), that is flagged, with the places that
establish the real actor as related locations.

Distinct events are left alone: another destination, a time of its own ("next month", "in
November"), or a cue such as "also", "after", "own" or "response to" near the mention ("after" only when the
sentence names a second event), or a comparison right after it ("Price's budget, like Ryan's");
and when the established actor's own is "a rival budget", the
article has two. Two people with the event as often: it is the first person the body names
(after a lede about a thing: "A report by the state auditor found ..."), unless another gives
the event first. "Met" makes a trip only with a place ("met Xi in Beijing", not "met staff").
The event is someone's by a possessive, a by-phrase or a pronoun, or by being the subject that
makes it in two sentences ("Gov. Delgado led a trade mission to Japan" ... "In Tokyo, Delgado
met ..."; not of events in the plural: "voted against the last two budgets").
Acts one person does on a thing ("proposed the moratorium", "put forward the scheme", "donated the
collection": the YAML's `sole_acts` and `sole_objects`) are read apart too, with no date: told of
two people, the later telling that takes the thing up with "the" is flagged, unless someone acted
with them ("Ames and Roe proposed", "with Sen. Roe").
Acts told with a date are read apart: the same verb on "the" thing with the same date ("introduced
the bill in January") given to two people is one act told twice, the later telling flagged.
Event nouns, verbs and cue words are the rule's YAML.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterator

from ..core.diagnostic import Diagnostic
from ..core.errors import OptionError
from ..core.options import Option
from ..document.dates import MONTH_NAME, MONTHS, WEEKDAYS, YEAR
from ..document.model import Document
from ..document.people import CALENDAR, People, bare, capitalised, people, possessive, vocabulary
from ..document.readers.text import is_headline
from ..document.tokens import Token, straight_apostrophes
from ..document.tokens import strip_possessive as bare_word
from .agreement import VERB_OPENERS
from .shared.article_model import article, headline, words
from .shared.check import Check

_TIME_WORDS = {m for m in MONTHS if len(m) > 3}
_POSSESSIVE_ENDINGS = ("’s", "'s", "s’", "s'")  # "Ochs' trade mission" too
GIVEN_NAME_ZIPF = 3.5  # a word before a surname rarer than this is a given name, not "Prime" or "Deputy"
# participles before "by" that name an event's maker ("a report written by", "a visit led by"); after
# any other ("disclosed by", "published by", "criticised by") the name is someone else's
_MADE_BY = {"written", "prepared", "compiled", "conducted", "delivered", "given", "led", "made", "produced",
            "authored", "drafted", "carried", "undertaken", "hosted", "organised", "organized"}
# words that may stand between an event word and its "by": "the visit to the city on Friday by"
_BEFORE_BY = {"to", "in", "at", "on", "the", "a", "an", "last", "this", "next", "of", "was", "were", "is", "are",
              "been", "being", "be"}
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
    kind: str            # possessive, by, fronted ("In her ruling, Whitcombe"), subject (of a sentence
                         # naming the event), verb, pronoun ("her speech", "the pope's trip": evidence for
                         # the established actor, never flagged)
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
        "rival": Option("strings", [], "words that make the established actor's event one of two"),
        "window": Option("int", 5, "words after the mention read for distinct cues and times", minimum=0),
        "min_evidence": Option("int", 2, "mentions needed to establish who makes the event", minimum=1),
        "placeless": Option("strings", [], "event classes whose 'to ...' names an audience, not a place"),
        "audiences": Option("mapping_of_lists", {}, "event class -> participles that, opening a sentence with an "
                            "audience counted ('Speaking to about 300 tenants, ...'), make the event the "
                            "subject's"),
        "acts": Option("mapping_of_lists", {}, "event class -> verbs whose object is the event ('signed the bill', "
                       "'delivered the speech'): their subject makes it, and another's act on 'the' event is flagged"),
        "act_only": Option("strings", [], "event classes read from their acts only: a bill's possessive names its "
                           "sponsor ('Sen. Lee's bill'), not who signs it"),
        "needs_place": Option("strings", [], "verbs that make the event only with a place named: 'met Xi in "
                              "Beijing' is a trip, 'met staff in the canteen' none"),
        "makes": Option("strings", [], "words before an event in a headline that naming no one says someone makes it "
                        "('mayor presents budget'): the person the body names first"),
        "deed_verbs": Option("strings", [], "past tenses not in -ed whose dated act on 'the' thing is one person's "
                             "('won the seat in 2019'); any verb in -ed is one too"),
        "bodies": Option("strings", [], "nouns after an event word that make it a body's or a job's name "
                         "('budget office', 'speech writer'): no event"),
        "shared_acts": Option("strings", [], "past tenses of acts that many do on one day: to speak or react "
                              "('told the committee on Monday', 'welcomed the ruling')"),
        "sole_acts": Option("mapping_of_lists", {}, "act -> past tenses of an act one person does on a thing "
                            "('introduced', 'put forward', 'donated'): told of two people, with no date, it is "
                            "flagged where the later telling takes the thing up with 'the'"),
        "sole_objects": Option("mapping_of_lists", {}, "act -> the nouns of the things it is done on: proposed: "
                               "[bill, motion, moratorium]"),
        "things": Option("mapping_of_lists", {}, "thing -> nouns that name it, so that two tellings of an act "
                         "on either are one: plan: [plan, scheme]"),
        "goal_nouns": Option("strings", [], "nouns of a score in a match, which one player makes in a given minute "
                             "('Okafor's 67th-minute goal')"),
        "scoring_verbs": Option("strings", [], "verbs that make a score by themselves ('Delgado scored in the 67th "
                                "minute')"),
        "shooting_verbs": Option("strings", [], "verbs that make a score only with a goal noun or 'in', 'home' after "
                                 "them ('curled in a 78th-minute winner'; not 'headed wide in the 78th minute')"),
    }
    SCOPES = ("document",)
    DEFAULT_SCOPE = "document"
    PLACEHOLDERS = ("match", "event", "actor", "other", "lines")

    def __init__(self, rule, context):
        super().__init__(rule, context)
        self.noun_class = {n.lower(): cls for cls, nouns in self.options["events"].items() for n in nouns}
        self.verb_class = {v.lower(): cls for cls, verbs in self.options["verbs"].items() for v in verbs}
        self.distinct = {w.lower() for w in self.options["distinct"]}
        self.rival = {w.lower() for w in self.options["rival"]}
        self.placeless = set(self.options["placeless"])
        self.needs_place = {v.lower() for v in self.options["needs_place"]}
        self.makes = [w.lower().split() for w in self.options["makes"]]
        self.audience_class = {v.lower(): cls for cls, verbs in self.options["audiences"].items() for v in verbs}
        words = self.noun_class.keys() | self.verb_class.keys()
        self.event_words = context.phrases.register(sorted(words | {w + "s" for w in words}), ignorecase=True)
        self.act_class = {v.lower(): cls for cls, verbs in self.options["acts"].items() for v in verbs}
        self.act_words = context.phrases.register(sorted(self.act_class), ignorecase=False) if self.act_class else None
        self.bodies = {w.lower() for w in self.options["bodies"]}
        self.shared_acts = {v.lower() for v in self.options["shared_acts"]}
        pasts = "|".join(sorted(map(re.escape, self.options["deed_verbs"]), key=len, reverse=True))
        self.deed = re.compile(_DEED.replace("VERBS", rf"[a-z]{{2,}}ed|{pasts}" if pasts else r"[a-z]{2,}ed"))
        self.sole = _sole_patterns(self.options["sole_acts"], self.options["sole_objects"])
        self.thing = {n.lower(): cls for cls, nouns in self.options["things"].items() for n in nouns}
        self.winners = _winner_patterns(self.options["scoring_verbs"], self.options["shooting_verbs"])
        self.goals = _goal_patterns(self.options["goal_nouns"], self.options["scoring_verbs"],
                                    self.options["shooting_verbs"])

    @classmethod
    def validate_options(cls, options: dict) -> None:
        if not options["events"]:
            raise OptionError("an actor rule needs at least one event class in 'events'")

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        mentions = list(self._mentions(doc))
        mentions += self._headline_mentions(doc, mentions) + self._audience_mentions(doc, mentions) + \
            self._act_mentions(doc) + list(self._named_mentions(doc))
        by_event: dict[str, list[Mention]] = {}
        for m in mentions:
            by_event.setdefault(m.event, []).append(m)
        cast = people(doc)
        reported: set[int] = set()  # one finding a name: "Mr Haq's budget speech" is one event, not two
        for group in by_event.values():
            counts: dict[str, int] = {}
            for m in group:
                counts[m.actor] = counts.get(m.actor, 0) + 1
            ranked = sorted(counts.items(), key=lambda kv: -kv[1])
            main, main_count = ranked[0]
            doer = self._told_doer(doc, group, cast)
            if doer is not None:
                main = doer
            elif main_count < self.options["min_evidence"] or (len(ranked) > 1 and ranked[1][1] == main_count):
                lede = self._lede_person(doc, cast)  # a tie goes to the person the article opens with
                if lede is None or counts.get(lede, 0) < main_count or len(ranked) < 2 \
                        or min(m.start for m in group if m.kind not in _EVIDENCE_ONLY or m.actor == lede) \
                        < min(m.start for m in group if m.actor == lede):
                    continue  # nor when another gives the event first ("Ambler's report" before "Moss's")
                main = lede
            established = [m for m in group if m.actor == main]
            if doer is None and not any(m.kind in ("possessive", "by", "pronoun", "fronted", "headline", "audience",
                                                   "act") for m in established) \
                    and len({m.sentence for m in established}) < 2 and not self._lede_trip(doc, established):
                continue  # a subject in one sentence does not make the event someone's; in two it does
            others = {m.actor for m in group} - {main}
            places = {m.destination for m in established if m.destination} | \
                {d for m in established for d in self._sentence_places(doc, m.sentence, others)} | \
                self._places_of_no_one(doc, cast.persons - {main})
            own = {m.actor for m in group if self._distinct(doc, m)}  # "Lim will give his own address"
            # "Lt. Gov. Carla Mendes will lead a separate delegation to Mexico City": an event of her own,
            # there, or where the mention names no place
            said_own = {actor: where for actor in others if (where := self._own_said(doc, actor)) is not None}
            if any(m.actor == main and self._rival(doc, m) for m in group):
                continue  # "Sato unveiled a rival budget": the article itself has two
            for m in group:
                if straight_apostrophes(m.actor) == straight_apostrophes(main) or m.kind in _EVIDENCE_ONLY \
                        or m.actor not in cast.persons or m.actor.lower() in words()["institutions"] \
                        or m.actor in own \
                        or (m.actor in said_own and (m.destination is None or m.destination in said_own[m.actor])) \
                        or not self._same_place(doc, m, places, counts, established):
                    continue
                if m.start in reported:
                    continue
                reported.add(m.start)
                evidence = self._one_per_line(doc, established, doc.line_of(m.start))
                lines = [doc.line_of(e.start) for e in evidence]
                yield self.report(
                    doc, m.start, m.end, suggestions=[main],
                    related=[(e.start, e.end, _note(e)) for e in evidence[:6]],
                    event=f"{m.noun} to {m.destination}" if m.destination else m.noun, actor=main, other=m.actor,
                    lines=", ".join(str(n) for n in lines))
        for first, again in (*self._deeds(doc), *self._sole_deeds(doc), *self._goals(doc)):
            if again.start not in reported:
                reported.add(again.start)
                yield self.report(doc, again.start, again.end, suggestions=[first.actor],
                                  related=[(first.start, first.end, f"{first.actor} {first.act} here")],
                                  event=f"act ('{again.act}')", actor=first.actor, other=again.actor,
                                  lines=str(doc.line_of(first.start)))

    def _told_doer(self, doc: Document, group: list[Mention], cast: People) -> str | None:
        """Of two people given an event once each, the one the story tells going somewhere by
        name ("Gwen Rowlands travelled to Chengdu") before the other is made its owner by a
        possessive ("during Mr Parry's trip"): a told journey outweighs a later owner, where one
        subject alone makes nobody's event. Not an act many share ("visited", "met"), and the
        name right before its verb (not "Seeking to give Saccone a boost, Trump traveled"). So
        too an act on the event told first ("Gov. Ray Talbot signed a bill") against the same act
        given to another later ("praised Ocampo for signing the measure")."""
        if len(group) != 2:
            return None
        first, then = sorted(group, key=lambda m: m.start)
        if first.kind == "acted" and then.kind == "act" and first.actor != then.actor:
            # "Gov. Ray Talbot signed a bill" ... "praised Ocampo for signing the measure"; not where the
            # later names a place the first does not ("and Pennsylvania Gov. Tom Wolf signed the bill")
            there = _words_of(doc, then.sentence) & cast.places
            return first.actor if there <= _words_of(doc, first.sentence) & cast.places else None
        if first.kind != "verb" or then.kind != "possessive" or first.actor == then.actor \
                or first.destination is None or first.noun.lower() in self.shared_acts \
                or first.actor not in cast.persons or first.sentence == then.sentence \
                or not doc.view.startswith(" " + first.noun, first.end):
            return None
        return first.actor

    def _deeds(self, doc: Document) -> Iterator[tuple["Deed", "Deed"]]:
        """One dated act told of two people: "State Sen. Marcia Delgado ... introduced the bill in
        January" ... "Whitaker, who introduced the bill in January". The same verb with the same
        date (a weekday, a month, a year) is one act, which one person did; the later telling,
        on "the" thing, gives it to another. Not an act on a thing of one's own ("announced his
        bid on Monday"), nor one done together ("Ames and Roe signed", "signed it with Roe"), nor
        inside a quotation."""
        model = article(doc)
        cast, view = model.cast, doc.view
        told: dict[tuple[str, str], list[Deed]] = {}
        for m in self.deed.finditer(view):
            who, verb = m.group("name"), m.group("verb")
            if who not in cast.persons or who in model.namesakes or verb in self.shared_acts \
                    or who.lower() in words()["institutions"] or _JOINED.search(view, max(0, m.start() - 6), m.start()):
                continue
            _, e = doc.sentence_at(m.start())
            when = None if m.group("time") else _DEED_TIME.search(view, m.end(), min(e, m.end() + _DEED_REACH))
            time = m.group("time") or (when.group(0) if when else None)
            end = when.end() if when else view.find(" ", m.end() + 1, e)
            if time is None or end < 0 or _CLAUSE_END.search(view, m.end(), end) or doc.in_quote(m.start(), end):
                continue
            act = view[m.start("verb"):end] + ("" if when else f" {time}")  # "introduced the bill in January"
            key = (verb, time.removeprefix("on ").removeprefix("last ").lower())
            told.setdefault(key, []).append(Deed(who, act, m.group("det"), m.start("name"), m.end("name"),
                                                 frozenset(_CAPITALISED.findall(view, m.start(), end))))
        for deeds in told.values():
            first = deeds[0]
            for again in deeds[1:]:
                if again.actor != first.actor and again.det in ("the", "this") \
                        and first.actor not in again.names and again.actor not in first.names:
                    yield first, again

    def _sole_deeds(self, doc: Document) -> Iterator[tuple["Deed", "Deed"]]:
        """One act on one thing told of two people, with no date: "Councilwoman Patricia Delgado
        proposed the moratorium" (or "The plan was put forward by the council leader, Margaret
        Pryce") ... "Huber, who introduced the moratorium". The acts are ones a single person does
        (YAML `sole_acts`), on things named by `sole_objects`, two nouns of one of `things` being
        one thing; the later telling must take the thing up with "the" or "this", and neither may
        be done with someone ("Ames and Roe proposed", "with Roe") nor inside a quotation, nor may
        the later telling name another place for it ("in the House" after "in the Senate")."""
        if not self.sole:
            return
        model = article(doc)
        cast, view = model.cast, doc.view
        told: dict[tuple[str, str], list[Deed]] = {}
        tellings = [(act, m, (m.group("name"), m.start("name")) if "name" in pattern.groupindex
                     else self._by_whom(doc, m)) for act, pattern in self.sole for m in pattern.finditer(view)]
        # a person named in full is one ("Walter Brandt"), though the surname also names a place ("the Brandt Gallery")
        named_in_full = {r.end for r in model.runs if r.size >= 2 and r.given}
        for act, m, (who, at) in sorted(tellings, key=lambda t: t[1].start()):
            if who is None or who not in cast.persons and at + len(who) not in named_in_full or who in model.namesakes \
                    or _JOINED.search(view, max(0, at - 6), at) or _JOINED_AFTER.match(view, at + len(who)) \
                    or doc.in_quote(m.start(), m.end()) or _WITH.match(view, m.end()) \
                    or m.group("verb") == "introduced" and _PRESENTED.match(view, m.end()):
                continue
            head, det = m.group("head").lower(), m.group("det").lower()
            where = _WHERE.match(view, m.end())  # "introduced the bill in the House": where the act was done
            told.setdefault((act, self.thing.get(head, head)), []).append(
                Deed(who, f"{m.group('verb')} the {m.group('words')}{head}", det, at, at + len(who), frozenset(),
                     frozenset(m.group("words").split()), where.group(1) if where else None))
        for deeds in told.values():
            first = deeds[0]
            for again in deeds[1:]:
                if again.actor != first.actor and again.det in ("the", "this") and again.actor in cast.persons \
                        and again.where in (None, first.where) and again.described <= first.described \
                        and doc.sentence_index(again.start) != doc.sentence_index(first.start):
                    yield first, again
                    break

    @staticmethod
    def _by_whom(doc: Document, m: re.Match) -> tuple[str | None, int]:
        """The one person a passive telling's by-phrase names, in full or as the cast knows them
        ("was put forward by the council leader, Margaret Pryce"), or None for none or two ("by
        Ames and Roe")."""
        model = article(doc)
        inside = [r for r in model.runs if m.start("by") <= r.start and r.end <= m.end("by")]
        runs = [r for r in inside if r.surname in model.cast.persons] or [r for r in inside if r.size >= 2 and r.given]
        if len(runs) != 1:
            return None, 0  # (a person of the cast before a party's name: "Cllr Joanna Whitlock, the Liberal Democrat")
        return runs[0].surname, runs[0].end - len(runs[0].surname)

    def _goals(self, doc: Document) -> Iterator[tuple["Deed", "Deed"]]:
        """One score told of two players: "Maria Delgado scored in the 67th minute" ... "Okafor's
        67th-minute goal", "Callum Reid scored the winner" ... "Adeyemi's winner". A minute holds
        one score of a match, and a match one winner, which one player makes; a report of
        several matches (more than three different scorelines: a round-up) may hold two in one
        minute, and is left alone, as are quotations. (A score's Deed has no determiner or names of
        its own to compare: "the" and none.)"""
        if self.goals is None or len(set(_SCORELINE.findall(doc.view))) > 3:
            return
        view = doc.view
        cast = people(doc)
        by_minute = self.goals if "minute" in view else ()
        scores = sorted((m.start("name"), m.group("n"), scorer) for pattern in by_minute for m in pattern.finditer(view)
                        if (scorer := bare_word(m.group("name"))) in cast.persons
                        and not doc.in_quote(m.start(), m.end()))
        # the match's winner, one player's: "Callum Reid scored the winner" ... "Adeyemi's winner"; only
        # in a report of a match that scores goals (a tennis "winner" is any shot that wins a point), and
        # not one of another match ("after Smith's winner at Leeds last week")
        by_winner = self.winners if _SCORELINE.search(view) and _GOALS_SCORED.search(view) else ()
        scores += sorted((m.start("name"), "winner", scorer) for pattern in by_winner for m in pattern.finditer(view)
                         if (scorer := bare_word(m.group("name"))) in cast.persons
                         and not doc.in_quote(m.start(), m.end())
                         and self.distinct.isdisjoint(w.lower() for w in _WORD.findall(_near(doc, *m.span()))))
        first: dict[str, Deed] = {}
        for start, occasion, scorer in scores:
            deed = Deed(scorer, "scored the winner" if occasion == "winner" else f"scored in minute {occasion}", "the",
                        start, start + len(scorer), frozenset())
            earlier = first.setdefault(occasion, deed)
            if earlier.actor != scorer:
                yield earlier, deed

    @staticmethod
    def _lede_trip(doc: Document, established: list[Mention]) -> bool:
        """The lede's subject going somewhere ("The fisheries minister, Helen Pryce, visited Newlyn
        harbour on Wednesday"): what the story is about, though said once."""
        lede = next((b for b in doc.blocks if b.kind != "heading" and not is_headline(doc.view[b.start:b.end])), None)
        return lede is not None and any(m.kind == "verb" and m.destination and lede.start <= m.start < lede.end
                                        for m in established)

    def _headline_mentions(self, doc: Document, mentions: list[Mention]) -> list[Mention]:
        """The event a headline that names no one says a role holder makes ("Council tax to rise
        as mayor presents budget"), for the person the body names first: the story's
        event is theirs. Not a headline's reaction to it ("Opposition slams budget"), nor a
        body's ("Labour unveils budget plan"), nor a rival ("unveils alternative budget")."""
        blocks = doc.blocks
        if len(blocks) < 2 or not headline(doc):
            return []
        head = (blocks[0].start, blocks[0].end)
        cast = people(doc)
        tokens = [doc.tokens[i] for i in doc.token_range(*head)]
        if any(_person(t, cast) for t in tokens) or any(head[0] <= m.start < head[1] for m in mentions):
            return []
        lede = self._lede_person(doc, cast)
        if lede is None:
            return []
        titles = vocabulary()["titles"]
        found = []
        for n, tok in enumerate(tokens):
            noun = tok.text
            cls = self.noun_class.get(noun.lower())
            if cls is not None:
                role = self._made_by_a_role(tokens[max(0, n - 5):n])
            elif n and (cls := self.verb_class.get(noun.lower())) and tokens[n - 1].text in titles:
                role, noun = tokens[n - 1].text.lower(), cls  # "Governor tours flood-hit town": the governor's trip
            else:
                continue
            if role is not None and _holds(doc, lede, role):
                # the mention spans the words before the noun: "unveils alternative budget" is a rival one
                found.append(Mention(lede, cls, noun, tokens[max(0, n - 4)].start, tok.end, "headline", None,
                                     head, tok.end))
        return found

    def _made_by_a_role(self, before: list[Token]) -> str | None:
        """The role whose holder the words before a headline's event say makes it: a title, then
        one of `makes` ("mayor presents", "Leader unveils")."""
        words = [t.text.lower() for t in before]
        titles = vocabulary()["titles"]
        for k in range(1, len(words)):
            if words[k - 1].capitalize() in titles and any(words[k:k + len(w)] == w for w in self.makes):
                return words[k - 1]
        return None

    def _audience_mentions(self, doc: Document, mentions: list[Mention]) -> list[Mention]:
        """A sentence that opens with a speech to an audience it counts ("Speaking to around 200
        tenants at the town hall, Ms Carver said ..."): the speech is the subject's, the
        person named first after the comma ("Speaking to reporters" is no speech of hers)."""
        if not self.audience_class:
            return []
        view, tokens = doc.view, doc.tokens
        cast = people(doc)
        found = []
        for s, e in doc.sentences:
            participle = view[s:s + 12].split(" ", 1)[0].lower()
            cls = self.audience_class.get(participle)
            if cls is None:
                continue
            comma = view.find(", ", s, e)
            if comma < 0 or not any(tokens[i].kind == "number" for i in doc.token_range(s, comma)):
                continue
            who = next((tokens[i] for i in doc.token_range(comma, e) if _person(tokens[i], cast)), None)
            if who is not None and not any(m.actor == bare(who) and m.sentence == (s, e) for m in mentions):
                found.append(Mention(bare(who), cls, participle, who.start, who.end, "audience", None, (s, e),
                                     who.end))
        return found

    def _act_mentions(self, doc: Document) -> list[Mention]:
        """A person who does an act to the event ("Gov. Ada Quill on Monday signed a
        bill", "Quill signed the measure"): the subject named before the verb, with no speech
        verb between ("an aide said Quill signed ..." is Quill's). With "the", the act is on
        the article's one event, and so flagged when it is another's ("Marsh signed the bill")."""
        if self.act_words is None:
            return []
        tokens = doc.tokens
        cast = people(doc)
        said = vocabulary()["speech_verbs"]
        found = []
        for hit in self.act_words.find(doc):
            s, e = doc.sentence_at(hit.start)
            idx = list(doc.token_range(s, e))
            at = next((n for n, i in enumerate(idx) if tokens[i].start == hit.start), None)
            cls = self.act_class[hit.phrase.lower()]
            noun_at = self._act_object(tokens, idx, at, cls) if at is not None else None
            if noun_at is None or at is None:
                continue
            article_word = tokens[idx[at + 1]].text.lower()
            before = [tokens[i] for i in idx[:at]]
            speech = max((n for n, t in enumerate(before) if t.text in said), default=-1)
            who = next((t for t in reversed(before[speech + 1:]) if _person(t, cast)), None)
            if who is not None:
                # "signed a bill" may be another bill, "her speech" another's; "this year's lecture" is the one
                kind = "act" if article_word in ("the", "this") else "acted"
                found.append(Mention(bare(who), cls, tokens[idx[noun_at]].text, who.start, who.end, kind, None,
                                     (s, e), tokens[idx[noun_at]].end))
        return found

    def _act_object(self, tokens: list[Token], idx: list[int], at: int, cls: str) -> int | None:
        """Where the noun of the event an act's verb (at `at`) is done to stands: after an
        article or a possessive, up to three words on ("signed the budget bill", "gave this
        year's Hartley Lecture"), or past the event's name ("delivered her State of the City
        address")."""
        if at + 2 >= len(idx) or tokens[idx[at + 1]].text.lower() not in _ACT_OPENERS:
            return None
        for n in range(at + 2, min(at + 10, len(idx))):
            word = tokens[idx[n]].text
            if self.noun_class.get(word.lower()) == cls:
                return n
            if n >= at + 4 and not (capitalised(tokens[idx[n]]) or word in ("of", "the", "and")):
                return None
        return None

    @staticmethod
    def _lede_person(doc: Document, cast: People) -> str | None:
        """The person the body names first ("Germany's economy minister, Tobias Lenz, pressed
        ..."): whose story it is. A lede about a thing ("A report by the state auditor found ...")
        leaves it to the first person named after it."""
        view = doc.view
        body = next((b for b in doc.blocks if b.kind != "heading"  # a headline ends with no full stop
                     and view[b.start:b.end].rstrip()[-1:] in (".", "!", "?", "”", '"')), None)
        if body is None:
            return None
        tokens = doc.tokens
        for i in doc.token_range(body.start, len(view)):
            if _person(tokens[i], cast) and not (i + 1 < len(tokens) and capitalised(tokens[i + 1])
                                                  and tokens[i + 1].start - tokens[i].end == 1) \
                    and not _before_initial(view, tokens, i):
                return bare(tokens[i])
        return None

    def _same_place(self, doc: Document, m: Mention, places: set, counts: dict[str, int],
                    established: list[Mention]) -> bool:
        """The mention is of the established event: at one of its places; or, with no place of its
        own (or for an event whose "to ..." is its audience: "speech to MPs"), when it is the one
        mention that gives the event to this person. An event only inferred (from a headline, or
        "Speaking to 300 tenants") says nothing of a mention's own place or audience, and a
        speech heard ("Speaking to ...") is none still to come ("Jones's speech on Tuesday will")."""
        if m.destination in places:
            return True
        inferred = {e.kind for e in established}
        if inferred <= {"headline", "audience"} and (m.destination is not None or "audience" in inferred
                                                      and _LOOKS_AHEAD.search(doc.view, *m.sentence)):
            return False
        return (m.destination is None or m.event in self.placeless) and counts[m.actor] == 1

    # evidence -------------------------------------------------------------------------------

    def _mentions(self, doc: Document) -> Iterator[Mention]:
        """Who each event mention gives the event to, one mention per person, sentence and event
        class: a possessive ("Carrington's address", "the pope's trip", "her address" for the
        person just named), a by-phrase, or the sentence's subject, unless a speech verb stands
        between ("Bell said the speech was ..." is a reaction, not Bell's speech)."""
        tokens = doc.tokens
        view = doc.view
        hits = [m.start for m in self.event_words.find(doc)]
        if not hits:
            return
        model = article(doc)
        cast = model.cast
        roles = _roles(doc, model)
        said = vocabulary()["speech_verbs"]
        sentences = doc.sentences
        # a name written with a possessive somewhere ("Chen’s trip") may be a subject elsewhere
        # ("Chen heads to Nairobi"), even if nothing else says it is a person
        owners = Counter(bare(tokens[i]) for i in doc.capital_words
                         if possessive(tokens[i]) and _nameable(tokens[i], cast))
        with_events = sorted({doc.sentence_index(at) for at in hits})
        seen: set[tuple[str, int, str]] = set()
        for k in (k for k in with_events if k >= 0):
            s_start, s_end = sentences[k]
            idx = list(doc.token_range(s_start, s_end))
            persons = [tokens[i] for n, i in enumerate(idx) if (_person(tokens[i], cast) or bare(tokens[i]) in owners)
                       and not (n + 1 < len(idx) and capitalised(tokens[idx[n + 1]]))
                       and not _before_initial(view, tokens, i)]
            subject = persons[0] if persons else _named_next(doc, model, k)
            for j, i in enumerate(idx):
                tok = tokens[i]
                word = tok.text.lower()
                cls = self.noun_class.get(word) or self.noun_class.get(word.rstrip("s"))
                if cls is None or cls in self.options["act_only"]:
                    continue  # read from the verbs of its acts (`_act_mentions`)
                if j > 0 and tokens[idx[j - 1]].text.lower() in VERB_OPENERS:
                    continue  # "To address this, a bill by Sen. Gillibrand": a verb, no event
                if j + 1 < len(idx) and tokens[idx[j + 1]].text.lower() in self.bodies:
                    continue  # "Trump's budget office", "her speech writer": a body or its people, no event
                dest, phrase_end = self._destination(tokens, idx[j + 1:], view)
                phrase_end = max(phrase_end, tok.end)
                named = _event_name_start(tokens, idx, j)  # "her State of the State address"
                owner = self._owner(doc, idx[max(0, named - 3):named], persons, k, model, owners, roles)
                found, kind = owner if owner is not None else (None, "possessive")
                if found is None:
                    found = self._by_actor(tokens, idx[j + 1:j + 12], cast, view)
                    kind, phrase_end = "by", (found.end if found is not None else phrase_end)
                if found is None and subject is not None and subject.start < tok.start and word in self.noun_class \
                        and not any(tokens[m].text in said or _negation(tokens[m].text)
                                    or (possessive(tokens[m]) and capitalised(tokens[m]))
                                    for m in idx if subject.end <= tokens[m].start < tok.start):
                    # not "Heddle, who was not invited on the tour", nor "voted against the last two budgets",
                    # nor "Barr, who has been reviewing Mueller's roughly 400-page report"
                    found, kind = subject, "subject"
                if found is not None:
                    mention = self._mention(found, cls, tok.text, kind, dest, (s_start, s_end), phrase_end, roles)
                    if (mention.actor, k, cls) not in seen:
                        seen.add((mention.actor, k, cls))
                        yield mention
            if subject is not None:
                for n, i in enumerate(idx):
                    cls = self.verb_class.get(tokens[i].text.lower())
                    if n > 0 and tokens[idx[n - 1]].text.lower() in _DETERMINERS | _POSSESSIVE_PRONOUNS:
                        continue  # "honoured by the visit": a noun, and no act of the subject
                    if n > 0 and _negation(tokens[idx[n - 1]].text):
                        continue  # "Reed, who did not travel": no trip of his
                    if cls is not None and tokens[i].start > subject.start and (bare(subject), k, cls) not in seen:
                        dest, phrase_end = self._destination(tokens, idx[n + 1:], view)
                        if dest is None and n + 1 < len(idx) and _place_object(tokens[idx[n + 1]], cast):
                            dest = bare(tokens[idx[n + 1]])  # "visited Newlyn harbour": the place is its object
                        if dest is None and tokens[i].text.lower() in self.needs_place and \
                                not self._sentence_places(doc, (s_start, s_end), set()):
                            continue  # "met staff in the canteen"; but "In Tokyo, Delgado met carmakers"
                        yield self._mention(subject, cls, tokens[i].text, "verb", dest, (s_start, s_end),
                                            max(phrase_end, tokens[i].end), roles)
                        break

    @staticmethod
    def _owner(doc: Document, before: list[int], persons: list[Token], sentence: int,
               model, owners: Counter[str], roles: dict[str, str]) -> tuple[Token, str] | None:
        """Whose event a possessive makes it: a person ("Blinken’s"), a title one person holds
        ("the pope's"), or a pronoun ("her address") for the person named last before it in the
        sentence, in a fronted phrase for the subject after it ("In her address, Pruitt ..."),
        or else for the subject of the sentence before."""
        tokens = doc.tokens
        comma = _fronted_comma(doc, sentence)
        if before and tokens[before[-1]].end <= comma:
            # "In a (40-minute) keynote speech to the conference on Wednesday, general secretary
            # Bernadette Quayle told delegates": the speech is the subject's after the comma
            later = [p for p in persons if p.start > comma]
            return (later[0], "pronoun") if later else None
        for k in reversed(before):
            tok = tokens[k]
            word = tok.text.lower()
            if tok.text.endswith(_POSSESSIVE_ENDINGS) and possessive(tok) \
                    and (_person(tok, model.cast) or owners[bare(tok)] > 1 and bare(tok) not in vocabulary()["titles"]):
                # "Chen’s trip ... Chen’s visit"
                # (a title's possessive is its holder's, whom the title does not name: "the Inspector General's")
                return tok, "possessive"
            if tok.text.endswith(("’s", "'s")) and bare(tok).lower() in roles and not _person(tok, model.cast):
                return tok, "pronoun"
            if word in _POSSESSIVE_PRONOUNS:
                between = doc.view[tok.end:tokens[before[-1]].end]
                if "," in between or _DETERMINERS & set(between.lower().split()):
                    return None  # "who introduced her, said the speech": her is no owner
                earlier = [p for p in persons if p.end <= tok.start]
                if earlier:
                    return earlier[-1], "pronoun"
                s, e = doc.sentences[sentence]
                if doc.view[s:tok.start].split()[:1] in ([w] for w in _FRONTING):
                    comma = doc.view.find(",", tok.end, e)  # "In her address on Tuesday, Gov. Pruitt called ..."
                    later = [p for p in persons if comma >= 0 and p.start > comma]
                    if later:
                        # "In her ruling, Whitcombe": hers as surely as "Whitcombe's ruling"; with a word
                        # between, maybe an event of her own ("In his announcement speech, Ted Cruz")
                        return later[0], "fronted" if k == before[-1] else "pronoun"
                if sentence > 0:
                    s, e = doc.sentences[sentence - 1]
                    first = next((tokens[i] for i in doc.token_range(s, e) if _person(tokens[i], model.cast)), None)
                    return (first, "pronoun") if first is not None else None
                return None
        return None

    @staticmethod
    def _one_per_line(doc: Document, mentions: list[Mention], skip_line: int) -> list[Mention]:
        """The strongest evidence on each line: a possessive or by-phrase before a subject."""
        best: dict[int, Mention] = {}
        for e in mentions:
            line = doc.line_of(e.start)
            weak = _EVIDENCE_ONLY
            if line != skip_line and (line not in best or (best[line].kind in weak and e.kind not in weak)):
                best[line] = e
        return [best[line] for line in sorted(best)]

    def _named_mentions(self, doc: Document) -> Iterator[Mention]:
        """An event's name taken up without its noun, after an owner's possessive: "Gov. Whitlock
        used her State of the State address" ... "Okafor's State of the State also renewed a call".
        The names are those the article writes before an event noun, two words or more."""
        tokens, view = doc.tokens, doc.view
        names: dict[tuple[str, ...], tuple[str, str]] = {}  # the name's words -> (event class, its noun)
        for at in (m.start for m in self.event_words.find(doc)):
            i = doc.token_range(at, at + 1).start
            cls = self.noun_class.get(tokens[i].text.lower()) if i < len(tokens) else None
            if cls is None or cls in self.options["act_only"]:
                continue
            window = list(range(max(0, i - 8), i + 1))
            start = _event_name_start(tokens, window, len(window) - 1)
            if len(window) - 1 - start >= 2 and tokens[window[-2]].text.lower() not in words()["institutions"]:
                # ("a Supreme Court ruling": a body's name, taken up as "Trump's Supreme Court nominee")
                names.setdefault(tuple(tokens[k].text for k in window[start:-1]), (cls, tokens[i].text))
        if not names:
            return
        roles = _roles(doc, article(doc))
        cast = article(doc).cast
        for name_words, (cls, noun) in names.items():
            size = len(name_words)
            for i in range(1, len(tokens) - size + 1):
                if tokens[i].text != name_words[0] or tuple(t.text for t in tokens[i:i + size]) != name_words:
                    continue
                after = i + size
                if after < len(tokens) and tokens[after].text.lower().rstrip("s") == noun.lower().rstrip("s"):
                    continue  # the name with its noun: read by _mentions
                owner = tokens[i - 1]
                if possessive(owner) and _nameable(owner, cast) and view[owner.end:tokens[i].start] == " ":
                    yield self._mention(owner, cls, noun, "possessive", None, doc.sentence_at(owner.start),
                                        tokens[after - 1].end, roles)

    @staticmethod
    def _mention(token, cls, noun, kind, dest, sentence, phrase_end, roles) -> Mention:
        name = bare(token)
        if name[:1].islower() or name in vocabulary()["titles"]:  # "the minister's", a headline's "Minister's"
            name = roles.get(name.lower(), name)
        return Mention(name, cls, noun, token.start, token.end, kind, dest, sentence, phrase_end)

    @staticmethod
    def _destination(tokens, following: list[int], view: str) -> tuple[str | None, int]:
        """'to Beijing' or 'in San Francisco' within the two words after the event word, and
        where that phrase ends (-1 when there is none)."""
        for n, k in enumerate(following[:3]):
            if tokens[k].text.lower() in ("to", "in") and n + 1 < len(following):
                words, end = [], -1
                for m in following[n + 1:n + 8]:  # "by Calder County Auditor Renata Suarez"
                    if not capitalised(tokens[m]):
                        break
                    words.append(bare(tokens[m]))
                    end = tokens[m].end
                return (" ".join(words) or None), end
        return None, -1

    @staticmethod
    def _by_actor(tokens: list[Token], following: list[int], cast: People, view: str) -> Token | None:
        """The maker named by "by" after the event word: "the trip by Blinken", "a report written
        by", "the visit to Beijing by Blinken", "was led by the Mayor of Westcombe, Ruth Penhale";
        not past another noun ("the report detailed efforts by President Trump": the efforts are his)."""
        for n, k in enumerate(following):
            word = tokens[k].text
            if word != "by" and word.islower() and word not in _BEFORE_BY and not word.endswith(("ed", "en")):
                return None  # a participle may stand between: "an audit released Tuesday by"
            if word == "by":
                verb = tokens[following[n - 1]].text.lower() if n else ""
                if verb.endswith(("ed", "en")) and verb not in _MADE_BY:
                    return None  # "The report, disclosed by Mr. Snowden": who disclosed it, not who wrote it
                after = following[n + 1:n + 8]
                if after and tokens[after[0]].text in ("the", "a", "an", "her", "his", "their"):
                    # a role, then the name set beside it: "by the Mayor of Westcombe, Ruth Penhale", "by
                    # her son, Thomas Harrow"
                    after = next((after[k:] for k in range(2, len(after))
                                  if view[tokens[after[k - 1]].end:tokens[after[k]].start] == ", "), [])
                name = None
                for m in after:  # "by Calder County Auditor Renata Suarez"
                    if not capitalised(tokens[m]):
                        break
                    name = tokens[m]
                return name if name is not None and _nameable(name, cast) else None
        return None

    def _sentence_places(self, doc: Document, sentence: tuple[int, int], others: set[str]) -> frozenset[str]:
        """The places of a sentence that gives the event to the established actor, unless it
        names another who makes one too: "Marsh's visit comes a week after Aziz travelled to
        Rome" does not send Marsh to Rome."""
        words = _words_of(doc, sentence)
        return frozenset() if words & others else words & people(doc).places

    @staticmethod
    def _places_of_no_one(doc: Document, persons: set[str]) -> set[str]:
        """The places of sentences that name none of `persons`: where the story's event happens
        ("The largest agreement was signed in Hanoi on Monday"), so that "Pembury's mission to
        Hanoi" is that event, while "Mendes will spend three days in Mexico City" is hers."""
        places = people(doc).places
        found: set[str] = set()
        for sentence in doc.sentences:
            words = _words_of(doc, sentence)
            if not words & persons:
                found |= words & places
        return found

    def _events_in(self, doc: Document, sentence: tuple[int, int]) -> int:
        """How many event words (nouns and verbs of any class) a sentence holds."""
        tokens = doc.tokens
        words = (tokens[i].text.lower() for i in doc.token_range(*sentence))
        return sum(1 for w in words if w in self.noun_class or w in self.verb_class or w.rstrip("s") in self.noun_class)

    def _rival(self, doc: Document, m: Mention) -> bool:
        """A mention that sets the event against another of its kind ("a rival budget", "his
        own report"): the article has two, and neither is a slip for the other."""
        words = {_clean(w) for w in doc.view[m.start:m.phrase_end].split()}
        return bool(self.rival & words)

    def _own_said(self, doc: Document, actor: str) -> set[str] | None:
        """The places of the sentences that say the person has something of their own (`rival`
        words within a few words after the name: "Mendes will lead a separate delegation to
        Mexico City", "Sato's own plan"), or None if none does."""
        view, places = doc.view, people(doc).places
        where: set[str] | None = None
        for found in re.finditer(rf"\b{re.escape(actor)}\b", view):
            sentence = doc.sentences[max(0, doc.sentence_index(found.start()))]
            if self.rival & {_clean(w) for w in view[found.end():sentence[1]].split()[:self.options["window"] + 1]}:
                where = (where or set()) | (_words_of(doc, sentence) & places)
        return where

    def _distinct(self, doc: Document, m: Mention) -> bool:
        """Cues that make the mention an event of its own: a cue word from just before the actor
        to the end of the event phrase ("Biden’s own visit", "after Biden’s visit"), or a time
        right after it ("visit to Beijing next month", "... in 2019")."""
        view = doc.view
        before = view[max(m.sentence[0], m.start - 40):m.start].split()[-3:]
        inside = view[m.start:m.phrase_end].split()
        if m.kind == "subject":
            # a subject's own words are about what it does: "Mr Pembury also called on ministers to
            # publish the cost of the trip" gives him no trip; only the words at the event count
            noun = view.rfind(m.noun, m.start, m.phrase_end)
            before, inside = [], view[max(m.start, noun - 25):m.phrase_end].split()[1:]
        after = view[m.phrase_end:m.sentence[1]].split()[:self.options["window"]]
        words = {_clean(w) for w in before + inside}
        if _SEQUENCE & words and not self._events_in(doc, m.sentence) > 1:
            words -= _SEQUENCE  # "shares rose after Quill's keynote": no other event to come after
        if self.distinct & words or _TIME_WORDS & words or any(YEAR.fullmatch(w) for w in inside):
            return True  # ("Obama’s 2014 budget": a year's own)
        later = {_clean(w) for w in after[:3]}
        return bool(_TIME_WORDS & later or self.distinct & later & _TIME_CUES or _COMPARED & later
                    or any(YEAR.fullmatch(w) for w in later))


@dataclass(frozen=True)
class Deed:
    actor: str
    act: str        # "introduced the bill in January"
    det: str        # the article before its object: "the", "a"
    start: int      # the actor's name
    end: int
    names: frozenset[str]  # the capitalised words from the name to the date: one who acted with them
    # the words that describe the thing ("the rent cap amendment"): another's are another thing
    described: frozenset[str] = frozenset()
    where: str | None = None  # the place named after the thing ("in the House"): another is another act


_DEED_TIME = re.compile(rf"(?:(?:on |last )?(?:{'|'.join(WEEKDAYS)})|in {MONTH_NAME}(?: (?:1[89]|20)\d\d)?"
                        rf"|in (?:1[89]|20)\d\d|on {MONTH_NAME} \d{{1,2}})\b")
# a person's name, a "who" or a description set beside it, maybe a date, a verb in the past and its
# object's article: "Delgado, a Democrat from Rutland, introduced the", "Quill on Monday signed a"
_DEED = (r"\b(?P<name>[A-Z][\w’'-]+)(?:,? who|, (?:a|an|the) [^,.;:“”\"()]{3,60},)? "
         rf"(?:(?P<time>{_DEED_TIME.pattern}) )?(?P<verb>VERBS) (?P<det>the|a|an|this) ")
_DEED_REACH = 160  # characters from the object to its date: "signed the £2.4m agreement with ... on Monday"
_CAPITALISED = re.compile(r"[A-Z][\w-]+")
_JOINED = re.compile(r"(?:\band|&|,) \Z")  # "Ames and Roe signed": an act of two
# a match's score: "won 2-1", "a 1-0 win"
_SCORELINE = re.compile(r"(?<![\w/.:-])\d{1,2}-\d{1,2}(?![\w/-])")


def _sole_patterns(acts: dict[str, list[str]], objects: dict[str, list[str]]) -> list[tuple[str, re.Pattern]]:
    """Each act's ways of telling a person's act on its things: "Delgado, a Democrat, proposed
    the moratorium", "Huber, who introduced the £2m plan", "The plan was put forward by the
    council leader, Margaret Pryce", "The collection, which Ms Tolland donated"."""
    found = []
    for act, named in acts.items():
        verbs = "|".join(sorted(map(re.escape, named), key=len, reverse=True))
        nouns = "|".join(sorted(map(re.escape, objects.get(act, [])), key=len, reverse=True))
        if not verbs or not nouns:
            continue
        # the thing, not a thing's ("the bill's House companion")
        thing = rf"(?P<det>[Tt]he|[Tt]his|[Aa]n?|his|her) (?P<words>(?:[\w£$€.,’'-]+ ){{0,3}}?)" \
                rf"(?P<head>{nouns})\b(?!['’])"
        beside = r"(?:,? who|, (?:a|an|the) [^,.;:“”\"()]{3,60},|, \d{1,3},)?"  # "who", "a Democrat", "87"
        found += [(act, re.compile(rf"\b(?P<name>[A-Z][\w’'-]+){beside} (?P<verb>{verbs}) {thing}")),
                  (act, re.compile(rf"{thing},? (?:which|that) (?:[A-Z][\w.’'-]* )*?(?P<name>[A-Z][\w’'-]+) "
                                   rf"(?P<verb>{verbs})\b")),
                  (act, re.compile(rf"{thing} (?:was|were|had been|has been|have been) (?P<verb>{verbs}) by "
                                   rf"(?P<by>(?:(?!,? and )[^.;:!?“”\"]){{3,60}})"))]  # to "and seconded by"
    return found


# a place or body after the thing: "in the House", "at Westminster", "to the Senate" (the House's sponsor
# of a bill is not the Senate's)
_WHERE = re.compile(r",? (?:in|at|to|before) (?:the )?([A-Z][\w’'-]+)")
# after the actor's name: another's name joined to it ("Ames and Roe", "Ames, with Roe,")
_JOINED_AFTER = re.compile(r"(?: and|,? with) [A-Z]")
# an act done with another, told right after it: "introduced the bill with Sen. Roe", "jointly"
_WITH = re.compile(r"[^.;:!?]{0,40}?\b(?:(?:with|alongside) (?:[a-z]+ ){0,3}?[A-Z]|(?:jointly|together)\b)")
# a thing "introduced to residents" is presented to them, not proposed
_PRESENTED = re.compile(r" to (?!the [A-Z])[a-z]")


def _goal_patterns(nouns: list[str], scoring: list[str], shooting: list[str]) -> tuple[re.Pattern, ...] | None:
    """The ways a report gives a score to a player in a minute: "Okafor's 67th-minute goal",
    "Delgado scored in the 67th minute", "Kieran Doyle scoring the winner in the 78th minute",
    "Mendes curled in a superb 78th-minute winner"; a player's name, then no other before the minute."""
    if not nouns:
        return None
    noun = "(?:" + "|".join(map(re.escape, nouns)) + ")"
    name = r"\b(?P<name>[A-Z][\w’'-]+)"
    # the words between a verb and the minute: no name, no clause
    rest = r"(?:[^.;:!?,A-Z]{0,60}?\b)?"
    nth = r"(?P<n>\d{1,3})(?:st|nd|rd|th)"
    # "in the 67th minute" or "67th-minute winner"; not "shortly after the 67th minute"
    minute = rf"(?:in the |(?=\d{{1,3}}(?:st|nd|rd|th)-minute )){nth}(?: minute\b|-minute {noun}\b)"
    patterns = [re.compile(rf"{name}['’]s? (?:[a-z]+ )?{nth}-minute {noun}\b"),
                re.compile(rf"{name}['’]s? (?:[a-z]+ )?{noun} in the {nth} minute\b")]
    if scoring:
        patterns.append(re.compile(rf"{name} (?:{'|'.join(map(re.escape, scoring))})\b {rest}{minute}"))
    if shooting:  # "curled in", "fired home", "headed the only goal"; not "fired inches wide"
        patterns.append(re.compile(rf"{name} (?:{'|'.join(map(re.escape, shooting))}) "
                                   rf"(?:in\b|home\b|(?:[a-z]+ ){{0,3}}{noun}\b)[^.;:!?,A-Z]{{0,60}}?{minute}"))
    return tuple(patterns)


_NEAR = 40  # characters either side of a winner's mention read for words that make it another match's
_WORD = re.compile(r"[\w’'-]+")
# a report of a match that scores goals: where a "winner" is the last goal
_GOALS_SCORED = re.compile(r"\b(?:goals?|equali[sz]er|equali[sz]ed|scored|netted)\b")


def _near(doc: Document, start: int, end: int) -> str:
    """The text of the sentence within _NEAR characters of start..end."""
    s, e = doc.sentence_at(start)
    return doc.view[max(s, start - _NEAR):min(e, end + _NEAR)]


def _winner_patterns(scoring: list[str], shooting: list[str]) -> tuple[re.Pattern, ...]:
    """A player given the match's winner: "Callum Reid scored the winner", "Adeyemi's winner"."""
    name = r"\b(?P<name>[A-Z][\w’'-]+)"
    verbs = "|".join(map(re.escape, [*scoring, *shooting]))
    return ((re.compile(rf"{name} (?:{verbs}) the (?:[a-z-]+ )?winner\b"),) if verbs else ()) + \
        (re.compile(rf"{name}['’]s? (?:[a-z-]+ )?winner\b"),)


# a clause or quotation ending between the act and its date: the date is another verb's
_CLAUSE_END = re.compile(r"[.;:?!](?=\s)|[“”\"]|, (?:and|but|who|which|while|after|before|when) ")


# words right after the event phrase that set it beside another of its kind: "Price's budget, like
# Ryan's before it" is one of several budgets
_COMPARED = {"like", "unlike"}
_POSSESSIVE_PRONOUNS = {"his", "her", "their"}
_ACT_OPENERS = {"the", "a", "an", "this"} | _POSSESSIVE_PRONOUNS
# words that put an event still to come: "Jones's speech on Tuesday will focus on housing"
_LOOKS_AHEAD = re.compile(r"\b(?:will|shall|is due|are due|is expected|are expected|is set to|are set to)\b")
# kinds of mention that say who makes an event but are never flagged themselves
_EVIDENCE_ONLY = ("subject", "verb", "pronoun", "headline", "audience", "acted")
# a sentence opening with one of these fronts a phrase whose pronoun looks ahead to the subject
_FRONTING = {"In", "At", "During", "On", "With", "After", "Before", "Throughout", "Since"}
# cues that order two events ("Marsh's visit comes a week after Aziz travelled to Rome"): with one
# event in the sentence they only date it
_SEQUENCE = {"after", "before", "following", "preceded", "followed"}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
# "Raman, the minister for ...", "the health minister, Priya Raman": a role beside a name
_APPOSITION = re.compile(r"(?P<name>[A-Z][\w’'-]+), (?:the|a|an) (?P<role>(?:[a-z]+ ){0,2}[a-z]+)(?=[ ,.])"
                         r"|\b[Tt]he (?P<before>(?:[a-z]+ ){0,2}[a-z]+), (?:[A-Z][\w’'-]+ )*(?P<after>[A-Z][\w’'-]+)\b"
                         r"(?![’'])")
# words before a role that make it another's: "a former minister", "the deputy minister"
_QUALIFIERS = {"former", "ex", "acting", "deputy", "vice", "assistant", "junior", "shadow", "interim", "late"}


# an opening sentence that gives its subject a role only: "A state judge ruled Monday ..."
_ROLE_OPENING = re.compile(r"An? (?P<words>(?:[a-z.-]+ ){1,3})")


def _named_next(doc: Document, model, k: int) -> Token | None:
    """The subject of the article's opening sentence when it gives a role only ("A state judge
    ruled Monday ...") and the first sentence of the next paragraph names its holder with the
    role as a title ("Circuit Judge Lena Ortega granted ..."): the person, standing
    where the role does."""
    s, _ = doc.sentences[k]
    blocks = [b for b in doc.blocks if b.kind != "heading"]
    at = next((i for i, b in enumerate(blocks) if b.start == s), None)
    m = _ROLE_OPENING.match(doc.view, s)
    if at is None or at > 1 or m is None or at + 1 >= len(blocks):
        return None  # the headline (a paragraph of its own in text) or the lede, with a paragraph after it
    words = m.group("words").split()
    role = next((w for w in words if w.capitalize() in vocabulary()["titles"]), None)
    if role is None or _QUALIFIERS & set(words[:words.index(role)]):
        return None  # not "A former judge"
    title = role.capitalize()
    first = doc.sentence_at(blocks[at + 1].start)
    run = next((r for r in model.runs if first[0] <= r.start < first[1] and r.size > 1
                and title in doc.view[r.start:r.end].split()[:-1]), None)
    if run is None or run.surname not in model.cast.persons:
        return None
    start = m.start("words") + len(" ".join(words[:words.index(role)] + [""]))
    return Token(start, start + len(role), "word", run.surname)


def _holds(doc: Document, person: str, role: str) -> bool:
    """Whether the article gives `person` the role, in the words just before their name or as
    its title ("Council leader Iris Fenn", "Mayor Tom Carver")."""
    view = doc.view
    for run in article(doc).runs:
        if run.surname == person and any(w == role or (w.endswith(".") and len(w) > 3 and role.startswith(w[:-1]))
                                         for w in view[max(0, run.start - 24):run.end].lower().split()):
            return True  # (or its short form: "Gov. Helen Marsh")
    return False


def _event_name_start(tokens: list[Token], idx: list[int], j: int) -> int:
    """Where the capitalised name of an event before its noun begins ("her [State of the State]
    address"), so that its owner is read before the name; j itself when there is none."""
    k = j
    while k > 0 and (tokens[idx[k - 1]].text in ("of", "the") or
                     (capitalised(tokens[idx[k - 1]]) and not possessive(tokens[idx[k - 1]])
                      and tokens[idx[k - 1]].text.lower() not in _POSSESSIVE_PRONOUNS | _DETERMINERS)):
        k -= 1
    while k < j and not capitalised(tokens[idx[k]]):
        k += 1  # the name starts with a capital: "the" before it is not part of it
    return k


def _person(token, cast) -> bool:
    """A word the article knows names a person ("Carrington", not "Chief", "President" or
    "Founders'": a title is the role holder's, see `role_holders`; nor a body: "the Education
    Department's budget"), or a title the article gives as a surname after a given name ("Imran
    Sheikh" ... "Mr Sheikh's keynote")."""
    name = bare(token)
    return capitalised(token) and name in cast.persons and name.lower() not in words()["institutions"] and (
        name not in vocabulary()["titles"] or _surname_here(name, cast))


def _surname_here(name: str, cast) -> bool:
    """Whether a title word follows a given name in the article: one no title and no common word
    ("Imran Sheikh", not "Prime Minister")."""
    from ..resources import lexicon
    lex, titles = lexicon.get(), vocabulary()["titles"]
    return any(g not in titles and lex.zipf(g.lower()) < GIVEN_NAME_ZIPF for g in cast.first_names.get(name, ()))


def _before_initial(view: str, tokens: list[Token], i: int) -> bool:
    """A given name before a middle initial and the surname: "Rosalind" of "Rosalind T. Greer"."""
    return i + 2 < len(tokens) and len(tokens[i + 1].text) == 1 and tokens[i + 1].text.isupper() \
        and view[tokens[i].end:tokens[i + 2].start] == f" {tokens[i + 1].text}. " \
        and capitalised(tokens[i + 2])


def _nameable(token, cast) -> bool:
    """A capitalised word that may name who makes an event: not a place or a day or month, nor a
    letter ("AT&T's": "T's").
    The person who is said to make it instead must also be known as a person."""
    name = bare(token)
    return capitalised(token) and len(name) > 1 and name not in cast.places and name not in CALENDAR


def _roles(doc: Document, model) -> dict[str, str]:
    """The role words that name one person: the model's titles ("Pope Francis") and a role set
    beside a name ("Priya Raman, the minister for hospital services"; "the health minister,
    Priya Raman"), not a former or deputy one. A role two people hold names neither."""
    titles = {t.lower() for t in vocabulary()["titles"]}
    held: dict[str, set[str]] = {role: {who} for role, who in model.role_holders.items()}
    view = doc.view
    for match in _APPOSITION.finditer(view):
        name = match["name"] or match["after"]
        if name not in model.cast.persons:
            continue
        words = (match["role"] or match["before"]).split()
        role = next((w for w in words if w in titles), None)
        if role is not None and not _QUALIFIERS & set(words[:words.index(role)]):
            held.setdefault(role, set()).add(name)
    return {role: next(iter(who)) for role, who in held.items() if len(who) == 1}


def _place_object(token: Token, cast: People) -> bool:
    """A capitalised object of a trip's verb that names no person nor title: "visited Newlyn",
    not "met President Xi" or "met Lee"."""
    return capitalised(token) and bare(token) not in cast.persons \
        and token.text.rstrip(".") not in vocabulary()["titles"]


def _negation(word: str) -> bool:
    """A word that denies what follows: the subject of "was not invited on the tour" made no tour."""
    return word.lower() in ("not", "never") or word.endswith(("n't", "n’t"))


def _words_of(doc: Document, sentence: tuple[int, int]) -> frozenset[str]:
    """A sentence's words as names are compared (possessives taken off), read once a document:
    the rule asks for the same sentences for every event and person."""
    cache = doc.__dict__.setdefault("_actor_sentence_words", {})
    words = cache.get(sentence)
    if words is None:
        words = cache[sentence] = frozenset(bare(doc.tokens[i]) for i in doc.token_range(*sentence))
    return words


def _fronted_comma(doc: Document, sentence: int) -> int:
    """Where the phrase a sentence opens with a fronting preposition and "a" or "an" ends ("In a
    40-minute budget speech, ..."): its comma, or -1 when the sentence opens otherwise."""
    start, end = doc.sentences[sentence]
    first = doc.token_range(start, start + 1).start
    tokens = doc.tokens
    if first + 1 >= len(tokens) or tokens[first].start != start or tokens[first].text not in _FRONTING \
            or tokens[first + 1].text.lower() not in ("a", "an"):
        return -1
    return doc.view.find(",", start, end)


def _note(e: Mention) -> str:
    return f"{e.actor} {e.noun} here" if e.kind in ("verb", "audience") else f"the {e.noun} is {e.actor}'s here"


def _clean(word: str) -> str:
    return word.strip(",.;:()\"“”'’").lower()
