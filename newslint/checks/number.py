"""number: the same quantity stated twice, differently.

  ages       "Smith, 57," or "the 57-year-old" ... "the 56-year-old" for the same person
             ("the N-year-old" is the person named last before it, or with no one named in its
             paragraph or the one before, the person the headline is about)
  durations  "three-day summit" ... "the two-day summit" (event classes from the YAML); "jailed for
             six years" ... "his four-year sentence" (verbs of a class, and only "his"/"the" after them)
  lengths    "a 14-mile light rail extension" ... "the 18-mile extension": a thing a story has one of
             (YAML), unless a word around says the length changed ("originally", "extended from")
  counts     "1,200 jobs will be cut" ... "2,100 jobs will be cut": the same noun with the same
             verb, in different sentences; a death toll ("killed 14 people") ... "the 16 deaths"
  swapped    "the loss of 640 jobs" ... "the loss of 460 jobs": counts of one thing under one word,
             with the same digits in another order (the article model's amounts)
  amounts    "a £12m budget" ... "the £15m budget": one sum of money before the same noun (and
             the same adjective, if any: "annual loss" is not "quarterly loss"), in one currency;
             a verb may name the noun ("pay $14.5 million to settle" ... "the $12.5 million settlement")
  directions "shares rose 4%" ... "the 4% fall": one percentage given a rise and a fall, in
             different sentences (each reported against the direction stated more often)
  totals     "evacuated 52 homes" ... "all 54 homes": the whole taken up again, when the
             article counts the thing once before, with a count verb
  tallies    "voted 7-2" ... "one of three members who voted against", "the six members who
             supported it": the smaller side of a vote's only tally is the number against, the
             larger the number for; "voted 6-3" ... "the 5-4 vote showed": one body's vote (the
             same number of votes cast) taken up plainly with another tally
  breakdowns "312 applications: 180 from England, 95 from Wales and 47 from Scotland": a count
             and, after a colon or a dash ("Of the 312 applications,", "420 beds, of which"), its
             parts, each led by its number and the same word; parts that do not add up to the count;
             or parts of a thing counted once before ("attracted 418 objections" ... "of the
             objections received, 201 came from ..., 132 from ... and 76 from ...")
  restated   "carrying 183 passengers" ... "the 138 (injured) passengers", "320 jobs" ... "the 230 job
             losses", "$75 million" ... "the $57 million
             gift", "3.2 tonnes" ... "the 2.3 tonnes": a thing taken up again with "the" or
             "these" (or inside "the loss of": digits in another order only) and a number whose
             digits are an earlier one's in another order, or of four
             figures or more with one figure changed outside quotations ("18,400 runners" ... "the
             16,400 runners"), a slip of the keys (a number the article gave before is a
             restatement, not a slip); the thing
             may be named by a noun of the same count class ("350 jobs" ... "the 530 workers"),
             and a sum by another of the amounts ("£1.85m contract" ... "the £1.58m deal")

A number that repeats a value the article already gave for the same thing refers back to it
("a $36m contract and a $63m contract ... the $63m contract"): only a new value contradicts.

A change stated as such ("rose from 1,200 to 2,100", "revised", "another 300") is not a
contradiction: the change cues are the rule's YAML. A share after "by" is the change's size ("rose by
23 per cent" ... "the 32 per cent rise" is a slip).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice
from typing import Callable, Iterator, NamedTuple

from ..core.diagnostic import Diagnostic
from ..core.options import Option
from ..document.model import Document
from ..document.people import vocabulary
from .shared.article_model import NUMBER_WORDS, act_stem, article, governor_stem
from .shared.check import Check

_NUM = r"(?:\d[\d,]*|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|" \
       r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)"
_NON_SPACE = re.compile(r"\S+")
_NUMBER_BEFORE = re.compile(rf"\b(?i:{_NUM})\Z")
_CUE_WINDOW = 4  # words either side of a number read for change cues
_AGE = "the age of "


_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_UNITS = {w: i for w, i in NUMBER_WORDS.items() if 1 <= i <= 9}
# a count in words of two parts, as a sentence opens with one ("Sixty-three homes were flooded")
_COMPOUND_WORDS = rf"(?i:(?:{'|'.join(_TENS)})-(?:{'|'.join(_UNITS)}))"


def count_pattern(nouns: str) -> re.Pattern:
    r"""A count of one of the nouns (an alternation): r"\b(?P<n>\d{1,3}(?:,\d{3})+|\d{2,}|sixty-three)\s+
    (?:[a-z]+\s+)?(?P<noun>...)\b", in figures or in two words joined by a hyphen."""
    return re.compile(rf"(?P<n>\d(?<!\w.)(?:\d{{0,2}}(?:,\d{{3}})+|\d+)|\b{_COMPOUND_WORDS})\s+(?:[a-z]+\s+)?"
                      rf"(?P<noun>{nouns})\b")


_MULTIPLIERS = {"k": 10 ** 3, "m": 10 ** 6, "million": 10 ** 6, "bn": 10 ** 9, "billion": 10 ** 9,
                "tn": 10 ** 12, "trillion": 10 ** 12}
# a sum of money: "£12m", "$3.5 billion", "€500,000"
_SUM = r"(?P<cur>[£$€])(?P<n>\d[\d,]*(?:\.\d+)?)(?:\s?(?P<mult>bn|tn|m|k|billion|million|trillion)\b)?"


# words that make a thing's length one of two: "extended from 14 to 18 miles", "originally 14 miles"
_LENGTH_CHANGES = frozenset("from extended extend extending shortened longer shorter originally "
                            "previously initially original first now revised another additional further more "
                            "than".split())
_SHORT = {"million": "m", "billion": "bn", "trillion": "tn"}  # "£2.4 million" is written "£2.4m" too


def _sum(number: str, multiplier: str | None) -> int | None:
    """A sum of money as a number: "14.5", "million" -> 14,500,000; None for "1,,2"."""
    try:
        return round(float(number.replace(",", "")) * _MULTIPLIERS.get(multiplier or "", 1))
    except ValueError:
        return None


def amount_pattern(nouns: str) -> re.Pattern:
    """A sum of money right before one of the nouns, with at most one word between:
    "£12m budget", "$3.5 billion takeover", "€500,000 annual fine"."""
    return re.compile(rf"{_SUM}[- ](?:(?P<adj>[a-z]+(?:-[a-z]+)?) )?(?P<noun>{nouns})\b")


_SEASON_BEFORE = re.compile(r"\b(?i:this|last|next|the|early|late|that) \Z")  # "rose 4.2% this fall": autumn
_PERCENT = re.compile(r"(?P<n>\d+(?:\.\d+)?)(?:\s?%| per ?cent\b)")
# a number with what it counts: "183 passengers", "57 million gift" (after "$"), "2.3 tonnes", "64%
# stake"; led by a digit class, which the engine looks for in C (the currency is the character before)
_QUANTITY = re.compile(r"(?P<n>\d(?<![\w.,]\d)[\d,]*(?:\.\d+)?)"
                       r"(?:\s?(?P<mult>bn|m|k|million|billion|trillion)\b)?(?P<pct>\s?%| per ?cent\b)?"
                       r"(?:[- ](?P<thing>[a-z]+)\b(?: (?P<head>[a-z]+)\b)?)?")
_DEFINITE = re.compile(r"\b(?i:the|these|those|all) \Z")  # not "that": "said that 138 people"
# a count taken up inside a definite act: "the loss of 460 jobs" (its digits swapped only: "the
# deaths of 12 people" may count others than "13 people were hurt")
_DEFINITE_ACT = re.compile(r"\b(?i:the) [a-z]{3,} of \Z")
# a toll that changes: "the death toll rose to 16", "another two people died", "died later in hospital"
_TOLL_CHANGED = re.compile(r"\b(?:toll (?:\w+ )?(?:rose|risen|rises|rising|climbed|climbs|increased|reached|"
                           r"jumped|now)|(?:another|more|further|additional|other) (?:\w+ )?(?:people|deaths|bodies)|"
                           r"(?:died|dead) (?:later|since|overnight|in hospital))\b")
_BACK_REFERENCE = re.compile(r"\b(?i:the|his|her|their|its) \Z")
# a sum brought in as a new thing: "a sweeping $2 trillion bill", "an $8.3 billion bill"
_INDEFINITE = re.compile(r"\b(?i:an?)(?: [a-z]+)? \Z")
# a vote's tally: "voted 7-2", "passed 52-48", "a 5-4 vote", "by a vote of 7 to 2", "defeated 3-4"
_TALLY = re.compile(r"\b(?:(?P<verb>voted|passed|approved|rejected|defeated|carried|backed|failed|vote of|votes? was)"
                    r" (?P<a>\d{1,3})(?:-| to )(?P<b>\d{1,3})\b"
                    r"|(?P<c>\d{1,3})-(?P<d>\d{1,3}) (?:vote|decision|ruling)\b"
                    # British copy: "backed the scheme by seven votes to three"
                    rf"|\bby (?P<e>{_NUM}) votes? to (?P<f>{_NUM})\b)")
_TALLY_SIDES = (("a", "b"), ("c", "d"), ("e", "f"))
# a tally taken up plainly: "the 5-4 vote showed", not "the 5-4 vote on the rezoning", "the 5-4 decision"
_PLAIN_TALLY = re.compile(r"[Tt]he \d{1,3}-\d{1,3} vote\b(?! (?:on|in|by|of|over|for|at|from|to|against)\b)")


def _sides(m: re.Match, x: str, y: str) -> tuple[int, int]:
    """A tally's two sides, the smaller first."""
    a, b = sorted((_value(m.group(x)) or 0, _value(m.group(y)) or 0))
    return a, b


def _tally_value(m: re.Match, x: str, y: str) -> int:
    """A tally as one number to compare: 5-4 and 4-5 alike."""
    fewer, more = _sides(m, x, y)
    return fewer * 1000 + more


_FELL = frozenset(["rejected", "defeated", "failed"])
# a count and its parts: "received 312 applications: 180 from England, 95 from Wales and 47 from
# Scotland", "Of the 312 applications, 180 came from ...", "420 beds, of which 380 are ..."; each
# part is led by its number
_COUNT_NUMBER = r"\d{1,3}(?:,\d{3})+|\d+"
_PARTS = rf"(?P<parts>(?:(?:{_COUNT_NUMBER}) [^,.;:!?]{{1,40}}?, )*(?:{_COUNT_NUMBER}) [^,.;:!?]{{1,40}}?,? and " \
    rf"(?:{_COUNT_NUMBER}) [^,.;:!?]{{1,40}}?)(?=[.;:!?)]|$|, (?:including|among them|such as)\b)"
_TOTAL = rf"(?P<total>(?P<n>{_COUNT_NUMBER}))"
_BREAKDOWNS = (
    re.compile(rf"(?<![\d,.£$€]){_TOTAL} (?P<thing>[a-z]+s)\b(?: [a-z]+){{0,3}}?(?::| —| –) {_PARTS}",
               re.M),
    re.compile(rf"\b[Oo]f (?:the|those|these) {_TOTAL} (?P<thing>[a-z]+s)(?: [a-z]+){{0,3}}?, "
               rf"{_PARTS}", re.M),
    re.compile(rf"(?<![\d,.£$€]){_TOTAL} (?P<thing>[a-z]+s)\b(?: [a-z]+){{0,3}}?, of (?:which|whom) "
               rf"{_PARTS}", re.M),
)
# parts of a thing counted before: "of the objections received, 201 came from residents, 132 from ..."
_PARTS_TAKEN_UP = re.compile(rf"\b[Oo]f (?:the|those|these) (?P<thing>[a-z]+s)(?: [a-z]+){{0,3}}?, {_PARTS}", re.M)
# a sum and its parts: "The $12 million will be divided among three projects: $5 million for bus
# lanes, $4 million for signals and $2 million for platforms"
_IN_A_PART = r"(?:[^,;:.!?\n]|\.(?=\d))"  # a decimal point is no sentence's end: "$1.5 million"
_MONEY_BREAKDOWN = re.compile(rf"(?P<total>{_SUM})[^.:;!?\n$£€]{{0,60}}(?::| —| –) "
                              rf"(?P<parts>(?:[£$€]{_IN_A_PART}{{1,120}}, )*(?:and )?[£$€]{_IN_A_PART}{{1,120}}?)"
                              r"(?=[.;!?]|$)", re.M)
_REMAINDER = re.compile(r"\b(?:[Tt]he (?:other|remaining|rest)|[Aa]nother|[Rr]emainder)\b")
_MONEY_PART = re.compile(rf"(?P<amount>{_SUM}) (?P<words>[a-z]+(?: [a-z]+)*)")
_BREAKDOWN_MARKS = (":", "—", "–", "f the ", "f those ", "f these ", "of which ", "of whom ")  # what each needs
_PART_SPLIT = re.compile(r",? and (?=[\d£$€])|, (?=[\d£$€])")  # "380 are general and acute beds and 40 are ..."
_PART = re.compile(rf"(?P<amount>(?P<n>{_COUNT_NUMBER})) (?P<words>[a-z]+(?: [a-z]+)*)")
# the word that makes parts parallel: the first preposition after the number ("180 came from
# England", "95 from Wales"), else the first word
_PART_PREPOSITIONS = frozenset("from in at for to by on with under over of aged".split())
# the members of the body who voted against, counted: "one of three members who voted against",
# "the two councillors who voted no", "three commissioners voted against"
_VOTERS = rf"\b(?P<n>(?i:{_NUM})) (?:(?:council |board |committee )?members|councillors|council(?:wo)?men|" \
    r"commissioners|supervisors|trustees|directors|justices|judges|aldermen|selectmen|governors)(?: who)? "
_AGAINST = re.compile(_VOTERS + r"(?:voted (?:against|no)|opposed)\b")
# and for it: "the four council members who supported the ordinance"
_FOR = re.compile(_VOTERS + r"(?:voted (?:for|in favou?r|yes)|supported|backed)\b")
# words after a number that name no thing: "$75 million to the university"
_NOT_A_THING = frozenset("to for in on at from and or of by with as was were is are had has have last this a an the "
                         "than more less over under each per it he she they we you".split())
_RELATIVES = frozenset(("who", "whom", "which", "that"))
_LENGTH_NOUNS = re.compile(r"(?: [a-z]+){0,4}")  # the words after a length's unit, in the clause
# an article that gives this many percentages may give one figure for two things
DENSE_PERCENTAGES = 6
_WORD = re.compile(r"[A-Za-z]+")
# a count given as a bound or an estimate, which another count need not equal: "at least 24 people"
_BOUND = re.compile(r"\b(?:at least|at most|as many as|as few as|more than|fewer than|less than|up to|nearly|"
                    r"almost|about|around|some|over|under|roughly|approximately|an estimated)\s+\Z", re.IGNORECASE)
_SMALL = "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
# "Five villages", "the four villages": a count in words of a plural thing
# and one word describing it ("Seven primary schools"; not a plural: "six libraries begins"), not one
# that makes it another set ("two more schools")
_COUNT_IN_WORDS = re.compile(rf"\b(?P<n>(?i:{_SMALL})) (?!(?:more|other|additional|extra|further|new|remaining|former|"
                             rf"existing|separate|different|such)\b)(?:[a-z]{{2,}}[a-rt-z] )?(?P<thing>[a-z]{{3,}}s)\b")
# a count in words taken up: "the four villages", "All three"
_GIVEN_BEFORE_WORDS = re.compile(r"\b(?:[Tt]he|[Aa]ll|[Tt]hese|[Tt]hose) \Z")
# what makes a part of a whole after a count: "the four villages on the east bank", "the two who were charged"
_PART_AFTER = re.compile(r"\s+(?:in|on|at|of|from|near|along|north|south|east|west|that|which|who|where|whose|"
                         r"nearest|closest|worst|hardest|most|still|left|remaining)\b|-")


def _said_before(view: str, word: str, at: int) -> bool:
    """Whether the number `word` stands before `at` already, in words or figures, as a count of
    its own (not in a compound: "a six-square-mile area")."""
    figure = str(NUMBER_WORDS[word.lower()])
    return re.search(rf"(?<!-)\b(?:{re.escape(word)}|{figure})\b(?!-)", view[:at], re.IGNORECASE) is not None


# a count's noun and a phrase that bounds it: "54 homes on the estate", "in the street"
_BOUNDED = re.compile(r"\s+[a-z]+\s+(?:in|on|at|across|of|from|within|throughout|along|near)\b")


@dataclass(frozen=True)
class Quantity:
    key: str         # what is counted: a person, an event class, a noun + verb, a noun + currency
    value: int
    start: int       # the number's span
    end: int
    sentence: int    # index of the sentence
    what: str = ""   # the key as the message says it, when they differ ("the budget")
    stated: bool = False  # says what it is, whatever words surround it ("his 101st birthday", "the loss of")
    bound: bool = False   # joined to its noun ("six-week trial"): the words after the noun are not about it
    said: str = ""        # how the message gives the value when the span does not: "86 (born 1938)"
    introduced: bool = False  # brought in anew ("an $8.3 billion bill" after "a $2 trillion bill"): never
    # a slip itself, but a value a later mention may refer back to


class Direction(NamedTuple):
    """A percentage stated as a rise or a fall: "rose 4%", "the 4% fall"."""

    direction: str        # "rise" or "fall"
    start: int            # the word that says so
    end: int
    sentence: int
    subject: str | None   # what rose or fell, when the sentence says: "prices were up" -> price


# the past tenses of the changes a share measures that no ending makes: "rose by 23 per cent" is the "rise"
_CHANGE_PASTS = {"rise": ("rose", "risen"), "fall": ("fell", "fallen"), "grow": ("grew", "grown"),
                 "growth": ("grew", "grown"), "drop": ("dropped",)}


def _told_in(noun: str, text: str) -> bool:
    """Whether the text names `noun`, or tells it with its verb: "the 32 per cent rise" in "rose
    by 23 per cent", "the increase" in "increased by"."""
    stem = act_stem(noun)
    return any(act_stem(word) == stem or word in _CHANGE_PASTS.get(noun, ())
               for word in _WORD.findall(text.lower()))


def _one_digit_apart(a: str, b: str) -> bool:
    """Two numbers of four figures or more that differ in one figure: "18,400" for "16,400"."""
    return len(a) == len(b) >= 4 and "." not in a + b and sum(x != y for x, y in zip(a, b)) == 1


def _length_nouns(view: str, at: int) -> str:
    """The words that may name what a length measures, after its unit: "(23-mile) walking and
    biking trail" -> "walking biking trail"."""
    run = _LENGTH_NOUNS.match(view, at)
    return " ".join(w for w in (run.group() if run else "").split() if w not in _NOT_A_THING)


def _value(text: str) -> int | None:
    text = text.lower().replace(",", "")
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text]
    tens, _, unit = text.partition("-")
    if tens in _TENS and unit in _UNITS:
        return _TENS[tens] + _UNITS[unit]  # "sixty-three"
    return int(text) if text.isdigit() else None


class NumberConsistency(Check):
    NAME = "number"
    DESCRIPTION = "Flags the same age, duration, count or sum stated twice with different numbers."
    OPTIONS = {
        "durations": Option("mapping_of_lists", {}, "event class -> nouns whose length is compared"),
        "units": Option("strings", ["hour", "day", "week", "month", "year"], "units of a duration"),
        "lengths": Option("strings", [], "nouns a story has one of, whose length is compared: extension, pipeline "
                          "('a 14-mile light rail extension' ... 'the 18-mile extension')"),
        "length_units": Option("strings", ["mile", "kilometre", "kilometer", "km"], "units of a length"),
        "duration_verbs": Option("mapping_of_lists", {}, "event class -> verbs whose 'for N years' is its length "
                                 "(sentence -> jailed): then only 'the'/'his' N-year sentence refers back to it"),
        "counts": Option("strings", [], "nouns whose counts are compared"),
        "toll_verbs": Option("strings", [], "verbs before a death toll: 'killed 14 (people)'"),
        "toll_nouns": Option("strings", [], "nouns after a death toll taken up again: 'the 16 deaths'"),
        "count_verbs": Option("strings", [], "verbs that make two counts the same thing (cut, killed...)"),
        "count_classes": Option("mapping_of_lists", {}, "class -> nouns that count one thing, for a number restated "
                                "with its digits swapped: workforce: [jobs, workers] ('350 jobs' ... 'the 530 "
                                "workers')"),
        "amounts": Option("strings", [], "nouns whose sums of money are compared (budget, deal)"),
        "amount_verbs": Option("mapping_of_lists", {}, "verbs that give one of those nouns its sum: settlement: "
                               "['to settle', 'settled for'] ('pay $14.5 million to settle' ... 'the $12.5 million "
                               "settlement'); a phrase in 'to' follows the sum, any other comes before it"),
        "rises": Option("strings", [], "words beside a percentage that make it a rise (rose, up, gain)"),
        "falls": Option("strings", [], "words beside a percentage that make it a fall (fell, down, drop)"),
        "change_cues": Option("strings", [], "words near a count or duration that state a change"),
        "age_cues": Option("strings", ["turned", "turns", "turning", "birthday"],
                           "words near an age that state a change"),
        "proposal_cues": Option("strings", [], "words before a count or sum in its sentence that make it one asked "
                                "for, not the one given: asked, sought ('lawyers asked for a $20,000 fine')"),
    }
    SCOPES = ("document",)
    DEFAULT_SCOPE = "document"
    PLACEHOLDERS = ("match", "what", "other", "line")

    def __init__(self, rule, context):
        super().__init__(rule, context)
        opts = self.options
        self.duration_class = {n.lower(): cls for cls, nouns in opts["durations"].items() for n in nouns}
        self.change = {w.lower() for w in opts["change_cues"]}
        self.age_change = {w.lower() for w in opts["age_cues"]}
        self.proposals = frozenset(w.lower() for w in opts["proposal_cues"])
        self.count_verbs = {w.lower() for w in opts["count_verbs"]}
        self.count_verb_stems = {governor_stem(w) for w in self.count_verbs}
        self.count_class = {n.lower(): cls for cls, nouns in opts["count_classes"].items() for n in nouns}
        self.amount_nouns = frozenset(n.lower() for n in opts["amounts"])
        self.length_units = frozenset(u.lower() for u in opts["length_units"])
        units = "|".join(re.escape(u) for u in opts["units"])
        # found from the unit, then the number read backwards: "three-day summit", "48 hour strike"
        self.duration = re.compile(rf"[- ](?P<unit>(?i:{units}))s?(?:[- ]long)?\s+(?P<noun>[a-z]+)") if units else None
        lengths = "|".join(re.escape(n) for n in opts["lengths"])
        length_units = "|".join(re.escape(u) for u in opts["length_units"])
        # "a 14-mile light rail extension": a number, its unit, at most two words, the noun
        self.length = re.compile(rf"\b(?P<n>{_NUM}(?:\.\d+)?)[- ](?P<unit>{length_units})s?(?:[- ]long)? "
                                 rf"(?:[a-z]+[- ]){{0,2}}?(?P<noun>{lengths})\b") if lengths and length_units else None
        self.verb_class = {v.lower(): cls for cls, verbs in opts["duration_verbs"].items() for v in verbs}
        verbs = "|".join(re.escape(v) for v in sorted(self.verb_class, key=len, reverse=True))
        # "was jailed for six years", "sentenced Thursday to 18 months"
        self.duration_verb = re.compile(rf"\b(?P<verb>{verbs})(?: [A-Z]?[a-z]+){{0,2}}? (?:for|to) (?P<n>{_NUM}) "
                                        rf"(?P<unit>(?i:{units}))s?\b") if verbs and units else None
        nouns = "|".join(re.escape(n) for n in sorted(opts["counts"], key=len, reverse=True))
        self.count = count_pattern(nouns) if nouns else None
        toll_verbs = "|".join(re.escape(v) for v in sorted(opts["toll_verbs"], key=len, reverse=True))
        toll_nouns = "|".join(re.escape(n) for n in sorted(opts["toll_nouns"], key=len, reverse=True))
        # "killed 14 people", "killed at least 14", "14 people were killed", "14 people died"
        not_people = r"(?! (?:percent|per cent|years?|months?|weeks?|days?|hours?|miles?|times)\b)(?![\w%.,]\d)"
        self.toll = re.compile(rf"\b(?:(?:{toll_verbs}) (?:at least |more than |nearly |about |some )?(?P<n>{_NUM})"
                               rf"{not_people}|(?P<m>(?i:{_NUM})) people (?:(?:were|have|had|have been|had been) )?"
                               rf"(?:{toll_verbs}|died|dead))\b") if toll_verbs else None
        self.toll_again = re.compile(rf"\b(?:[Tt]he|[Tt]hese|[Aa]ll) (?P<n>{_NUM}) (?:{toll_nouns})\b") \
            if toll_nouns else None
        self.rises = {w.lower() for w in opts["rises"]}
        self.falls = {w.lower() for w in opts["falls"]}
        money = "|".join(re.escape(n) for n in sorted(opts["amounts"], key=len, reverse=True))
        self.amount = amount_pattern(money) if money else None
        # each verb phrase -> its noun; "fined" before the sum, "to settle" after it (its object follows)
        self.verb_noun = {v.lower(): noun.lower() for noun, verbs in opts["amount_verbs"].items() for v in verbs}
        phrases = sorted(self.verb_noun, key=len, reverse=True)
        before = "|".join(re.escape(v) for v in phrases if not v.startswith("to "))
        after = "|".join(re.escape(v) for v in phrases if v.startswith("to "))
        self.verb_amounts = ([(re.compile(rf"\b(?P<verb>{before}) {_SUM}"), False)] if before else []) + \
            ([(re.compile(rf"{_SUM} (?P<verb>{after})\b"), True)] if after else [])

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        sentences = doc.sentences
        if not sentences:
            return
        quantities = [*self._ages(doc), *self._durations(doc), *self._lengths(doc), *self._verb_durations(doc),
                      *self._counts(doc),
                      *self._tolls(doc), *self._amounts(doc), *self._transposed(doc), *self._restated(doc),
                      *self._tallies(doc), *self._totals(doc), *self._counted_in_words(doc)]
        by_key: dict[str, list[Quantity]] = {}
        for q in sorted(quantities, key=lambda q: q.start):  # the value given first is the reference
            by_key.setdefault(q.key, []).append(q)
        reported: set[int] = set()  # two readings of one number ("the $63 million contract") give one finding
        for key, group in by_key.items():
            values = {q.value for q in group}
            if len(values) < 2:
                continue
            first = group[0]
            what = first.what or key
            for k, q in enumerate(group[1:], 1):
                if q.introduced or any(q.value == p.value for p in group[:k]) or q.sentence == first.sentence \
                        or self._changed(doc, q) or self._changed(doc, first) or self._apart(doc, first, q):
                    continue  # a value given before for the thing refers back to it
                if q.start in reported:
                    continue
                reported.add(q.start)
                other = first.said or doc.view[first.start:first.end]
                # a year of birth has no replacement to offer; an age stated against one has the age
                suggestions = [] if q.said else [str(first.value) if first.said else other]
                yield self.report(doc, q.start, q.end, suggestions=suggestions,
                                  related=[(first.start, first.end, f"{what}: {other} here")],
                                  what=what, other=other, line=doc.line_of(first.start),
                                  match=q.said or doc.view[q.start:q.end])

        yield from self._directions(doc)
        yield from self._breakdowns(doc)

    def _breakdowns(self, doc: Document) -> Iterator[Diagnostic]:
        """A count broken into parts that do not add up to it (see the module's docstring). The
        parts must be parallel ("180 from England, 95 from Wales"): "312 applications: 180
        were approved and 95 rejected" may leave some undecided."""
        view = doc.view
        if not any(mark in view for mark in _BREAKDOWN_MARKS):
            return
        for kind in _BREAKDOWN_KINDS:
            for m in kind.pattern.finditer(view):
                total = kind.value(m)
                led = self._parallel_parts(doc, kind, m)
                if total is None or led is None:
                    continue
                parts = [kind.value(p) or 0 for p in led]
                if sum(parts) == total or max(parts) >= total:
                    continue
                listed = " + ".join(p.group("amount") for p in led)
                added = kind.written(m, sum(parts))
                yield self.report(doc, m.start("total"), m.end("total"), suggestions=[added],
                                  related=[(m.start("parts"), m.end("parts"), f"the parts: {listed}")],
                                  what=kind.what(m), other=f"its parts add up to {added} ({listed})",
                                  line=doc.line_of(m.start("parts")), match=m.group("total"))
        yield from self._parts_of_a_count_given_before(doc)

    def _parallel_parts(self, doc: Document, kind: _Breakdown, m: re.Match) -> list[re.Match] | None:
        """The parts a breakdown lists, each led by its number, when they are parallel ("180
        from England, 95 from Wales"), in the total's currency where it has one, and all of it
        (no "the other three" after them)."""
        items = _PART_SPLIT.split(m.group("parts").strip())
        led = [p for p in (kind.part.match(item) for item in items) if p]
        if len(items) < 2 or len(led) < len(items) or len({_parallel_word(p.group("words")) for p in led}) != 1 \
                or any(p.groupdict().get("cur") != m.groupdict().get("cur") for p in led) \
                or self._remainder_follows(doc, m.end("parts")):
            return None
        return led

    def _parts_of_a_count_given_before(self, doc: Document) -> Iterator[Diagnostic]:
        """Parts of a thing the article counted once before ("attracted 418 objections" ... "of
        the objections received, 201 came from residents, 132 from people elsewhere and 76 from
        businesses"): the parts must add up to that count."""
        view = doc.view
        kind = _BREAKDOWN_KINDS[0]
        for m in _PARTS_TAKEN_UP.finditer(view) if "f the " in view else ():
            count = re.compile(rf"(?<![\d,.£$€])(?P<n>{_COUNT_NUMBER}) {re.escape(m.group('thing'))}\b")
            counted = {c.group("n"): c for c in count.finditer(view, 0, m.start())
                       if not _BOUND.search(view, max(0, c.start() - 14), c.start())}  # not "More than 400"
            led = self._parallel_parts(doc, kind, m)
            if len(counted) != 1 or led is None:
                continue
            (written, given), = counted.items()
            total, parts = int(written.replace(",", "")), [int(p.group("n").replace(",", "")) for p in led]
            if sum(parts) == total or max(parts) >= total:
                continue
            listed = " + ".join(p.group("amount") for p in led)
            yield self.report(doc, m.start("parts"), m.end("parts"), suggestions=[],
                              related=[(given.start("n"), given.end("n"), f"the total: {written}")],
                              what=f"the total of {m.group('thing')}", other=written,
                              line=doc.line_of(given.start()), match=f"{sum(parts):,} ({listed})")

    def _remainder_follows(self, doc: Document, end: int) -> bool:
        """Whether the parts' sentence or the next one speaks of the rest ("The other three races
        are for vacant seats"): the parts listed were not all of them."""
        k = self._sentence_of(doc, end)
        stop = doc.sentences[min(k + 1, len(doc.sentences) - 1)][1]
        return _REMAINDER.search(doc.view, end, max(stop, end)) is not None

    def _directions(self, doc: Document) -> Iterator[Diagnostic]:
        """A percentage stated as a rise in one sentence and as a fall in another: the
        direction stated less often (on a tie, the later) is reported."""
        if not (self.rises and self.falls) or "%" not in doc.view and "per cent" not in doc.view:
            return
        view = doc.view
        stated: dict[str, list[Direction]] = {}  # "4" -> what each of its mentions says
        for m in _PERCENT.finditer(view):
            before = [(w.group().lower(), w.start(), w.end())
                      for w in _WORD.finditer(view, max(0, m.start() - 40), m.start())][-3:]
            after = [(w.group().lower(), w.start(), w.end())
                     for w in islice(_WORD.finditer(view, m.end(), m.end() + 30), 2)]
            rise = [w for w in before + after if w[0] in self.rises]
            fall = [w for w in before + after if w[0] in self.falls
                    and not (w[0] == "fall" and _SEASON_BEFORE.search(view, max(0, w[1] - 7), w[1]))]
            if bool(rise) == bool(fall):
                continue  # neither, or both: "rose 4% after falling 3%"
            _, start, end = (rise or fall)[0]
            stated.setdefault(m.group("n"), []).append(Direction(
                "rise" if rise else "fall", start, end, self._sentence_of(doc, m.start()),
                _subject_before(view, start) if end <= m.start() else None))
        dense = len(_PERCENT.findall(view)) >= DENSE_PERCENTAGES
        for value, found in stated.items():
            directions = [f.direction for f in found]
            if len(set(directions)) < 2 or len({f.sentence for f in found}) < 2:
                continue
            subjects = {f.subject for f in found}
            if len(subjects - {None}) > 1 or (dense and (None in subjects or len(subjects) > 1)):
                # "prices were up 23%" ... "sales fell 23%": two things; among many percentages, one
                # figure twice may be two things unless both say what changed, and the same thing
                continue
            usual = max(("rise", "fall"), key=lambda d: (directions.count(d), -directions.index(d)))
            anchor = next(f for f in found if f.direction == usual)
            other = view[anchor.start:anchor.end]
            for f in found:
                if f.direction == usual or f.sentence == anchor.sentence:
                    continue
                yield self.report(doc, f.start, f.end,
                                  related=[(anchor.start, anchor.end, f"the {value}% change: '{other}' here")],
                                  match=f"a {f.direction} ('{view[f.start:f.end]}')", what=f"the {value}% change",
                                  other=f"a {usual} ('{other}')", line=doc.line_of(anchor.start))

    def _sentence_of(self, doc: Document, offset: int) -> int:
        return max(0, doc.sentence_index(offset))

    def _changed(self, doc: Document, q: Quantity) -> bool:
        """A change cue among the few words around the number ("up from 800", "another 300")."""
        if q.stated:
            return False
        s, e = doc.sentences[q.sentence]
        before = doc.view[s:q.start].split()
        after = [] if q.bound else doc.view[q.end:e].split()[:_CUE_WINDOW]
        cues = self.age_change if q.key.startswith(_AGE) else self.change
        if q.key.startswith(_AGE):  # "turned 44" changes an age; "the 43-year-old turned to face" does not
            after = [w for k, w in enumerate(after)
                     if not _TURN.fullmatch(w) or (k + 1 < len(after) and _NUMBER_NEXT.match(after[k + 1]))]
        window = before[-_CUE_WINDOW:]
        if window and window[-1].lower() != "of":  # "a total of 300" states a change; "the terms of
            window = [w for w in window if w.lower() != "of"]  # the $12.5m deal" names a thing
        return bool(cues & _cue_words(window, len(before) <= _CUE_WINDOW, after))

    def _apart(self, doc: Document, a: Quantity, b: Quantity) -> bool:
        """Two counts or sums that are two things: one is asked for, not given ("his lawyers asked
        for a $20,000 fine"), or each sentence is about people of the article (not those who speak
        of the thing) and none of them the same ("Kerik was fined $250,000" ... "Safavian received a
        $100,000 fine"). Ages go by person already."""
        if a.key.startswith(_AGE):
            return False
        spans = [doc.sentences[q.sentence] for q in (a, b)]
        for (s, _), q in zip(spans, (a, b)):
            before = [w.strip(",.;:()\"“”'’").lower() for w in doc.view[s:q.start].split()]
            if before and before[-1] not in _GIVEN_BEFORE and self.proposals.intersection(before):
                return True  # "asked the judge to impose a $20,000 fine" (not "asked ... to help the 530 workers")
        from ..resources import lexicon
        model, zipf = article(doc), lexicon.get().zipf
        said = vocabulary()["speech_verbs"]
        # the people each sentence is about: its persons (a word as common as "District" is none),
        # but those who speak of the thing
        named = [{r.surname for r in model.runs if s <= r.start < e and r.surname in model.cast.persons
                  and zipf(r.surname.lower()) < _COMMON_WORD
                  and not said.intersection(doc.view[r.end:r.end + 12].replace(",", " ").split()[:1])
                  and not said.intersection(doc.view[max(s, r.start - 8):r.start].split()[-1:])}
                 for s, e in spans]
        return all(named) and not named[0] & named[1]

    def _ages(self, doc: Document) -> Iterator[Quantity]:
        for age in article(doc).ages:
            yield Quantity(f"{_AGE}{age.person}", age.value, age.start, age.end, self._sentence_of(doc, age.start),
                           stated=age.how in ("birthday", "born", "turning"), said=_said_age(doc, age))

    def _transposed(self, doc: Document) -> Iterator[Quantity]:
        """Counts of one thing under one governor whose digits are one another's, swapped: "the
        loss of 640 jobs" ... "the loss of 460 jobs" (from the article model's amounts)."""
        by_key: dict[tuple[str, str], list] = {}
        for amount in article(doc).amounts:
            by_key.setdefault((amount.governor, amount.thing), []).append(amount)
        for (_, thing), group in by_key.items():
            if len({a.value for a in group}) < 2 or len({"".join(sorted(a.digits)) for a in group}) > 1:
                continue
            for a in group:
                # the governor says what the count is, so the change cues around it ("of") do not apply
                yield Quantity(f"the count of {thing} ({a.governor})", a.value, a.start, a.end,
                               self._sentence_of(doc, a.start), what=f"the number of {thing}", stated=True)

    def _totals(self, doc: Document) -> Iterator[Quantity]:
        """"all 54 homes" taking up the one other count the article gives the thing, made by
        a count verb ("evacuated 52 homes"): the same homes, so the same number (not "all 54
        homes on the estate", a whole the words after it bound)."""
        amounts = article(doc).amounts
        for total in (a for a in amounts if a.governor == "all"):
            if _BOUNDED.match(doc.view, total.end):
                continue  # "all 54 homes on the estate": a whole of its own
            others = [a for a in amounts if a.thing == total.thing and a is not total]
            if len(others) != 1 or others[0].start > total.start or others[0].governor not in self.count_verb_stems:
                continue
            for a in (others[0], total):
                yield Quantity(f"all the {total.thing}", a.value, a.start, a.end, self._sentence_of(doc, a.start),
                               what=f"the number of {total.thing}")

    def _counted_in_words(self, doc: Document) -> Iterator[Quantity]:
        """A count in words taken up with "the" or "all" ("Five villages were cut off" ... "schools
        in the four villages"): the thing counted once before, the new number given for nothing
        before it, and no words after it that make a part of the whole ("the four villages on the
        east bank", "the two who were charged")."""
        view = doc.view
        counts: dict[str, list[re.Match]] = {}
        for m in _COUNT_IN_WORDS.finditer(view):
            counts.setdefault(m.group("thing").lower(), []).append(m)
        for thing, found in counts.items():
            if len(found) != 2:
                continue
            first, again = found
            taken_up = _GIVEN_BEFORE_WORDS.search(view, max(0, again.start() - 5), again.start())
            a, b = (NUMBER_WORDS[m.group("n").lower()] for m in found)
            if a == b or not taken_up or _GIVEN_BEFORE_WORDS.search(view, max(0, first.start() - 5), first.start()) \
                    or _PART_AFTER.match(view, again.end()) or _said_before(view, again.group("n"), again.start()) \
                    or re.search(rf"\d {re.escape(thing)}\b", view, re.IGNORECASE):
                continue  # ("In the 32 states in which ...": a thing counted in figures too is counted in many sets)
            for m in found:
                yield Quantity(f"the {thing} counted", NUMBER_WORDS[m.group("n").lower()], m.start("n"), m.end("n"),
                               self._sentence_of(doc, m.start()), what=f"the number of {thing}")

    def _restated(self, doc: Document) -> Iterator[Quantity]:
        """A thing taken up again ("the 138 passengers", "all 830 jobs") with an earlier number's digits in another
        order ("183 passengers"): both, under a key of their own, when the article gave the new
        value for nothing of that unit before."""
        view = doc.view
        seen: list[tuple[str, str, str, re.Match]] = []  # unit, thing, digits, match
        for m in _QUANTITY.finditer(view):
            digits = m.group("n").replace(",", "").rstrip(".")
            currency = view[m.start() - 1] if m.start() and view[m.start() - 1] in "£$€" else ""
            unit = f"{currency}{_SHORT.get(m.group('mult'), m.group('mult') or '')}{'%' if m.group('pct') else ''}"
            thing = m.group("thing") or ""
            head = m.group("head")
            if not unit and thing in self.length_units and view[m.end("n"):m.start("thing")] == "-":
                # "a 23-mile walking and biking trail": a length, of the nouns that follow its unit
                unit, thing = thing, _length_nouns(view, m.end("thing"))
                if not thing:
                    continue
            elif not unit and head and head.endswith("s") and not thing.endswith("s") and thing not in _NOT_A_THING:
                # "the 1,420 evacuated homes": homes, described; "the 230 job losses": the jobs counted before
                thing = f"{thing}s" if any(t == f"{thing}s" for _, t, _, _ in seen) else head
            if not unit and not (thing.endswith("s") and len(set(digits)) > 1 and not _year(m.group("n"))):
                continue  # a bare count counts a plural: "183 passengers", not "2019 season"
            length = unit in self.length_units
            if unit and not length and m.group("head") and thing not in _NOT_A_THING \
                    and m.group("head") not in _NOT_A_THING:
                thing = f"{thing} {m.group('head')}"  # "a 12% rent increase": the increase, of rent
            start = m.start() - len(currency)
            # "the 27% who said so in 2011": a share its own clause defines, no number taken up
            definite = _DEFINITE.search(view, max(0, start - 7), start)
            # (and a number the article wrote before, for whatever, is a restatement: "640 jobs in
            # Leeds and 460 at Hull" ... "the loss of 460 jobs in Hull")
            act = not definite and not unit and _DEFINITE_ACT.search(view, max(0, start - 24), start) \
                and not re.compile(rf"(?<![\d,.]){re.escape(m.group('n'))}(?![\d,])").search(view, 0, start)
            if m.group("thing") not in _RELATIVES and (definite or act) and len(set(digits.replace(".", ""))) > 1:
                # a sum taken up with "the" where the article gave one sum only: that one, whatever
                # its noun ("a £4.2m diagnostic centre" ... "the £2.4 million unit")
                sole_sum = bool(currency) and len({d for u, _, d, _ in seen if u == unit}) == 1
                earlier = [(t, d, e) for u, t, d, e in seen if u == unit and (sole_sum or self._same_thing(
                    t, thing, currency, self._lead_in(doc, e) if m.group("pct") else None))]
                # (one figure changed is a slip too, outside quotations, where a speaker may
                # round or misremember: "the 30,000 emails that are missing")
                slips = [e for t, d, e in earlier if d != digits and (sorted(d) == sorted(digits) or (
                    not act and _one_digit_apart(d, digits) and not doc.in_quote(e.start(), e.end())
                    and not doc.in_quote(m.start(), m.end())))]
                given = any(d == digits for u, _, d, _ in seen if u == unit)  # for this thing or another
                if slips and not given and not self._cued(doc, slips[0]):
                    named = thing and thing.split()[0] not in _NOT_A_THING
                    what = f"the length of the {thing.split()[0]}" if length else \
                        (f"the {thing}" if named else "the sum" if currency else "the share") \
                        if currency or m.group("pct") else f"the number of {thing}"
                    key = f"{what} ({slips[0].start()})"
                    for q in (slips[0], m):
                        at = q.start() - len(currency)
                        end = q.end("pct") if q.group("pct") else q.end("mult") if q.group("mult") else q.end("n")
                        yield Quantity(key, round(float(q.group("n").replace(",", "").rstrip(".")) * 100), at, end,
                                       self._sentence_of(doc, at), what=what, stated=True)
            seen.append((unit, thing, digits, m))

    def _same_thing(self, earlier: str, thing: str, currency: str, lead_in: str | None = None) -> bool:
        """Whether a number restated for `thing` may restate one given for `earlier`: the same
        noun, a word that names no thing ("$75 million to the university"), nouns of one count
        class ("jobs", "workers"), or, for a sum of money, two of the rule's amounts ("a £1.85m
        contract" ... "the £1.58m deal"). A share that names no thing after it is one of the thing
        its sentence named before it (`lead_in`): "Turnout was 31.4 per cent" ... "the 34.1 per cent
        turnout", not "a low of 5.3%" ... "the 3.5 percent typical"."""
        if not earlier or earlier in _NOT_A_THING:
            return lead_in is None or not thing or _told_in(thing.split()[0], lead_in)
        if set(earlier.split()) & set(thing.split()):
            return True  # "at £3.2m," ... "the £2.3m bill"; "a 12% rent increase" ... "the 21% increase"
        if not thing:
            return False
        if currency:  # a sum's noun may follow a modifier: "a $2.6 million state grant"
            nouns = self.amount_nouns
            return bool(nouns.intersection(earlier.split()) and nouns.intersection(thing.split()))
        cls = self.count_class.get(earlier.split()[0])  # the noun a number counts comes first
        return cls is not None and cls == self.count_class.get(thing.split()[0])

    def _lead_in(self, doc: Document, m: re.Match) -> str:
        """The words of a number's sentence before it."""
        return doc.view[doc.sentences[self._sentence_of(doc, m.start())][0]:m.start()]

    def _cued(self, doc: Document, m: re.Match) -> bool:
        """A change cue among the two words before a number ("rose from 36"): the words after
        it name what it counts. A bound is no change ("more than 12,400 runners"), nor the size of
        a change in percent ("rose by 23 per cent" is the "23 per cent rise")."""
        lead_in = self._lead_in(doc, m)
        if _BOUND.search(doc.view, m.start() - min(len(lead_in), 16), m.start()) or \
                (m.group("pct") and lead_in.endswith(" by ")):
            return False
        before = lead_in.split()
        return bool(self.change & _cue_words(before[-2:], len(before) <= 2, []) - _NOT_CHANGES)

    def _durations(self, doc: Document) -> Iterator[Quantity]:
        if self.duration is None:
            return
        view = doc.view
        for m in self.duration.finditer(view):
            cls = self.duration_class.get(m.group("noun").lower())
            if cls is None:
                continue
            n = _NUMBER_BEFORE.search(view, max(0, m.start() - 12), m.start())
            if n is None:
                continue
            value = _value(n.group())
            if value is None:
                continue
            referred = cls in self.verb_class.values()
            if referred and not _BACK_REFERENCE.search(view, max(0, n.start() - 6), n.start()):
                continue  # "received a four-year sentence" may be someone else's; "his four-year sentence" is not
            unit = m.group("unit").lower()
            bound = view[n.end():m.start() + 1] == "-" and view[m.end("unit"):m.start("noun")] == " "
            yield Quantity(f"the length of the {cls} in {unit}s", value, n.start(), m.end("unit"),
                           self._sentence_of(doc, n.start()), bound=bound, stated=referred)

    def _lengths(self, doc: Document) -> Iterator[Quantity]:
        """The length of a thing a story has one of: "a 14-mile light rail extension" ... "the
        18-mile extension"."""
        if self.length is None:
            return
        view = doc.view
        for m in self.length.finditer(view):
            value = _value(m.group("n"))
            before = view[max(0, m.start() - 40):m.start()].split()[-_CUE_WINDOW:]
            around = (*before, *view[m.end():m.end() + 40].split())
            near = {w.strip(",.;:()\"“”'’").lower() for w in around}
            if value is not None and not near & _LENGTH_CHANGES:
                # (a length is the thing's own: "is expected to begin" speaks of the building, not of it)
                unit = m.group("unit").lower()
                yield Quantity(f"the length of the {m.group('noun')} in {unit}s", value, m.start("n"), m.end("unit"),
                               self._sentence_of(doc, m.start("n")), stated=True)

    def _verb_durations(self, doc: Document) -> Iterator[Quantity]:
        """"jailed for six years": the length of the event the verb names, when every such verb in
        the article gives one value (two values are two people's sentences)."""
        if self.duration_verb is None or not any(verb in doc.view for verb in self.verb_class):
            return
        found: dict[str, list[Quantity]] = {}
        for m in self.duration_verb.finditer(doc.view):
            value = _value(m.group("n"))
            if value is not None:
                cls = self.verb_class[m.group("verb").lower()]
                key = f"the length of the {cls} in {m.group('unit').lower()}s"
                found.setdefault(key, []).append(Quantity(key, value, m.start("n"), m.end(),
                                                          self._sentence_of(doc, m.start("n")), stated=True))
        for group in found.values():
            if len({q.value for q in group}) == 1:
                yield from group

    def _tolls(self, doc: Document) -> Iterator[Quantity]:
        """A death toll ("killed 14 people", "14 people died") taken up again with "the" ("the 16
        deaths", "the 12 victims"): only when every toll the article gives has one value (two
        values are two events, or a toll that rose)."""
        if self.toll is None or self.toll_again is None:
            return
        view = doc.view
        if _TOLL_CHANGED.search(view):
            return  # "the death toll rose to 16", "another two people died"
        again = list(self.toll_again.finditer(view))
        if not again:
            return  # a toll nobody takes up again contradicts nothing
        # "The five deaths make it the deadliest fire since 2009, when a blaze killed six": a toll in
        # the sentence that takes one up again is another event's, for comparison
        compared = {self._sentence_of(doc, m.start()) for m in again}
        tolls = [(m, "n" if m.group("n") else "m") for m in self.toll.finditer(view)
                 if self._sentence_of(doc, m.start()) not in compared]
        values = {_value(m.group(g)) for m, g in tolls}
        if len(values) != 1 or None in values:
            return
        key = "the death toll"
        for m, g in tolls:
            yield Quantity(key, _value(m.group(g)) or 0, m.start(g), m.end(g), self._sentence_of(doc, m.start(g)))
        for m in again:
            value = _value(m.group("n"))
            if value is not None:
                yield Quantity(key, value, m.start("n"), m.end("n"), self._sentence_of(doc, m.start("n")), stated=True)

    def _tallies(self, doc: Document) -> Iterator[Quantity]:
        """A vote's tally ("voted 7-2") and the members said to have voted against it ("one of
        three members who voted against"): the smaller side of the tally is the count against (the
        larger where the motion fell: "defeated 3-4"), when the article gives one tally only (two
        are two votes)."""
        view = doc.view
        if " vote" not in view:
            return
        tallies = [(m, next((x, y) for x, y in _TALLY_SIDES if m.group(x))) for m in _TALLY.finditer(view)]
        sides = {_sides(m, x, y) for m, (x, y) in tallies}
        if len(sides) == 2 and len({sum(pair) for pair in sides}) == 1:  # the same number of votes cast
            yield from self._retold_tally(doc, tallies)
        if len(sides) != 1:
            return
        m, (x, y) = tallies[0]
        (fewer, more), = sides
        # the smaller side voted against, unless the motion fell ("defeated 3-4")
        against, in_favour = (more, fewer) if m.group("verb") in _FELL else (fewer, more)
        for key, value, said in (("the number who voted against", against, _AGAINST),
                                 ("the number who voted for", in_favour, _FOR)):
            # the side in the first tally: "7-2" -> "2", "seven votes to three" -> "three"
            group = x if _value(m.group(x)) == value else y
            yield Quantity(key, value, m.start(group), m.end(group), self._sentence_of(doc, m.start(group)),
                           stated=True)
            for found in said.finditer(view):
                if (n := _value(found.group("n"))) is not None:
                    yield Quantity(key, n, found.start("n"), found.end("n"), self._sentence_of(doc, found.start()),
                                   stated=True)

    def _retold_tally(self, doc: Document, tallies: list[tuple[re.Match, tuple[str, str]]]) -> Iterator[Quantity]:
        """Two tallies of one body (the same number of votes cast), the later taken up plainly as
        "the 5-4 vote" ("voted 6-3" ... "the 5-4 vote showed"): one vote given two tallies. Not a
        vote named by what it was on or whose it was ("The 5-4 vote on the rezoning", "the 5-4
        decision in Shelby County"), nor one a sentence states ("voted 5-4 last month")."""
        view = doc.view
        plain = [_PLAIN_TALLY.match(view, max(0, m.start() - 4)) is not None for m, _ in tallies]
        first, (x, y) = tallies[0]
        stated = {_sides(m, a, b) for (m, (a, b)), taken_up in zip(tallies, plain) if not taken_up}
        yield Quantity("the vote's tally", _tally_value(first, x, y), first.start(x), first.end(y),
                       self._sentence_of(doc, first.start()), what="the tally of the vote")
        for (m, (a, b)), taken_up in zip(tallies[1:], plain[1:]):
            if taken_up and _sides(m, a, b) not in stated:
                yield Quantity("the vote's tally", _tally_value(m, a, b), m.start(a), m.end(b),
                               self._sentence_of(doc, m.start()), what="the tally of the vote")

    def _counts(self, doc: Document) -> Iterator[Quantity]:
        if self.count is None or not self.count_verbs:
            return
        view = doc.view
        seen_sentences: dict[str, set[int]] = {}
        for m in self.count.finditer(view):
            sentence = self._sentence_of(doc, m.start())
            s, e = doc.sentences[sentence]
            # the next five words (not a split of the rest of the sentence: quadratic in a long one)
            words = [w.group().strip(",.;:()\"“”'’").lower() for w in islice(_NON_SPACE.finditer(view, m.end(), e), 5)]
            # and the word between the number and the noun ("the 16 injured passengers"), and a
            # participle before the number ("injuring 14 passengers"), in the form of the past (not
            # "killed 14 people": a verb before the count states an event, which two may share)
            before = view[max(s, m.start() - 16):m.start()].split()[-1:]
            words += view[m.end("n"):m.start("noun")].split() + [w for w in before if w.endswith("ing")]
            verbs = {self._past(w) for w in words} & self.count_verbs
            if len(verbs) != 1:
                continue
            if _BOUND.search(view, max(s, m.start() - 14), m.start("n")) \
                    or doc.in_quote(m.start(), m.end(), written=True):
                continue  # "at least 24 people were killed": a bound, not a count; a tweet keeps its figure
            key = f"the number of {m.group('noun')} {verbs.pop()}"
            if sentence in seen_sentences.setdefault(key, set()):
                continue  # two counts in one sentence are a breakdown, not a restatement
            seen_sentences[key].add(sentence)
            yield Quantity(key, _value(m.group("n")) or 0, m.start("n"), m.end("n"), sentence)

    def _past(self, verb: str) -> str:
        """A count verb in -ing in the form of its past, when that is a count verb: injuring -> injured."""
        lower = verb.lower()
        past = lower[:-3] + "ed"
        return past if lower.endswith("ing") and past in self.count_verbs else lower

    def _amounts(self, doc: Document) -> Iterator[Quantity]:
        if self.amount is None or not any(c in doc.view for c in "£$€"):
            return
        described: dict[tuple[str, str], set[str | None]] = {}  # (noun, currency) -> the adjectives before it so far
        keys: set[str] = set()
        for m in self.amount.finditer(doc.view):
            value = _sum(m.group("n"), m.group("mult"))
            if value is None:
                continue
            adjective, kinds = m.group("adj"), described.setdefault((m.group("noun"), m.group("cur")), set())
            if adjective is None and len(kinds) == 1 and None not in kinds \
                    and _BACK_REFERENCE.search(doc.view, max(0, m.start() - 5), m.start()):
                adjective = next(iter(kinds))  # "a $750,000 state grant" ... "the $500,000 grant": the one grant
            kinds.add(m.group("adj"))
            noun = f"{adjective} {m.group('noun')}" if adjective else m.group("noun")
            end = m.end("mult") if m.group("mult") else m.end("n")
            key = f"the {noun} in {m.group('cur')}"
            # "already approved an $8.3 billion bill" after "a $2 trillion bill": another bill
            introduced = key in keys and bool(_INDEFINITE.search(doc.view, max(0, m.start() - 20), m.start()))
            keys.add(key)
            yield Quantity(key, value, m.start(), end, self._sentence_of(doc, m.start()), what=f"the {noun}",
                           introduced=introduced)
        for pattern, verb_after in self.verb_amounts:  # "was fined £2m", "to pay $14.5 million to settle"
            for m in pattern.finditer(doc.view):
                value = _sum(m.group("n"), m.group("mult"))
                if value is None:
                    continue
                noun = self.verb_noun[m.group("verb").lower()]
                end = m.end("mult") if m.group("mult") else m.end("n")
                # the words after "to settle" are its object ("claims from residents"), no change cue
                yield Quantity(f"the {noun} in {m.group('cur')}", value, m.start("cur"), end,
                               self._sentence_of(doc, m.start()), bound=verb_after, what=f"the {noun}")


# cues of an estimate, not of a change: "about 14,500 homes" ... "the 15,400 homes" is still a slip
_NOT_CHANGES = frozenset({"of", "about", "around", "nearly", "almost", "roughly", "approximately", "estimated",
                          "estimate", "expected", "some"})


class _Breakdown(NamedTuple):
    """A kind of total broken into parts: how to find it, read a part, read a value (the
    total's or a part's), write the parts' sum as the total is written, and name the total."""

    pattern: re.Pattern
    part: re.Pattern
    value: Callable[[re.Match], int | None]
    written: Callable[[re.Match, int], str]
    what: Callable[[re.Match], str]


_BREAKDOWN_KINDS = (
    *(_Breakdown(pattern, _PART, lambda m: int(m.group("n").replace(",", "")), lambda m, value: f"{value:,}",
                 lambda m: f"the total of {m.group('thing')}") for pattern in _BREAKDOWNS),
    _Breakdown(_MONEY_BREAKDOWN, _MONEY_PART, lambda m: _sum(m.group("n"), m.group("mult")),
               lambda m, value: _money(m.group("cur"), value, m.group("mult")), lambda m: "the sum"),
)


def _money(currency: str, value: int, unit: str | None) -> str:
    """A sum written as the total was: "$11 million", "£19m", else the figure."""
    for size, word, short in ((10 ** 9, " billion", "bn"), (10 ** 6, " million", "m")):
        if value >= size and value % (size // 10) == 0:
            return f"{currency}{value / size:g}{short if unit in ('m', 'bn') else word}"
    return f"{currency}{value:,}"


def _parallel_word(words: str) -> str:
    split = words.split()
    return next((w for w in split if w in _PART_PREPOSITIONS), split[0])


_TURN = re.compile(r"turn(?:ed|s|ing)")
_NUMBER_NEXT = re.compile(rf"(?:\d|(?i:{_NUM})\b)")


def _cue_words(before: list[str], opens_sentence: bool, after: list[str]) -> set[str]:
    """The words around a number that may state a change, lowercased; a capitalised word inside
    a sentence is a name ("Judge Amanda Fell"), not a cue."""
    words = [w for k, w in enumerate(before) if not w[:1].isupper() or (k == 0 and opens_sentence)]
    words += [w for w in after if not w[:1].isupper()]
    return {w.strip(",.;:()\"“”'’").lower() for w in words}


def _said_age(doc: Document, age) -> str:
    """How the message gives an age its span does not state: "59 (turns 60)", "25 (born 1999)"."""
    written = doc.view[age.start:age.end]
    return f"{age.value} (born {written})" if age.how == "born" else \
        f"{age.value} (turns {written})" if age.how == "turning" else ""


def _year(number: str) -> bool:
    """A number that may be a year: "2019", never "1,847"."""
    return len(number) == 4 and number.isdigit() and 1800 <= int(number) <= 2100


_COMMON_WORD = 4.5  # Zipf: "district" is a word, "Pritchard" a name
_GIVEN_BEFORE = frozenset({"the", "these", "those", "its", "their", "his", "her"})  # a thing already there
_AUXILIARIES = {"was", "were", "is", "are", "has", "have", "had", "been", "be", "will", "would", "also"}


def _subject_before(view: str, offset: int) -> str | None:
    """The word that rose or fell: the word before the verb, past auxiliaries ("prices were
    up" -> price); None when the word is no noun ("the 4% fall")."""
    words = [w.group().lower() for w in _WORD.finditer(view, max(0, offset - 40), offset)]
    while words and words[-1] in _AUXILIARIES:
        words.pop()
    if not words or words[-1] in ("the", "a", "an", "and", "but", "it", "they", "which", "that"):
        return None
    return words[-1].rstrip("s")
