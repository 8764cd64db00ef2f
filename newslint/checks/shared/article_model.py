"""The article model: one reading of an article that the consistency rules share, built once per
document (cached on it) instead of each rule scanning for its own patterns.

It knows
  - who is who: the runs of capitalised words that name people, each person's surname and given
    names, which given names are one name spelt two ways ("Katherine", "Kathryn") and which
    surnames two people share ("Victor Burton", "Elizabeth Burton", "Eleni and John Petrakis":
    namesakes), and the role
    words a person is known by ("Pope Francis" ... "the pope's trip");
  - which amounts belong to which thing: a count and the thing counted, with the word that
    governs it ("the loss of 640 jobs");
  - who is described how: ages stated by apposition ("Lindqvist, 56,", "Darren Pollard (34), of
    ...", "At 82, Dolores Finch still opens ..."), by description ("a
    57-year-old hiker", "the boy, 13,"), by "the 57-year-old" after a name, by a birthday or a
    death ("his 101st birthday", "He was 88."), each tied to a person when the article ties
    them: "Police identified the man as Gregory Lindqvist" makes the man, and the person the
    article opened with, Lindqvist; "the 24-year-old" with no one named near it is the person
    the headline and the lede name (a headline's capitalised "Climber" names no one: then the
    one the lede describes and the next paragraph names), when that is a slip away from their
    other age; "the 32-year-old teacher" is that person too when the headline calls them a
    teacher; and one quoted just before, given no age ("Fiona Leckie said ..."), is not the
    N-year-old of the next paragraph when someone was given an age a year away. No run that holds a
    place's or a body's noun ("Raigmore Hospital", "River Wend") names a person.

The rules read it: number (ages), name-variant (given names), title (who holds which role) and
actor (who the role nouns are). The words it reads with are article_model.yaml.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterator, NamedTuple

from ...document.dates import MONTHS, WEEKDAYS, article_date
from ...document.model import Document
from ...document.people import People, people, vocabulary
from ...document.readers.text import is_headline
from ...document.tokens import strip_possessive

_NUM = r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|" \
       r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty)"
NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
# "[A-Z](?<!\w.)" is "\b[A-Z]" written so that the pattern starts with a character class, which
# the regular-expression engine looks for in C before it tries a match (2-3x faster scans)
_AGE_AFTER_NAME = re.compile(r"(?P<name>[A-Z](?<!\w.)[a-z][\w’'-]*), (?:aged |who is )?(?P<age>\d{1,3}),")
_AGE_COMMA = re.compile(r", (?:aged |who is )?\d{1,3},")  # what both need, led by a literal: a quick test
# British court copy: "Darren Pollard (34), of Hilltop Road", "Moyle (44) will" for a person of the
# article (not a scorer's minute: "Kane (34), Saka (67)")
_AGE_BRACKETED = re.compile(r"(?P<name>[A-Z](?<!\w.)[a-z][\w’'-]*) \((?P<age>\d{1,3})\)(?=,? (?!and\b)[a-z])")
# "At 82, Dolores Finch still opens ...": an age fronted, of the name after it, now (a verb in the
# present: not "At 19, Hale joined the force", an age then)
_AGE_FRONTED = re.compile(r"A(?<![\w.]A)t (?P<age>\d{1,3}), (?P<name>[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)*) "
                          r"(?:still |now )?(?!was\b)[a-z]+s\b")
_AGED_DESCRIPTION = re.compile(r"\b[Aa]n? (?P<noun>[a-z]+),? aged (?P<age>\d{1,3})\b")  # "a man aged 45"
_AGE_AFTER_NOUN = re.compile(r"[Tt](?<!\w.)he (?P<noun>[a-z]+), (?:aged )?(?P<age>\d{1,3}),")
_YEAR_OLD = re.compile(rf"\b(?P<n>(?i:{_NUM}))-year-old\b(?:\s+(?P<name>[A-Z][\w’'-]+)|\s+(?P<noun>[a-z]+)\b)?")
# a description's name set beside it between commas: "the 46-year-old suspect, Craig Stephen Hicks,"
_BESIDE_NAME = re.compile(r",\s+(?P<name>[A-Z][\w’'-]+)(?:\s+[A-Z][\w’'.-]+){1,3},")
_BIRTHDAY = re.compile(r"\b(?:his|her|their) (?P<n>\d{1,3})(?:st|nd|rd|th) birthday\b")
_AHEAD_OF_BIRTHDAY = re.compile(r"\b(?:shy of|short of|ahead of|eve of|before|away from)\s+\Z")
# "Brennan, who was born in 1961", "Lacey was born on March 3, 1936": the name right before
# or "born in Kelby in March 1999" (a place first)
# "was born in 1961", "was born on 3 May 1938", and in American copy "was born Nov. 20, 1939"
_BORN = re.compile(r"(?:, who)? (?:was|is) born (?:in [A-Z][a-z]+(?: [A-Z][a-z]+)? )?(?:(?:in|on) (?:\d{1,2} )?"
                   r"(?:[A-Z][a-z]+\.? (?:\d{1,2}, )?)?|[A-Z][a-z]+\.? \d{1,2}, )(?P<year>(?:18|19|20)\d\d)\b")
_DAY_NAMES = "|".join(WEEKDAYS)
# an age just changed, said of a name: "Ruiz, who turned 40 in April," is 40 now (not "She turned 62 on
# Saturday" after "The 61-year-old governor": a change the story tells)
_TURNED = re.compile(rf", who turned (?P<n>\d{{1,3}}) (?:last (?:week|month)|earlier this (?:week|month|year)|"
                     rf"(?:on|in) (?:{_DAY_NAMES}|January|February|March|April|May|June|July|August|September|October|"
                     r"November|December)\b)")
# an age about to change: "who turns 60 next month" is 59 now
_TURNS = re.compile(rf"\b(?:turns|will turn|is turning) (?P<n>\d{{1,3}}) (?:next (?:week|month)|"
                    rf"later this (?:week|month)|tomorrow|on (?:{_DAY_NAMES}))\b")
# "Born in Porthallow on 3 May 1938, the son of a crab fisherman, Hallett left school": the name after
# or a pronoun for the person named last, or for whom the story is about ("Born in Bootle in March 1926, she was")
_BORN_FRONTED = re.compile(r"B(?<![\w.]B)orn\b[^.!?]{0,60}?\b(?P<year>(?:18|19|20)\d\d)\b[^.!?]{0,120}?, "
                           r"(?:(?P<name>[A-Z][\w’'-]+) [a-z]|(?P<pronoun>he|she) )")
_DAY_MONTH = re.compile(r"(?:(?P<d1>\d{1,2}) (?P<m1>[A-Z][a-z]+)|(?P<m2>[A-Z][a-z]+)\.? (?P<d2>\d{1,2}),?) \Z")
_MONTH_ONLY = re.compile(r"\bin (?P<m>[A-Z][a-z]+) \Z")  # "born in March 1999"
# one or two words in lower case after "N-year-old", then a name: "25-year-old union organizer Meg Reilly"
_NAMED_AFTER = re.compile(r"(?P<words>(?: [a-z-]+){1,2}) (?P<name>[A-Z][\w’'-]+) [A-Z]")
# "a " or "an " and at most one word before "N-year-old": someone not named ("a bright 14-year-old")
_INDEFINITE_BEFORE = re.compile(r"\b[Aa]n? (?:[a-z-]+ )?\Z")
# ", a " or ", an " right before "N-year-old": a description set beside the name before it
_APPOSED = re.compile(r", an? \Z")
_POSSESSIVES = ("his ", "her ", "their ", "its ", "my ", "our ", "your ", "'s ", "’s ")
# "of" or a possessive and at most one word before "N-year-old boys": whose they are ("the mother of
# twin", "their 10- and")
_OF_BEFORE = re.compile(r"\b(?:of|their|his|her|our|my|your) (?:[\w-]+ (?:and |or )?)?\Z")
# a speech verb after "the N-year-old" in its paragraph: the person speaks, and is alive
_SAID_AFTER = re.compile(r",? (?:said|says|told)\b")  # a name as its sentence's speaker: "Fiona Leckie said"
_SPEAKS = re.compile(r"\b(?:said|says|told|tells|added|adds|recalled|explained)\b")
# the first two start with a literal character, which the engine looks for in C; the third, at a
# sentence's start, is tried only in a text that holds ", was " (as the others need "died" or "e was ")
_DEATH_AGE = re.compile(r"(?:H(?<!\w.)e|S(?<!\w.)he) was (?P<n>\d{1,3})\."
                        r"|d(?<!\w.)ied\b[^.!?]{0,60}?\b(?:aged|at the age of) (?P<m>\d{1,3})\b"
                        # "Vance, a retired pharmacist, was 84.": a sentence of the person and a description
                        r"|(?:(?<=[.!?] )|(?<!.))(?P<who>[A-Z][\w’'-]*), [^,.!?\n]{1,60}, was (?P<k>\d{1,3})\.")
_DIGIT = re.compile(r"\d")
# the pronouns and courtesy titles that say a person's sex
# (not "him" or "her", which are as often another's: "Kessler thanked him")
_PRONOUN = re.compile(r"\b(?:he|his|himself|she|hers|herself)\b", re.IGNORECASE)
_SEX = {"he": "he", "his": "he", "himself": "he", "she": "she", "hers": "she", "herself": "she"}
COURTESY_SEX = {"Mr": "he", "Mrs": "she", "Ms": "she", "Miss": "she"}
_REPORTED = re.compile(r"\b(?:said|says|told|tells|added|adds|thinks|thought|believes|believed)(?: that)? \Z")
# "the 41-year-old said he": the pronoun the described person speaks of themselves with (read from the number)
_SUBJECT_PRONOUN = re.compile(r"\b(?:he|she)\b", re.IGNORECASE)  # the described person, later in the sentence
_SAYS_OF_SELF = re.compile(r"\d{1,3}-year-old (?:said|says|added|told \w+) (?:that )?(he|she)\b")
_SPEAKER_BEFORE = re.compile(r"\b(?:said|says|told (?:\w+ )?(?:that )?|added|explained|noted|argued|stressed|"
                             r"acknowledged|accepted|insisted|conceded|believed|believes|found|ruled)"
                             r"(?: that)? (?:the )?\Z",
                             re.IGNORECASE)
OLDEST = 120  # no one is older: a greater age is a building's, a tree's, a firm's
_ADVERBS = frozenset(("already", "also", "still", "now", "then", "just", "never", "often", "again", "soon"))


_OF_PLACE = frozenset(("from", "of", "in"))


def _described(noun: str | None) -> str | None:
    """The noun "the N-year-old" describes, none for an adverb ("The 68-year-old already has");
    "a person" where a place or a group follows ("A 13-year-old from Ashby Cross has become")."""
    if noun in _OF_PLACE:
        return "person"
    return None if noun is None or noun.endswith("ly") or noun in _ADVERBS else noun


_SUBJECT_OF_SENTENCE = re.compile(r"([A-Z][\w’'-]+),? (?:said|says|told|added|wants|would|hopes)\b[^.!?]*\Z")


@lru_cache(maxsize=1)
def words() -> dict[str, frozenset[str]]:
    from ...core.yamlfile import safe_data
    from ...document.people import vocabulary
    data = safe_data(Path(__file__).with_name("article_model.yaml").read_text(encoding="utf-8"))
    found = {key: frozenset(values) for key, values in data.items()}
    # the bodies the document layer knows, and the ones only the model reads as owners ("the House bill")
    found["institutions"] |= {w.lower() for w in vocabulary()["institutions"]}
    return found


class NameRun(NamedTuple):
    """A run of capitalised words: "Chief Constable Andrew Hale", "Rob Tierney"."""

    start: int
    end: int
    surname: str             # the last word, without a possessive
    given: str | None        # the first word after any titles, when another follows: "Andrew"
    given_span: tuple[int, int] | None
    size: int                # words in the run


class Age(NamedTuple):
    person: str       # who: a surname, a full name for a namesake, or "the hiker" for the undescribed
    value: int
    start: int        # the number's span
    end: int
    how: str          # apposition, description, year-old, birthday, turning, born, death


class Amount(NamedTuple):
    """A count of a thing, with the word that governs it: "the loss of 640 jobs" -> (loss, jobs)."""

    thing: str        # "jobs"
    governor: str     # "loss", "protect", "clos" (closing, close): the word before, stemmed
    value: int
    digits: str       # "640": a slip may swap two of them
    start: int        # the number's span
    end: int


@dataclass
class Article:
    cast: People
    runs: list[NameRun]
    given: dict[str, dict[str, list[tuple[int, int]]]] = field(default_factory=dict)  # surname -> given -> spans
    namesakes: set[str] = field(default_factory=set)  # surnames two people share
    headlined: dict[str, str] = field(default_factory=dict)  # shared surname -> the given name the headline gives it
    ages: list[Age] = field(default_factory=list)
    role_holders: dict[str, str] = field(default_factory=dict)  # "pope" -> "Francis", when one person holds it
    amounts: list[Amount] = field(default_factory=list)

    def person(self, run: NameRun) -> str | None:
        """Like `key`, and a given name alone ("Maisie, 15,") is the one person the article
        gave it to ("Maisie Dunn"), when it gave it to one person only."""
        if run.size == 1 and run.surname not in self.given:
            owners = {f"{run.surname} {s}" if s in self.namesakes else s
                      for s, names in self.given.items() if run.surname in names}
            if len(owners) == 1:
                return owners.pop()
        return self.key(run)

    def key(self, run: NameRun) -> str | None:
        """Who a run names, as the rules group people: the surname, or for a surname two people
        share, the given name and surname; the shared surname alone names the one of them
        introduced before it ("Lena Okafor ... Okafor, 34, won" before "her father, Samuel
        Okafor"), or after both the one the headline names, whom the story is about ("Ruth Kessler
        ... dies" ... "Her son Martin Kessler said" ... "Kessler taught"), else no one (None)."""
        if run.surname not in self.namesakes:
            return run.surname
        if run.given:
            return f"{run.given} {run.surname}"
        before = [given for given, spans in self.given.get(run.surname, {}).items() if spans[0][0] < run.start]
        if len(before) == 1:
            return f"{before[0]} {run.surname}"
        lead = self.headlined.get(run.surname)
        return f"{lead} {run.surname}" if lead in before else None


def article(doc: Document) -> Article:
    """The model of `doc` (cached on the document)."""
    cached = doc.__dict__.get("_article")
    if cached is None:
        cached = _build(doc)
        doc.__dict__["_article"] = cached
    return cached


def sex_of(doc: Document, person: str) -> str | None:
    """"he" or "she", as the article refers to a person (see _AgeReader.sex); None when it says
    neither or both."""
    return _reader(doc, article(doc)).sex(person)


def _reader(doc: Document, model: Article) -> "_AgeReader":
    """The document's age reader, built once: the ages and the people's sex read from one."""
    reader = doc.__dict__.get("_age_reader")
    if reader is None:
        reader = doc.__dict__["_age_reader"] = _AgeReader(doc, model)
    return reader


def _build(doc: Document) -> Article:
    model = Article(people(doc), _name_runs(doc))
    for run in model.runs:
        if run.given and run.given_span:
            model.given.setdefault(run.surname, {}).setdefault(run.given, []).append(run.given_span)
    _add_shared_surnames(doc, model)
    for surname, names in model.given.items():
        if len(same_name_groups(list(names))) > 1:
            model.namesakes.add(surname)
    if model.namesakes and headline(doc):
        top = doc.blocks[0].end
        for surname in model.namesakes:
            given = {r.given for r in model.runs if r.start < top and r.surname == surname and r.given}
            # the body gives the name too: a headline's capitals make no given name ("Surging Sanders")
            if len(given) == 1 and any(at >= top for at, _ in model.given[surname][next(iter(given))]):
                model.headlined[surname] = given.pop()
    model.ages = _ages(doc, model)
    model.role_holders = _role_holders(doc, model)
    model.amounts = _amounts(doc)
    return model


# who is who -------------------------------------------------------------------------------------

# "Eleni and John Petrakis": two given names before one surname
_COUPLE = re.compile(r"\b([A-Z][a-z]{2,}) and ([A-Z][a-z]{2,}) ([A-Z][\w’'-]+)\b")
# "Pete Doyle, 66, and his wife, Maureen, 63,": a relative named by a given name alone, after one
# named in full, shares the surname
_KIN = re.compile(r"\b(?P<given>[A-Z][a-z]{2,}) (?P<surname>[A-Z][\w’'-]+)(?:, \d{1,3},)? and (?:his|her) "
                  r"(?:wife|husband|partner|son|daughter|brother|sister|mother|father), (?P<kin>[A-Z][a-z]{2,})"
                  r"(?=[,.;]| and\b)")


def _add_shared_surnames(doc: Document, model: Article) -> None:
    """Give the first of "Eleni and John Petrakis" the surname too: a couple or siblings named
    together, so that "Mrs Petrakis" and "Mr Petrakis" are two people; so too a relative named by a
    given name after one named in full ("Pete Doyle and his wife, Maureen"). Not a person the
    article names on their own ("Prince Harry and Meghan Markle": Harry speaks as Harry)."""
    for m in _COUPLE.finditer(doc.view):
        first, second, surname = m.group(1), m.group(2), strip_possessive(m.group(3))
        if second in model.given.get(surname, {}) and first not in model.cast.persons:
            model.given[surname].setdefault(first, []).append((m.start(1), m.end(1)))
    for m in _KIN.finditer(doc.view):
        kin, surname = m.group("kin"), m.group("surname")
        if m.group("given") in model.given.get(surname, {}):  # (named alone after: "Maureen, 63,")
            model.given[surname].setdefault(kin, []).append(m.span("kin"))

# runs of capitalised words, found in C: "Chief Constable Andrew Hale", "Elizabeth A. Burton"
_RUN = re.compile(r"[A-Z][\w’'-]*(?:(?: [A-Z]\.?)? [A-Z][\w’'-]*)*")
_LEFT_EDGE = re.compile(r"[\w’'-]")


def _name_runs(doc: Document) -> list[NameRun]:
    """Every run of capitalised words (a word in CAPITALS breaks one, a middle initial does not)."""
    runs: list[NameRun] = []
    view = doc.view
    for m in _RUN.finditer(view):
        if m.start() and _LEFT_EDGE.match(view, m.start() - 1):
            continue  # inside a word
        at = m.start()
        part: list[tuple[int, str]] = []
        for word in m.group().split(" "):
            caps = word.rstrip("’'s.")
            if len(caps) > 1 and caps.isupper():  # NASA, US, AP's
                _add_run(runs, part)
                part = []
            elif not (len(word) <= 2 and word[1:] in ("", ".")) or not part:
                part.append((at, word))  # a middle initial is left out of the name
            at += len(word) + 1
        _add_run(runs, part)
    return runs


def _add_run(runs: list[NameRun], words_at: list[tuple[int, str]]) -> None:
    if not words_at:
        return
    start, end = words_at[0][0], words_at[-1][0] + len(words_at[-1][1])
    if len(words_at) == 1:
        runs.append(NameRun(start, end, strip_possessive(words_at[0][1]), None, None, 1))
        return
    skip = _run_openers()
    k = 0
    while k < len(words_at) - 1 and words_at[k][1] in skip:
        k += 1
    # the given name follows the run's last title where a given name and a surname follow it: "Fire
    # Chief Dwight Calloway" is Dwight's (not "Martin Luther King Jr", "Carole King Jones")
    k = max([k] + [i + 1 for i, (_, word) in enumerate(words_at[:-2]) if word in skip])
    at, given = words_at[k]
    if k == len(words_at) - 1 or len(given) <= 2 or not given[1:].islower() or given.lower() in _not_given():
        runs.append(NameRun(start, end, strip_possessive(words_at[-1][1]), None, None, len(words_at)))
        return
    runs.append(NameRun(start, end, strip_possessive(words_at[-1][1]), strip_possessive(given),
                        (at, at + len(given)), len(words_at)))


@lru_cache(maxsize=1)
def _not_given() -> frozenset[str]:
    """Words that open a sentence before a capitalised word without being a given name: "The House
    failed", "During Pike's tour"."""
    return frozenset(words()["determiners"] | vocabulary()["sentence_openers"])


@lru_cache(maxsize=1)
def _run_openers() -> frozenset[str]:
    """Words that open a name run without being the name: titles ("Mr", "Gov.") and role
    modifiers ("Deputy")."""
    titles = vocabulary()["titles"]
    return frozenset(titles | {t + "." for t in titles} | {m.capitalize() for m in words()["role_modifiers"]})


def _role_holders(doc: Document, model: Article) -> dict[str, str]:
    """The title words that name one person of the article: "Pope Francis" makes "the pope's
    trip" his; a title two people hold ("Senator Ryan Whitfield", "Senator Ann Lee") names neither."""
    titles = vocabulary()["titles"]
    holders: dict[str, set[str]] = {}
    view = doc.view
    for run in model.runs:
        who = model.key(run)
        if run.size < 2 or not who or run.surname not in model.cast.persons:
            continue
        for word in view[run.start:run.end].split()[:-1]:
            if word.rstrip(".") not in titles:
                break
            holders.setdefault(word.rstrip(".").lower(), set()).add(who)
    return {role: next(iter(who)) for role, who in holders.items() if len(who) == 1}


def _initial(word: str) -> bool:
    return len(word) == 1 and word.isupper()


def sound_key(name: str) -> str:
    """A rough spoken form of a given name, so that spellings of one name meet: Stephen and
    Steven, Sarah and Sara, Caitlin and Caitlyn, Jonathan and Johnathan, Anne and Ann."""
    s = re.sub(r"([^aeiou])\1e$", r"\1\1", name.lower())  # Anne and Ann, Lynne and Lynn (not Jane and Jan)
    s = s.replace("ph", "f").replace("v", "f").replace("y", "i").replace("ck", "k").replace("c", "k")
    s = re.sub(r"g(?=[ei])", "j", s)
    s = s[:1] + s[1:].replace("h", "")
    s = re.sub(r"(.)\1+", r"\1", s)
    return s[:-1] if len(s) > 3 and s.endswith("e") else s


_VOWELS = re.compile("[aeiou]+")


def same_name(a: str, b: str) -> bool:
    """Two given names that may be one name spelt two ways (not Daniel and Michael, not John and
    Joan: short names must sound alike; Geoffrey and Jeffrey differ by one sound inside)."""
    if a == b:
        return True
    ka, kb = sound_key(a), sound_key(b)
    if ka == kb:
        return True
    if min(len(ka), len(kb)) >= 5 and ka[0] == kb[0] and ka[-1] == kb[-1] and \
            _VOWELS.sub("", ka) == _VOWELS.sub("", kb) and edit_distance(ka, kb, 1) <= 1:
        return True  # one vowel more or other, inside the name
    if min(len(ka), len(kb)) <= 5 or ka[:3] != kb[:3]:
        return False
    return edit_distance(ka, kb, 2) <= 2


def same_consonants(a: str, b: str) -> bool:
    """Whether two given names sound alike or differ only in their vowels once spoken: Katherine
    and Kathryn, Stephen and Steven."""
    ka, kb = sound_key(a), sound_key(b)
    return ka == kb or (ka[:1] == kb[:1] and _VOWELS.sub("", ka) == _VOWELS.sub("", kb))


def same_name_groups(names: list[str]) -> list[list[str]]:
    """The given names of one surname, grouped into the people they may name."""
    groups: list[list[str]] = []
    for name in names:
        group = next((g for g in groups if any(same_name(name, other) for other in g)), None)
        if group is None:
            groups.append([name])
        else:
            group.append(name)
    return groups


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (a swap of neighbours is one edit), or limit + 1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


# who is described how --------------------------------------------------------------------------

def _value(text: str) -> int | None:
    text = text.lower().replace(",", "")
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text]
    return int(text) if text.isdigit() else None


def _ages(doc: Document, model: Article) -> list[Age]:
    if not _DIGIT.search(doc.view):
        return []
    reader = _reader(doc, model)
    found = reader.stated()
    found += reader.occasions()  # before "the 89-year-old", which may be the one who died at 88
    if "-year-old" in doc.view:
        found += reader.year_old(found)
    # a description tied to a person is that person's age
    ages = [Age(reader.links.get(a.person, a.person), a.value, a.start, a.end, a.how) for a in found]
    ages = _of_today(doc, ages)
    ages += reader.born(ages)
    return sorted(_near_their_other_ages(ages), key=lambda a: a.start)


def _of_today(doc: Document, ages: list[Age]) -> list[Age]:
    """The ages stated as of the article's day: not one in a sentence that opens in an earlier
    year ("In December 1955, Parks, 42, refused ..."), nor the age at death of one who died in an
    earlier year ("... and died in 2010. She was 70."), which a year of birth, read against the
    article's date, would contradict."""
    today = article_date(doc)
    if today is None:
        return ages
    view, kept = doc.view, []
    for age in ages:
        s, _ = doc.sentence_at(age.start)
        opening = _PAST_OPENING.match(view, s)
        if opening and int(opening.group("year")) < today.year:
            continue
        if age.how == "death":
            block = next((b for b in doc.blocks if b.start <= age.start < b.end), None)
            died = _DIED_IN.search(view, block.start, age.start) if block is not None else None
            if died and int(died.group("year")) < today.year:
                continue
        kept.append(age)
    return kept


# a sentence that opens in a year: "In December 1955, ...", "In 2019 ..."
_PAST_OPENING = re.compile(r"(?:In|By) (?:[A-Z][a-z]+\.? )?(?:\d{1,2},? )?(?P<year>(?:18|19|20)\d\d)\b")
_DIED_IN = re.compile(r"\bdied (?:in |on )?(?:[A-Z][a-z]+\.? )?(?:\d{1,2},? )?(?P<year>(?:18|19|20)\d\d)\b")


def _near_their_other_ages(ages: list[Age]) -> list[Age]:
    """Ages given to the story's subject for want of anyone named near them ("The 24-year-old"
    two paragraphs on), kept when the subject has no other age or one a slip away: an age far
    from theirs is someone else's."""
    def near(a: Age, b: Age) -> bool:
        return abs(a.value - b.value) <= 3 or sorted(str(a.value)) == sorted(str(b.value))
    return [a for a in ages if a.how != "subject" or
            all(near(a, b) for b in ages if b.person == a.person and b.how != "subject")]


class _AgeReader:
    """Ages in the order an article gives them, each tied to whom the article ties it."""

    def __init__(self, doc: Document, model: Article):
        self.doc, self.model, self.view = doc, model, doc.view
        self.links = _identifications(doc, model)
        self.block_starts = [b.start for b in doc.blocks]
        self.aged: set[str] = set()
        self.unowned: set[int] = set()  # ages stated for a namesake the text does not tell apart: "Brooks, 17,"
        self._people_at: list[NameRun] | None = None
        self._sexes: dict[str, str] | None = None
        self.ends: list[int] = []

    @property
    def people_at(self) -> list[NameRun]:
        """The runs that name people (found when an age needs them: most articles give none)."""
        if self._people_at is None:
            model, aged = self.model, self.aged
            view, cast = self.view, model.cast
            places = words()["entity_nouns"]  # "Raigmore Hospital", "River Wend": no one
            runs = [r for r in model.runs
                    if (r.surname in cast.persons or r.surname in aged or _full_name(view, r, cast))
                    and places.isdisjoint(view[r.start:r.end].lower().split())]
            # "Police said ...": a common word opening a sentence, unless a full name ends with it
            doubtful = {r.surname for r in runs
                        if r.size == 1 and _opens_sentence(view, r) and _common_word(r.surname)}
            named = {r.surname for r in runs if r.size > 1 and r.surname in doubtful and _full_name(view, r, cast)}
            self._people_at = [r for r in runs if not (r.size == 1 and r.surname in doubtful - named)]
            self.ends = [r.end for r in self._people_at]
        return self._people_at

    def stated(self) -> list[Age]:
        """Ages that say whose they are: "Okafor, 57," and "The boy, 13,"."""
        model, view = self.model, self.view
        run_ending = {r.end: r for r in model.runs}
        run_starting = {r.start: r for r in model.runs}
        found: list[Age] = []
        comma = _AGE_COMMA.search(view) is not None
        appositions = [*(_AGE_AFTER_NAME.finditer(view) if comma else ()),
                       *(m for m in (_AGE_BRACKETED.finditer(view) if ") " in view or "), " in view else ())
                         if (r := run_ending.get(m.end("name"))) is not None and (r.given or model.person(r)))]
        for m in sorted(appositions, key=lambda m: m.start()):
            name = strip_possessive(m.group("name"))
            run = run_ending.get(m.end("name"))
            who = model.person(run) if run is not None else name
            if who and name not in model.cast.places and 0 < int(m.group("age")) < OLDEST:
                found.append(Age(who, int(m.group("age")), m.start("age"), m.end("age"), "apposition"))
            elif not who and name in model.namesakes:
                self.unowned.add(int(m.group("age")))
        for m in _AGE_FRONTED.finditer(view) if "At " in view else ():
            run = run_starting.get(m.start("name"))
            who = model.person(run) if run is not None and run.end == m.end("name") else None
            if who and 0 < int(m.group("age")) < OLDEST:
                found.append(Age(who, int(m.group("age")), m.start("age"), m.end("age"), "apposition"))
        for m in _AGED_DESCRIPTION.finditer(view) if " aged " in view else ():
            found.append(Age(f"the {m.group('noun')}", int(m.group("age")), m.start("age"), m.end("age"),
                             "description"))
        for m in _AGE_AFTER_NOUN.finditer(view) if comma else ():
            found.append(Age(f"the {m.group('noun')}", int(m.group("age")), m.start("age"), m.end("age"),
                             "description"))
        self.aged = {a.person for a in found}
        return found

    def _person_of(self, run: NameRun | None) -> str | None:
        return self.model.person(run) if run is not None else None

    def _before_any_name(self, offset: int) -> bool:
        return not self.people_at or self.people_at[0].start > offset

    def _pronoun_before(self, offset: int, aged: set[str], pronoun: str) -> str | None:
        """Whom "he" or "she" at `offset` stands for: the person (not a place: "at Low Skellgill";
        one the cast knows as a person, or one given an age) named last before it, in its
        paragraph or the two before ("he" may go on from a paragraph that only said "he"), whom
        the article does not call by the other sex's pronoun ("Stanisław Kowalczyk ... and his
        wife, Margaret. Born in Tynemouth in 1949, she" is not the father)."""
        persons = self.model.cast.persons
        for run in self._runs_before(offset, paragraphs=2):
            key = self.model.key(run)
            if (run.surname in persons or key in aged) and self.sex(key) in (None, _SEX[pronoun.lower()]):
                return key
        return None

    def sex(self, person: str | None) -> str | None:
        """"he" or "she", as the article refers to a person: the first pronoun after each mention
        (not a possessive one: "Kessler's husband ... his"), in its sentence, before anyone else is
        named ("Delgado, who ... and his wife"; not one a speech verb opens: "Jane Reed said he
        loved the shop" speaks of another), and a courtesy title ("Mrs Arden"); None where it says
        neither, or both as often."""
        if self._sexes is None:
            self._sexes = {}
            votes: dict[str, Counter[str]] = {}
            runs = self.people_at
            for n, run in enumerate(runs):
                key = self.model.key(run)
                if key is None or self.view.startswith(("'s", "’s"), run.end):
                    continue  # "Ruth Kessler's husband ... his garden": the pronoun is the husband's
                title = self.view[run.start:run.end].split(" ", 1)[0].rstrip(".")
                if title in COURTESY_SEX:
                    votes.setdefault(key, Counter())[COURTESY_SEX[title]] += 1
                _, end = self.doc.sentence_at(run.start)
                if n + 1 < len(runs):
                    end = min(end, runs[n + 1].start)
                pronoun = _PRONOUN.search(self.view, run.end, end)
                if pronoun is not None and \
                        not _REPORTED.search(self.view, max(0, pronoun.start() - 14), pronoun.start()):
                    votes.setdefault(key, Counter())[_SEX[pronoun.group().lower()]] += 1
            for key, counted in votes.items():
                (first, n), *rest = counted.most_common()
                if not rest or rest[0][1] < n:
                    self._sexes[key] = first
        return self._sexes.get(person) if person is not None else None

    def named_before(self, offset: int) -> str | None:
        """The person named last before `offset`, in its paragraph or the one before."""
        run = next(self._runs_before(offset, paragraphs=1), None)
        return self.model.key(run) if run is not None else None

    def _runs_before(self, offset: int, paragraphs: int) -> Iterator[NameRun]:
        """The name runs before `offset`, the last first, in its paragraph or the `paragraphs` before."""
        block = bisect.bisect_right(self.block_starts, offset)
        for run in reversed(self.people_at[:bisect.bisect_right(self.ends, offset)]):
            if block - bisect.bisect_right(self.block_starts, run.start) > paragraphs:
                return
            yield run

    def _introducing(self, m: re.Match, value: int, run_at: dict[int, NameRun],
                     run_ending: dict[int, NameRun]) -> Age | None:
        """The age of "a N-year-old" set beside a name before it: "Farah Beledi, a 27-year-old
        Minnesota man who ..." is Beledi's ("Kamal Hassan, a 28-year-old Minneapolis man", a
        paragraph on, is another man, not "the man" again); with no name, "A 48-year-old Idaho
        man" (a place's or a people's word before the noun) describes "the man"."""
        view = self.view
        apposed = _APPOSED.search(view, max(0, m.start() - 6), m.start())
        run = run_ending.get(apposed.start()) if apposed else None
        if run is not None and (run.surname in self.model.cast.persons or run.size > 1) and self.model.key(run):
            return Age(self.model.key(run) or "", value, m.start("n"), m.end("n"), "apposition")
        described = _LOWER_AFTER.match(view, m.end("name")) if m.group("name") else None
        if described and view[max(0, m.start() - 6):m.start()].lower().endswith(("a ", "an ")):
            return Age(f"the {described.group(1)}", value, m.start("n"), m.end("n"), "description")
        named = _NAMED_AFTER.match(view, m.end()) if m.group("noun") else None
        if named and not any(w in words()["clause_openers"] or w.endswith("ed") for w in named.group("words").split()):
            # "The group's chairman, 25-year-old union organizer Meg Reilly, wore": the name after
            # the description, given name first (not "the 30-year-old met Mayor Ann Lee")
            run = run_at.get(named.start("name"))
            if run is not None and run.given_span is not None and run.given_span[0] == run.start \
                    and self.model.key(run):
                return Age(self.model.key(run) or "", value, m.start("n"), m.end("n"), "description")
        return None

    def year_old(self, stated: list[Age]) -> list[Age]:
        """"57-year-old Smith", "a 57-year-old hiker", and "the 57-year-old" for the person
        named last (or for the one a description was tied to)."""
        model, view = self.model, self.view
        run_at = {r.start: r for r in model.runs}
        run_ending = {r.end: r for r in model.runs}
        aged = {a.person for a in stated}
        found = list(stated)
        introduced: dict[str, int] = {}  # noun -> the age "a 17-year-old boy" gave it
        for m in _YEAR_OLD.finditer(view):
            value = _value(m.group("n"))
            if value is None or value > OLDEST:
                continue  # "The 150-year-old masterpiece of a church": a thing's age
            introducing = self._introducing(m, value, run_at, run_ending)
            if introducing is not None:
                found.append(introducing)
                continue
            if m.group("name"):
                run = run_at.get(m.start("name"))
                if run is not None and run.surname in model.cast.persons and model.key(run):
                    found.append(Age(model.key(run) or "", value, m.start("n"), m.end("n"), "year-old"))
                continue  # "the 31-year-old Brazilian midfielder": someone described, not named
            noun = _described(m.group("noun"))
            if noun in words()["animal_nouns"] or noun and _OF_BEFORE.search(view, max(0, m.start() - 20), m.start()) \
                    and (noun in ("men", "women", "children", "people") or noun.endswith("s")
                         and not noun.endswith(("ss", "us", "is"))):
                continue  # "aboard the eight-year-old gelding"; "the mother of twin 11-year-old boys", "with
                # their 10- and 12-year-old sons": others
            before = view[max(0, m.start() - 6):m.start()].lower()
            if (not noun or noun in words()["clause_openers"]) and \
                    _INDEFINITE_BEFORE.search(view, max(0, m.start() - 24), m.start()):
                continue  # "I also have a 5-year-old", "a bright 14-year-old could": someone not named
            beside = _BESIDE_NAME.match(view, m.end())
            if noun and beside and (run := run_at.get(beside.start("name"))) is not None and model.key(run):
                # "The 46-year-old suspect, Craig Hicks, has been charged": the name set beside it
                found.append(Age(model.key(run) or "", value, m.start("n"), m.end("n"), "description"))
                continue
            if noun and before.endswith(("a ", "an ")):
                if introduced.setdefault(noun, value) != value:
                    continue  # "A 17-year-old boy shot ... a 16-year-old boy": a second boy
                found.append(Age(f"the {noun}", value, m.start("n"), m.end("n"), "description"))
                continue
            person = self._described_as(noun, before)
            if person is None and noun and before.endswith(_POSSESSIVES):
                continue  # "her 70-year-old mother": someone else, described by whose they are
            if person is None:
                person = self._spoken_of(m.start(), value, found)
                subject = _SUBJECT_OF_SENTENCE.search(view, max(0, m.start() - 120), m.start())
                if person is not None and subject and strip_possessive(subject.group(1)) == person:
                    # not "Sculthorpe said he would love the 19-year-old to come"; but "Prosecutor
                    # Helen Marsh told the court that the 44-year-old ..." after "Pryce, aged 41,"
                    # is Pryce, whose stated age is a slip away from it
                    person = self._aged_before(subject.start(), value, found)
                if person is None and (noun is None or not view.startswith(" of ", m.end())) \
                        and self.named_before(m.start()) is None:
                    # no one named in its paragraph or the one before: the person the story is
                    # about, or else the one person given an age a year away ("Benton, 67," ... "The
                    # 68-year-old already has her next race", "At 82, Dolores Finch" ... "the
                    # 83-year-old widow who greets"; not "Ellison, 81," ... the 78-year-old a
                    # spokesman speaks of, nor in a round-up of athletes each "the N-year-old", nor
                    # "the 60-year-old mother of the victim")
                    about = self.subject or (self._aged_before(m.start(), value, found, self._slip(m.start(), found))
                                             if view.count("-year-old") == 1 else None)
                    if about is not None:
                        found.append(Age(about, value, m.start("n"), m.end("n"), "subject"))
                    continue
                if person is None:
                    continue
                paragraph_end = view.find("\n", m.end())
                if paragraph_end < 0:
                    paragraph_end = len(view)
                if person not in aged and not _SPEAKS.search(view, m.start(), paragraph_end):
                    # an obituary's "the 89-year-old" after a mourner's words is the one who died
                    # ("He was 88."), a slip away, not the mourner, whose age was never given (nor
                    # one who speaks: "the 87-year-old said" is the widow)
                    person = self._aged_before(m.start(), value, [a for a in found if a.how == "death"]) or person
                stated_values = {a.value for a in found if a.person == person}
                if stated_values and value not in stated_values and \
                        value in {a.value for a in found if a.person in aged} | self.unowned:
                    continue  # the age of someone else: "the 45-year-old" after another person's name
            found.append(Age(person, value, m.start("n"), m.end("n"), "year-old"))
        return found[len(stated):]

    def _described_as(self, noun: str | None, before: str) -> str | None:
        """Whom "the N-year-old <noun>" names: the one the article tied the noun to ("identified
        the man as"), or the story's subject, whom the headline calls so ("Luton maths teacher
        named ..." ... "the 32-year-old teacher"; not "his 23-year-old daughter")."""
        if not noun:
            return None
        person = self.links.get(f"the {noun}")
        if person is None and before.lower().endswith("the ") and _in_headline(self.doc, noun):
            return self.subject
        return person

    def _slip(self, offset: int, found: list[Age]) -> int:
        """How many years a "the N-year-old" at `offset` with no one named near it may be from the
        age given before: one; three for the one a headline gives an age, where no one else is
        named before it ("Boy, 16, rescued" ... "The 14-year-old had been swimming")."""
        head = self.doc.blocks[0].end if headline(self.doc) else 0
        in_head = {a.person for a in found if a.start < head}
        named = any(r.start < offset and self.model.key(r) not in in_head for r in self.people_at)
        return 3 if in_head and not named else 1

    @property
    def subject(self) -> str | None:
        """The one person the headline names, when the first paragraph names them too: whom
        the story is about ("Dowling breaks club record" ... "Erin Dowling broke ..."); with
        neither naming anyone, the person the lede describes and the next paragraph names."""
        blocks = self.doc.blocks
        if len(blocks) < 2 or not headline(self.doc):
            return None
        lede = next((b for b in blocks[1:] if b.kind != "heading"), None)
        nouns = words()["lede_nouns"]  # "Climber died after fall": a description, capitalised, names no one
        named = [{self.model.key(r) for r in self.people_at if b.start <= r.start < b.end
                  and not (r.size == 1 and r.surname.lower() in nouns)} for b in (blocks[0], lede) if b is not None]
        if len(named) == 2 and not named[0] and not named[1]:
            return _anonymous_lede(self.doc, self.model, lede)  # whom the lede describes
        if len(named) < 2 or len(named[0]) != 1 or not named[0] <= named[1]:
            return None
        return next(iter(named[0]))

    def _spoken_of(self, offset: int, value: int, found: list[Age]) -> str | None:
        """The person named last before "the N-year-old" at `offset`, unless that person speaks of
        it ("Det Con Paul Rigby, who led the investigation, said the 53-year-old had"): then the
        one given an age before, a slip away, if any."""
        run = next(self._runs_before(offset, paragraphs=1), None)  # as named_before reads it
        person = self.model.key(run) if run is not None else None
        if run is not None and person is None:  # a surname two people share ("Gerald Finch, 57," ... "his
            # wife, Linda Finch" ... "Finch was flown to hospital. The 55-year-old"): the one of them aged a slip away
            return self._aged_before(offset, value, [a for a in found if a.person.endswith(" " + run.surname)])
        if person is not None and _SPEAKER_BEFORE.search(self.view, max(0, offset - 30), offset):
            return self._aged_before(offset, value, found) or person
        own = _SAYS_OF_SELF.match(self.view, offset)
        if person is not None and own and self.sex(person) not in (None, _SEX[own.group(1)]):
            # "Whitley said ... The 41-year-old said he planned": not Whitley, whom the article calls "she"
            return self._aged_before(offset, value, found, within=1)
        later = _SUBJECT_PRONOUN.search(self.view, offset, self.doc.sentence_at(offset)[1])
        if person is not None and later and self.sex(person) != (sex := later.group().lower()):
            # "Gareth Lloyd, who chairs the group, says ..." / "The 79-year-old, who was widowed in
            # 2004, insists she has no plans": the one aged a slip away whom the article calls "she"
            return self._aged_before(offset, value, [a for a in found if self.sex(a.person) == sex]) or person
        if run is not None and person is not None and person not in {a.person for a in found} \
                and self._a_speaker(run, offset):
            # "Union secretary Fiona Leckie said the tournament ..." / "The 14-year-old now has her
            # sights set ...": one quoted about the story, given no age, is not the one described
            # (who does not speak there) when someone was given an age a year away
            return self._aged_before(offset, value, found, within=1) or person
        if person is not None and person not in {a.person for a in found}:
            # "Brandon Keel, 34, pleaded guilty" ... "Judge Walter Haines said" ... "the 43-year-old
            # apologized": the judge was given no age, and the one given its digits swapped is the
            # one described
            return self._aged_before(offset, value, found, within=0) or person
        return person

    def _a_speaker(self, run: NameRun, offset: int) -> bool:
        """Whether the name `run` is set as its sentence's speaker ("Fiona Leckie said") and the
        paragraph at `offset` has no speech verb."""
        view = self.view
        end = view.find("\n", offset)
        return _SAID_AFTER.match(view, run.end) is not None \
            and not _SPEAKS.search(view, offset, len(view) if end < 0 else end)

    @staticmethod
    def _aged_before(offset: int, value: int, found: list[Age], within: int = 3) -> str | None:
        """The one person given an age before `offset` that is a slip away from `value` (`within`
        years, or its digits swapped): "the 44-year-old" is someone already introduced."""
        near = {a.person for a in found if a.start < offset and a.value != value and
                (abs(a.value - value) <= within or sorted(str(a.value)) == sorted(str(value)))}
        return near.pop() if len(near) == 1 else None

    def born(self, ages: list[Age]) -> list[Age]:
        """The age a year of birth gives on the article's date ("Brennan, who was born in 1961",
        in a 2025 article: 63 or 64), as the stated age of that person when it is one of the two."""
        view = self.view
        if " born " not in view and "Born " not in view:
            return []
        today = article_date(self.doc)
        if today is None:
            return []
        run_ending = {r.end: r for r in self.model.runs}
        run_starting = {r.start: r for r in self.model.runs}
        births = [(self._person_of(run_ending.get(m.start())), m) for m in _BORN.finditer(view)] + \
            [(self._person_of(run_starting.get(m.start("name"))) if m.group("name") else
              self._pronoun_before(m.start(), {a.person for a in ages}, m.group("pronoun")) or self.subject, m)
            for m in _BORN_FRONTED.finditer(view)]
        found = []
        for who, m in births:
            if who is None:
                continue
            older = today.year - int(m.group("year"))
            day = _DAY_MONTH.search(view, m.start(), m.start("year"))
            month = MONTHS.get((day.group("m1") or day.group("m2")).lower()) if day else None
            alone = None if day else _MONTH_ONLY.search(view, m.start(), m.start("year"))
            month_alone = MONTHS.get(alone.group("m").lower()) if alone else None
            if day and month:  # "3 May 1938", "May 3, 1938": the age itself
                value = older - ((today.month, today.day) < (month, int(day.group("d1") or day.group("d2"))))
            elif month_alone and month_alone != today.month:  # "March 1999": so is the age, but in its month
                value = older - (today.month < month_alone)
            else:  # the birthday may be still to come
                value = older - 1 if older - 1 in {a.value for a in ages if a.person == who} else older
            if 0 < value < OLDEST:
                found.append(Age(who, value, m.start("year"), m.end("year"), "born"))
        return found

    def occasions(self) -> list[Age]:
        """"his 101st birthday", "who turns 60 next month" (59 now), "who turned 40 last month" (40
        now), and "He was 88." after the news of a death."""
        found: list[Age] = []
        for m in _BIRTHDAY.finditer(self.view) if "birthday" in self.view else ():
            # "A woman ... has celebrated her 100th birthday": before any name, whom the story is about
            person = self.named_before(m.start()) or (self.subject if self._before_any_name(m.start()) else None)
            if person:
                # "a month shy of his 80th birthday": 79 still
                ahead = _AHEAD_OF_BIRTHDAY.search(self.view, max(0, m.start() - 16), m.start()) is not None
                found.append(Age(person, int(m.group("n")) - ahead, m.start("n"), m.end("n"), "birthday"))
        for pattern, years_short in ((_TURNS, 1), (_TURNED, 0)) if "turn" in self.view else ():
            for m in pattern.finditer(self.view):
                person = self.named_before(m.start())
                if person:
                    found.append(Age(person, int(m.group("n")) - years_short, m.start("n"), m.end("n"), "turning"))
        view = self.view
        for m in _DEATH_AGE.finditer(view) if "died" in view or "e was " in view or ", was " in view else ():
            group = next(g for g in ("n", "m", "k") if m.group(g))
            if group == "n" and self.view[max(0, m.start() - 2):m.start()].strip(" ") not in ("", ".", "!", "?"):
                continue  # "He was 88." is a sentence of its own
            person = self.named_before(m.start(group))
            if person and (group != "k" or view[m.start("who"):m.end("who")].endswith(person)):
                found.append(Age(person, int(m.group(group)), m.start(group), m.end(group), "death"))
        return found


def _opens_sentence(view: str, run: NameRun) -> bool:
    before = view[max(0, run.start - 4):run.start]
    opening = before.rstrip(" \"“‘")
    return not opening or "\n" in before or opening[-1] in ".!?"


def _common_word(word: str) -> bool:
    """A word of everyday prose ("Police said ..."), which a sentence capitalises without
    making it a name."""
    from ...resources import lexicon
    return lexicon.known(word.lower()) and lexicon.zipf(word.lower()) >= 4.0


def _full_name(view: str, run: NameRun, cast: People) -> bool:
    """A run that reads as a person's full name ("Catherine Murphy"), not a place, an institution
    after "the", or words ("Bomber Command", "Second World War")."""
    from ...resources import lexicon
    return run.size >= 2 and run.surname not in cast.places and run.given is not None \
        and not view[max(0, run.start - 4):run.start].lower().endswith("the ") \
        and not all(lexicon.known(w) and lexicon.zipf(w) >= 3.0 for w in (run.given, run.surname))


# which amounts belong to which thing --------------------------------------------------------------

_COUNT = re.compile(r"(?P<n>\d(?<![\w,.].)(?:\d{0,2}(?:,\d{3})+|\d+))\s+(?P<thing>[a-z]+s)\b")
_GOVERNOR = re.compile(r"(?P<word>[A-Za-z]+)(?: of)? \Z")
_ENDINGS = re.compile(r"(?:ing|ed|es|e|s)\Z")


_ACT_ENDINGS = re.compile(r"(?:ation|ion|ment|al|ing|ed|es|e|s)\Z")


def act_stem(word: str) -> str:
    """An act's verb and its noun alike: "announced" and "announcement" are "announc", "voted"
    and "vote" "vot", "increased" and "increase" "increas"."""
    word = word.lower()
    while len(shorter := _ACT_ENDINGS.sub("", word)) >= 3 and shorter != word:
        word = shorter
    return word


def governor_stem(word: str) -> str:
    """A governing word without its ending, so that "closing" and "close" meet: "clos"."""
    word = word.lower()
    return _ENDINGS.sub("", word) if len(word) > 4 else word


def _amounts(doc: Document) -> list[Amount]:
    """Counts of a thing with the word before them ("the loss of 640 jobs", "protect 1,250
    homes", "Closing 24 branches"): two counts of one thing under one governor are one amount."""
    view = doc.view
    found: list[Amount] = []
    for m in _COUNT.finditer(view):
        gov = _GOVERNOR.search(view, max(0, m.start() - 24), m.start())
        if gov is None:
            continue
        stem = governor_stem(gov.group("word"))
        digits = m.group("n").replace(",", "")
        found.append(Amount(m.group("thing"), stem, int(digits), digits, m.start("n"), m.end("n")))
    return found


_IDENTIFIED = re.compile(r"\b(?:identified|named)\s+(?:the\s+(?P<noun>[a-z]+)|him|her)\s+as\s+"
                         r"(?:[A-Z][\w’'.-]*\s+){0,3}?(?P<name>[A-Z][\w’'-]+)\b")


def _identifications(doc: Document, model: Article) -> dict[str, str]:
    """Descriptions the article gives a name: "identified the man as Gregory Lindqvist" ties
    "the man" to Lindqvist, and so the person the article opened with ("a 57-year-old hiker")
    when the description only says man or woman (or him, her); "The cyclist, Dana Roe, 41,"
    ties "the cyclist" to Roe by apposition; failing that, a paragraph that
    opens with a name after the lede ties the lede's description to it (`_introduced`)."""
    view = doc.view
    links: dict[str, str] = {}
    first = _YEAR_OLD_DESCRIPTION.search(view) if "-year-old" in view or " aged " in view else None
    person_nouns = words()["person_nouns"]
    for m in _IDENTIFIED.finditer(view) if " as " in view else ():
        run = next((r for r in model.runs if r.start <= m.start("name") < r.end), None)
        who = model.key(run) if run is not None else strip_possessive(m.group("name"))
        if not who:
            continue
        noun = m.group("noun")
        if noun:
            links.setdefault(f"the {noun}", who)
        if (noun is None or noun in person_nouns or _in_headline(doc, noun)) and first is not None \
                and first.start() < m.start():
            # "identified the man as", or the noun the headline gives the story's subject ("Idaho
            # hiker found alive" ... "identified the hiker as"): the person the article opened with
            links.setdefault(f"the {_lede_noun(first)}", who)
    for m in _APPOSED_NAME.finditer(view) if ", " in view else ():
        run = next((r for r in model.runs if r.start <= m.start("name") < r.end), None)
        who = model.key(run) if run is not None and (run.surname in model.cast.persons or
                                                     _full_name(view, run, model.cast)) else None
        if who:
            links.setdefault(f"the {m.group('noun')}", who)
    introduced = _introduced(doc, model, first)
    if first is not None and introduced:
        links.setdefault(f"the {_lede_noun(first)}", introduced)
    return links


# "The cyclist, Dana Roe, 41, works ...": a description set beside a full name (led by "T" or "t",
# literal characters the engine looks for in C)
_APPOSED_NAME = re.compile(r"[Tt](?<![\w.]t)he (?P<noun>[a-z]+), (?P<name>[A-Z][\w’'-]+(?: [A-Z][\w’'.-]+)+),")
_LOWER_WORDS = re.compile(r"[a-z]+")
_LOWER_AFTER = re.compile(r" ([a-z]+)\b")
_SPEECH = re.compile(r"\b(?:said|says|told|tells|added|adds|according)\b")


def _introduced(doc: Document, model: Article, first: re.Match | None) -> str | None:
    """The person an anonymous lede turns out to be: "A 16-year-old schoolgirl has swum the
    Channel." then a paragraph that opens with her name as its subject ("Maisie Dunn set off
    ..."), not with a speaker ("Gary Price, 47, said the boy ...") or someone beside her, and not
    when the lede has a second person to name ("... after a woman was hurt")."""
    noun = _lede_noun(first) if first is not None else None
    if first is None or noun not in words()["lede_nouns"]:
        return None
    return _named_after(doc, model, first.start(), first.end(), noun)


def _lede_noun(first: re.Match) -> str:
    """The noun of the article's first description ("a 57-year-old hiker": hiker; "A 13-year-old
    from ...": person)."""
    return _described(first.group("noun")) or first.group("noun")


def _named_after(doc: Document, model: Article, start: int, end: int, noun: str) -> str | None:
    """The person the paragraph after a lede's description (of one person: `noun` at
    start..end) opens with as its subject."""
    nouns = words()["lede_nouns"]
    index = doc.sentence_index(start)
    lede = doc.view[end:doc.sentences[index][1]].lower() if index >= 0 else ""
    if any(w in nouns for w in _LOWER_WORDS.findall(lede)):
        return None  # "A 34-year-old man was charged after a woman was hurt": two people to name
    blocks = doc.blocks
    k = next((i for i, b in enumerate(blocks) if b.start <= start < b.end), None)
    if k is None or k > 2 or k + 1 >= len(blocks):
        return None  # the description opens the article: its headline or lede
    at = blocks[k + 1].start
    run = next((r for r in model.runs if r.start >= at), None)
    if run is None or run.start != at or run.size < 2 or not run.given \
            or not (run.surname in model.cast.persons or _full_name(doc.view, run, model.cast)):
        return None
    index = doc.sentence_index(at)
    sentence = doc.view[at:doc.sentences[index][1]] if index >= 0 else ""
    if _SPEECH.search(sentence) or f"the {noun}" in sentence.lower():
        return None
    return model.key(run)


# a lede that opens with a person it does not name: "A pensioner from Kent has rowed ..."
_ANONYMOUS_LEDE = re.compile(r"(?P<article>An?) (?:[\w-]+ ){0,2}[a-z]+\b")


def _anonymous_lede(doc: Document, model: Article, lede) -> str | None:
    """The person a lede that names no one describes ("A pensioner from Kent has rowed
    ..."), named by the paragraph after it ("Edna Price, 79, set off ...")."""
    m = _ANONYMOUS_LEDE.match(doc.view, lede.start)
    if m is None:
        return None
    # "An experienced climber died": the first of its words that names a person; or the last word the
    # headline gives the person too ("Luton maths teacher named ..." ... "A maths teacher who")
    found = list(_LOWER_WORDS.finditer(doc.view, m.end("article"), m.end()))
    noun = next((w for w in found if w.group() in words()["lede_nouns"]), None) or \
        next((w for w in reversed(found) if len(w.group()) > 3 and _in_headline(doc, w.group())), None)
    if noun is None:
        return None
    return _named_after(doc, model, noun.start(), noun.end(), noun.group())


# "a 57-year-old hiker", "a man aged 45", or a lede's "The 63-year-old man" after a headline that named him
def headline(doc: Document) -> str:
    """The article's headline: its first block, when that is a heading or reads as one; else ''."""
    blocks = doc.blocks
    first = doc.view[blocks[0].start:blocks[0].end] if blocks else ""
    return first if first and (blocks[0].kind == "heading" or is_headline(first)) else ""


def _in_headline(doc: Document, noun: str) -> bool:
    return re.search(rf"\b{re.escape(noun)}\b", headline(doc), re.IGNORECASE) is not None


_YEAR_OLD_DESCRIPTION = re.compile(r"\b(?:[Aa]n?|The) (?P<age>(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)-year-old )?"
                                   r"(?(age)(?:[A-Z][a-z]+ )?)"  # "A 48-year-old Idaho man"
                                   r"(?P<noun>[a-z]+)\b(?(age)|,? aged \d{1,3}\b)")
