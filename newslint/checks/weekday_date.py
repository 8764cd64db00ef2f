"""weekday-date: a weekday that disagrees with a date given for the same day.

Three ways a weekday gets its date:
  - side by side: "Wednesday, March 14, 2023", "14 March (Tuesday)";
  - a relative word: "today, Monday" is checked against the article's date, and "voted
    yesterday" dates the vote for the rest of the article;
  - the same event named twice: "the vote on Thursday" (or "will vote Thursday") ... "the March 13
    vote" ("Thursday's vote"), or with the same verb in sentences that name one kind of event
    ("the inquest ... opened on Tuesday" ... "the inquest opened on 14 May"); a time of day may
    stand between ("Polls open at 7 a.m. on Monday"), a verb of happening lets the day stand
    further off in its clause ("the blaze broke out at the depot shortly after 9pm on
    Wednesday"), and "At Friday's meeting, shareholders re-elected ..." dates what was done there;
    an event may be owned through a part of the day and a modifier ("Friday night's championship
    game"; not "As in Tuesday's debate", another), and one named for an act ("the sentencing
    hearing", "the reopening on Sunday") is on the day of that act ("will be sentenced on Friday
    14 March", "will reopen on Saturday 12 July").
An event a story has one of (a fire, an opening) taken up by a weekday that owns it ("Tuesday's
fire") after the article gave it another weekday is a slip even with no date. An event known by
its name ("Saturday's Harbourfest") is dated by a sentence that names it with a weekday and a
date ("Harbourfest will take place on Sunday 8 June").
An act told with its verb and a weekday ("Hartwell announced Tuesday") and taken up by another weekday
that owns its noun ("In Monday's announcement") is one act given two days.
A weekday that points back to a day the story gave ("earlier that Tuesday afternoon") must be one
of the days its dates fall on, unless the story names that weekday elsewhere.
A date without a year takes the year that puts it nearest the article's date; with no article
date, the latest year the story states ("February 2025"), read only against a weekday that owns
the event ("Sunday's storm"); with neither, the rule stays silent. A weekday that only a photo
caption's date (a paragraph with a credit) contradicts is left alone: the picture may be a file
photo of another day.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Iterable, Iterator

from ..core.diagnostic import Diagnostic
from ..core.options import Option
from ..document.dates import WEEKDAY, WEEKDAYS, DateMention, article_date, find_dates, latest_stated_date
from ..document.model import Document
from ..document.people import CALENDAR, people
from .shared.article_model import act_stem
from .shared.check import Check

# a photo's credit: its caption's dates are the picture's, often a file photo of another day
_PHOTO_CREDIT = re.compile(r"\((?:Photo|Image|Picture|Credit)s?:[^)\n]*\)|Getty Images|\b(?:AP|AFP|EPA) Photo\b|"
                           r"/(?:AP|AFP|EPA|Reuters|Getty)\b")
_LOOK_BACK = 120  # characters read back from "on <day>" for the event noun
_BETWEEN_WEEKDAY_DATE = re.compile(r"[,\s(]*(?:the\s+)?\Z")
_BETWEEN_DATE_WEEKDAY = re.compile(r"[,\s(]*(?:a\s+|which\s+was\s+a\s+)?\Z")
# a past-tense verb right before "on <day>": "opened on", "was adjourned on"
_VERB_ON = re.compile(r"\b([a-z]{3,}ed) on \Z")
# an event noun after "of" is not what the day dates: "results of the vote are expected on Sunday"
_OF_BEFORE = re.compile(r"\bof (?:the |a |an |this |that )?\Z")
# words that open another clause between an event and "on <day>": "the fire broke out and crews stayed until"
_CLAUSE_BREAK = re.compile(r"\b(?:and|but|or|while|when|until|till|since|then|as|which|who|before|after(?! \d))\b",
                           re.IGNORECASE)
# a weekday that takes up its event with nothing to make it another's: "Monday's vote showed", not
# "Monday's vote in the state Senate", "Monday's vote by trustees"
_PLAIN_TAKE_UP = re.compile(r"\w+['’]s [\w-]+(?![\w-])(?! (?:in|by|of|at|on|among|from)\b)")
# a comparison with another event of the kind: "As in Tuesday night's debate, health care came first"
_COMPARED = re.compile(r"\b(?:[Aa]s in|[Ll]ike|[Uu]nlike)\s+\Z")
# a word that orders the taken-up event against another: "after Monday's vote"
_ORDERED = re.compile(r"\b(?:after|before|since|following)\s+\Z")
# what opens the day a span ends on: "runs until Sunday 14 May", "until the evening of Monday 15 May",
# or starts from: "the third fire since Saturday, Jan. 11" dates no fire
_SPAN_END = re.compile(r"\b(?:until|till|through|since)\s+(?:the\s+(?:morning|afternoon|evening|night|end)\s+of\s+)?\Z")
# an act named before an event noun ("the sentencing hearing", not "his brother's sentencing hearing"), and a verb
# in a dated sentence that names it ("will be sentenced on Friday 14 March", "reopened on ...", "will reopen")
_ACT_BEFORE = re.compile(r"\bthe ([a-z]{3,}ing) \Z")
_ACT_ON = re.compile(r"\bthe ([a-z]{3,}ing) on \Z")  # the act itself: "at the reopening on Sunday"
_ACT_AFTER = re.compile(r" to be ([a-z]{3,}ed)\b")  # the act a day is for: "on Thursday to be sentenced"
_DONE = re.compile(r"\b([a-z]{3,}ed)\b|\b(?:will|(?:is|are) (?:due |set |expected )?to) (?:be )?(?!the\b)([a-z]{3,})\b")


# a weekday that points back to a day the story gave: "earlier that Tuesday", "arrived that Friday night"
# (not "said that Tuesday night's vote": a clause's "that")
_POINTED_BACK = re.compile(r"\b(?:[Ee]arlier|[Ll]ater|[Oo]n|[Oo]f|[Dd]uring) that \Z")
# a span to or from the day: "By that Saturday morning, I had 200 messages" may reach past the dated days
_SPAN_TO = re.compile(r"\b(?:[Bb]y|[Uu]ntil|[Tt]ill|[Ss]ince|[Ff]rom|[Bb]efore|[Aa]fter) that \Z")
_PART_OF_DAY = re.compile(r" (?:morning|afternoon|evening|night)\b")
_TOLD_BEFORE = re.compile(r"\b(?:said|says|say|told|tell|announced|noted|added|reported|confirmed|stated|"
                          r"explained|believed?|thought|think|knew|know|feared|learned|warned|insisted|argued|"
                          r"claimed|suggested|revealed|means?|meant|shows?|showed|found|agreed|hoped?|expects?|"
                          r"expected|so|now|such) that \Z", re.IGNORECASE)


_ANOTHER_DAY = re.compile(rf"\b(?:on|for|by|until) (?:{'|'.join(WEEKDAYS)})\b")
_SCHEDULED = re.compile(r"\b(?:will|opens|begins|starts|is due|are due|is set|are set|is scheduled|are scheduled|"
                        r"is to|are to|next)\b")


# "a " or "an " and at most one word before an event's noun: an event of its own ("a feisty meeting")
_INDEFINITE = re.compile(r"\b[Aa]n? (?:[\w-]+ )?\Z")


def _scheduled_next_year(doc: Document, mention: DateMention, around: dt.date | None, name: str) -> bool:
    """Whether a date written without its year, in a sentence that schedules it ("which opens on
    Friday 29 November", written in May), has the weekday the next time it comes round, which is
    the date meant, though last year's is nearer."""
    if mention.year is not None or around is None:
        return False
    try:
        date = dt.date(around.year, mention.month, mention.day)
        if date <= around:
            date = dt.date(around.year + 1, mention.month, mention.day)
    except ValueError:
        return False
    start, end = doc.sentence_at(mention.start)
    return WEEKDAYS[date.weekday()] == name and _SCHEDULED.search(doc.view, start, end) is not None


def _caption_spans(doc: Document) -> list[tuple[int, int]]:
    """The paragraphs that carry a photo credit: captions, whose dates may be a file photo's
    ("Pence attends the presidential debate on Sept. 26, 2016. (Photo: ...)" beside "Tuesday's
    debate", another)."""
    return [(b.start, b.end) for b in doc.blocks if _PHOTO_CREDIT.search(doc.view, b.start, b.end)]


def _act(word: str) -> str:
    """The key of an act, the same from its gerund and its participle ("sentencing", "sentenced")."""
    return "act:" + act_stem(word)


# a weekday that owns what follows, maybe through a part of its day: "Friday's", "Friday night's"
_POSSESSIVE_DAY = re.compile(r"(?: (?:night|morning|afternoon|evening))?['’]s")
# an event known by its name that a weekday owns: "Saturday's Harbourfest"
_NAMED_EVENT = re.compile(r"['’]s ([A-Z][a-z]+[A-Z]?[a-z]*)(?=[.,;:!?]|$| (?:in|at|on|will|was|is|has|had|drew|"
                          r"attracted|and|after|before|went|goes|ended|opened|closed)\b)", re.M)
# one word before an owned event's noun: "Friday's championship game"
_MODIFIER = re.compile(r" ([a-z]+(?:-[a-z]+)?)\b(?<!\bthe)(?<!\ba)(?<!\ban)")
_MODIFIERS = 2  # words read between an owning weekday and its event's noun
# a time of day counts as one word between an event noun and its "on <day>": "Polls open at 7 a.m. on"
_WORD_OR_TIME = r"(?:\d{1,2}(?:[.:]\d\d)?\s?(?:[ap]\.m\.|[ap]m)|[\w’'-]+)"
_NAMED_PLACE = r"(?:,?\s+(?:at|in)\s+(?:the\s+)?(?-i:(?:[A-Z][\w’'-]*\s+){0,3}[A-Z][\w’'-]*))"


# a weekday that owns an act's noun: "Monday's announcement", "Tuesday night's ruling"
_ACT_NOUN = re.compile(r"(?: (?:night|morning|afternoon|evening))?['’]s ([a-z]{4,})\b")
# a verb in the past right before a weekday: "announced Tuesday", "announced on Tuesday"
_VERB_BEFORE_DAY = re.compile(r"\b([a-z]{3,}ed) (?:on )?\Z")
_TOLD_THAT = re.compile(r"(?: (?:night|morning|afternoon|evening))?,? that\b")  # "announced Tuesday that"


def _plain_take_up(view: str, at: int) -> bool:
    """Whether the weekday at `at` owns its event with nothing to make it another's ("Monday's
    vote showed"; not "Monday's vote by trustees", "after Monday's vote")."""
    return _PLAIN_TAKE_UP.match(view, at) is not None and not _ORDERED.search(view, max(0, at - 12), at)


def _say(date: dt.date) -> str:
    return f"{date:%B} {date.day}, {date.year}"


class WeekdayDate(Check):
    NAME = "weekday-date"
    DESCRIPTION = "Flags a weekday that disagrees with the date it is given for."
    OPTIONS = {
        "events": Option("strings", [], "nouns of events whose weekday and date are compared across sentences"),
        "today": Option("strings", ["today", "tonight", "this morning", "this afternoon", "this evening"]),
        "yesterday": Option("strings", ["yesterday", "last night"]),
        "tomorrow": Option("strings", ["tomorrow"]),
        "kinds": Option("mapping_of_lists", {}, "event kind -> the nouns that name one event of that kind"),
        "distinct": Option("strings", ["next", "last", "previous", "another", "second", "first", "following",
                                       "earlier", "later", "semi", "originally", "initially"],
                           "words between an event noun and its 'on <day>' that make it another event"),
        "window": Option("int", 3, "words allowed between an event noun and its 'on <day>'", minimum=0),
        "once": Option("strings", [], "kinds of event a story has one of (a fire, a crash): two weekdays for one "
                       "are a slip, where a match or a vote may recur"),
        "occurs": Option("strings", [], "verbs that say an event happened, after which its 'on <day>' may stand "
                         "further off: 'the blaze broke out at the depot shortly after 9pm on Wednesday'"),
        "once_nouns": Option("strings", [], "event nouns that make their event one a story has one of, though "
                             "its kind may recur (voters go to the polls once, a board may vote twice): a "
                             "sentence naming only these gives its 'on <day>' to the event"),
    }
    SCOPES = ("document",)
    DEFAULT_SCOPE = "document"
    PLACEHOLDERS = ("match", "date", "expected")

    def __init__(self, rule, context):
        super().__init__(rule, context)
        opts = self.options
        self.relative = dict.fromkeys(opts["today"], 0) | dict.fromkeys(opts["yesterday"], -1) | \
            dict.fromkeys(opts["tomorrow"], 1)
        # in lower case or capitalised, not in capitals: "confirmed to USA TODAY Wednesday" names a paper
        forms = {form for w in self.relative for form in (w, w[:1].upper() + w[1:])}
        words = "|".join(re.escape(w) for w in sorted(forms, key=len, reverse=True))
        self.relative_near = re.compile(rf"\b({words})\b") if words else None
        nouns = "|".join(re.escape(n) for n in sorted(opts["events"], key=len, reverse=True))
        # a named place may stand between too: "the polls at the Bridge View Center on Wednesday"
        gap = rf"{_NAMED_PLACE}?(?:,?\s+{_WORD_OR_TIME}){{0,{opts['window']}}},?"
        # read backwards from a weekday or date: "the vote (held) on <Thursday>"
        self.event_on = re.compile(rf"\b(?P<noun>{nouns})s?\b{gap}\s+on\s+\Z", re.IGNORECASE) if nouns else None
        # American copy drops the "on": "the board will vote Thursday"
        self.event_bare = re.compile(rf"\b(?P<noun>{nouns})s?\s+\Z", re.IGNORECASE) if nouns else None
        self.date_event = re.compile(rf"\s+(?P<noun>{nouns})s?\b", re.IGNORECASE) if nouns else None
        # the day people came for an event: "packed the courthouse Monday night for a public hearing"
        self.day_for = re.compile(rf"(?: (?:night|morning|afternoon|evening))? for (?:a|an|the)(?: [a-z-]+)? "
                                  rf"(?P<noun>{nouns})\b", re.IGNORECASE) if nouns else None
        self.any_event = re.compile(rf"\b(?P<noun>{nouns})s?\b", re.IGNORECASE) if nouns else None
        occurs = "|".join(re.escape(v) for v in sorted(opts["occurs"], key=len, reverse=True))
        # "The blaze broke out at the depot shortly after 9pm on <Wednesday>": one clause, read backwards
        self.event_occurs = re.compile(rf"\b(?P<noun>{nouns})s?\s+(?:{occurs})\b(?P<rest>[^.;:!?,\n]{{0,80}}?)"
                                       rf"\s+on\s+\Z", re.IGNORECASE) if nouns and occurs else None
        self.kind = {n.lower(): kind for kind, ns in opts["kinds"].items() for n in ns}
        self.distinct = {w.lower() for w in opts["distinct"]}
        self.once = {self._kind(k) for k in opts["once"]}
        self.once_nouns = {n.lower() for n in opts["once_nouns"]}

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        view = doc.view
        if not WEEKDAY.search(view):
            return
        around = article_date(doc)
        dates = find_dates(view)
        weekdays = [(m.start(), m.end(), m.group()) for m in WEEKDAY.finditer(view)]
        done: set[int] = set()
        pairs: dict[int, DateMention] = {}  # weekday start -> the date beside it
        for start, end, name in weekdays:
            paired = self._paired_date(view, start, end, dates)
            if paired is not None:
                done.add(start)
                pairs[start] = paired
                date = paired.resolve(around)
                if date is not None and WEEKDAYS[date.weekday()] != name \
                        and not _scheduled_next_year(doc, paired, around, name):
                    yield self._report(doc, start, end, date, [(paired.start, paired.end)])
                continue
            offset = self._relative_offset(view, start, end)
            if offset is not None and around is not None:
                done.add(start)
                date = around + dt.timedelta(days=offset)
                if WEEKDAYS[date.weekday()] != name:
                    yield self._report(doc, start, end, date, [])
        captioned: list[tuple[int, int]] | None = None  # read only for a finding
        reported: set[int] = set()
        # a year for dates written without one, only where some are and the article has no date
        stated = latest_stated_date(view, dates) if around is None and any(d.year is None for d in dates) else None
        for found in (*self._events(doc, weekdays, dates, around, stated, done, pairs),
                      *self._acts_taken_up(doc, weekdays),
                      *self._days_pointed_back(doc, weekdays, dates, around, pairs)):
            if found.offset in reported:
                continue  # "opened on Tuesday ... Wednesday's opening": one weekday, one finding
            reported.add(found.offset)
            if found.related:
                captioned = _caption_spans(doc) if captioned is None else captioned
                if all(any(s <= r.offset < e for s, e in captioned) for r in found.related):
                    continue  # only a caption dates the event: the picture may be a file photo of another day
            yield found

    def _paired_date(self, view: str, start: int, end: int, dates: list[DateMention]) -> DateMention | None:
        for d in dates:
            if 0 <= d.start - end <= 8 and _BETWEEN_WEEKDAY_DATE.match(view[end:d.start]):
                return d
            if 0 <= start - d.end <= 20 and _BETWEEN_DATE_WEEKDAY.match(view[d.end:start]):
                return d
        return None

    def _relative_offset(self, view: str, start: int, end: int) -> int | None:
        if self.relative_near is None:
            return None
        before = view[max(0, start - 16):start]
        after = view[end:end + 16]
        for m in self.relative_near.finditer(before):
            if re.fullmatch(r"[,\s(]*", before[m.end():]):
                return self.relative[m.group(1).lower()]
        following = self.relative_near.match(after.lstrip(" ,("))
        if following:
            return self.relative[following.group(1).lower()]
        return None

    def _events(self, doc: Document, weekdays, dates, around, stated, done, pairs) -> Iterator[Diagnostic]:
        if self.event_on is None or self.date_event is None:  # both None when there are no event nouns
            return
        view = doc.view
        on_weekday: dict[str, list[tuple[int, int, str]]] = {}
        on_date: dict[str, list[DateMention]] = {}
        taken_up: set[int] = set()  # weekdays that own their event: "Tuesday's fire"
        weekday_at = {s: (s, e, n) for s, e, n in weekdays}
        date_at = {d.start: d for d in dates}
        # a date beside its weekday is read from the weekday: "will vote on Wednesday, March 6"
        named_from = {paired.start: s for s, paired in pairs.items() if paired.start > s}
        for at in sorted(weekday_at.keys() - done | date_at.keys()):
            anchor = named_from.get(at, at)
            if view[max(0, anchor - 4):anchor] != " on ":
                possessed = self._possessed(view, weekday_at[at]) if at in weekday_at and \
                    not _COMPARED.search(view, max(0, at - 12), at) else None
                if possessed is not None:  # "Sunday's final"
                    on_weekday.setdefault(possessed, []).append(weekday_at[at])
                    for kind in self._done_at(doc, at, dates):  # "At Friday's meeting, shareholders re-elected"
                        on_weekday.setdefault(kind, []).append(weekday_at[at])
                    owner = view[max(0, at - 16):at].lower().split()[-2:]
                    if _POSSESSIVE_DAY.match(view, weekday_at[at][1]) and not self.distinct & set(owner):
                        taken_up.add(at)  # "Tuesday's fire"; not "last Tuesday's fire", "the museum's Tuesday opening"
                elif at in weekday_at and self.event_bare is not None and self.day_for is not None and (
                        # "will vote Thursday" (not "a feisty meeting Tuesday with the French leader": one
                        # more, not the summit's); "Monday night for a hearing"
                        ((bare := self.event_bare.search(view, max(0, at - 30), at))
                         and not _INDEFINITE.search(view, max(0, bare.start("noun") - 24), bare.start("noun")))
                        or (bare := self.day_for.match(view, weekday_at[at][1]))):
                    on_weekday.setdefault(self._kind(bare.group("noun")), []).append(weekday_at[at])
                continue
            m = self._event_on(view, anchor)
            if m is not None and doc.sentence_index(m.start("noun")) != doc.sentence_index(anchor - 1):
                m = None  # "... plane crash in Iran\n\nTrump told reporters on Thursday": another sentence's event
            m = m or self._occurs(view, anchor)
            if m is None and at in weekday_at and (act := _ACT_ON.search(view, max(0, anchor - 30), anchor)
                                                   or _ACT_AFTER.match(view, weekday_at[at][1])):
                # "the reopening on Sunday"; "returns to court on Thursday to be sentenced"
                on_weekday.setdefault(_act(act.group(1)), []).append(weekday_at[at])
                continue
            if m is None or self.distinct & set(view[m.end("noun"):anchor].lower().split()) \
                    or _OF_BEFORE.search(view, max(0, m.start("noun") - 12), m.start("noun")):
                continue
            keys = [self._kind(m.group("noun"))]
            act = _ACT_BEFORE.search(view, max(0, m.start("noun") - 24), m.start("noun"))
            if act:  # "the sentencing hearing on Thursday" is also the day of the act, "sentenced"
                keys.append(_act(act.group(1)))
            for key in keys:
                if at in weekday_at:
                    on_weekday.setdefault(key, []).append(weekday_at[at])
                else:
                    on_date.setdefault(key, []).append(date_at[at])
        for noun, d in self._dated_sentences(doc, pairs, dates):
            on_date.setdefault(noun, []).append(d)
        for noun, d in self._relative_sentences(doc, dates, around):
            on_date.setdefault(noun, []).append(d)
        for key, mention in (*self._verb_days(doc, weekday_at, date_at, done),
                             *self._named_events(doc, weekday_at, pairs)):  # "the inquest opened on ...", "Harbourfest"
            (on_weekday if isinstance(mention, tuple) else on_date).setdefault(key, []).append(mention)
        for d in dates:  # "the March 13 vote"
            m = self.date_event.match(view, d.end)
            if m:
                on_date.setdefault(self._kind(m.group("noun")), []).append(d)
        once_days = self._once_days(doc, weekday_at, done)
        # the weekday written beside each date ("Sunday 18 May": that Sunday is known), by the date's start
        named_days = {paired.start: weekday_at[s][2] for s, paired in pairs.items() if s in weekday_at}
        dated_days = set(named_days.values())
        for noun, mentions in on_weekday.items():
            yield from self._compare(doc, noun, mentions, on_date.get(noun, []), around, stated, taken_up,
                                     once_days.get(noun, []), dated_days, named_days)

    def _acts_taken_up(self, doc: Document, weekdays: list[tuple[int, int, str]]) -> Iterator[Diagnostic]:
        """An act of telling, told with its verb, a weekday and what it told ("Hartwell announced
        Tuesday that it will close"), taken up later by a weekday that owns the act's noun ("In
        Monday's announcement, the company said"): one act, so one day. Only where every earlier
        telling of the verb gives that one other day, and the owned noun is plain (not "Monday's
        announcement by its rival", "after Monday's announcement"). An act that recurs ("Shares
        closed on Monday ... Tuesday's close", "debated on Monday ... Thursday's debate") tells no
        "that"."""
        view = doc.view
        told: dict[str, list[tuple[int, int, str]]] = {}  # the act's stem -> the weekdays its verb was given
        for start, end, name in weekdays:
            owned = _ACT_NOUN.match(view, end)
            if owned and _plain_take_up(view, start) and not doc.in_quote(start, end) \
                    and not self.distinct & set(view[max(0, start - 16):start].lower().split()[-1:]):
                earlier = told.get(act_stem(owned.group(1)), [])
                if len({n for _, _, n in earlier}) == 1 and name != earlier[0][2]:
                    yield self._other_day(doc, (start, end), earlier[0], "it", "act")
            verb = _VERB_BEFORE_DAY.search(view, max(0, start - 24), start)
            if verb and _TOLD_THAT.match(view, end) and not doc.in_quote(start, end):
                told.setdefault(act_stem(verb.group(1)), []).append((start, end, name))

    def _days_pointed_back(self, doc: Document, weekdays: list[tuple[int, int, str]], dates: list[DateMention],
                           around: dt.date | None, pairs: dict[int, DateMention]) -> Iterator[Diagnostic]:
        """A weekday that points back to a day the story gave ("earlier that Tuesday afternoon",
        "arrived that Friday night") where the story gave no such day: every date it gives
        falls on another weekday, and it names that weekday nowhere else."""
        view = doc.view
        pointing = []
        for start, end, name in weekdays:
            before = view[max(0, start - 16):start]
            if start not in pairs and (_POINTED_BACK.search(before) or (
                    before.endswith(" that ") and _PART_OF_DAY.match(view, end)
                    and not _TOLD_BEFORE.search(before) and not _SPAN_TO.search(before))):
                pointing.append((start, end, name))
        if not pointing:
            return
        named_at: dict[int, str] = {}  # a date's start -> the weekday written beside it, the first one
        for s, _, weekday_name in weekdays:
            if s in pairs:
                named_at.setdefault(pairs[s].start, weekday_name)
        dated: list[tuple[DateMention, str]] = []
        for d in dates:
            day = d.resolve(around)
            if day is not None:
                dated.append((d, WEEKDAYS[day.weekday()]))
            elif d.start in named_at:  # "Thursday, May 2": its weekday given
                dated.append((d, named_at[d.start]))
        if not dated:
            return
        known = {name for _, name in dated}
        for start, end, name in pointing:
            if name in known:
                continue
            if any(other == name and not view.endswith("that ", 0, s) for s, _, other in weekdays if s != start):
                continue  # "on Tuesday ... later that Tuesday": the story gave the day
            shown = dated[:3]
            yield self.report(doc, start, end, suggestions=[],
                              related=[(d.start, d.end, f"the date: {view[d.start:d.end]}, a {n}") for d, n in shown],
                              date=f"the day the article dated ({', '.join(view[d.start:d.end] for d, _ in shown)})",
                              expected=" or ".join(sorted({n for _, n in shown})))

    @staticmethod
    def _named_events(doc: Document, weekday_at: dict, pairs: dict[int, DateMention]) -> Iterator[tuple[str, object]]:
        """An event known by its name, which a weekday owns ("Saturday's Harbourfest"): that
        weekday, and the date a sentence naming it gives with its weekday ("Harbourfest will take
        place on Sunday 8 June")."""
        view = doc.view
        cast = people(doc)
        names: dict[str, list[tuple[int, int, str]]] = {}
        for weekday in weekday_at.values():
            m = _NAMED_EVENT.match(view, weekday[1])
            if m and m.group(1) not in CALENDAR and m.group(1) not in cast.persons | cast.places:
                names.setdefault(m.group(1), []).append(weekday)
        for name, owned in names.items():
            kind = f"the {name}"
            for weekday in owned:
                yield kind, weekday
            for start, paired in pairs.items():
                s, _ = doc.sentence_at(start)
                if re.search(rf"\b{re.escape(name)}\b", view[s:min(start, paired.start)]):
                    yield kind, paired

    def _compare(self, doc: Document, kind: str, mentions: list[tuple[int, int, str]], dated: list[DateMention],
                 around: dt.date | None, stated: dt.date | None, taken_up: set[int],
                 once_days: list[tuple[int, int, str]], dated_days: set[str],
                 named_days: dict[int, str]) -> Iterator[Diagnostic]:
        """The weekdays given for one kind of event against its one date (or, for an event a
        story has one of, against the weekday given first; `once_days` are days a sentence gives
        such an event: "Voters ... rejected the bond on Tuesday"). A weekday the article gives its
        own date ("the marathon on Sunday 18 May") names that day's event of the kind ("Sunday's
        race"), not the one dated on another day ("the 10k race on Saturday 17 May"). With no date
        of the article's own, a date without a year takes the latest year the story states
        (`stated`), and is then read against a weekday that owns the event only ("on 3 February"
        ... "Sunday's storm"): a looser tie ("launch was on Sunday and it goes on sale ... on 2
        December") may join two events. A date no year resolves still names its day where the
        article writes its weekday beside it ("on Thursday 14 November" ... "Wednesday's storm")."""
        resolved: dict[dt.date, DateMention] = {}
        guessed = False
        for d in dated:
            date = d.resolve(around)
            if date is None and stated is not None:
                date, guessed = d.resolve(stated), True
            if date is not None:
                resolved[date] = d
        if not resolved and dated and all(d.start in named_days for d in dated) \
                and len(days := {named_days[d.start] for d in dated}) == 1:
            day = days.pop()  # compared, like a guessed year's date, with a weekday that owns the event only
            for start, end, name in mentions:
                if name != day and name not in dated_days and start in taken_up:
                    yield self._other_day(doc, (start, end), (dated[0].start, dated[0].end, day), f"the {kind}",
                                          "event")
        if not resolved and kind in self.once:
            yield from self._taken_up(doc, kind, mentions, taken_up)
        elif not resolved and once_days:  # only the public vote itself: not "Monday's vote in the Senate"
            plain = {at for at in taken_up if _plain_take_up(doc.view, at)}
            yield from self._taken_up(doc, kind, sorted(set(mentions) | set(once_days)), plain)
        if len(resolved) != 1:
            return
        (date, mention), = resolved.items()
        for start, end, name in mentions:
            if guessed and start not in taken_up:
                continue
            if WEEKDAYS[date.weekday()] != name and name not in dated_days:
                yield self._report(doc, start, end, date, [(mention.start, mention.end)])

    def _done_at(self, doc: Document, at: int, dates) -> set[str]:
        """The events a sentence that opens "At Friday's meeting," says were done there, by
        their verbs: "At Friday's meeting, shareholders also re-elected all 10 directors" dates
        the vote too (a noun may name another occasion: "discussed the vote due next week")."""
        s, e = doc.sentence_at(at)
        view = doc.view
        if view[s:at] not in ("At ", "During "):
            return set()
        comma = view.find(", ", at, e)
        if comma < 0:
            return set()
        return self._kinds_named(view, comma, e, dates, verbs_only=True)

    def _event_on(self, view: str, anchor: int) -> re.Match | None:
        """The event noun nearest "on <day>" at `anchor` that the day may date: "a final pretrial
        hearing on Wednesday" dates the hearing, not the final."""
        assert self.event_on is not None and self.any_event is not None
        nouns = list(self.any_event.finditer(view, max(0, anchor - _LOOK_BACK), anchor))
        return next((m for noun in reversed(nouns) if (m := self.event_on.match(view, noun.start(), anchor))), None)

    def _occurs(self, view: str, anchor: int) -> re.Match | None:
        """An event said to happen in the clause before "on <day>": "The blaze broke out at the
        depot shortly after 9pm on Wednesday" (not across "and", "when", "until": another clause)."""
        if self.event_occurs is None:
            return None
        m = self.event_occurs.search(view, max(0, anchor - _LOOK_BACK), anchor)
        return None if m is None or _CLAUSE_BREAK.search(m.group("rest")) else m

    def _once_days(self, doc: Document, weekday_at: dict, done: set[int]) -> dict[str, list[tuple[int, int, str]]]:
        """The bare "on <day>" of sentences whose only event nouns name an event a story has one
        of ("Voters in the county approved a school levy on Tuesday"): that event's day."""
        found: dict[str, list[tuple[int, int, str]]] = {}
        if not self.once_nouns or self.any_event is None:
            return found
        view = doc.view
        for at in sorted(weekday_at.keys() - done):
            if view[max(0, at - 4):at] != " on ":
                continue
            start, end = doc.sentence_at(at)
            if sum(start <= other < end for other in weekday_at) > 1:
                continue  # "a memo on Thursday ... in the wake of Tuesday's elections": two days, two events
            nouns = {m.group("noun").lower() for m in self.any_event.finditer(view, start, end)}
            kinds = {self._kind(n) for n in nouns}
            if nouns and nouns <= self.once_nouns and len(kinds) == 1:
                found.setdefault(kinds.pop(), []).append(weekday_at[at])
        return found

    def _taken_up(self, doc: Document, kind: str, mentions: list[tuple[int, int, str]],
                  taken_up: set[int]) -> Iterator[Diagnostic]:
        """An event no date pins, taken up by a weekday that owns it ("Tuesday's fire"), after
        the article gave it another day, and only that one ("The blaze broke out ... on Wednesday")."""
        mentions = sorted(mentions)
        for k, (start, end, name) in enumerate(mentions):
            earlier = {n for _, _, n in mentions[:k]}
            if start in taken_up and len(earlier) == 1 and name not in earlier:
                yield self._other_day(doc, (start, end), mentions[0], f"the {kind}", "event")

    def _other_day(self, doc: Document, taken_up: tuple[int, int], first: tuple[int, int, str], what: str,
                   same: str) -> Diagnostic:
        """A weekday taken up for an event or an act that the article gave another day first."""
        return self.report(doc, *taken_up, suggestions=[first[2]],
                           related=[(first[0], first[1], f"the same {same}: {first[2]}")],
                           date=f"the day given for {what} on line {doc.line_of(first[0])}", expected=first[2])

    def _verb_days(self, doc: Document, weekday_at: dict, date_at: dict, done: set[int]) -> Iterator[tuple]:
        """A day after a past-tense verb ("opened on Tuesday", "opened on 14 May") in a sentence
        that names one kind of event before it, keyed by the kind and the verb: the same event
        on the same occasion, however far its noun stands ("An inquest into the deaths of ...
        opened on Tuesday" ... "When the inquest opened on 14 May"). The verb must be the same:
        a trial that opened on one day resumed on another."""
        view = doc.view
        for at in sorted(weekday_at.keys() - done | date_at.keys()):
            verb = _VERB_ON.search(view, max(0, at - 24), at)
            if verb is None:
                continue
            s, _ = doc.sentence_at(at)
            kinds = self._kinds_named(view, s, verb.start(), date_at.values())
            if len(kinds) == 1:
                yield (kinds.pop(), verb.group(1).lower()), weekday_at.get(at) or date_at[at]

    def _kinds_named(self, view: str, start: int, end: int, dates: Iterable[DateMention],
                     verbs_only: bool = False) -> set[str]:
        """The kinds of event the text between start and end names, outside its dates ("March 8"
        is no march); with verbs_only, by a verb in the past tense only ("voted", "re-elected").
        An event one of the `distinct` words sets apart is another ("The next hearing is scheduled
        for Monday, Feb. 24")."""
        assert self.any_event is not None
        spans = [(d.start, d.end) for d in dates]
        return {self._kind(m.group("noun")) for m in self.any_event.finditer(view, start, end)
                if not any(s <= m.start() < e for s, e in spans)
                and (not verbs_only or m.group("noun").lower().endswith("ed"))
                and not self.distinct & set(view[max(start, m.start("noun") - 12):m.start("noun")].lower().split()[-1:])
                }

    def _possessed(self, view: str, weekday: tuple[int, int, str]) -> str | None:
        """The kind of event a weekday owns or names: "Sunday's final", "Tuesday’s vote", "the
        board's Thursday vote", "Friday night's championship game", "Tuesday's county cup replay"
        (a part of the day and up to two words before the noun; not "Friday's second game",
        another)."""
        if self.date_event is None:
            return None
        owner = _POSSESSIVE_DAY.match(view, weekday[1])
        end = owner.end() if owner else weekday[1]
        m = self.date_event.match(view, end)
        for _ in range(_MODIFIERS):  # "Tuesday's county cup replay"
            if m is not None or not owner or not (word := _MODIFIER.match(view, end)) \
                    or word.group(1) in self.distinct:
                break
            end = word.end()
            m = self.date_event.match(view, end)
        if m is not None and m.end() > m.end("noun"):
            return None  # "Tuesday night's protests": several, one of them perhaps on another day
        return self._kind(m.group("noun")) if m else None

    def _kind(self, noun: str) -> str:
        noun = noun.lower()
        return self.kind.get(noun, noun)

    def _dated_sentences(self, doc: Document, pairs: dict[int, DateMention],
                         dates) -> Iterator[tuple[str, DateMention]]:
        """A sentence that gives a weekday with its date ("on Saturday, Oct. 12, 2024") dates the
        one kind of event it names, wherever the noun stands: "The county cup final ... will be
        played on Thursday 10 April". When it names more, the one kind named before the day is
        the one dated: "Voters choose a mayor on Tuesday, Nov. 5, in a race between ...". A day
        that ends a span dates no event named before it: "The fair opens on Thursday 11 May
        and runs until Sunday 14 May" does not open on the Sunday; nor does one a span starts
        from: "the third fire since Saturday, Jan. 11"."""
        for start, paired in [*pairs.items(), *self._dates_alone(doc, pairs, dates)]:
            if _SPAN_END.search(doc.view, max(0, min(start, paired.start) - 40), min(start, paired.start)):
                continue
            s, _ = doc.sentence_at(start)
            for done in _DONE.finditer(doc.view, s, min(start, paired.start)):  # "will be sentenced on Friday 14 March"
                yield _act(done.group(1) or done.group(2)), paired
            if paired.start == start:  # a date alone dates its sentence's subject: the event named first
                first = self.any_event.search(doc.view, s, start) if self.any_event is not None else None
                if first is not None and not self.distinct & set(doc.view[first.end():start].lower().split()):
                    yield self._kind(first.group("noun")), paired  # not "The hearing, first set for Nov. 12"
                continue
            before = self._kinds_named(doc.view, s, min(start, paired.start), dates)
            if not before and _ANOTHER_DAY.search(doc.view, paired.end, doc.sentence_at(start)[1]):
                continue  # "Evers on Monday, April 6 moved to postpone ... head to the polls on Tuesday": the
                # event after the date has a day of its own
            kind = before.pop() if len(before) == 1 else None if before else self._sole_kind(doc, start, dates)
            if kind is not None:
                yield kind, paired

    @staticmethod
    def _dates_alone(doc: Document, pairs: dict[int, DateMention], dates) -> Iterator[tuple[int, DateMention]]:
        """A date with no weekday, after "on" or "for", the only date of its sentence: the day of
        the event named before it, however far ("The inquest was opened and adjourned at Truro on
        14 March", "The hearing is set for Nov. 12")."""
        paired = {d.start for d in pairs.values()}
        view = doc.view
        for d in dates:
            if d.start in paired or not view.endswith(("on ", "for "), max(0, d.start - 4), d.start):
                continue
            s, e = doc.sentence_at(d.start)
            if sum(s <= other.start < e for other in dates) == 1:
                yield d.start, d

    def _relative_sentences(self, doc: Document, dates, around: dt.date | None) -> Iterator[tuple[str, DateMention]]:
        """A sentence of the reporter's that says "yesterday" or "today" dates the one kind of
        event it names, by the article's date: "The committee voted 9-2 yesterday" ... "the
        committee's decision on Tuesday". A speaker's "yesterday" is the day they spoke."""
        if around is None or self.relative_near is None:
            return
        for m in self.relative_near.finditer(doc.view):
            if doc.in_quote(m.start(), m.end()):
                continue
            kind = self._sole_kind(doc, m.start(), dates)
            if kind is not None:
                day = around + dt.timedelta(days=self.relative[m.group(1).lower()])
                yield kind, DateMention(m.start(), m.end(), day.month, day.day, day.year)

    def _sole_kind(self, doc: Document, offset: int, dates) -> str | None:
        """The one kind of event the sentence holding `offset` names, if it names one only."""
        s, e = doc.sentence_at(offset)
        kinds = self._kinds_named(doc.view, s, e, dates)
        return kinds.pop() if len(kinds) == 1 else None

    def _report(self, doc, start, end, date, related) -> Diagnostic:
        expected = WEEKDAYS[date.weekday()]
        return self.report(doc, start, end, suggestions=[expected],
                           related=[(s, e, f"the date: {_say(date)}") for s, e in related],
                           date=_say(date), expected=expected)
