"""People in an article: which capitalised words name persons, and with which first names.

Evidence that a word is a person: a title before it ("Secretary Blinken", "Mr Straw"), a
first name before it ("Antony Blinken") when the word also stands alone elsewhere, a speech
or action verb after it ("Biden said"), a relative "who" ("Tom Hale, who climbed"), an address or an age after a comma
("Kieran Walsh, of Penrhyn Road,", "Walsh, 21,"), a role beside it ("Helen Marsh, the chief executive").
A word that opens a sentence ("During Pike's tour") is no first name.
A word that follows a place preposition ("to Beijing") is a place, whatever else is said of it,
and the head word of a body's name ("the Justice Department said") is never a person.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .dates import MONTHS, WEEKDAYS
from .tokens import Token, strip_possessive

# what follows a person's name: a relative "who" (maybe after a description: "Gary Pike, the union's
# organiser, who"), an address ("of Penrhyn Road"), an age
_DESCRIBED = re.compile(r", (?:who |of [A-Z]|(?:aged )?\d{1,3},|(?:the|a|an) [^,.;:!?\n]{1,60}, who )")
# what holds a role: "Helen Marsh, the chief executive of ...", "Reyes, a former coach" (no "the
# company's chief", the role of another; no "a club whose manager")
_BESIDE = r", (?:the|a|an) (?:(?!(?:whose|which|that|who)\b)[a-z-]+ ){{0,3}}?(?:{roles})\b"


@lru_cache(maxsize=1)
def _role_beside() -> re.Pattern:
    words = vocabulary()
    roles = {t.lower() for t in words["titles"] if t.isalpha() and not t.isupper()} | words["roles"]
    return re.compile(_BESIDE.format(roles="|".join(sorted(roles, key=len, reverse=True))))


CALENDAR = frozenset(WEEKDAYS) | frozenset(m.capitalize() for m in MONTHS)  # capitalised, never a person


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, frozenset[str]]:
    from ..core.yamlfile import safe_data
    data = safe_data(Path(__file__).with_name("people.yaml").read_text(encoding="utf-8"))
    return {key: frozenset(words) for key, words in data.items()}


def bare(token: Token) -> str:
    """The word without a possessive ending: Blinken’s -> Blinken."""
    return strip_possessive(token.text)


def possessive(token: Token) -> bool:
    return token.text.endswith(("’s", "'s", "’", "'")) and token.text[0].isupper()


def capitalised(token: Token) -> bool:
    return token.kind == "word" and token.text[0].isupper() and not token.text.isupper()


def acronym(token: Token) -> bool:
    """A token in capitals, which names a body inside a name or a title: "the USA Freedom Act",
    "Deputy FBI Director", "G20"."""
    return len(token.text) > 1 and token.text.isupper()


@dataclass
class People:
    persons: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    first_names: dict[str, set[str]] = field(default_factory=dict)  # surname -> first names


def people(doc) -> People:
    """Who the persons and places of `doc` are (cached on the document)."""
    cached = doc.__dict__.get("_people")
    if cached is not None:
        return cached
    words = vocabulary()
    titles, verbs, preps = words["titles"], words["speech_verbs"], words["place_prepositions"]
    found = People()
    tokens = doc.tokens
    cap = doc.capitalised
    view = doc.view
    sentence_starts = {s for s, _ in doc.sentences}
    headings_end = next((b.start for b in doc.blocks if b.kind != "heading"), len(view))  # the headline
    alone: set[str] = set()      # used on its own somewhere: "Blinken said", "... with Blinken"
    full_name: set[str] = set()  # last word of a run of capitalised words: "Antony Blinken"
    titled = False               # inside a run of capitalised words after a title
    last = len(tokens) - 1
    for i in [i for i in doc.capital_words if cap[i]]:
        tok = tokens[i]
        name = bare(tok)
        before = tokens[i - 1] if i > 0 else None
        prev = before if before is not None and (_adjacent(view, before, tok) or dotted_title(view, before, tok)) \
            else None
        nxt_cap = i < last and cap[i + 1] and _adjacent(view, tok, tokens[i + 1])
        # "During Pike's tour": a capitalised opener of the sentence is no part of the name
        prev_cap = prev is not None and cap[i - 1] and not (
            prev.start in sentence_starts and prev.text.lower() in words["sentence_openers"])
        if prev is not None and prev.text.lower() in preps and not possessive(tok):
            # (not "receipts from Ochs's trade mission": what follows is the possessor's)
            found.places.add(name)
            titled = False
            continue
        titled = prev is not None and (prev.text.rstrip(".") in titles or (titled and prev_cap))
        if titled and not nxt_cap:
            found.persons.add(name)  # "Secretary Janet Yellen" -> Yellen
        elif (prev is not None and prev_cap and not possessive(prev) and bare(prev) not in found.places
              and prev.start not in sentence_starts and not nxt_cap):
            # (a place before it is no given name: "the mission in Benghazi ... Benghazi Attack")
            full_name.add(name)
            found.first_names.setdefault(name, set()).add(bare(prev))
        elif not prev_cap and not nxt_cap and tok.start >= headings_end:
            alone.add(name)  # (not in a headline: "Philippoussis doubt over Open bid")
        if i < last and tokens[i + 1].text in verbs and not possessive(tok) and _adjacent(view, tok, tokens[i + 1]):
            found.persons.add(name)
        elif not nxt_cap and (_DESCRIBED.match(view, tok.end) or _role_beside().match(view, tok.end)):
            # "Tom Hale, who climbed", "Kieran Walsh, of Penrhyn Road,", "Walsh, 21,": only a
            # person is a "who", has an address or an age
            found.persons.add(name)
    # a full name counts when its last word also stands alone: "Antony Blinken" ... "Blinken"
    found.persons |= full_name & alone
    found.persons = {name for name in found.persons - found.places - CALENDAR - words["institutions"]
                     if name.lower() not in _PRONOUNS}
    doc.__dict__["_people"] = found
    return found


# capitalised at a sentence's start before a verb of speech ("It noted", "He told"), never a name
_PRONOUNS = frozenset("i you he she it we they this that these those there here what which who".split())


def dotted_title(view: str, a: Token, b: Token) -> bool:
    """A title abbreviated with a full stop before a name: "Gov. Ann Lee", "Sgt. Paul Hart"."""
    return view[a.end:b.start] == ". " and a.text in vocabulary()["dotted_titles"]


def _adjacent(view: str, a: Token, b: Token) -> bool:
    """Two tokens separated only by spaces (no punctuation, no line break)."""
    gap = view[a.end:b.start]
    return len(gap) <= 3 and gap.strip(" ") == "" and "\n" not in gap
