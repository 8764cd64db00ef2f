"""name-variant: one name spelt two ways in one article ("Blinken" x8, "Blinkin" x1).

The rarer form is flagged when it is one edit (a slip: a letter dropped, doubled, swapped or
mistyped) from a form the article uses more often, and is not itself a dictionary word; two
edits for a long name, or for one whose consonants are the other's ("Fairburn", "Fairbairn").
Transliteration variants ("Zelenskyy"/"Zelensky") are caught the same way. Distinct people
with close names ("Mark Smith" and "Marc Jones") are told apart by the names next to them, unless
no dictionary knows the rarer form and the usual one is a common name ("Daavid Boulware" beside
"David Plotz"); a titled form never introduced ("Ms Gallacher", "Cllr Mulholand's") takes up
the one person introduced in full once ("Siobhan Gallagher"), and so does a bare surname that
speaks ("Stevenson said" for "Carol Stephenson"), even spelt as another sound of the name
("McDonald" for "Macdonald", ph for v); and names shorter than
`min_length` ("Xi", "Xie") are left alone; two forms of four letters are compared only as a
person's name ("Irna" is no slip for Iran, nor "Tham" for Thai; "Jasn"
is one for Jason). A name in a quotation of writing (a tweet, a memo, a note: see
Document.written_quotes) keeps its writer's spelling and is not flagged; speech is the reporter's.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterator

from ..core.diagnostic import Diagnostic
from ..core.options import Option
from ..document.model import Document
from ..document.people import CALENDAR, bare, capitalised, vocabulary
from ..document.tokens import Token, strip_possessive
from .agreement import opens_sentence
from .shared.article_model import (
    NUMBER_WORDS,
    article,
    edit_distance,
    same_consonants,
    same_name,
    same_name_groups,
    words,
)
from .shared.check import Check
from .shared.messages import MAX_RELATED, times

COMMON_ZIPF = 3.0
SHORT_NAME = 5  # two shorter forms are compared only as a person's name: short places and acronyms abound
SKELETON_MIN = 6  # names this long whose consonants agree may differ by two edits
_VOWELS = re.compile(r"[aeiouy]+")
_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")  # "A.J." before a surname
_INITIAL = re.compile(r"[A-Z]\.?")  # a middle initial: "Sara J. Whitcombe"
# a name the web writes this often (david 5.1, george 4.6) has no unknown namesake one slip away
COMMON_NAME_ZIPF = 4.0
QUOTED_TITLE_WORDS = 6  # a quotation this short, mostly capitalised, is a title


def _common(lexicon, word: str, zipf: float = COMMON_ZIPF) -> bool:
    """A common dictionary word ("Later", "Group"), not a name ("Robben", "Whitcomb"), which a
    dictionary may list too, but rarely."""
    return lexicon.known(word) and lexicon.zipf(word) >= zipf


def _first_name(tokens, i: int, view: str, lexicon) -> str | None:
    """The first name (or initial) before tokens[i], looking past one particle ("D Dal Maso");
    a dictionary word opening a sentence ("Later Zelenskyy") is not a first name."""
    for k in (i - 1, i - 2):
        if k < 0 or view[tokens[k].end:tokens[k + 1].start] not in (" ", ". "):
            return None
        text = tokens[k].text
        if text.rstrip(".") in vocabulary()["titles"]:
            return None  # "Ms Gallacher": a title, not a first name's initial
        if len(text) <= 2 and text[:1].isupper() or _INITIALS.fullmatch(text):
            return text  # an initial, or two ("A.J. Spiker")
        if tokens[k].kind != "word" or not text[:1].isupper():
            return None
        if not _common(lexicon, bare(tokens[k])):
            return text
    return None


def _surname_only(rest: str) -> bool:
    """Whether what follows a given name in its run is a surname, after any initials."""
    words = rest.split()
    return len(words) >= 1 and all(_INITIAL.fullmatch(w) for w in words[:-1])


def _after_a_first_name(doc: Document, indexes: list[int], lexicon) -> bool:
    """Whether a form stands after a first name or initials somewhere: a person's surname."""
    return any(_first_name(doc.tokens, k, doc.view, lexicon) for k in indexes)


def _surname(tokens, i: int, view: str, lexicon) -> str | None:
    """The surname after tokens[i], past a particle: "Arjan de Zeeuw". A dictionary word is
    not a surname: "Foster's Group" and "Fostr's Lager" may be one name."""
    for k in (i + 1, i + 2):
        if k >= len(tokens) or view[tokens[k - 1].end:tokens[k].start] != " ":
            return None
        if capitalised(tokens[k]):
            return None if _common(lexicon, bare(tokens[k])) else bare(tokens[k])
        if not (tokens[k].text.islower() and len(tokens[k].text) <= 3):
            return None
    return None


class NameVariant(Check):
    NAME = "name-variant"
    DESCRIPTION = "Flags a name spelt once one way and more often another way."
    OPTIONS = {
        "min_length": Option("int", 4, "shorter names are never compared", minimum=2),
        "min_count": Option("int", 2, "how often the usual form must appear", minimum=1),
        "max_edits": Option("int", 1, "edits between the two forms", minimum=1),
        "long_name": Option("int", 10, "names this long may differ by one more edit", minimum=1),
        "word_zipf": Option("number", COMMON_ZIPF, "a rare form this common in English (Zipf scale) is a word; "
                                           "a rarer dictionary entry is compared only with unknown names"),
        "endings": Option("strings", ["s", "es"], "endings that make the rare form a plural, not a variant"),
        "derivations": Option("strings", ["/n"], "pairs of endings, parted by '/', that make two words of one name "
                              "on the same stem, not a variant: /n (Kenya, Kenyan), ism/ist (Trumpism, Trumpist)"),
    }
    SCOPES = ("document",)
    DEFAULT_SCOPE = "document"
    PLACEHOLDERS = ("match", "other", "count", "times")

    def __init__(self, rule, context):
        super().__init__(rule, context)
        self._words: dict[str, bool] = {}
        self._places: dict[str, list[tuple[int, int]]] = {}  # the article's forms and where they stand
        self._derivations = [tuple(pair.lower().split("/", 1)) for pair in self.options["derivations"]]

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        from ..resources import lexicon
        opts = self.options
        tokens = doc.tokens
        where: dict[str, list[tuple[int, int]]] = {}
        at: dict[str, list[int]] = {}  # token indexes, to read the names beside a form
        plural: set[str] = set()
        possessed: set[str] = set()  # written with a possessive somewhere: "Hailey's"
        min_length = opts["min_length"]
        quantifiers = vocabulary()["quantifiers"]
        for i in doc.capital_words:  # word tokens that start with a capital
            tok = tokens[i]
            text = tok.text
            if "-" in text or text[-1] in "'’sS":
                for start, end, part in _name_parts(tok):  # "Madrid-style" counts for Madrid
                    if len(part) >= min_length and part[0].isupper():
                        where.setdefault(part, []).append((start, end))
                        at.setdefault(part, []).append(i)
                name = bare(tok)
            else:  # most names: one part, no possessive (what parts() and bare() would say)
                if len(text) >= min_length:
                    where.setdefault(text, []).append((tok.start, tok.end))
                    at.setdefault(text, []).append(i)
                name = text
            if _counted(tokens, i, quantifiers):
                plural.add(name)  # "the Kennedys": a family, "six Baftas", "Both Koreas", "many J.D. Vances"
            if tok.text != name:
                possessed.add(name)
        titles = vocabulary()["titles"]
        reported: set[int] = set()  # a span the given names flag is not flagged again as a surname's
        for d in self._given_names(doc):
            reported.add(d.offset)
            yield d
        # a form used often, or once in a full name: "Siobhan Gallagher" ... "Ms Gallacher"
        introduced = article(doc).given
        frequent = [f for f in where if len(where[f]) >= opts["min_count"] or f in introduced]
        if not frequent:
            return
        self._places = where
        neighbours = _Neighbours(frequent, opts["long_name"])
        for rare, places in where.items():
            if self._no_name(doc, lexicon, rare) or _a_plural(lexicon, rare, where, plural, possessed) \
                    or (rare[:-1] in where and any(_before_plural_verb(doc, k) for k in at[rare])) \
                    or all(k > 0 and tokens[k - 1].text.lower() in _DEGREE for k in at[rare]):
                # "after the queen, royal family and Middletons have heard": a family; "very Trumpy
                # states": an adjective
                continue
            count = len(places)
            # a given name, or a person's surname after one ("Rep. Stephanie Howse" beside "the Ohio
            # House"; not a place after a word: "Central Ameirca")
            first_name = _titled_first_name(doc, rare, at[rare]) or (
                rare in introduced and rare in article(doc).cast.persons)
            candidates = [f for f in neighbours.near(rare) if f != rare
                          and (len(where[f]) >= max(2 * count, opts["min_count"])
                               or (len(where[f]) >= count and _titled_back_to(doc, rare, f)))
                          and (self._variant(rare, f, rare in plural or f not in possessed)
                               or _sounds_alike(rare, f) and _taken_up_instead(doc, rare, f))
                          and not (f in CALENDAR and rare.startswith(f))  # "Marchi" is a name, "Friady" a slip
                          # a surname after a first name or initials is no slip for a title ("A.J. Spiker"
                          # beside "Speaker"), unless the title is someone's surname too ("Ayanna Bishop")
                          and not (f in titles and _after_a_first_name(doc, at[rare], lexicon)
                                   and not _after_a_first_name(doc, at[f], lexicon))
                          # "Minister Marise Payne" beside "Marine" (Corps), "Tim Koogle" beside "Google": a
                          # common word no one bears as a name here ("David Plotz" does)
                          and not (first_name and self._common_word(f, lexicon) and not _a_name_here(doc, f))]
            if len(rare) < SHORT_NAME:  # "Irna" beside "Iran", "Tham" beside "Thai": only a person's name
                candidates = [f for f in candidates if len(f) >= SHORT_NAME or f in article(doc).cast.persons]
            if not candidates:
                continue
            if lexicon.known(rare):
                # a rare dictionary entry ("Californians", "Boyle") is compared only with usual
                # forms no dictionary knows ("Whitcomb" for "Whitcombe"), or a doubled letter
                # lost or added ("Llewelyn" for "Llewellyn"), or a person the article introduced
                # in full when the rare form's person never was ("Anders Petersen" ... "Mr Peterson")
                candidates = [f for f in candidates if not lexicon.known(f) or _undoubled(f) == _undoubled(rare)
                              or _taken_up_instead(doc, rare, f)]
            if _entity_of_its_own(doc, places, [where[f] for f in candidates]):
                continue  # "Zabul province", the "Ramadhan Foundation": not a slip for Kabul or Ramadan
            # beside other names the two are two people, unless no dictionary knows the rare form
            # and the usual one is a common first name ("Dr. Daavid Boulware" beside "David Plotz")
            # a rare form the web never writes is a slip whoever bears it ("Bryan Ffrry" beside "Otis
            # Ferry") and whatever follows it ("Dr. Daavid Boulware" beside "David Plotz")
            written = lexicon.get().observed_zipf(rare.lower()) > 0
            matches = [f for f in candidates
                       if not self._other_parts(doc, at[rare], at[f])
                       and not (written and (_given_apart(doc, rare, f) or _other_names_after(doc, at[rare], at[f])))
                       and (not self._distinct(doc, lexicon, at[rare], at[f])
                            or (not lexicon.known(rare) and lexicon.zipf(f.lower()) >= COMMON_NAME_ZIPF
                                and _parts(doc, at[rare]) == _parts(doc, at[f]) == {"first name"}))]
            if not matches:
                continue
            # the nearest form, then the most used: "Repulicans" is one slip from "Republicans",
            # two from "Republican", which the article writes as often
            distance = {f: edit_distance(rare, f, 3) for f in matches}
            matches = [f for f in matches if distance[f] == min(distance.values())]
            best = max(len(where[f]) for f in matches)
            usual = [f for f in matches if len(where[f]) == best]
            # two usual forms to choose from: not sure which is meant; or the article says so itself
            # ("a statement ... that misspelled Shaub's name")
            if len(usual) != 1 or _correction_names(doc, (rare, usual[0])):
                continue
            other = usual[0]
            related = [(s, e, f"'{other}' here") for s, e in where[other][:MAX_RELATED]]
            for start, end in places:
                if _left_alone(doc, start, end) or doc.source_span(start, end)[0] in reported:
                    continue
                # two names one edit apart may be two places or two firms (Zabul, Kabul): a
                # suggestion, never a safe fix
                fix = self.replacement_fix(doc, start, end, other, False)
                yield self.report(doc, start, end, suggestions=[other], related=related, fix=fix,
                                  other=other, count=best, times=times(best))

    def _given_names(self, doc: Document) -> Iterator[Diagnostic]:
        """One person's given name spelt two ways: "Katherine Moreno" twice, "Kathryn Moreno"
        once (the article model says which given names may be one name). A given name that also
        stands alone or after a kinship word ("her sister Kathryn") is somebody else."""
        model = article(doc)
        kin = words()["kinship"]
        # a given name and then a surname only, past middle initials ("President Viktor Yanukovych",
        # "Sara J. Whitcombe"): a person, not "Disasters Emergency Committee"
        two_words = {run.given_span: _surname_only(doc.view[run.given_span[1]:run.end])
                     for run in model.runs if run.given_span}
        for surname, names in model.given.items():
            for group in same_name_groups(list(names)):
                if len(group) < 2:
                    continue
                written = {g: len(re.findall(rf"\b{re.escape(g)}\b", doc.view)) for g in group}  # alone or not
                # the one given most with the surname, then alone too ("Philip Gedge" ... "Philip was
                # educated" beside a headline's "Phillip Gedge"), then the one given first
                usual = max(group, key=lambda g: (len(names[g]), written[g], -names[g][0][0]))
                for rare in group:
                    spans = names[rare]
                    once_each = len(names[usual]) == len(spans) == 1 and (
                        edit_distance(rare, usual, 1) <= 1 or same_consonants(rare, usual)) \
                        and surname in model.cast.persons and two_words.get(spans[0], False) \
                        and two_words.get(names[usual][0], False)  # (a name the runs never gave alone is none)
                    if rare == usual or (len(names[usual]) < max(2, 2 * len(spans)) and not once_each):
                        continue  # "Dr. Phillip Amadi" ... "Dr. Philip Amadi": the later one is the slip
                    if self._plural_of(rare, usual) or self._plural_of(usual, rare):
                        continue  # "after Hurricanes Harvey and Irma": a plural before two names
                    if written[rare] > len(spans) or any(
                            doc.view[max(0, s - 20):s].rstrip(", ").split()[-1:] in ([k] for k in kin)
                            for s, _ in spans):  # "her sister Kathryn", "her husband, Jan Corrie"
                        continue
                    related = [(s, e, f"'{usual} {surname}' here") for s, e in names[usual][:MAX_RELATED]]
                    for start, end in spans:
                        if _left_alone(doc, start, end):
                            continue
                        yield self.report(doc, start, end, suggestions=[usual], related=related,
                                          other=f"{usual} {surname}", count=len(names[usual]),
                                          times=times(len(names[usual])))

    def _no_name(self, doc: Document, lexicon, form: str) -> bool:
        """"The", "Later", "Kenyan": a word, not a misspelt name (but "Mr Peterson" and "Stevenson
        said" are names)."""
        return self._common_word(form, lexicon) and not _never_introduced(doc, form) and not _bare_speaker(doc, form)

    def _common_word(self, form: str, lexicon) -> bool:
        """A dictionary word common enough (Zipf `word_zipf`) to be a word, not a name; cached,
        since the same capitalised words open sentences in every article."""
        cached = self._words.get(form)
        if cached is None:
            cached = _common(lexicon, form, self.options["word_zipf"])
            if len(self._words) < _WORD_CACHE:
                self._words[form] = cached
        return cached

    def _plural_of(self, plural: str, single: str) -> bool:
        """Whether `plural` is `single` with one of the rule's plural endings."""
        return any(plural.lower() == single.lower() + ending for ending in self.options["endings"])

    def _variant(self, rare: str, usual: str, plural_ok: bool) -> bool:
        if rare.lower().replace("’", "'") == usual.lower().replace("’", "'"):
            return False  # NATO and Nato: a house style; O’Rourke and O'Rourke: one name, two apostrophes
        if _acronym(rare) and _acronym(usual) and len(rare) == len(usual) and sorted(rare) != sorted(usual):
            return False  # ELAA and ERAA, SSPs and DSPs: two acronyms (MMOPRGs for MMORPGs is a slip)
        if rare[0] != usual[0] and len(self._places.get(rare, ())) > 1:
            return False  # Zabul and Kabul: a slip keeps the first letter and is made once
        if (plural_ok or len(self._places.get(rare, ())) > 1) and self._plural_of(rare, usual):
            return False  # "Baftas" beside "Bafta"; but "Haileys" beside "Hailey's" lost its apostrophe
        if not rare.endswith("s") and self._plural_of(usual, rare):
            return False  # one "Chromebook" among "Chromebooks": the singular, not a slip
        if len(rare) > 2 and rare[1:] == usual and rare[:2].isupper():
            return False  # "NKorea" beside "Korea": an initial run on, a headline's short form
        lower = rare.lower()
        if self._derived(lower, usual.lower()):
            return False  # "Kenya" beside "Kenyan", "Trumpism" beside "Trumpist": a name and a word made of it
        if lower.endswith("ed") and usual.lower() in (lower[:-1], lower[:-2], lower[:-2] + "er"):
            return False  # "Tased" beside "Taser", "Skyped" beside "Skype": a verb made of the name
        shortest = min(len(rare), len(usual))
        # a long name, or one whose consonants are the other's, group for group ("Fairburn",
        # "Fairbairn"), may differ by one more edit: a vowel sound spelt another way is one slip
        limit = self.options["max_edits"] + (shortest >= self.options["long_name"] or (
            shortest >= SKELETON_MIN and _skeleton(rare) == _skeleton(usual)))
        return edit_distance(rare, usual, limit) <= limit

    def _derived(self, a: str, b: str) -> bool:
        """Whether the two forms are one stem with the two endings of one of the derivations."""
        for x, y in self._derivations:
            for one, other in ((a, b), (b, a)):
                if one.endswith(x) and other.endswith(y) and one[:len(one) - len(x)] == other[:len(other) - len(y)]:
                    return True
        return False

    @staticmethod
    def _distinct(doc: Document, lexicon, rare_at: list[int], usual_at: list[int]) -> bool:
        """Both forms appear in full names, with different names beside them: two people
        (first names are compared by their initial, so "A Masi" is not "David Dal Maso")."""
        tokens, view = doc.tokens, doc.view
        for side in (lambda i: (_first_name(tokens, i, view, lexicon) or "")[:1],
                     lambda i: _surname(tokens, i, view, lexicon)):
            a = {side(i) for i in rare_at} - {"", None}
            b = {side(i) for i in usual_at} - {"", None}
            if a and b and not (a & b):
                return True
        return False

    @staticmethod
    def _other_parts(doc: Document, rare_at: list[int], usual_at: list[int]) -> bool:
        """One form is only ever a surname and the other only ever a first name ("Dave Caris"
        among "Chris Larimer" and "Chris Pappas"): different names, however common the first."""
        parts = (_parts(doc, rare_at), _parts(doc, usual_at))
        return all(len(p) == 1 and None not in p for p in parts) and parts[0] != parts[1]


def _entity_of_its_own(doc: Document, places: list[tuple[int, int]], others: list[list[tuple[int, int]]]) -> bool:
    """Whether a form names a place or a body ("Zabul province", "the Ramadhan Foundation")
    somewhere, with a noun (entity_nouns) that never follows the forms it resembles: the two
    name different things."""
    entity_nouns = words()["entity_nouns"]

    def nouns_after(spans: list[tuple[int, int]]) -> set[str]:
        return {m.group(1).lower() for _, e in spans if (m := _NEXT_WORD.match(doc.view, e))} & entity_nouns

    mine = nouns_after(places)
    return bool(mine) and not any(mine & nouns_after(spans) for spans in others)


def _other_names_after(doc: Document, rare_at: list[int], usual_at: list[int]) -> bool:
    """Both forms only ever open a longer name, and never the same one: "Tuen Mun" and "Tsuen
    Wan" are two places, not one name misspelt ("Katherine Moreno" and "Kathryn Moreno" share
    what follows)."""
    tokens, view = doc.tokens, doc.view

    def next_words(at: list[int]) -> set[str] | None:
        found = set()
        for i in at:
            if i + 1 >= len(tokens) or not capitalised(tokens[i + 1]) or view[tokens[i].end:tokens[i + 1].start] != " ":
                return None  # alone somewhere: no longer name to tell it by
            found.add(bare(tokens[i + 1]))
        return found

    rare, usual = next_words(rare_at), next_words(usual_at)
    return rare is not None and usual is not None and not rare & usual


def _parts(doc: Document, at: list[int]) -> set[str | None]:
    """What each occurrence of a form is in a name: a "surname" (a capitalised word before it
    only), a "first name" (one after it only), or None (alone, or inside a longer name)."""
    tokens, view = doc.tokens, doc.view

    def capital_beside(k: int, i: int) -> bool:
        """tokens[k] is a capitalised word next to tokens[i], in one name (a first name "Dave" is
        a dictionary word too, so the dictionary cannot say)."""
        if not 0 <= k < len(tokens) or not capitalised(tokens[k]) or (k < i and tokens[k].text != bare(tokens[k])):
            return False  # "Fox News Channel’s Chris Wallace": a possessive is no part of the name
        a, b = min(k, i), max(k, i)
        if view[tokens[a].end:tokens[b].start] != " ":
            return False
        return k > i or not opens_sentence(doc, tokens[k].start)

    def part(i: int) -> str | None:
        first, last = capital_beside(i - 1, i), capital_beside(i + 1, i)
        return "surname" if first and not last else "first name" if last and not first else None

    return {part(i) for i in at}


_WORD_CACHE = 100_000
# the article names the other spelling itself: "Ar Raqqah, also spelled Raqqa", "(or Kyiv)"
_SPELT_ALSO = re.compile(r"(?:\b(?:spelled|spelt|known as|transliterated as|pronounced)|[(,] or)\s+\Z", re.IGNORECASE)
# degree words before a capitalised word that make it an adjective: "very Trumpy states"
_DEGREE = frozenset(["very", "so", "too", "more", "most", "less", "least", "rather", "quite", "pretty", "fairly",
                     "extremely", "increasingly"])
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
_CORRECTION = re.compile(r"\b(?:misspell|misspelt|misidentif|incorrectly (?:spell|identif|nam)|the spelling of|"
                         r"corrected to (?:spell|read|identify|show))",
                         re.IGNORECASE)
# a literal first, which the engine looks for in C: "Mr", "Mrs", "Ms", "Miss", "Dr" not inside a word
# a courtesy title, or a councillor's (British copy's "Cllr Mulholland"), before a surname
_COURTESY = re.compile(r"(?:M(?<![\w.]M)(?:rs?|s|iss)|D(?<![\w.]D)r|C(?<![\w.]C)(?:llr|ouncillor))\.? ([A-Z][\w’'-]+)")


def _name_parts(tok: Token) -> list[tuple[int, int, str]]:
    """The parts of a hyphenated word that stand for names, none where a particle inside makes it
    one name ("Alpes-de-Haute-Provence", "Digne-les-Bains": "Alpes" is no form of "Alps")."""
    parts = tok.parts()
    return [] if any(part.islower() and len(part) <= 3 for _, _, part in parts[1:-1]) else parts


_PLURAL_VERBS = frozenset(["have", "are", "were"])


def _before_plural_verb(doc: Document, i: int) -> bool:
    """Whether the word at `i` is a plural and a plural verb follows it after a space ("Middletons
    have heard"; a slip for a possessive takes a noun after it: "McDonalds profits")."""
    tokens = doc.tokens
    return tokens[i].text.endswith("s") and i + 1 < len(tokens) and doc.view[tokens[i].end:tokens[i + 1].start] == " " \
        and tokens[i + 1].text in _PLURAL_VERBS


def _counted(tokens, i: int, quantifiers: frozenset[str]) -> bool:
    """Whether the capitalised word at `i` follows "the", a number or a quantifier, past up to two
    capitalised words or initials of its name ("the two Koreas", "Both Koreas", "many J.D. Vances",
    "more Marco Rubios")."""
    k = i - 1
    while k >= 0:
        word = tokens[k].text.lower()
        if word == "the" or word.isdigit() or word in NUMBER_WORDS or word in quantifiers:
            return True
        if i - k <= 2 and tokens[k].text[:1].isupper() and (tokens[k].text.endswith(".") or capitalised(tokens[k])):
            k -= 1  # the rest of the name: initials ("J.D.") or a first name ("more Marco Rubios")
            continue
        return False
    return False


def _titled_first_name(doc: Document, form: str, indexes: list[int]) -> bool:
    """Whether the form, a word of its own (not "Peirre" of "Jean-Peirre"), stands between a title
    and a capitalised word: a first name ("Defence Minister Marise Payne")."""
    tokens, titles = doc.tokens, vocabulary()["titles"]
    return any(0 < i < len(tokens) - 1 and tokens[i].text == form and tokens[i - 1].text.rstrip(".") in titles
               and capitalised(tokens[i + 1]) for i in indexes)


def _a_name_here(doc: Document, form: str) -> bool:
    """Whether the article model reads the form as a person's given name or surname ("David
    Plotz", "Otis Ferry")."""
    given = article(doc).given
    return form in given or any(form in names and f"{form} {surname}" in doc.view for surname, names in given.items())


def _a_plural(lexicon, form: str, where: dict, plural: set[str], possessed: set[str]) -> bool:
    """"the two Koreas": the plural of a name the article writes, or after a number, not a slip
    for "Korean" (but "McDonalds" beside "McDonald's" lost its apostrophe)."""
    if not form.endswith("s"):
        return False
    single = form[:-1]
    return (single in where and single not in possessed) or (form in plural and lexicon.known(single))


def _left_alone(doc: Document, start: int, end: int) -> bool:
    """A form in a quotation of writing or a post embedded whole (a tweet or a memo keeps its
    writer's spelling), an account's name before its handle ("— CSPAN (@cspan) June 22, 2016"),
    or one the article names as another spelling or sound itself ("Ar Raqqah, also spelled Raqqa",
    "Yanukovych (pronounced Janukovych)"), or a correction's note names as the wrong one ("An earlier
    version misspelled his surname as Karatas")."""
    if doc.in_quote(start, end, written=True) or doc.in_post(start, end) or doc.view.startswith(" (@", end) \
            or _SPELT_ALSO.search(doc.view, max(0, start - 24), start) is not None or _in_a_quoted_title(doc, start):
        return True
    s, e = doc.sentence_at(start)  # a correction's note: "misspelled his surname as Karatas"
    return _CORRECTION.search(doc.view, s, e) is not None


def _in_a_quoted_title(doc: Document, start: int) -> bool:
    """Whether the form stands in a short quotation in title case: a song's, a film's or a book's
    title ("Nelly's 2002 hit “Hot in Herre”"), spelt as its makers spell it."""
    quote = doc.quote_around(start, start + 1)
    if quote is None:
        return False
    words = doc.view[quote[0]:quote[1]].strip("“”\"'‘’ ").split()
    capitals = sum(w[:1].isupper() for w in words)
    return 0 < len(words) <= QUOTED_TITLE_WORDS and capitals * 2 > len(words)


def _correction_names(doc: Document, forms: tuple[str, ...]) -> bool:
    """Whether a sentence that speaks of a misspelling ("misspelled Shaub's name") names one of
    the forms: the article points out the other spelling itself, wherever it stands."""
    for m in _CORRECTION.finditer(doc.view):
        s, e = doc.sentence_at(m.start())
        if any(re.search(rf"\b{re.escape(f)}\b", doc.view[s:e]) for f in forms):
            return True
    return False


def _never_introduced(doc: Document, name: str) -> bool:
    """A person named with a courtesy title ("Mr Peterson", not "King Kong") whom the article
    never introduces with a first name, which news does for everyone it names."""
    titled = doc.__dict__.get("_courtesy_names")
    if titled is None:  # once per document
        titled = doc.__dict__["_courtesy_names"] = {strip_possessive(m.group(1)) for m in _COURTESY.finditer(doc.view)}
    return name in titled and name not in article(doc).cast.first_names


def _given_apart(doc: Document, rare: str, usual: str) -> bool:
    """Both forms introduced in full, with given names that are no one name: two people ("Rep.
    Chris Van Hollen", "Dan Holler"), even where a dictionary word opens one of the names."""
    a, b = _given_names(doc, rare), _given_names(doc, usual)
    return bool(a and b) and not any(same_name(_unaccented(x), _unaccented(y)) for x in a for y in b)


def _unaccented(word: str) -> str:
    """"Diné" as "Dine": one name, with its accent or without."""
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()


def _given_names(doc: Document, surname: str) -> set[str]:
    """The names the article writes right before `surname` ("House Minority Leader Kevin
    McCarty": Kevin); one that opens a sentence only when a description follows the name ("Dan
    Holler, a spokesman"), not "Later Zelenskyy flew"."""
    view, titles = doc.view, vocabulary()["titles"]
    found = set()
    for run in article(doc).runs:
        words = view[run.start:run.end].split()
        if run.surname != surname or len(words) < 2 or len(words[-2]) < 3 or words[-2].rstrip(".") in titles:
            continue
        if len(words) > 2 or not opens_sentence(doc, run.start) or view.startswith(", ", run.end):
            found.add(words[-2])
    return found


def _taken_up_instead(doc: Document, rare: str, usual: str) -> bool:
    """The rare form is a person never introduced, titled ("Mr Peterson") or speaking ("Stevenson
    said"); the usual form is one introduced in full ("Anders Petersen", "Carol Stephenson"): news
    names everyone in full first, so the rare form takes up that person, misspelt."""
    model = article(doc)
    return (usual in model.cast.first_names or usual in model.given) \
        and (_never_introduced(doc, rare) or _bare_speaker(doc, rare))


def _bare_speaker(doc: Document, name: str) -> bool:
    """A surname that speaks ("Stevenson said", "said Stevenson") and is never given a first name,
    initials or a title anywhere ("J.D. Stevenson", "Rep. Stevenson"), nor said of a firm
    ("Philips said it had fixed"). The article's bare speakers are read once."""
    speakers = doc.__dict__.get("_bare_speakers")
    if speakers is None:
        view, model = doc.view, article(doc)
        spoke = {m.group(1) for m in _SPEAKS_AFTER.finditer(view)} | {m.group(1) for m in _SPEAKS_BEFORE.finditer(view)}
        named = {m.group(1) for m in _AFTER_A_NAME.finditer(view)}
        speakers = doc.__dict__["_bare_speakers"] = spoke - named - model.cast.first_names.keys() - model.given.keys()
    return name in speakers


# "Stevenson said", "Stevenson, a farmer, told" (not "Philips said it"); "said Stevenson" (not "said Maine Sen. King")
_SPEAKS_AFTER = re.compile(r"\b([A-Z][\w’'-]+)(?:,[^,.]{1,60},)? (?:said|says|told|added)\b(?! it\b)")
_SPEAKS_BEFORE = re.compile(r"\b(?:said|says) ([A-Z][\w’'-]+)\b(?! [A-Z])")
# a word written after another name (a given name, initials, a title), not after a sentence's opening word
_AFTER_A_NAME = re.compile(r"(?<![.!?] )(?<!\n)(?<!^)\b[A-Z][\w’'.-]* (?=([A-Z][\w’'-]+))")


def _sounds_alike(rare: str, usual: str) -> bool:
    """Two spellings of one sound of a name: "Stevenson" and "Stephenson", "McDonald" and
    "Macdonald" (a slip of hearing, beyond one letter)."""
    return _sound(rare) == _sound(usual) and edit_distance(rare.lower(), usual.lower(), 3) <= 3


def _sound(name: str) -> str:
    """A name as it sounds, roughly: Mac as Mc, ph and v as f, c before a, o, u as k, z as s, y as
    i, doubled letters as one."""
    s = _unaccented(name).lower()
    s = re.sub(r"^mac", "mc", s).replace("ph", "f").replace("v", "f").replace("ck", "k").replace("z", "s")
    s = re.sub(r"c(?=[aou])", "k", s).replace("y", "i")
    return re.sub(r"(.)\1+", r"\1", s)


def _titled_back_to(doc: Document, rare: str, usual: str) -> bool:
    """The rare form only ever has a title ("Ms Gallacher"), the usual one a given name once
    ("Siobhan Gallagher"): the titled form takes up the one person introduced, whose name it
    misspells (not "Dr Helen Marlow" beside "Dr Helena Marlowe": both introduced). The caller
    holds the titled form to no more mentions than the introduced one: "Mr. Buttigieg" three
    times beside "Pete Buttigeig" once is the introduction misspelt."""
    given = article(doc).given
    return usual in given and rare not in given and _never_introduced(doc, rare)


def _acronym(word: str) -> bool:
    """ELAA, SSPs: capitals, perhaps with a plural s."""
    stem = word[:-1] if word.endswith("s") else word
    return len(stem) >= 2 and stem.isupper()


def _skeleton(word: str) -> str:
    """The first letter and the groups of consonants after it, in order: Fairbairn and
    Fairburn -> "f|-rb-rn", Treacy and Tracey -> "t|r-c-"; Angeles ("a|ng-l-s") is not Anglos
    ("a|ngl-s")."""
    lower = word.lower()
    return lower[:1] + "|" + "-".join(_VOWELS.split(lower[1:]))


def _undoubled(word: str) -> str:
    return re.sub(r"(.)\1", r"\1", word.lower())


class _Neighbours:
    """Forms within one edit of a word (two for long words), found through their deletions,
    forms of six letters or more whose consonant groups are the word's (_skeleton), and forms
    that sound like it (_sound)."""

    def __init__(self, forms: list[str], long_name: int):
        self.long_name = long_name
        self.index: dict[str, set[str]] = {}
        for form in forms:
            for key in self._keys(form):
                self.index.setdefault(key, set()).add(form)

    def _keys(self, word: str) -> set[str]:
        keys = {word} | {word[:i] + word[i + 1:] for i in range(len(word))}
        if len(word) >= self.long_name:
            keys |= {k[:i] + k[i + 1:] for k in list(keys) for i in range(len(k))}
        if len(word) >= SKELETON_MIN:
            keys.add("#" + _skeleton(word))
        keys.add("~" + _sound(word))
        return keys

    def near(self, word: str) -> set[str]:
        found: set[str] = set()
        for key in self._keys(word):
            found |= self.index.get(key, set())
        return found
